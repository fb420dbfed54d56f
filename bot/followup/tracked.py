"""The action items as the tracker holds them, for `actionbot items`, `close` and `reopen`: the bot's
issues read through their markers, filtered, and found by item id or issue number. Pure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.issueindex import issuetext
from bot.issues import Issue
from bot.people import Roster


class NotFound(Exception):
    pass


@dataclass(frozen=True)
class TrackedItem:
    """An item as its issue tells it: what `items`, `close` and `reopen` show and act on."""

    id: str
    issue: Issue
    meeting: str
    owners: tuple[str, ...]
    task: str
    note: str

    @property
    def reference(self) -> str:
        return f"{self.issue.repo}#{self.issue.number}"

    def as_json(self) -> dict[str, Any]:
        issue = self.issue
        return {
            "id": self.id,
            "repo": issue.repo,
            "number": issue.number,
            "url": issue.url,
            "title": issue.title,
            "state": issue.state,
            "state_reason": issue.state_reason,
            "meeting": self.meeting,
            "owners": list(self.owners),
            "assignees": list(issue.assignees),
            "task": self.task,
            "note": self.note,
            "closed_at": issue.closed_at.isoformat() if issue.closed_at else None,
        }


def tracked_items(issues: Iterable[Issue]) -> list[TrackedItem]:
    found = [
        TrackedItem(marker.id, issue, marker.meeting, marker.owners, marker.task, marker.note)
        for issue, marker in issuetext.marked(issues)
        if marker is not None
    ]
    return sorted(found, key=lambda t: (t.meeting, t.issue.repo, t.issue.number))


def select(
    items: Iterable[TrackedItem],
    roster: Roster,
    state: str | None = None,
    owner: str | None = None,
    meeting: dt.date | None = None,
) -> list[TrackedItem]:
    """The items in `state` ("open" or "closed"), of `owner` (a name, an alias or a login, as the
    roster knows them; otherwise the name as written), promised at `meeting`."""
    chosen = list(items)
    if state is not None:
        chosen = [t for t in chosen if t.issue.state == state]
    if owner is not None:
        person = roster.person(owner) or roster.by_login(owner.lstrip("@"))
        wanted = (person.name if person else owner).casefold()
        chosen = [t for t in chosen if any(o.casefold() == wanted for o in t.owners)]
    if meeting is not None:
        chosen = [t for t in chosen if t.meeting == meeting.isoformat()]
    return chosen


_NUMBER = re.compile(r"^(?:(?P<repo>[\w.-]+/[\w.-]+))?#(?P<number>\d+)$")


def find(items: Iterable[TrackedItem], reference: str) -> TrackedItem:
    """The item an id (or the start of one, as `items` prints it), `#N` or `owner/repo#N` names; a
    bare number is an issue number unless it starts an id (the shell takes an unquoted `#2` for a
    comment, so people write `2`)."""
    items = list(items)
    reference = reference.strip()
    by_number = _NUMBER.match(reference)
    matches = []
    if not by_number:
        matches = [t for t in items if t.id == reference] or [
            t for t in items if len(reference) >= 4 and t.id.startswith(reference)
        ]
        by_number = _NUMBER.match("#" + reference) if not matches and reference.isdigit() else None
    if by_number:
        number, repo = int(by_number["number"]), by_number["repo"]
        matches = [t for t in items if t.issue.number == number and (repo is None or t.issue.repo == repo)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(f"no action item {reference} among the bot's issues")
    where = ", ".join(t.reference for t in matches)
    raise NotFound(f"{reference} names several action items ({where}): write owner/repo#N")
