"""The `actionbot` command: parse arguments, call the pieces, print. No work is done here."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from bot import actions, daemon, pipeline, reporting, syncing
from bot import report as report_text
from bot.config import Config, ConfigError, load_config
from bot.items import ActionItem
from bot.lock import LockTimeout
from bot.nlp import ModelMissing
from bot.notefiles import discover, load_meeting
from bot.notes import NoteError
from bot.trackers.base import TrackerError
from bot.wiring import SetupError, describe_tracker, make_tracker, missing_token, tracker_in_use

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn meeting notes into tracked work.")
stdout = Console()
stderr = Console(stderr=True)


@app.callback()
def _commands() -> None:
    """Turn meeting notes into tracked work."""


ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Config file (default: ./actionbot.yaml if present).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
# Progress bars only help a person watching; with fewer notes they are noise.
_PROGRESS_FROM = 5


def say_error(message: str) -> None:
    """One line on stderr, never wrapped or coloured: scripts and CI logs read it."""
    sys.stderr.write(f"error: {actions.printable(' '.join(message.split()))}\n")
    sys.stderr.flush()


def _config(path: Path | None) -> Config:
    try:
        return load_config(path)
    except ConfigError as error:
        say_error(str(error))
        raise typer.Exit(2) from None


def _fail(message: str, code: int = 2) -> typer.Exit:
    say_error(message)
    return typer.Exit(code)


def run_extraction(paths: list[str], config: Config) -> pipeline.Extraction:
    notes = discover(paths)
    if not notes:
        raise _fail("no notes found in " + ", ".join(paths))
    show = stderr.is_terminal and len(notes) >= _PROGRESS_FROM
    try:
        if not show:
            return pipeline.extract(notes, config)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=stderr,
            transient=True,
        ) as progress:
            task = progress.add_task("reading notes", total=len(notes))
            return pipeline.extract(notes, config, on_note=lambda _: progress.advance(task))
    except ModelMissing as error:
        raise _fail(str(error)) from None


def report_errors(extraction: pipeline.Extraction) -> None:
    for error in extraction.errors:
        say_error(str(error))
    actions.warn(actions.note_warnings(extraction.errors))


NO_PEOPLE = (
    "the config lists no people: only attendees and @logins can own action items, so few are found; "
    "list the team under people: (see config.example.yaml)"
)


def warn_about_people(settings: Config, extraction: pipeline.Extraction) -> None:
    """On the terminal and, in Actions, on the note's line: a config without people, and owners
    the people do not list (whose issues cannot be assigned)."""
    if not settings.people:
        sys.stderr.write(f"warning: {NO_PEOPLE}\n")
        actions.warn([actions.Annotation("", None, NO_PEOPLE)])
    unknown = actions.unknown_owners(extraction.items, settings.roster)
    for warning in unknown:
        where = f"{warning.file}:{warning.line}" if warning.line else warning.file
        sys.stderr.write(actions.printable(f"warning: {where}: {warning.message}") + "\n")
    actions.warn(unknown)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Note files, or folders of notes.")],
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find the action items in meeting notes."""
    settings = _config(config)
    extraction = run_extraction(paths, settings)
    if as_json:
        sys.stdout.write(
            json.dumps([item.as_json() for item in extraction.items], ensure_ascii=False, indent=1)
        )
        sys.stdout.write("\n")
    else:
        stdout.print(items_table(extraction.items))
    warn_about_people(settings, extraction)
    report_errors(extraction)
    if extraction.errors:
        raise typer.Exit(1)


def items_table(items: list[ActionItem]) -> Table:
    table = Table(title=f"{len(items)} action items", show_lines=False)
    for column in ("meeting", "owners", "task", "due", "where"):
        table.add_column(column, overflow="fold")
    for item in items:
        owners = ", ".join(o.name + (f" (@{o.github})" if o.github else "") for o in item.owners)
        cells = (
            item.meeting_date.isoformat(),
            owners,
            item.task,
            item.due.isoformat() if item.due else "",
            f"{item.note}:{item.line}",
        )
        # Text, not markup: note text and paths may hold "[/]" or "[red]".
        table.add_row(*(Text(actions.printable(cell)) for cell in cells))
    return table


