"""From note files to action items: every note read, then each extracted, so one bad note never stops
the others."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.action_item import ActionItem
from bot.config import Config
from bot.extraction import ignore, runs
from bot.extraction.decision import Decision
from bot.extraction.nlp import load_model
from bot.noteadded import parse_dated
from bot.notefiles import discover, read_text
from bot.notes import cadence
from bot.notes.meeting import Meeting, NoteError, normalized
from bot.notes.naming import note_key
from bot.review.corrections import Correction, correct

if TYPE_CHECKING:
    from bot.extraction.extractor import Extractor


@dataclass
class Extraction:
    meetings: list[Meeting] = field(default_factory=list)
    items: list[ActionItem] = field(default_factory=list)
    errors: list[NoteError] = field(default_factory=list)
    # notes read, but not all of it, or with a guess to check (a date from the commit)
    warnings: list[NoteError] = field(default_factory=list)
    ignored: list[ActionItem] = field(default_factory=list)  # silenced in the note or the config

    def unknown_ignores(self, ids: Iterable[str]) -> list[str]:
        """The ids of `ids` that name none of the items read."""
        read = [item.id for item in [*self.items, *self.ignored]]
        return [given for given in ids if not any(ignore.names(given, item_id) for item_id in read)]


def extract(
    paths: Iterable[str],
    config: Config,
    on_note: Callable[[str], None] | None = None,
    root: Path | None = None,
    corrections: Sequence[Correction] = (),
    decision: Decision | None = None,
    others: Iterable[str] | None = None,
) -> Extraction:
    """The meetings and items of the notes at `paths`, each note named by its path from `root` (the
    checkout the bot runs in; default: the working directory), however the path was given: that
    name is part of every item's id. `corrections` (people's, from the corrections file) are
    applied last: the items people said are not action items are ignored, the others corrected.
    `decision`: the team's own (`actionbot learn`), else the shipped one decides. `others`: the
    team's notes (default: those of `notes.paths`), of which those this run does not extract (a
    sync of the changed notes) are read for their dates alone, and only when the config gives no
    cadence, so that a run over some notes reads the cadence a run over every note reads."""
    result = Extraction()
    extractor: Extractor | None = None
    base = root or Path.cwd()
    # Every note is read before any is extracted: "by the next call" needs the cadence, and without
    # meetings.every_days that comes from all the notes' dates.
    notes = [_read(path, config, base) for path in paths]
    more = _others(others, config, base, {note.path for note in notes})
    dates = (note.meeting.date for note in itertools.chain(notes, more) if note.meeting is not None)
    every_days = cadence.every_days(config.meetings.every_days, dates)
    for note in notes:
        if on_note is not None:
            on_note(note.path)
        result.errors.extend([note.error] if note.error else [])
        result.warnings.extend([note.warning] if note.warning else [])
        if note.meeting is None:
            continue
        meeting = note.meeting
        if extractor is None:
            # Imported here, with the model: spaCy takes a second to import, and the commands that
            # read no notes (items, close, reopen, init's help) should not wait for it.
            from bot.extraction.extractor import Extractor

            extractor = Extractor(load_model(config.model), config.roster, every_days, decision)
        try:
            items = extractor.extract(meeting)
        except ValueError as error:
            result.errors.append(_unparsed(note.path, meeting, extractor, error))
            continue
        result.meetings.append(meeting)
        result.warnings.extend(_skipped(meeting))
        # The note's lines numbered as the readers number them, for the ignore comments on them.
        kept, dropped = ignore.split(items, normalized(note.text).split("\n"), config.ignore)
        result.items.extend(kept)
        result.ignored.extend(dropped)
    if corrections:
        kept, dropped = correct(
            result.items, corrections, config.roster, lambda note: not (base / note).exists()
        )
        result.items = kept
        result.ignored.extend(dropped)
    return result


def _others(others: Iterable[str] | None, config: Config, root: Path, read: set[str]) -> Iterator[_Note]:
    """The team's notes not read yet, read one by one as the cadence asks for their dates: it asks
    for none when the config gives one, and then not even the folders are listed."""
    for path in discover(config.notes.paths) if others is None else others:
        if path not in read:
            yield _read(path, config, root)


def _skipped(meeting: Meeting) -> list[NoteError]:
    """One line for a note some of whose text the language model was not given."""
    skipped = runs.skipped_lines((s.line, s.text) for s in meeting.sentences)
    if not skipped:
        return []
    line, longest = skipped[0]
    more = f" (and {len(skipped) - 1} more lines)" if len(skipped) > 1 else ""
    return [
        NoteError(
            meeting.path,
            f"a run of {longest:,} punctuation marks (a pasted log or table?) is not read for action "
            f"items{more}; the rest of the note is",
            line=line,
        )
    ]


def _unparsed(path: str, meeting: Meeting, extractor: Extractor, error: ValueError) -> NoteError:
    """The note's one error when the model would not parse it: spaCy refuses a text longer than its
    max_length (E088), which a sentence can be once notes.max_bytes is raised."""
    longest = max(meeting.sentences, key=lambda s: len(s.text), default=None)
    limit = extractor.nlp.max_length
    if longest is not None and len(longest.text) > limit:
        message = (
            f"a sentence of {len(longest.text):,} characters is longer than the language model reads "
            f"({limit:,}); the note is left out"
        )
        return NoteError(path, message, line=longest.line)
    return NoteError(path, f"could not be read ({type(error).__name__}: {error})")


@dataclass(frozen=True)
class _Note:
    """A note as read: its meeting, named by its path from the root (None when it could not be
    read, and then `error` says why), its text, and a warning about a guess (a date from git)."""

    path: str
    meeting: Meeting | None
    text: str = ""
    error: NoteError | None = None
    warning: NoteError | None = None


def _read(path: str, config: Config, root: Path) -> _Note:
    try:
        text = read_text(path, config.notes.max_bytes, root)
        meeting, warning = parse_dated(path, text)
        return _Note(path, replace(meeting, path=note_key(path, root)), text, warning=warning)
    except NoteError as error:
        return _Note(path, None, error=error)
    except (RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        # A note must never take the batch down with it; say which one and carry on.
        return _Note(
            path, None, error=NoteError(path, f"could not be read ({type(error).__name__}: {error})")
        )
