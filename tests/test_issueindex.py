"""The index of the bot's issues on plain values: issues named by (repo, number), twins of a race,
each item's issue found the same way every time it is asked, and the states a tracker may report."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from bot.action_item import ActionItem, Owner
from bot.issueindex import issuetext
from bot.issueindex.index import issues_of, match, tracked
from bot.issueindex.routing import Route, Router
from bot.issueindex.scope import NoteScope
from bot.issues import Issue, TrackerError, issue_state

REPO = "team/notes"
NOTE = "notes/2026-05-06.md"
LEE = Owner("Lee Chen", "leechen")
ITEM = ActionItem(
    id="abc", note=NOTE, meeting_date=dt.date(2026, 5, 6), line=8, text="Lee will tag the release.",
    owners=(LEE,), task="Tag the release", due=None, section="Build",
)  # fmt: skip
NOTES = NoteScope(frozenset({NOTE}))


def _issue(number: int, item: ActionItem = ITEM, state: str = "open", repo: str = REPO) -> Issue:
    body = issuetext.block(item, issuetext.marker_for(item), f"{item.note}:{item.line}", ())
    return Issue(repo, number, issuetext.title(item), body, issue_state(state), "bot")


def test_twins_of_a_race_reduce_to_the_oldest_open_one() -> None:
    older_closed, kept, twin = _issue(3, state="closed"), _issue(5), _issue(9)
    tracking = tracked({REPO: [twin, kept, older_closed]}, NOTES)
    assert [entry.key for entry in tracking.known] == [(REPO, 5)]
    assert tracking.twins == [(twin, kept)]


def test_an_issue_listed_twice_is_one_issue_not_its_own_twin() -> None:
    # A listing whose pages shift while they are read can hold an issue twice, as two values.
    issue = _issue(5)
    tracking = tracked({REPO: [issue, replace(issue)]}, NOTES)
    assert [entry.key for entry in tracking.known] == [(REPO, 5)]
    assert tracking.twins == []


def test_issues_of_two_repositories_with_one_number_are_two_issues() -> None:
    other = replace(ITEM, id="def", section="Docs", task="Write the guide")
    here, there = _issue(5), _issue(5, other, repo="team/docs")
    tracking = tracked({REPO: [here], "team/docs": [there]}, NOTES)
    assert [entry.key for entry in tracking.known] == [("team/docs", 5), (REPO, 5)]
    found = issues_of([ITEM, other], {REPO: [here], "team/docs": [there]}, NOTES, lambda i: REPO, "meeting:")
    assert found == {"abc": here, "def": there}


def test_matching_returns_what_it_finds_and_leaves_its_arguments_as_they_were() -> None:
    edited = replace(ITEM, id="xyz", task="Tag the release candidate")
    new = replace(ITEM, id="new", line=9, owners=(Owner("Sam Okafor", None),), task="Book a room")
    tracking = tracked({REPO: [_issue(5)]}, NOTES)
    before = (list(tracking.known), list(tracking.twins), list(tracking.unmarked))
    first = match([edited, new], tracking, NOTES, lambda i: REPO, "meeting:")
    again = match([edited, new], tracking, NOTES, lambda i: REPO, "meeting:")
    assert first == again
    assert {item_id: (entry.key, how) for item_id, (entry, how) in first.own.items()} == {
        "xyz": ((REPO, 5), "edited")
    }
    assert [item.id for item in first.left] == ["new"]
    assert (tracking.known, tracking.twins, tracking.unmarked) == before


def test_the_configured_repositories_are_the_default_and_every_route() -> None:
    router = Router(REPO, (Route(re.compile("Docs"), "team/docs"), Route(re.compile("Web"), "Other/site")))
    assert router.configured == {REPO, "team/docs", "Other/site"}
    assert router.allowed_owners == {"team", "other"}


@pytest.mark.parametrize("state", ["open", "closed"])
def test_a_known_state_is_read_as_it_is(state: str) -> None:
    assert issue_state(state) == state


def test_a_state_the_bot_does_not_know_is_an_error_not_a_guess() -> None:
    with pytest.raises(TrackerError, match="'merged'"):
        issue_state("merged")
