"""Closing the loop, with a frozen clock: reminders' window, one agenda per meeting, the follow-up
report across meetings, and writing the checklist into a note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.commands import sync
from bot.commands.remind import remind
from bot.commands.status import follow_up
from bot.config import Config, MeetingsConfig
from bot.followup import checklist
from bot.followup.meetings import next_meeting, reminder_due
from bot.issues import NewIssue
from bot.notes.botblocks import write_into
from bot.notes.formats import MARKDOWN
from bot.notes.meeting import parse_note
from bot.pipeline import extract
from bot.trackers.local import LocalTracker
from bot.wiring import make_tracker
from tests import clibed
from tests.conftest import ROOT

PEOPLE = [
    {"name": "Priya Raman", "github": "priyar", "aliases": ["Priya"]},
    {"name": "Samuel Okafor", "github": "sokafor", "aliases": ["Sam"]},
    {"name": "Lee Chen", "github": "leechen", "aliases": ["Lee"]},
]
FIRST = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by 2026-05-10.

Sam to update the changelog.

Lee will write the FAQ.

The next call is scheduled for **20th May**.
"""
SECOND = """---
title: Sync
date: 2026-05-20
---

## Build

Lee has not had a chance to look at the FAQ yet.

The next call is scheduled for **3rd June**.
"""
THIRD = """---
title: Sync
date: 2026-06-03
---

## Docs

Sam merged the changelog update, it is done.

The next call is scheduled for **17th June**.
"""
UTC = dt.UTC


def meeting(date: str, text: str) -> object:
    return parse_note(f"{date}.md", text)


def config(tmp_path: Path, **meetings: object) -> Config:
    return Config.model_validate(
        {
            "people": PEOPLE,
            "tracker": {"state_dir": str(tmp_path / "state"), "repo": "team/notes"},
            "meetings": {"time": "16:00", "timezone": "Europe/London", **meetings},
        }
    )


def write_notes(tmp_path: Path, *texts: tuple[str, str]) -> list[str]:
    folder = tmp_path / "notes"
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in texts:
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


# -- when the next meeting is ---------------------------------------------------------------------


def test_next_meeting_from_the_latest_note_in_its_time_zone() -> None:
    notes = [parse_note("a.md", FIRST)]
    found = next_meeting(
        notes, MeetingsConfig(timezone="Europe/London"), dt.datetime(2026, 5, 10, tzinfo=UTC)
    )
    assert found is not None and found.source == "notes"
    assert found.start == dt.datetime(2026, 5, 20, 16, 0, tzinfo=ZoneInfo("Europe/London"))
    assert found.start.astimezone(UTC).hour == 15  # British Summer Time


def test_next_meeting_from_the_cadence_when_notes_say_nothing() -> None:
    notes = [parse_note("a.md", FIRST.replace("The next call is scheduled for **20th May**.", ""))]
    cadence = MeetingsConfig(every_days=14, weekday="wednesday")
    found = next_meeting(notes, cadence, dt.datetime(2026, 6, 1, tzinfo=UTC))
    assert found is not None and found.source == "cadence" and found.date == dt.date(2026, 6, 3)
    assert next_meeting(notes, MeetingsConfig(), dt.datetime(2026, 6, 1, tzinfo=UTC)) is None


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (dt.datetime(2026, 5, 19, 14, 59, tzinfo=UTC), False),  # 24h 1m before 15:00 UTC
        (dt.datetime(2026, 5, 19, 15, 0, tzinfo=UTC), True),  # exactly the lead time before
        (dt.datetime(2026, 5, 20, 14, 59, tzinfo=UTC), True),
        (dt.datetime(2026, 5, 20, 15, 0, tzinfo=UTC), False),  # the meeting has started
    ],
)
def test_lead_time_window(now: dt.datetime, due: bool) -> None:
    upcoming = next_meeting([parse_note("a.md", FIRST)], MeetingsConfig(timezone="Europe/London"), now)
    assert upcoming is not None and reminder_due(upcoming, now, dt.timedelta(hours=24)) is due


