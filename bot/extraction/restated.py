"""One item per promise in a note: a promise the note's action list restates is one item.

"Sam will update the changelog" in the discussion and "Sam: changelog for 1.4" under "Action items"
are one promise, and so one issue to follow. The action list's line is the item's main source, as
the list is what the note keeps as its record; the discussion's line stays on as a second source.

Two lines make the same promise when the same people own both, the titles share what is acted on
(at least half of the shorter one's words besides the verb), and no two different verbs lead them:
"Review the PR" and "Merge the PR" are two tasks. Only a line in an action list takes in a line
outside it: two discussion lines, or two lines of one list, stay apart, as the notes wrote them;
except the same line, word for word, for the same people, which a list by person repeats under
each of an item's owners (meeting bots write theirs so): that is one promise listed twice.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from bot.action_item import ActionItem, task_key
from bot.extraction import words

_WORD = re.compile(r"[a-z0-9]+")
SAME_TASK = 0.5  # the share of the shorter title's object words the other must have


def merged(items: Sequence[ActionItem], listed: Collection[int], verbs: Collection[str]) -> list[ActionItem]:
    """The note's items with each promise once: an item on one of the `listed` lines (an action
    list's) takes in the items elsewhere in the note that make the same promise."""
    takers: list[int] = []
    taken: dict[int, list[int]] = {}
    for n, item in enumerate(items):
        if item.line not in listed:
            continue
        twin = next((t for t in takers if _same_line(items[t], item)), None)
        if twin is None:
            takers.append(n)
        else:
            taken.setdefault(twin, []).append(n)
    for n, item in enumerate(items):
        if item.line in listed:
            continue
        scores = [(overlap(item, items[t], verbs), t) for t in takers]
        score, taker = max(scores, default=(0.0, -1))
        if score >= SAME_TASK:
            taken.setdefault(taker, []).append(n)
    gone = {n for absorbed in taken.values() for n in absorbed}
    return [
        _with_sources(item, [items[n] for n in taken.get(index, [])])
        for index, item in enumerate(items)
        if index not in gone
    ]


def overlap(a: ActionItem, b: ActionItem, verbs: Collection[str]) -> float:
    """How far two items are the same task: the share of the shorter title's object words the other
    title has; 0 for different owners or different leading verbs."""
    if {o.name for o in a.owners} != {o.name for o in b.owners}:
        return 0.0
    head_a, objects_a = _split(a.task, verbs)
    head_b, objects_b = _split(b.task, verbs)
    if head_a and head_b and head_a != head_b:
        return 0.0
    if not objects_a or not objects_b:
        return 0.0
    return len(objects_a & objects_b) / min(len(objects_a), len(objects_b))


def _same_line(a: ActionItem, b: ActionItem) -> bool:
    return {o.name for o in a.owners} == {o.name for o in b.owners} and task_key(a.text) == task_key(b.text)


def _split(title: str, verbs: Collection[str]) -> tuple[str, set[str]]:
    """A title's leading verb, if it has one, and the stems of its other content words."""
    found = [w for w in _WORD.findall(title.lower()) if w not in words.FUNCTION_WORDS]
    head = found[0] if found and found[0] in verbs else ""
    return head, {_stem(w) for w in found[1 if head else 0 :]}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _with_sources(item: ActionItem, others: list[ActionItem]) -> ActionItem:
    if not others:
        return item
    restated = tuple(sorted({*item.restated, *(s for o in others for s in o.sources)}, key=lambda s: s.line))
    due = item.due or next((o.due for o in others if o.due), None)
    return replace(item, restated=restated, due=due)
