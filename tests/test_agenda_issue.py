"""The agenda issue as people use it: text they add to it stays, and each channel has each notice
once even when recording it fails once, or two `remind` runs start together."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import bot.commands.remind
from bot.commands.agenda_issue import Reminder
from bot.config import Config
from bot.wiring import make_tracker
from tests import syncbed
from tests.github_emulator import GitHubEmulator
from tests.mailbed import WebhookServer
from tests.test_agenda import write_notes

UTC = dt.UTC
BEFORE = dt.datetime(2026, 5, 19, 18, tzinfo=UTC)  # inside the 24 hours before the 20 May meeting


def configured(emu: GitHubEmulator, tmp_path: Path, *urls: str) -> Config:
    config = syncbed.make_config(emu, tmp_path / "state")
    return config.model_copy(
        update={
            "meetings": config.meetings.model_copy(update={"timezone": "Europe/London"}),
            "reminders": config.reminders.model_copy(update={"notify": list(urls)}),
        }
    )


def remind(emu: GitHubEmulator, config: Config, tmp_path: Path, now: dt.datetime) -> Reminder:
    extraction = syncbed.extract(config, tmp_path / "notes")
    with syncbed.token(emu):
        return bot.commands.remind.remind(
            config, extraction, make_tracker(config), now, tmp_path, False, environ={}
        )


def test_a_persons_edit_to_the_agenda_body_stays_when_the_bot_refreshes_it(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    write_notes(tmp_path / "notes")
    config = configured(repo, tmp_path)
    first = remind(repo, config, tmp_path, BEFORE)
    assert first.issue is not None
    number = first.issue.number
    edited = "Chair: Dana. Minutes: Lee.\n\n" + first.issue.body + "\n\nAlso: the budget, 10 minutes."
    repo.update_issue(syncbed.REPO, number, body=edited, as_user="priyar")
    # A new proposal for the agenda changes the bot's part: the issue is refreshed.
    repo.create_issue(syncbed.REPO, "Budget review", labels=["agenda"], as_user="priyar")
    again = remind(repo, config, tmp_path, BEFORE + dt.timedelta(hours=1))
    assert again.outcome == "updated"
    body = repo.issue(syncbed.REPO, number).body or ""
    assert body.startswith("Chair: Dana. Minutes: Lee.\n\n")
    assert body.endswith("\n\nAlso: the budget, 10 minutes.")
    assert "- Budget review ([#" in body and body.count("The next meeting is on") == 1
    # Nothing new: the person's text is no reason to write again.
    repo.reset_log()
    assert remind(repo, config, tmp_path, BEFORE + dt.timedelta(hours=2)).outcome == "unchanged"
    assert repo.writes() == []


def test_a_notice_is_sent_once_when_recording_it_fails_once(
    repo: GitHubEmulator, tmp_path: Path, hooks: WebhookServer
) -> None:
    write_notes(tmp_path / "notes")
    config = configured(repo, tmp_path, hooks.url())
    # The agenda issue is opened, the webhook has the agenda, and recording that answers 500.
    repo.inject("500", method="PATCH", path=f"/repos/{syncbed.REPO}/issues/1", times=1)
    first = remind(repo, config, tmp_path, BEFORE)
    assert [d.sent for d in first.notified.deliveries] == [True]  # the run says it sent
    again = remind(repo, config, tmp_path, BEFORE + dt.timedelta(hours=1))
    assert again.notified.deliveries == () and len(hooks.hooks) == 1


def test_a_run_says_it_sent_even_when_the_record_cannot_be_written(
    repo: GitHubEmulator, tmp_path: Path, hooks: WebhookServer
) -> None:
    write_notes(tmp_path / "notes")
    config = configured(repo, tmp_path, hooks.url())
    repo.inject("500", method="PATCH", path=f"/repos/{syncbed.REPO}/issues/1", times=None)
    first = remind(repo, config, tmp_path, BEFORE)
    assert [d.sent for d in first.notified.deliveries] == [True] and len(hooks.hooks) == 1
    assert first.notified.unrecorded is not None and "500" in first.notified.unrecorded


def test_two_reminds_at_once_send_each_notice_once(tmp_path: Path, hooks: WebhookServer) -> None:
    write_notes(tmp_path / "notes")
    config = Config.model_validate(
        {
            "people": syncbed.PEOPLE,
            "tracker": {"state_dir": str(tmp_path / "state")},
            "meetings": {"timezone": "Europe/London"},
            "reminders": {"notify": [hooks.url()]},
        }
    )
    extraction = syncbed.extract(config, tmp_path / "notes")
    hooks.delay = 1.0  # both runs would be reading the agenda issue while the first one sends
    done: list[Reminder] = []

    def one() -> None:
        done.append(
            bot.commands.remind.remind(config, extraction, make_tracker(config), BEFORE, tmp_path, False, {})
        )

    runs = [threading.Thread(target=one) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=120)
    assert len(done) == 2 and len(hooks.hooks) == 1
    assert sorted(r.outcome for r in done) == ["created", "unchanged"]
