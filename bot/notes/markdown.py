"""Markdown notes (CommonMark plus tables), read with markdown-it-py whose tokens carry line maps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin

from bot.notes.blocks import Block, BlockKind, Document, TextLine, Unreadable
from bot.notes.html import html_texts
from bot.notes.nesting import ListNesting
from bot.notes.plain import BULLET, read_plain
from bot.notes.sentences import CHAT_SPEAKER

# A paragraph that opens with a bold phrase and a dash or colon names its own topic:
# "**Charrua post** - Will merge this post tomorrow."
_LEAD_IN = re.compile(r"^\s*[-—–:]\s*")
# A bold phrase that is itself a labelled statement heads nothing: "**ACTION: release 1.2 by Friday**
# (Lee)", "**Lee: will send the survey.**" are lines to read as written, where "**Charrua post**" and
# "**Decision:**" name the topic of what follows them.
_LABELLED = re.compile(r"^[\w@][\w@ .'’-]{0,30}:\s+\S")
# Nor does a chat log's speaker in bold, or a bold name before a colon: `_topic`.
_SPEAKER = re.compile(rf"^{CHAT_SPEAKER}")
_SAYS = re.compile(r"^\s*:\s*\S")

_UNSPACED_HEADING = re.compile(r"^(?P<marks>#{1,6})(?P<text>[^\s#\d].*)$")
# A bold line standing for a heading ranks under every heading Markdown can write (h1 to h6).
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


class TooDeep(Unreadable):
    def __init__(self, line: int) -> None:
        super().__init__(f"nested more than {MAX_NESTING // 2} lists or quotes deep, which is not read", line)


def read_markdown(body: str, first_line: int, metadata: dict[str, object]) -> Document:
    """Read a Markdown body whose first line is line `first_line` of the file."""
    tokens = _parser.parse(body)
    deepest = next((t for t in tokens if t.level >= MAX_NESTING - 1), None)
    if deepest is not None:
        raise TooDeep(_line_of(deepest, first_line))
    # A document pasted from a word processor indents most of its lines with a tab, each a short
    # code block to CommonMark; together they read as the prose they are.
    indented = "\n".join(t.content for t in tokens if t.type == "code_block" and not _has_code(t.content))
    reader = _Reader(first_line, body.split("\n"), indented_prose=_is_wordy(indented))
    for index, token in enumerate(tokens):
        reader.read(token, tokens[index - 1] if index else None)
    return Document(metadata=metadata, title=reader.title, blocks=tuple(reader.blocks))


@dataclass
class _Reader:
    """The blocks read so far from markdown-it's tokens, and where the walk stands: the section,
    the open list items, the table row."""

    first_line: int
    sources: list[str]
    blocks: list[Block] = field(default_factory=list)
    section: str = ""
    title: str | None = None
    lists: ListNesting = field(default_factory=ListNesting)
    header: tuple[str, ...] = ()
    row: list[str] = field(default_factory=list)
    row_line: int = 0
    in_head: bool = False
    indented_prose: bool = False  # the note's indented blocks, taken together, are text

    def read(self, token: Token, previous: Token | None) -> None:
        if token.type in ("bullet_list_open", "ordered_list_open") and not self.lists.inside:
            introduced = previous is not None and previous.type == "paragraph_close"
            self.lists.start(self.blocks, introduced)
        elif token.type == "list_item_open":
            self.lists.open()
        elif token.type == "list_item_close":
            self.lists.close()
        elif token.type in ("thead_open", "thead_close", "tr_open", "tr_close"):
            self._table(token)
        elif token.type == "inline" and previous is not None:
            self._inline(token, previous)
        elif token.type == "html_block" and not _is_markup(token.content.strip()):
            self._text_block(token)
        elif token.type == "html_block":
            self._html(token)
        elif token.type == "code_block" and self._is_text(token.content):
            self._indented_list(token)

    def _is_text(self, code: str) -> bool:
        if _is_a_list(code) or _is_prose(code):
            return True
        return self.indented_prose and not _has_code(code)

    def _html(self, token: Token) -> None:
        """An HTML block's text, a line per cell, list item or paragraph of it: minutes exported
        from a wiki are often one HTML table ("<td><ol><li>Hwang to share the inventory</li>")."""
        first = _line_of(token, self.first_line)
        for offset, text, listed in html_texts(token.content):
            # The piece as written is wrapped in tags and entities: quoted as read, not as the line.
            line = TextLine(first + offset, text)
            kind = BlockKind.ITEM if listed else BlockKind.PARAGRAPH
            self.blocks.append(Block(kind, self.section, (line,)))

    def _indented_list(self, token: Token) -> None:
        """Bullets indented four spaces under a paragraph ("Testing:", then "    * bcoca owns ..."),
        or a chat log pasted indented from a wiki: CommonMark reads them as code; the writer meant
        a list or text. Read as plain text would be."""
        offset = len(self.blocks)
        read = read_plain(token.content, _line_of(token, self.first_line), {})
        for block in read.blocks:
            self.blocks.append(
                replace(
                    block,
                    section=block.section or self.section,
                    parent=None if block.parent is None else block.parent + offset,
                    lead=None if block.lead is None else block.lead + offset,
                )
            )

    def _text_block(self, token: Token) -> None:
        """A line CommonMark takes for an HTML block but whose "tag" is words: "<Action for Dana to
        update the matrix>", "<sam> I'll look at it"."""
        first = _line_of(token, self.first_line)
        lines = tuple(
            TextLine(
                first + n, _unbracketed(text.strip()), _source(self.sources, first + n - self.first_line)
            )
            for n, text in enumerate(token.content.rstrip("\n").split("\n"))
        )
        if self.lists.inside:
            self.blocks.append(self.lists.item(self.blocks, self.section, lines, None))
        else:
            self.blocks.append(Block(BlockKind.PARAGRAPH, self.section, lines))

    def _table(self, token: Token) -> None:
        if token.type == "thead_open":
            self.in_head, self.header = True, ()
        elif token.type == "thead_close":
            self.in_head = False
        elif token.type == "tr_open":
            self.row, self.row_line = [], _line_of(token, self.first_line)
        elif self.in_head:
            self.header = tuple(self.row)
        elif not any(self.header) and _names_columns(self.row):
            # A table converted from HTML often has an empty header and its names in the first row.
            self.header = tuple(self.row)
        elif any(self.row):
            line = TextLine(self.row_line, " | ".join(self.row))
            self.blocks.append(
                Block(BlockKind.ROW, self.section, (line,), header=self.header, cells=tuple(self.row))
            )

    def _inline(self, token: Token, opener: Token) -> None:
        lines = _inline_lines(token, self.first_line, self.sources)
        if opener.type == "heading_open":
            text = " ".join(line.text for line in lines).strip()
            if self.title is None and opener.tag == "h1":
                self.title = text
            self.section = text
            self.blocks.append(Block(BlockKind.HEADING, self.section, lines, level=int(opener.tag[1:])))
        elif opener.type in ("th_open", "td_open"):
            self.row.append(" ".join(line.text for line in lines).strip())
        elif opener.type == "paragraph_open" and self.lists.inside:
            checked = _checked(token)
            self.blocks.append(self.lists.item(self.blocks, self.section, _unboxed(lines, checked), checked))
        elif opener.type == "paragraph_open":
            self._paragraph(token, lines)

    def _paragraph(self, token: Token, lines: tuple[TextLine, ...]) -> None:
        bold = _topic(token.children or [], lines[0])
        unspaced = _UNSPACED_HEADING.match(lines[0].text) if len(lines) == 1 else None
        if unspaced is not None:
            # "##ACTION ITEMS": CommonMark wants a space after the marks; the writer meant a heading.
            self.section = unspaced["text"].strip()
            level = len(unspaced["marks"])
            self.blocks.append(Block(BlockKind.HEADING, self.section, lines, level=level))
        elif bold is not None and _only_bold(token):
            self.section = bold
            # A bold line heads what follows, under the headings it stands in.
            self.blocks.append(Block(BlockKind.HEADING, self.section, lines, level=_BOLD_LEVEL))
        elif bold is not None:
            self.blocks.append(Block(BlockKind.PARAGRAPH, bold, _strip_lead_in(lines, bold)))
        else:
            self.blocks.append(Block(BlockKind.PARAGRAPH, self.section, lines))


