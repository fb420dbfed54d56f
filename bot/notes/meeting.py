"""A meeting note read into a `Meeting`: its date, sections, agenda, attendees, next meeting and sentences.

Everything here is pure: it takes the note's path (only as a name) and its text. The path's suffix
chooses the format's reader (`bot.notes.formats`); blocks are split into sentences by
`bot.notes.sentences`. Reading files, size limits and encodings are the job of `bot.notefiles`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import PurePath

import frontmatter
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from bot.notes import dates
from bot.notes.blocks import Block, BlockKind, Document, Unreadable
from bot.notes.botblocks import without_bot_blocks
from bot.notes.formats import BOT_BLOCKS, format_of
from bot.notes.relays import relayed
from bot.notes.scribes import scribed
from bot.notes.sentences import split_sentences


class NoteError(Exception):
    """A note that cannot be read; the message names the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path, self.message, self.line = path, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class UndatedNote(NoteError):
    """A note that gives no meeting date anywhere; the file-system edge can date it by when the file
    was added and read it again (`parse_note(..., added=...)`)."""


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    section: str
    block: int  # index of the block it belongs to, so neighbours in one paragraph can be found
    kind: BlockKind
    checked: bool | None = None
    source: str = ""  # the sentence as written in the file, markup and link targets kept

    @property
    def quote(self) -> str:
        return self.source or self.text


@dataclass(frozen=True)
class Meeting:
    path: str
    title: str
    date: dt.date
    attendees: tuple[str, ...]
    agenda: tuple[str, ...]
    sections: tuple[str, ...]
    next_meeting: dt.date | None
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    # Who wrote the note, as its front matter says: the "I" of a report written in the first person.
    authors: tuple[str, ...] = ()


