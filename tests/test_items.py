"""`actionbot items`, `close` and `reopen`, run as a user runs them, on the local tracker and on
GitHub (the emulator, through PyGithub's real HTTP stack)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from bot.config import Config
from bot.trackers.local import LocalTracker
from tests import clibed, syncbed
from tests.github_emulator import GitHubEmulator


def actionbot(*args: str, cwd: Path, env: dict[str, str] | None = None) -> clibed.Ran:
    return clibed.actionbot(*args, cwd=cwd, env={**os.environ, **(env or {})})


def synced(tmp_path: Path, config: Config, emu: GitHubEmulator | None = None) -> Path:
    """The five items of syncbed's note synced, and the config written where the CLI finds it."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(syncbed.FIVE_ITEMS, encoding="utf-8")
    (notes / "2026-05-20.md").write_text(syncbed.RAISED_AGAIN.replace("Priya", "Sam"), encoding="utf-8")
    extraction = syncbed.extract(config, notes)
    if emu is not None:
        assert syncbed.sync(emu, config, extraction, tmp_path).error is None
    else:
        from bot.commands import sync

        assert sync.run(config, extraction, dry_run=False, root=tmp_path).error is None
    (tmp_path / "actionbot.yaml").write_text(yaml.safe_dump(config.model_dump(mode="json")), encoding="utf-8")
    return tmp_path


def items(cwd: Path, *args: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    run = actionbot("items", "--json", *args, cwd=cwd, env=env)
    assert run.returncode == 0, run.stderr
    return list(json.loads(run.stdout))


def test_items_close_and_reopen_on_the_local_tracker(tmp_path: Path) -> None:
    config = Config.model_validate(
        {"people": syncbed.PEOPLE, "tracker": {"state_dir": str(tmp_path / "state")}}
    )
    cwd = synced(tmp_path, config)
    every = items(cwd)
    assert len(every) == 6 and {i["state"] for i in every} == {"open"}
    assert [i["owners"] for i in items(cwd, "--owner", "Sam")] == [["Samuel Okafor"], ["Samuel Okafor"]]
    assert len(items(cwd, "--owner", "@priyar")) == 1  # a login works too
    later = items(cwd, "--meeting", "2026-05-20")
    assert [i["task"] for i in later] == ["Rotate the signing key"]  # "before the release" says when

    faq = next(i for i in every if i["owners"] == ["Lee Chen"])
    done = actionbot("close", f"#{faq['number']}", cwd=cwd)
    assert done.returncode == 0 and done.stdout.startswith(f"closed local/notes#{faq['number']}")
    logo = next(i for i in every if i["owners"] == ["Outside Olga"])
    dropped = actionbot("close", logo["id"][:8], "--not-planned", cwd=cwd)
    assert dropped.returncode == 0 and "closed as not planned" in dropped.stdout

    tracker = LocalTracker(tmp_path / "state" / "tracker.sqlite")
    states = {i.number: (i.state, i.state_reason) for i in tracker.all_issues()}
    assert states[faq["number"]] == ("closed", "completed")
    assert states[logo["number"]] == ("closed", "not_planned")
    assert [i["number"] for i in items(cwd, "--closed")] == sorted([faq["number"], logo["number"]])
    assert len(items(cwd, "--open")) == 4

    back = actionbot("reopen", f"#{faq['number']}", cwd=cwd)
    assert back.returncode == 0 and back.stdout.startswith("reopened")
    assert len(items(cwd, "--open")) == 5

    table = actionbot("items", "--owner", "Lee", cwd=cwd)
    assert table.returncode == 0 and "Write the FAQ" in table.stdout and "1 action items" in table.stdout


def test_unknown_or_ambiguous_references_are_one_line(tmp_path: Path) -> None:
    config = Config.model_validate({"people": syncbed.PEOPLE, "tracker": {"state_dir": str(tmp_path / "s")}})
    cwd = synced(tmp_path, config)
    missing = actionbot("close", "#99", cwd=cwd)
    assert missing.returncode == 1
    assert missing.stderr == "error: no action item #99 among the bot's issues\n"
    both = actionbot("items", "--open", "--closed", cwd=cwd)
    assert both.returncode == 2 and both.stderr == "error: --open and --closed exclude each other\n"
    date = actionbot("items", "--meeting", "May 6", cwd=cwd)
    assert date.returncode == 2 and "is not a date" in date.stderr


def test_items_close_and_reopen_on_github(repo: GitHubEmulator, tmp_path: Path) -> None:
    config = syncbed.make_config(repo, tmp_path / "state")
    cwd = synced(tmp_path, config, repo)
    env = {"ACTIONBOT_TEST_TOKEN": repo.token}
    every = items(cwd, env=env)
    assert len(every) == 6 and all(
        i["url"].startswith("https://github.com/team/notes/issues/") for i in every
    )
    key = next(i for i in every if i["owners"] == ["Priya Raman"])

    repo.reset_log()
    closed = actionbot("close", f"team/notes#{key['number']}", "--not-planned", cwd=cwd, env=env)
    assert closed.returncode == 0, closed.stderr
    issue = repo.issue(syncbed.REPO, key["number"])
    assert (issue.state, issue.state_reason) == ("closed", "not_planned")
    # One listing to find it, one write to close it: nothing per item.
    assert [(r.method, r.canonical_path) for r in repo.writes()] == [
        ("PATCH", f"/repos/{syncbed.REPO}/issues/{key['number']}")
    ]
    assert [i["number"] for i in items(cwd, "--closed", env=env)] == [key["number"]]

    reopened = actionbot("reopen", key["id"], cwd=cwd, env=env)
    assert reopened.returncode == 0, reopened.stderr
    assert repo.issue(syncbed.REPO, key["number"]).state == "open"
    assert items(cwd, "--closed", env=env) == []


def test_a_bare_number_is_the_issue_and_a_missing_one_says_how_to_write_it(tmp_path: Path) -> None:
    """`close #2` reaches the bot as `close` (the shell drops the comment): say to quote it or
    write 2; `close 2` is issue 2."""
    config = Config.model_validate({"people": syncbed.PEOPLE, "tracker": {"state_dir": str(tmp_path / "s")}})
    cwd = synced(tmp_path, config)
    dropped = actionbot("close", cwd=cwd)
    assert dropped.returncode == 2
    assert dropped.stderr == (
        "error: which item? give its id or its issue number: 2, or '#2' quoted (the shell drops an "
        "unquoted #2)\n"
    )
    done = actionbot("close", "2", cwd=cwd)
    assert done.returncode == 0 and done.stdout.startswith("closed local/notes#2:")
    assert actionbot("reopen", "2", cwd=cwd).stdout.startswith("reopened local/notes#2:")
    unknown = actionbot("close", "99", cwd=cwd)
    assert unknown.stderr == "error: no action item 99 among the bot's issues\n"
