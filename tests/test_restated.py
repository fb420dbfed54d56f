"""One item per promise in a note: a promise its action list restates is one item, and one issue,
citing both lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from bot.action_item import Source
from tests import syncbed
from tests.conftest import ItemsOf
from tests.github_emulator import GitHubEmulator, body_of

NOTE = """---
title: Release sync
date: 2026-05-06
---

## Release 1.4

Sam will update the changelog before the tag on Friday.
Lee will review the packaging PR.
Priya will draft the release post.

## Action items

- Sam: changelog for 1.4
- Lee: merge the packaging PR
- Dana: book the room for the retro
"""


def test_a_promise_restated_in_the_action_list_is_one_item_with_both_lines(items_of: ItemsOf) -> None:
    items = items_of(NOTE)
    [changelog] = [i for i in items if i.owners[0].name == "Samuel Okafor"]
    # The action list's line is the item's own; the discussion's stays as a second source, and
    # lends its due date, which the list does not repeat.
    assert (changelog.line, changelog.text, changelog.section) == (
        14,
        "Sam: changelog for 1.4",
        "Action items",
    )
    assert changelog.restated == (Source(8, "Sam will update the changelog before the tag on Friday."),)
    assert changelog.due == dt.date(2026, 5, 8)
    assert [s.line for s in changelog.sources] == [14, 8]


def test_other_tasks_of_the_same_people_stay_apart(items_of: ItemsOf) -> None:
    """Reviewing a PR and merging it are two tasks; a promise the list does not restate stays as said."""
    items = items_of(NOTE)
    assert sorted(
        (i.owners[0].name, i.task, i.restated) for i in items if i.owners[0].name != "Samuel Okafor"
    ) == [
        ("Dana Whitfield", "Book the room for the retro", ()),
        ("Lee Chen", "Merge the packaging PR", ()),
        ("Lee Chen", "Review the packaging PR", ()),
        ("Priya Raman", "Draft the release post", ()),
    ]


BY_PERSON = """Packaging meeting, 2026-06-09

Summary
* ACTION: priyar and tlind to triage the failing builds (priyar, 14:05:10)
* ACTION: tlind to draft the mirror notice (priyar, 14:20:44)

Action items, by person
* tlind
  * priyar and tlind to triage the failing builds
  * tlind to draft the mirror notice
* priyar
  * priyar and tlind to triage the failing builds
"""


def test_a_shared_item_a_list_by_person_repeats_under_each_owner_is_one_item(items_of: ItemsOf) -> None:
    """Meeting bots list an item of two people under each of them, word for word: one promise, one issue."""
    items = items_of(BY_PERSON, "2026-06-09-packaging.txt")
    triage = [i for i in items if "triage" in i.task.lower()]
    assert [(i.line, len(i.owners), [s.line for s in i.restated]) for i in triage] == [(9, 2, [4, 12])]
    # The same words for other people are another promise.
    assert [(i.line, [s.line for s in i.restated]) for i in items if "notice" in i.task] == [(10, [5])]


def test_json_lists_the_item_once_per_line_it_is_stated_on(items_of: ItemsOf) -> None:
    """As annotators count (sentence, owner) pairs: every sentence that makes the promise is listed."""
    [changelog] = [i for i in items_of(NOTE) if i.restated]
    rows = changelog.as_json_rows()
    assert [(r["id"], r["line"], r["text"]) for r in rows] == [
        (changelog.id, 14, "Sam: changelog for 1.4"),
        (changelog.id, 8, "Sam will update the changelog before the tag on Friday."),
    ]
    assert all(
        r["sources"] == [{"line": 14, "text": rows[0]["text"]}, {"line": 8, "text": rows[1]["text"]}]
        for r in rows
    )
    assert json.loads(json.dumps(rows)) == rows


def test_sync_opens_one_issue_for_the_promise_citing_both_lines(repo: GitHubEmulator, tmp_path: Path) -> None:
    syncbed.sync_note(repo, tmp_path, NOTE)
    changelog = [i for i in repo.issues(syncbed.REPO) if "hangelog" in i.title]
    assert [i.title for i in changelog] == ["Changelog for 1.4 (Samuel Okafor)"]
    body = body_of(changelog[0])
    link = f"https://github.com/{syncbed.REPO}/blob/main/notes/2026-05-06.md"
    assert (
        "> Sam: changelog for 1.4\n\n"
        f"From the 2026-05-06 meeting, section *Action items*: [2026-05-06.md#L14]({link}#L14)"
    ) in body
    assert (
        f"Also said in the same notes: [2026-05-06.md#L8]({link}#L8)\n\n"
        "> Sam will update the changelog before the tag on Friday.\n<!-- actionbot:end "
    ) in body
    again = syncbed.sync_note(repo, tmp_path, NOTE)
    assert (again.created, again.updated) == (0, 0)


RECAP = """Minutes of the technical committee, 2026-05-06

Release signing was discussed.
AI: Lee to rebase the signing PR once the review is in.

Short keys were discussed.
AI: Sam to raise a PR to reject short keys

** New and carried over actions:

AI: Lee to rebase the signing PR once the review is in.

AI: Sam to raise a PR to reject short keys
"""


def test_a_closing_recap_of_the_actions_word_for_word_is_one_item_each(items_of: ItemsOf) -> None:
    # A plain-text committee's minutes: every action is written where it was agreed, then again,
    # word for word, in a recap its label makes a list of actions; the recap keeps them.
    items = items_of(RECAP, name="minutes-2026-05-06.txt")
    assert [(i.owners[0].name, i.task, [s.line for s in i.sources]) for i in items] == [
        ("Lee Chen", "Rebase the signing PR", [11, 4]),
        ("Samuel Okafor", "Raise a PR to reject short keys", [13, 7]),
    ]
