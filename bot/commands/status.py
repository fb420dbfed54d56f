"""Where the notes' items stand, for the report, remind and site commands: each item's issue, found
as a sync finds it (one listing per repository), the progress lines the later notes give, and the
follow-up checklist for a meeting built from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.action_item import Progress
from bot.config import Config
from bot.followup import checklist
from bot.followup.meetings import next_meeting
from bot.followup.progress import progress_of
from bot.issueindex.reading import item_issues
from bot.issues import Closure, Issue, Key, Tracker
from bot.pipeline import Extraction
from bot.wiring import make_workspace


@dataclass(frozen=True)
class TrackerState:
    """What the tracker and the later notes say of the items: their issues (read with one listing
    per repository, as sync reads them) and the progress lines about them."""

    issues: dict[str, Issue]
    progress: dict[str, list[Progress]]


def tracker_state(config: Config, extraction: Extraction, tracker: Tracker, root: Path) -> TrackerState:
    """Each item's issue, found as a sync finds it, and the progress lines about each item."""
    workspace = make_workspace(config, root)
    return TrackerState(
        item_issues(tracker, extraction.items, extraction.meetings, workspace),
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
    closures: dict[Key, Closure] = {}
    for status in checklist.follow_up(meeting, dates, draft).statuses:
        if status.issue is not None and status.closed:
            closures[status.issue.key] = tracker.closure(status.issue)
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
