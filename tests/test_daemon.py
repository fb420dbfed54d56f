"""`actionbot run`: polling sync, guarded jobs, and a clean stop on a signal mid-wait."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bot.commands.run import Daemon
from bot.config import Config
from bot.trackers.local import LocalTracker

NOTE = "---\ndate: {date}\n---\n\n## Build\n\nPriya will rotate the key.\n\nSam to update the changelog.\n"
PEOPLE = [{"name": "Priya Raman", "aliases": ["Priya"]}, {"name": "Sam Okafor", "aliases": ["Sam"]}]


def settings(tmp_path: Path, **tracker: object) -> Config:
    return Config.model_validate(
        {
            "people": PEOPLE,
            "notes": {"paths": [str(tmp_path / "notes")]},
            "tracker": {"state_dir": str(tmp_path / "state"), **tracker},
            "daemon": {"poll_minutes": 0.02, "remind_minutes": 0.02},
        }
    )


def issues(tmp_path: Path) -> int:
    return len(LocalTracker(tmp_path / "state" / "tracker.sqlite").all_issues())


def test_polling_syncs_new_and_changed_notes_only(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(NOTE.format(date="2026-05-06"))
    daemon = Daemon(settings(tmp_path), [str(tmp_path / "notes")], tmp_path)
    caplog.set_level(logging.INFO, logger="actionbot")
    daemon.sync_changed()
    assert issues(tmp_path) == 2
    daemon.sync_changed()
    assert "no new or changed notes" in caplog.text
    (tmp_path / "notes" / "2026-05-20.md").write_text(NOTE.format(date="2026-05-20").replace("Sam", "Priya"))
    daemon.sync_changed()
    assert "synced 1 notes" in caplog.text and issues(tmp_path) == 3


def test_a_failing_job_is_logged_and_the_loop_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(NOTE.format(date="2026-05-06"))
    # A GitHub tracker without its token: every sync fails until someone sets it.
    config = settings(tmp_path, kind="github", repo="team/notes", token_env="ACTIONBOT_UNSET_TOKEN")
    daemon = Daemon(config, [str(tmp_path / "notes")], tmp_path)
    caplog.set_level(logging.INFO, logger="actionbot")
    runner = threading.Thread(target=daemon.loop)
    runner.start()
    deadline = time.monotonic() + 20
    while caplog.text.count("sync failed") < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    daemon.stop()
    runner.join(timeout=5)
    assert not runner.is_alive()
    assert caplog.text.count("sync failed, will try again at its next time") >= 2
    assert "stopped" in caplog.text


@pytest.mark.slow
def test_sigterm_stops_the_daemon_in_the_middle_of_a_wait(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(NOTE.format(date="2026-05-06"))
    config = tmp_path / "actionbot.yaml"
    config.write_text(
        "people:\n  - {name: Priya Raman, aliases: [Priya]}\n"
        f"tracker: {{state_dir: {tmp_path / 'state'}}}\n"
        "daemon: {poll_minutes: 60, remind_minutes: 60}\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", str(tmp_path / "notes"), "--config", str(config)],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    lines: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        lines.append(line)
        if "reminder:" in line:  # both first runs are done: the daemon now waits an hour
            break
    time.sleep(0.3)
    process.send_signal(signal.SIGTERM)
    # Its next job is an hour away: ending within a minute means it stopped at once, not at the job.
    _, rest = process.communicate(timeout=60)
    assert process.returncode == 0
    log = "".join(lines) + rest
    assert "received SIGTERM, stopping" in log and log.rstrip().endswith("stopped")
    assert issues(tmp_path) == 1


def test_the_log_names_the_issues_and_when_the_next_reminder_is_due(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import datetime as dt

    (tmp_path / "notes").mkdir()
    note = NOTE.format(date="2026-05-06") + "\nThe next call is scheduled for **20th May**.\n"
    (tmp_path / "notes" / "2026-05-06.md").write_text(note)
    config = settings(tmp_path).model_copy(
        update={"meetings": Config.model_validate({"meetings": {"timezone": "Europe/London"}}).meetings}
    )
    clock = [dt.datetime(2026, 5, 18, 12, tzinfo=dt.UTC)]
    daemon = Daemon(config, [str(tmp_path / "notes")], tmp_path, clock=lambda: clock[0])
    caplog.set_level(logging.INFO, logger="actionbot")
    daemon.sync_changed()
    assert "2 issues created (local/notes#1, local/notes#2), 0 updated" in caplog.text
    daemon.remind()
    assert "agenda for the meeting at 2026-05-20T16:00:00+01:00: not due" in caplog.text
    assert "next reminder due 2026-05-19 16:00 BST (in 27 hours)" in caplog.text
    clock[0] = dt.datetime(2026, 5, 19, 17, tzinfo=dt.UTC)
    daemon.remind()
    assert "agenda for the meeting at 2026-05-20T16:00:00+01:00: created local/notes#3" in caplog.text


def test_new_minutes_send_the_checklist_to_the_channels_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import datetime as dt

    from tests.mailbed import webhook_server

    (tmp_path / "notes").mkdir()
    note = NOTE.format(date="2026-05-06") + "\nThe next call is scheduled for **20th May**.\n"
    (tmp_path / "notes" / "2026-05-06.md").write_text(note)
    with webhook_server() as hooks:
        config = Config.model_validate(
            {**settings(tmp_path).model_dump(), "reminders": {"notify": [hooks.url()]}}
        )
        clock = dt.datetime(2026, 5, 6, 18, tzinfo=dt.UTC)
        daemon = Daemon(config, [str(tmp_path / "notes")], tmp_path, clock=lambda: clock)
        caplog.set_level(logging.INFO, logger="actionbot")
        daemon.sync_changed()
        [hook] = hooks.hooks
        assert hook.body["title"] == "Follow-up of action items for the team meeting on 2026-05-20"
        assert "Rotate the key" in hook.body["message"]
        assert f"follow-up: sent the checklist to {hooks.url()}" in caplog.text
        # The note is edited: synced again, but the checklist for that meeting is not sent twice.
        (tmp_path / "notes" / "2026-05-06.md").write_text(note + "\nLee joined late.\n")
        daemon.sync_changed()
        assert len(hooks.hooks) == 1