# -- the agenda reminder --------------------------------------------------------------------------


def test_one_agenda_issue_per_meeting(tmp_path: Path) -> None:
    settings = config(tmp_path)
    paths = write_notes(tmp_path, ("2026-05-06.md", FIRST))
    extraction = extract(paths, settings)
    tracker = make_tracker(settings)
    assert isinstance(tracker, LocalTracker)
    early = remind(settings, extraction, tracker, dt.datetime(2026, 5, 18, 12, tzinfo=UTC), tmp_path, False)
    assert early.outcome == "not due" and tracker.all_issues() == []
    first = remind(settings, extraction, tracker, dt.datetime(2026, 5, 19, 18, tzinfo=UTC), tmp_path, False)
    assert first.outcome == "created" and first.issue is not None
    assert first.issue.title == "Agenda: team meeting on 2026-05-20"
    assert "Wednesday 20 May 2026 at 16:00 BST (15:00 UTC)" in first.body
    assert "Rotate the signing key" in first.body and "label an issue `agenda`" in first.body
    again = remind(settings, extraction, tracker, dt.datetime(2026, 5, 20, 9, tzinfo=UTC), tmp_path, False)
    assert (
        again.outcome == "unchanged" and again.issue is not None and again.issue.number == first.issue.number
    )
    # Something changes before the meeting: the same issue is refreshed, never a second one.
    proposal = tracker.create_issue(NewIssue("team/notes", "Talk about CI", "", ("agenda",)))
    refreshed = remind(
        settings, extraction, tracker, dt.datetime(2026, 5, 20, 10, tzinfo=UTC), tmp_path, False
    )
    assert refreshed.outcome == "updated" and refreshed.issue is not None
    assert (
        refreshed.issue.number == first.issue.number
        and f"Talk about CI ([#{proposal.number}]" in refreshed.body
    )
    after = remind(settings, extraction, tracker, dt.datetime(2026, 5, 20, 17, tzinfo=UTC), tmp_path, False)
    assert after.outcome in ("not due", "no meeting") and after.issue is None  # the meeting has begun
    agendas = [i for i in tracker.all_issues() if i.title.startswith("Agenda:")]
    assert len(agendas) == 1


# -- the follow-up report -------------------------------------------------------------------------


def test_report_across_three_meetings(tmp_path: Path) -> None:
    settings = config(tmp_path)
    paths = write_notes(
        tmp_path, ("2026-05-06.md", FIRST), ("2026-05-20.md", SECOND), ("2026-06-03.md", THIRD)
    )
    extraction = extract(paths, settings)
    sync.run(settings, extraction, dry_run=False, root=tmp_path)
    database = tmp_path / "state" / "tracker.sqlite"
    tracker = LocalTracker(database)
    issues = {i.title.split(" (")[0]: i for i in tracker.all_issues()}
    # Priya's key is closed between the first two meetings; Sam's changelog after the third.
    LocalTracker(database, now=dt.datetime(2026, 5, 12, tzinfo=UTC)).close(
        issues["Rotate the signing key"], "completed"
    )
    LocalTracker(database, now=dt.datetime(2026, 6, 5, tzinfo=UTC)).close(
        issues["Update the changelog"], "completed"
    )
    report = follow_up(settings, extraction, tracker, dt.date(2026, 6, 17), tmp_path)
    by_task = {s.item.task: s for s in report.statuses}
    assert report.previous == dt.date(2026, 6, 3)
    assert "Rotate the signing key" not in by_task  # closed before the previous meeting: reported already
    lee = by_task["Write the FAQ"]
    assert not lee.closed and lee.carried_over == 2 and not lee.overdue
    assert [p.text for p in lee.progress] == ["Lee has not had a chance to look at the FAQ yet."]
    sam = by_task["Update the changelog"]
    assert sam.closed and sam.carried_over == 2 and sam.reported_done
    text = checklist.markdown(report)
    assert "- [x] Update the changelog" in text and "- [ ] Write the FAQ" in text
    assert "carried over 2 meetings" in text
    # Reported for the 2026-05-20 meeting instead: the key was still due before it and is overdue.
    earlier = follow_up(settings, extraction, tracker, dt.date(2026, 5, 20), tmp_path)
    key = next(s for s in earlier.statuses if s.item.task == "Rotate the signing key")
    assert key.closed  # closed on 2026-05-12, after the 2026-05-06 meeting: still shown once
    tracker.reopen(issues["Rotate the signing key"])
    reopened = follow_up(settings, extraction, tracker, dt.date(2026, 5, 20), tmp_path)
    key = next(s for s in reopened.statuses if s.item.task == "Rotate the signing key")
    assert key.overdue and "**overdue**" in checklist.markdown(reopened)


