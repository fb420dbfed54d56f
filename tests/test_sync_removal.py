"""When an item is gone: only a note read in the run can say so, and an item that comes back gets
its issue back (reopened, if the bot closed it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import syncbed
from tests.github_emulator import GitHubEmulator

GONE = "no longer in its meeting notes"
BACK = "back in its meeting notes"
INFRA = (
    "---\ndate: 2026-05-06\n---\n\n## Build\n\nPriya will update the changelog.\n\nSam will book the room.\n"
)
WEBSITE = "---\ndate: 2026-05-06\n---\n\n## Web\n\nLee will fix the header.\n"


def run(emu: GitHubEmulator, root: Path, **tracker: Any) -> None:
    config = syncbed.make_config(emu, root / "state", **tracker)
    result = syncbed.sync(emu, config, syncbed.extract(config, root / "notes"), root=root)
    assert result.error is None, result.error


def told(emu: GitHubEmulator, number: int) -> list[str]:
    """What the bot's comments on the issue say, by their first words."""
    return [
        GONE if GONE in c.body else BACK if BACK in c.body else c.body
        for c in emu.comments(syncbed.REPO, number)
    ]


def test_a_deleted_note_is_not_read_so_its_issues_are_not_judged(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    infra = syncbed.write_note(tmp_path, "infra/2026-05-06.md", INFRA)
    syncbed.write_note(tmp_path, "website/2026-05-06.md", WEBSITE)  # another note of that date, still read
    run(repo, tmp_path, close_removed=True)
    infra.unlink()
    repo.reset_log()
    run(repo, tmp_path, close_removed=True)
    assert repo.writes() == []
    assert all(issue.state == "open" for issue in repo.issues(syncbed.REPO))


@pytest.mark.parametrize("close", [True, False])
def test_an_item_that_comes_back_is_told_and_reopened_if_the_bot_closed_it(
    repo: GitHubEmulator, tmp_path: Path, close: bool
) -> None:
    note = syncbed.write_note(tmp_path, "2026-05-06.md", INFRA)
    run(repo, tmp_path, close_removed=close)
    room = syncbed.numbered(repo, "Book the room")
    for round_ in (1, 2):  # gone and back twice: each time told once
        note.write_text(INFRA.replace("Sam will book the room.\n", ""), encoding="utf-8")
        for _ in range(2):
            run(repo, tmp_path, close_removed=close)
        assert repo.issue(syncbed.REPO, room).state == ("closed" if close else "open")
        note.write_text(INFRA, encoding="utf-8")  # the deletion reverted
        for _ in range(2):
            run(repo, tmp_path, close_removed=close)
        issue = repo.issue(syncbed.REPO, room)
        assert issue.state == "open"
        assert told(repo, room) == [GONE, BACK] * round_
    repo.reset_log()
    run(repo, tmp_path, close_removed=close)
    assert repo.writes() == []


def test_an_issue_people_closed_stays_closed_when_its_item_comes_back(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    note = syncbed.write_note(tmp_path, "2026-05-06.md", INFRA)
    run(repo, tmp_path)
    room = syncbed.numbered(repo, "Book the room")
    note.write_text(INFRA.replace("Sam will book the room.\n", ""), encoding="utf-8")
    run(repo, tmp_path)
    repo.close_issue(syncbed.REPO, room, reason="completed", as_user="sokafor")
    note.write_text(INFRA, encoding="utf-8")
    run(repo, tmp_path, close_removed=True)
    assert repo.issue(syncbed.REPO, room).state == "closed"
    assert told(repo, room) == [GONE, BACK]
