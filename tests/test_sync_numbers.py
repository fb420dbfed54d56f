"""Promises that differ only in a number (a PR, a version, a room, a date) are different promises:
each gets its own issue, never a "raised again" comment on the other's."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests import clibed, syncbed
from tests.github_emulator import GitHubEmulator

FIRST = """---
title: Sync
date: 2026-05-06
---

## Work

Priya will review PR 123.

Sam to release version 1.2.

Lee will book room 101 for the review.
"""
SECOND = """---
title: Sync
date: 2026-05-20
---

## Work

Priya will review PR 456.

Sam to release version 1.3.

Lee will book room 204 for the review.
"""


def write_notes(folder: Path) -> Path:
    notes = folder / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(FIRST, encoding="utf-8")
    (notes / "2026-05-20.md").write_text(SECOND, encoding="utf-8")
    return notes


def test_six_promises_differing_in_numbers_are_six_issues_on_github(
    github_emulator: GitHubEmulator, tmp_path: Path
) -> None:
    syncbed.add_notes_repo(github_emulator)
    notes = write_notes(tmp_path)
    config = syncbed.make_config(github_emulator, tmp_path / "state")
    result = syncbed.sync(github_emulator, config, syncbed.extract(config, notes), root=tmp_path)
    assert result.error is None and result.created == 6
    titles = sorted(issue.title for issue in github_emulator.issues(syncbed.REPO))
    assert len(titles) == 6
    for number in ("123", "456", "1.2", "1.3", "101", "204"):
        assert sum(number in title for title in titles) == 1, titles
    assert all(not issue.comments for issue in github_emulator.issues(syncbed.REPO))


def test_six_promises_differing_in_numbers_are_six_issues_in_the_local_tracker(tmp_path: Path) -> None:
    write_notes(tmp_path)
    config = {"people": syncbed.PEOPLE, "tracker": {"kind": "local"}}
    (tmp_path / "actionbot.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    run = clibed.actionbot("sync", "notes", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    plan = json.loads(run.stdout)
    assert plan["created"] == 6
    assert [step["action"] for step in plan["plan"]].count("create") == 6
