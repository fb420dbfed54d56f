"""A meeting note read into a `Meeting`: its date, sections, agenda, attendees, next meeting and sentences.

Everything here is pure: it takes the note's path (only as a name) and its text. Reading files, size
limits and encodings are the job of `bot.notefiles`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

import frontmatter
import yaml

from bot import dates
from bot.blocks import Block, BlockKind, Document, TextLine
from bot.botblocks import without_bot_blocks
from bot.formats.markdown import read_markdown
from bot.formats.plain import read_plain
from bot.formats.rst import read_rst


class NoteError(Exception):
    """A note that cannot be read; the message names the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path, self.message, self.line = path, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    section: str
    block: int  # index of the block it belongs to, so neighbours in one paragraph can be found
    kind: BlockKind
    checked: bool | None = None


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


_DATE_KEYS = ("date", "meeting_date", "updated", "created")
_TITLE_KEYS = ("title", "subject")
_ATTENDEES = re.compile(
    r"^\s*(attendees|attendance|present|participants|people present|in attendance)\s*:\s*", re.IGNORECASE
)
_ATTENDEE_HEADING = re.compile(r"^\s*(attendees|attendance|present|participants)\s*:?\s*$", re.IGNORECASE)
_AGENDA_HEADING = re.compile(r"\bagenda\b", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r",|;|\band\b|&|\n")
_ROLE = re.compile(r"\((?:chair|host|notes?|scribe|minutes|facilitator)[^)]*\)", re.IGNORECASE)
_NEXT_MEETING = re.compile(
    r"\bnext\s+(?:call|meeting|sync|session)\b[^.!?]*?\b(?:is|will\s+be)?\s*(?:scheduled|planned|set|booked)?"
    r"\s*(?:for|on)\s+(?P<when>[^.!?]+)",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"^\s*(?:date|when|held on)\s*:\s*(?P<when>.+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*by\s+.+?\s+[-–—]\s+(?P<when>.+)$", re.IGNORECASE)
_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "etc",
        "vs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "approx",
        "cf",
        "al",
        "no",
        "fig",
        "st",
        "jr",
    }
)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=[A-Z0-9\"'(\[@`*_])")
_MARKER_LINE = re.compile(r"^\s*[A-Z][A-Za-z ]{1,20}(?:\([^)]*\))?\s*:\s")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")


def parse_note(path: str, text: str) -> Meeting:
    """Read one note's text; `path` decides the format by its suffix and names the note in errors."""
    if not text.strip():
        raise NoteError(path, "the note is empty")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = without_bot_blocks(text)  # a checklist the bot wrote in is not what the meeting said
    metadata, body, first_line = _split_front_matter(path, text)
    try:
        document = _read_body(path, body, first_line, metadata)
    except RecursionError:
        raise NoteError(path, "the note's structure is nested too deeply to read") from None
    title = _title(document)
    date = _meeting_date(path, document, title)
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
    )


def _split_front_matter(path: str, text: str) -> tuple[dict[str, object], str, int]:
    if not _FRONT_MATTER.match(text):
        return {}, text, 1
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if closing is None:
        raise NoteError(path, "front matter opened with '---' is never closed", line=1)
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise NoteError(path, f"broken front matter: {problem}", line=line) from error
    metadata = post.metadata if isinstance(post.metadata, dict) else {}
    body = "\n".join(lines[closing + 1 :])
    return dict(metadata), body, closing + 2


def _read_body(path: str, body: str, first_line: int, metadata: dict[str, object]) -> Document:
    suffix = PurePath(path).suffix.lower()
    if suffix in (".rst", ".rest"):
        try:
            return read_rst(body, first_line, metadata)
        except ValueError as error:
            raise NoteError(path, str(error)) from error
    if suffix in (".txt", ".text", "") and not metadata:
        return read_plain(body, first_line, metadata)
    return read_markdown(body, first_line, metadata)


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


def _meeting_date(path: str, document: Document, title: str) -> dt.date:
    for key in _DATE_KEYS:
        found = dates.as_date(document.metadata.get(key))
        if found:
            return found
    found = dates.iso_date_in(title)
    if found:
        return found
    for block in document.blocks[:12]:
        for line in block.lines:
            match = _DATE_LINE.match(line.text) or _BYLINE.match(line.text)
            if match:
                found = dates.written_date(match["when"], base=None)
                if found:
                    return found
    found = dates.iso_date_in(PurePath(path).name)
    if found:
        return found
    raise NoteError(path, "no meeting date: none in the front matter, the title or the file name")


def _attendees(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    names: list[str] = []
    under_heading = False
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            under_heading = bool(_ATTENDEE_HEADING.match(block.text))
            continue
        if under_heading:
            names.extend(_names(block.text))
            continue
        lines = "\n".join(line.text for line in block.lines)
        match = _ATTENDEES.match(lines)
        if match:
            names.extend(_names(lines[match.end() :]))
    return tuple(dict.fromkeys(names))


def _names(text: str) -> list[str]:
    text = _ROLE.sub("", text)
    if "," in text:
        # With commas between names, a line break is only where the writer wrapped the line.
        text = text.replace("\n", " ")
    names = []
    for part in _NAME_SEPARATORS.split(text):
        name = part.strip().strip(".*_").strip()
        if name and len(name.split()) <= 4:
            names.append(name)
    return names


def _agenda(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    items: list[str] = []
    in_agenda = False
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if in_agenda and items:
                break
            in_agenda = bool(_AGENDA_HEADING.search(block.section))
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
        if match:
            when = re.split(r"\s[-–—]\s|[(;]", match["when"])[0]
            when = " ".join(when.replace("*", "").split()[:5]).strip(" ,")
            found = dates.written_date(when, base=date + dt.timedelta(days=1))
            if found and found > date:
                return found
    return None


def _sentences(blocks: tuple[Block, ...]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            continue
        for text, line in split_sentences(block):
            sentences.append(Sentence(text, line, block.section, index, block.kind, block.checked))
    return sentences


def split_sentences(block: Block) -> list[tuple[str, int]]:
    """The block's sentences with the file line each starts on."""
    result: list[tuple[str, int]] = []
    run: list[TextLine] = []
    for line in block.lines:
        # "ACTION: ...", "TODO(x): ..." lines are statements of their own even without a full stop.
        if run and _MARKER_LINE.match(line.text):
            result.extend(_split_run(run))
            run = []
        run.append(line)
    if run:
        result.extend(_split_run(run))
    return result


def _split_run(lines: list[TextLine]) -> list[tuple[str, int]]:
    joined = ""
    starts: list[tuple[int, int]] = []  # (offset in joined, line number)
    for line in lines:
        piece = line.text.strip()
        if not piece:
            continue
        if joined:
            joined += " "
        starts.append((len(joined), line.number))
        joined += piece
    result: list[tuple[str, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(joined):
        before = joined[begin : match.start()].split()
        last_word = before[-1].lower().rstrip(".").lstrip("([\"'") if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        _append(result, joined, begin, match.end(), starts)
        begin = match.end()
    _append(result, joined, begin, len(joined), starts)
    return result


def _append(
    result: list[tuple[str, int]], joined: str, begin: int, end: int, starts: list[tuple[int, int]]
) -> None:
    text = re.sub(r"\s+", " ", joined[begin:end]).strip()
    if not text:
        return
    line = starts[0][1]
    for offset, number in starts:
        if offset <= begin:
            line = number
    result.append((text, line))
