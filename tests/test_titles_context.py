"""Titles that take what the sentence leaves out from the note around it: the issue its topic
names, the thing the sentence before named, the topic a speaker's label opens. Notes written for
these tests, in the styles minutes come in."""

from __future__ import annotations

import pytest

from tests.conftest import ItemsOf

HEAD = "---\ntitle: Sync\ndate: 2026-05-06\n---\n\n## Build\n\n"


def titles(items_of: ItemsOf, body: str) -> list[str]:
    return [item.task for item in items_of(HEAD + body)]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # "the PR" under an agenda item that links one: which PR, by its reference.
        (
            "- Move the proposal to stage 3 #379\n    - Sam to update the PR accordingly.\n",
            "Update the PR (#379)",
        ),
        (
            "- https://github.com/acme/widgets/issues/538 follow up?\n    - Lee: will open a PR\n",
            "Open a PR (acme/widgets#538)",
        ),
    ],
)
def test_a_title_naming_only_the_kind_of_issue_takes_the_topics_reference(
    items_of: ItemsOf, body: str, title: str
) -> None:
    assert titles(items_of, body) == [title]


def test_a_topic_with_several_references_or_a_title_naming_a_thing_gets_none(items_of: ItemsOf) -> None:
    body = (
        "- Follow-ups on #12 and #14\n    - Sam to update the PR accordingly.\n"
        "- Release notes #20\n    - Lee will proofread the changelog.\n"
    )
    assert titles(items_of, body) == ["Update the PR", "Proofread the changelog"]


def test_it_after_a_generic_thing_is_that_thing_and_what_it_is_for(items_of: ItemsOf) -> None:
    # "an issue" alone says nothing; the issue "for the toggle additions" does.
    body = (
        "- Keyboard support\n"
        "    - Priya will open an issue for the toggle additions. She will also start working on it.\n"
    )
    assert titles(items_of, body)[-1] == "Start working on an issue for the toggle additions"


def test_a_speakers_label_is_no_part_of_the_topic(items_of: ItemsOf) -> None:
    # "Lee C: release checklist" is Lee's agenda point, about the checklist.
    body = "- Lee C: release checklist status\n    - Priya will look into it.\n"
    assert titles(items_of, body) == ["Look into release checklist status"]


def test_what_a_speaker_said_is_no_topic(items_of: ItemsOf) -> None:
    # "Lee: leads to a question ..." is a remark, not a thing to act on.
    body = "- Lee: leads to a question of whether we ship the old format\n    - Priya will look into it.\n"
    assert all("Lee" not in title and "leads" not in title for title in titles(items_of, body))


def test_what_is_got_done_may_be_the_thing_said_before(items_of: ItemsOf) -> None:
    # "get this set up": "this" is what is set up, the calendar the sentence before named.
    body = "- Scheduling\n    - Sam: we need a shared calendar. Lee will get this set up.\n"
    assert titles(items_of, body) == ["Set up a shared calendar"]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # "the process", "a meeting" say only their kind: the topic says which; who presents the
        # topic, in brackets after it, is no part of it.
        (
            "- Security Roadmap (Lee)\n    - Priya will kick off the process.\n",
            "Kick off the process for Security Roadmap",
        ),
        ("- Wheel format v2\n    - Sam will schedule a meeting.\n", "Schedule a meeting on Wheel format v2"),
    ],
)
def test_a_generic_thing_is_the_topics(items_of: ItemsOf, body: str, title: str) -> None:
    assert titles(items_of, body) == [title]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # On what terms or how far the owner will do it is no part of what they will do.
        (
            "- Release\n    - Lee will tag the release under the condition that CI passes.\n",
            "Tag the release",
        ),
        ("- Release\n    - Lee will update the changelog as much as we need.\n", "Update the changelog"),
        # "this is a living document": what "this" is, for "update this" after it.
        (
            "- Goals\n    - Lee: this is a living document. I'm happy to update this as much as we want.\n",
            "Update a living document",
        ),
    ],
)
def test_hedges_go_and_this_is_what_it_was_said_to_be(items_of: ItemsOf, body: str, title: str) -> None:
    assert titles(items_of, body) == [title]


def test_a_demonstrative_before_a_noun_is_the_nouns_article(items_of: ItemsOf) -> None:
    # "that link": the noun says what is meant; the title keeps its article, not a bare "link".
    body = "- Meeting invite\n    - Sam will stop using that link.\n"
    assert titles(items_of, body) == ["Stop using the link"]


def test_do_it_in_a_reply_does_what_an_item_before_it_in_the_list_asked(items_of: ItemsOf) -> None:
    # Items of one list are turns of one exchange: "do it" does what was asked two turns before.
    asked = "    - Priya: would be useful to get the spec registered with the standards body. Not hard.\n"
    body = f"- Spec registration\n{asked}    - Sam: here is the link.\n    - Lee may need to do it himself.\n"
    assert titles(items_of, body) == ["Register the spec with the standards body"]
    # Under another topic, it is not that exchange's.
    other = f"- Spec registration\n{asked}- Budget\n    - Lee may need to do it himself.\n"
    assert all("Register" not in title for title in titles(items_of, other))


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # "which" in a relative clause is the thing it hangs on, even past a name beside it.
        (
            "We closed with a few action items for Lee, which he'll take care of in the coming weeks.",
            "Take care of a few action items",
        ),
        ("Sam drafted the report, which Lee will send to the board.", "Send the report to the board"),
        # "her" after the person the sentence described: whom to reach, not "her".
        (
            "Lee: a designer who works at a print shop is interested; he'll reach out to her.",
            "Reach out to a designer",
        ),
    ],
)
def test_a_relative_or_a_pronoun_says_whom_or_what_it_stands_for(
    items_of: ItemsOf, line: str, title: str
) -> None:
    assert titles(items_of, f"- Notes\n    - {line}\n") == [title]


def test_it_stands_for_one_thing_and_them_for_several(items_of: ItemsOf) -> None:
    # "it" is the paper, not the details the paper is for.
    body = "- Notes\n    - Lee: working on a paper for more details, will be publishing it soon!\n"
    assert titles(items_of, body) == ["Publish a paper"]


def test_a_time_is_not_what_this_stands_for(items_of: ItemsOf) -> None:
    # "about time" says when, not what: "this" is the item the list is under.
    said = "Lee: it's about time we pinged the vendor. Lee will take this off the agenda."
    body = f"- Release checklist\n    - {said}\n"
    assert titles(items_of, body) == ["Take Release checklist off the agenda"]


def test_the_thing_said_before_is_said_mid_sentence(items_of: ItemsOf) -> None:
    # "The patch" opened its own sentence; inside the title it is "the patch".
    body = "- Packaging\n    - The patch to the build tool was reverted. Sam will review it.\n"
    assert titles(items_of, body) == ["Review the patch to the build tool"]
