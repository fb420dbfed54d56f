"""The sync command's work, between the CLI and the pieces: lock, plan, apply, and show the plan."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from bot import actions
from bot.config import Config
from bot.followup.progress import progress_of
from bot.issueindex import issuetext
from bot.issues import Issue
from bot.lock import sync_lock
from bot.pipeline import Extraction
from bot.syncplan.apply import SyncResult, apply_plan, plan_sync
from bot.syncplan.plan import (
    Step,
    SyncPlan,
    meaning,
    subject,
)
from bot.wiring import make_tracker, make_workspace, state_dir


def run(
    config: Config,
    extraction: Extraction,
    *,
    dry_run: bool,
    root: Path,
    on_plan: Callable[[SyncPlan], Callable[[Step], None] | None] | None = None,
) -> SyncResult:
    """`on_plan` is shown the plan before it is applied, and may return what to call after each step
    (a progress bar over a backfill's writes)."""
    if not extraction.meetings and not extraction.errors:
        # No notes at all (an event that changed none): nothing to plan, no reason to ask the tracker.
        return SyncResult(SyncPlan())
    tracker = make_tracker(config)
    workspace = make_workspace(config, root)
    # Planning and applying under one lock: a second sync waits, then plans against what the
    # first one wrote, so the two never open the same item twice.
    with sync_lock(state_dir(config)):
        progress = progress_of(extraction.items, extraction.meetings, config.roster)
        ignored = [item.id for item in extraction.ignored]
        plan = plan_sync(tracker, extraction.items, extraction.meetings, workspace, progress, ignored)
        if dry_run:
            return SyncResult(plan)
        return apply_plan(tracker, plan, on_plan(plan) if on_plan is not None else None)


def describe(step: Step, opened: Mapping[str, Issue] | None = None) -> dict[str, Any]:
    """A step as JSON; `opened` gives the issues a run opened, by item id, to number them."""
    said = meaning(step)
    described: dict[str, Any] = {"action": said.action}
    if said.item_id is not None:
        described["item"] = said.item_id
    described["repo"] = said.repo
    number = said.number
    if number is None and said.item_id is not None and opened and said.item_id in opened:
        number = opened[said.item_id].number
    if number is not None:
        described["number"] = number
    if said.title:
        described["title"] = said.title
    if said.action in ("progress", "flag-removed"):
        described["close"] = said.closes
    if said.action == "restore":
        described["reopen"] = said.reopens
    return described


def as_json(result: SyncResult, dry_run: bool) -> dict[str, Any]:
    return {
        "dry_run": dry_run,
        "plan": [describe(step, result.issues) for step in result.plan.steps],
        "created": result.created,
        "updated": result.updated,
        "error": result.error,
    }


PLAN_COLUMNS = ("action", "issue", "what")
# Green opens, yellow edits, cyan only comments; a step that closes an issue is red.
ACTION_STYLES = {
    "create": "green",
    "update": "yellow",
    "comment": "cyan",
    "progress": "cyan",
    "flag-removed": "cyan",
}


def step_outputs(result: SyncResult, items: int) -> dict[str, int | str]:
    """What a GitHub Actions step using the bot can read from it."""
    return {
        "items": items,
        "changes": result.plan.changes,
        "created": result.created,
        "updated": result.updated,
    }


def plan_title(plan: SyncPlan, dry_run: bool) -> str:
    return f"sync plan: {plan.changes} changes, {len(plan.steps) - plan.changes} unchanged" + (
        " (dry run)" if dry_run else ""
    )


def plan_rows(plan: SyncPlan, opened: Mapping[str, Issue] | None = None) -> list[tuple[str, str, str]]:
    """A row per change; unchanged items are only counted, in the title. An issue the run opened
    is named by its number, one still to open as new."""
    return [_row(step, opened) for step in plan.steps if meaning(step).changes]


def _row(step: Step, opened: Mapping[str, Issue] | None = None) -> tuple[str, str, str]:
    row = describe(step, opened)
    where = f"{row['repo']}#{row['number']}" if row.get("number") else f"{row['repo']} (new)"
    return (row["action"], where, row.get("title") or subject(step))


def done_line(result: SyncResult, where: str) -> str:
    """ "1 issue created, 3 updated in ...": what a run wrote."""
    created = f"{result.created} issue{'' if result.created == 1 else 's'} created"
    return f"{created}, {result.updated} updated {where}".rstrip()


def plan_table(plan: SyncPlan, dry_run: bool, opened: Mapping[str, Issue] | None = None) -> Table:
    table = Table(title=plan_title(plan, dry_run))
    for column in PLAN_COLUMNS:
        table.add_column(column, overflow="fold", no_wrap=column == "issue")
    for step in plan.steps:
        said = meaning(step)
        if not said.changes:
            continue
        row = _row(step, opened)
        closes = said.closes
        # Text, not markup: a title people edited, or a path, may hold "[/]" or "[red]".
        cells = (Text(actions.printable(cell)) for cell in row)
        table.add_row(*cells, style="red" if closes else ACTION_STYLES.get(row[0], ""))
    return table


def plan_markdown(result: SyncResult, dry_run: bool, scope: str = "", where: str = "") -> str:
    """The plan and what was done, for a GitHub Actions job summary; `scope` says which notes,
    `where` which tracker."""
    lines = [f"### actionbot {plan_title(result.plan, dry_run)}", ""]
    if scope:
        lines += [scope, ""]
    rows = plan_rows(result.plan, result.issues)
    if not rows and result.plan.steps:
        lines.append("Nothing to change.")
    elif rows:
        lines += ["| " + " | ".join(PLAN_COLUMNS) + " |", "|" + " --- |" * len(PLAN_COLUMNS)]
        lines += ["| " + " | ".join(_cell(text) for text in row) + " |" for row in rows]
    else:
        lines.append("No action items in these notes.")
    if not dry_run:
        lines += [
            "",
            _cell(done_line(result, where) + "."),
        ]
    if result.error:
        lines += ["", f"**Stopped:** {_cell(result.error)}"]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    # Titles come from notes: inert (no mentions, references or HTML), and no pipe ends the cell.
    return issuetext.safe_inline(text, ()).replace("|", "\\|")
