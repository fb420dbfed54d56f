"""When the next meeting is: the date the latest note announces, else the cadence (the config's,
else the one the notes' dates show: bot.notes.cadence); the time of day and time zone from the
config. Pure: `now` is always given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.notes import cadence
from bot.notes.dates import on_or_after, weekday_index
from bot.notes.meeting import Meeting

# How far past its start a meeting still counts as "the next one" (it is under way).
UNDER_WAY = dt.timedelta(hours=2)


class Schedule(Protocol):
    """When the team meets, as the config's `meetings:` says it (bot.config.MeetingsConfig)."""

    @property
    def time(self) -> str: ...
    @property
    def timezone(self) -> str: ...
    @property
    def every_days(self) -> int | None: ...
    @property
    def weekday(self) -> str | None: ...


@dataclass(frozen=True)
class NextMeeting:
    start: dt.datetime  # aware, in the team's time zone
    source: str  # "notes" or "cadence"

    @property
    def date(self) -> dt.date:
        return self.start.date()


def start_of(day: dt.date, config: Schedule) -> dt.datetime:
    hour, minute = (int(part) for part in config.time.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(config.timezone))


def next_meeting(meetings: Iterable[Meeting], config: Schedule, now: dt.datetime) -> NextMeeting | None:
    """The first meeting that has not started (or is barely under way) at `now`."""
    held = sorted(meetings, key=lambda m: m.date)
    latest = held[-1] if held else None
    if latest is not None and latest.next_meeting is not None:
        announced = start_of(latest.next_meeting, config)
        if announced + UNDER_WAY > now:
            return NextMeeting(announced, "notes")
    anchor = _anchor(latest, config)
    every_days = cadence.every_days(config.every_days, (m.date for m in held))
    if anchor is None or every_days is None:
        return None
    step = dt.timedelta(days=every_days)
    day = anchor
    while start_of(day, config) + UNDER_WAY <= now:
        day += step
    return NextMeeting(start_of(day, config), "cadence")


def _anchor(latest: Meeting | None, config: Schedule) -> dt.date | None:
    base = latest.next_meeting or latest.date if latest is not None else None
    if config.weekday is None:
        return base
    weekday = weekday_index(config.weekday)
    assert weekday is not None  # the config allows weekday names only
    return on_or_after(base or dt.date(2000, 1, 3), weekday)


def meeting_days_around(day: dt.date, meetings: Iterable[Meeting], config: Schedule) -> list[dt.date]:
    """`day` alone when the team meets that day (a note's meeting, one a note announces, or one on
    the cadence after the latest); else the meeting days just before and after it."""
    held = sorted(meetings, key=lambda m: m.date)
    days = {m.date for m in held} | {m.next_meeting for m in held if m.next_meeting is not None}
    anchor = _anchor(held[-1] if held else None, config)
    every_days = cadence.every_days(config.every_days, (m.date for m in held))
    if anchor is not None and every_days:
        step = dt.timedelta(days=every_days)
        on_cadence = anchor
        while on_cadence <= day + step:
            days.add(on_cadence)
            on_cadence += step
    if day in days:
        return [day]
    before = max((d for d in days if d < day), default=None)
    after = min((d for d in days if d > day), default=None)
    return [d for d in (before, after) if d is not None]


def reminder_due(meeting: NextMeeting, now: dt.datetime, lead: dt.timedelta) -> bool:
    """Inside the lead time before the start, and not after it."""
    return meeting.start - lead <= now < meeting.start


def describe(meeting: NextMeeting) -> str:
    start = meeting.start
    utc = start.astimezone(dt.UTC)
    zone = start.tzname() or str(start.tzinfo)
    text = f"{start:%A} {start.day} {start:%B %Y} at {start:%H:%M} {zone}"
    if utc.utcoffset() != start.utcoffset():
        text += f" ({utc:%H:%M} UTC)"
    return text