_DATE_KEYS = ("date", "meeting_date", "updated", "created")
_TITLE_KEYS = ("title", "subject")
_AUTHOR_KEYS = ("author", "authors")
_ATTENDEES = re.compile(
    r"^\s*(attendees|attendance|present|participants|people present|in attendance)\s*:\s*", re.IGNORECASE
)
_ATTENDEE_HEADING = re.compile(r"^\s*(attendees|attendance|present|participants)\s*:?\s*$", re.IGNORECASE)
# The one test of whether a heading is the agenda's: the notes' agenda and extraction both use it.
AGENDA_HEADING = re.compile(r"\bagenda\b", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r",|;|\band\b|&|\n")
_BRACKETED = re.compile(r"\([^()]*\)")
# Lines beside the attendees that name people by what they do ("Notes: Mei", "Scribe: Tom"): the
# people were there; those sending apologies were not. Each such line is read on its own.
_ROLE_LINE = re.compile(
    r"^\s*(?:(?P<role>notes?|note[- ]?taker|scribe|minutes|chair|host|facilitator|moderator)"
    r"|(?P<absent>apologies|regrets|absent|excused))\s*:\s*(?P<names>.*)$",
    re.IGNORECASE,
)
_ROLE = re.compile(r"\((?:chair|host|notes?|scribe|minutes|facilitator)[^)]*\)", re.IGNORECASE)
_NEXT_MEETING = re.compile(
    r"\bnext\s+(?:call|meeting|sync|session)\b(?:[^.!?]*?\b(?:is|will\s+be)?\s*(?:scheduled|planned|set|booked)?"
    r"\s*(?:for|on)\s+|\s*[:\-–—]\s*)(?P<when>(?:[^.!?]|\.(?=\S))+)",
    re.IGNORECASE,
)
_NEXT_MEETING_HEADING = re.compile(r"^\W*next\s+(?:call|meeting|sync|session)\W*$", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*(?:date|when|held on)\s*:\s*(?P<when>.+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*by\s+.+?\s+[-–—]\s+(?P<when>.+)$", re.IGNORECASE)
# Only the front matter's fences are read here, to know where the body starts; python-frontmatter
# reads what is between them.
_FENCES = MarkdownIt("zero").use(front_matter_plugin)
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
# What front matter is made of: keys. Without one, the fences are Markdown's rules.
_YAML_KEY = re.compile(r"^[^\s#*_>|\-][^:\n]*:(?:\s|$)", re.MULTILINE)


def parse_note(path: str, text: str, added: dt.date | None = None) -> Meeting:
    """Read one note's text; `path` decides the format by its suffix and names the note in errors.
    `added` dates a note that gives no date itself; without it such a note is an `UndatedNote`."""
    if not text.strip():
        raise NoteError(path, "the note is empty")
    text = normalized(text)
    # A checklist the bot wrote in is not what the meeting said.
    text = without_bot_blocks(text, BOT_BLOCKS)
    metadata, body, first_line = _split_front_matter(path, text)
    try:
        document = format_of(path).read(body, first_line, metadata)
    except RecursionError:
        raise NoteError(path, "the note's structure is nested too deeply to read") from None
    except Unreadable as error:
        raise NoteError(path, str(error), line=error.line) from None
    document = replace(document, blocks=scribed(relayed(document.blocks)))
    title = _title(document)
    date = _meeting_date(path, document, added)
    sentences = tuple(_sentences(document.blocks))
    return Meeting(
        path=path,
        title=title,
        date=date,
        attendees=_attendees(document.blocks),
        agenda=_agenda(document.blocks),
        sections=tuple(dict.fromkeys(b.section for b in document.blocks if b.kind is BlockKind.HEADING)),
        next_meeting=_next_meeting(document, sentences, date),
        blocks=document.blocks,
        sentences=sentences,
        authors=_authors(document.metadata),
    )


def normalized(text: str) -> str:
    """The text as notes are read and their lines numbered: without a byte-order mark, with every
    line ending a newline."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _split_front_matter(path: str, text: str) -> tuple[dict[str, object], str, int]:
    if not _FRONT_MATTER.match(text):
        return {}, text, 1
    first = next(iter(_FENCES.parse(text)), None)
    if first is None or first.type != "front_matter" or first.map is None:
        raise NoteError(path, "front matter opened with '---' is never closed", line=1)
    body_start = first.map[1]  # the line after the closing fence, counted from 0
    if not _YAML_KEY.search(first.content):
        return {}, text, 1  # "---" / "**Steering Committee**" / "---": rules around a title, no YAML
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise NoteError(path, f"broken front matter: {problem}", line=line) from error
    metadata = post.metadata if isinstance(post.metadata, dict) else {}
    body = "\n".join(text.split("\n")[body_start:])
    return dict(metadata), body, body_start + 1


def _title(document: Document) -> str:
    for key in _TITLE_KEYS:
        value = document.metadata.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    if document.title:
        return document.title
    for block in document.blocks[:8]:
        if dates.iso_date_in(block.text):
            return block.text
    return ""


def _authors(metadata: dict[str, object]) -> tuple[str, ...]:
    """ "author: Sarita", "authors: [Lee Chen, Dana]": names only, not a nested record of each."""
    for key in _AUTHOR_KEYS:
        value = metadata.get(key)
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        found = tuple(n.strip() for n in names if isinstance(n, str) and n.strip())
        if found:
            return found
    return ()


def _meeting_date(path: str, document: Document, added: dt.date | None) -> dt.date:
    """The date the note gives, in the order that is most often right: what the writer declared, then
    the file's name (a log's text quotes other days: links, earlier meetings), then the title, then a
    "Date:" line or the first lines."""
    for key in _DATE_KEYS:
        found = dates.as_date(document.metadata.get(key))
        if found:
            return found
    found = dates.file_name_date(PurePath(path).name)
    if found:
        return found
    for key in _TITLE_KEYS:
        found = dates.calendar_date_in(str(document.metadata.get(key) or ""))
        if found:
            return found
    found = dates.calendar_date_in(document.title or "")
    if found:
        return found
    for block in document.blocks[:12]:
        for line in block.lines:
            match = _DATE_LINE.match(line.text) or _BYLINE.match(line.text)
            if match:
                found = dates.written_date(match["when"], base=None)
                if found:
                    return found
    # A block's first two lines: a title line and the one under it ("Board call" / "3 March 2026"),
    # not the depths of a log or paragraph, which quote other days.
    for block in document.blocks[:8]:
        for line in block.lines[:2]:
            found = dates.calendar_date_in(line.text)
            if found:
                return found
    if added is not None:
        return added
    raise UndatedNote(
        path, "no meeting date: none in the front matter, the file name, the title or the first lines"
    )


def _attendees(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    names: list[str] = []
    under_heading = listed = False
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            under_heading, listed = bool(_ATTENDEE_HEADING.match(block.text)), False
            continue
        # A paragraph after the list, or a line of more than twelve words, is the minutes, begun
        # with no heading of their own.
        ended = listed and block.kind is BlockKind.PARAGRAPH
        under_heading = under_heading and not ended and all(len(x.text.split()) <= 12 for x in block.lines)
        listed = listed or block.kind is BlockKind.ITEM
        if under_heading:
            names.extend(_names("\n".join(line.text for line in block.lines)))
            continue
        match = _ATTENDEES.match(block.lines[0].text) if block.lines else None
        if match:
            names.extend(_attendee_lines([match.string[match.end() :], *(x.text for x in block.lines[1:])]))
    return tuple(dict.fromkeys(names))


def _attendee_lines(lines: list[str]) -> list[str]:
    """The names of an attendee paragraph, whose lines after the first may be role lines."""
    names: list[str] = []
    wrapped: list[str] = []  # the attendee list itself, which may be wrapped over lines
    for line in lines:
        role = _ROLE_LINE.match(line)
        if role is None:
            wrapped.append(line)
        elif role["role"]:
            names.extend(_names(role["names"]))
    return _names("\n".join(wrapped)) + names


def _names(text: str) -> list[str]:
    text = _ROLE.sub("", text)
    if "," in text:
        # With commas between names, a line break is only where the writer wrapped the line.
        text = text.replace("\n", " ")
    names = []
    for part in _outside_brackets(_NAME_SEPARATORS, text):
        name = part.strip().strip(".*_").strip()
        if name and len(_BRACKETED.sub("", name).split()) <= 4:
            names.append(name)
    return names


def _outside_brackets(separators: re.Pattern[str], text: str) -> list[str]:
    """`text` split where `separators` match outside brackets: "Ravi Shah (new, welcome!)" is one."""
    parts, start, depth = [], 0, 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        found = separators.match(text, index) if depth <= 0 else None
        if found and found.end() > index and index >= start:
            parts.append(text[start:index])
            start = found.end()
    return [*parts, text[start:]]


def _agenda(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    items: list[str] = []
    in_agenda = False
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if in_agenda and items:
                break
            in_agenda = bool(AGENDA_HEADING.search(block.section))
        elif in_agenda and block.kind is BlockKind.ITEM:
            items.append(block.text)
    if items:
        return tuple(items)
    # Rendered pages drop the "Agenda" heading: the first list before the attendees is the agenda.
    for block in blocks:
        if _ATTENDEES.match(block.text):
            break
        if block.kind is BlockKind.ITEM:
            items.append(block.text)
        elif items:
            break
    return tuple(items)


def _next_meeting(document: Document, sentences: tuple[Sentence, ...], date: dt.date) -> dt.date | None:
    declared = dates.as_date(document.metadata.get("next_meeting"))
    if declared:
        return declared
    for sentence in sentences:
        match = _NEXT_MEETING.search(sentence.text)
        found = _date_ahead(match["when"], date) if match else None
        if found:
            return found
    # "### Next meeting" and the date in the paragraph under it.
    for index, block in enumerate(document.blocks[:-1]):
        if block.kind is BlockKind.HEADING and _NEXT_MEETING_HEADING.search(block.text):
            return _date_ahead(document.blocks[index + 1].text, date)
    return None


def _date_ahead(phrase: str, date: dt.date) -> dt.date | None:
    """The first date after the meeting that the phrase opens with ("29 April 2026, same time")."""
    when = re.split(r"\s[-–—]\s|[(;]", phrase)[0]
    words = when.replace("*", "").split()[:5]
    # Shorter and shorter: what follows the date ("same time", "17:00 UTC") is not part of it.
    for size in range(len(words), 0, -1):
        found = dates.written_date(" ".join(words[:size]).strip(" ,."), base=date + dt.timedelta(days=1))
        if found:
            return found if found > date else None
    return None


def _sentences(blocks: tuple[Block, ...]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            continue
        for text, line, source in split_sentences(block):
            sentences.append(Sentence(text, line, block.section, index, block.kind, block.checked, source))
    return sentences
