"""The report and remind commands' work: gather notes and tracker state, build the text, post it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bot import agenda, issuetext, report
from bot.config import Config
from bot.meetings import NextMeeting, next_meeting, reminder_due
from bot.pipeline import Extraction
from bot.plan import issues_of
from bot.progress import progress_of
from bot.sync import note_scope, read_issues
from bot.trackers.base import Closure, Issue, NewIssue, Tracker
from bot.wiring import sync_context


def follow_up(
    config: Config, extraction: Extraction, tracker: Tracker, meeting: dt.date, root: Path
) -> report.FollowUp:
    context = sync_context(config, root)
    existing, route = read_issues(tracker, extraction.items, context)
    notes = note_scope(extraction.meetings, root)
    issues = issues_of(extraction.items, existing, notes, route, context.settings)
    progress = progress_of(extraction.items, extraction.meetings, config.roster)
    draft = report.follow_up(
        meeting, extraction.items, [m.date for m in extraction.meetings], issues, progress
    )
    # Who closed what is read only for the closed issues the report shows.
    closures: dict[tuple[str, int], Closure] = {}
    for status in draft.statuses:
        if status.issue is not None and status.closed:
            closures[(status.issue.repo, status.issue.number)] = tracker.closure(status.issue)
    return report.follow_up(
        meeting, extraction.items, [m.date for m in extraction.meetings], issues, progress, closures
    )


def report_meeting(extraction: Extraction, config: Config, now: dt.datetime) -> dt.date | None:
    """The meeting a report is for by default: the one the latest note announces, even once its
    date has passed (its notes are not in yet, so its follow-up is the one still to do); else the
    next by the cadence; else the day after the latest note."""
    latest = max(extraction.meetings, key=lambda m: m.date, default=None)
    if latest is None:
        return None
    if latest.next_meeting is not None:
        return latest.next_meeting
    upcoming = next_meeting(extraction.meetings, config.meetings, now)
    return upcoming.date if upcoming is not None else latest.date + dt.timedelta(days=1)


@dataclass(frozen=True)
class Reminder:
    outcome: str  # "created", "updated", "unchanged", "would create", "would update", "not due", "no meeting"
    meeting: NextMeeting | None = None
    issue: Issue | None = None
    body: str = ""


def remind(
    config: Config, extraction: Extraction, tracker: Tracker, now: dt.datetime, root: Path, dry_run: bool
) -> Reminder:
    upcoming = next_meeting(extraction.meetings, config.meetings, now)
    if upcoming is None:
        return Reminder("no meeting")
    if not reminder_due(upcoming, now, dt.timedelta(hours=config.reminders.lead_hours)):
        return Reminder("not due", upcoming)
    repo = config.reminders.repo or sync_context(config, root).router.default
    checklist = report.markdown(follow_up(config, extraction, tracker, upcoming.date, root))
    proposed = [
        Issue(**{**issue.__dict__, "title": issuetext.safe_inline(issue.title, ())})
        for issue in tracker.labelled(repo, config.reminders.agenda_label)
    ]
    body = agenda.body(upcoming, checklist, proposed, config.reminders.agenda_label)
    login = tracker.login()
    posted = next(
        (
            i
            for i in tracker.issues(repo)
            if i.author == login and agenda.meeting_of(i) == upcoming.date.isoformat()
        ),
        None,
    )
    if posted is not None:
        if posted.body == body:
            return Reminder("unchanged", upcoming, posted, body)
        if dry_run:
            return Reminder("would update", upcoming, posted, body)
        return Reminder("updated", upcoming, tracker.edit_body(posted, body), body)
    if dry_run:
        return Reminder("would create", upcoming, None, body)
    title = agenda.title(config.meetings.name, upcoming)
    created = tracker.create_issue(NewIssue(repo, title, body, (config.reminders.issue_label,)))
    return Reminder("created", upcoming, created, body)
