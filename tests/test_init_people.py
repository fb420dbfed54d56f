"""The people `init` guesses: one person however the notes spell them, and a config that loads
whatever characters the notes and folders hold."""

from __future__ import annotations

from pathlib import Path

from bot import scaffold
from bot.config import load_config, parse_config
from tests.test_cli import actionbot
from tests.test_init import note


def test_one_person_however_the_notes_capitalise_them_or_their_handle() -> None:
    meetings = [
        note("2026-05-06", "Sam Smith, Priya Raman", "Ask @priyar about it."),
        note("2026-05-20", "sam smith, Priya Raman, Sam Smith", "Ask @Priyar about it."),
        note("2026-06-03", "@priyar, @Priyar, Dana"),
    ]
    found = {(p.name, p.github) for p in scaffold.people(meetings)}
    assert found == {("Sam Smith", None), ("Priya Raman", "priyar"), ("Dana", None)}


def test_a_handle_alone_on_the_attendee_line_is_a_login() -> None:
    meetings = [note("2026-05-06", "@dwhit, @DWhit, Priya Raman")]
    found = {(p.name, p.github) for p in scaffold.people(meetings)}
    assert found == {("dwhit", "dwhit"), ("Priya Raman", None)}


def test_the_config_loads_whatever_characters_names_and_folders_hold(tmp_path: Path) -> None:
    folder = tmp_path / "notes\x80\u200b"
    folder.mkdir()
    (folder / "2026-05-06.md").write_text(
        "# Call 2026-05-06\n\nAttendees: Dana\x85 Whit\u2028field, José Núñez\n\nJosé will write it.\n",
        encoding="utf-8",
    )
    run = actionbot("init", folder.name, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    config = load_config(tmp_path / "actionbot.yaml")
    assert config.notes.paths == [folder.name]
    assert "José Núñez" in {p.name for p in config.people}
    text = (tmp_path / "actionbot.yaml").read_text(encoding="utf-8")
    assert "José Núñez" in text  # readable where it can be: only what YAML refuses is escaped
    assert parse_config(text, "actionbot.yaml").people == config.people
