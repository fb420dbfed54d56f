"""Dates written in minutes ("2nd March", "by Friday", "next call"), resolved against the meeting date.

dateparser does the reading; this module decides which phrases are dates at all, because
dateparser happily reads "NEXT YEAR!" or a bare "May" as some day, and a wrong due date is worse
than none.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateutil.relativedelta import relativedelta

_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
# The one list of weekday names: due dates, meeting cadences and the config all read it.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FRIDAY = WEEKDAYS.index("friday")
MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)  # fmt: skip
_MONTH_WORD = re.compile(r"\b(" + "|".join(MONTHS) + r")[a-z]*\.?\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_DAY_NUMBER = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")
_YEAR = re.compile(r"\b\d{4}\b")
_DAY_THEN_MONTH = re.compile(r"(?<=\d)(?=(?:" + "|".join(MONTHS) + r")[a-z]*\b)", re.IGNORECASE)


def iso_date_in(text: str) -> dt.date | None:
    """The first valid YYYY-MM-DD date in the text."""
    return _first_valid(_ISO, text)


def _first_valid(pattern: re.Pattern[str], text: str) -> dt.date | None:
    for match in pattern.finditer(text):
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue  # "2026-13-45": digits shaped like a date
    return None


# In a file name the date may be written "2026-05-06", "2026_05_06" or "20260506".
_FILE_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-_.]?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?!\d)")
# A day written out with its year: "12 May 2026", "May 12th, 2026", "Wednesday, 6th May 2026".
_WRITTEN_WITH_YEAR = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(MONTHS) + r")[a-z]*\.?,?\s+\d{4}"
    r"|(?:" + "|".join(MONTHS) + r")[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b",
    re.IGNORECASE,
)


def file_name_date(name: str) -> dt.date | None:
    """The first valid date in a file's name."""
    return _first_valid(_FILE_DATE, name)


def calendar_date_in(text: str) -> dt.date | None:
    """The first full date in a title or line: ISO, or a day and month in words with the year. A
    date without a year is not a meeting's date: it could only be guessed from today's."""
    iso = iso_date_in(text)
    if iso:
        return iso
    match = _WRITTEN_WITH_YEAR.search(text)
    return written_date(match[0], base=None) if match else None


def as_date(value: object) -> dt.date | None:
    """A front-matter value as a date: YAML gives dates, datetimes or strings."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return iso_date_in(value) or written_date(value, base=None)
    return None


def written_date(phrase: str, base: dt.date | None) -> dt.date | None:
    """A calendar date written in words ("2nd March", "Wednesday, 25th November", "12 May 2026").

    Phrases without a day (a number or a weekday) are not dates here: "NEXT YEAR!", "May", "soon".
    Without a year the date is the first one on or after `base`.
    """
    # "25July": minutes typed in a hurry; dateparser reads it only with the space.
    phrase = _DAY_THEN_MONTH.sub(" ", phrase.strip())
    iso = iso_date_in(phrase)
    if iso:
        return iso
    has_month_day = bool(_MONTH_WORD.search(phrase)) and bool(_DAY_NUMBER.search(phrase))
    if not has_month_day and not _WEEKDAY_WORD.search(phrase):
        return None
    if has_month_day and base is not None and not _YEAR.search(phrase):
        # dateparser's "future" is strictly after its base: "by September 1st" said on 1 September
        # would be next year's.
        base -= dt.timedelta(days=1)
    return _dateparser(phrase[:80], base)


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, base: dt.date | None) -> dt.date | None:
    import dateparser  # imported late: it takes a moment to load and most runs need it rarely

    settings: dict[str, object] = {"PREFER_DATES_FROM": "future", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def next_weekday(base: dt.date, weekday: int) -> dt.date:
    """The first day strictly after `base` falling on `weekday` (Monday is 0)."""
    return base + relativedelta(days=1, weekday=weekday)


def on_or_after(base: dt.date, weekday: int) -> dt.date:
    """`base` if it falls on `weekday`, else the first day after it that does."""
    return base + relativedelta(weekday=weekday)


def end_of_week(base: dt.date) -> dt.date:
    """The Friday of the meeting's week (the next Friday when the meeting is at the weekend)."""
    return on_or_after(base, FRIDAY)


def end_of_month(base: dt.date) -> dt.date:
    return base + relativedelta(day=31)  # relativedelta clamps to the month's last day


def month_of(word: str) -> bool:
    """Whether the word names a month ("May", "Sept.")."""
    return _MONTH_WORD.fullmatch(word.strip()) is not None


def weekday_index(name: str) -> int | None:
    name = name.lower()
    return WEEKDAYS.index(name) if name in WEEKDAYS else None
