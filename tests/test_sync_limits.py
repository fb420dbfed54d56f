"""GitHub's limits: a note can say more than an issue can hold, and GitHub can refuse one item; the
other items sync all the same."""

from __future__ import annotations

from pathlib import Path

from bot.issueindex import issuetext
from bot.syncplan.apply import SyncResult
from tests import syncbed
from tests.github_emulator import GitHubEmulator, body_of

GITHUB_MAX_BODY = 65_536


def sync(emu: GitHubEmulator, root: Path) -> SyncResult:
    config = syncbed.make_config(emu, root / "state")
    return syncbed.sync(emu, config, syncbed.extract(config, root / "notes"), root=root)


def test_a_70000_character_sentence_is_cut_to_fit_and_blocks_nothing(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    huge = "Priya will rotate the " + "k" * 70_000 + " key."
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(
        f"---\ndate: 2026-05-06\n---\n\n{huge}\n\nSam will book the room.\n\nLee will write the FAQ.\n",
        encoding="utf-8",
    )
    result = sync(repo, tmp_path)
    assert result.error is None and result.created == 3
    key = next(i for i in repo.issues(syncbed.REPO) if i.title.startswith("Rotate"))
    body = body_of(key)
    assert len(body) <= GITHUB_MAX_BODY and len(key.title) <= issuetext.MAX_TITLE
    quote = next(line for line in body.splitlines() if line.startswith("> "))
    assert quote.startswith("> Priya will rotate the kkk") and quote.endswith("…")
    assert issuetext.parse_marker(body) is not None
    repo.reset_log()
    assert sync(repo, tmp_path).error is None and repo.writes() == []


def test_an_item_github_refuses_is_reported_and_the_others_sync(repo: GitHubEmulator, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(syncbed.FIVE_ITEMS, encoding="utf-8")
    refused = repo.inject(
        "422", method="POST", match=lambda r: (r.json or {}).get("title", "").startswith("Write the FAQ")
    )
    result = sync(repo, tmp_path)
    assert refused.hits and result.created == 4
    assert result.error is not None and "Write the FAQ" in result.error and "422" in result.error
    assert "\n" not in result.error
    assert not any(i.title.startswith("Write the FAQ") for i in repo.issues(syncbed.REPO))
    again = sync(repo, tmp_path)  # GitHub takes it now: the rerun opens it, and only it
    assert again.error is None and again.created == 1 and len(repo.issues(syncbed.REPO)) == 5
