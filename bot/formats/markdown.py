"""Markdown notes (CommonMark plus tables), read with markdown-it-py whose tokens carry line maps."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.blocks import Block, BlockKind, Document, TextLine

_CHECKBOX = re.compile(r"^\[( |x|X)\]\s+")
# A paragraph that opens with a bold phrase and a dash or colon names its own topic:
# "**Charrua post** - Will merge this post tomorrow."
_LEAD_IN = re.compile(r"^\s*[-—–:]\s*")

_parser = MarkdownIt("commonmark", {"html": True}).enable("table")


def read_markdown(body: str, first_line: int, metadata: dict[str, object]) -> Document:
    """Read a Markdown body whose first line is line `first_line` of the file."""
    tokens = _parser.parse(body)
    blocks: list[Block] = []
    section = ""
    title: str | None = None
    in_item = 0
    header: tuple[str, ...] = ()
    row: list[str] = []
    row_line = 0
    in_head = False
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "thead_open":
            in_head, header = True, ()
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row, row_line = [], _line_of(token, first_line)
        elif token.type == "tr_close":
            if in_head:
                header = tuple(row)
            elif any(row):
                line = TextLine(row_line, " | ".join(row))
                blocks.append(Block(BlockKind.ROW, section, (line,), header=header, cells=tuple(row)))
        elif token.type == "inline":
            opener = tokens[index - 1]
            lines = _inline_lines(token, first_line)
            if opener.type == "heading_open":
                text = " ".join(line.text for line in lines).strip()
                if title is None and opener.tag == "h1":
                    title = text
                section = text
                blocks.append(Block(BlockKind.HEADING, section, lines))
            elif opener.type in ("th_open", "td_open"):
                row.append(" ".join(line.text for line in lines).strip())
            elif opener.type == "paragraph_open":
                if in_item and tokens[index - 2].type == "list_item_open":
                    blocks.append(_list_item(section, lines))
                else:
                    bold = _bold_heading(token.children or [])
                    if bold is not None and _only_bold(token):
                        section = bold
                        blocks.append(Block(BlockKind.HEADING, section, lines))
                    elif bold is not None:
                        blocks.append(Block(BlockKind.PARAGRAPH, bold, _strip_lead_in(lines, bold)))
                    else:
                        kind = BlockKind.ITEM if in_item else BlockKind.PARAGRAPH
                        blocks.append(Block(kind, section, lines))
    return Document(metadata=metadata, title=title, blocks=tuple(blocks))


def _line_of(token: Token, first_line: int) -> int:
    return (token.map[0] if token.map else 0) + first_line


def _list_item(section: str, lines: tuple[TextLine, ...]) -> Block:
    head = lines[0]
    match = _CHECKBOX.match(head.text)
    if not match:
        return Block(BlockKind.ITEM, section, lines)
    rest = (TextLine(head.number, head.text[match.end() :]), *lines[1:])
    return Block(BlockKind.ITEM, section, rest, checked=match.group(1) != " ")


def _inline_lines(token: Token, first_line: int) -> tuple[TextLine, ...]:
    """The inline content as plain text lines, numbered by counting the line breaks in it."""
    number = _line_of(token, first_line)
    lines: list[TextLine] = []
    current: list[str] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append(TextLine(number, "".join(current)))
            number += 1
            current = []
        elif child.type in ("text", "code_inline") or child.type == "image":
            current.append(child.content)
    lines.append(TextLine(number, "".join(current)))
    return tuple(lines)


def _bold_heading(children: Sequence[Token]) -> str | None:
    """The bold phrase a paragraph opens with, if it opens with one."""
    children = [c for c in children if not (c.type == "text" and not c.content)]
    if len(children) < 3 or children[0].type != "strong_open":
        return None
    text: list[str] = []
    for child in children[1:]:
        if child.type == "strong_close":
            phrase = "".join(text).strip()
            return phrase or None
        if child.type in ("text", "code_inline"):
            text.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            return None
    return None


def _only_bold(token: Token) -> bool:
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content)]
    closes = [i for i, child in enumerate(children) if child.type == "strong_close"]
    if not closes:
        return False
    rest = children[closes[0] + 1 :]
    return all(child.type == "text" and not child.content.strip() for child in rest)


def _strip_lead_in(lines: tuple[TextLine, ...], bold: str) -> tuple[TextLine, ...]:
    head = lines[0]
    rest = head.text.strip()[len(bold) :]
    rest = _LEAD_IN.sub("", rest, count=1)
    return (TextLine(head.number, rest), *lines[1:])
