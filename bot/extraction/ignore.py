"""Silencing a wrong item (a false positive) once, instead of closing its issue after every run: an
`<!-- actionbot: ignore -->` comment on the note's line, or the item's id in the config's `ignore:`
list. Applied to the extractor's items, never inside it. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator

from bot.action_item import ActionItem

IGNORE_COMMENT = "<!-- actionbot: ignore -->"
_COMMENT = re.compile(r"<!--\s*actionbot\s*:\s*ignore\s*-->", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# How many lines a wrapped sentence may run on after its first.
_LONGEST_SENTENCE = 20


Place = tuple[int, int]  # (line, column) in the note


def span(item: ActionItem, lines: list[str]) -> tuple[Place, Place] | None:
    """Where the item's sentence starts and ends in the note: its words found in order from its
    first line, within its paragraph. Of the places they all follow from, the latest: a word of the
    sentence may stand earlier on its line, and its last word may stand on its first line too."""
    words = [w.casefold() for w in _WORD.findall(item.text)]
    tokens = list(_tokens(item.line, lines))
    best: tuple[Place, Place] | None = None
    for first, (start, word, _) in enumerate(tokens):
        if not words or word != words[0]:
            continue
        end = _match_from(tokens[first:], words)
        if end is None:
            break  # a later start matches a part of what this one did: it cannot finish either
        best = (start, end)
    return best


def _tokens(first: int, lines: list[str]) -> Iterator[tuple[Place, str, Place]]:
    """The words of a paragraph from line `first` on: where each starts, itself, where it ends."""
    for number in range(first, min(first + _LONGEST_SENTENCE, len(lines)) + 1):
        # The comment's own words ("actionbot", "ignore") are no words of a sentence.
        line = _COMMENT.sub(lambda c: " " * len(c.group()), lines[number - 1])
        if number > first and not line.strip():
            return
        for word in _WORD.finditer(line):
            yield (number, word.start()), word.group().casefold(), (number, word.end())


def _match_from(tokens: list[tuple[Place, str, Place]], words: list[str]) -> Place | None:
    """Where `words` end, read in order among `tokens` (others between them skipped), if they do."""
    expected = 0
    for _, token, end in tokens:
        if token == words[expected]:
            expected += 1
            if expected == len(words):
                return end
    return None


def _whole_line(item: ActionItem, lines: list[str]) -> tuple[Place, Place] | None:
    # A sentence whose words the reader changed (markup taken out) is known by its first line only.
    if not 1 <= item.line <= len(lines):
        return None
    return (item.line, 0), (item.line, len(lines[item.line - 1]))


def silenced(items: list[ActionItem], lines: list[str]) -> set[int]:
    """The indexes of the items an ignore comment silences: the sentence the comment ends on its
    line (the nearest ending before it), else the sentence it stands inside, else the one it opens."""
    spans = [span(item, lines) or _whole_line(item, lines) for item in items]
    chosen: set[int] = set()
    for number, line in enumerate(lines, start=1):
        for comment in _COMMENT.finditer(line):
            at = (number, comment.start())
            chosen |= _silenced_by(at, spans)
    return chosen


def _silenced_by(at: Place, spans: list[tuple[Place, Place] | None]) -> set[int]:
    placed = [(i, s) for i, s in enumerate(spans) if s is not None]
    ended = [(s[1], i) for i, s in placed if s[1][0] == at[0] and s[1] <= at]
    if ended:
        last = max(end for end, _ in ended)
        return {i for end, i in ended if end == last}
    inside = {i for i, (start, end) in placed if start < at < end}
    if inside:
        return inside
    opened = [(s[0], i) for i, s in placed if s[0][0] == at[0] and s[0] > at]
    first = min((start for start, _ in opened), default=None)
    return {i for start, i in opened if start == first}


def split(
    items: Iterable[ActionItem], lines: list[str], ids: Collection[str]
) -> tuple[list[ActionItem], list[ActionItem]]:
    """The items to keep, and those the note's comments or the config's ids silence."""
    items = list(items)
    commented = silenced(items, lines)
    kept: list[ActionItem] = []
    dropped: list[ActionItem] = []
    for index, item in enumerate(items):
        named = any(names(given, item.id) for given in ids)
        (dropped if named or index in commented else kept).append(item)
    return kept, dropped


# `items` and the tables print an id's first 8 characters; the config takes that as well as the whole.
SHORT_ID = 8


def names(given: str, item_id: str) -> bool:
    """Whether an id the config gives names this item: whole, or its first SHORT_ID or more characters."""
    given = given.strip().lower()
    return len(given) >= SHORT_ID and item_id.startswith(given)
