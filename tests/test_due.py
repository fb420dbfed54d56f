from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from bot.extract.due import due_in, events_in
from bot.extract.extractor import Extractor
from bot.notes.meeting import parse_note
from tests.conftest import TEAM

WEDNESDAY = dt.date(2026, 5, 6)
NEXT_CALL = dt.date(2026, 5, 20)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sam will fix it today.", WEDNESDAY),
        ("Sam will fix it tomorrow.", dt.date(2026, 5, 7)),
        ("Sam will fix it by Friday.", dt.date(2026, 5, 8)),
        ("Sam will fix it by next Monday.", dt.date(2026, 5, 11)),
        ("Sam will report back in the next call.", NEXT_CALL),
        ("Sam will do it before the next meeting.", NEXT_CALL),
        ("Sam will do it by the end of the week.", dt.date(2026, 5, 8)),
        ("Sam will do it by end of month.", dt.date(2026, 5, 31)),
        ("Sam will do it by 2026-06-01.", dt.date(2026, 6, 1)),
        ("Sam will do it by 3rd June.", dt.date(2026, 6, 3)),
        ("Sam will do it by June 3.", dt.date(2026, 6, 3)),
        ("Sam will do it in two weeks.", dt.date(2026, 5, 20)),
        ("Sam will do it next week.", dt.date(2026, 5, 13)),
        ("Sam will do it soon.", None),
    ],
)
def test_due_dates_relative_to_the_meeting(sentence: str, expected: dt.date | None) -> None:
    due = due_in(sentence, WEDNESDAY, NEXT_CALL)
    assert (due.date if due else None) == expected


def test_next_call_without_a_known_date_is_no_date() -> None:
    due = due_in("Sam will report back at the next call.", WEDNESDAY, None)
    assert due is not None and due.date is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sam will send the slides for next time.", NEXT_CALL),
        ("Sam will fix it after the call today.", WEDNESDAY),
        ("Sam will raise it at tomorrow's release call.", dt.date(2026, 5, 7)),
        ("Sam will hold the breakout next week at this time.", dt.date(2026, 5, 13)),
        ("Sam will book the room by end of week.", dt.date(2026, 5, 8)),
    ],
)
def test_phrases_minutes_use(sentence: str, expected: dt.date) -> None:
    due = due_in(sentence, WEDNESDAY, NEXT_CALL)
    assert due is not None and due.date == expected


def test_an_event_dated_in_the_note_is_a_due_date() -> None:
    events = events_in(
        ["FOSDEM is on 1st February 2027, the stand needs staff.", "PyCon US: May 14."], WEDNESDAY
    )
    assert events == {"fosdem": dt.date(2027, 2, 1), "pycon us": dt.date(2026, 5, 14)}
    due = due_in("Priya will print the stickers before FOSDEM.", WEDNESDAY, None, events)
    assert due is not None and due.date == dt.date(2027, 2, 1)
    assert due_in("Priya will print the stickers before Easter.", WEDNESDAY, None, events) is None


def test_next_call_without_an_announced_date_follows_the_cadence(nlp: Language) -> None:
    note = parse_note(
        "2026-05-06.md", "---\ndate: 2026-05-06\n---\n\nLee will review the budget by the next call.\n"
    )
    [item] = Extractor(nlp, TEAM, cadence_days=14).extract(note)
    assert item.due == dt.date(2026, 5, 20)
    [unknown] = Extractor(nlp, TEAM).extract(note)
    assert unknown.due is None
