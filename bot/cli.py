"""The `actionbot` command: parse arguments, call the pieces, print. No work is done here."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from bot import actions, clihelp, daemon, pipeline, scaffold
from bot.action_item import ActionItem
from bot.commands import followup as reporting
from bot.commands import items as item_commands
from bot.commands import learn as learning
from bot.commands import reminder_lines, review_comment
from bot.commands import sync as syncing
from bot.config import DEFAULT_CONFIG_NAMES, Config, ConfigError, NotesConfig, load_config
from bot.extraction.nlp import ModelMissing
from bot.followup import checklist, tracked
from bot.followup.meetings import meeting_days_around
from bot.issues import Tracker, TrackerError
from bot.lock import LockTimeout
from bot.notefiles import OUTSIDE, discover, leaves, load_meeting, missing
from bot.notes import botblocks
from bot.notes.formats import format_of
from bot.notes.meeting import NoteError
from bot.overview import build as site_build
from bot.overview import page as site_page
from bot.review import store as correction_store
from bot.review import team_model
from bot.review.corrections import Correction
from bot.syncplan import plandiff
from bot.syncplan.plan import Step, SyncPlan, meaning
from bot.wiring import SetupError, describe_tracker, make_tracker, missing_token, tracker_in_use

app = typer.Typer(
    cls=clihelp.Group,
    add_completion=False,
    no_args_is_help=True,
    help="Turn meeting notes into tracked work.",
    context_settings=clihelp.HELP_OPTIONS,
)
stdout = Console()
stderr = Console(stderr=True)


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"actionbot {clihelp.version()}\n")
        raise typer.Exit()


@app.callback()
def _commands(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn meeting notes into tracked work."""


class ReportFormat(StrEnum):
    markdown = "markdown"
    json = "json"


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", metavar="FILE", help="Config file (default: ./actionbot.yaml if present)."
    ),
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


def run_extraction(paths: list[str], config: Config, config_path: Path | None = None) -> pipeline.Extraction:
    """The notes' items, with the corrections kept beside the config at `config_path` applied."""
    for path, why in missing(paths):
        # Before anything is printed: an empty table above the error would read as "no items".
        raise _fail(f"{path}: {why}")
    notes = discover(paths)
    if not notes:
        raise _fail("no notes found in " + ", ".join(paths))
    show = stderr.is_terminal and len(notes) >= _PROGRESS_FROM
    try:
        corrections = correction_store.load(correction_store.path_for(config_path))
        decision = team_model.load(team_model.path_for(config_path))
        if not show:
            extraction = pipeline.extract(notes, config, corrections=corrections, decision=decision)
        else:
            with _progress_bar() as progress:
                task = progress.add_task("reading notes", total=len(notes))
                extraction = pipeline.extract(
                    notes,
                    config,
                    on_note=lambda _: progress.advance(task),
                    corrections=corrections,
                    decision=decision,
                )
    except (correction_store.CorrectionsError, team_model.TeamModelError) as error:
        raise _fail(str(error)) from None
    except ModelMissing as error:
        raise _fail(str(error)) from None
    # Only a run over every note can tell that an id names no item; a run over some cannot.
    unknown = extraction.unknown_ignores(config.ignore)
    if unknown and set(notes) >= set(discover(config.notes.paths)):
        raise _fail(UNKNOWN_IGNORE.format(id=unknown[0]))
    return extraction


UNKNOWN_IGNORE = (
    "ignore: '{id}' is the id of no action item in the notes (`actionbot extract --json` and "
    "`actionbot items` show the ids)"
)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=stderr, transient=True
    )


