"""A channel whose server stalls cannot hold the bot: every send has a hard deadline, and `actionbot
run` stops on SIGTERM even in the middle of one."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.mailbed import TricklingServer, trickling_smtp_server
from tests.test_notify import BEFORE, config_file


def trickle_url(server: TricklingServer) -> str:
    return f"mailto://${{SMTP_USER}}:${{SMTP_PASSWORD}}@127.0.0.1:{server.port}?from=bot@example.org&to=team@example.org"


ENV = {"PATH": "/usr/bin:/bin", "SMTP_USER": "bot", "SMTP_PASSWORD": "pass"}


@pytest.mark.slow
def test_remind_ends_within_the_channel_deadline_against_a_trickling_server(tmp_path: Path) -> None:
    with trickling_smtp_server() as server:
        config = config_file(tmp_path, trickle_url(server))
        config.write_text(
            config.read_text(encoding="utf-8").replace("reminders: {", "reminders: {send_seconds: 3, "),
            encoding="utf-8",
        )
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, "-m", "bot", "remind", "-c", str(config), "--now", BEFORE.isoformat()],
            cwd=tmp_path,
            env={**ENV, "PYTHONPATH": str(Path(__file__).parent.parent)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        took = time.monotonic() - started
    assert server.connections == 1
    assert run.returncode == 1, run.stderr
    assert "could not send the agenda to mailto://" in run.stdout
    assert "did not finish within 3 s, so it was stopped" in run.stdout
    # The send, and then the process, end at the deadline: not at apprise's, not at the server's whim.
    assert took < 3 + 30, took


@pytest.mark.slow
def test_run_stops_on_sigterm_in_the_middle_of_a_trickling_send(tmp_path: Path) -> None:
    with trickling_smtp_server() as server:
        config = config_file(tmp_path, trickle_url(server))
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "-c", str(config)],
            cwd=tmp_path,
            env=ENV,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while server.connections == 0 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        assert server.connections == 1, "the checklist was never sent"
        time.sleep(1)  # well inside the send: the server has trickled a byte or two
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, log = process.communicate(timeout=60)
        took = time.monotonic() - started
    # Left alone, the trickling send would run to the channel's deadline (a minute): far past this.
    assert took < 30, took
    assert process.returncode == 0, log
    assert "received SIGTERM, stopping" in log and log.rstrip().endswith("stopped")
