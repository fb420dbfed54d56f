"""The meeting as an iCalendar file (.ics), attached to the agenda so people can add it in one click.
Pure: the time stamp is given.

The start carries the team's time zone (TZID plus its VTIMEZONE), not a UTC time: a calendar then
keeps the meeting at 16:00 London time across a change of daylight saving.
"""

from __future__ import annotations

import datetime as dt

import icalendar

from bot.followup.meetings import NextMeeting

PRODUCT = "-//actionbot//meeting notes//EN"


def filename(name: str, meeting: NextMeeting) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "meeting"
    return f"{slug}-{meeting.date.isoformat()}.ics"


def meeting_ics(
    meeting: NextMeeting,
    name: str,
    minutes: int,
    description: str,
    url: str,
    stamp: dt.datetime,
    location: str = "",
) -> bytes:
    event = icalendar.Event()
    # One UID per team and date: a calendar updates the event it already has instead of adding another.
    event.add("uid", f"{meeting.date.isoformat()}-{filename(name, meeting)[:-4]}@actionbot")
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("dtstart", meeting.start)
    event.add("dtend", meeting.start + dt.timedelta(minutes=minutes))
    event.add("summary", f"{name} meeting")
    event.add("description", description)
    if url.startswith("http"):
        event.add("url", url)
    if location:
        event.add("location", location)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    year = dt.timedelta(days=366)
    calendar.add_missing_timezones(first_date=meeting.date - year, last_date=meeting.date + year)
    return bytes(calendar.to_ical())