class _WritingProgress:
    """A progress bar over the writes of a long sync (a backfill), shown only to a person watching."""

    def __init__(self) -> None:
        self.bar: Progress | None = None

    def __call__(self, plan: SyncPlan) -> Callable[[Step], None] | None:
        changes = plan.changes
        if not stderr.is_terminal or changes < _PROGRESS_FROM:
            return None
        self.bar = _progress_bar()
        task = self.bar.add_task("writing issues", total=changes)
        self.bar.start()

        def advance(step: Step) -> None:
            if self.bar is not None and meaning(step).changes:
                self.bar.advance(task)

        return advance

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def report_errors(extraction: pipeline.Extraction) -> None:
    for warning in extraction.warnings:
        sys.stderr.write(actions.printable(f"warning: {warning}") + "\n")
    for error in extraction.errors:
        say_error(str(error))
    actions.warn(actions.note_warnings([*extraction.warnings, *extraction.errors]))


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


@app.command(cls=clihelp.Command, epilog="Example: actionbot extract notes/2026-05-06.md --json")
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", help="Note files, or folders of notes (default: notes.paths)."),
    ] = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find the action items in meeting notes."""
    settings = _config(config)
    extraction = run_extraction(paths or settings.notes.paths, settings, config)
    if as_json:
        sys.stdout.write(
            json.dumps(
                [row for item in extraction.items for row in item.as_json_rows()],
                ensure_ascii=False,
                indent=1,
            )
        )
        sys.stdout.write("\n")
    else:
        stdout.print(items_table(extraction.items, len(extraction.ignored)))
    warn_about_people(settings, extraction)
    report_errors(extraction)
    if extraction.errors:
        raise typer.Exit(1)


_WIDEST_PATH = 40


def items_table(items: list[ActionItem], ignored: int = 0) -> Table:
    silenced = f" ({ignored} ignored)" if ignored else ""
    table = Table(title=f"{len(items)} action items{silenced}", show_lines=False)
    # Dates are never broken, nor a note's path where there is room: "notes/2026-10-2 / 2.md:8" is no
    # path to find. Only a path too long for half the width is folded.
    whole = max((len(f"{item.note}:{item.line}") for item in items), default=0) <= _WIDEST_PATH
    unbroken = ("meeting", "due", "where") if whole else ("meeting", "due")
    for column in ("meeting", "owners", "task", "due", "where"):
        table.add_column(column, overflow="fold", no_wrap=column in unbroken)
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


@app.command(cls=clihelp.Command, epilog="Example: actionbot sync --dry-run")
def sync(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="Notes to sync (default: notes.paths).")
    ] = None,
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
    extraction = run_extraction(notes, settings, config) if notes else pipeline.Extraction()
    warn_missing_token(settings)
    writing = _WritingProgress()
    try:
        reviewed = "" if dry_run else review_comment.before_sync(settings, extraction, config, Path.cwd())
        outcome = syncing.run(settings, extraction, dry_run=dry_run, root=Path.cwd(), on_plan=writing)
    except (
        SetupError,
        TrackerError,
        LockTimeout,
        actions.ActionsError,
        correction_store.CorrectionsError,
    ) as error:
        report_errors(extraction)
        raise _fail(str(error), code=1) from None
    finally:
        writing.stop()
    where = describe_tracker(settings)
    if as_json:
        result = {**syncing.as_json(outcome, dry_run), "tracker": tracker_in_use(settings)}
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        if syncing.plan_rows(outcome.plan):
            stdout.print(syncing.plan_table(outcome.plan, dry_run, outcome.issues))
        else:
            stdout.print(syncing.plan_title(outcome.plan, dry_run), markup=False, highlight=False)
        if dry_run:
            _print_diff(outcome.plan.steps)
        said = f"nothing written {where}" if dry_run else syncing.done_line(outcome, where)
        stdout.print(Text(actions.printable(said + ".")))
    diff = plandiff.markdown(outcome.plan.steps) if dry_run else ""
    reviewed = reviewed or _review_comment(settings, outcome.plan)
    if reviewed:
        sys.stderr.write(reviewed + "\n")
    actions.write_summary(syncing.plan_markdown(outcome, dry_run, scope, where), reviewed, diff)
    actions.set_outputs(syncing.step_outputs(outcome, len(extraction.items)))
    warn_about_people(settings, extraction)
    report_errors(extraction)
    if outcome.error:
        say_error(outcome.error)
    if outcome.error or extraction.errors:
        raise typer.Exit(1)


def _review_comment(settings: Config, plan: SyncPlan) -> str:
    """The pull request's review comment; a failure to write it leaves the job summary, as for a fork."""
    try:
        return review_comment.after_plan(settings, plan)
    except (SetupError, TrackerError, actions.ActionsError) as error:
        warning = f"the review comment could not be written ({error}); the job summary has the plan"
        sys.stderr.write(f"warning: {actions.printable(warning)}\n")
        return f"No review comment: {warning}."


