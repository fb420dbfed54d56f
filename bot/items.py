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
        }


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def item_id(
    meeting_date: dt.date, section: str, owners: tuple[Owner, ...], verb: str, occurrence: int
) -> str:
    """A stable identity for an item.

    Made of what a person would say identifies the promise: which meeting, which section, who, and
    what kind of action (the verb). Not the file path, the line or the exact words, so moving the
    sentence, re-wrapping it, fixing a typo in it or renaming the note keeps the identity;
    `occurrence` tells apart two promises of the same kind by the same people in one section.
    """
    key = "|".join(
        (
            meeting_date.isoformat(),
            _normal(section),
            ",".join(sorted(o.name for o in owners)),
            verb.lower(),
            str(occurrence),
        )
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]
