"""A fixed item's issue title follows the note, when the bot wrote that title and no person has
changed it since (GitHub emulator, PyGithub's real HTTP stack)."""

from __future__ import annotations

from pathlib import Path

from bot.syncplan.apply import SyncResult
from tests import syncbed
from tests.github_emulator import GitHubEmulator, Issue, body_of

TYPO = syncbed.THREE_ITEMS.replace("rotate the signing key", "rotate the singing key")


def sync(emu: GitHubEmulator, tmp_path: Path, text: str) -> SyncResult:
    notes = tmp_path / "notes"
    notes.mkdir(exist_ok=True)
    (notes / "2026-05-06.md").write_text(text, encoding="utf-8")
    config = syncbed.make_config(emu, tmp_path / "state")
    result = syncbed.sync(emu, config, syncbed.extract(config, notes), root=tmp_path)
    assert result.error is None
    return result


def key_issue(emu: GitHubEmulator) -> Issue:
    return next(i for i in emu.issues(syncbed.REPO) if "Priya" in i.title)


def test_the_title_follows_a_fixed_note(repo: GitHubEmulator, tmp_path: Path) -> None:
    sync(repo, tmp_path, TYPO)
    assert key_issue(repo).title == "Rotate the singing key (Priya Raman)"
    repo.reset_log()
    fixed = sync(repo, tmp_path, syncbed.THREE_ITEMS)
    assert fixed.updated == 1
    issue = key_issue(repo)
    assert issue.title == "Rotate the signing key (Priya Raman)"
    assert "Rotate the signing key" in body_of(issue)
    # Title and body in one write.
    assert [(r.method, r.canonical_path) for r in repo.writes()] == [
        ("PATCH", f"/repos/{syncbed.REPO}/issues/{issue.number}")
    ]


def test_a_title_a_person_changed_stays(repo: GitHubEmulator, tmp_path: Path) -> None:
    sync(repo, tmp_path, TYPO)
    number = key_issue(repo).number
    repo.add_user("priyar")
    repo.update_issue(syncbed.REPO, number, title="Rotate the release signing key", as_user="priyar")
    sync(repo, tmp_path, syncbed.THREE_ITEMS)
    issue = repo.issue(syncbed.REPO, number)
    assert issue.title == "Rotate the release signing key"
    assert "Rotate the signing key" in body_of(issue)  # the bot's block still follows the note