def _line_of(token: Token, first_line: int) -> int:
    return (token.map[0] if token.map else 0) + first_line


def _unboxed(lines: tuple[TextLine, ...], checked: bool | None) -> tuple[TextLine, ...]:
    """A task-list item's lines without the space its box leaves."""
    if checked is None:
        return lines
    head = lines[0]
    return (TextLine(head.number, head.text.lstrip(), head.source), *lines[1:])


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
            lines.append(
                TextLine(number, _unattributed("".join(current)), _source(sources, number - first_line))
            )
            number += 1
            current = []
        elif child.type == "s_open":
            # Struck-through text (`~~...~~`) is what the writer crossed out: done or withdrawn, never read.
            struck += 1
        elif child.type == "s_close":
            struck = max(struck - 1, 0)
        elif child.type in ("text", "code_inline", "image") and not struck:
            current.append(child.content)
        elif child.type == "html_inline" and not struck and not _is_markup(child.content):
            # "<Action for Dana to update the matrix>", "<sam> I'll look": CommonMark reads any
            # "<word ...>" as a tag; only HTML's own elements are markup.
            current.append(child.content)
    lines.append(TextLine(number, _unattributed("".join(current)), _source(sources, number - first_line)))
    return tuple(lines)


def _names_columns(cells: list[str]) -> bool:
    """Whether a row reads as a table's header: a few words in each cell, none a sentence."""
    return any(cells) and all(len(c.split()) <= 3 and not c.endswith(".") for c in cells)


