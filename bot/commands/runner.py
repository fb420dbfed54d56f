"""The frame every command runs in: its config read, its notes' items extracted, its work done, a
failure to reach the tracker said in one line, then what the notes' readers found wrong, and the
exit code. The commands' own modules hold only what differs between them.

Exit codes: 2 for what the person typed or configured (a bad option, config, path or note), 1 for
a run that could not finish (the tracker, a lock, a channel) or a note it could not read.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from bot import actions, pipeline
from bot.config import Config, ConfigError, load_config
from bot.extraction.nlp import ModelMissing
from bot.issues import Tracker, TrackerError
from bot.lock import LockTimeout
from bot.notefiles import discover, missing
from bot.review import store, team_model
from bot.wiring import SetupError, make_tracker, missing_token

stdout = Console()
stderr = Console(stderr=True)
# Progress bars only help a person watching; with fewer notes they are noise.
PROGRESS_FROM = 5
# What stops a run that was set up right: the tracker, a lock another run holds, Actions' event,
# the corrections file written while it ran. Said in one line, exit 1.
RUN_FAILURES = (SetupError, TrackerError, LockTimeout, actions.ActionsError, store.CorrectionsError)
UNKNOWN_IGNORE = (
    "ignore: '{id}' is the id of no action item in the notes (`actionbot extract --json` and "
    "`actionbot items` show the ids)"
)
NO_PEOPLE = (
    "the config lists no people: only attendees and @logins can own action items, so few are found; "
    "list the team under people: (see config.example.yaml)"
)


def say_error(message: str) -> None:
    """One line on stderr, never wrapped or coloured: scripts and CI logs read it."""
    sys.stderr.write(f"error: {actions.printable(' '.join(message.split()))}\n")
    sys.stderr.flush()


def fail(message: str, code: int = 2) -> typer.Exit:
    """The error said; the exit to raise."""
    say_error(message)
    return typer.Exit(code)


def load_settings(path: Path | None) -> Config:
    try:
        return load_config(path)
    except ConfigError as error:
        raise fail(str(error)) from None


@dataclass(frozen=True)
class Done:
    """What a command's work leaves the frame: `failed` exits 1 even when every note was read;
    `error` is said last, after the notes' errors."""

    failed: bool = False
    error: str = ""


@dataclass
class Run:
    """One command's run: its settings, the items of the notes it read, where it runs."""

    config_path: Path | None
    settings: Config
    extraction: pipeline.Extraction = field(default_factory=pipeline.Extraction)
    root: Path = field(default_factory=Path.cwd)

    def extract(self, paths: list[str] | None) -> pipeline.Extraction:
        """The items of `paths` (default: notes.paths), kept for the errors said at the end."""
        self.extraction = extract_notes(paths or self.settings.notes.paths, self.settings, self.config_path)
        return self.extraction

    def tracker(self) -> Tracker:
        return make_tracker(self.settings)

    @property
    def corrections(self) -> Path:
        """The corrections file, beside the config."""
        return store.path_for(self.config_path)

    def warn_missing_token(self) -> None:
        """Say so when the config names a repository but its token is missing: the run then writes
        to the local tracker, which would otherwise look like GitHub."""
        warning = missing_token(self.settings)
        if warning is not None:
            sys.stderr.write(f"warning: {warning}\n")
            actions.warn([actions.Annotation("", None, warning)])


def run(
    config: Path | None,
    work: Callable[[Run], Done | None],
    *,
    people: bool = False,
    unread_fails: bool = True,
) -> None:
    """Run a command's `work` in the frame. `people`: warn about a config without people and about
    owners it does not list; `unread_fails`: a note that could not be read makes the run exit 1."""
    job = Run(config, load_settings(config))
    try:
        done = work(job) or Done()
    except RUN_FAILURES as error:
        report_errors(job.extraction)
        raise fail(str(error), code=1) from None
    if people:
        warn_about_people(job.settings, job.extraction)
    report_errors(job.extraction)
    if done.error:
        say_error(done.error)
    if done.failed or done.error or (unread_fails and job.extraction.errors):
        raise typer.Exit(1)


T = TypeVar("T")


def checked(work: Callable[[], T], *errors: type[Exception], code: int = 2) -> T:
    """`work`'s result; one of `errors` said in one line, exit `code`."""
    try:
        return work()
    except errors as error:
        raise fail(str(error), code) from None


def extract_notes(paths: list[str], config: Config, config_path: Path | None = None) -> pipeline.Extraction:
    """The notes' items, with the corrections kept beside the config at `config_path` applied."""
    for path, why in missing(paths):
        # Before anything is printed: an empty table above the error would read as "no items".
        raise fail(f"{path}: {why}")
    notes = discover(paths)
    if not notes:
        raise fail("no notes found in " + ", ".join(paths))
    show = stderr.is_terminal and len(notes) >= PROGRESS_FROM
    try:
        corrections = store.load(store.path_for(config_path))
        decision = team_model.load(team_model.path_for(config_path))
        if not show:
            extraction = pipeline.extract(notes, config, corrections=corrections, decision=decision)
        else:
            with progress_bar() as progress:
                task = progress.add_task("reading notes", total=len(notes))
                extraction = pipeline.extract(
                    notes,
                    config,
                    on_note=lambda _: progress.advance(task),
                    corrections=corrections,
                    decision=decision,
                )
    except (store.CorrectionsError, team_model.TeamModelError, ModelMissing) as error:
        raise fail(str(error)) from None
    # Only a run over every note can tell that an id names no item; a run over some cannot.
    unknown = extraction.unknown_ignores(config.ignore)
    if unknown and set(notes) >= set(discover(config.notes.paths)):
        raise fail(UNKNOWN_IGNORE.format(id=unknown[0]))
    return extraction


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=stderr, transient=True
    )


def report_errors(extraction: pipeline.Extraction) -> None:
    for warning in extraction.warnings:
        sys.stderr.write(actions.printable(f"warning: {warning}") + "\n")
    for error in extraction.errors:
        say_error(str(error))
    actions.warn(actions.note_warnings([*extraction.warnings, *extraction.errors]))


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


def now_option(value: str | None) -> dt.datetime:
    """--now: the time to act as if it were, in UTC unless it says its zone."""
    if value is None:
        return dt.datetime.now(dt.UTC)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise fail(f"--now {value!r} is not an ISO 8601 date or time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def date_option(name: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None
