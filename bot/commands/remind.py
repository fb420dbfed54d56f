"""The remind command's work, and the report's --notify: the agenda issue posted or refreshed once
the meeting is near, and the agenda (or the follow-up checklist) sent to each channel once."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from bot import actions, notify
from bot.channels import Channel
from bot.commands import agenda_issue, reminder_lines, runner
from bot.commands.agenda_issue import Reminder
from bot.commands.status import follow_up
from bot.config import Config
from bot.followup import agenda, calendar, checklist
from bot.followup.meetings import UNDER_WAY, NextMeeting, next_meeting, reminder_due, start_of
from bot.issueindex import issuetext
from bot.issues import Issue, Tracker
from bot.lock import sync_lock
from bot.notify import Attachment, Notice
from bot.pipeline import Extraction
from bot.wiring import make_workspace, state_dir


def command(paths: list[str] | None, config: Path | None, now: str | None, dry_run: bool) -> None:
    runner.run(config, lambda job: _remind(job, paths, now, dry_run))


def _remind(job: runner.Run, paths: list[str] | None, now: str | None, dry_run: bool) -> runner.Done:
    extraction = job.extract(paths)
    job.warn_missing_token()
    clock = runner.now_option(now)
    tracker = job.tracker()
    outcome = remind(job.settings, extraction, tracker, clock, job.root, dry_run=dry_run)
    until = None
    if dry_run and outcome.outcome == "not due" and outcome.due_at is not None:
        # Not due yet: what it would post and send at the lead time, and when that is.
        until = reminder_lines.next_due(outcome, clock)
        outcome = remind(job.settings, extraction, tracker, outcome.due_at, job.root, True)
    said = [reminder_lines.describe(outcome, until), *reminder_lines.deliveries(outcome, "the agenda")]
    sys.stdout.write("".join(line + "\n" for line in said))
    if dry_run and outcome.body:
        sys.stdout.write(outcome.body + "\n")
    actions.write_summary("### actionbot remind\n\n" + "\n\n".join(said), outcome.body)
    return runner.Done(failed=reminder_lines.failed(outcome))


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
    workspace = make_workspace(config, root)
    repo = config.reminders.repo or workspace.router.default
    status = follow_up(config, extraction, tracker, upcoming.date, root, now)
    report = checklist.markdown(status)
    mentioned = agenda.mentions(status, config.reminders.mention_after_meetings, workspace.roster_logins)
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
