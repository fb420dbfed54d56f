"""Corrections people make on the bot's issues (closed as not planned within the week, retitled,
reassigned), recorded in the corrections file like a review's; `close` and `reopen` record and
undo one; `learn` exports them all as examples in the corpora's gold format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.commands import learn
from bot.config import Config
from bot.issues import Issue
from bot.review import store
from bot.trackers.github import GitHubTracker
from tests import clibed, syncbed
from tests.conftest import SCORER, needs_shared
from tests.github_emulator import GitHubEmulator


def synced(emu: GitHubEmulator, tmp_path: Path) -> tuple[Config, dict[str, Issue]]:
    """The five items synced; their issues by the first owner's name."""
    config = syncbed.make_config(emu, tmp_path / "state")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(syncbed.FIVE_ITEMS, encoding="utf-8")
    result = syncbed.sync(emu, config, syncbed.extract(config, notes), tmp_path)
    assert result.error is None
    return config, {
        step_issue.title.split("(")[1].split(")")[0]: step_issue for step_issue in result.issues.values()
    }


def test_closed_as_not_planned_retitled_and_reassigned_issues_are_recorded(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    config, issues = synced(repo, tmp_path)
    repo.close_issue(syncbed.REPO, issues["Samuel Okafor"].number, reason="not_planned", as_user="priyar")
    repo.update_issue(
        syncbed.REPO, issues["Lee Chen"].number, title="Write the contributor FAQ", as_user="priyar"
    )
    repo.update_issue(syncbed.REPO, issues["Dana Whitfield"].number, assignees=["leechen"], as_user="priyar")
    repo.close_issue(syncbed.REPO, issues["Priya Raman"].number, as_user="priyar")
    # Dropped a week and more after it was opened: a plan given up, not an item misread.
    repo.clock.advance(8 * 24 * 3600)
    repo.close_issue(syncbed.REPO, issues["Outside Olga"].number, reason="not_planned", as_user="priyar")
    path = tmp_path / store.FILE_NAME
    with syncbed.token(repo):
        tracker = GitHubTracker(repo.token, api_url=repo.url, seconds_between_writes=None, retries=0)
        recorded = learn.record_from_issues(config, tracker, tmp_path, path, [])
    found = {c.said.owners[0]: c for c in recorded}
    assert sorted(found) == ["Dana Whitfield", "Lee Chen", "Priya Raman", "Samuel Okafor"]
    assert found["Samuel Okafor"].kind == "ignore"
    assert (
        found["Samuel Okafor"].source
        == f"issue {syncbed.REPO}#{issues['Samuel Okafor'].number} closed as not planned"
    )
    assert (found["Lee Chen"].kind, found["Lee Chen"].title, found["Lee Chen"].assignees) == (
        "override",
        "Write the contributor FAQ",
        None,
    )
    assert (found["Dana Whitfield"].title, found["Dana Whitfield"].assignees) == (None, ("@leechen",))
    assert found["Priya Raman"].kind == "confirm"
    assert store.load(path) == recorded
    # Asked again, the issues say nothing new: the file is not rewritten.
    with syncbed.token(repo):
        assert learn.record_from_issues(config, tracker, tmp_path, path, []) == []


def test_the_bots_own_close_as_not_planned_is_no_correction(repo: GitHubEmulator, tmp_path: Path) -> None:
    config, issues = synced(repo, tmp_path)
    repo.close_issue(syncbed.REPO, issues["Samuel Okafor"].number, reason="not_planned")  # as the bot
    with syncbed.token(repo):
        tracker = GitHubTracker(repo.token, api_url=repo.url, seconds_between_writes=None, retries=0)
        assert learn.record_from_issues(config, tracker, tmp_path, tmp_path / store.FILE_NAME, []) == []


def local_checkout(tmp_path: Path) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(syncbed.FIVE_ITEMS, encoding="utf-8")
    people = json.dumps(syncbed.PEOPLE)
    (tmp_path / "actionbot.yaml").write_text(
        f"people: {people}\ntracker: {{kind: local}}\n", encoding="utf-8"
    )
    return tmp_path


def test_close_not_planned_records_and_reopen_undoes_it(tmp_path: Path) -> None:
    root = local_checkout(tmp_path)
    assert clibed.actionbot("sync", cwd=root).returncode == 0
    items = json.loads(clibed.actionbot("items", "--json", cwd=root).stdout)
    sam = next(i for i in items if i["owners"] == ["Samuel Okafor"])
    closed = clibed.actionbot("close", sam["id"][:8], "--not-planned", cwd=root)
    assert "as not an action item" in closed.stdout
    [ignored] = store.load(root / store.FILE_NAME)
    assert (ignored.kind, ignored.id) == ("ignore", sam["id"])
    listed = json.loads(clibed.actionbot("items", "--json", cwd=root).stdout)
    assert {i["owners"][0]: i["correction"] for i in listed}["Samuel Okafor"] == "ignore"
    extracted = json.loads(clibed.actionbot("extract", "--json", cwd=root).stdout)
    assert sam["id"] not in [i["id"] for i in extracted] and len(extracted) == 4
    reopened = clibed.actionbot("reopen", sam["id"][:8], cwd=root)
    assert "it is an action item again" in reopened.stdout
    assert store.load(root / store.FILE_NAME) == []
    assert len(json.loads(clibed.actionbot("extract", "--json", cwd=root).stdout)) == 5


@needs_shared()
def test_learn_exports_the_corrections_as_gold_the_shared_scorer_reads(tmp_path: Path) -> None:
    root = local_checkout(tmp_path)
    raw = clibed.actionbot("extract", "--json", cwd=root).stdout
    assert clibed.actionbot("sync", cwd=root).returncode == 0
    items = json.loads(clibed.actionbot("items", "--json", cwd=root).stdout)
    sam = next(i for i in items if i["owners"] == ["Samuel Okafor"])
    others = [i for i in items if i is not sam]
    clibed.actionbot("close", sam["id"][:8], "--not-planned", cwd=root)
    for item in others:
        clibed.actionbot("close", item["id"][:8], cwd=root)  # done: confirmed
    learned = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learned.returncode == 0, learned.stderr
    assert "4 corrections recorded" in learned.stderr
    assert learn.TOO_FEW.format(count=1, verb="was") in learned.stderr
    gold = json.loads((root / "examples.json").read_text(encoding="utf-8"))
    [note] = gold["notes"]
    assert note["note"] == "notes/2026-05-06.md" and len(note["items"]) == 4
    assert [i["owners"] for i in note["not_items"]] == [["Samuel Okafor"]]
    assert {"owners", "quote", "task", "tier", "due"} <= set(note["items"][0])
    # The bot's own extraction, scored against the team's examples: Sam's item is its one false positive.
    (root / "pred.json").write_text(raw, encoding="utf-8")
    scored = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--gold",
            str(root / "examples.json"),
            "--pred",
            str(root / "pred.json"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(scored.stdout.strip().splitlines()[-1])
    assert score["recall"] == 1.0 and score["precision"] == pytest.approx(4 / 5)
