"""What used to go without a word: promises nested deep in lists or quotes, unreadable notes in
`remind`, and a checklist that failed after a sync that did not."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from bot.commands.run import Daemon
from bot.config import Config
from tests import clibed
from tests.mailbed import webhook_server

HEAD = "---\ntitle: Sync\ndate: 2026-05-06\n---\n\n"
LISTS = (
    HEAD
    + "".join("  " * i + f"- topic {i}\n" for i in range(12))
    + "  " * 12
    + "- Priya will rotate the key.\n"
)
QUOTES = HEAD + ">" * 21 + " Sam will update the changelog.\n"
CONFIG = "people:\n  - {name: Priya Raman, aliases: [Priya]}\n  - {name: Sam Okafor, aliases: [Sam]}\n"


def notes_folder(tmp_path: Path, **notes: str) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, text in notes.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(CONFIG + f"tracker: {{state_dir: {tmp_path / 'state'}}}\n")
    return folder


def test_promises_nested_12_lists_or_21_quotes_deep_are_read(tmp_path: Path) -> None:
    notes_folder(tmp_path, **{"2026-05-06": LISTS, "2026-05-07": QUOTES.replace("05-06", "05-07")})
    run = clibed.actionbot("extract", "notes", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert [i["task"] for i in json.loads(run.stdout)] == ["Rotate the key", "Update the changelog"]


def test_a_note_nested_deeper_than_is_read_says_so_and_the_others_are_read(tmp_path: Path) -> None:
    deep = HEAD + "\n" + ">" * 150 + " Priya will rotate the key.\n"
    notes_folder(tmp_path, **{"2026-05-06": deep, "2026-05-07": QUOTES.replace("05-06", "05-07")})
    run = clibed.actionbot("extract", "notes", "--json", cwd=tmp_path)
    assert run.returncode == 1
    assert [i["task"] for i in json.loads(run.stdout)] == ["Update the changelog"]
    assert run.stderr.splitlines() == [
        "error: notes/2026-05-06.md:7: nested more than 50 lists or quotes deep, which is not read"
    ]


def test_remind_exits_1_when_a_note_cannot_be_read(tmp_path: Path) -> None:
    folder = notes_folder(tmp_path, **{"2026-05-07": QUOTES.replace("05-06", "05-07")})
    (folder / "2026-05-06.md").write_bytes(b"\x00binary")
    run = clibed.actionbot("remind", "notes", "--now", "2026-05-08T12:00:00+00:00", cwd=tmp_path)
    assert run.returncode == 1
    assert "error: notes/2026-05-06.md:1: binary file (NUL byte), not a note" in run.stderr


def test_a_failed_checklist_after_a_good_sync_is_not_a_failed_sync(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    note = QUOTES + "\nThe next call is scheduled for **20th May**.\n"
    notes_folder(tmp_path, **{"2026-05-06": note})
    with webhook_server() as hooks:
        config = Config.model_validate(
            {
                "people": [{"name": "Sam Okafor", "aliases": ["Sam"]}],
                "tracker": {"state_dir": str(tmp_path / "state")},
                "reminders": {"notify": [hooks.url()]},
            }
        )
        clock = dt.datetime(2026, 5, 6, 18, tzinfo=dt.UTC)
        daemon = Daemon(config, [str(tmp_path / "notes")], tmp_path, clock=lambda: clock)
        caplog.set_level(logging.INFO, logger="actionbot")
        hooks.failures_left = 1
        daemon._guarded(daemon.sync_changed, "sync")
        assert "synced 1 notes" in caplog.text and "sync failed" not in caplog.text
        assert "follow-up failed, will try again at the next poll" in caplog.text and hooks.hooks == []
        # The next poll has no new notes, yet sends the checklist that is still owed, once.
        daemon._guarded(daemon.sync_changed, "sync")
        daemon._guarded(daemon.sync_changed, "sync")
        assert len(hooks.hooks) == 1
