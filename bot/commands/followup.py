"""The report and remind commands' work: gather notes and tracker state, build the text, post it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from bot import notify
from bot.action_item import Progress
from bot.channels import Channel
from bot.commands import agenda_issue
from bot.commands.agenda_issue import Notified
from bot.config import Config
from bot.followup import agenda, calendar, checklist
from bot.followup.meetings import UNDER_WAY, NextMeeting, next_meeting, reminder_due, start_of
from bot.followup.progress import progress_of
from bot.issues import Closure, Issue, Tracker
from bot.lock import sync_lock
from bot.notify import Attachment, Notice
from bot.pipeline import Extraction
from bot.syncplan import issuetext
from bot.syncplan.apply import note_scope, read_issues
from bot.syncplan.plan import issues_of
from bot.wiring import state_dir, sync_context


@dataclass(frozen=True)
class TrackerState:
    """What the tracker and the later notes say of the items: their issues (read with one listing
    per repository, as sync reads them) and the progress lines about them."""

    issues: dict[str, Issue]
    progress: dict[str, list[Progress]]


def tracker_state(config: Config, extraction: Extraction, tracker: Tracker, root: Path) -> TrackerState:
    """Each item's issue, found as a sync finds it, and the progress lines about each item."""
    context = sync_context(config, root)
    existing, route = read_issues(tracker, extraction.items, context)
    notes = note_scope(extraction.meetings, root)
    return TrackerState(
        issues_of(extraction.items, existing, notes, route, context.settings),
        progress_of(extraction.items, extraction.meetings, config.roster),
    )


def follow_up(
    config: Config,
    extraction: Extraction,
    tracker: Tracker,
    meeting: dt.date,
    root: Path,
    now: dt.datetime | None = None,
) -> checklist.FollowUp:
    """The report for `meeting` as it stands at `now` (default: the meeting's day): what is overdue
    then, and what is due before the meeting."""
    state = tracker_state(config, extraction, tracker, root)
    issues, progress = state.issues, state.progress
    today = team_day(config, now) if now is not None else None
    dates = [m.date for m in extraction.meetings]
    draft = checklist.statuses(meeting, extraction.items, dates, issues, progress, today=today)
    # Who closed what is read only for the closed issues the report shows.
    closures: dict[tuple[str, int], Closure] = {}
    for status in checklist.follow_up(meeting, dates, draft).statuses:
        if status.issue is not None and status.closed:
            closures[(status.issue.repo, status.issue.number)] = tracker.closure(status.issue)
    history = checklist.statuses(meeting, extraction.items, dates, issues, progress, closures, today)
    return checklist.follow_up(meeting, dates, history)


def team_day(config: Config, now: dt.datetime) -> dt.date:
    """`now`'s date where the team meets: "overdue" turns at the team's midnight."""
    return now.astimezone(ZoneInfo(config.meetings.timezone)).date()


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
    closed: tuple[Issue, ...] = ()  # earlier agenda issues closed as this one opened
    notified: Notified = field(default_factory=Notified)
    due_at: dt.datetime | None = None  # when the next reminder is due, where the cadence tells


def remind(
    config: Config,
    extraction: Extraction,
    tracker: Tracker,
    now: dt.datetime,
    root: Path,
    dry_run: bool,
    environ: Mapping[str, str] | None = None,
) -> Reminder:
    """Post or refresh the agenda issue once the next meeting is within the lead time, and send the
    agenda to the configured channels once each."""
    upcoming = next_meeting(extraction.meetings, config.meetings, now)
    if upcoming is None:
        return Reminder("no meeting")
    lead = dt.timedelta(hours=config.reminders.lead_hours)
    if not reminder_due(upcoming, now, lead):
        start = upcoming.start - lead
        return Reminder("not due", upcoming, due_at=start if start > now else None)
    # One run at a time from posting to recording what was sent: two at once would both open the
    # agenda issue and both send each notice.
    with sync_lock(state_dir(config), what="remind"):
        posted, report, proposed = _post_agenda(config, extraction, tracker, upcoming, root, dry_run, now)
        message = agenda.agenda_message(
            upcoming, report, proposed, config.reminders.agenda_label, posted.issue
        )
        notice = _notice(config, agenda.title(config.meetings.name, upcoming), message, upcoming, posted, now)
        notified = agenda_issue.notify_once(
            tracker,
            posted,
            upcoming,
            agenda.AGENDA,
            notice,
            _channels(config),
            _environ(environ),
            dry_run,
            config.reminders.send_seconds,
        )
    following = next_meeting(extraction.meetings, config.meetings, upcoming.start + UNDER_WAY)
    due_at = following.start - lead if following is not None else None
    return Reminder(posted.outcome, upcoming, posted.issue, posted.body, posted.closed, notified, due_at)