RAISED_AGAIN = """---
title: Sync
date: 2026-05-20
---

## Build

Priya will rotate the signing key by 2026-05-28.

The next call is scheduled for **3rd June**.
"""


def test_a_promise_made_again_takes_its_new_due_date(tmp_path: Path) -> None:
    settings = config(tmp_path)
    paths = write_notes(tmp_path, ("2026-05-06.md", FIRST), ("2026-05-20.md", RAISED_AGAIN))
    extraction = extract(paths, settings)
    sync.run(settings, extraction, dry_run=False, root=tmp_path)
    tracker = LocalTracker(tmp_path / "state" / "tracker.sqlite")
    report = follow_up(settings, extraction, tracker, dt.date(2026, 6, 3), tmp_path)
    [key] = [s for s in report.statuses if s.item.task == "Rotate the signing key"]
    assert key.item.due == dt.date(2026, 5, 10) and key.due == dt.date(2026, 5, 28)
    assert "· due 2026-05-28" in checklist.markdown(report)
    listed = {i["task"]: i for i in checklist.as_json(report)["items"]}
    assert listed["Rotate the signing key"]["due"] == "2026-05-28"


@pytest.mark.parametrize(
    ("now", "label"),
    [
        (dt.datetime(2026, 5, 27, 22, 30, tzinfo=UTC), "· due before the meeting"),  # 23:30 in London
        (dt.datetime(2026, 5, 28, 23, 30, tzinfo=UTC), "· **overdue**"),  # the 29th in London
    ],
)
def test_overdue_is_due_before_today_and_due_before_the_meeting_is_its_own_label(
    tmp_path: Path, now: dt.datetime, label: str
) -> None:
    settings = config(tmp_path)
    paths = write_notes(tmp_path, ("2026-05-06.md", FIRST), ("2026-05-20.md", RAISED_AGAIN))
    extraction = extract(paths, settings)
    sync.run(settings, extraction, dry_run=False, root=tmp_path)
    tracker = LocalTracker(tmp_path / "state" / "tracker.sqlite")
    report = follow_up(settings, extraction, tracker, dt.date(2026, 6, 3), tmp_path, now)
    [line] = [x for x in checklist.markdown(report).splitlines() if "Rotate the signing key" in x]
    other = "· **overdue**" if "overdue" not in label else "· due before the meeting"
    assert label in line and other not in line, line
    [key] = [s for s in report.statuses if s.item.task == "Rotate the signing key"]
    assert key.overdue == ("overdue" in label) and key.due_before_meeting == ("overdue" not in label)


