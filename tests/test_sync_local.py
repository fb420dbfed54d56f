"""The embedded tracker, and the README's main command that uses it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests import clibed
from tests.conftest import ROOT


def actionbot(*args: str, cwd: Path) -> clibed.Ran:
    return clibed.actionbot(*args, cwd=cwd)


@pytest.mark.slow
def test_sync_into_the_local_tracker_is_idempotent(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    first = actionbot("sync", "examples/notes", "--config", "examples/config.yaml", "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    plan = json.loads(first.stdout)
    created = plan["created"]
    assert created >= 10 and created == sum(step["action"] == "create" for step in plan["plan"])
    assert (tmp_path / ".actionbot" / "tracker.sqlite").is_file()
    again = actionbot("sync", "examples/notes", "--config", "examples/config.yaml", "--json", cwd=tmp_path)
    rerun = json.loads(again.stdout)
    assert rerun["created"] == rerun["updated"] == 0
    assert {step["action"] for step in rerun["plan"]} == {"skip"}


@pytest.mark.slow
def test_dry_run_shows_the_plan_and_writes_nothing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    run = actionbot("sync", "examples/notes", "-c", "examples/config.yaml", "--dry-run", cwd=tmp_path)
    assert run.returncode == 0 and "(dry run)" in run.stdout
    again = actionbot("sync", "examples/notes", "-c", "examples/config.yaml", "--json", cwd=tmp_path)
    assert json.loads(again.stdout)["created"] >= 10


@pytest.mark.slow
def test_a_repo_without_its_token_says_it_writes_to_the_local_tracker(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    config = tmp_path / "examples" / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "tracker: {repo: team/notes}\n", encoding="utf-8")
    args = ("sync", "examples/notes", "--config", "examples/config.yaml")
    run = actionbot(*args, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "issues created, 0 updated in the local tracker (.actionbot/tracker.sqlite)" in run.stdout
    assert run.stderr.splitlines()[0] == (
        "warning: tracker.repo is team/notes but $GITHUB_TOKEN is not set: writing to the local tracker "
        "(.actionbot/tracker.sqlite) instead; set the token, or tracker.kind: github to make this an error"
    )
    as_json = json.loads(actionbot(*args, "--json", cwd=tmp_path).stdout)
    assert as_json["tracker"] == {"kind": "local", "where": ".actionbot/tracker.sqlite"}
    strict = config.read_text(encoding="utf-8").replace(
        "{repo: team/notes}", "{repo: team/notes, kind: github}"
    )
    config.write_text(strict, encoding="utf-8")
    failed = actionbot(*args, cwd=tmp_path)
    assert failed.returncode == 1
    assert failed.stderr.splitlines()[-1] == "error: tracker.kind is github but $GITHUB_TOKEN is not set"


def test_after_a_sync_the_table_names_the_issues_it_opened(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text("# Sync 2026-05-06\n\nLee will write the FAQ.\n", encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(
        "people: [{name: Lee Chen, aliases: [Lee]}]\nnotes: {paths: [notes]}\n", encoding="utf-8"
    )
    run = actionbot("sync", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "local/notes#1" in run.stdout and "(new)" not in run.stdout
    assert "1 issue created, 0 updated in the local tracker" in run.stdout
    as_json = json.loads(actionbot("sync", "--json", cwd=tmp_path).stdout)
    assert as_json["plan"][0]["number"] == 1
    # A dry run opens nothing: what it would open is still new.
    (notes / "2026-05-20.md").write_text("# Sync 2026-05-20\n\nLee will test the FAQ.\n", encoding="utf-8")
    planned = actionbot("sync", "--dry-run", cwd=tmp_path)
    assert "local/notes (new)" in planned.stdout
