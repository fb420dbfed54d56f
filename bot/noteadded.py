"""When a note file was added, to date a note that gives no meeting date of its own.

Notes are written on the day of the meeting and committed soon after, so the commit that added the
file is the best date left; a file git does not know (no repository, not committed yet) has only its
modification time. Either is a guess, so the reader is told which one was taken.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from bot.notes.meeting import Meeting, NoteError, UndatedNote, parse_note

BY_COMMIT = "the commit that added it"
BY_MODIFIED = "its modification time (no commit adds it)"
UNDATED = "no meeting date in the note; dated {date} by {how}: give it a date: line or a dated file name"


def parse_dated(path: str, text: str) -> tuple[Meeting, NoteError | None]:
    """The note's meeting, and for a note that gives no date, a warning saying how it was dated."""
    try:
        return parse_note(path, text), None
    except UndatedNote as undated:
        try:
            added, how = date_added(path)
        except OSError:
            raise undated from None  # the file is gone since it was read: nothing to date it by
        return parse_note(path, text, added=added), NoteError(path, UNDATED.format(date=added, how=how))


def date_added(path: str) -> tuple[dt.date, str]:
    """The day the file was added, and how that is known."""
    committed = _first_commit_day(Path(path))
    if committed is not None:
        return committed, BY_COMMIT
    modified = Path(path).stat().st_mtime
    return dt.datetime.fromtimestamp(modified).date(), BY_MODIFIED


def _first_commit_day(path: Path) -> dt.date | None:
    """The author date of the commit that first added the file, following renames; the day as the
    author's own clock had it, which is the meeting's day where they took the notes."""
    try:
        done = subprocess.run(
            [
                "git",
                "-C",
                str(path.parent),
                "log",
                "--follow",
                "--diff-filter=A",
                "--format=%aI",
                "--",
                path.name,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamps = done.stdout.split() if done.returncode == 0 else []
    return dt.datetime.fromisoformat(stamps[-1]).date() if stamps else None  # newest first
