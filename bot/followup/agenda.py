"""The agenda the bot posts before a meeting: one issue per meeting, and the notices sent to the
team's channels from it. Pure.

The issue is the meeting's memory: its hidden marker names the meeting and, per kind of notice
("agenda" before the meeting, "follow-up" after the previous one), the channels that have had it,
so a rerun on a fresh machine (a CI job) sends nothing twice. The bot's text runs from a first
hidden line to that marker; what people write before or after it is theirs, and stays.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.followup.checklist import FollowUp, ItemStatus
from bot.followup.meetings import NextMeeting, describe
from bot.issueindex.issuetext import AGENDA_MARKER
from bot.issues import Issue

TITLE = "Agenda: {name} meeting on {date}"
CALL_FOR_ITEMS = (
    "Please add agenda items as comments here, or label an issue `{label}`. "
    "Action items are closed by closing their issues."
)
MENTIONS = "Please look at your items before the meeting: {people}."
AGENDA = "agenda"
BEGIN = "<!-- actionbot:agenda begin -->"
FOLLOW_UP = "follow-up"

Sent = Mapping[str, tuple[str, ...]]  # kind of notice -> keys of the channels that have had it


def title(name: str, meeting: NextMeeting) -> str:
    return TITLE.format(name=name, date=meeting.date.isoformat())


def marker(meeting: NextMeeting, sent: Sent | None = None) -> str:
    data: dict[str, object] = {"meeting": meeting.date.isoformat()}
    if sent:
        data["sent"] = {kind: list(keys) for kind, keys in sorted(sent.items()) if keys}
    return f"<!-- actionbot:agenda {json.dumps(data, separators=(',', ':'))} -->"


def _data(issue: Issue) -> dict[str, object]:
    found = AGENDA_MARKER.search(issue.body)
    if not found:
        return {}
    try:
        data = json.loads(found.group(1))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def meeting_of(issue: Issue) -> str | None:
    value = _data(issue).get("meeting")
    return str(value) if value else None


def sent_of(issue: Issue | None) -> dict[str, tuple[str, ...]]:
    sent = _data(issue).get("sent") if issue is not None else None
    if not isinstance(sent, dict):
        return {}
    return {str(kind): tuple(str(k) for k in keys) for kind, keys in sent.items() if isinstance(keys, list)}


def merged(current: str, fresh: str) -> str:
    """`current` (the issue's body as people left it) with the bot's part replaced by `fresh`. An
    issue written before the bot's part had a first line is the bot's up to its marker."""
    end = AGENDA_MARKER.search(current)
    if end is None:
        return fresh
    start = current.find(BEGIN, 0, end.start())
    return current[: max(start, 0)] + fresh + current[end.end() :]


def with_sent(body: str, meeting: NextMeeting, sent: Sent) -> str:
    """`body` with its marker recording `sent`, everything else as it was."""
    return AGENDA_MARKER.sub(lambda _: marker(meeting, sent), body, count=1)


@dataclass(frozen=True)
class Mention:
    login: str
    why: str  # "due 2026-05-18", "carried over 3 meetings"


def mentions(report: FollowUp, carried_over_at_least: int, roster_logins: Iterable[str]) -> list[Mention]:
    """Each owner once, and only those with an open item due by the meeting or carried over at least
    `carried_over_at_least` meetings: mentioning everyone with an open item every time teaches
    people to ignore the mention."""
    allowed = {login.lower() for login in roster_logins}
    found: dict[str, Mention] = {}
    for status in report.statuses:
        why = _why(status, report, carried_over_at_least)
        if why is None:
            continue
        for owner in status.item.owners:
            if owner.github and owner.github.lower() in allowed:
                found.setdefault(owner.github.lower(), Mention(owner.github, why))
    return sorted(found.values(), key=lambda m: m.login.lower())


def _why(status: ItemStatus, report: FollowUp, carried_over_at_least: int) -> str | None:
    if status.closed:
        return None
    due = status.due
    if due is not None and due <= report.meeting:
        return f"due {due.isoformat()}"
    if status.carried_over >= carried_over_at_least:
        return f"carried over {status.carried_over} meetings"
    return None


def body(
    meeting: NextMeeting,
    follow_up: str,
    proposed: Iterable[Issue],
    label: str,
    mentioned: Iterable[Mention] = (),
    sent: Sent | None = None,
) -> str:
    lines = [BEGIN, f"The next meeting is on **{describe(meeting)}**.", ""]
    people = ", ".join(f"@{m.login} ({m.why})" for m in mentioned)
    if people:
        lines += [MENTIONS.format(people=people), ""]
    lines += [follow_up.rstrip(), "", *_proposed(proposed, label)]
    lines += ["", CALL_FOR_ITEMS.format(label=label), marker(meeting, sent)]
    return "\n".join(lines)


def _proposed(proposed: Iterable[Issue], label: str) -> list[str]:
    lines = ["### Proposed for the agenda", ""]
    listed = [f"- {issue.title} ([#{issue.number}]({issue.url}))" for issue in proposed]
    return lines + (listed or [f"Nothing yet: label an issue `{label}` to propose it."])


def agenda_message(
    meeting: NextMeeting, follow_up: str, proposed: Iterable[Issue], label: str, issue: Issue | None
) -> str:
    """The agenda for mail and chat: the issue's text without its mentions (a GitHub login means
    nothing in a mailbox) and with a link to the issue, where agenda items are added."""
    lines = [f"The next meeting is on **{describe(meeting)}**.", ""]
    if issue is not None:
        lines += [f"Agenda issue: {_link(issue)}", ""]
    lines += [follow_up.rstrip(), "", *_proposed(proposed, label)]
    return "\n".join(lines) + "\n"


def follow_up_message(meeting: NextMeeting, follow_up: str, issue: Issue | None) -> str:
    lines = [f"The next meeting is on **{describe(meeting)}**.", ""]
    if issue is not None:
        lines += [f"Agenda issue: {_link(issue)}", ""]
    return "\n".join([*lines, follow_up.rstrip()]) + "\n"


JOIN = "Join the call: <{url}>"
WHERE = "Where: {location}"


def with_venue(message: str, url: str | None, location: str | None) -> str:
    """A notice with where to join after its first paragraph (when the meeting is)."""
    said = [WHERE.format(location=location)] if location else []
    said += [JOIN.format(url=url)] if url else []
    if not said:
        return message
    first, _, rest = message.partition("\n\n")
    return "\n\n".join([first, "\n".join(f"{line}  " for line in said).rstrip(), rest])


def _link(issue: Issue) -> str:
    return f"[#{issue.number}]({issue.url})" if issue.url.startswith("http") else f"#{issue.number}"
