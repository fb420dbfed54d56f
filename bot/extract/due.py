"""When an item is due, from the words of its sentence and the meeting it was promised at."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.notes import dates

_DATE_WORDS = (
    r"\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
)
_WEEKDAY = "|".join(dates.WEEKDAYS)
_MEETING = r"(?:call|meeting|sync|session|time|week's call|standup|stand-up)"


@dataclass(frozen=True)
class Due:
    date: dt.date | None
    span: tuple[int, int]  # where the phrase stands in the sentence, so titles can leave it out


Resolver = Callable[[re.Match[str], dt.date, dt.date | None], dt.date | None]
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _weekday(match: re.Match[str], meeting: dt.date, _next: dt.date | None) -> dt.date | None:
    weekday = dates.weekday_index(match["day"])
    return dates.next_weekday(meeting, weekday) if weekday is not None else None


def _in_units(match: re.Match[str], meeting: dt.date, _next: dt.date | None) -> dt.date:
    count = _NUMBERS.get(match["n"]) or int(match["n"])
    return meeting + dt.timedelta(days=count * (7 if match["unit"] == "week" else 1))


_RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (
        re.compile(r"\b(?:by\s+|for\s+)?(?:today|tonight|this (?:afternoon|evening|morning))\b"),
        lambda m, meeting, nxt: meeting,
    ),
    (re.compile(r"\b(?:by\s+)?tomorrow\b"), lambda m, meeting, nxt: meeting + dt.timedelta(days=1)),
    (
        re.compile(
            rf"\b(?:(?:by|before|at|in|for|until|during|on)\s+)?(?:the\s+)?(?:next|following)\s+{_MEETING}\b"
        ),
        lambda m, meeting, nxt: nxt,
    ),
    (
        re.compile(r"\b(?:(?:by|before|at|until)\s+)?(?:the\s+)?end of (?:the |this )?week\b"),
        lambda m, meeting, nxt: dates.end_of_week(meeting),
    ),
    (
        re.compile(r"\b(?:(?:by|before|at|until)\s+)?(?:the\s+)?end of (?:the |this )?month\b"),
        lambda m, meeting, nxt: dates.end_of_month(meeting),
    ),
    (
        re.compile(r"\b(?:by\s+|before\s+|during\s+)?next week\b"),
        lambda m, meeting, nxt: meeting + dt.timedelta(days=7),
    ),
    (re.compile(rf"\b(?:(?:by|before|on|until|due|this|next)\s+)+(?P<day>{_WEEKDAY})\b"), _weekday),
    (
        re.compile(rf"\b(?:(?:by|before|on|until|due|for|no later than)\s+)+(?P<when>{_DATE_WORDS})\b"),
        lambda m, meeting, nxt: dates.written_date(m["when"], base=meeting),
    ),
    (re.compile(r"\bin\s+(?P<n>a|one|two|three|four|\d+)\s+(?P<unit>day|week)s?\b"), _in_units),
)


# "FOSDEM is on 1st February", "Board Meeting (12 March)", "PyCon US: May 14": an event the
# note dates, so that "before FOSDEM" is a date.
_EVENT = re.compile(
    rf"(?P<name>\b[A-Z][\w&.+-]*(?:\s+[A-Z0-9][\w&.+-]*){{0,3}})"
    rf"(?i:\s*(?:\(|,|:|\s(?:is|starts|takes place|will be|happens)?\s*(?:on|in)?)\s*(?P<when>{_DATE_WORDS}))"
)
_NOT_EVENTS = re.compile(rf"^(?:{_WEEKDAY}|next|the|on|by|due|date|when|meeting|call)$", re.IGNORECASE)


def events_in(sentences: Iterable[str], meeting: dt.date) -> dict[str, dt.date]:
    """Events the note gives a date for, by name (lower case)."""
    events: dict[str, dt.date] = {}
    for sentence in sentences:
        for match in _EVENT.finditer(sentence):
            name = match["name"].strip()
            if not name[:1].isupper() or _NOT_EVENTS.match(name) or dates.month_of(name):
                continue
            when = dates.written_date(match["when"], base=meeting)
            if when is not None:
                events.setdefault(name.lower(), when)
    return events


def _first_phrase(text: str, events: dict[str, dt.date]) -> tuple[re.Match[str], Resolver] | None:
    lowered = text.lower()
    rules = list(_RULES)
    if events:
        names = "|".join(re.escape(name) for name in sorted(events, key=len, reverse=True))
        before = r"\b(?:before|by|for|at|until|ahead of|in time for)\s+(?:the\s+)?"
        event = re.compile(rf"{before}(?P<event>{names})\b")
        rules.append((event, lambda m, meeting, nxt: events[m["event"]]))
    found = [(m, resolve) for pattern, resolve in rules if (m := pattern.search(lowered))]
    return min(found, key=lambda pair: pair[0].start()) if found else None


def due_phrase(text: str, events: dict[str, dt.date] | None = None) -> tuple[int, int] | None:
    """Where the sentence states when it is due, so a title can leave that out."""
    first = _first_phrase(text, events or {})
    return first[0].span() if first else None


def due_in(
    text: str, meeting: dt.date, next_meeting: dt.date | None, events: dict[str, dt.date] | None = None
) -> Due | None:
    """The first due date the sentence states; a phrase naming an unknown date gives `Due(None, span)`.
    "next call" is `next_meeting`; "before FOSDEM" is the date the note gives FOSDEM."""
    first = _first_phrase(text, events or {})
    if first is None:
        return None
    match, resolve = first
    return Due(resolve(match, meeting, next_meeting), match.span())