def notify_follow_up(
    config: Config,
    extraction: Extraction,
    tracker: Tracker,
    meeting: dt.date,
    now: dt.datetime,
    root: Path,
    environ: Mapping[str, str] | None = None,
) -> Reminder:
    """Send the follow-up checklist for `meeting` to the configured channels once each, after the
    meeting before it. It is remembered in the meeting's agenda issue, opened now if need be."""
    upcoming = next_meeting(extraction.meetings, config.meetings, now)
    if upcoming is None or upcoming.date != meeting:
        upcoming = NextMeeting(start_of(meeting, config.meetings), "report")
    with sync_lock(state_dir(config), what="remind"):
        posted, report, _ = _post_agenda(config, extraction, tracker, upcoming, root, False, now)
        title = f"{checklist.HEADING} for the {config.meetings.name} meeting on {meeting.isoformat()}"
        message = agenda.follow_up_message(upcoming, report, posted.issue)
        notice = _notice(config, title, message, upcoming, posted, now)
        notified = agenda_issue.notify_once(
            tracker,
            posted,
            upcoming,
            agenda.FOLLOW_UP,
            notice,
            _channels(config),
            _environ(environ),
            False,
            config.reminders.send_seconds,
        )
    return Reminder(posted.outcome, upcoming, posted.issue, posted.body, posted.closed, notified)


def _post_agenda(
    config: Config,
    extraction: Extraction,
    tracker: Tracker,
    upcoming: NextMeeting,
    root: Path,
    dry_run: bool,
    now: dt.datetime,
) -> tuple[agenda_issue.Posted, str, list[Issue]]:
    context = sync_context(config, root)
    repo = config.reminders.repo or context.router.default
    status = follow_up(config, extraction, tracker, upcoming.date, root, now)
    report = checklist.markdown(status)
    mentioned = agenda.mentions(status, config.reminders.mention_after_meetings, context.roster_logins)
    proposed = [
        Issue(**{**issue.__dict__, "title": issuetext.safe_inline(issue.title, ())})
        for issue in tracker.labelled(repo, config.reminders.agenda_label)
    ]
    label = config.reminders.agenda_label

    def body_for(sent: agenda.Sent) -> str:
        return agenda.body(upcoming, report, proposed, label, mentioned, sent)

    title = agenda.title(config.meetings.name, upcoming)
    posted = agenda_issue.post(
        tracker, repo, upcoming, title, config.reminders.issue_label, body_for, dry_run
    )
    return posted, report, proposed


def _notice(
    config: Config,
    title: str,
    message: str,
    meeting: NextMeeting,
    posted: agenda_issue.Posted,
    now: dt.datetime,
) -> Notice:
    where = posted.issue.url if posted.issue is not None else ""
    call, place = config.meetings.url, config.meetings.location
    description = "\n".join(
        [f"Agenda: {where}" if where else title, *([f"Join the call: {call}"] if call else [])]
    )
    ics = calendar.meeting_ics(
        meeting,
        config.meetings.name,
        config.meetings.minutes,
        description,
        where,
        now,
        # A calendar shows the place, else the call's address, as where the meeting is.
        ", ".join(part for part in (place, call) if part),
    )
    message = agenda.with_venue(message, call, place)
    return Notice(title, message, (Attachment(calendar.filename(config.meetings.name, meeting), ics),))


def _channels(config: Config) -> list[Channel]:
    return notify.channels(config.reminders.notify)


def _environ(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    # The environment is read at the edge only when the caller gives none (the CLI and the daemon).
    return os.environ if environ is None else environ
