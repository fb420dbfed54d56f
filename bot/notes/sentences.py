"""A block's text split into sentences, each with the file line it starts on and its text as written.

Readers give each line twice: as a reader sees it (markup removed) and as written. Sentences are
found in the first; a quote of one is cut from the second, markup and link targets kept, so a
person can find it in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.notes.blocks import Block, TextLine

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
# A sentence ends at a full stop before a capital, a quote, a bracket, a mention, markup, or an inline
# dash bullet ("... on the checklist. - Also create a binder."); and before the writer's action mark
# for someone ("PB on March 23rd is skipped, AI @fkr: remove the calendar item", "Files truncated on
# exit -- AI Dana prioritize the bug").
_SENTENCE_END = re.compile(
    r"[.!?]+[\"')\]]*\s+(?=[A-Z0-9\"'(\[@`*_]|[-–—]\s+[A-Z])"
    r"|[,;]\s+(?=(?:ACTION|AI|TODO)\b(?:\s+@?[\w-]+){0,3}\s*:\s)"
    r"|(?:[,;:]|\s[-–—]+)\s+(?=[*_]{0,3}(?:ACTION|AI|TODO)\s+@?[A-Z][\w'’-]*[*_]{0,3}:?\s+"
    r"(?!(?:next|this|today|tomorrow|later|by|until|till|on|in)\b)[A-Za-z])"
)
# What closes a line after its sentence belongs to it: an aside or two ("Review #4. (Isabela)", "Mail
# the members. (LH/KL) (done 10/1)"), a name in brackets or after a dash ("Who will host next time?
# [Kofi]", "... next meeting? - Kofi Mensah").
_ASIDE_TO_END = re.compile(
    r"(?:\([^()]{1,60}\)(?:\s*\([^()]{1,60}\))?|\[[^\[\]]{1,40}\]|[-–—]\s+@?[A-Z][\w.'’-]*(?:\s+@?[A-Z][\w.'’-]*){0,2})\W*$"
)
# A line that opens with a label is a statement of its own even without a full stop before it:
# "ACTION: ...", "TODO(x): ...", "MB: ...", "BW - ...", "JS- ...".
# Several speakers' or owners' names before the colon too: "Lee Chen and Sam Okafor: ...".
_NAME_WORD = r"[A-Z@][\w.'’-]*"
# A time of day as minutes and logs write it: "10:32", "00:12:34", "11:16 AM" (a chat client's copy).
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\b\.?)?"
# A transcript's time stamp before its speaker: "[00:12:34] Lee: ...", "10:32 <lee> ...", and a
# chat client's saved log, "(03:05:08 PM) lee: ...".
TIME_STAMP = rf"(?:\[?{CLOCK}\]?\s+|\({CLOCK}\)\s+)?"
# A chat log's speaker: "<lee>", "<@lee>" (an operator's sign before the nick).
CHAT_SPEAKER = r"<\s?[@+%]?[^<>\s]{1,30}>"
# A chat log's line: its time stamp, its speaker's "<nick>" and what they wrote.
CHAT_LINE = re.compile(rf"^(?P<stamp>\s*{TIME_STAMP})(?P<speaker>{CHAT_SPEAKER})\s*(?P<rest>.*)$")
_MARKER_LINE = re.compile(
    rf"^\s*{TIME_STAMP}"
    rf"(?:{CHAT_SPEAKER}\s|[a-z_][\w.|-]{{0,20}}:\s"  # a chat's "<nick>" or "nick:" ("eche|on:")
    r"|[A-Z][A-Za-z ]{1,20}(?:\([^)]*\))?\s*:\s|[A-Z][A-Za-z]{0,20}\s*[-–—]\s"
    rf"|{_NAME_WORD}(?:(?:\s+|,\s*(?:and\s+)?|\s*[&/]\s*|\s+and\s+){_NAME_WORD}){{1,8}}\s*:\s"
    # "Greta & Jun - review ...": names joined, then a dash.
    rf"|{_NAME_WORD}(?:(?:,\s*(?:and\s+)?|\s*[&/]\s*|\s+and\s+){_NAME_WORD}){{1,8}}\s*[-–—]\s)"
)


# A line that ends in HTML's line break ("Actions:<BR>") ends what it says.
_LINE_BREAK = re.compile(r"<br\s*/?>\s*$", re.IGNORECASE)


def split_sentences(block: Block) -> list[tuple[str, int, str]]:
    """The block's sentences with the file line each starts on and their text as written."""
    result: list[tuple[str, int, str]] = []
    run: list[TextLine] = []
    width = max((len(line.source.rstrip()) for line in block.lines), default=0)
    for line in block.lines:
        if run and (
            _MARKER_LINE.match(line.text)
            or _LINE_BREAK.search(run[-1].source)
            or _broken_by_hand(run[-1], line, width)
        ):
            result.extend(_split_run(run))
            run = []
        run.append(line)
    if run:
        result.extend(_split_run(run))
    return result


# Words a statement cannot end on: an article, a possessive, a preposition or a conjunction wants
# what follows. (Reading notes comes before extraction, so not its list of function words.)
_GOES_ON = frozenset(
    {"a", "an", "the", "of", "to", "and", "or", "but", "for", "with", "from", "into", "by", "at", "in", "as"}
    | {"my", "his", "its", "our", "your", "their"}
)
# What may open a line of its own: a capital, a number, a bullet glyph, a mention.
_OPENS_A_LINE = re.compile(r"[A-Z0-9*•@#]")


