"""What people do on GitHub survives the bot, and an item's identity follows the meeting, not the
words or the file. Each test acts as a person between runs against the emulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.syncplan.apply import SyncResult
from tests import syncbed
from tests.github_emulator import GitHubEmulator, body_of

NOTE = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by Friday.

Sam to update the changelog.

## Docs

Lee offered to write the FAQ.
"""


@pytest.fixture
def repo(repo: GitHubEmulator) -> GitHubEmulator:
    repo.add_user("priyar")
    return repo


def run(emu: GitHubEmulator, tmp_path: Path, notes: Path | list[Path]) -> SyncResult:
    config = syncbed.make_config(emu, tmp_path / "state")
    result = syncbed.sync(emu, config, syncbed.extract(config, notes), root=tmp_path)
    assert result.error is None
    return result


def note(tmp_path: Path, text: str = NOTE, name: str = "2026-05-06.md") -> Path:
    folder = tmp_path / "notes"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_human_edits_survive_while_a_changed_sentence_still_updates_the_block(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    notes = note(tmp_path)
    run(repo, tmp_path, notes)
    key, changelog, faq = (
        syncbed.numbered(repo, p) for p in ("Rotate", "Update the changelog", "Write the FAQ")
    )
    milestone = repo.create_milestone(syncbed.REPO, "June", as_user="priyar")
    repo.update_issue(syncbed.REPO, key, title="Rotate ALL the keys", as_user="priyar")
    repo.update_issue(syncbed.REPO, key, labels=["security"], milestone=milestone.number, as_user="priyar")
    repo.update_issue(syncbed.REPO, changelog, assignees=[], as_user="priyar")
    repo.close_issue(syncbed.REPO, faq, reason="not_planned", as_user="priyar")
    repo.reopen_issue(syncbed.REPO, changelog, as_user="priyar")  # reopened stays open
    before = {i.number: i for i in repo.issues(syncbed.REPO)}

    def human_fields(number: int) -> tuple[object, ...]:
        issue = repo.issue(syncbed.REPO, number)
        return (
            issue.title,
            sorted(label.name for label in issue.labels),
            sorted(user.login for user in issue.assignees),
            issue.milestone.number if issue.milestone else None,
            issue.state,
            issue.state_reason,
        )

    expected = {number: human_fields(number) for number in before}
    (notes / "2026-05-06.md").write_text(NOTE.replace("by Friday", "by Thursday"), encoding="utf-8")
    for attempt in range(3):
        repo.reset_log()
        run(repo, tmp_path, notes)
        assert {number: human_fields(number) for number in before} == expected
        patches = repo.writes()
        if attempt == 0:
            # Only the changed sentence's block, and only the body.
            assert [(w.method, w.canonical_path, sorted(w.json)) for w in patches] == [
                ("PATCH", f"/repos/{syncbed.REPO}/issues/{key}", ["body"])
            ]
        else:
            assert patches == []
    body = body_of(repo.issue(syncbed.REPO, key))
    assert "> Priya will rotate the signing key by Thursday." in body and "**Due:** 2026-05-07" in body
    assert repo.comments(syncbed.REPO, faq) == []


def test_not_planned_is_not_asked_again(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = note(tmp_path)
    run(repo, tmp_path, notes)
    faq = syncbed.numbered(repo, "Write the FAQ")
    repo.close_issue(syncbed.REPO, faq, reason="not_planned", as_user="priyar")
    later = "---\ndate: 2026-05-20\n---\n\n## Docs\n\nLee looked at the FAQ again.\n"
    note(tmp_path, later, "2026-05-20.md")
    (notes / "2026-05-06.md").write_text(
        NOTE.replace("Lee offered to write the FAQ.\n", ""), encoding="utf-8"
    )
    for _ in range(2):
        run(repo, tmp_path, notes)
    assert repo.comments(syncbed.REPO, faq) == []  # no progress note, no "removed" flag
    assert repo.issue(syncbed.REPO, faq).state_reason == "not_planned"


# -- identity --------------------------------------------------------------------------------------


def titles(emu: GitHubEmulator) -> list[str]:
    return sorted(i.title for i in emu.issues(syncbed.REPO))


def test_same_words_at_two_meetings_are_two_items(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = note(tmp_path, "---\ndate: 2026-05-06\n---\n\n## Build\n\nSam will water the plants.\n")
    note(tmp_path, "---\ndate: 2026-05-20\n---\n\n## Office\n\nSam will book the room.\n", "2026-05-20.md")
    note(tmp_path, "---\ndate: 2026-06-03\n---\n\n## Office\n\nSam will book the room.\n", "2026-06-03.md")
    run(repo, tmp_path, notes)
    # The plants are one issue; the room, said at two meetings, is recognisably the same promise:
    # one issue that tells it was raised again.
    assert titles(repo) == ["Book the room (Samuel Okafor)", "Water the plants (Samuel Okafor)"]
    room = syncbed.numbered(repo, "Book the room")
    assert "Raised again at the 2026-06-03 meeting" in body_of(repo.issue(syncbed.REPO, room))
    assert repo.comments(syncbed.REPO, room) == []  # both meetings read in one run: told in the body


def test_same_words_in_two_sections_of_one_note_are_two_items(repo: GitHubEmulator, tmp_path: Path) -> None:
    text = (
        "---\ndate: 2026-05-06\n---\n\n## Build\n\nSam will write the docs.\n\n"
        "## Website\n\nSam will write the docs.\n"
    )
    run(repo, tmp_path, note(tmp_path, text))
    # Each title says which docs: its section is the only thing telling them apart in an issue list.
    assert sorted(titles(repo)) == [
        "Write the docs on Build (Samuel Okafor)",
        "Write the docs on Website (Samuel Okafor)",
    ]
    assert sorted(len(repo.comments(syncbed.REPO, i.number)) for i in repo.issues(syncbed.REPO)) == [0, 0]


def test_moved_reworded_or_renamed_stays_the_same_issue(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = note(tmp_path)
    run(repo, tmp_path, notes)
    numbers = {i.title: i.number for i in repo.issues(syncbed.REPO)}
    changelog = syncbed.numbered(repo, "Update the changelog")
    edited = NOTE.replace(
        "Sam to update the changelog.",
        "Samuel Okafor to update the changleog.",  # another spelling, a typo
    ).replace("## Build\n\n", "## Build\n\nSome new context first.\n\n")  # every line below moves
    (notes / "2026-05-06.md").unlink()
    note(tmp_path, edited, "renamed-sync.md")  # and the file is renamed
    repo.reset_log()
    run(repo, tmp_path, notes)
    assert sorted(i.number for i in repo.issues(syncbed.REPO)) == sorted(numbers.values())  # no new issue
    # Each issue now points at the renamed note, once; the typo also changed the changelog's quote.
    assert sorted((w.method, w.canonical_path) for w in repo.writes()) == [
        ("PATCH", f"/repos/{syncbed.REPO}/issues/{number}") for number in sorted(numbers.values())
    ]
    edited_issue = repo.issue(syncbed.REPO, changelog)
    # The bot's own title follows the note, in the same write as the quote.
    assert edited_issue.title == "Update the changleog (Samuel Okafor)"
    assert "changleog" in body_of(edited_issue)
    for issue in repo.issues(syncbed.REPO):
        assert "notes/renamed-sync.md" in body_of(issue) and repo.comments(syncbed.REPO, issue.number) == []
    repo.reset_log()
    run(repo, tmp_path, notes)
    assert repo.writes() == []
