"""The follow-up checklist for the meeting to come, and its place in a notes file. Pure.

Which items: those promised at earlier meetings whose issue is still open (they carry over until
closed), and those closed since the previous meeting; items closed before it have been reported
already and drop out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.action_item import ActionItem, Progress
from bot.issueindex import issuetext
from bot.issues import Closure, Issue, Key

HEADING = "Follow-up of action items"


@dataclass(frozen=True)
class ItemStatus:
    item: ActionItem
    issue: Issue | None
    closure: Closure
    carried_over: int  # meetings held since it was promised, before the one this report is for
    overdue: bool  # open and due before today
    progress: tuple[Progress, ...]
    # The due date of the latest mention that gives one: a promise made again with a new date
    # keeps the new one.
    due: dt.date | None = None
    due_before_meeting: bool = False  # open, not overdue, and due before the meeting it is for

    @property
    def closed(self) -> bool:
        return self.issue is not None and self.issue.state == "closed"

    @property
    def reported_done(self) -> bool:
        return any(p.done for p in self.progress)


@dataclass(frozen=True)
class FollowUp:
    meeting: dt.date
    previous: dt.date | None
    by_owner: tuple[tuple[str, tuple[ItemStatus, ...]], ...] = field(default=())

    @property
    def statuses(self) -> list[ItemStatus]:
        return [status for _, statuses in self.by_owner for status in statuses]


def follow_up(meeting: dt.date, meeting_dates: Iterable[dt.date], history: Iterable[ItemStatus]) -> FollowUp:
    """The report for `meeting`: of the items promised before it (`history`, from `statuses`),
    those still relevant, grouped by owner."""
    previous = max((d for d in set(meeting_dates) if d < meeting), default=None)
    chosen = [
        status
        for status in history
        if not (status.issue is not None and status.closed and _closed_before(status.issue, previous))
    ]
    groups: dict[str, list[ItemStatus]] = {}
    for status in chosen:
        groups.setdefault(_owner_heading(status.item), []).append(status)
    return FollowUp(meeting, previous, tuple((owner, tuple(s)) for owner, s in sorted(groups.items())))


def statuses(
    meeting: dt.date,
    items: Iterable[ActionItem],
    meeting_dates: Iterable[dt.date],
    issues: Mapping[str, Issue],
    progress: Mapping[str, list[Progress]],
    closures: Mapping[Key, Closure] | None = None,
    today: dt.date | None = None,
) -> list[ItemStatus]:
    """Every item promised before `meeting`, as it stands on `today` (default: the meeting's day),
    oldest first: each issue once (a later mention folded into an issue is not another item),
    closed ones included."""
    earlier = sorted({d for d in meeting_dates if d < meeting})
    closures = closures or {}
    today = meeting if today is None else today
    mentions: dict[Key | str, list[ActionItem]] = {}  # by issue, oldest first
    for item in sorted(items, key=lambda i: (i.meeting_date, i.note, i.line)):
        if item.meeting_date < meeting:
            issue = issues.get(item.id)
            mentions.setdefault(issue.key if issue else item.id, []).append(item)
    found: list[ItemStatus] = []
    for said in mentions.values():
        item, issue = said[0], issues.get(said[0].id)
        is_open = issue is None or issue.state != "closed"
        due = next((i.due for i in reversed(said) if i.due is not None), None)
        overdue = is_open and due is not None and due < today
        found.append(
            ItemStatus(
                item=item,
                issue=issue,
                closure=closures.get(issue.key, Closure()) if issue else Closure(),
                carried_over=sum(1 for d in earlier if d > item.meeting_date),
                overdue=overdue,
                progress=tuple(p for p in progress.get(item.id, []) if p.meeting < meeting),
                due=due,
                due_before_meeting=is_open and not overdue and due is not None and due < meeting,
            )
        )
    return found


def _closed_before(issue: Issue, previous: dt.date | None) -> bool:
    if previous is None or issue.closed_at is None:
        return False
    return issue.closed_at.date() < previous


def _owner_heading(item: ActionItem) -> str:
    # Logins without "@": the checklist goes into the agenda issue, which mentions only the owners
    # who need the nudge (see bot.followup.agenda.mentions).
    return ", ".join(o.name + (f" ({o.github})" if o.github else "") for o in item.owners)


def markdown(report: FollowUp) -> str:
    lines = [f"### {HEADING} for the {report.meeting.isoformat()} meeting", ""]
    if not report.by_owner:
        lines.append("No open action items from earlier meetings.")
    for owner, statuses in report.by_owner:
        lines += [f"**{owner}**", ""]
        for status in statuses:
            lines.append(_line(status))
            lines += [f"  - {p.meeting.isoformat()}: {_quote(p.text)}" for p in status.progress]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _line(status: ItemStatus) -> str:
    item, issue = status.item, status.issue
    box = "[x]" if status.closed else "[ ]"
    parts = [f"- {box} {_inline(item.task)}"]
    if issue is not None:
        link = f"[#{issue.number}]({issue.url})" if issue.url.startswith("http") else f"#{issue.number}"
        parts.append(f"— {link} {issue.state}")
    else:
        parts.append("— not synced")
    if status.closed and issue is not None and issue.closed_at is not None:
        who = f" by @{status.closure.by}" if status.closure.by else ""
        parts.append(f"{issue.closed_at.date().isoformat()}{who}")
    if status.closure.pull_request:
        parts.append(f"(PR {status.closure.pull_request})")
    parts.append(f"· from {item.meeting_date.isoformat()}")
    if status.due:
        parts.append(f"· due {status.due.isoformat()}")
    if status.overdue:
        parts.append("· **overdue**")
    elif status.due_before_meeting:
        parts.append("· due before the meeting")
    if status.carried_over:
        plural = "s" if status.carried_over > 1 else ""
        parts.append(f"· carried over {status.carried_over} meeting{plural}")
    if status.reported_done and not status.closed:
        parts.append("· reported done")
    return " ".join(parts)


def _inline(text: str) -> str:
    # The checklist is also posted in the agenda issue: note text must not mention or reference anyone.
    return issuetext.safe_inline(text, ())


def _quote(text: str) -> str:
    return "“" + _inline(text) + "”"


def as_json(report: FollowUp) -> dict[str, Any]:
    return {
        "meeting": report.meeting.isoformat(),
        "previous": report.previous.isoformat() if report.previous else None,
        "items": [
            {
                **status.item.as_json(),
                "issue": (
                    {"repo": status.issue.repo, "number": status.issue.number, "url": status.issue.url}
                    if status.issue
                    else None
                ),
                "state": status.issue.state if status.issue else "not synced",
                "closed_at": status.issue.closed_at.isoformat()
                if status.issue and status.issue.closed_at
                else None,
                "closed_by": status.closure.by,
                "pull_request": status.closure.pull_request,
                "carried_over": status.carried_over,
                "due": status.due.isoformat() if status.due else None,
                "overdue": status.overdue,
                "due_before_meeting": status.due_before_meeting,
                "reported_done": status.reported_done,
                "progress": [
                    {
                        "meeting": p.meeting.isoformat(),
                        "note": p.note,
                        "line": p.line,
                        "text": p.text,
                        "done": p.done,
                    }
                    for p in status.progress
                ],
            }
            for status in report.statuses
        ],
    }
