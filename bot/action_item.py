"""`ActionItem`: one promise made at a meeting, the value the rest of the bot works with."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Owner:
    name: str
    github: str | None = None


@dataclass(frozen=True)
class Progress:
    """A later note's line about an item: "JonL not had a chance to look at vchan"."""

    item_id: str
    meeting: dt.date
    note: str
    line: int
    text: str
    done: bool


@dataclass(frozen=True)
class Source:
    """A line of a note that states an item."""

    line: int
    text: str


@dataclass(frozen=True)
class ActionItem:
    id: str
    note: str
    meeting_date: dt.date
    line: int
    text: str  # the source sentence, as a reader sees it
    owners: tuple[Owner, ...]
    task: str  # a short imperative title: "Reply to the netmap email"
    due: dt.date | None
    section: str
    rule: str = ""  # the id of the pattern or line shape that found it, to measure each rule by
    # Other lines of the note making the same promise: the discussion an action list restates.
    restated: tuple[Source, ...] = ()

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every line the item is stated on, its own (`line`, `text`) first."""
        return (Source(self.line, self.text), *self.restated)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "note": self.note,
            "meeting_date": self.meeting_date.isoformat(),
            "line": self.line,
            "text": self.text,
            "owners": [{"name": o.name, "github": o.github} for o in self.owners],
            "task": self.task,
            "due": self.due.isoformat() if self.due else None,
            "section": self.section,
            "rule": self.rule,
            "sources": [{"line": s.line, "text": s.text} for s in self.sources],
        }

    def as_json_rows(self) -> list[dict[str, Any]]:
        """The item once per line it is stated on, each row that line's (same id, same `sources`):
        `extract --json` lists items this way, so that a reader counting (sentence, owner) pairs, as
        annotators of minutes do, finds every sentence that makes the promise."""
        row = self.as_json()
        return [row, *({**row, "line": s.line, "text": s.text} for s in self.restated)]


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def task_key(task: str) -> str:
    """The task as its words alone: case, punctuation and spacing do not tell two tasks apart."""
    return _normal(task)


def item_id(note: str, section: str, owners: tuple[Owner, ...], task: str, occurrence: int) -> str:
    """A stable identity for an item: which note (its path from the root the bot runs in), which
    section, who, and what (the task's words).

    The line and the sentence's other words are left out, so moving or re-wrapping the sentence
    keeps the id; `occurrence` only tells apart the same task promised twice by the same people in
    one section. Edits that change the task or the owners change the id: the sync finds such an item's
    issue by its note and its words instead (`bot.syncplan.matching`), and so a renamed note's.
    """
    key = "|".join(
        (note, _normal(section), ",".join(sorted(o.name for o in owners)), task_key(task), str(occurrence))
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]
