"""The pure core on plain values, without spaCy, a tracker or the emulator: routing an item, and
progress on an item read from a later note."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.action_item import ActionItem, Owner
from bot.followup.progress import progress_of
from bot.issueindex.routing import Route, Router
from bot.notes.meeting import parse_note
from bot.people import Person, Roster

LEE = Owner("Lee Chen", "leechen")
ROSTER = Roster((Person("Lee Chen", "leechen", ("Lee",)), Person("Sam Okafor", None, ("Sam",))))


def item(text: str, section: str = "Build", task: str = "Write the FAQ", day: int = 6) -> ActionItem:
    return ActionItem(
        id=f"id-{day}-{task}", note=f"notes/2026-05-{day:02}.md", meeting_date=dt.date(2026, 5, day), line=8,
        text=text, owners=(LEE,), task=task, due=None, section=section,
    )  # fmt: skip


ROUTER = Router("team/notes", (Route(re.compile("website", re.IGNORECASE), "team/website"),))


def test_a_section_route_wins() -> None:
    assert ROUTER.repo_for(item("Lee will fix the footer.", section="Website")) == "team/website"


def test_a_repository_the_note_names_is_used_only_for_an_owner_already_written_to() -> None:
    assert ROUTER.repo_for(item("Lee will fix team/docs#12.")) == "team/docs"
    assert ROUTER.repo_for(item("Lee will fix stranger/docs#12.")) == "team/notes"


def test_anything_else_goes_to_the_default_repository() -> None:
    assert ROUTER.repo_for(item("Lee will write the FAQ.")) == "team/notes"


def test_a_later_line_about_an_item_is_its_progress() -> None:
    first = parse_note("notes/2026-05-06.md", "---\ndate: 2026-05-06\n---\n\nLee will write the FAQ.\n")
    later = parse_note(
        "notes/2026-05-20.md",
        "---\ndate: 2026-05-20\n---\n\nLee looked at the FAQ draft.\n\nSam looked at the FAQ too.\n",
    )
    promise = item("Lee will write the FAQ.")
    found = progress_of([promise], [first, later], ROSTER)
    assert [(p.line, p.done) for p in found[promise.id]] == [(5, False)]  # Lee's line, not Sam's


def test_a_line_saying_it_is_done_is_progress_that_says_so() -> None:
    first = parse_note("notes/2026-05-06.md", "---\ndate: 2026-05-06\n---\n\nLee will write the FAQ.\n")
    later = parse_note("notes/2026-05-20.md", "---\ndate: 2026-05-20\n---\n\nLee finished the FAQ, merged.\n")
    promise = item("Lee will write the FAQ.")
    assert [p.done for p in progress_of([promise], [first, later], ROSTER)[promise.id]] == [True]


def test_done_in_the_words_of_minutes() -> None:
    """ "... is done (Lee)": the owner in brackets at the end; "Lee tagged rc1": the task's own verb
    in the past tense says it is done; not when negated or only planned."""
    first = parse_note(
        "notes/2026-05-06.md",
        "---\ndate: 2026-05-06\n---\n\nLee will backport the Windows fix.\n\nLee to tag 0.9.0-rc1.\n",
    )
    backport = item("Lee will backport the Windows fix.", task="Backport the Windows fix")
    tag = replace(item("Lee to tag 0.9.0-rc1.", task="Tag 0.9.0-rc1"), line=10)
    cases = {
        "The backport of the Windows fix is done (Lee).": {backport.id: True},
        "Lee tagged rc1 on Monday.": {tag.id: True},
        "Lee has not tagged rc1 yet.": {tag.id: False},
        "The backport of the Windows fix is done (Sam).": {},
    }
    for said, expected in cases.items():
        later = parse_note("notes/2026-05-20.md", f"---\ndate: 2026-05-20\n---\n\n{said}\n")
        found = progress_of([backport, tag], [first, later], ROSTER)
        assert {key: [p.done for p in found[key]] for key in found} == {
            key: [done] for key, done in expected.items()
        }, said
