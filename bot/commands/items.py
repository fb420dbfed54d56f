"""The items command, and the work close and reopen share: the bot's issues in every repository the
config writes to, read as action items, listed, found by id or number, closed or reopened."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from bot.commands import runner
from bot.config import Config
from bot.followup import tracked
from bot.followup.tracked import TrackedItem, tracked_items
from bot.issueindex.reading import configured_issues
from bot.issues import Tracker
from bot.review import store
from bot.wiring import make_workspace

CLOSE_REASONS = {False: "completed", True: "not_planned"}
# What a missing item argument most often is: `close #2`, whose "#2" the shell took for a comment.
NO_ITEM = "which item? give its id or its issue number: 2, or '#2' quoted (the shell drops an unquoted #2)"


def command(
    config: Path | None,
    only_open: bool,
    only_closed: bool,
    owner: str | None,
    meeting: str | None,
    as_json: bool,
) -> None:
    if only_open and only_closed:
        raise runner.fail("--open and --closed exclude each other")

    def work(job: runner.Run) -> None:
        state = "open" if only_open else "closed" if only_closed else None
        day = runner.date_option("--meeting", meeting)
        tracker = job.tracker()
        found = tracked.select(
            read_items(job.settings, tracker, job.root), job.settings.roster, state, owner, day
        )
        if as_json:
            # What people corrected about each item, from the same file every command applies.
            corrections = runner.checked(lambda: store.load(job.corrections), store.CorrectionsError)
            kinds = {c.id: c.kind for c in corrections}
            listed = [{**t.as_json(), "correction": kinds.get(t.id)} for t in found]
            sys.stdout.write(json.dumps(listed, ensure_ascii=False, indent=1) + "\n")
        else:
            runner.stdout.print(_table(found))

    runner.run(config, work)


def _table(found: list[TrackedItem]) -> Table:
    table = Table(title=f"{len(found)} action items")
    for column in ("issue", "state", "meeting", "owners", "task", "id"):
        table.add_column(column, overflow="fold", no_wrap=column in ("issue", "state", "meeting", "id"))
    for item in found:
        state_style = "green" if item.issue.state == "open" else "dim"
        table.add_row(
            item.reference,
            f"[{state_style}]{item.issue.state}[/]",
            item.meeting,
            escape(", ".join(item.owners)),
            escape(item.task),
            item.id[:8],
        )
    return table


def find(job: runner.Run, tracker: Tracker, reference: str | None) -> TrackedItem:
    """The item `reference` names (its id or its first characters, or its issue)."""
    if reference is None:
        raise runner.fail(NO_ITEM)
    items = read_items(job.settings, tracker, job.root)
    return runner.checked(lambda: tracked.find(items, reference), tracked.NotFound, code=1)


def read_items(config: Config, tracker: Tracker, root: Path) -> list[TrackedItem]:
    return tracked_items(configured_issues(tracker, make_workspace(config, root).router))


def close(tracker: Tracker, item: TrackedItem, not_planned: bool) -> tuple[TrackedItem, str]:
    reason = CLOSE_REASONS[not_planned]
    if item.issue.state == "closed" and item.issue.state_reason == reason:
        return item, f"{item.reference} was already closed"
    closed = tracker.close(item.issue, reason)
    said = "closed as not planned" if not_planned else "closed"
    return replace(item, issue=closed), f"{said} {item.reference}: {closed.title}"


def reopen(tracker: Tracker, item: TrackedItem) -> tuple[TrackedItem, str]:
    if item.issue.state == "open":
        return item, f"{item.reference} is open already"
    opened = tracker.reopen(item.issue)
    return replace(item, issue=opened), f"reopened {item.reference}: {opened.title}"