def _print_diff(steps: list[Step]) -> None:
    for step in steps:
        lines = plandiff.step_diff(step)
        if not lines:
            continue
        stdout.print(Text(plandiff.where(step), style="bold"))
        for line in lines:
            stdout.print(Text(line, style="green" if line.startswith("+") else "red"), soft_wrap=True)


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
    typer.Option(
        "--now", metavar="ISO-TIME", help="The time to act as if it were (ISO 8601), for tests and backfills."
    ),
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
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            around = meeting_days_around(day, extraction.meetings, settings.meetings)
            if around != [day]:
                nearest = " or ".join(d.isoformat() for d in around) or "none: no notes were read"
                raise _fail(f"--meeting {value}: the team does not meet that day (nearest: {nearest})")
            return day
        try:
            return load_meeting(value, settings.notes.max_bytes, Path.cwd()).date
        except NoteError as error:
            raise _fail(f"--meeting takes a date (YYYY-MM-DD) or a note: {error}") from None
    found = reporting.report_meeting(extraction, settings, now)
    if found is None:
        raise _fail("no meeting to report for: no notes were read")
    return found


@app.command(
    cls=clihelp.Command,
    epilog="Example: actionbot report --meeting 2026-05-20 --write-into notes/2026-05-20.md",
)
def report(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="Notes (default: notes.paths).")
    ] = None,
    config: ConfigOption = None,
    meeting: Annotated[
        str | None,
        typer.Option("--meeting", metavar="DATE|NOTE", help="The meeting to report for: a date or its note."),
    ] = None,
    output: Annotated[
        ReportFormat, typer.Option("--format", help="Markdown or JSON.")
    ] = ReportFormat.markdown,
    write_into: Annotated[
        Path | None,
        typer.Option(
            "--write-into", metavar="NOTE", help="Insert or refresh the checklist in this existing note."
        ),
    ] = None,
    now: NowOption = None,
    send: Annotated[
        bool,
        typer.Option(
            "--notify",
            help="Also send the checklist to the reminders.notify channels, once per meeting each.",
        ),
    ] = False,
) -> None:
    """The follow-up checklist of earlier meetings' action items, for the meeting to come."""
    if write_into is not None and not write_into.is_file():
        # A mistyped path would otherwise become a new note, and so a meeting.
        raise _fail(f"--write-into {write_into}: no such note (it writes into an existing note only)")
    settings = _config(config)
    extraction = run_extraction(paths or settings.notes.paths, settings, config)
    warn_missing_token(settings)
    clock = _now(now)
    target = _meeting(meeting, extraction, settings, clock)
    try:
        report = reporting.follow_up(settings, extraction, make_tracker(settings), target, Path.cwd(), clock)
    except (SetupError, TrackerError) as error:
        raise _fail(str(error), code=1) from None
    text = checklist.markdown(report)
    if output is ReportFormat.json:
        sys.stdout.write(json.dumps(checklist.as_json(report), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(text)
    actions.write_summary(text)
    if write_into is not None:
        _write_into(write_into, text)
    failed = send and _notify_follow_up(settings, extraction, target, clock)
    warn_about_people(settings, extraction)
    report_errors(extraction)
    if extraction.errors or failed:
        raise typer.Exit(1)


def _notify_follow_up(
    settings: Config, extraction: pipeline.Extraction, meeting: dt.date, now: dt.datetime
) -> bool:
    """Send the checklist; True when a channel failed. What is said goes to stderr: stdout is the report."""
    try:
        outcome = reporting.notify_follow_up(
            settings, extraction, make_tracker(settings), meeting, now, Path.cwd()
        )
    except (SetupError, TrackerError, LockTimeout) as error:
        raise _fail(str(error), code=1) from None
    said = [reminder_lines.describe(outcome), *reminder_lines.deliveries(outcome, "the checklist")]
    sys.stderr.write("".join(line + "\n" for line in said))
    return reminder_lines.failed(outcome)


def _write_into(path: Path, text: str) -> None:
    try:
        before = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(f"{path}: cannot read: {error}") from None
    after = botblocks.write_into(before, text, format_of(path).block)
    if after != before:
        # newline="" keeps the file's own line endings: only the section between the markers changes.
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(after)


@app.command(cls=clihelp.Command, epilog="Example: actionbot site _site")
def site(
    out_dir: Annotated[
        Path, typer.Argument(metavar="OUTDIR", help="The folder to write the page (index.html) into.")
    ],
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="Notes (default: notes.paths).")
    ] = None,
    config: ConfigOption = None,
    meeting: Annotated[
        str | None, typer.Option("--meeting", help="The meeting the figures are for: a date or its note.")
    ] = None,
    now: NowOption = None,
) -> None:
    """The overview page: open items by owner, what keeps slipping, the trend, each meeting."""
    settings = _config(config)
    extraction = run_extraction(paths or settings.notes.paths, settings, config)
    clock = _now(now)
    target = _meeting(meeting, extraction, settings, clock)
    try:
        page = site_build.build(settings, extraction, make_tracker(settings), target, clock, Path.cwd())
    except (SetupError, TrackerError) as error:
        raise _fail(str(error), code=1) from None
    try:
        written = site_build.write(out_dir, site_page.render(page))
    except site_build.NotOurs as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{out_dir}: cannot write the page: {error.strerror or error}") from None
    said = site_build.described(page, written)
    sys.stdout.write(said + "\n")
    actions.write_summary(f"### actionbot site\n\n{said}")
    report_errors(extraction)
    if extraction.errors:
        raise typer.Exit(1)


