"""Extraction on sentences written for these tests, in the styles minutes come in."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extraction.extractor import Extractor
from bot.notes.meeting import parse_note
from tests.conftest import ItemsOf

HEAD = "---\ntitle: Sync\ndate: 2026-05-06\n---\n\n## Build\n\n"


def owners_and_tasks(items_of: ItemsOf, body: str) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(o.name for o in item.owners), item.task) for item in items_of(HEAD + body)]


@pytest.mark.parametrize(
    ("sentence", "owners", "task"),
    [
        ("Priya will rotate the signing key.", ("Priya Raman",), "Rotate the signing key"),
        ("Sam'll look into the flaky test.", ("Samuel Okafor",), "Look into the flaky test"),
        ("Lee to update the changelog.", ("Lee Chen",), "Update the changelog"),
        ("Dana is going to draft the release notes.", ("Dana Whitfield",), "Draft the release notes"),
        ("TomL can try the patch on ARM.", ("Tom Lindqvist",), "Try the patch on ARM"),
        ("Lee offered to review the parser rewrite.", ("Lee Chen",), "Review the parser rewrite"),
        ("Sam agreed to chase the licence question.", ("Samuel Okafor",), "Chase the licence question"),
        ("Priya volunteered to write the migration guide.", ("Priya Raman",), "Write the migration guide"),
        ("Dana plans to benchmark the new allocator.", ("Dana Whitfield",), "Benchmark the new allocator"),
        ("TomG mentioned that he'd clean up the CI config.", ("Tom Garcia",), "Clean up the CI config"),
        ("It would be good if Lee can look at the crash.", ("Lee Chen",), "Look at the crash"),
        # "it" names nothing in the sentence: the section ("## Build") says what it is.
        ("Perhaps Dana can ask upstream about it.", ("Dana Whitfield",), "Ask upstream about Build"),
        ("We asked DanB to test the installer.", ("Daniel Brooks",), "Test the installer"),
        (
            "Priya and Sam will then pair on the scheduler.",
            ("Priya Raman", "Samuel Okafor"),
            "Pair on the scheduler",
        ),
        (
            "Priya, Sam and Lee can split the backlog.",
            ("Priya Raman", "Samuel Okafor", "Lee Chen"),
            "Split the backlog",
        ),
        ("@leechen will bisect the regression.", ("Lee Chen",), "Bisect the regression"),
        ("@priyar to publish the wheels.", ("Priya Raman",), "Publish the wheels"),
        ("ACTION: Sam to send the survey.", ("Samuel Okafor",), "Send the survey"),
        ("TODO(Dana): archive the old wiki", ("Dana Whitfield",), "Archive the old wiki"),
        ("Lee/Sam: triage the new issues.", ("Lee Chen", "Samuel Okafor"), "Triage the new issues"),
        ("Priya needs to renew the certificate.", ("Priya Raman",), "Renew the certificate"),
        ("Sam wil fix the typo in the docs.", ("Samuel Okafor",), "Fix the typo in the docs"),
    ],
)
def test_one_promise(items_of: ItemsOf, sentence: str, owners: tuple[str, ...], task: str) -> None:
    assert owners_and_tasks(items_of, sentence + "\n") == [(owners, task)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Priya merged the parser rewrite last week.",
        "Sam has pushed all the images.",
        "We'll try and use the faster runner.",
        "Someone should look at the flaky test.",
        "Anyone available to help with packaging?",
        "Can Lee look at the crash?",
        "Dana is happy with the new allocator.",
        "Priya won't be able to attend next time.",
        "Sam will be away next week.",
        "Maybe Lee should use the old runner for now.",
        "Priya would rather wait for the next release.",
        "The next call is scheduled for 20th May.",
        "Please add any agenda items you wish to discuss in advance.",
        "Priya may look at it if there is time.",
        "Lee might try the patch.",
        "Invite Daniel to advise on the design.",
        "Sam will hopefully get some sleep.",
    ],
)
def test_not_a_promise(items_of: ItemsOf, sentence: str) -> None:
    assert owners_and_tasks(items_of, sentence + "\n") == []


def test_two_people_doing_different_things_are_two_items(items_of: ItemsOf) -> None:
    found = owners_and_tasks(items_of, "Priya will tag the release and Sam will announce it on the forum.\n")
    # "it" is the release tagged in the same sentence: a title must be actionable on its own.
    assert found == [
        (("Priya Raman",), "Tag the release"),
        (("Samuel Okafor",), "Announce the release on the forum"),
    ]


# A mentee's weekly report, published as a post: the writer is named only in the front matter.
FIRST_PERSON_REPORT = """---
title: Week 3 report
author: Dana
---

## Week 3 meeting

Attendees: Lee Chen, Dana Whitfield

### Progress

- Finished the parser refactor.
- Lee suggested to drop the old flags.

### Next steps

