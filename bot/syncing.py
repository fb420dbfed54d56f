"""The sync command's work, between the CLI and the pieces: lock, plan, apply, and show the plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table

from bot.config import Config
from bot.lock import sync_lock
from bot.pipeline import Extraction
from bot.plan import (
    CloseDuplicate,
    Create,
    EditBlock,
    FlagRemoved,
    ProgressNote,
    RaiseAgain,
    Step,
    SyncPlan,
    Unchanged,
)
from bot.progress import progress_of
from bot.sync import SyncResult, apply_plan, plan_sync
from bot.wiring import make_tracker, state_dir, sync_context


def run(config: Config, extraction: Extraction, *, dry_run: bool, root: Path) -> SyncResult:
    tracker = make_tracker(config)
    context = sync_context(config, root)
    # Planning and applying under one lock: a second sync waits, then plans against what the
    # first one wrote, so the two never open the same item twice.
    with sync_lock(state_dir(config)):
        progress = progress_of(extraction.items, extraction.meetings, config.roster)
        plan = plan_sync(tracker, extraction.items, extraction.meetings, context, progress)
        if dry_run:
            return SyncResult(plan)
        return apply_plan(tracker, plan)


def describe(step: Step) -> dict[str, Any]:
    if isinstance(step, Create):
        return {"action": "create", "item": step.item.id, "repo": step.issue.repo, "title": step.issue.title}
    if isinstance(step, EditBlock):
        return {
            "action": "update",
            "item": step.item.id,
            "repo": step.issue.repo,
            "number": step.issue.number,
        }
    if isinstance(step, RaiseAgain):
        target = step.issue.number if step.issue else None
        repo = step.issue.repo if step.issue else (step.create.issue.repo if step.create else "")
        return {"action": "comment", "item": step.item.id, "repo": repo, "number": target}
    if isinstance(step, ProgressNote):
        return {
            "action": "progress",
            "item": step.item_id,
            "repo": step.issue.repo,
            "number": step.issue.number,
            "close": step.close,
        }
    if isinstance(step, FlagRemoved):
        return {
            "action": "flag-removed",
            "repo": step.issue.repo,
            "number": step.issue.number,
            "close": step.close,
        }
    if isinstance(step, CloseDuplicate):
        return {"action": "close-duplicate", "repo": step.issue.repo, "number": step.issue.number}
    assert isinstance(step, Unchanged)
    return {"action": "skip", "item": step.item.id, "repo": step.issue.repo, "number": step.issue.number}


def as_json(result: SyncResult, dry_run: bool) -> dict[str, Any]:
    return {
        "dry_run": dry_run,
        "plan": [describe(step) for step in result.plan.steps],
        "created": result.created,
        "updated": result.updated,
        "error": result.error,
    }


def plan_table(plan: SyncPlan, dry_run: bool) -> Table:
    changes = sum(not isinstance(s, Unchanged) for s in plan.steps)
    title = f"sync plan: {changes} changes, {len(plan.steps) - changes} unchanged" + (
        " (dry run)" if dry_run else ""
    )
    table = Table(title=title)
    for column in ("action", "issue", "what"):
        table.add_column(column, overflow="fold")
    for step in plan.steps:
        row = describe(step)
        where = f"{row['repo']}#{row['number']}" if row.get("number") else f"{row['repo']} (new)"
        what = row.get("title") or _what(step)
        table.add_row(row["action"], where, what)
    return table


def _what(step: Step) -> str:
    item = getattr(step, "item", None)
    if item is not None:
        return f"{item.task} ({', '.join(o.name for o in item.owners)}), {item.meeting_date}"
    issue = getattr(step, "issue", None)
    return issue.title if issue is not None else ""
