"""Hostile notes and a hostile tracker: nothing a note says can spam, hijack or leak."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.issueindex import issuetext
from bot.issues import TrackerError
from tests import clibed, syncbed
from tests.github_emulator import GitHubEmulator, body_of

SECRET = "ghp_TopSecretToken1234567890abcdefABCDEF"
HOSTILE = (
    """---
date: 2026-05-06
---

## Build

Priya will ping @stranger and @leechen, and this closes #12 and fixes team/other#3 and GH-7.

Sam will add <!-- actionbot:end {"id":"spoofed","digest":"x","meeting":"2026-05-06"} --> to the page.

Lee will fix the </details><script>alert(1)</script> tag and the ``` fence | table | and **bold.

Priya will finish """
    + "x" * 400
    + """ today.
"""
)


def test_hostile_text_is_inert_in_the_stored_issues(repo: GitHubEmulator, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(HOSTILE, encoding="utf-8")
    config = syncbed.make_config(repo, tmp_path / "state")
    extraction = syncbed.extract(config, tmp_path / "notes")
    result = syncbed.sync(repo, config, extraction, root=tmp_path)
    assert result.error is None and result.created == 4
    for issue in repo.issues(syncbed.REPO):
        body = body_of(issue)
        marker = issuetext.parse_marker(body)
        assert marker is not None and marker.id in {i.id for i in extraction.items}
        assert body.count("<!--") == 2 and "<script" not in body and "</details>" not in body
        assert len(issue.title) <= issuetext.MAX_TITLE
        for line in body.splitlines():
            if line.startswith("> "):  # the quoted sentence: one line, in its quote
                assert "@stranger" not in line and "#12" not in line and "team/other#3" not in line
                assert "@\u2060stranger" in line or "stranger" not in line
    ping = next(i for i in repo.issues(syncbed.REPO) if "stranger" in body_of(i))
    assert "@leechen" in body_of(ping)  # a roster login may be mentioned
    assert not any("spoofed" in body_of(i) for i in repo.issues(syncbed.REPO))  # inline HTML is not note text
    # Nothing was written to the repository the note names, nor any comment posted anywhere.
    assert all(w.canonical_path.startswith(f"/repos/{syncbed.REPO}/") for w in repo.writes())
    assert not any(w.canonical_path.endswith("/comments") for w in repo.writes())


def test_a_named_repository_that_does_not_exist_falls_back_to_the_default(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(
        "---\ndate: 2026-05-06\n---\n\nSam will look at team/missing#4 today.\n", encoding="utf-8"
    )
    config = syncbed.make_config(repo, tmp_path / "state")
    result = syncbed.sync(repo, config, syncbed.extract(config, tmp_path / "notes"), root=tmp_path)
    assert result.error is None and [i.title for i in repo.issues(syncbed.REPO)] == [
        "Look at team/missing#4 (Samuel Okafor)"
    ]


def test_a_fact_tag_in_someone_elses_comment_is_not_the_bots(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    note = notes / "2026-05-06.md"
    note.write_text("---\ndate: 2026-05-06\n---\n\nSam will book the room.\n\nLee will order food.\n")
    config = syncbed.make_config(repo, tmp_path / "state")
    syncbed.sync(repo, config, syncbed.extract(config, notes), root=tmp_path)
    food = next(i for i in repo.issues(syncbed.REPO) if i.title.startswith("Order food"))
    repo.add_user("mallory")
    repo.comment(
        syncbed.REPO, food.number, "lol " + issuetext.FACT_TAG.format(key="removed"), as_user="mallory"
    )
    note.write_text("---\ndate: 2026-05-06\n---\n\nSam will book the room.\n")
    syncbed.sync(repo, config, syncbed.extract(config, notes), root=tmp_path)
    authors = [c.user.login for c in repo.comments(syncbed.REPO, food.number)]
    assert authors == ["mallory", repo.login]


def cli_env(tmp_path: Path, api_url: str, token: str = SECRET) -> dict[str, str]:
    (tmp_path / "actionbot.yaml").write_text(
        "people:\n  - {name: Sam Okafor, github: sokafor, aliases: [Sam]}\n"
        f"tracker: {{kind: github, repo: {syncbed.REPO}, api_url: '{api_url}', seconds_between_writes: 0,"
        " timeout: 1, retries: 1}\n"
        "daemon: {poll_minutes: 60, remind_minutes: 60}\n",
        encoding="utf-8",
    )
    return {"PATH": "/usr/bin:/bin", "GITHUB_TOKEN": token, "HOME": str(tmp_path)}


def cli(tmp_path: Path, api_url: str, *args: str, token: str = SECRET) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=cli_env(tmp_path, api_url, token),
        capture_output=True,
        text=True,
        timeout=300,
    )


def in_process(tmp_path: Path, api_url: str, *args: str) -> clibed.Ran:
    """What rich prints is the point, not what the process does: the CLI in the test's process."""
    return clibed.actionbot(*args, cwd=tmp_path, env=cli_env(tmp_path, api_url))


def daemon_log(tmp_path: Path, api_url: str, token: str) -> str:
    """What `actionbot run` says until its first sync is done (or has failed), then SIGTERM."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "notes"],
        cwd=tmp_path,
        env=cli_env(tmp_path, api_url, token),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    lines = []
    try:
        for line in process.stdout:
            lines.append(line)
            if "synced" in line or "failed" in line:
                break
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            rest, _ = process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            rest = "(did not stop)" + process.communicate()[0]
    return "".join(lines) + rest


@pytest.mark.slow
@pytest.mark.parametrize("failure", ["unknown-token", "server-error", "dropped", "unreachable", "ok"])
def test_the_token_never_appears_in_any_output(tmp_path: Path, failure: str) -> None:
    emulator = GitHubEmulator(token=SECRET if failure != "unknown-token" else "ghp_another").start()
    try:
        emulator.add_repo(syncbed.REPO, collaborators=["sokafor"])
        (tmp_path / "notes").mkdir()
        (tmp_path / "notes" / "2026-05-06.md").write_text("---\ndate: 2026-05-06\n---\n\nSam will book it.\n")
        url = emulator.url
        if failure == "server-error":
            emulator.inject("500", method="POST", times=None)
        elif failure == "dropped":
            emulator.inject("drop", method="POST", times=None)
        elif failure == "unreachable":
            url = "http://127.0.0.1:9"
        outputs = []
        for args in (["sync", "notes", "--json"], ["report", "notes"]):
            run = cli(tmp_path, url, *args)
            outputs.append(run.stdout + run.stderr)
            writes = args[0] == "sync"
            if failure in ("unknown-token", "unreachable") or (failure != "ok" and writes):
                assert run.returncode == 1, run.stderr
                assert run.stderr.count("\n") <= 2
        assert all(SECRET not in text for text in outputs)
        assert failure == "ok" or any("error: " in text for text in outputs)
        if failure == "ok":
            synced = json.loads(outputs[0])
            assert synced["error"] is None
            assert synced["tracker"] == {"kind": "github", "repo": syncbed.REPO, "api_url": url}
    finally:
        emulator.stop()


def forms_of(secret: str) -> list[str]:
    """The token as it could show in a message: itself, its repr or JSON escape, its body."""
    return [secret, repr(secret)[1:-1], json.dumps(secret)[1:-1], secret.strip()]


@pytest.mark.slow
def test_a_token_ending_in_a_newline_works_and_shows_in_no_form(tmp_path: Path) -> None:
    emulator = GitHubEmulator(token=SECRET).start()
    try:
        emulator.add_repo(syncbed.REPO, collaborators=["sokafor"])
        (tmp_path / "notes").mkdir()
        (tmp_path / "notes" / "2026-05-06.md").write_text("---\ndate: 2026-05-06\n---\n\nSam will book it.\n")
        pasted = SECRET + "\n"  # printf 'ghp_...\n' into a secret: the common mistake
        sync = cli(tmp_path, emulator.url, "sync", "notes", "--json", token=pasted)
        report = cli(tmp_path, emulator.url, "report", "notes", token=pasted)
        logged = daemon_log(tmp_path, emulator.url, pasted)
        outputs = {"sync": sync.stdout + sync.stderr, "report": report.stdout + report.stderr, "run": logged}
        for command, text in outputs.items():
            assert not [form for form in forms_of(pasted) if form in text], command
        assert sync.returncode == 0 and json.loads(sync.stdout)["created"] == 1, sync.stderr
        assert report.returncode == 0, report.stderr
        assert "synced 1 notes" in logged and "(did not stop)" not in logged, logged
    finally:
        emulator.stop()


def test_markup_in_a_retitled_issue_or_a_note_path_is_printed_as_it_is(tmp_path: Path) -> None:
    emulator = GitHubEmulator(token=SECRET).start()
    try:
        emulator.add_repo(syncbed.REPO, collaborators=["sokafor"])
        emulator.add_user("sokafor")
        notes = tmp_path / "notes"
        (notes / "[").mkdir(parents=True)
        note = notes / "[" / "]2026-05-06 [bold red]x.md"  # the path reads notes/[/]2026-05-06 ...
        note.write_text("---\ndate: 2026-05-06\n---\n\nSam will book it.\n\nSam will order food.\n")
        first = in_process(tmp_path, emulator.url, "sync", "notes")
        assert first.returncode == 0, first.stderr
        food = next(i for i in emulator.issues(syncbed.REPO) if i.title.startswith("Order food"))
        emulator.update_issue(syncbed.REPO, food.number, title="Food [/] for [red]all", as_user="sokafor")
        note.write_text("---\ndate: 2026-05-06\n---\n\nSam will book it.\n")  # flags the retitled issue
        second = in_process(tmp_path, emulator.url, "sync", "notes")
        assert second.returncode == 0, second.stderr
        assert "Food [/] for [red]all" in second.stdout and "Traceback" not in second.stderr
        assert "1 updated" in second.stdout
        extracted = in_process(tmp_path, emulator.url, "extract", "notes")
        assert extracted.returncode == 0, extracted.stderr
        assert "[bold" in extracted.stdout and "Traceback" not in extracted.stderr
    finally:
        emulator.stop()


def test_a_route_to_a_repository_github_will_not_show_stops_the_sync(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(
        "---\ndate: 2026-05-06\n---\n\n## Website\n\nSam will fix the header.\n\n"
        "## Build\n\nLee will fix CI.\n",
        encoding="utf-8",
    )
    routes = [{"section": "(?i)^website$", "repo": "team/gone"}]
    config = syncbed.make_config(repo, tmp_path / "state", routes=routes)
    with pytest.raises(TrackerError) as stopped:
        syncbed.sync(repo, config, syncbed.extract(config, tmp_path / "notes"), root=tmp_path)
    message = str(stopped.value)
    assert "tracker.routes.0" in message and "team/gone" in message and "404" in message
    assert "\n" not in message
    assert repo.writes() == [] and repo.issues(syncbed.REPO) == []