- I will add the fuzz tests.
- Lee asked me to write up the benchmark results.
"""


def test_the_i_of_a_report_is_its_author(items_of: ItemsOf) -> None:
    found = [(tuple(o.name for o in i.owners), i.task) for i in items_of(FIRST_PERSON_REPORT)]
    assert found == [
        (("Dana Whitfield",), "Add the fuzz tests"),
        (("Dana Whitfield",), "Write up the benchmark results"),
    ]


def test_a_speaker_is_the_i_of_their_own_words(items_of: ItemsOf) -> None:
    note = FIRST_PERSON_REPORT.replace("- I will add", "- Lee: I will add")
    found = [(tuple(o.name for o in i.owners), i.task) for i in items_of(note)]
    assert found[0] == (("Lee Chen",), "Add the fuzz tests")


def test_it_is_the_object_of_the_clause_before(items_of: ItemsOf) -> None:
    found = owners_and_tasks(items_of, "Lee will update the RFC with the final layout and merge it.\n")
    assert found == [(("Lee Chen",), "Update the RFC with the final layout and merge the RFC")]


def test_a_sentence_without_subject_goes_on_about_the_paragraph_person(items_of: ItemsOf) -> None:
    body = "Lee has been looking at the cache. Will send a patch once it passes.\n"
    # Which patch: the one for the cache the sentence before was about.
    assert owners_and_tasks(items_of, body) == [(("Lee Chen",), "Send a patch for the cache")]


def test_a_pronoun_is_the_person_the_paragraph_is_about(items_of: ItemsOf) -> None:
    body = "Dana reported the build times. She'll write up a summary for the list.\n"
    assert owners_and_tasks(items_of, body) == [(("Dana Whitfield",), "Write up a summary for the list")]


def test_this_and_that_are_named_from_the_section(items_of: ItemsOf) -> None:
    found = owners_and_tasks(items_of, "Sam will consider that.\n")
    assert found == [(("Samuel Okafor",), "Consider Build")]


def test_bullet_minutes_with_an_action_items_section(items_of: ItemsOf) -> None:
    body = """## Action items

- [ ] @priyar to rotate the key
- [x] Sam to fix the cache
- Update the changelog — Lee
- Review PR 42 (owner: Dana)
- Send the invoice: TomG
- Decide on the logo
"""
    text = "---\ndate: 2026-05-06\n---\n\n" + body
    found = [(tuple(o.name for o in i.owners), i.task) for i in items_of(text)]
    assert found == [
        (("Priya Raman",), "Rotate the key"),
        (("Lee Chen",), "Update the changelog"),
        (("Dana Whitfield",), "Review PR 42"),
        (("Tom Garcia",), "Send the invoice"),
    ]


def test_action_table(items_of: ItemsOf) -> None:
    text = """# Sync 2026-05-06

| Owner | Action | Due |
|-------|--------|-----|
| Lee | Write the FAQ | 2026-05-20 |
| ~~Sam~~ | ~~Fix the cache~~ | done |
"""
    [item] = items_of(text)
    assert (item.owners[0].name, item.task, item.due) == ("Lee Chen", "Write the FAQ", dt.date(2026, 5, 20))


def test_item_fields(items_of: ItemsOf) -> None:
    body = "Some context first.\n\nTomL will bisect the regression by Friday.\n"
    [item] = items_of(HEAD + body, name="notes/sync.md")
    assert item.note == "notes/sync.md"
    assert item.meeting_date == dt.date(2026, 5, 6)
    assert item.line == (HEAD + body).splitlines().index("TomL will bisect the regression by Friday.") + 1
    assert item.text == "TomL will bisect the regression by Friday."
    assert [(o.name, o.github) for o in item.owners] == [("Tom Lindqvist", "tlind")]
    assert item.task == "Bisect the regression"
    assert item.due == dt.date(2026, 5, 8)
    assert item.section == "Build"


def test_identity_survives_whitespace_and_line_moves_but_not_another_note(extractor: Extractor) -> None:
    first = extractor.extract(parse_note("a/2026-05-06.md", HEAD + "Lee will write the FAQ.\n"))
    moved = extractor.extract(
        parse_note(
            "a/2026-05-06.md", HEAD + "Intro line.\n\nOther text here.\n\n  Lee   will write\nthe FAQ.\n"
        )
    )
    assert [i.id for i in first] == [i.id for i in moved]
    elsewhere = extractor.extract(
        parse_note("a/2026-05-06.md", HEAD.replace("Build", "Docs") + "Lee will write the FAQ.\n")
    )
    # Another note of the same date (another team's meeting, in another folder) is another item; a
    # renamed note's items are found by their words (tests/test_sync_identity.py).
    beside = extractor.extract(parse_note("b/2026-05-06.md", HEAD + "Lee will write the FAQ.\n"))
    assert len({first[0].id, elsewhere[0].id, beside[0].id}) == 3


def test_same_kind_of_promise_twice_in_a_section_gets_two_ids(items_of: ItemsOf) -> None:
    items = items_of(HEAD + "Lee will write the FAQ.\n\nLee will write the release notes.\n")
    assert len({i.id for i in items}) == 2
