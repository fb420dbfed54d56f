"""The agenda reminder the bot posts before a meeting: one issue per meeting. Pure."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from bot.meetings import NextMeeting, describe
from bot.trackers.base import Issue

TITLE = "Agenda: {name} meeting on {date}"
CALL_FOR_ITEMS = (
    "Please add agenda items as comments here, or label an issue `{label}`. "
    "Action items are closed by closing their issues."
)
_MARKER = re.compile(r"<!-- actionbot:agenda (\{[^<>]*\}) -->")


def title(name: str, meeting: NextMeeting) -> str:
    return TITLE.format(name=name, date=meeting.date.isoformat())


def marker(meeting: NextMeeting) -> str:
    return f"<!-- actionbot:agenda {json.dumps({'meeting': meeting.date.isoformat()})} -->"


def meeting_of(issue: Issue) -> str | None:
    found = _MARKER.search(issue.body)
    if not found:
        return None
    try:
        value = json.loads(found.group(1)).get("meeting")
    except (ValueError, AttributeError):
        return None
    return str(value) if value else None


def body(meeting: NextMeeting, follow_up: str, proposed: Iterable[Issue], label: str) -> str:
    lines = [f"The next meeting is on **{describe(meeting)}**.", "", follow_up.rstrip(), ""]
    proposed = list(proposed)
    lines.append("### Proposed for the agenda")
    lines.append("")
    if proposed:
        lines += [f"- {issue.title} ([#{issue.number}]({issue.url}))" for issue in proposed]
    else:
        lines.append(f"Nothing yet: label an issue `{label}` to propose it.")
    lines += ["", CALL_FOR_ITEMS.format(label=label), marker(meeting)]
    return "\n".join(lines)
