"""Agenda and follow-up notices sent to real servers on loopback: mail over SMTP with STARTTLS and
AUTH, and a JSON webhook. Each test asserts on what arrived."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest

from bot.commands.remind import notify_follow_up, remind
from bot.config import Config, ConfigError, parse_config
from bot.followup import agenda
from bot.pipeline import extract
from bot.trackers.local import LocalTracker
from bot.wiring import make_tracker
from tests import clibed
from tests.mailbed import SmtpServer, WebhookServer, smtp_server

UTC = dt.UTC
LOGIN = "actionbot@example.org"
# A password that must be encoded to sit inside a URL, and must never be printed.
PASSWORD = "s3cr@t/pass:word"
NOTE = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by 2026-05-10.

Sam to update the changelog.

The next call is scheduled for **20th May**.
"""
PEOPLE = [
    {"name": "Priya Raman", "github": "priyar", "aliases": ["Priya"]},
    {"name": "Samuel Okafor", "github": "sokafor", "aliases": ["Sam"]},
]
BEFORE = dt.datetime(2026, 5, 19, 18, tzinfo=UTC)  # inside the 24 hours before the 20 May meeting


def mail_url(smtp: SmtpServer) -> str:
    return (
        f"mailtos://${{SMTP_USER}}:${{SMTP_PASSWORD}}@127.0.0.1:{smtp.port}"
        "?mode=starttls&from=actionbot@example.org&to=team@example.org"
    )


def settings(tmp_path: Path, *urls: str) -> Config:
    return Config.model_validate(
        {
            "people": PEOPLE,
            "tracker": {"state_dir": str(tmp_path / "state"), "repo": "team/notes"},
            "meetings": {"name": "Moorhen", "time": "16:00", "timezone": "Europe/London", "minutes": 45},
            "reminders": {"notify": list(urls)},
        }
    )


@pytest.fixture
def smtp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    with smtp_server(tmp_path, LOGIN, PASSWORD) as server:
        # The bot verifies the server's certificate: this test's throwaway authority is the one it trusts.
        monkeypatch.setenv("SSL_CERT_FILE", str(server.ca_file))
        yield server


def notes(tmp_path: Path) -> list[str]:
    folder = tmp_path / "notes"
    folder.mkdir(exist_ok=True)
    (folder / "2026-05-06.md").write_text(NOTE, encoding="utf-8")
    return [str(folder / "2026-05-06.md")]


ENV = {"SMTP_USER": LOGIN, "SMTP_PASSWORD": PASSWORD}


def run_remind(config: Config, tmp_path: Path, env: dict[str, str], now: dt.datetime = BEFORE) -> Any:
    tracker = make_tracker(config)
    return remind(config, extract(notes(tmp_path), config), tracker, now, tmp_path, False, environ=env)


def test_the_agenda_reaches_mail_and_webhook_once(
    tmp_path: Path, smtp: SmtpServer, hooks: WebhookServer
) -> None:
    config = settings(tmp_path, mail_url(smtp), hooks.url())
    first = run_remind(config, tmp_path, ENV)
    assert first.outcome == "created" and [d.sent for d in first.notified.deliveries] == [True, True]

    [mail] = smtp.mails
    assert mail.over_tls and mail.login == LOGIN and mail.to == ("team@example.org",)
    assert mail.message["Subject"] == "Agenda: Moorhen meeting on 2026-05-20"
    text, html = mail.part("text/plain"), mail.part("text/html")
    assert "Wednesday 20 May 2026 at 16:00 BST (15:00 UTC)" in text
    assert "Rotate the signing key" in text and "<strong>" not in text
    assert "<strong>Wednesday 20 May 2026" in html and "Rotate the signing key" in html
    # The agenda issue is named, and no GitHub login is mentioned to a mailbox.
    assert f"#{first.issue.number}" in text and "@priyar" not in text

    calendar = icalendar.Calendar.from_ical(mail.attachment("moorhen-2026-05-20.ics"))
    [event] = calendar.events
    start = event.start
    assert isinstance(start, dt.datetime)  # a time of day, not a whole-day event
    assert start == dt.datetime(2026, 5, 20, 16, tzinfo=start.tzinfo)
    assert str(start.tzinfo) == "Europe/London" and start.utcoffset() == dt.timedelta(hours=1)
    assert event.end - event.start == dt.timedelta(minutes=45)
    assert "BEGIN:VTIMEZONE" in calendar.to_ical().decode()

    [hook] = hooks.hooks
    assert hook.path == "/hook" and hook.body["title"] == "Agenda: Moorhen meeting on 2026-05-20"
    assert "**Wednesday 20 May 2026 at 16:00 BST (15:00 UTC)**" in hook.body["message"]  # Markdown for chat
    assert [a["filename"] for a in hook.body["attachments"]] == ["moorhen-2026-05-20.ics"]

    # A rerun, as the hourly job does: the agenda was had by both channels; nothing more is sent.
    again = run_remind(config, tmp_path, ENV, BEFORE + dt.timedelta(hours=1))
    assert again.notified.deliveries == () and again.notified.pending == ()
    assert len(smtp.mails) == 1 and len(hooks.hooks) == 1
    # What was sent is remembered in the agenda issue, not on this machine: a fresh state folder
    # reading the same tracker file would know it too.
    assert set(agenda.sent_of(again.issue)["agenda"]) == {c.key for c in _channels(config)}


