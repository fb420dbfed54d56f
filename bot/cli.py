"""The `actionbot` command: parse arguments, call the pieces, print. No work is done here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from bot import pipeline, syncing
from bot.config import Config, ConfigError, load_config
from bot.items import ActionItem
from bot.lock import LockTimeout
from bot.nlp import ModelMissing
from bot.notefiles import discover
from bot.trackers.base import TrackerError
from bot.wiring import SetupError

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
    sys.stderr.write(f"error: {' '.join(message.split())}\n")
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
    report_errors(extraction)
    if extraction.errors:
        raise typer.Exit(1)


def items_table(items: list[ActionItem]) -> Table:
    table = Table(title=f"{len(items)} action items", show_lines=False)
    for column in ("meeting", "owners", "task", "due", "where"):
        table.add_column(column, overflow="fold")
    for item in items:
        owners = ", ".join(o.name + (f" (@{o.github})" if o.github else "") for o in item.owners)
        table.add_row(
            item.meeting_date.isoformat(),
            owners,
            item.task,
            item.due.isoformat() if item.due else "",
            f"{item.note}:{item.line}",
        )
    return table


@app.command()
def sync(
    paths: Annotated[list[str] | None, typer.Argument(help="Notes to sync (default: notes.paths).")] = None,
    config: ConfigOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the plan; write nothing.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Open or update one issue per action item, idempotently."""
    settings = _config(config)
    extraction = run_extraction(paths or settings.notes.paths, settings)
    try:
        outcome = syncing.run(settings, extraction, dry_run=dry_run, root=Path.cwd())
    except (SetupError, TrackerError, LockTimeout) as error:
        report_errors(extraction)
        raise _fail(str(error), code=1) from None
    if as_json:
        sys.stdout.write(json.dumps(syncing.as_json(outcome, dry_run), ensure_ascii=False, indent=1) + "\n")
    else:
        stdout.print(syncing.plan_table(outcome.plan, dry_run))
        if not dry_run:
            stdout.print(f"{outcome.created} issues created, {outcome.updated} updated.")
    report_errors(extraction)
    if outcome.error:
        say_error(outcome.error)
    if outcome.error or extraction.errors:
        raise typer.Exit(1)


def main() -> None:
    app()
