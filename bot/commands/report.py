"""The report command: the follow-up checklist for a meeting (given as a date or its note, else the
one to come), printed, written into a note between its markers, and sent to the channels."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from bot import actions
from bot.commands import remind, reminder_lines, runner, status
from bot.config import Config
from bot.followup import checklist
from bot.followup.meetings import meeting_days_around
from bot.notefiles import load_meeting
from bot.notes import botblocks
from bot.notes.formats import format_of
from bot.notes.meeting import NoteError
from bot.pipeline import Extraction


def command(
    paths: list[str] | None,
    config: Path | None,
    meeting: str | None,
    in_json: bool,
    write_into: Path | None,
    now: str | None,
    send: bool,
) -> None:
    if write_into is not None and not write_into.is_file():
        # A mistyped path would otherwise become a new note, and so a meeting.
        raise runner.fail(f"--write-into {write_into}: no such note (it writes into an existing note only)")

    def work(job: runner.Run) -> runner.Done:
        extraction = job.extract(paths)
        job.warn_missing_token()
        clock = runner.now_option(now)
        target = meeting_of(meeting, extraction, job.settings, clock)
        report = status.follow_up(job.settings, extraction, job.tracker(), target, job.root, clock)
        text = checklist.markdown(report)
        if in_json:
            sys.stdout.write(json.dumps(checklist.as_json(report), ensure_ascii=False, indent=1) + "\n")
        else:
            sys.stdout.write(text)
        actions.write_summary(text)
        if write_into is not None:
            _write_into(write_into, text)
        return runner.Done(failed=send and _notify(job, target, clock))

    runner.run(config, work, people=True)


def meeting_of(value: str | None, extraction: Extraction, settings: Config, now: dt.datetime) -> dt.date:
    """The meeting --meeting names, as a date the team meets or as its note; else the one to come."""
    if value is not None:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            around = meeting_days_around(day, extraction.meetings, settings.meetings)
            if around != [day]:
                nearest = " or ".join(d.isoformat() for d in around) or "none: no notes were read"
                raise runner.fail(f"--meeting {value}: the team does not meet that day (nearest: {nearest})")
            return day
        try:
            return load_meeting(value, settings.notes.max_bytes, Path.cwd()).date
        except NoteError as error:
            raise runner.fail(f"--meeting takes a date (YYYY-MM-DD) or a note: {error}") from None
    found = status.report_meeting(extraction, settings, now)
    if found is None:
        raise runner.fail("no meeting to report for: no notes were read")
    return found


def _notify(job: runner.Run, meeting: dt.date, now: dt.datetime) -> bool:
    """Send the checklist; True when a channel failed. What is said goes to stderr: stdout is the report."""
    outcome = remind.notify_follow_up(job.settings, job.extraction, job.tracker(), meeting, now, job.root)
    said = [reminder_lines.describe(outcome), *reminder_lines.deliveries(outcome, "the checklist")]
    sys.stderr.write("".join(line + "\n" for line in said))
    return reminder_lines.failed(outcome)


def _write_into(path: Path, text: str) -> None:
    try:
        before = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise runner.fail(f"{path}: cannot read: {error}") from None
    after = botblocks.write_into(before, text, format_of(path).block)
    if after != before:
        # newline="" keeps the file's own line endings: only the section between the markers changes.
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(after)
