"""Hostile notes and a hostile tracker: nothing a note says can spam, hijack or leak."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot import issuetext
from tests import syncbed
from tests.github_emulator import GitHubEmulator

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


@pytest.fixture
def repo(github_emulator: GitHubEmulator) -> GitHubEmulator:
    github_emulator.add_repo(syncbed.REPO, collaborators=["priyar", "sokafor", "leechen"])
    return github_emulator


def test_hostile_text_is_inert_in_the_stored_issues(repo: GitHubEmulator, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(HOSTILE, encoding="utf-8")
    config = syncbed.make_config(repo, tmp_path / "state")
    extraction = syncbed.extract(config, tmp_path / "notes")
    result = syncbed.sync(repo, config, extraction, root=tmp_path)
    assert result.error is None and result.created == 4
    for issue in repo.issues(syncbed.REPO):
        body = issue.body
        marker = issuetext.parse_marker(body)
        assert marker is not None and marker.id in {i.id for i in extraction.items}
        assert body.count("<!--") == 2 and "<script" not in body and "</details>" not in body
        assert len(issue.title) <= issuetext.MAX_TITLE
        for line in body.splitlines():
            if line.startswith("> "):  # the quoted sentence: one line, in its quote
                assert "@stranger" not in line.replace("`@stranger`", "")
                assert "#12" not in line.replace("`#12`", "")
                assert "team/other#3" not in line.replace("`team/other#3`", "")
    ping = next(i for i in repo.issues(syncbed.REPO) if "stranger" in i.body)
    assert "@leechen" in ping.body  # a roster login may be mentioned
    assert not any("spoofed" in i.body for i in repo.issues(syncbed.REPO))  # inline HTML is not note text
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


def cli(tmp_path: Path, api_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "actionbot.yaml").write_text(
        "people:\n  - {name: Sam Okafor, github: sokafor, aliases: [Sam]}\n"
        f"tracker: {{kind: github, repo: {syncbed.REPO}, api_url: '{api_url}', seconds_between_writes: 0,"
        " timeout: 1, retries: 1}\n",
        encoding="utf-8",
    )
    env = {"PATH": "/usr/bin:/bin", "GITHUB_TOKEN": SECRET, "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


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
            assert json.loads(outputs[0])["error"] is None
    finally:
        emulator.stop()
