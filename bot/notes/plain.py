"""Plain-text notes: e-mailed minutes and web pages rendered to text.

There is no markup to borrow, so structure comes from layout: blank lines separate blocks, bullet
glyphs start list items, and a short line standing alone (or underlined) is a heading.
"""

from __future__ import annotations

import re

from bot.notes.blocks import Block, BlockKind, Document, TextLine

_BULLET = re.compile(r"^\s*(?:[•◦▪‣∙*+-]|\d{1,3}[.)])\s+")
_CHECKBOX = re.compile(r"^\[( |x|X)\]\s+")
_UNDERLINE = re.compile(r"^\s*([=\-~^#*])\1{2,}\s*$")
_MAX_HEADING_WORDS = 8


def read_plain(body: str, first_line: int, metadata: dict[str, object]) -> Document:
    blocks: list[Block] = []
    section = ""
    title: str | None = None
    pending: list[TextLine] = []
    pending_item = False
    checked: bool | None = None
    raw = body.split("\n")
    # Open list items by indentation, outermost first: (indent, block index), to find each item's parent.
    open_items: list[tuple[int, int]] = []
    indent = 0
    lead: int | None = None

    def flush() -> None:
        nonlocal pending, section, pending_item, checked, lead
        if not pending:
            return
        if not pending_item and _looks_like_heading(pending):
            section = pending[0].text.strip().rstrip(":").strip()
            blocks.append(Block(BlockKind.HEADING, section, tuple(pending), level=1))
            open_items.clear()
        elif pending_item:
            while open_items and open_items[-1][0] >= indent:
                open_items.pop()
            if not open_items and (not blocks or blocks[-1].kind is not BlockKind.ITEM):
                lead = len(blocks) - 1 if blocks and blocks[-1].kind is BlockKind.PARAGRAPH else None
            parent = open_items[-1][1] if open_items else None
            open_items.append((indent, len(blocks)))
            item = Block(BlockKind.ITEM, section, tuple(pending), checked=checked, parent=parent, lead=lead)
            blocks.append(item)
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, section, tuple(pending)))
            open_items.clear()
        pending, pending_item, checked = [], False, None

    for index, text in enumerate(raw):
        number = index + first_line
        if _UNDERLINE.match(text) and len(pending) == 1:
            heading = pending[0]
            section = heading.text.strip()
            title = title or section
            blocks.append(Block(BlockKind.HEADING, section, (heading,), level=1))
            pending, pending_item, checked = [], False, None
            continue
        if not text.strip():
            flush()
            continue
        bullet = _BULLET.match(text)
        if bullet:
            flush()
            indent = len(text) - len(text.lstrip())
            item = text[bullet.end() :]
            box = _CHECKBOX.match(item)
            if box:
                checked = box.group(1) != " "
                item = item[box.end() :]
            pending, pending_item = [TextLine(number, item.rstrip(), text)], True
        else:
            pending.append(TextLine(number, text.strip(), text))
    flush()
    return Document(metadata=metadata, title=title, blocks=tuple(blocks))


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