def _channels(config: Config) -> list[Any]:
    from bot.notify import channels

    return channels(config.reminders.notify)


def test_a_failed_channel_does_not_stop_the_others_and_is_retried(
    tmp_path: Path, smtp: SmtpServer, hooks: WebhookServer
) -> None:
    config = settings(tmp_path, hooks.url(), mail_url(smtp))
    hooks.failures_left = 1
    wrong = {**ENV, "SMTP_PASSWORD": "not-the-password"}
    first = run_remind(config, tmp_path, wrong)
    webhook, mail = first.notified.deliveries
    assert not webhook.sent and not mail.sent
    assert "not-the-password" not in (mail.error or "") and smtp.mails == [] and hooks.hooks == []

    # The webhook is back, the password is still wrong: the webhook alone is retried and arrives.
    second = run_remind(config, tmp_path, wrong, BEFORE + dt.timedelta(hours=1))
    assert [d.sent for d in second.notified.deliveries] == [True, False]
    assert len(hooks.hooks) == 1 and smtp.mails == []

    # The password is fixed: only the mail is sent; the webhook does not get the agenda twice.
    third = run_remind(config, tmp_path, ENV, BEFORE + dt.timedelta(hours=2))
    assert [d.channel.url for d in third.notified.deliveries] == [mail_url(smtp)]
    assert len(smtp.mails) == 1 and len(hooks.hooks) == 1


def test_a_missing_variable_fails_that_channel_only(tmp_path: Path, hooks: WebhookServer) -> None:
    config = settings(tmp_path, "json://127.0.0.1:9/${HOOK_PATH}", hooks.url())
    reminder = run_remind(config, tmp_path, {})
    missing, good = reminder.notified.deliveries
    assert missing.error == "$HOOK_PATH is not set" and good.sent and len(hooks.hooks) == 1


def test_the_follow_up_checklist_is_sent_once_after_the_meeting(tmp_path: Path, hooks: WebhookServer) -> None:
    config = settings(tmp_path, hooks.url())
    extraction = extract(notes(tmp_path), config)
    tracker = make_tracker(config)
    just_after = dt.datetime(2026, 5, 6, 18, tzinfo=UTC)  # the 6 May meeting is over
    first = notify_follow_up(config, extraction, tracker, dt.date(2026, 5, 20), just_after, tmp_path, {})
    [hook] = hooks.hooks
    assert hook.body["title"] == "Follow-up of action items for the Moorhen meeting on 2026-05-20"
    assert "Rotate the signing key" in hook.body["message"] and first.issue is not None
    notify_follow_up(config, extraction, tracker, dt.date(2026, 5, 20), just_after, tmp_path, {})
    assert len(hooks.hooks) == 1
    # The agenda itself is another notice: it still goes out once the meeting is near.
    reminder = remind(config, extraction, tracker, BEFORE, tmp_path, False, environ={})
    assert reminder.issue is not None and reminder.issue.number == first.issue.number
    assert len(hooks.hooks) == 2 and hooks.hooks[1].body["title"].startswith("Agenda:")


def test_a_dry_run_sends_nothing_and_says_where_it_would(tmp_path: Path, hooks: WebhookServer) -> None:
    config = settings(tmp_path, hooks.url())
    tracker = make_tracker(config)
    reminder = remind(config, extract(notes(tmp_path), config), tracker, BEFORE, tmp_path, True, environ={})
    assert reminder.outcome == "would create" and [c.url for c in reminder.notified.pending] == [hooks.url()]
    assert hooks.hooks == []


