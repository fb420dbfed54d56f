"""Secrets in channel URLs: a webhook URL held whole in a variable never shows, not even in part, when
its send fails; a secret written in clear in the config is refused."""

from __future__ import annotations

import datetime as dt
import logging
import socket
from pathlib import Path

import pytest

from bot.commands.run import Daemon
from bot.config import ConfigError, parse_config
from bot.notify import Notice, channels, deliver
from tests import clibed
from tests.test_notify import BEFORE, config_file, settings

# Slack's webhook path is the secret: its parts (team, bot, token) each are.
SECRET_PATH = "/services/T0SECRET1/B0SECRET2/XXSECRETTOKEN3"
SECRET_PARTS = ("T0SECRET1", "B0SECRET2", "XXSECRETTOKEN3", "SECRET")


def closed_port() -> int:
    """A loopback port nothing listens on: a send there fails, and urllib3 names the path it tried."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def hook_env() -> dict[str, str]:
    return {"SLACK_WEBHOOK_URL": f"json://127.0.0.1:{closed_port()}{SECRET_PATH}?x=SECRETQUERY"}


def test_a_failed_send_names_no_part_of_a_whole_url_variable() -> None:
    [delivery] = deliver(Notice("t", "m"), channels(["${SLACK_WEBHOOK_URL}"]), hook_env())
    assert delivery.error is not None and "127.0.0.1" in delivery.error
    assert not any(part in delivery.error for part in SECRET_PARTS), delivery.error


def test_a_failed_send_names_not_the_path_of_a_url_written_in_the_config() -> None:
    url = f"json://127.0.0.1:{closed_port()}/hooks/SECRETpath/${{TOKEN}}"
    [delivery] = deliver(Notice("t", "m"), channels([url]), {"TOKEN": "XXSECRETTOKEN3"})
    assert delivery.error is not None and "SECRET" not in delivery.error, delivery.error


def test_the_remind_command_its_summary_and_the_run_log_keep_the_webhook_secret(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = config_file(tmp_path, "${SLACK_WEBHOOK_URL}")
    summary = tmp_path / "summary.md"
    env = {"PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    env.update(hook_env())
    run = clibed.actionbot("remind", "-c", str(config), "--now", BEFORE.isoformat(), cwd=tmp_path, env=env)
    shown = run.stdout + run.stderr + summary.read_text(encoding="utf-8")
    assert run.returncode == 1 and "could not send the agenda to ${SLACK_WEBHOOK_URL}" in shown
    assert "SECRET" not in shown

    config_value = settings(tmp_path, "${SLACK_WEBHOOK_URL}")
    daemon = Daemon(config_value, [str(tmp_path / "notes")], tmp_path, clock=lambda: BEFORE)
    caplog.set_level(logging.DEBUG)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SLACK_WEBHOOK_URL", hook_env()["SLACK_WEBHOOK_URL"])
        daemon._guarded(daemon.remind, "remind")
    assert "could not send the agenda" in caplog.text and "SECRET" not in caplog.text


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("discord://1234567890/SECRETdiscordTOKEN", "SECRETdiscordTOKEN"),
        ("slack://T0SECRET1/B0SECRET2/SECRETslackTOKEN", "SECRETslackTOKEN"),
        ("json://hooks.example.org/hook?+X-Api-Token=SECRETheader", "SECRETheader"),
        ("workflows://example.org:443/flow/SECRETsignature", "SECRETsignature"),
    ],
)
def test_a_service_secret_written_in_clear_is_refused(url: str, secret: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_config(f"reminders:\n  notify:\n    - '{url}'\n", "actionbot.yaml")
    message = str(raised.value)
    assert message.startswith("actionbot.yaml:3: reminders.notify.0: ") and "${VARIABLE}" in message
    assert secret not in message


@pytest.mark.parametrize(
    "url",
    [
        "discord://${DISCORD_ID}/${DISCORD_TOKEN}",
        "slack://${SLACK_A}/${SLACK_B}/${SLACK_C}",
        "json://hooks.example.org/hook?+X-Api-Token=${API_TOKEN}",
        "json://hooks.example.org/hook",
        "${SLACK_WEBHOOK_URL}",
    ],
)
def test_the_same_urls_with_their_secrets_in_variables_are_accepted(url: str) -> None:
    config = parse_config(f"reminders:\n  notify:\n    - '{url}'\n", "actionbot.yaml")
    assert config.reminders.notify == [url]


def test_a_dry_run_of_the_refused_url_prints_no_secret(tmp_path: Path) -> None:
    config = config_file(tmp_path, "discord://1234567890/SECRETdiscordTOKEN")
    now = dt.datetime(2026, 5, 19, 18, tzinfo=dt.UTC).isoformat()
    run = clibed.actionbot("remind", "-c", str(config), "--now", now, "--dry-run", cwd=tmp_path)
    assert run.returncode != 0 and "SECRET" not in run.stdout + run.stderr
