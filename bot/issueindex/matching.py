"""Which of the bot's issues is each item's. Pure.

An item's id changes whenever its note, owners or task words do (see `bot.action_item.item_id`), yet an
edited item is still the same promise, with its issue. So the id is the first way to find an issue,
and each later way only looks at what the ones before left unmatched:

1. The id: the item's own, or one it had before an edit (kept in its issue's marker as an alias).
2. The note: an issue opened from the item's note, or from a note renamed to it (a note whose file is
   gone and most of whose issues the new note's items match, as git tells a rename by content),
   whose people overlap the item's and whose words are mostly the same: a typo or a synonym fixed,
   a co-owner added, an attendee added to the people. Failing that, in one section, the one item
   and the one issue left for the same people: the same place.
3. The title: an issue the bot opened whose marker a person deleted or whose body they rewrote.

An item none of these finds is new, or a later mention of an earlier meeting's promise
(`EarlierMentions`), found by its people and task words.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Generic, TypeVar

from bot.action_item import ActionItem
from bot.extraction import words

T = TypeVar("T", bound=Hashable)
K = TypeVar("K", bound=Hashable)

# How alike two descriptions of one promise must be: the share of their content words in common.
ALIKE = 0.6
# Two words of four letters or more this alike (difflib's ratio) are one word misspelt.
TYPO = 0.8
# A note is renamed when at least this share of the issues of its gone path match the new note's items.
RENAME_SHARE = 0.5
# A title the bot gave, edited this little at most, still names the item (for issues without a marker).
TITLE_ALIKE = 0.8
# An earlier meeting's item whose task shares this share of content words is the same promise again.
RAISED_AGAIN_SHARE = 0.5
_WORD = re.compile(r"[a-z0-9]+")
# A number as a task writes it: a PR or issue reference, a version, a room, a date. "1.2" is one number,
# not the two short words that content words would drop.
_NUMBER = re.compile(r"\d+(?:[.:/-]\d+)*")


@dataclass(frozen=True)
class Said:
    """What an item says, or what the bot last wrote that its issue's item said: enough to tell
    whether the two are one promise."""

    note: str  # its path from the root
    meeting: str  # the meeting's date, ISO
    section: str
    owners: tuple[str, ...]
    task: str
    text: str  # the sentence stating it

    @staticmethod
    def of(item: ActionItem) -> Said:
        return Said(
            item.note,
            item.meeting_date.isoformat(),
            item.section,
            tuple(o.name for o in item.owners),
            item.task,
            item.text,
        )


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in words.FUNCTION_WORDS and len(w) > 2}


def numbers(text: str) -> frozenset[str]:
    """The numbers a task names. Two tasks naming different ones ("review PR 123", "review PR 456")
    are two promises however alike their words are."""
    return frozenset(_NUMBER.findall(text))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_person(a: str, b: str) -> bool:
    """ "Mira" and "Mira Patel" (an attendee later added to the people), "Sam Okafor" and "sam okafor"."""
    words_a, words_b = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def share_people(a: Iterable[str], b: Iterable[str]) -> bool:
    others = list(b)
    return any(same_person(x, y) for x in a for y in others)


def likeness(a: Said, b: Said) -> float:
    """How alike two descriptions are: the share of their content words they have in common (a word
    misspelt in one counts as the same word), in their tasks or in their whole sentences, whichever
    is more. The owners' names are not words of the topic."""
    people = {w for name in (*a.owners, *b.owners) for w in _WORD.findall(name.lower())}
    tasks = _shared(content_words(a.task) - people, content_words(b.task) - people)
    sentences = _shared(
        content_words(f"{a.task} {a.text}") - people, content_words(f"{b.task} {b.text}") - people
    )
    return max(tasks, sentences)


def _shared(a: set[str], b: set[str]) -> float:
    """Jaccard, with a typo ("reveiw", "review") counted as a shared word."""
    shared = len(a & b)
    others = sorted(b - a)
    for word in sorted(a - b):
        typo = next((w for w in others if _misspelt(word, w)), None)
        if typo is not None:
            shared += 1
            others.remove(typo)
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0


