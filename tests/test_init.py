"""`actionbot init` on a notes repository, as a new user runs it: the config it writes is valid and
names the people and cadence of the notes, and the state folder is kept out of git."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from bot import scaffold
from bot.config import load_config
from bot.notes.meeting import Meeting, parse_note
from tests.test_cli import EXAMPLES, actionbot


def test_init_writes_a_config_from_the_notes(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "notes", tmp_path / "minutes")
    (tmp_path / ".gitignore").write_text("*.pyc", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(
        ["git", "remote", "add", "origin", "git@github.com:moorhen/minutes.git"], cwd=tmp_path, check=True
    )
    run = actionbot("init", "minutes", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "wrote actionbot.yaml from 4 notes" in run.stdout
    config = load_config(tmp_path / "actionbot.yaml")
    people = {p.name: p for p in config.people}
    # Full names from some notes, first names from others: one person each.
    assert people["Margit Halvorsen"].aliases == ["Margit"]
    assert people["Rafael Quintero"].aliases == ["Rafa"]
    assert "Margit" not in people and "Tomasz Kowalczyk" in people
    assert config.notes.paths == ["minutes"]
    assert config.tracker.repo == "moorhen/minutes"
    assert (config.meetings.every_days, config.meetings.weekday) == (14, "wednesday")
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pyc\n.actionbot/\n"

    # The written config works as it is.
    extracted = actionbot("extract", "--json", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    assert '"name": "Margit Halvorsen"' in extracted.stdout

    # A second init keeps what the user has edited, unless told to overwrite it.
    again = actionbot("init", "minutes", cwd=tmp_path)
    assert again.returncode == 2 and "actionbot.yaml exists" in again.stderr
    forced = actionbot("init", "minutes", "--force", cwd=tmp_path)
    assert forced.returncode == 0
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8").count(".actionbot/") == 1


def note(date: str, attendees: str, body: str = "") -> Meeting:
    return parse_note(f"{date}.md", f"# Call {date}\n\nAttendees: {attendees}\n\n{body}\n")


def test_handles_become_logins_of_the_attendee_they_name() -> None:
    meetings = [
        note(
            "2026-05-06", "Priya Raman, Sam Okafor", "@priyar will rotate the key. @olga-k to check the logo."
        ),
        note("2026-05-13", "Priya, Sam"),
    ]
    found = {g.name: g for g in scaffold.people(meetings)}
    assert (found["Priya Raman"].github, found["Priya Raman"].aliases) == ("priyar", ["Priya"])
    assert found["olga-k"].github == "olga-k" and found["Sam Okafor"].github is None


def test_cadence_from_the_dates() -> None:
    weekly = [dt.date(2026, 5, 4) + dt.timedelta(days=7 * i) for i in range(5)]
    assert scaffold.cadence(weekly) == scaffold.Cadence(7, "monday")
    assert scaffold.cadence([dt.date(2026, 5, 4)]) == scaffold.Cadence(None, "monday")
    assert scaffold.cadence([]) == scaffold.Cadence(None, None)


def test_remote_urls() -> None:
    assert scaffold.repo_of_remote("https://github.com/team/notes.git\n") == "team/notes"
    assert scaffold.repo_of_remote("git@github.com:team/notes") == "team/notes"
    assert scaffold.repo_of_remote("https://gitlab.com/team/notes.git") is None


def test_attendee_lines_give_one_person_per_name() -> None:
    """Role lines right under the attendees are read on their own; remarks in brackets are dropped."""
    meetings = [
        parse_note(
            "2026-05-06.md",
            "# Call\n\nAttendees: Mei Chen, Tom Hughes, Ravi Shah (new contributor, welcome!)\n"
            "Notes: Mei\nApologies: Ana Reyes\nScribe: Lee Park\n\nTom will draft the plan.\n",
        ),
        note("2026-05-13", "Mei Chen and Tom Hughes\nNotes: Tom"),
    ]
    assert meetings[0].attendees[:3] == ("Mei Chen", "Tom Hughes", "Ravi Shah (new contributor, welcome!)")
    found = {g.name: g.aliases for g in scaffold.people(meetings)}
    assert found == {"Lee Park": [], "Mei Chen": ["Mei"], "Ravi Shah": [], "Tom Hughes": ["Tom"]}
