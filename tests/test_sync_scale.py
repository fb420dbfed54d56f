"""A rerun in a busy repository reads the bot's own issues only: 10,000 issues, 2,000 of them the bot's.

Timing is measured in benchmarks/scale.py; here only the requests are counted.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests import syncbed
from tests.github_emulator import GitHubEmulator

BOT_ISSUES = 2_000
OTHER_ISSUES = 8_000
NOTE = syncbed.THREE_ITEMS


def listing_pages(emu: GitHubEmulator, repo: str = syncbed.REPO) -> list[dict[str, str]]:
    """The query of every page of the repository's issue listing (Link-followed pages included)."""
    return [
        r.query for r in emu.requests if r.method == "GET" and r.canonical_path == f"/repos/{repo}/issues"
    ]


@pytest.mark.slow
def test_rerun_reads_only_the_bots_issues(github_emulator: GitHubEmulator, tmp_path: Path) -> None:
    emu = github_emulator
    syncbed.add_notes_repo(emu)
    syncbed.seed_busy_repository(emu, BOT_ISSUES, OTHER_ISSUES)
    issues = emu.issues(syncbed.REPO)
    assert len(issues) == 10_000
    assert sum(any(label.name == "action-item" for label in i.labels) for i in issues) == BOT_ISSUES

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(NOTE, encoding="utf-8")
    config = syncbed.make_config(emu, tmp_path / "state")
    extraction = syncbed.extract(config, notes)
    items = len(extraction.items)
    assert items == 3

    first = syncbed.sync(emu, config, extraction, root=tmp_path)
    assert first.error is None and first.created == items and first.updated == 0

    emu.reset_log()
    again = syncbed.sync(emu, config, extraction, root=tmp_path)
    assert again.error is None and again.created == again.updated == 0
    pages = listing_pages(emu)
    assert len(pages) == math.ceil((BOT_ISSUES + items) / 100) == 21
    # Every page asks for the bot's issues by creator, 100 at a time, whatever their labels or state.
    assert all(
        (q.get("creator"), q.get("per_page"), q.get("state")) == (emu.login, "100", "all") for q in pages
    )
    assert [p.get("page", "1") for p in pages] == [str(n) for n in range(1, len(pages) + 1)]
    assert len(emu.requests) == 1 + len(pages)
    assert (emu.requests[0].method, emu.requests[0].canonical_path) == ("GET", "/user")
    assert emu.writes() == []
    # None of the 2,000 old issues was touched: their notes were not read in this run.
    assert len(syncbed.item_ids_in(emu)) == BOT_ISSUES + items
