"""What a reminder did, in lines a person reads: the CLI prints them, the daemon logs them, and the
job summary shows them. Channel URLs are shown as the config writes them, secrets still `${...}`."""

from __future__ import annotations

import datetime as dt

from bot.commands.agenda_issue import Reminder


def describe(reminder: Reminder, until: str | None = None) -> str:
    """`until`: when a reminder not due yet is due, for a dry run that shows what it will do then."""
    meeting = reminder.meeting
    when = meeting.start.isoformat() if meeting else "unknown"
    issue = reminder.issue
    where = f" {issue.repo}#{issue.number}" if issue is not None else ""
    outcome = f"not due until {until}; then it {reminder.outcome}" if until else reminder.outcome
    line = f"agenda for the meeting at {when}: {outcome}{where}"
    if reminder.closed:
        line += "; closed the previous agenda " + ", ".join(f"{i.repo}#{i.number}" for i in reminder.closed)
    return line


def deliveries(reminder: Reminder, what: str) -> list[str]:
    notified = reminder.notified
    lines = [
        f"sent {what} to {d.channel.url}"
        if d.sent
        else f"could not send {what} to {d.channel.url}: {d.error}"
        for d in notified.deliveries
    ]
    if not notified.deliveries:
        lines += [f"would send {what} to {channel.url}" for channel in notified.pending]
    if notified.unrecorded is not None:
        lines.append(
            f"could not record in the agenda issue that {what} was sent ({notified.unrecorded}): "
            "the next run will send it again"
        )
    return lines


def failed(reminder: Reminder) -> bool:
    notified = reminder.notified
    return notified.unrecorded is not None or any(not d.sent for d in notified.deliveries)


def next_due(reminder: Reminder, now: dt.datetime) -> str | None:
    """When the next reminder is due, for a log: "2026-05-19 16:00 BST (in 3 hours)"."""
    due = reminder.due_at
    if due is None:
        return None
    hours = (due - now).total_seconds() / 3600
    span = f"{hours:.0f} hours" if hours >= 2 else f"{hours * 60:.0f} minutes"
    return f"{due:%Y-%m-%d %H:%M} {due.tzname() or ''}".rstrip() + f" (in {span})"