# -- writing the checklist into a note ------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_write_into_changes_only_the_section(newline: str) -> None:
    note = "# Sync 2026-05-20" + newline + newline + "Agenda: CI." + newline + "  trailing spaces  " + newline
    markers = MARKDOWN.block
    first = write_into(note, "### Follow-up\n\n- [ ] one\n", markers)
    assert first.startswith(note)
    assert first.count(markers.begin) == 1 and newline + "- [ ] one" + newline in first
    again = write_into(first, "### Follow-up\n\n- [ ] one\n", markers)
    assert again == first
    changed = write_into(first, "### Follow-up\n\n- [x] one\n", markers)
    head, tail = first.split(markers.begin)
    assert changed.startswith(head) and changed.endswith(tail.split(markers.end)[1])
    assert "- [x] one" in changed and "- [ ] one" not in changed
    edited = changed.replace("Agenda: CI.", "Agenda: CI and docs.")
    assert write_into(edited, "### Follow-up\n\n- [x] one\n", markers) == edited


def test_report_command_writes_into_the_next_note(tmp_path: Path) -> None:

    write_notes(tmp_path, ("2026-05-06.md", FIRST))
    (tmp_path / "actionbot.yaml").write_text(
        "people:\n  - {name: Lee Chen, github: leechen, aliases: [Lee]}\n"
        "  - {name: Sam Okafor, aliases: [Sam]}\n  - {name: Priya Raman, aliases: [Priya]}\n"
        "notes: {paths: [notes]}\n",
        encoding="utf-8",
    )
    upcoming = tmp_path / "notes" / "2026-05-20.md"
    original = b"---\r\ntitle: Sync\r\ndate: 2026-05-20\r\n---\r\n\r\nAgenda:  CI \r\n"
    upcoming.write_bytes(original)

    def actionbot(*args: str) -> clibed.Ran:
        return clibed.actionbot(*args, cwd=tmp_path)

    assert actionbot("sync").returncode == 0
    run = actionbot("report", "--meeting", "notes/2026-05-20.md", "--write-into", "notes/2026-05-20.md")
    assert run.returncode == 0, run.stderr
    assert "- [ ] Write the FAQ" in run.stdout
    written = upcoming.read_bytes()
    assert written.startswith(original) and written.count(b"actionbot:follow-up begin") == 1
    assert b"\r\n- [ ] Write the FAQ" in written
    again = actionbot("report", "--meeting", "2026-05-20", "--write-into", "notes/2026-05-20.md")
    assert again.returncode == 0 and upcoming.read_bytes() == written
    as_json = actionbot("report", "--meeting", "2026-05-20", "--format", "json")
    assert '"carried_over": 0' in as_json.stdout and '"state": "open"' in as_json.stdout


@pytest.mark.parametrize("name", ["2026-05-20.md", "2026-05-20.rst"])
def test_a_checklist_written_into_a_note_is_never_read_as_the_meeting(tmp_path: Path, name: str) -> None:
    import json

    # The checklist will quote a task naming someone, and a later note's progress line.
    first = FIRST.replace(
        "Lee will write the FAQ.", "Lee will write the FAQ.\n\nSam will ask Priya about the logo."
    )
    progress = "---\ndate: 2026-05-13\n---\n\n## Build\n\nLee looked at the FAQ draft.\n"
    write_notes(tmp_path, ("2026-05-06.md", first), ("2026-05-13.md", progress))
    (tmp_path / "actionbot.yaml").write_text(
        "people:\n  - {name: Lee Chen, github: leechen, aliases: [Lee]}\n"
        "  - {name: Sam Okafor, aliases: [Sam]}\n  - {name: Priya Raman, aliases: [Priya]}\n"
        "notes: {paths: [notes]}\n",
        encoding="utf-8",
    )
    upcoming = tmp_path / "notes" / name
    heading = "Sync\n====\n\n:date: 2026-05-20\n\n" if name.endswith(".rst") else "# Sync 2026-05-20\n\n"
    upcoming.write_text(heading + "Sam will order the stickers.\n", encoding="utf-8")

    def actionbot(*args: str) -> clibed.Ran:
        return clibed.actionbot(*args, cwd=tmp_path)

    before = json.loads(actionbot("extract", f"notes/{name}", "--json").stdout)
    assert actionbot("sync").returncode == 0
    run = actionbot("report", "--meeting", "2026-05-20", "--write-into", f"notes/{name}")
    assert run.returncode == 0, run.stderr
    written = upcoming.read_text(encoding="utf-8")
    assert "Ask Priya about the logo" in written and "Lee looked at the FAQ draft" in written
    after = json.loads(actionbot("extract", f"notes/{name}", "--json").stdout)
    assert [i["task"] for i in after] == [i["task"] for i in before] == ["Order the stickers"]
    again = actionbot("sync", "--json")
    assert again.returncode == 0, again.stderr
    assert {step["action"] for step in json.loads(again.stdout)["plan"]} == {"skip"}