@app.command(cls=clihelp.Command, epilog="Example: actionbot remind --dry-run --now 2026-05-19T17:00")
def remind(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="Notes (default: notes.paths).")
    ] = None,
    config: ConfigOption = None,
    now: NowOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the agenda; post nothing.")] = False,
) -> None:
    """Post the agenda issue and send the agenda to the channels, once the meeting is near.

    The agenda issue is opened (or refreshed) when the next meeting is within reminders.lead_hours,
    and the agenda is sent to each reminders.notify channel once.
    """
    settings = _config(config)
    extraction = run_extraction(paths or settings.notes.paths, settings, config)
    warn_missing_token(settings)
    clock = _now(now)
    try:
        tracker = make_tracker(settings)
        outcome = reporting.remind(settings, extraction, tracker, clock, Path.cwd(), dry_run=dry_run)
        if dry_run and outcome.outcome == "not due" and outcome.due_at is not None:
            # Not due yet: what it would post and send at the lead time, and when that is.
            preview = reporting.remind(settings, extraction, tracker, outcome.due_at, Path.cwd(), True)
            when = reminder_lines.next_due(outcome, clock)
            outcome = replace(preview, outcome=f"not due until {when}; then it {preview.outcome}")
    except (SetupError, TrackerError, LockTimeout) as error:
        raise _fail(str(error), code=1) from None
    said = [reminder_lines.describe(outcome), *reminder_lines.deliveries(outcome, "the agenda")]
    sys.stdout.write("".join(line + "\n" for line in said))
    if dry_run and outcome.body:
        sys.stdout.write(outcome.body + "\n")
    actions.write_summary("### actionbot remind\n\n" + "\n\n".join(said), outcome.body)
    report_errors(extraction)
    if reminder_lines.failed(outcome) or extraction.errors:
        raise typer.Exit(1)


