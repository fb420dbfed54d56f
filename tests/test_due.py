from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.due import due_in

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
