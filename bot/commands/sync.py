"""The sync command: which notes (all, or those the Actions event changed), planning only off the
notes' branch, then lock, plan, apply, and the plan shown on the terminal, in the job summary and in
the pull request's review comment."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from bot import actions
from bot.commands import review_comment, runner
from bot.config import Config
from bot.followup.progress import progress_of
from bot.issueindex import issuetext
from bot.issues import Issue
from bot.lock import sync_lock
from bot.notefiles import discover
from bot.pipeline import Extraction
from bot.syncplan import plandiff
from bot.syncplan.apply import SyncResult, apply_plan, plan_sync
from bot.syncplan.plan import (
    Step,
    SyncPlan,
    meaning,
    subject,
)
from bot.wiring import describe_tracker, make_tracker, make_workspace, state_dir, tracker_in_use


def command(
    paths: list[str] | None, config: Path | None, dry_run: bool, in_json: bool, changed_by_event: bool
) -> None:
    runner.run(config, lambda job: _sync(job, paths, dry_run, in_json, changed_by_event), people=True)


def _sync(
    job: runner.Run, paths: list[str] | None, dry_run: bool, in_json: bool, changed_by_event: bool
) -> runner.Done:
    settings = job.settings
    notes, scope = paths or settings.notes.paths, ""
    foreign = actions.foreign_ref(settings.notes.branch)
    if foreign is not None and not dry_run:
        branch = settings.notes.branch
        said = f"{foreign} is not notes.branch ({branch}): planning only, writing nothing"
        sys.stderr.write(actions.printable(said) + "\n")
        dry_run = True
    if changed_by_event:
        notes, scope = _changed_notes(notes)
    extraction = job.extract(notes) if notes else job.extraction
    job.warn_missing_token()
    writing = _WritingProgress()
    try:
        reviewed = (
            "" if dry_run else review_comment.before_sync(settings, extraction, job.config_path, job.root)
        )
        outcome = run(settings, extraction, dry_run=dry_run, root=job.root, on_plan=writing)
    finally:
        writing.stop()
    where = describe_tracker(settings)
    if in_json:
        result = {**as_json(outcome, dry_run), "tracker": tracker_in_use(settings)}
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        _print_outcome(outcome, dry_run, where)
    diff = plandiff.markdown(outcome.plan.steps) if dry_run else ""
    reviewed = reviewed or _review_comment(settings, outcome.plan)
    if reviewed:
        sys.stderr.write(reviewed + "\n")
    actions.write_summary(plan_markdown(outcome, dry_run, scope, where), reviewed, diff)
    actions.set_outputs(step_outputs(outcome, len(extraction.items)))
    return runner.Done(error=outcome.error or "")


def _changed_notes(paths: list[str]) -> tuple[list[str], str]:
    """The notes among `paths` that the Actions event changed, and a line for the job summary."""
    try:
        changes = actions.changes(actions.load_event(), Path.cwd())
    except actions.ActionsError as error:
        raise runner.fail(str(error)) from None
    notes = changes.select(discover(paths))
    listed = "".join(f"\n  {actions.printable(note)}" for note in notes)
    sys.stderr.write(f"notes to sync: {len(notes)} ({changes.why}){listed}\n")
    return notes, actions.notes_markdown(notes, changes.why)


def _print_outcome(outcome: SyncResult, dry_run: bool, where: str) -> None:
    stdout = runner.stdout
    if plan_rows(outcome.plan):
        stdout.print(plan_table(outcome.plan, dry_run, outcome.issues))
    else:
        stdout.print(plan_title(outcome.plan, dry_run), markup=False, highlight=False)
    if dry_run:
        for step in outcome.plan.steps:
            lines = plandiff.step_diff(step)
            if not lines:
                continue
            stdout.print(Text(plandiff.where(step), style="bold"))
            for line in lines:
                stdout.print(Text(line, style="green" if line.startswith("+") else "red"), soft_wrap=True)
    said = f"nothing written {where}" if dry_run else done_line(outcome, where)
    stdout.print(Text(actions.printable(said + ".")))


def _review_comment(settings: Config, plan: SyncPlan) -> str:
    """The pull request's review comment; a failure to write it leaves the job summary, as for a fork."""
    try:
        return review_comment.after_plan(settings, plan)
    except runner.RUN_FAILURES as error:
        warning = f"the review comment could not be written ({error}); the job summary has the plan"
        sys.stderr.write(f"warning: {actions.printable(warning)}\n")
        return f"No review comment: {warning}."


class _WritingProgress:
    """A progress bar over the writes of a long sync (a backfill), shown only to a person watching."""

    def __init__(self) -> None:
        self.bar: Progress | None = None

    def __call__(self, plan: SyncPlan) -> Callable[[Step], None] | None:
        changes = plan.changes
        if not runner.stderr.is_terminal or changes < runner.PROGRESS_FROM:
            return None
        self.bar = runner.progress_bar()
        task = self.bar.add_task("writing issues", total=changes)
        self.bar.start()

        def advance(step: Step) -> None:
            if self.bar is not None and meaning(step).changes:
                self.bar.advance(task)

        return advance

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


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
