"""Planning work grows in step with the items, and a sync plans once.

Time is measured in benchmarks/planning.py (run by benchmarks/scale.py); here the work is counted
instead, as the Python function calls planning makes, which do not depend on the machine.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from benchmarks import planning
from bot.syncplan import apply
from bot.syncplan.plan import SyncPlan, make_plan
from tests import syncbed
from tests.github_emulator import GitHubEmulator


def calls_while_planning(meetings: int) -> int:
    notes, items = planning.generate(meetings)
    count = 0

    def profile(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        planning.plan(items, notes)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.slow
def test_planning_four_times_the_items_is_about_four_times_the_work() -> None:
    small, large = calls_while_planning(30), calls_while_planning(120)  # 600 and 2,400 items
    # Linear work gives 4; the earlier-mention search and the progress matcher, comparing every item
    # with every earlier one, gave 16.
    assert large / small < 5, (small, large)


def test_a_sync_plans_once(
    github_emulator: GitHubEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    syncbed.add_notes_repo(github_emulator)
    made: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> SyncPlan:
        made.append(1)
        return make_plan(*args, **kwargs)

    monkeypatch.setattr(apply, "make_plan", counted)  # the name the sync calls it by
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(syncbed.FIVE_ITEMS, encoding="utf-8")
    config = syncbed.make_config(github_emulator, tmp_path / "state")
    result = syncbed.sync(github_emulator, config, syncbed.extract(config, tmp_path / "notes"), root=tmp_path)
    assert result.error is None and result.created == 5
    assert len(made) == 1
    assignees = {tuple(sorted(u.login for u in i.assignees)) for i in github_emulator.issues(syncbed.REPO)}
    assert ("priyar",) in assignees  # assignees still come from the one plan
