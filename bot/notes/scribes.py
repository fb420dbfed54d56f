"""A chat log's scribe: in "[20:05] <tpluskiewicz> Pavlik: I can try", after "Scribe: tpluskiewicz",
the scribe types what Pavlik said, as IRC-minuted meetings (W3C's among them) write it. Such a line
is read as Pavlik's turn, and a scribe's "... and will send it" goes on with the last one named."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.notes.blocks import Block, TextLine
from bot.notes.sentences import CHAT_LINE

_SCRIBE = re.compile(r"(?:^|[>\s])scribe(?:\s*nick)?\s*[:=]\s*@?(?P<nick>[\w.|-]+)", re.IGNORECASE)
_SAID = re.compile(r"^(?P<label>[A-Za-z@][\w.'’|-]*(?:\s[A-Z][\w.'’-]*)?)\s*:\s+(?P<said>\S.*)$")
_GOES_ON = re.compile(r"^(?:\.\.\.|…)\s*(?P<said>\S.*)$")
# What a scribe writes that is the meeting's record, not someone's words.
_RECORD = frozenset(
    {"topic", "subtopic", "action", "resolved", "resolution", "proposal", "proposed", "agenda", "scribe",
     "scribenick", "chair", "chairs", "present", "regrets", "summary", "decision", "note", "issue", "link",
     "q", "rrsagent", "zakim", "github", "meeting", "date", "minutes"}
)  # fmt: skip


def scribed(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each of a scribe's lines read as the turn of whom it names."""
    scribes = {m["nick"].lower() for b in blocks for line in b.lines if (m := _SCRIBE.search(line.text))}
    if not scribes:
        return blocks
    last: list[str] = []
    return tuple(replace(b, lines=tuple(_turn(line, scribes, last) for line in b.lines)) for b in blocks)


def _turn(line: TextLine, scribes: set[str], last: list[str]) -> TextLine:
    chat = CHAT_LINE.match(line.text)
    if chat is None or _nick(chat["speaker"]).lower() not in scribes:
        return line
    said = _SAID.match(chat["rest"])
    if said is not None and said["label"].lower() not in _RECORD:
        last[:] = [said["label"]]
        return replace(line, text=f"{chat['stamp']}{said['label']}: {said['said']}")
    goes_on = _GOES_ON.match(chat["rest"])
    if goes_on is not None and last:
        return replace(line, text=f"{chat['stamp']}{last[0]}: {goes_on['said']}")
    return line


def _nick(speaker: str) -> str:
    """ "<@tom>" as the nick "tom": without the brackets and the one status sign before it."""
    inner = speaker[1:-1].lstrip()
    return inner[1:] if inner[:1] in ("@", "+", "%") else inner
