"""Silencing a wrong item (a false positive) once, instead of closing its issue after every run: an
`<!-- actionbot: ignore -->` comment on the note's line, or the item's id in the config's `ignore:`
list. Applied to the extractor's items, never inside it. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from bot.items import ActionItem

IGNORE_COMMENT = "<!-- actionbot: ignore -->"
_COMMENT = re.compile(r"<!--\s*actionbot\s*:\s*ignore\s*-->", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# How many lines a wrapped sentence may run on after its first.
_LONGEST_SENTENCE = 20


def ignored(item: ActionItem, lines: list[str]) -> bool:
    """Whether the comment stands on one of the lines the item's sentence covers: from its first
    line to the one holding its last word, within its paragraph."""
    words = _WORD.findall(item.text)
    last = words[-1].casefold() if words else ""
    for number in range(item.line, min(item.line + _LONGEST_SENTENCE, len(lines)) + 1):
        line = lines[number - 1]
        if number > item.line and not line.strip():
            return False
        if _COMMENT.search(line):
            return True
        if last and last in (w.casefold() for w in _WORD.findall(line)):
            return False
    return False


def split(
    items: Iterable[ActionItem], lines: list[str], ids: Collection[str]
) -> tuple[list[ActionItem], list[ActionItem]]:
    """The items to keep, and those the note's comments or the config's ids silence."""
    kept: list[ActionItem] = []
    dropped: list[ActionItem] = []
    for item in items:
        (dropped if any(names(i, item.id) for i in ids) or ignored(item, lines) else kept).append(item)
    return kept, dropped


# `items` and the tables print an id's first 8 characters; the config takes that as well as the whole.
SHORT_ID = 8


def names(given: str, item_id: str) -> bool:
    """Whether an id the config gives names this item: whole, or its first SHORT_ID or more characters."""
    given = given.strip().lower()
    return len(given) >= SHORT_ID and item_id.startswith(given)