def _misspelt(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= 4 and difflib.SequenceMatcher(None, a, b).ratio() >= TYPO


def pair(items: Sequence[tuple[T, Said]], issues: Sequence[tuple[K, Said]]) -> dict[T, K]:
    """Items of one note with the issues of that note, one to one: most alike first (people must
    overlap), then the one item and the one issue left for the same people in a section."""
    scored = [
        (likeness(said, theirs), i, j)
        for i, (_, said) in enumerate(items)
        for j, (_, theirs) in enumerate(issues)
        if share_people(said.owners, theirs.owners)
    ]
    paired: dict[int, int] = {}
    for score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if score >= ALIKE and i not in paired and j not in paired.values():
            paired[i] = j
    left_items = [i for i in range(len(items)) if i not in paired]
    left_issues = [j for j in range(len(issues)) if j not in paired.values()]
    for i in left_items if left_issues else []:
        said = items[i][1]
        place = [j for j in left_issues if _same_place(said, issues[j][1])]
        if len(place) != 1:
            continue
        rivals = [k for k in left_items if k != i and _same_place(items[k][1], said)]
        if not rivals and _alone(place[0], left_issues, issues):
            paired[i] = place[0]
            left_issues.remove(place[0])
    return {items[i][0]: issues[j][0] for i, j in paired.items()}


def _same_place(a: Said, b: Said) -> bool:
    return bool(b.section) and a.section == b.section and share_people(a.owners, b.owners)


def _alone(j: int, left: list[int], issues: Sequence[tuple[K, Said]]) -> bool:
    return not any(k != j and _same_place(issues[k][1], issues[j][1]) for k in left)


def renames(gone: Mapping[str, list[Said]], read: Mapping[str, list[Said]]) -> dict[str, str]:
    """Old note path -> new one, for gone notes most of whose issues a read note's items match. Only
    notes of the same meeting date or file name are compared, so the cost stays with the renames."""
    by_date: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for note, items in read.items():
        for meeting in {s.meeting for s in items}:
            by_date.setdefault(meeting, []).append(note)
        by_name.setdefault(PurePosixPath(note).name, []).append(note)
    found: dict[str, str] = {}
    for old, issues in gone.items():
        dates = {s.meeting for s in issues}
        candidates = {n for d in dates for n in by_date.get(d, [])} | set(
            by_name.get(PurePosixPath(old).name, [])
        )
        best: tuple[float, str] | None = None
        for new in sorted(candidates):
            matched = pair(list(enumerate(read[new])), list(enumerate(issues)))
            share = len(matched) / len(issues)
            if share >= RENAME_SHARE and (best is None or share > best[0]):
                best = (share, new)
        if best is not None:
            found[old] = best[1]
    return found


def by_title(
    items: Sequence[tuple[T, str, str]], issues: Sequence[tuple[K, str, frozenset[str]]]
) -> dict[T, K]:
    """Items (key, the title the bot gives it, its meeting label) with issues that lost their marker
    (key, title, labels): the same title, else much the same title under the item's meeting label."""
    exact: dict[str, list[int]] = {}
    labelled: dict[str, list[int]] = {}
    for j, (_, title, labels) in enumerate(issues):
        exact.setdefault(title, []).append(j)
        for label in labels:
            labelled.setdefault(label, []).append(j)
    taken: set[int] = set()
    found: dict[T, K] = {}
    for key, title, label in items:
        same = [j for j in exact.get(title, []) if j not in taken]
        if not same:
            alike = [
                (difflib.SequenceMatcher(None, title, issues[j][1]).ratio(), j)
                for j in labelled.get(label, [])
                if j not in taken
            ]
            same = [j for score, j in sorted(alike, key=lambda s: (-s[0], s[1])) if score >= TITLE_ALIKE]
        if same:
            taken.add(same[0])
            found[key] = issues[same[0]][0]
    return found


class EarlierMentions(Generic[T]):
    """Earlier meetings' promises, to find the one a later item raises again: the same people, the
    same numbers, and at least half of the task's content words shared (Jaccard). Found through a
    prefix filter: every pair that alike shares a word among the rarest few of each, so a lookup
    reads only the promises indexed under those (usually short) lists, not every earlier promise."""

    def __init__(self, tasks: Iterable[str]) -> None:
        self._frequency: Counter[str] = Counter(w for task in tasks for w in content_words(task))
        self._postings: dict[tuple[frozenset[str], str], list[int]] = {}
        self._entries: list[tuple[str, frozenset[str], set[str], frozenset[str], T]] = []

    def _prefix(self, words: set[str]) -> list[str]:
        ordered = sorted(words, key=lambda w: (self._frequency[w], w))
        keep = len(ordered) - int(-(-RAISED_AGAIN_SHARE * len(ordered) // 1)) + 1
        return ordered[:keep]

    def add(self, meeting: str, owners: Iterable[str], task: str, target: T) -> None:
        words = content_words(task)
        people = frozenset(owners)
        index = len(self._entries)
        self._entries.append((meeting, people, words, numbers(task), target))
        for word in self._prefix(words):
            self._postings.setdefault((people, word), []).append(index)

    def find(self, meeting: str, owners: Iterable[str], task: str) -> T | None:
        """The most alike earlier promise (the first indexed, among equals), if any is alike enough."""
        words = content_words(task)
        named = numbers(task)
        people = frozenset(owners)
        seen: set[int] = set()
        best: tuple[float, int] | None = None
        for word in self._prefix(words):
            for index in self._postings.get((people, word), []):
                if index in seen:
                    continue
                seen.add(index)
                their_meeting, _, their_words, their_numbers, _ = self._entries[index]
                if their_meeting >= meeting or their_numbers != named:
                    continue
                score = jaccard(words, their_words)
                if score >= RAISED_AGAIN_SHARE and (best is None or (score, -index) > (best[0], -best[1])):
                    best = (score, index)
        return self._entries[best[1]][4] if best else None
