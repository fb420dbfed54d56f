"""Who the bot is: never guessed. Its issues are those its login opened, so a wrong guess reads none
of them and opens every item again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.issues import TrackerError
from bot.syncplan.apply import SyncResult
from tests import syncbed
from tests.github_emulator import GitHubEmulator

APP = "notes-bot"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(syncbed.FIVE_ITEMS, encoding="utf-8")
    return tmp_path


def run(emu: GitHubEmulator, root: Path, **tracker: Any) -> SyncResult:
    config = syncbed.make_config(emu, root / "state", **tracker)
    return syncbed.sync(emu, config, syncbed.extract(config, root / "notes"), root=root)


def in_actions(monkeypatch: pytest.MonkeyPatch, job_token: str | None) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    if job_token is not None:
        monkeypatch.setenv("ACTIONBOT_JOB_TOKEN", job_token)


def app_emulator() -> GitHubEmulator:
    """An emulator whose bot token is an app installation's: GET /user answers 403."""
    emu = GitHubEmulator(token="ghs_app_installation_token").start()
    emu.state.tokens.pop(emu.token)  # the token belongs to the app, not to the default user
    emu.add_app(APP, token=emu.token)
    emu.login = f"{APP}[bot]"
    syncbed.add_notes_repo(emu)
    return emu


def test_tracker_login_is_used_without_asking(notes: Path) -> None:
    emu = app_emulator()
    try:
        assert run(emu, notes, login=f"{APP}[bot]").created == 5
        emu.reset_log()
        assert run(emu, notes, login=f"{APP}[bot]").error is None
        assert emu.writes() == [] and not any(r.canonical_path == "/user" for r in emu.requests)
        assert {i.user.login for i in emu.issues(syncbed.REPO)} == {f"{APP}[bot]"}
    finally:
        emu.stop()
    emu.assert_healthy()


@pytest.mark.parametrize("failure", ["403 for an app's token", "502"])
def test_when_github_will_not_say_who_the_bot_is_the_sync_stops(
    notes: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    emu = app_emulator()
    try:
        assert run(emu, notes, login=f"{APP}[bot]").created == 5  # the app's issues, as configured
        in_actions(monkeypatch, job_token="ghs_the_jobs_own_token")  # another token: the job's own
        if failure == "502":
            emu.state.users[f"{APP}[bot]".lower()].installation = False
            emu.inject("502", path="/user", times=None)
        emu.reset_log()
        with pytest.raises(TrackerError) as stopped:
            run(emu, notes, retries=1)
        message = str(stopped.value)
        assert "tracker.login" in message and "\n" not in message and emu.token not in message
        assert emu.writes() == []
        assert len(emu.issues(syncbed.REPO)) == 5
    finally:
        emu.stop()
    emu.assert_healthy()


def test_the_jobs_own_token_writes_as_github_actions(notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    emu = GitHubEmulator(token="ghs_job_token").start()
    try:
        emu.state.tokens.pop(emu.token)
        emu.state.add_app("github-actions", token=emu.token)
        emu.login = "github-actions[bot]"
        syncbed.add_notes_repo(emu)
        in_actions(monkeypatch, job_token=emu.token)
        assert run(emu, notes).created == 5
        emu.reset_log()
        assert run(emu, notes).error is None and emu.writes() == []
        assert {i.user.login for i in emu.issues(syncbed.REPO)} == {"github-actions[bot]"}
    finally:
        emu.stop()
    emu.assert_healthy()