@app.command(cls=clihelp.Command, epilog="Example: actionbot run notes -c actionbot.yaml")
def run(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="Notes (default: notes.paths).")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Run as a daemon: sync new or changed notes, and send reminders at the lead time."""
    settings = _config(config)
    daemon.serve(settings, paths or settings.notes.paths, Path.cwd(), correction_store.path_for(config))


@app.command(cls=clihelp.Command, epilog="Example: actionbot init notes")
def init(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="Where the notes are (default: notes).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing actionbot.yaml.")] = False,
) -> None:
    """Write actionbot.yaml from the notes, and keep the bot's state out of git.

    The people come from attendee lines and @handles, the cadence from the notes' dates; .actionbot/
    is added to .gitignore.
    """
    # The config that would be read, if there is one: a new actionbot.yaml would shadow .actionbot.yaml.
    names = [Path(name) for name in DEFAULT_CONFIG_NAMES]
    target = next((name for name in names if name.is_file() or name.is_symlink()), names[0])
    if leaves(target, Path.cwd()):
        raise _fail(f"{target} {OUTSIDE}: the config is written inside the repository only")
    if target.exists() and not force:
        raise _fail(f"{target} exists: edit it, or run `actionbot init --force` to write it again")
    folders = paths or ["notes"]
    notes = discover(folders)
    meetings = []
    for note in notes:
        try:
            meetings.append(load_meeting(note, NotesConfig().max_bytes, Path.cwd()))
        except NoteError as error:
            say_error(str(error))
    if not meetings:
        raise _fail("no notes could be read in " + ", ".join(folders) + ": name the folder that holds them")
    target.write_text(scaffold.config_text(meetings, folders, _remote_repo()), encoding="utf-8")
    ignore = Path(".gitignore")
    before = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
    after = scaffold.with_gitignore_entry(before)
    if after != before and leaves(ignore, Path.cwd()):
        sys.stderr.write(f"warning: {ignore} {OUTSIDE}: add {scaffold.GITIGNORE_ENTRY} to it yourself\n")
    elif after != before:
        ignore.write_text(after, encoding="utf-8")
    people = len(scaffold.people(meetings))
    sys.stdout.write(
        f"wrote {target} from {len(meetings)} notes ({people} people); check its people and meetings\n"
    )


def _remote_repo() -> str | None:
    try:
        url = subprocess.run(
            ["git", "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return scaffold.repo_of_remote(url)


MeetingDate = Annotated[
    str | None,
    typer.Option("--meeting", metavar="DATE", help="Only items promised at this meeting (YYYY-MM-DD)."),
]


@app.command("items", cls=clihelp.Command, epilog="Example: actionbot items --open --owner Priya")
def list_items(
    config: ConfigOption = None,
    only_open: Annotated[bool, typer.Option("--open", help="Only open items.")] = False,
    only_closed: Annotated[bool, typer.Option("--closed", help="Only closed items.")] = False,
    owner: Annotated[
        str | None,
        typer.Option("--owner", metavar="NAME", help="Only this person's items (name, alias or login)."),
    ] = None,
    meeting: MeetingDate = None,
    as_json: JsonOption = False,
) -> None:
    """List the action items in the tracker, with their issues and states."""
    if only_open and only_closed:
        raise _fail("--open and --closed exclude each other")
    settings = _config(config)
    state = "open" if only_open else "closed" if only_closed else None
    day = _date_option("--meeting", meeting)
    found = tracked.select(_tracked(settings), settings.roster, state, owner, day)
    if as_json:
        # What people corrected about each item, from the same file every command applies.
        kinds = {c.id: c.kind for c in _corrections(config)}
        listed = [{**t.as_json(), "correction": kinds.get(t.id)} for t in found]
        sys.stdout.write(json.dumps(listed, ensure_ascii=False, indent=1) + "\n")
        return
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
    stdout.print(table)


ItemReference = Annotated[
    str | None,
    typer.Argument(
        metavar="ID|N",
        help="The item's id (or its first characters), or its issue: N, '#N' (quoted) or owner/repo#N.",
        show_default=False,
    ),
]
# What a missing item argument most often is: `close #2`, whose "#2" the shell took for a comment.
NO_ITEM = "which item? give its id or its issue number: 2, or '#2' quoted (the shell drops an unquoted #2)"


@app.command(cls=clihelp.Command, epilog="Example: actionbot close 12 --not-planned")
def close(
    item: ItemReference = None,
    config: ConfigOption = None,
    not_planned: Annotated[
        bool, typer.Option("--not-planned", help="Close it as not planned (a wrong or dropped item).")
    ] = False,
) -> None:
    """Close an action item's issue."""
    settings = _config(config)
    tracker = _tracker(settings)
    closed, said = _item_work(
        lambda: item_commands.close(tracker, _find(settings, tracker, item), not_planned)
    )
    sys.stdout.write(said + "\n")
    path = correction_store.path_for(config)
    if not_planned and learning.record_close(settings, closed.issue, path):
        sys.stdout.write(f"recorded in {path} as not an action item (undo: actionbot reopen)\n")


