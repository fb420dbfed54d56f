"""The structure every note format is read into: blocks of text lines, each under a section.

A block is the unit a reader of the minutes sees as one thing: a paragraph, a list item, a table row,
a heading. Lines keep their number in the file so that every sentence can be traced back to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    ROW = "row"


@dataclass(frozen=True)
class TextLine:
    number: int  # 1-based line number in the file
    text: str  # the line as a reader sees it: markup removed, links reduced to their text
    # The line as written, where the format's reader has it: a quote of the note must be verbatim,
    # links and code marks included, for a person (or a scorer) to find it in the file.
    source: str = ""


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    section: str
    lines: tuple[TextLine, ...]
    # For list items written as task-list checkboxes: True for "[x]", False for "[ ]", else None.
    checked: bool | None = None
    # For table rows: the header cells of the table and this row's cells.
    header: tuple[str, ...] = field(default=())
    cells: tuple[str, ...] = field(default=())
    # Where the block sits in a list: the block of the list item it is nested under ("Andy:" above
    # "- Call Tom about pandas"), and the paragraph that introduced its list ("Next steps:").
    parent: int | None = None
    lead: int | None = None
    # For headings: how deep ("## Next steps" is 2, "### Dana" under it 3), so a block's headings
    # can be told as a path, not only the nearest.
    level: int = 0

    @property
    def line(self) -> int:
        return self.lines[0].number if self.lines else 0

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines).strip()


@dataclass(frozen=True)
class Document:
    """What a format reader returns: metadata it found, an optional title and the blocks in order."""

    metadata: dict[str, object]
    title: str | None
    blocks: tuple[Block, ...]


class Unreadable(ValueError):
    """A note its format's reader cannot read, and where, when it knows the line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line