def _broken_by_hand(before: TextLine, line: TextLine, width: int) -> bool:
    """Whether the break before `line` was the writer's, not a wrap: a wrapping editor breaks a line
    only when its next word would not fit, so a line that had room for it ended on purpose ("1.2
    Roll call" over "Lee: will send the slides"). `width` is the block's longest line as written."""
    words, said = line.text.split(), before.text.split()
    if not words or not before.source or not line.source or not _OPENS_A_LINE.match(words[0]):
        return False  # "(done)", "and ...": what the line above goes on to say
    if len(said) <= 1 or said[-1].endswith(":"):
        return False  # "@lee:" or "Lee" alone on a line: the speaker of the line below
    if said[-1].lower() in _GOES_ON:
        return False  # "some funding from" over "Acme to run an event": wrapped by hand, early
    return len(before.source.rstrip()) + 1 + len(words[0]) < width


def _split_run(lines: list[TextLine]) -> list[tuple[str, int, str]]:
    joined = ""
    starts: list[tuple[int, int]] = []  # (offset in joined, line number)
    pieces: list[_Piece] = []
    for line in lines:
        piece = line.text.strip()
        if not piece:
            continue
        if joined:
            joined += " "
        starts.append((len(joined), line.number))
        pieces.append(_Piece(len(joined), piece, line.source, _align(piece, line.source)))
        joined += piece
    result: list[tuple[str, int, str]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(joined):
        if _ASIDE_TO_END.match(joined, match.end()):
            continue  # the aside or the name belongs to the sentence it follows
        before = joined[begin : match.start()].split()
        last_word = before[-1].lower().rstrip(".").lstrip("([\"'") if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        _append(result, joined, begin, match.end(), starts, pieces)
        begin = match.end()
    _append(result, joined, begin, len(joined), starts, pieces)
    return result


def _append(
    result: list[tuple[str, int, str]],
    joined: str,
    begin: int,
    end: int,
    starts: list[tuple[int, int]],
    pieces: list[_Piece],
) -> None:
    text = re.sub(r"\s+", " ", joined[begin:end]).strip()
    if not text:
        return
    begin += len(joined[begin:end]) - len(joined[begin:end].lstrip())
    end = begin + len(joined[begin:end].rstrip())
    line = starts[0][1]
    for offset, number in starts:
        if offset <= begin:
            line = number
    source = _HTML.sub("", _source_of(pieces, begin, end))
    result.append((text, line, " ".join(source.split()) or text))


@dataclass(frozen=True)
class _Piece:
    """One line's part of a run of joined lines: where it starts in the run, and how its plain text
    maps onto the line as written."""

    offset: int
    text: str
    source: str
    to_source: tuple[int, ...] | None


# Markup that may open or close around plain text: emphasis, code, strike, link brackets.
_OPENERS = "[*_`~"
_CLOSERS = "*_`~"
_LINK_TARGET = re.compile(r"""\]\([^)\s]*(?:\s+"[^"]*")?\)|\]\[[^\]]*\]|\]""")


# What a reader never shows: link targets and HTML tags. Characters in them must not be taken for
# the text's own ("#4." must not end on the dot of "github.com").
# Raw HTML is markup, not what the note says: a quote leaves it out as a reader never sees it.
_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][^>]*>", re.DOTALL)
_HIDDEN = re.compile(r"\]\([^)]*\)|</?[A-Za-z][^>]*>")


def _align(plain: str, source: str) -> tuple[int, ...] | None:
    """Where each character of `plain` stands in `source`, which it is a subsequence of once markup
    is left out; None where it is not (an entity, a reader that rewrote the text)."""
    if not source:
        return None
    hidden = [False] * len(source)
    for match in _HIDDEN.finditer(source):
        for index in range(match.start() + (1 if match.group().startswith("]") else 0), match.end()):
            hidden[index] = True
    positions: list[int] = []
    at = 0
    for char in plain:
        found = source.find(char, at)
        while found >= 0 and hidden[found]:
            found = source.find(char, found + 1)
        if found < 0:
            return None
        positions.append(found)
        at = found + 1
    return tuple(positions)


def _source_of(pieces: list[_Piece], begin: int, end: int) -> str:
    parts: list[str] = []
    for piece in pieces:
        stop = piece.offset + len(piece.text)
        if stop <= begin or piece.offset >= end:
            continue
        if piece.to_source is None:
            return ""  # a line of the sentence cannot be traced in the file: quote the plain text
        first = max(begin - piece.offset, 0)
        last = min(end - piece.offset, len(piece.text)) - 1
        start, finish = piece.to_source[first], piece.to_source[last] + 1
        while start > 0 and piece.source[start - 1] in _OPENERS:
            start -= 1
        while finish < len(piece.source):
            target = _LINK_TARGET.match(piece.source, finish)
            if target:
                finish = target.end()
            elif piece.source[finish] in _CLOSERS:
                finish += 1
            else:
                break
        parts.append(piece.source[start:finish].strip())
    return " ".join(parts)