ChangedOption = Annotated[
    bool,
    typer.Option(
        "--changed-by-event",
        help="In GitHub Actions: only the notes changed by the push or pull request that started the run.",
    ),
]


@app.command()
def sync(
    paths: Annotated[list[str] | None, typer.Argument(help="Notes to sync (default: notes.paths).")] = None,
    config: ConfigOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the plan; write nothing.")] = False,
    as_json: JsonOption = False,
    changed_by_event: ChangedOption = False,
) -> None:
    """Open or update one issue per action item, idempotently."""
    settings = _config(config)
    notes, scope = paths or settings.notes.paths, ""
    foreign = actions.foreign_ref(settings.notes.branch)
    if foreign is not None and not dry_run:
        branch = settings.notes.branch
        said = f"{foreign} is not notes.branch ({branch}): planning only, writing nothing"
        sys.stderr.write(actions.printable(said) + "\n")
        dry_run = True
    if changed_by_event:
        notes, scope = _changed_notes(notes)
    extraction = run_extraction(notes, settings) if notes else pipeline.Extraction()
    warn_missing_token(settings)
    try:
        outcome = syncing.run(settings, extraction, dry_run=dry_run, root=Path.cwd())
    except (SetupError, TrackerError, LockTimeout) as error:
        report_errors(extraction)
        raise _fail(str(error), code=1) from None
    where = describe_tracker(settings)
    if as_json:
        result = {**syncing.as_json(outcome, dry_run), "tracker": tracker_in_use(settings)}
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        stdout.print(syncing.plan_table(outcome.plan, dry_run))
        said = (
            f"nothing written {where}"
            if dry_run
            else f"{outcome.created} issues created, {outcome.updated} updated {where}"
        )
        stdout.print(Text(actions.printable(said + ".")))
    actions.write_summary(syncing.plan_markdown(outcome, dry_run, scope, where))
    actions.set_outputs(syncing.step_outputs(outcome, len(extraction.items)))
    warn_about_people(settings, extraction)
    report_errors(extraction)
    if outcome.error:
        say_error(outcome.error)
    if outcome.error or extraction.errors:
        raise typer.Exit(1)


def warn_missing_token(settings: Config) -> None:
    """Say so when the config names a repository but its token is missing: the run then writes to
    the local tracker, which would otherwise look like GitHub."""
    warning = missing_token(settings)
    if warning is not None:
        sys.stderr.write(f"warning: {warning}\n")
        actions.warn([actions.Annotation("", None, warning)])


def _changed_notes(paths: list[str]) -> tuple[list[str], str]:
    """The notes among `paths` that the Actions event changed, and a line for the job summary."""
    try:
        changes = actions.changes(actions.load_event(), Path.cwd())
    except actions.ActionsError as error:
        raise _fail(str(error)) from None
    notes = changes.select(discover(paths))
    listed = "".join(f"\n  {actions.printable(note)}" for note in notes)
    sys.stderr.write(f"notes to sync: {len(notes)} ({changes.why}){listed}\n")
    return notes, actions.notes_markdown(notes, changes.why)


NowOption = Annotated[
    str | None,
    typer.Option("--now", help="The time to act as if it were (ISO 8601), for tests and backfills."),
]


def _now(value: str | None) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.UTC)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _fail(f"--now {value!r} is not an ISO 8601 date or time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _meeting(
    value: str | None, extraction: pipeline.Extraction, settings: Config, now: dt.datetime
) -> dt.date:
    if value is not None:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
        try:
            return load_meeting(value, settings.notes.max_bytes).date
        except NoteError as error:
            raise _fail(f"--meeting takes a date (YYYY-MM-DD) or a note: {error}") from None
    found = reporting.report_meeting(extraction, settings, now)
    if found is None:
        raise _fail("no meeting to report for: no notes were read")
    return found


