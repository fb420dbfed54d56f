"""The `actionbot` command: each command's options and help, and a call to its module in
`bot.commands`, which does its whole job (in the frame of `bot.commands.runner`). No work is done here."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from bot import clihelp
from bot.commands import close, extract, init, items, learn, remind, reopen, report, run, site, sync

app = typer.Typer(
    cls=clihelp.Group,
    add_completion=False,
    no_args_is_help=True,
    help="Turn meeting notes into tracked work.",
    context_settings=clihelp.HELP_OPTIONS,
)


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


def _notes(help: str) -> Any:
    return typer.Argument(metavar="PATH", help=help)


Notes = Annotated[list[str] | None, _notes("Notes (default: notes.paths).")]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", metavar="FILE", help="Config file (default: ./actionbot.yaml if present)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ChangedOption = Annotated[
    bool,
    typer.Option(
        "--changed-by-event",
        help="In GitHub Actions: only the notes changed by the push or pull request that started the run.",
    ),
]
NowOption = Annotated[
    str | None,
    typer.Option(
        "--now", metavar="ISO-TIME", help="The time to act as if it were (ISO 8601), for tests and backfills."
    ),
]
MeetingDate = Annotated[
    str | None,
    typer.Option("--meeting", metavar="DATE", help="Only items promised at this meeting (YYYY-MM-DD)."),
]
ItemReference = Annotated[
    str | None,
    typer.Argument(
        metavar="ID|N",
        help="The item's id (or its first characters), or its issue: N, '#N' (quoted) or owner/repo#N.",
        show_default=False,
    ),
]


@app.command("extract", cls=clihelp.Command, epilog="Example: actionbot extract notes/2026-05-06.md --json")
def extract_command(
    paths: Annotated[
        list[str] | None, _notes("Note files, or folders of notes (default: notes.paths).")
    ] = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find the action items in meeting notes."""
    extract.command(paths, config, as_json)


@app.command("sync", cls=clihelp.Command, epilog="Example: actionbot sync --dry-run")
def sync_command(
    paths: Annotated[list[str] | None, _notes("Notes to sync (default: notes.paths).")] = None,
    config: ConfigOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the plan; write nothing.")] = False,
    as_json: JsonOption = False,
    changed_by_event: ChangedOption = False,
) -> None:
    """Open or update one issue per action item, idempotently."""
    sync.command(paths, config, dry_run, as_json, changed_by_event)


@app.command(
    "report",
    cls=clihelp.Command,
    epilog="Example: actionbot report --meeting 2026-05-20 --write-into notes/2026-05-20.md",
)
def report_command(
    paths: Notes = None,
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
    report.command(paths, config, meeting, output is ReportFormat.json, write_into, now, send)


@app.command("site", cls=clihelp.Command, epilog="Example: actionbot site _site")
def site_command(
    out_dir: Annotated[
        Path, typer.Argument(metavar="OUTDIR", help="The folder to write the page (index.html) into.")
    ],
    paths: Notes = None,
    config: ConfigOption = None,
    meeting: Annotated[
        str | None, typer.Option("--meeting", help="The meeting the figures are for: a date or its note.")
    ] = None,
    now: NowOption = None,
) -> None:
    """The overview page: open items by owner, what keeps slipping, the trend, each meeting."""
    site.command(out_dir, paths, config, meeting, now)


@app.command(
    "remind", cls=clihelp.Command, epilog="Example: actionbot remind --dry-run --now 2026-05-19T17:00"
)
def remind_command(
    paths: Notes = None,
    config: ConfigOption = None,
    now: NowOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the agenda; post nothing.")] = False,
) -> None:
    """Post the agenda issue and send the agenda to the channels, once the meeting is near.

    The agenda issue is opened (or refreshed) when the next meeting is within reminders.lead_hours,
    and the agenda is sent to each reminders.notify channel once.
    """
    remind.command(paths, config, now, dry_run)


@app.command("run", cls=clihelp.Command, epilog="Example: actionbot run notes -c actionbot.yaml")
def run_command(paths: Notes = None, config: ConfigOption = None) -> None:
    """Run as a daemon: sync new or changed notes, and send reminders at the lead time."""
    run.command(paths, config)


@app.command("init", cls=clihelp.Command, epilog="Example: actionbot init notes")
def init_command(
    paths: Annotated[list[str] | None, _notes("Where the notes are (default: notes).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing actionbot.yaml.")] = False,
) -> None:
    """Write actionbot.yaml from the notes, and keep the bot's state out of git.

    The people come from attendee lines and @handles, the cadence from the notes' dates; .actionbot/
    is added to .gitignore.
    """
    init.command(paths, force)


@app.command("items", cls=clihelp.Command, epilog="Example: actionbot items --open --owner Priya")
def items_command(
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
    items.command(config, only_open, only_closed, owner, meeting, as_json)


@app.command("close", cls=clihelp.Command, epilog="Example: actionbot close 12 --not-planned")
def close_command(
    item: ItemReference = None,
    config: ConfigOption = None,
    not_planned: Annotated[
        bool, typer.Option("--not-planned", help="Close it as not planned (a wrong or dropped item).")
    ] = False,
) -> None:
    """Close an action item's issue."""
    close.command(item, config, not_planned)


@app.command("reopen", cls=clihelp.Command, epilog="Example: actionbot reopen 3f9c2a1b")
def reopen_command(item: ItemReference = None, config: ConfigOption = None) -> None:
    """Reopen an action item's issue."""
    reopen.command(item, config)


@app.command("learn", cls=clihelp.Command, epilog="Example: actionbot learn --out examples.json")
def learn_command(
    paths: Notes = None,
    config: ConfigOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write the examples here (default: stdout).")
    ] = None,
) -> None:
    """Record the corrections people made on the issues, export every correction as examples, and
    fit the team's own decision on them, kept only if it reads the team's notes better."""
    learn.command(paths, config, out)


def main() -> None:
    app()
