"""What examples in the gold format (`{"notes": [{"note", "items": [{"owners", "quote", ...}]}]}`)
say about the extractor's reading of a note: which of its options are items, and how its items
score. Pure.

An option (a person who may own something in a sentence) is an item when a gold item of the note
names the person and its quote agrees with the sentence; every other option read in a note the gold
lists is not one, whatever else the gold says of it (a team's `not_items` included). The agreement
is the shared scorer's (`../shared/eval/score.py`), copied so the package needs nothing outside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.action_item import ActionItem
from bot.extraction.decision import Example

if TYPE_CHECKING:
    from bot.extraction.extractor import Reading

# A paragraph or a whole note is not "the source sentence".
MAX_SENTENCE_WORDS = 100


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", _norm(text)))


def agrees(text: str, quote: str) -> bool:
    """The sentence and the quote are one: either holds the other, or the sentence has half the
    quote's words."""
    t, q = _norm(text), _norm(quote)
    if not t or not q or len(t.split()) > MAX_SENTENCE_WORDS:
        return False
    if q in t or t in q:
        return True
    said = _words(q)
    return bool(said) and len(said & _words(t)) / len(said) >= 0.5


def items_of(gold: Mapping[str, Any], note: str) -> list[Mapping[str, Any]] | None:
    """The gold items of `note`, None when the gold does not list it. The gold names a note by its
    path, or, as the shared scorer compares them, by its file name."""
    exact = [n for n in gold["notes"] if n["note"] == note]
    listed = exact or [n for n in gold["notes"] if Path(n["note"]).name == Path(note).name]
    if not listed:
        return None
    return [item for n in listed for item in n["items"]]


def labelled(readings: Iterable[Reading], items: Sequence[Mapping[str, Any]]) -> list[Example]:
    """Every option read in a note, with whether one of the note's gold `items` is it."""
    examples: list[Example] = []
    for reading in readings:
        for judged in reading.options:
            text = (judged.asked or reading.candidate).sentence.quote
            name = judged.option.person.name
            label = any(name in g["owners"] and agrees(text, g["quote"]) for g in items)
            examples.append((judged.features, label))
    return examples


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __str__(self) -> str:
        return f"precision {self.precision:.3f}, recall {self.recall:.3f}, F1 {self.f1:.3f}"


def figures(gold: Mapping[str, Any], predicted: Iterable[ActionItem]) -> Figures:
    """Precision and recall of the items over the notes the gold lists, as the shared scorer counts
    them: (note, owner, sentence) pairs, each gold pair matched by at most one item's. Every gold
    item counts for recall: a team's examples have no tiers."""
    golds: list[tuple[str, str]] = []  # (owner, quote), per note
    notes: dict[str, list[int]] = {}
    for note in gold["notes"]:
        for item in note["items"]:
            for name in item["owners"]:
                notes.setdefault(Path(note["note"]).name, []).append(len(golds))
                golds.append((name, item["quote"]))
    listed = {Path(n["note"]).name for n in gold["notes"]}
    pairs = [(item, o.name) for item in predicted if Path(item.note).name in listed for o in item.owners]
    edges = [
        [g for g in notes.get(Path(item.note).name, []) if _is(golds[g], name, item.text)]
        for item, name in pairs
    ]
    matched = _matching(edges)
    return Figures(
        matched / len(pairs) if pairs else 0.0,
        matched / len(golds) if golds else 0.0,
    )


def _is(gold: tuple[str, str], name: str, text: str) -> bool:
    return gold[0] == name and agrees(text, gold[1])


def _matching(edges: Sequence[Sequence[int]]) -> int:
    """The size of a maximum matching (augmenting paths): one gold pair counts for one item."""
    holder: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in holder or augment(holder[g], seen):
                holder[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(edges)))
