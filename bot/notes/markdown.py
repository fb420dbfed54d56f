"""Markdown notes (CommonMark plus tables), read with markdown-it-py whose tokens carry line maps."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin

from bot.notes.blocks import Block, BlockKind, Document, TextLine

# A paragraph that opens with a bold phrase and a dash or colon names its own topic:
# "**Charrua post** - Will merge this post tomorrow."
_LEAD_IN = re.compile(r"^\s*[-—–:]\s*")

# Struck-through text (`~~...~~`) is what the writer crossed out: done or withdrawn, never read.
_BOLD_LEVEL = 7
# Task lists ("- [ ] ...", "- [x] ...") are read by mdit-py-plugins' tasklists: each box is a token.
# markdown-it stops reading, without a word, at 20 levels of nesting: a list item is two, so a
# promise 12 list levels deep was dropped. Deeper than this, the note is refused, saying where.
MAX_NESTING = 100
_parser = (
    MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    .enable(["table", "strikethrough"])
    .use(tasklists_plugin)
)
_BOX = "task-list-item-checkbox"


class TooDeep(ValueError):
    def __init__(self, line: int) -> None:
        super().__init__(f"nested more than {MAX_NESTING // 2} lists or quotes deep, which is not read")
        self.line = line


def read_markdown(body: str, first_line: int, metadata: dict[str, object]) -> Document:
    """Read a Markdown body whose first line is line `first_line` of the file."""
    tokens = _parser.parse(body)
    deepest = next((t for t in tokens if t.level >= MAX_NESTING - 1), None)
    if deepest is not None:
        raise TooDeep(_line_of(deepest, first_line))
    sources = body.split("\n")
    blocks: list[Block] = []
    section = ""
    title: str | None = None
    # One entry per open list item: the block of its first paragraph, once read.
    items: list[int | None] = []
    lead: int | None = None
    header: tuple[str, ...] = ()
    row: list[str] = []
    row_line = 0
    in_head = False
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open") and not items:
            previous = tokens[index - 1] if index else None
            ends_paragraph = previous is not None and previous.type == "paragraph_close"
            lead = len(blocks) - 1 if ends_paragraph and blocks[-1].kind is BlockKind.PARAGRAPH else None
        elif token.type == "list_item_open":
            items.append(None)
        elif token.type == "list_item_close":
            items.pop()
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
            lines = _inline_lines(token, first_line, sources)
            if opener.type == "heading_open":
                text = " ".join(line.text for line in lines).strip()
                if title is None and opener.tag == "h1":
                    title = text
                section = text
                blocks.append(Block(BlockKind.HEADING, section, lines, level=int(opener.tag[1:])))
            elif opener.type in ("th_open", "td_open"):
                row.append(" ".join(line.text for line in lines).strip())
            elif opener.type == "paragraph_open":
                if items:
                    own = items[-1]
                    parent = (
                        own
                        if own is not None
                        else next((i for i in reversed(items[:-1]) if i is not None), None)
                    )
                    if own is None:
                        items[-1] = len(blocks)
                    blocks.append(_list_item(section, lines, parent, lead, _checked(token)))
                else:
                    bold = _bold_heading(token.children or [])
                    if bold is not None and _only_bold(token):
                        section = bold
                        # A bold line heads what follows, under the headings it stands in.
                        blocks.append(Block(BlockKind.HEADING, section, lines, level=_BOLD_LEVEL))
                    elif bold is not None:
                        blocks.append(Block(BlockKind.PARAGRAPH, bold, _strip_lead_in(lines, bold)))
                    else:
                        blocks.append(Block(BlockKind.PARAGRAPH, section, lines))
    return Document(metadata=metadata, title=title, blocks=tuple(blocks))


def _line_of(token: Token, first_line: int) -> int:
    return (token.map[0] if token.map else 0) + first_line


def _list_item(
    section: str, lines: tuple[TextLine, ...], parent: int | None, lead: int | None, checked: bool | None
) -> Block:
    if checked is not None:
        head = lines[0]
        lines = (TextLine(head.number, head.text.lstrip(), head.source), *lines[1:])
    return Block(BlockKind.ITEM, section, lines, checked=checked, parent=parent, lead=lead)


def _checked(inline: Token) -> bool | None:
    """For a task-list item, whether its box is ticked; None for any other paragraph."""
    first = next(iter(inline.children or []), None)
    if first is None or first.type != "html_inline" or _BOX not in first.content:
        return None
    return 'checked="checked"' in first.content


def _inline_lines(token: Token, first_line: int, sources: list[str]) -> tuple[TextLine, ...]:
    """The inline content as plain text lines, numbered by counting the line breaks in it."""
    number = _line_of(token, first_line)
    lines: list[TextLine] = []
    current: list[str] = []
    struck = 0
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append(TextLine(number, "".join(current), _source(sources, number - first_line)))
            number += 1
            current = []
        elif child.type == "s_open":
            struck += 1
        elif child.type == "s_close":
            struck = max(struck - 1, 0)
        elif child.type in ("text", "code_inline", "image") and not struck:
            current.append(child.content)
    lines.append(TextLine(number, "".join(current), _source(sources, number - first_line)))
    return tuple(lines)


def _source(sources: list[str], index: int) -> str:
    return sources[index] if 0 <= index < len(sources) else ""


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
    return (TextLine(head.number, rest, head.source), *lines[1:])