@app.command()
def report(
    paths: Annotated[list[str] | None, typer.Argument(help="Notes (default: notes.paths).")] = None,
    config: ConfigOption = None,
    meeting: Annotated[
        str | None, typer.Option("--meeting", help="The meeting to report for: a date or its note.")
    ] = None,
    output: Annotated[str, typer.Option("--format", help="markdown or json.")] = "markdown",
    write_into: Annotated[
        Path | None,
        typer.Option("--write-into", help="Insert or refresh the checklist in this note (it must exist)."),
    ] = None,
    now: NowOption = None,
) -> None:
    """The follow-up checklist of earlier meetings' action items, for the meeting to come."""
    if output not in ("markdown", "json"):
        raise _fail("--format is markdown or json")
    if write_into is not None and not write_into.is_file():
        # A mistyped path would otherwise become a new note, and so a meeting.
        raise _fail(f"--write-into {write_into}: no such note (it writes into an existing note only)")
    settings = _config(config)
    extraction = run_extraction(paths or settings.notes.paths, settings)
    warn_missing_token(settings)
    clock = _now(now)
    target = _meeting(meeting, extraction, settings, clock)
    try:
        checklist = reporting.follow_up(settings, extraction, make_tracker(settings), target, Path.cwd())
    except (SetupError, TrackerError) as error:
        raise _fail(str(error), code=1) from None
    text = report_text.markdown(checklist)
    if output == "json":
        sys.stdout.write(json.dumps(report_text.as_json(checklist), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(text)
    actions.write_summary(text)
    if write_into is not None:
        _write_into(write_into, text)
    report_errors(extraction)
    if extraction.errors:
        raise typer.Exit(1)


def _write_into(path: Path, text: str) -> None:
    try:
        before = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(f"{path}: cannot read: {error}") from None
    after = report_text.write_into(before, text, rst=path.suffix.lower() in (".rst", ".rest"))
    if after != before:
        # newline="" keeps the file's own line endings: only the section between the markers changes.
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(after)


@app.command()
def remind(
    paths: Annotated[list[str] | None, typer.Argument(help="Notes (default: notes.paths).")] = None,
    config: ConfigOption = None,
    now: NowOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the agenda; post nothing.")] = False,
) -> None:
    """Post (or refresh) the agenda issue when the next meeting is within the lead time."""
    settings = _config(config)
    extraction = run_extraction(paths or settings.notes.paths, settings)
    warn_missing_token(settings)
    try:
        outcome = reporting.remind(
            settings, extraction, make_tracker(settings), _now(now), Path.cwd(), dry_run=dry_run
        )
    except (SetupError, TrackerError) as error:
        raise _fail(str(error), code=1) from None
    when = outcome.meeting.start.isoformat() if outcome.meeting else "unknown"
    where = f" {outcome.issue.repo}#{outcome.issue.number}" if outcome.issue else ""
    said = f"agenda for the meeting at {when}: {outcome.outcome}{where}"
    stdout.print(actions.printable(said), markup=False, highlight=False)
    if dry_run and outcome.body:
        sys.stdout.write(outcome.body + "\n")
    actions.write_summary(f"### actionbot remind\n\n{said}", outcome.body)
    report_errors(extraction)


@app.command()
def run(
    paths: Annotated[list[str] | None, typer.Argument(help="Notes (default: notes.paths).")] = None,
    config: ConfigOption = None,
) -> None:
    """Run as a daemon: sync new or changed notes, and send reminders at the lead time."""
    settings = _config(config)
    daemon.serve(settings, paths or settings.notes.paths, Path.cwd())


def main() -> None:
    app()