@pytest.mark.parametrize(
    "url",
    [
        "mailtos://bot:hunter2@smtp.example.org?to=team@example.org",
        "json://hooks.example.org/x?token=abcdef",
    ],
)
def test_a_secret_written_in_the_config_is_refused_without_repeating_it(url: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_config(f"reminders:\n  notify:\n    - {url}\n", "actionbot.yaml")
    message = str(raised.value)
    assert message.startswith("actionbot.yaml:3: reminders.notify.0: ") and "${VARIABLE}" in message
    assert "hunter2" not in message and "abcdef" not in message


def config_file(tmp_path: Path, *urls: str) -> Path:
    """The note and a config file, for the commands run as a user runs them."""
    notes(tmp_path)
    config = tmp_path / "actionbot.yaml"
    channels = ", ".join(f"'{url}'" for url in urls)
    config.write_text(
        "people:\n  - {name: Priya Raman, github: priyar, aliases: [Priya]}\n"
        f"notes: {{paths: [{tmp_path / 'notes'}]}}\n"
        f"tracker: {{state_dir: {tmp_path / 'state'}}}\n"
        "meetings: {name: Moorhen, timezone: Europe/London}\n"
        f"reminders: {{notify: [{channels}]}}\n",
        encoding="utf-8",
    )
    return config


@pytest.mark.slow
def test_the_remind_command_never_prints_a_secret(
    tmp_path: Path, smtp: SmtpServer, hooks: WebhookServer
) -> None:
    config = config_file(tmp_path, mail_url(smtp), hooks.url())
    env = {
        "PATH": "/usr/bin:/bin",
        "SSL_CERT_FILE": str(smtp.ca_file),
        "SMTP_USER": LOGIN,
        "SMTP_PASSWORD": "wrong-" + PASSWORD,
    }
    run = subprocess.run(
        [sys.executable, "-m", "bot", "remind", "-c", str(config), "--now", BEFORE.isoformat()],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output  # a channel failed: the exit code says so
    assert f"sent the agenda to {hooks.url()}" in output
    assert f"could not send the agenda to {mail_url(smtp)}" in output
    for secret in (PASSWORD, "wrong-", "s3cr%40t"):
        assert secret not in output
    tracker = LocalTracker(tmp_path / "state" / "tracker.sqlite")
    assert all(PASSWORD not in issue.body for issue in tracker.all_issues())
    assert len(hooks.hooks) == 1 and smtp.mails == []


def test_links_keep_their_address_in_the_plain_text_of_mail() -> None:
    from bot.notify import plain_links

    assert plain_links("Agenda issue: [#7](https://github.com/team/notes/issues/7).") == (
        "Agenda issue: #7 (<https://github.com/team/notes/issues/7>)."
    )


def test_the_report_command_sends_the_checklist_with_notify(tmp_path: Path, hooks: WebhookServer) -> None:
    config = config_file(tmp_path, hooks.url())

    def report(*args: str) -> clibed.Ran:
        return clibed.actionbot(
            "report", "-c", str(config), "--now", "2026-05-06T18:00:00+00:00", *args, cwd=tmp_path
        )

    plain = report()
    assert plain.returncode == 0 and hooks.hooks == []  # without --notify, a report is only read
    sent = report("--notify")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.startswith("### Follow-up of action items for the 2026-05-20 meeting")
    assert f"sent the checklist to {hooks.url()}" in sent.stderr
    [hook] = hooks.hooks
    assert "Rotate the signing key" in hook.body["message"]
    assert report("--notify").returncode == 0 and len(hooks.hooks) == 1


PROGRESS = """---
title: Sync
date: 2026-05-13
---

## Build

Priya looked at the signing key rotation script.

The next call is scheduled for **20th May**.
"""


def test_the_mail_reads_well_in_both_parts_and_says_where_to_join(tmp_path: Path, smtp: SmtpServer) -> None:
    config = settings(tmp_path, mail_url(smtp))
    config = config.model_copy(
        update={
            "meetings": config.meetings.model_copy(
                update={"url": "https://meet.example.org/moorhen", "location": "Room 2.14"}
            )
        }
    )
    paths = [*notes(tmp_path), str(tmp_path / "notes" / "2026-05-13.md")]
    Path(paths[1]).write_text(PROGRESS, encoding="utf-8")
    sent = remind(config, extract(paths, config), make_tracker(config), BEFORE, tmp_path, False, environ=ENV)
    assert [d.sent for d in sent.notified.deliveries] == [True]
    [mail] = smtp.mails
    text, html = mail.part("text/plain"), mail.part("text/html")

    lines = text.splitlines()
    # Single-spaced within a block, one blank line between blocks, and no sentence cut in three.
    assert not any(not a and not b for a, b in itertools.pairwise(lines))
    assert "Nothing yet: label an issue agenda to propose it." in lines
    [key] = [line for line in lines if "Rotate the signing key" in line]
    assert key.startswith("- ☐ Rotate the signing key") and "[ ]" not in text
    assert lines[lines.index(key) + 1] == "- 2026-05-13: “Priya looked at the signing key rotation script.”"
    assert lines[lines.index(key) + 2 : lines.index(key) + 5] == ["", "Samuel Okafor (sokafor)", ""]
    assert "Where: Room 2.14" in lines and "Join the call: https://meet.example.org/moorhen" in lines

    # In HTML the progress line is nested under its item, and the boxes are boxes, not "[ ]".
    assert "<li>☐ Rotate the signing key" in html and "[ ]" not in html
    assert "<ul><li>2026-05-13: “Priya looked at the signing key rotation script.”</li></ul></li>" in html
    assert '<a href="https://meet.example.org/moorhen">https://meet.example.org/moorhen</a>' in html

    [event] = icalendar.Calendar.from_ical(mail.attachment("moorhen-2026-05-20.ics")).events
    assert str(event["LOCATION"]) == "Room 2.14, https://meet.example.org/moorhen"
    assert "Join the call: https://meet.example.org/moorhen" in str(event["DESCRIPTION"])
