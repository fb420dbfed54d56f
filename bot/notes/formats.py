"""The note formats, in one table: by a file's suffix, how a note is read, and how the bot writes
its follow-up checklist into it. Discovery (`bot.notefiles`), parsing (`bot.notes.meeting`) and
`report --write-into` all look a note up here.

A new format is one row in `FORMATS` and a reader: a function of the note's body (after any front
matter), the body's first line number in the file and the front matter, returning a `Document` or
raising `Unreadable`. Readers of nested lists share `bot.notes.nesting`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from bot.notes.blocks import Document
from bot.notes.botblocks import BotBlock
from bot.notes.markdown import read_markdown
from bot.notes.plain import read_plain
from bot.notes.rst import read_rst

Reader = Callable[[str, int, dict[str, object]], Document]


@dataclass(frozen=True)
class NoteFormat:
    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot
    read: Reader
    block: BotBlock  # where the bot writes the checklist into a note of this format


def _as_written(checklist: str) -> str:
    return checklist.rstrip()


def _literal_block(checklist: str) -> str:
    """The checklist as a reStructuredText literal block: Markdown shown as written, not misread."""
    return "\n".join(
        "   " + line if line.strip() else "" for line in ["::", "", *checklist.rstrip().splitlines()]
    )


def _plain_unless_front_matter(body: str, first_line: int, metadata: dict[str, object]) -> Document:
    # Front matter is Markdown's convention: a text file that opens with it is written in Markdown.
    return (read_markdown if metadata else read_plain)(body, first_line, metadata)


# HTML comments: unseen where Markdown is rendered, and blank lines to the plain-text reader.
_COMMENTED = BotBlock("<!-- actionbot:follow-up begin -->", "<!-- actionbot:follow-up end -->", _as_written)

# The suffixes GitHub renders as Markdown, older wikis' ".mkd" and ".mdwn" among them.
MARKDOWN = NoteFormat(
    "Markdown", (".md", ".markdown", ".mkd", ".mkdn", ".mkdown", ".mdown", ".mdwn"), read_markdown, _COMMENTED
)
RESTRUCTUREDTEXT = NoteFormat(
    "reStructuredText",
    (".rst", ".rest"),
    read_rst,
    BotBlock(".. actionbot:follow-up begin", ".. actionbot:follow-up end", _literal_block),
)
# A file without a suffix is read when named, never found in a folder (see `NOTE_SUFFIXES`).
PLAIN = NoteFormat("plain text", (".txt", ".text", ""), _plain_unless_front_matter, _COMMENTED)
FORMATS = (MARKDOWN, RESTRUCTUREDTEXT, PLAIN)

NOTE_SUFFIXES = tuple(suffix for note_format in FORMATS for suffix in note_format.suffixes if suffix)
BOT_BLOCKS = tuple(dict.fromkeys(note_format.block for note_format in FORMATS))
_BY_SUFFIX = {suffix: note_format for note_format in FORMATS for suffix in note_format.suffixes}


def format_of(path: str | PurePath) -> NoteFormat:
    """The format of the note at `path`, by its suffix; Markdown, the most common, for a note named
    with a suffix no format claims."""
    return _BY_SUFFIX.get(PurePath(path).suffix.lower(), MARKDOWN)
