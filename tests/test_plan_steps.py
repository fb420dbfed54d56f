"""What each kind of plan step means, on plain values: the one `meaning` every reader of a plan uses
(the table, the JSON, the log, the counts), and a diff for each kind."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.action_item import ActionItem, Owner
from bot.commands.sync import describe
from bot.issues import Issue, NewIssue
from bot.syncplan import plandiff
from bot.syncplan.plan import (
    CloseDuplicate,
    Create,
    EditBlock,
    FlagRemoved,
    ProgressNote,
    RaiseAgain,
    Restore,
    Step,
    SyncPlan,
    Unchanged,
    meaning,
)

ITEM = ActionItem(
    id="abc", note="notes/2026-05-06.md", meeting_date=dt.date(2026, 5, 6), line=8, text="Lee will tag it.",
    owners=(Owner("Lee Chen", "leechen"),), task="Tag the release", due=None, section="Build",
)  # fmt: skip
ISSUE = Issue("team/notes", 7, "Tag the release (Lee Chen)", "body", "open", "bot")
NEW = NewIssue("team/notes", "Tag the release (Lee Chen)", "body", ("action-item",), ())
STEPS: list[tuple[Step, str, bool]] = [
    (Create(ITEM, NEW), "create", False),
    (EditBlock(ITEM, ISSUE, "new body", "Tag the 2.0 release (Lee Chen)"), "update", False),
    (Restore(ITEM, ISSUE, "back", "fact", "new body", reopen=True), "restore", False),
    (RaiseAgain(ITEM, ISSUE, "again", "fact", "new body"), "comment", False),
    (ProgressNote("abc", ISSUE, "done", "fact", "new body", close=True), "progress", True),
    (FlagRemoved(ISSUE, "gone", "fact", close=False, body="new body"), "flag-removed", False),
    (CloseDuplicate(ISSUE, ISSUE), "close-duplicate", True),
    (Unchanged(ITEM, ISSUE), "skip", False),
]


@pytest.mark.parametrize(("step", "action", "closes"), STEPS, ids=[a for _, a, _ in STEPS])
def test_each_step_says_what_it_does(step: Step, action: str, closes: bool) -> None:
    said = meaning(step)
    assert (said.action, said.closes, said.changes) == (action, closes, action != "skip")
    assert describe(step)["action"] == action
    assert bool(plandiff.step_diff(step)) == said.changes


def test_a_plan_counts_its_changes() -> None:
    plan = SyncPlan([step for step, _, _ in STEPS])
    assert plan.changes == len(STEPS) - 1
    assert SyncPlan([Unchanged(ITEM, ISSUE)]).changes == 0


def test_a_restore_reopening_says_so() -> None:
    step = Restore(ITEM, ISSUE, "back", "fact", "new body", reopen=True)
    assert describe(step) == {
        "action": "restore",
        "item": "abc",
        "repo": "team/notes",
        "number": 7,
        "reopen": True,
    }
    assert "+ state: open" in plandiff.step_diff(step)
