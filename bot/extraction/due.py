"""When an item is due, from the words of its sentence and the meeting it was promised at."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from bot.notes import dates
from bot.notes.blocks import BlockKind
from bot.notes.meeting import Meeting, Sentence

_MONTH = rf"(?:{'|'.join(dates.MONTHS)})"
_DATE_WORDS = (
    r"\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}[a-z]*\.?(?:\s+\d{{4}})?"
    # "Mar. 20", and "Mar.21" as a table cell has it.
    rf"|{_MONTH}[a-z]*(?:\.\s*|\s+)\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
)
_WEEKDAY = "|".join(dates.WEEKDAYS)
# "by EOY" needs its preposition: "the EOY report" is no deadline.
_BY = r"(?:by|before|at|until)"
# "by 3/17": digits are a date only where the order of day and month is plain, as one of the two is
# past 12; "by 5/11" is the 5th of November to some teams and the 11th of May to others.
_PAST_12 = r"(?:1[3-9]|2\d|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_NUMERIC = (
    rf"(?:(?P<dm>{_PAST_12}/{_MONTH_NUMBER})|(?P<md>{_MONTH_NUMBER}/{_PAST_12}))(?:/(?P<y>\d{{4}}|\d\d))?"
)
_MEETING = r"(?:call|meeting|sync|session|time|week's call|standup|stand-up)"
# "the next TAC call": a word naming which meeting. It is this one's only when the meeting's title or
# file name says so; "the next board meeting" in a team's notes is another meeting.
_SERIES = r"(?:(?P<series>[a-z][\w-]*)\s+)?"


@dataclass(frozen=True)
class Due:
    date: dt.date | None
    span: tuple[int, int]  # where the phrase stands in the sentence, so titles can leave it out


@dataclass(frozen=True)
class _Meeting:
    """What a phrase is read against: the meeting's date, the next one's, and the words of its
    title and file name, which say which meeting "the next TAC call" is."""

    date: dt.date
    next: dt.date | None
    series: str


Resolver = Callable[[re.Match[str], _Meeting], dt.date | None]
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# Words for any series' own next meeting: "the next regular call".
_ANY_SERIES = frozenset(
    {"regular", "usual", "scheduled", "weekly", "biweekly", "bi-weekly", "fortnightly", "monthly"}
)


def _weekday(match: re.Match[str], at: _Meeting) -> dt.date | None:
    weekday = dates.weekday_index(match["day"])
    return dates.next_weekday(at.date, weekday) if weekday is not None else None


def _in_units(match: re.Match[str], at: _Meeting) -> dt.date:
    count = _NUMBERS.get(match["n"]) or int(match["n"])
    return at.date + dt.timedelta(days=count * (7 if match["unit"] == "week" else 1))


def _next_meeting(match: re.Match[str], at: _Meeting) -> dt.date | None:
    named = match["series"]
    if named is None or named in _ANY_SERIES or re.search(rf"\b{re.escape(named)}\b", at.series):
        return at.next
    return None


def _day_of_month(match: re.Match[str], at: _Meeting) -> dt.date | None:
    """ "the 17th": the first such day from the meeting on."""
    day = int(match["nth"] or match["nth2"])
    for months in range(2):
        try:
            found = (at.date + relativedelta(months=months)).replace(day=day)
        except ValueError:
            continue
        if found >= at.date:
            return found
    return None


def _written(match: re.Match[str], at: _Meeting) -> dt.date | None:
    return dates.written_date(match["when"], base=at.date)


def _numeric(match: re.Match[str], at: _Meeting) -> dt.date | None:
    """ "by 10/15/2011", "by 3/17": without a year, the first such day from the meeting on."""
    first, second = (int(n) for n in (match["dm"] or match["md"]).split("/"))
    day, month = (first, second) if match["dm"] else (second, first)
    year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0) if match["y"] else at.date.year
    try:
        found = dt.date(year, month, day)
        return found if match["y"] or found >= at.date else found.replace(year=year + 1)
    except ValueError:  # "31/2", or the 29th of February of a year without one
        return None


# Each rule is a phrase and how it resolves against the meeting date and the next meeting's. A phrase
# that names no day ("this week", "next week") is found, so a title leaves it out, but gives no date:
# a deadline the note does not fix is not one the bot should invent.
_RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (
        re.compile(r"\b(?:by\s+|for\s+)?(?:today|tonight)\s*(?:/|or)\s*tomorrow\b"),
        lambda m, at: at.date + dt.timedelta(days=1),  # by the later of the two
    ),
    (
        re.compile(r"\b(?:by\s+|for\s+)?(?:today|tonight|this (?:afternoon|evening|morning))\b"),
        lambda m, at: at.date,
    ),
    (re.compile(r"\b(?:by\s+)?tomorrow\b"), lambda m, at: at.date + dt.timedelta(days=1)),
    (
        re.compile(
            r"\b(?:(?:right|straight|immediately|just)\s+)?after\s+(?:(?:this|the|today's)\s+"
            r"(?:call|meeting|sync|session)\b|(?:call|meeting)(?=\s*(?:[,.;:!?)]|$)))"
        ),
        lambda m, at: at.date,
    ),
    (
        re.compile(
            rf"\b(?:(?:by|before|at|in|for|until|during|on)\s+)?(?:the\s+)?(?:next|following)\s+{_SERIES}{_MEETING}\b"
        ),
        _next_meeting,
    ),
    (
        re.compile(rf"\b(?:{_BY}\s+)?(?:the\s+)?end of (?:the |this )?week\b|\b{_BY}\s+eow\b"),
        lambda m, at: dates.end_of_week(at.date),
    ),
    (
        re.compile(rf"\b(?:{_BY}\s+)?(?:the\s+)?end of (?:the |this )?month\b|\b{_BY}\s+eom\b"),
        lambda m, at: dates.end_of_month(at.date),
    ),
    (
        re.compile(rf"\b(?:{_BY}\s+)?(?:the\s+)?end of (?:the |this )?year\b|\b{_BY}\s+eoy\b"),
        lambda m, at: dt.date(at.date.year, 12, 31),
    ),
    (
        re.compile(r"\bnext week at (?:this|the same) time\b|\b(?:at\s+)?(?:the\s+)?same time next week\b"),
        lambda m, at: at.date + dt.timedelta(days=7),
    ),
    (re.compile(r"\b(?:(?:by|before|during|within)\s+)?(?:this|next) week\b"), lambda m, at: None),
    (
        # Not "on Thursday 28th May", "on Friday 21st": the day of the month says which Thursday.
        re.compile(
            rf"\b(?:(?:by|before|on|until|due:?|deadline:|this|next)\s+)+(?P<day>{_WEEKDAY})\b"
            rf"(?!,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\b|,?\s+\d{{1,2}}\s+{_MONTH})"
        ),
        _weekday,
    ),
    (
        re.compile(
            rf"\b(?:(?:by|before|on|until|due:?|deadline:|target(?:ing)?:?|for|no later than)\s+)+"
            rf"(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<when>{_DATE_WORDS})\b"
        ),
        _written,
    ),
    (
        re.compile(rf"\b(?:(?:by|before|until|due:?|deadline:|no later than)\s+)+{_NUMERIC}\b(?![/.]\d)"),
        _numeric,
    ),
    (
        # "attending July 19 meeting", "at the 3 June call": a task for a dated meeting is due that day;
        # not "the May 5 meeting notes", a past meeting's record. The phrase is read but not taken
        # (an empty span): the meeting is what the task is about.
        re.compile(
            rf"(?=\b(?P<when>{_DATE_WORDS})(?:'s)?\s+(?:[a-z][\w-]*\s+)?{_MEETING}\b"
            r"(?!\s+(?:notes|minutes|recording|summary|transcript|video)))"
        ),
        _written,
    ),
    (
        # "skip the 17th, ...", "by the 3rd.": a day of the month on its own, where a clause ends after
        # it, so "the 3rd party" or "the 2nd PR" are not dates; "after the 17th" starts, not ends, a task.
        re.compile(
            r"(?<!after )\b(?:(?:by|before|on|until|for)\s+)?the\s+(?P<nth>\d{1,2})(?:st|nd|rd|th)\b"
            r"(?=\s*(?:[,.;:!?)]|$))"
            rf"|\b(?:by|before|on|until)\s+(?:{_WEEKDAY}),?\s+(?:the\s+)?(?P<nth2>\d{{1,2}})(?:st|nd|rd|th)\b"
        ),
        _day_of_month,
    ),
    (
        # "in two weeks", "over the next 2 weeks", "(2 weeks)", a due column's "1 week"; not "for two
        # weeks" or "two weeks ago", which say how long, or when, not by when.
        re.compile(
            r"\b(?:(?:in|within)\s+(?:the\s+)?(?:next\s+)?|over\s+(?:the\s+)?next\s+|(?<=\(due )|(?<=\())"
            r"(?P<n>a|one|two|three|four|\d+)\s+(?P<unit>day|week)s?\b"
        ),
        _in_units,
    ),
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


def _phrases(text: str, events: dict[str, dt.date]) -> list[tuple[re.Match[str], Resolver]]:
    lowered = text.lower()
    rules = list(_RULES)
    if events:
        names = "|".join(re.escape(name) for name in sorted(events, key=len, reverse=True))
        before = r"\b(?:before|by|for|at|until|ahead of|in time for)\s+(?:the\s+)?"
        event = re.compile(rf"{before}(?P<event>{names})\b")
        rules.append((event, lambda m, at: events[m["event"]]))
    found = [(m, resolve) for pattern, resolve in rules if (m := pattern.search(lowered))]
    return sorted(found, key=lambda pair: pair[0].start())


def due_phrase(text: str, events: dict[str, dt.date] | None = None) -> tuple[int, int] | None:
    """Where the sentence states when it is due, so a title can leave that out."""
    found = _phrases(text, events or {})
    return found[0][0].span() if found else None


def due_in(
    text: str,
    meeting: dt.date,
    next_meeting: dt.date | None,
    events: dict[str, dt.date] | None = None,
    series: str = "",
) -> Due | None:
    """The first due date the sentence states; a phrase naming an unknown date gives `Due(None, span)`
    unless a later one names a day ("this week (targeting tomorrow)"). "next call" is `next_meeting`,
    and so is "next TAC call" when `series` (the meeting's title and file name) says TAC; "before
    FOSDEM" is the date the note gives FOSDEM."""
    at = _Meeting(meeting, next_meeting, series.lower())
    first: Due | None = None
    for match, resolve in _phrases(text, events or {}):
        due = Due(resolve(match, at), match.span())
        if due.date is not None:
            return due
        first = first or due
    return first


# How far ahead a day stated beside a task, not in it, can be its deadline.
_AHEAD = dt.timedelta(days=92)
# A sentence with a subject of its own is another task, someone else's or the same person's; one
# without ("Identify speakers by next call.") goes on with the task before it.
_SUBJECT = re.compile(r"\b(?:i|we|you|he|she|they|someone|somebody|everyone|everybody)\b", re.IGNORECASE)


# "Owner: Lee" then "Due: April 10" under a heading: a paragraph's field says when, as a list item's
# later sentence does.
_DUE_FIELD = re.compile(r"^\W*(?:due(?:\s+date)?|deadline)\s*:", re.IGNORECASE)


def due_beside(
    sentence: Sentence,
    meeting: Meeting,
    next_meeting: dt.date | None,
    events: dict[str, dt.date] | None = None,
    series: str = "",
) -> Due | None:
    """A deadline stated beside a list item's sentence rather than in it, for an item whose own
    sentence states none: in a later sentence of the same list item with no subject of its own
    ("ACTION: Jo to send the follow-up. Identify speakers by next call."), else in the list item it
    is nested under ("Chair for March 13th?" over "Al to find someone"); in a paragraph, only in a
    "Due:" field after it ("Owner: Lee" then "Due: April 10"). Only a day in the weeks
    after the meeting counts: "today" over a list is when it was said, and "on April 29th" in May
    (read as next year's) is the day a list is about, not a deadline."""
    item = meeting.blocks[sentence.block].kind is BlockKind.ITEM
    at = meeting.sentences.index(sentence) if sentence in meeting.sentences else len(meeting.sentences)
    later = [
        s.text
        for s in meeting.sentences[at + 1 :]
        if s.block == sentence.block and not _SUBJECT.search(s.text) and (item or _DUE_FIELD.match(s.text))
    ]
    parent = meeting.blocks[sentence.block].parent
    above = (
        [" ".join(line.text for line in meeting.blocks[parent].lines)] if parent is not None and item else []
    )
    for text in (*later, *above):
        due = due_in(text, meeting.date, next_meeting, events, series)
        if due is not None and due.date is not None and meeting.date < due.date <= meeting.date + _AHEAD:
            return Due(due.date, (0, 0))
    return None
