from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from bot.extraction.due import due_in, due_phrase, events_in
from bot.extraction.extractor import Extractor
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
        ("Make issues for the checkpoints (due Mar.21)", dt.date(2027, 3, 21)),  # a deadline cell
        ("Sam will do it by Jun.3rd.", dt.date(2026, 6, 3)),
        ("Sam will do it in two weeks.", dt.date(2026, 5, 20)),
        ("Sam will send the slides for next time.", NEXT_CALL),
        ("Sam will fix it after the call today.", WEDNESDAY),
        ("Sam will raise it at tomorrow's release call.", dt.date(2026, 5, 7)),
        ("Sam will hold the breakout next week at this time.", dt.date(2026, 5, 13)),
        ("Sam will book the room by end of week.", dt.date(2026, 5, 8)),
        ("Noor send email after this call to confirm the venue rules.", WEDNESDAY),
        ("Ivo will return with an update on the mirror issue on 12May", dt.date(2026, 5, 12)),
        ("Kemal B: I can commit to attending May 20 meeting.", dt.date(2026, 5, 20)),
        ("Runa will hand over the treasurer role at the end of the year.", dt.date(2026, 12, 31)),
        ("FYI (Odile): prepping a release of libfoo (2.1.4) today/tomorrow", dt.date(2026, 5, 7)),
        ("skip the 13th, likely to re-start the week after (@Bastian to send)", dt.date(2026, 5, 13)),
        ("Ayo to run the breakout same time next week.", dt.date(2026, 5, 13)),
        ("Sam will do it soon.", None),
        ("Noor will confirm the venue by May 6th.", WEDNESDAY),
        ("Alex will send the survey this week (targeting tomorrow).", dt.date(2026, 5, 7)),
        ("Kaito will renew the domain by 10/15/2026.", dt.date(2026, 10, 15)),
        ("Kaito to file the report by 5/17", dt.date(2026, 5, 17)),
        ("Kaito to file the report by 17/5", dt.date(2026, 5, 17)),
        ("Kaito to file the report by 5/11", None),
        ("Kaito will fix it before 3.13 ships.", None),
        ("Lars to merge the PR after meeting.", WEDNESDAY),
        ("Lars will write it up after meeting the vendor.", None),
        ("Tobi emails all members to ask who stays on. Complete by EOY.", dt.date(2026, 12, 31)),
        ("Tobi will draft the EOY 2025 report.", None),
        ("JR to spin up slowly over next 2 weeks", dt.date(2026, 5, 20)),
        ("Volunteers to review the draft: Jo, Pat (2 weeks).", dt.date(2026, 5, 20)),
        ("Pat will review it within two weeks.", dt.date(2026, 5, 20)),
        ("Pat will be away for two weeks.", None),
        ("Ren to book the room for the workshop on the 9th June.", dt.date(2026, 6, 9)),
        ("Ren: attend the interop meeting (Target: June 7, 2026)", dt.date(2026, 6, 7)),
        ("Ren will send the form this week (target 2026-05-08)", dt.date(2026, 5, 8)),
        ("Ren: I'll try to do the poster tonight or tomorrow latest", dt.date(2026, 5, 7)),
        ("Kemal will demo it on Friday 22nd at 11.55am", dt.date(2026, 5, 22)),
        ("Kemal will present on Thursday 28th May", dt.date(2026, 5, 28)),
        ("Kemal will chair it on Thursday, the 4th June.", dt.date(2026, 6, 4)),
        ("Kemal will fix it by Friday, 2 working days at most", dt.date(2026, 5, 8)),
    ],
)
def test_due_dates_relative_to_the_meeting(sentence: str, expected: dt.date | None) -> None:
    due = due_in(sentence, WEDNESDAY, NEXT_CALL)
    assert (due.date if due else None) == expected


def test_next_call_without_a_known_date_is_no_date() -> None:
    due = due_in("Sam will report back at the next call.", WEDNESDAY, None)
    assert due is not None and due.date is None


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