def test_write_into_a_note_that_does_not_exist_is_refused(tmp_path: Path) -> None:

    write_notes(tmp_path, ("2026-05-06.md", FIRST))
    (tmp_path / "actionbot.yaml").write_text(
        "people:\n  - {name: Lee Chen, aliases: [Lee]}\ntracker: {kind: local}\nnotes: {paths: [notes]}\n",
        encoding="utf-8",
    )
    run = clibed.actionbot("report", "--write-into", "notes/nope.md", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        "error: --write-into notes/nope.md: no such note (it writes into an existing note only)"
    ]
    assert not (tmp_path / "notes" / "nope.md").exists()


def test_the_report_is_for_the_meeting_the_latest_note_announces(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    command = ["report", "examples/notes", "-c", "examples/config.yaml"]
    # Long after the announced meeting ("The next call is scheduled for **1st April**"), whose
    # notes are not written yet: its follow-up is still the one to report, not "the day after".
    for now in ("2026-03-25T09:00:00", "2026-05-01T09:00:00"):
        run = clibed.actionbot(*command, "--now", now, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert run.stdout.splitlines()[0] == "### Follow-up of action items for the 2026-04-01 meeting"


def test_a_report_for_a_day_the_team_does_not_meet_is_refused(tmp_path: Path) -> None:
    write_notes(tmp_path, ("2026-05-06.md", FIRST), ("2026-05-20.md", SECOND))
    (tmp_path / "actionbot.yaml").write_text(
        "people: [{name: Lee Chen, aliases: [Lee]}]\nnotes: {paths: [notes]}\n"
        'meetings: {time: "16:00", timezone: Europe/London, every_days: 14}\n',
        encoding="utf-8",
    )
    wrong = clibed.actionbot("report", "--meeting", "2026-12-18", cwd=tmp_path)
    assert (wrong.returncode, wrong.stdout) == (2, "")
    assert wrong.stderr == (
        "error: --meeting 2026-12-18: the team does not meet that day (nearest: 2026-12-16 or 2026-12-30)\n"
    )
    # A note's meeting, the one the latest note announces, and one on the cadence are all fine.
    for day in ("2026-05-06", "2026-06-03", "2026-07-01"):
        assert clibed.actionbot("report", "--meeting", day, cwd=tmp_path).returncode == 0, day


def test_a_dry_run_before_the_lead_time_shows_what_would_be_sent_and_when(tmp_path: Path) -> None:
    write_notes(tmp_path, ("2026-05-06.md", FIRST))
    (tmp_path / "actionbot.yaml").write_text(
        "people: [{name: Lee Chen, github: leechen, aliases: [Lee]}]\nnotes: {paths: [notes]}\n"
        'meetings: {time: "16:00", timezone: UTC}\n'
        'reminders: {lead_hours: 24, notify: ["mailto://localhost:2525/?to=team@example.org"]}\n',
        encoding="utf-8",
    )
    run = clibed.actionbot("remind", "--dry-run", "--now", "2026-05-17T16:00:00+00:00", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == (
        "agenda for the meeting at 2026-05-20T16:00:00+00:00: not due until 2026-05-19 16:00 UTC "
        "(in 48 hours); then it would create"
    )
    assert lines[1] == "would send the agenda to mailto://localhost:2525/?to=team@example.org"
    assert "- [ ] Write the FAQ" in run.stdout