@app.command(cls=clihelp.Command, epilog="Example: actionbot reopen 3f9c2a1b")
def reopen(item: ItemReference = None, config: ConfigOption = None) -> None:
    """Reopen an action item's issue."""
    settings = _config(config)
    tracker = _tracker(settings)
    opened, said = _item_work(lambda: item_commands.reopen(tracker, _find(settings, tracker, item)))
    sys.stdout.write(said + "\n")
    path = correction_store.path_for(config)
    if learning.forget(path, opened.id):
        sys.stdout.write(f"removed its correction from {path}: it is an action item again\n")


@app.command(cls=clihelp.Command, epilog="Example: actionbot learn --out examples.json")
def learn(
    paths: Annotated[
        list[str] | None, typer.Argument(metavar="PATH", help="Notes (default: notes.paths).")
    ] = None,
    config: ConfigOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write the examples here (default: stdout).")
    ] = None,
) -> None:
    """Record the corrections people made on the issues, export every correction as examples, and
    fit the team's own decision on them, kept only if it reads the team's notes better."""
    settings = _config(config)
    extraction = run_extraction(paths or settings.notes.paths, settings, config)
    tracker = _tracker(settings)
    path = correction_store.path_for(config)
    recorded = _item_work(
        lambda: learning.record_from_issues(settings, tracker, Path.cwd(), path, extraction.items)
    )
    gold = learning.gold(settings, path, extraction.items)
    text = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
    count = sum(len(note["items"]) + len(note["not_items"]) for note in gold["notes"])
    sys.stderr.write(f"{len(recorded)} corrections recorded from the issues in {path}\n")
    sys.stderr.write(f"{count} examples from {len(gold['notes'])} reviewed notes\n")
    fitted = learning.fit_team_model(settings, gold, extraction.meetings, team_model.path_for(config))
    sys.stderr.write(fitted.said + "\n")
    report_errors(extraction)


def _corrections(config: Path | None) -> list[Correction]:
    try:
        return correction_store.load(correction_store.path_for(config))
    except correction_store.CorrectionsError as error:
        raise _fail(str(error)) from None


def _tracker(settings: Config) -> Tracker:
    try:
        return make_tracker(settings)
    except SetupError as error:
        raise _fail(str(error), code=1) from None


def _tracked(settings: Config) -> list[tracked.TrackedItem]:
    tracker = _tracker(settings)
    return _item_work(lambda: item_commands.read_items(settings, tracker, Path.cwd()))


def _find(settings: Config, tracker: Tracker, reference: str | None) -> tracked.TrackedItem:
    if reference is None:
        raise _fail(NO_ITEM)
    try:
        return tracked.find(item_commands.read_items(settings, tracker, Path.cwd()), reference)
    except tracked.NotFound as error:
        raise _fail(str(error), code=1) from None


T = TypeVar("T")


def _item_work(work: Callable[[], T]) -> T:
    try:
        return work()
    except TrackerError as error:
        raise _fail(str(error), code=1) from None


def _date_option(name: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def main() -> None:
    app()
