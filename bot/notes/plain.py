"""Plain-text notes: e-mailed minutes and web pages rendered to text.

There is no markup to borrow, so structure comes from layout: blank lines separate blocks, bullet
glyphs start list items, and a short line standing alone (or underlined) is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.notes.blocks import Block, BlockKind, Document, TextLine
from bot.notes.nesting import ListNesting

BULLET = re.compile(r"^\s*(?:[•◦▪‣∙*+-]|\d{1,3}[.)])\s+")
_CHECKBOX = re.compile(r"^\[( |x|X)\]\s+")
_UNDERLINE = re.compile(r"^\s*([=\-~^#*])\1{2,}\s*$")
_MAX_HEADING_WORDS = 8


def read_plain(body: str, first_line: int, metadata: dict[str, object]) -> Document:
    reader = _Reader()
    for index, text in enumerate(body.split("\n")):
        reader.read(index + first_line, text)
    reader.flush()
    return Document(metadata=metadata, title=reader.title, blocks=tuple(reader.blocks))


@dataclass
class _Reader:
    """The blocks read so far, the section they are under, and the block being gathered: its lines,
    whether it is a list item, and the item's indentation and box."""

    blocks: list[Block] = field(default_factory=list)
    section: str = ""
    title: str | None = None
    lists: ListNesting = field(default_factory=ListNesting)
    pending: list[TextLine] = field(default_factory=list)
    pending_item: bool = False
    checked: bool | None = None
    indent: int = 0

    def read(self, number: int, text: str) -> None:
        if _UNDERLINE.match(text) and len(self.pending) == 1:
            heading = self.pending[0]
            self.section = heading.text.strip()
            self.title = self.title or self.section
            self.blocks.append(Block(BlockKind.HEADING, self.section, (heading,), level=1))
            self._clear()
        elif not text.strip():
            self.flush()
        elif bullet := BULLET.match(text):
            self.flush()
            self.indent = len(text) - len(text.lstrip())
            item = text[bullet.end() :]
            box = _CHECKBOX.match(item)
            if box:
                self.checked = box.group(1) != " "
                item = item[box.end() :]
            self.pending, self.pending_item = [TextLine(number, item.rstrip(), text)], True
        else:
            self.pending.append(TextLine(number, text.strip(), text))

    def flush(self) -> None:
        """The block gathered so far, if any, is complete."""
        if not self.pending:
            return
        if self.pending_item:
            self.lists.close_to(self.indent)
            if not self.lists.inside and (not self.blocks or self.blocks[-1].kind is not BlockKind.ITEM):
                self.lists.start(self.blocks)
            self.lists.open(self.indent)
            self.blocks.append(self.lists.item(self.blocks, self.section, tuple(self.pending), self.checked))
        elif _looks_like_heading(self.pending):
            self.section = self.pending[0].text.strip().rstrip(":").strip()
            self.blocks.append(Block(BlockKind.HEADING, self.section, tuple(self.pending), level=1))
            self.lists.close_all()
        else:
            self.blocks.append(Block(BlockKind.PARAGRAPH, self.section, tuple(self.pending)))
            self.lists.close_all()
        self._clear()

    def _clear(self) -> None:
        self.pending, self.pending_item, self.checked = [], False, None


def _looks_like_heading(lines: list[TextLine]) -> bool:
    if len(lines) != 1:
        return False
    text = lines[0].text.strip()
    words = text.split()
    if not words or len(words) > _MAX_HEADING_WORDS or text[-1] in ".!?,;":
        return False
    # References and links ("See discussion in org/repo#404") stand alone too but name no topic.
    if not any(c.isalpha() for c in text) or "://" in text or re.search(r"#\d", text):
        return False
    if text.endswith(":"):
        return True
    return ": " not in text