def _unattributed(text: str) -> str:
    """The text without kramdown's attribute list ("{: #action1 .action}"), which Jekyll sites put
    after a block to style it: markup, not words of the note."""
    return _ATTRIBUTES.sub("", text)


_TAG = re.compile(r"^</?([A-Za-z][\w-]*)")
_ATTRIBUTES = re.compile(r"\s*\{:[^{}\n]*\}\s*$")
_PROSE_LINES = 5  # fewer indented lines are as likely a snippet of commands
_WORD = re.compile(r"\b[A-Za-z][a-z'’]*\b")
_FUNCTION_WORD = re.compile(r"\b(?:the|to|and|of|is|are|we|I|will|can|it|this|that|for)\b")
_CODE_LINE = re.compile(
    r"[{};]\s*$|^\s*[}\])]\s*$|\s(?:==|!=|=>|->|:=|\+=)\s|^\s*(?:def|class|import|from|return|const|let|var"
    r"|function|fn|pub|if|for|while)\b.*[:({=]\s*$|^\s*[$>%]\s|^\s*#\s*(?:include|define)\b"
)
# HTML's own elements (the ones notes use): any other "<word ...>" is text.
_ELEMENTS = (
    "a abbr audio b bdi bdo blockquote br button caption center cite code col colgroup dd del details"
    " dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i iframe img input"
    " ins kbd label li link mark meta nav ol option p picture pre q s samp script section select small"
    " source span strike strong style sub summary sup table tbody td textarea tfoot th thead time tr tt"
    " u ul var video wbr"
)
HTML_ELEMENTS = frozenset(_ELEMENTS.split())


def _nonblank(code: str) -> list[str]:
    return [line for line in code.split("\n") if line.strip()]


def _is_a_list(code: str) -> bool:
    """Whether an indented block is a list and not code: it opens with a bullet, and most of its
    lines are bullets."""
    lines = _nonblank(code)
    bullets = sum(1 for line in lines if BULLET.match(line))
    return bool(lines) and BULLET.match(lines[0]) is not None and 2 * bullets > len(lines)


def _is_prose(code: str) -> bool:
    """Whether an indented block is text and not code: several lines, most of them sentences with
    the small words of English, hardly any with the braces, operators or keywords of code."""
    lines = _nonblank(code)
    worded = sum(1 for line in lines if len(_WORD.findall(line)) >= 4 and _FUNCTION_WORD.search(line))
    coded = sum(1 for line in lines if _CODE_LINE.search(line))
    return len(lines) >= _PROSE_LINES and 2 * worded > len(lines) and 10 * coded < len(lines)


def _has_code(code: str) -> bool:
    return any(_CODE_LINE.search(line) for line in code.split("\n"))


def _is_wordy(text: str) -> bool:
    """Whether indented lines without the marks of code, taken together, are words: several lines,
    most of them of three words or more."""
    lines = _nonblank(text)
    wordy = sum(1 for line in lines if len(_WORD.findall(line)) >= 3)
    return len(lines) >= _PROSE_LINES and 2 * wordy > len(lines)


def _unbracketed(text: str) -> str:
    """ "<Action for Dana to update the matrix>" as the sentence it brackets."""
    return text[1:-1].strip() if text.startswith("<") and text.endswith(">") and " " in text else text


def _is_markup(tag: str) -> bool:
    name = _TAG.match(tag)
    return name is None or name.group(1).lower() in HTML_ELEMENTS


def _source(sources: list[str], index: int) -> str:
    return sources[index] if 0 <= index < len(sources) else ""


def _topic(children: Sequence[Token], first: TextLine) -> str | None:
    """The bold phrase a paragraph opens with, as the topic of what follows; not a labelled statement,
    a chat log's speaker ("**<lee>** I'll check"), nor a speaker's label before a colon ("**Lee** :
    I'll check", as "Lee: I'll check" is)."""
    bold = _bold_heading(children)
    if bold is None or _LABELLED.match(bold) or _SPEAKER.match(bold) or _SAYS.match(_after(first, bold)):
        return None
    return bold


def _after(line: TextLine, bold: str) -> str:
    """The line's text after the bold phrase it opens with."""
    return line.text.strip()[len(bold) :]


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
    rest = _LEAD_IN.sub("", _after(head, bold), count=1)
    return (TextLine(head.number, rest, head.source), *lines[1:])
