"""Corrections people made on the bot's issues, read as corrections of the extraction. Pure.

- An issue closed as not planned by a person within a week of being opened: not an action item
  (later, "not planned" is as likely a plan dropped as an item misread). The bot's own closes (an
  item gone from its note, a twin) are not people's. `closed_by` None means a person (the local
  tracker, where only `actionbot close` closes as not planned).
- An issue closed as completed: an item confirmed (an example for `learn`; it changes nothing).
- A title people rewrote: the task they meant (the owners in parentheses, if they kept them, are
  the bot's and left out).
- An assignee people set who is none of the item's owners: the owners they meant.

A correction already recorded is not recorded again: the marker of an issue the sync rewrote after
a correction says what the correction said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from bot.issueindex import issuetext
from bot.issueindex.issuetext import Marker
from bot.issueindex.matching import Said
from bot.issues import Issue
from bot.people import Roster
from bot.review.corrections import Correction

# How soon a close as not planned must follow the opening to say the item was misread.
MISREAD_WITHIN = dt.timedelta(days=7)


def corrections(
    issues: Iterable[Issue],
    roster: Roster,
    closed_by: Callable[[Issue], str | None],
    bot_login: str,
    lines: Mapping[str, int],
) -> list[Correction]:
    """The corrections the bot's issues show; `closed_by` (who closed an issue, None if unknown) is
    asked only about issues closed as not planned within the week; `lines` gives an item's line by
    id where its note was read."""
    found = []
    for issue, marker in issuetext.marked(issues):
        if marker is None:
            continue
        line = lines.get(marker.id, 0)
        where = f"issue {issue.repo}#{issue.number}"
        said = _said(issue, marker)
        if _misread(issue, marker) and closed_by(issue) != bot_login:
            found.append(Correction("ignore", marker.id, line, said, f"{where} closed as not planned"))
            continue
        if issue.state == "closed" and issue.state_reason == "completed":
            found.append(Correction("confirm", marker.id, line, said, f"{where} completed"))
        title = _retitled(issue, marker)
        assignees = _reassigned(issue, marker, roster)
        if title is not None or assignees is not None:
            found.append(Correction("override", marker.id, line, said, f"{where} edited", title, assignees))
    return found


def _said(issue: Issue, marker: Marker) -> Said:
    """The item as the bot read it, from the issue's marker and the sentence the issue quotes."""
    text = issuetext.quoted(issue.body)
    return Said(marker.note, marker.meeting, marker.section, marker.owners, marker.task, text)


def _misread(issue: Issue, marker: Marker) -> bool:
    if issue.state != "closed" or issue.state_reason != "not_planned":
        return False
    if issuetext.removal_fact(marker) in marker.facts:  # the bot closed it: gone from its note
        return False
    if issue.created_at is None or issue.closed_at is None:
        return False
    return issue.closed_at - issue.created_at <= MISREAD_WITHIN


def _retitled(issue: Issue, marker: Marker) -> str | None:
    if issue.title == issuetext.title_from(marker):
        return None
    suffix = f" ({', '.join(marker.owners)})"
    task = issue.title.removesuffix(suffix).strip()
    return task if task and task != marker.task else None


def _reassigned(issue: Issue, marker: Marker, roster: Roster) -> tuple[str, ...] | None:
    owners = {p.github.lower() for name in marker.owners if (p := roster.person(name)) and p.github}
    if not issue.assignees or not {login.lower() for login in issue.assignees} - owners:
        return None
    return tuple(f"@{login}" for login in issue.assignees)
