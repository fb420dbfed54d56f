"""The team's cadence read from its notes' dates when the config gives none (bot/notes/cadence.py),
and used wherever the config's would be: "by the next call" when a note announces no next
meeting, the next meeting of report and remind, and the config `actionbot init` writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot import scaffold
from bot.config import Config
from bot.followup.meetings import meeting_days_around, next_meeting
from bot.notes.cadence import every_days, inferred_every_days
from bot.notes.meeting import parse_note
from bot.pipeline import extract

UTC = dt.UTC


def dates(first: str, *gaps: int) -> list[dt.date]:
    """Meeting dates from `first`, each the given number of days after the one before."""
    held = [dt.date.fromisoformat(first)]
    for gap in gaps:
        held.append(held[-1] + dt.timedelta(days=gap))
    return held


def test_a_regular_series_gives_its_step() -> None:
    assert inferred_every_days(dates("2026-01-07", 14, 14, 14)) == 14
    assert inferred_every_days(dates("2026-01-05", 7, 7)) == 7


def test_a_skipped_meeting_or_a_note_not_kept_leaves_a_multiple_of_the_step() -> None:
    held = dates("2026-01-07", 14, 28, 14, 42, 14, 56)
    # In any order, and two notes of one day (two series, or a note and its addendum) count once.
    assert inferred_every_days([*reversed(held), held[2]]) == 14


def test_an_irregular_series_gives_no_guess() -> None:
    assert inferred_every_days(dates("2026-01-07", 3, 11, 5, 9, 6)) is None
    # The same gap twice, but most gaps are not multiples of it: meetings called when needed.
    assert inferred_every_days(dates("2026-01-07", 14, 9, 14, 10, 23)) is None
    # Monthly on a weekday ("the first Tuesday") is 28 or 35 days: no number of days says when.
    assert inferred_every_days(dates("2026-01-06", 28, 35, 28, 35, 28)) is None


def test_one_note_or_two_give_no_guess() -> None:
    assert inferred_every_days([]) is None
    assert inferred_every_days(dates("2026-01-07")) is None
    assert inferred_every_days(dates("2026-01-07", 14)) is None  # one gap says nothing of a rhythm
    assert inferred_every_days(dates("2026-01-07", 0, 0)) is None  # three notes of one meeting


def test_the_configs_cadence_wins_over_the_notes() -> None:
    regular = dates("2026-01-07", 14, 14, 14)
    assert every_days(7, regular) == 7
    assert every_days(None, regular) == 14
    assert every_days(None, regular[:1]) is None


def test_init_writes_the_cadence_only_when_the_notes_show_one() -> None:
    assert scaffold.cadence(dates("2026-01-07", 14, 28, 14)).every_days == 14
    assert scaffold.cadence(dates("2026-01-07", 3, 11, 5)).every_days is None


# -- where it is used ---------------------------------------------------------------------------

PEOPLE = [
    {"name": "Ines Varga", "github": "ivarga", "aliases": ["Ines"]},
    {"name": "Tobin Achterberg", "aliases": ["Tobin"]},
]


def note(day: str, body: str = "Tobin walked through the release checklist.") -> str:
    return f"---\ntitle: Release sync\ndate: {day}\n---\n\n## Release\n\n{body}\n"


def team(tmp_path: Path, **meetings: object) -> Config:
    return Config.model_validate(
        {
            "people": PEOPLE,
            "notes": {"paths": [str(tmp_path / "notes")]},
            "meetings": {"time": "15:00", "timezone": "UTC", **meetings},
        }
    )


PROMISE = "Ines will send the budget draft before the next call."


def write(tmp_path: Path, *days: str) -> list[str]:
    """A note for each day, the last with Ines's promise "before the next call"."""
    folder = tmp_path / "notes"
    folder.mkdir()
    for day in days:
        text = note(day, PROMISE) if day == days[-1] else note(day)
        (folder / f"{day}.md").write_text(text, encoding="utf-8")
    return [str(folder / f"{day}.md") for day in days]


def test_the_next_call_is_dated_by_the_cadence_the_notes_show(tmp_path: Path) -> None:
    paths = write(tmp_path, "2026-04-08", "2026-04-22", "2026-05-06")
    settings = team(tmp_path)
    [item] = extract(paths, settings, root=tmp_path).items
    assert item.due == dt.date(2026, 5, 20)
    # A sync of the changed note alone reads the same cadence from the team's other notes.
    [alone] = extract(paths[-1:], settings, root=tmp_path, others=paths).items
    assert alone.due == dt.date(2026, 5, 20)
    # Unsaid, the team's notes are those of notes.paths: the daemon's sync of a changed note too.
    [unsaid] = extract(paths[-1:], settings, root=tmp_path).items
    assert unsaid.due == dt.date(2026, 5, 20)
    # Only the note itself, and it shows no rhythm.
    [lone] = extract(paths[-1:], settings, root=tmp_path, others=[]).items
    assert lone.due is None
    # The config's cadence comes first.
    [weekly] = extract(paths, team(tmp_path, every_days=7), root=tmp_path).items
    assert weekly.due == dt.date(2026, 5, 13)


def test_irregular_notes_leave_the_next_call_undated(tmp_path: Path) -> None:
    paths = write(tmp_path, "2026-04-09", "2026-04-22", "2026-05-06")
    [item] = extract(paths, team(tmp_path), root=tmp_path).items
    assert item.due is None


def test_the_next_meeting_of_report_and_remind_follows_the_notes_cadence() -> None:
    held = [parse_note(f"{day}.md", note(day)) for day in ("2026-04-08", "2026-04-22", "2026-05-06")]
    schedule = Config.model_validate({"meetings": {"time": "15:00", "timezone": "UTC"}}).meetings
    found = next_meeting(held, schedule, dt.datetime(2026, 5, 25, tzinfo=UTC))
    assert found is not None and found.source == "cadence" and found.date == dt.date(2026, 6, 3)
    # --meeting names a day the team meets, and the nearest days when it does not.
    assert meeting_days_around(dt.date(2026, 5, 20), held, schedule) == [dt.date(2026, 5, 20)]
    assert meeting_days_around(dt.date(2026, 5, 21), held, schedule) == [
        dt.date(2026, 5, 20),
        dt.date(2026, 6, 3),
    ]
    # Two notes show no rhythm: no next meeting unless a note announces it.
    assert next_meeting(held[:2], schedule, dt.datetime(2026, 5, 25, tzinfo=UTC)) is None
