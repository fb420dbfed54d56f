"""`NoteScope`: the notes a run read, which decide what the bot may say of their issues (an item gone
from a note read in this run is gone; one of a note not read is only not looked at)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.notes.meeting import Meeting
from bot.notes.naming import note_key


def _as_given(note: str) -> str:
    return note


def _never_gone(note: str) -> bool:
    return False


@dataclass(frozen=True)
class NoteScope:
    """The notes this run read, by their path from the root; `key` gives that path for a note as a
    marker names it (earlier versions kept the path the note was read by), `gone` whether no file
    is there any more, `ignored` the items silenced in them."""

    read: frozenset[str]
    key: Callable[[str], str] = field(default=_as_given)
    gone: Callable[[str], bool] = field(default=_never_gone)
    # Ids of the items the notes read hold but mark as not action items (`ignore`).
    ignored: frozenset[str] = frozenset()


def note_scope(meetings: Iterable[Meeting], root: Path, ignored: Iterable[str] = ()) -> NoteScope:
    """The notes read in this run, named as items name them; a marker's note is named the same way
    whether an earlier version kept it as a relative or an absolute path."""
    return NoteScope(
        read=frozenset(m.path for m in meetings),
        key=lambda note: note_key(note, root),
        gone=lambda note: not (root / note).exists(),
        ignored=frozenset(ignored),
    )
