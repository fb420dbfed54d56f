"""Config values that used to crash a command or pass silently: each is one line naming the key and
its line in the file, or (a login written with its '@') is read as meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, parse_config
from tests import clibed
from tests.test_cli import EXAMPLES, actionbot


def error_of(text: str) -> str:
    with pytest.raises(ConfigError) as raised:
        parse_config(text, "actionbot.yaml")
    message = str(raised.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("meetings:\n  every_days: 100000000\n", "actionbot.yaml:2: meetings.every_days: "),
        ("reminders:\n  lead_hours: 1e12\n", "actionbot.yaml:2: reminders.lead_hours: "),
        ("people:\n  - {name: Lee, github: 'bad login!'}\n", "actionbot.yaml:2: people.0.github: "),
        ("people:\n  - {name: Lee, aliases: ['']}\n", "actionbot.yaml:2: people.0.aliases.0: "),
        ("people:\n  - {name: Lee, aliases: ['  ']}\n", "actionbot.yaml:2: people.0.aliases.0: "),
        ("people: []\nmeetings: {name: A}\npeople: [{name: Lee}]\n", "actionbot.yaml:3: people: "),
        (
            "tracker:\n  routes:\n    - {section: '(a+)+$', repo: team/web}\n",
            "actionbot.yaml:3: tracker.routes.0.section: ",
        ),
    ],
)
def test_a_value_that_would_crash_or_mislead_is_one_line(text: str, start: str) -> None:
    assert error_of(text).startswith(start)


def test_the_messages_say_what_to_write() -> None:
    assert "less than or equal to 366" in error_of("meetings:\n  every_days: 100000000\n")
    assert "given twice (first at line 1)" in error_of("people: []\npeople: [{name: Lee}]\n")
    assert "repeat inside a repeat" in error_of("tracker:\n  routes:\n    - {section: '(a+)+$', repo: a/b}\n")
    assert "not a GitHub login" in error_of("people:\n  - {name: Lee, github: 'bad login!'}\n")


def test_a_login_written_with_its_at_sign_is_the_login() -> None:
    config = parse_config("people:\n  - {name: Priya Raman, github: '@priyar'}\n", "actionbot.yaml")
    assert config.people[0].github == "priyar"
    assert config.roster.by_login("priyar") is not None


def test_a_state_dir_that_is_a_file_is_one_line_in_every_command(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    for note in EXAMPLES.joinpath("notes").iterdir():
        (tmp_path / "notes" / note.name).write_bytes(note.read_bytes())
    (tmp_path / "state").write_text("not a folder\n", encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text("tracker:\n  state_dir: state\n", encoding="utf-8")
    for command in (["sync", "notes"], ["report", "notes"], ["remind", "notes"], ["items"]):
        run = actionbot(*command, cwd=tmp_path)
        assert run.returncode == 2, (command, run.stderr)
        assert run.stderr.splitlines() == [
            "error: actionbot.yaml:2: tracker.state_dir: 'state' is a file: "
            "the bot keeps its state in a folder"
        ], command


@pytest.mark.parametrize("bad", ["ghp_abc\u201d", "ghp_a\u200bbc"])
def test_a_token_with_a_character_no_token_has_is_one_line(tmp_path: Path, bad: str) -> None:
    (tmp_path / "actionbot.yaml").write_text(
        f"tracker: {{kind: github, repo: team/notes, state_dir: {tmp_path / 'state'}}}\n", encoding="utf-8"
    )
    run = clibed.actionbot("items", cwd=tmp_path, env={"PATH": "/usr/bin:/bin", "GITHUB_TOKEN": bad})
    assert run.returncode == 1
    [line] = run.stderr.splitlines()
    assert line.startswith("error: $GITHUB_TOKEN holds a character no token has (U+")
    assert "ghp_" not in line
