"""A chat bridge's relay: in "20:03 <relaybot> [Slack/lee] I'll make time", a bot posts in the
channel what lee wrote on another network. Such a line is read as lee's turn, "20:03 <lee> I'll make
time", as it was said: the bot promises nothing."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from bot.notes.blocks import Block, TextLine
from bot.notes.sentences import CHAT_LINE

# The writer as bridges name them before what they wrote, after the network's tag if any:
# "[Slack/lee]", "[lee]", "{-lee}", "{-_Slack} <lee>", "<lee>".
_TAG = re.compile(
    r"\s*(?:\[(?P<square>[^\[\]\s]{1,40})\]|\{-?(?P<curly>[^{}\s]{1,40})\}|<(?P<angle>[^<>\s]{1,40})>)"
)
_NICK = re.compile(r"[A-Za-z_][\w.|-]{0,29}")
# A relay posts for others on most of its lines; a person who opens a line with "[OT]" does not.
_RELAY_SHARE = 0.5
_RELAY_LINES = 2


def relayed(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each line a bridge relayed read as its writer's."""
    said: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for line in (line for b in blocks for line in b.lines):
        if (chat := CHAT_LINE.match(line.text)) is not None:
            said[chat["speaker"]] += 1
            named[chat["speaker"]] += _writer(chat["rest"]) is not None
    relays = {s for s, n in named.items() if n >= _RELAY_LINES and n >= _RELAY_SHARE * said[s]}
    if not relays:
        return blocks
    return tuple(replace(b, lines=tuple(_as_written(line, relays) for line in b.lines)) for b in blocks)


def _as_written(line: TextLine, relays: set[str]) -> TextLine:
    chat = CHAT_LINE.match(line.text)
    if chat is None or chat["speaker"] not in relays or (writer := _writer(chat["rest"])) is None:
        return line
    nick, end = writer
    return replace(line, text=f"{chat['stamp']}<{nick}> {chat['rest'][end:].lstrip()}")


def _writer(rest: str) -> tuple[str, int] | None:
    """The writer a relayed line names, and where their words start: the last of at most two tags,
    since the first may be the network's ("{-_Slack} <lee>"); "Slack/lee" names lee on Slack."""
    found: tuple[str, int] | None = None
    end = 0
    for _ in range(2):
        tag = _TAG.match(rest, end)
        if tag is None:
            break
        end = tag.end()
        name = (tag["square"] or tag["curly"] or tag["angle"]).rsplit("/", 1)[-1].lstrip("-_@+%")
        if _NICK.fullmatch(name):
            found = (name, end)
    return found