@pytest.mark.parametrize(
    "sentence",
    [
        "Ines: go through the open PRs this week",
        "Will try to get some work done by next week.",
        "Wen will kick off the vote after 1st of the year.",
        "Ines will upload the May 5 meeting notes to the wiki.",
        "Ines will tag the release by Mar.2027.",
    ],
)
def test_a_phrase_that_names_no_day_gives_no_date(sentence: str) -> None:
    """Annotators count a due date only where the note gives or implies a day: "this week" and
    "next week" are stated, so a title leaves them out, but they fix no day."""
    due = due_in(sentence, WEDNESDAY, NEXT_CALL)
    assert due is None or due.date is None
    assert due_in("Hugo will vendor the 3rd party parser.", WEDNESDAY, NEXT_CALL) is None


def test_the_next_call_of_a_named_series_is_this_meetings_only_when_it_is_this_series() -> None:
    series = "2026-05-06 Meeting 2026-05-06-tac.md"
    ours = due_in("Identify speakers by next TAC call.", WEDNESDAY, NEXT_CALL, series=series)
    other = due_in("Present the budget at the next board meeting.", WEDNESDAY, NEXT_CALL, series=series)
    regular = due_in("Bring the numbers to the next regular call.", WEDNESDAY, NEXT_CALL, series=series)
    assert ours is not None and ours.date == NEXT_CALL
    assert other is not None and other.date is None
    assert regular is not None and regular.date == NEXT_CALL


def test_an_action_line_due_by_the_next_call_of_the_series_the_file_names(nlp: Language) -> None:
    note = parse_note(
        "2026-05-06-tac.md",
        "# 2026-05-06 Meeting\n\n"
        "* Town hall planning\n"
        "    * **ACTION**: Lee to line up the speakers by next TAC call.\n"
        "\nNext meeting: 20 May 2026\n",
    )
    [item] = Extractor(nlp, TEAM).extract(note)
    assert item.due == dt.date(2026, 5, 20)


def test_a_dated_meeting_stays_in_the_title() -> None:
    """ "Attend July 19 meeting" is about that meeting: its date is the due date and also the task."""
    sentence = "Kemal B: I can commit to attending May 20 meeting."
    due = due_in(sentence, WEDNESDAY, NEXT_CALL)
    assert due is not None and due.date == dt.date(2026, 5, 20)
    span = due_phrase(sentence)
    assert span is not None and span[0] == span[1]


def _dues(nlp: Language, body: str) -> dict[str, dt.date | None]:
    """Each item's due date by its first owner, read every other week from 2026-05-06."""
    note = parse_note("2026-05-06.md", f"---\ndate: 2026-05-06\n---\n\n{body}")
    return {item.owners[0].name: item.due for item in Extractor(nlp, TEAM, cadence_days=14).extract(note)}


def test_a_deadline_later_in_the_list_item_is_the_due_date_of_its_task(nlp: Language) -> None:
    """ "ACTION: Lee to ... Line up the speakers by next call.": a sentence with no subject of its
    own goes on with the task before it, and so does its deadline; one with a subject is a task
    of its own."""
    dues = _dues(
        nlp,
        "* Town hall\n"
        "    * **ACTION**: Lee to send the invitations to the chairs. Line up the speakers by next call.\n"
        "* Priya will add a standing agenda item for the release.\n"
        "Depending on the call, she may also keep a list for reviewing next time.\n",
    )
    assert dues["Lee Chen"] == dt.date(2026, 5, 20)
    assert dues["Priya Raman"] is None


def test_a_day_the_parent_list_item_names_is_the_due_date_of_the_tasks_under_it(nlp: Language) -> None:
    dues = _dues(
        nlp,
        "- Chair for May 27th?\n"
        "    - Dana to find someone on the mailing list.\n"
        "- Left over from the call on April 29th\n"
        "    - Lee to tidy the wiki page.\n",
    )
    assert dues["Dana Whitfield"] == dt.date(2026, 5, 27)
    assert dues["Lee Chen"] is None  # a day past is what the list is about, not a deadline


def test_a_due_column_in_weeks_counts_from_the_meeting(nlp: Language) -> None:
    dues = _dues(
        nlp,
        "| Who | Task | Due |\n|---|---|---|\n"
        "| Lee Chen | Set up the staging box | 1 week |\n"
        "| Dana Whitfield | Upload the QC files | Two weeks |\n",
    )
    assert dues == {"Lee Chen": dt.date(2026, 5, 13), "Dana Whitfield": dt.date(2026, 5, 20)}
