"""The blocks the bot writes into notes (the follow-up checklist, between two markers), and notes
read without them: what the bot wrote there is never the meeting's own content."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class BotBlock:
    """How the bot's block is marked in a note of one format, so that the note's readers do not see
    the markers, and how the checklist (Markdown) is written between them."""

    begin: str
    end: str
    embed: Callable[[str], str]


def write_into(text: str, section: str, kind: BotBlock) -> str:
    """`text` with the section inserted between `kind`'s markers at its end, or refreshed where the
    markers already are. Everything outside the markers stays byte for byte."""
    newline = "\r\n" if "\r\n" in text else "\n"
    block = newline.join([kind.begin, *kind.embed(section).split("\n"), kind.end])
    start = text.find(kind.begin)
    stop = text.find(kind.end, start + len(kind.begin)) if start != -1 else -1
    if start != -1 and stop != -1:
        return text[:start] + block + text[stop + len(kind.end) :]
    if not text:
        return block + newline
    separator = newline if text.endswith("\n") else newline * 2
    return text + separator + block + newline


def without_bot_blocks(text: str, kinds: Iterable[BotBlock]) -> str:
    """`text` with each of the bot's blocks of any of `kinds`, markers included, made blank lines:
    every other line keeps its number."""
    pattern = "|".join(
        rf"^[ \t]*{re.escape(kind.begin)}[ \t]*$.*?^[ \t]*{re.escape(kind.end)}[ \t]*$" for kind in kinds
    )
    return re.sub(
        pattern, lambda block: "\n" * block.group(0).count("\n"), text, flags=re.MULTILINE | re.DOTALL
    )
