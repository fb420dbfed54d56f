"""The file-system edge of reading notes: which files are notes, and reading one safely."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from bot.noteadded import parse_dated
from bot.notes.formats import NOTE_SUFFIXES
from bot.notes.meeting import Meeting, NoteError

# Files that live beside notes in a notes folder but are not notes themselves.
_NOT_NOTES = (
    "readme",
    "license",
    "licence",
    "changelog",
    "contributing",
    "code_of_conduct",
    "guidelines",
    "index",
)


def discover(paths: Iterable[str]) -> list[str]:
    """The note files named, a folder standing for the notes in it (recursively) and a pattern
    (`notes/*.md`, `minutes/**/*.md`) for what it matches, in a stable order."""
    found: list[str] = []
    for given in _expanded(paths):
        path = Path(given)
        if path.is_dir():
            found.extend(
                str(child)
                for child in sorted(path.rglob("*"))
                if child.is_file()
                and child.suffix.lower() in NOTE_SUFFIXES
                and not _is_companion(child.relative_to(path))
            )
        else:
            found.append(given)
    return list(dict.fromkeys(found))


def missing(paths: Iterable[str]) -> list[tuple[str, str]]:
    """The paths given that name nothing, with why: no such file or folder, or a pattern matching none."""
    return [
        (given, "no file matches this pattern" if _is_pattern(given) else "no such file or folder")
        for given in paths
        if not Path(given).exists() and not (_is_pattern(given) and glob.glob(given, recursive=True))
    ]


def _expanded(paths: Iterable[str]) -> list[str]:
    # A pattern matching nothing stays as given, so reading it says so (see `read_text`).
    return [
        match
        for given in paths
        for match in (sorted(glob.glob(given, recursive=True)) if _is_pattern(given) else [given]) or [given]
    ]


def _is_pattern(path: str) -> bool:
    return any(mark in path for mark in "*?[") and not Path(path).exists()


def _is_companion(path: Path) -> bool:
    """A README or licence beside the notes, or anything under a hidden folder such as .git."""
    return path.stem.lower() in _NOT_NOTES or any(part.startswith(".") for part in path.parts[:-1])


def leaves(path: Path, root: Path) -> bool:
    """Whether `path` is reached through a symbolic link that leads outside `root`. A file named
    plainly is the caller's choice wherever it is; a link is the repository's content, and in a
    fork's pull request anyone's: what it points at outside is no note of the repository's."""
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return True
    if resolved == absolute:
        return False
    return not resolved.is_relative_to(root.resolve())


OUTSIDE = "is a link to a file outside the repository"


def read_text(path: str, max_bytes: int, root: Path | None = None) -> str:
    """The note's text, or a NoteError saying in one line why it cannot be read. With `root`, a note
    reached through a link leading outside it is not read."""
    if root is not None and leaves(Path(path), root):
        raise NoteError(path, f"{OUTSIDE}; not read")
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise NoteError(
                path, f"the note is {size:,} bytes, over the limit of {max_bytes:,} (notes.max_bytes)"
            )
        data = Path(path).read_bytes()
    except FileNotFoundError:
        missing = "no file matches this pattern" if _is_pattern(path) else "no such file"
        raise NoteError(path, missing) from None
    except IsADirectoryError:
        raise NoteError(path, "is a directory") from None
    except OSError as error:
        raise NoteError(path, f"cannot read: {error.strerror}") from None
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise NoteError(path, "binary file (NUL byte), not a note", line=line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise NoteError(path, f"not UTF-8 text (byte 0x{data[error.start]:02x})", line=line) from None


def load_meeting(path: str, max_bytes: int, root: Path | None = None) -> Meeting:
    """The note's meeting; one without a date of its own is dated by when it was added, unsaid."""
    return parse_dated(path, read_text(path, max_bytes, root))[0]
