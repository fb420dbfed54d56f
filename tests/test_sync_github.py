"""Sync against the GitHub emulator through PyGithub's real HTTP stack."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.issueindex import issuetext
from bot.syncplan.apply import SyncResult
from tests import syncbed
from tests.conftest import DEV_NOTES, ROOT, needs_shared
from tests.github_emulator import GitHubEmulator, body_of

NOTE = syncbed.FIVE_ITEMS
LATER = syncbed.RAISED_AGAIN


@pytest.fixture
def repo(repo: GitHubEmulator) -> GitHubEmulator:
    repo.add_repo("team/website", collaborators=["priyar"])
    return repo


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(emu: GitHubEmulator, tmp_path: Path, notes: Path, **tracker: object) -> SyncResult:
    config = syncbed.make_config(emu, tmp_path / "state", **tracker)
    return syncbed.sync(emu, config, syncbed.extract(config, notes), root=tmp_path)


def test_three_runs_create_each_issue_once_then_write_nothing(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    first = run(repo, tmp_path, notes)
    assert first.error is None and first.created == 5
    ids = syncbed.item_ids_in(repo)
    assert len(ids) == len(set(ids)) == 5
    for _ in range(2):
        repo.reset_log()
        again = run(repo, tmp_path, notes)
        assert again.error is None and again.created == again.updated == 0
        assert repo.writes() == []
        # One read of who the bot is, one listing of its issues: nothing per item.
        assert [(r.method, r.canonical_path) for r in repo.requests] == [
            ("GET", "/user"),
            ("GET", f"/repos/{syncbed.REPO}/issues"),
        ]
    assert syncbed.item_ids_in(repo) == ids


def test_issue_content(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    run(repo, tmp_path, notes)
    issues = {i.title: i for i in repo.issues(syncbed.REPO)}
    key = issues["Rotate the signing key (Priya Raman)"]
    assert [label.name for label in key.labels] == ["action-item", "meeting:2026-05-06"]
    assert [user.login for user in key.assignees] == ["priyar"]
    body = body_of(key)
    assert "> Priya will rotate the signing key by Friday." in body
    assert "**Due:** 2026-05-08" in body and "@priyar (Priya Raman)" in body
    assert "https://github.com/team/notes/blob/main/notes/2026-05-06.md#L8" in body
    marker = issuetext.parse_marker(body)
    assert marker is not None and marker.meeting == "2026-05-06"
    # Dana has no login: named, not assigned. Olga is in the roster but cannot be assigned here.
    proof = issues["Proofread the FAQ (Dana Whitfield)"]  # "it" is the FAQ of the sentence before
    assert proof.assignees == [] and "Dana Whitfield" in body_of(proof)
    logo = issues["Ask about the logo (Outside Olga)"]
    assert logo.assignees == [] and "Not assignable in this repository: @olga." in body_of(logo)
    assert {label.name for label in repo.labels(syncbed.REPO)} >= {"action-item", "meeting:2026-05-06"}


def test_changed_sentence_updates_only_the_bots_block(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    note = write(notes, "2026-05-06.md", NOTE)
    run(repo, tmp_path, notes)
    number = next(i.number for i in repo.issues(syncbed.REPO) if i.title.startswith("Update the changelog"))
    human = body_of(repo.issue(syncbed.REPO, number)) + "\n\nPeople wrote this below the bot's part."
    repo.update_issue(syncbed.REPO, number, body=human, as_user="priyar")
    note.write_text(NOTE.replace("Sam to update the changelog.", "Sam to update the changelog and NEWS."))
    repo.reset_log()
    result = run(repo, tmp_path, notes)
    assert result.updated == 1 and result.created == 0
    assert [(w.method, w.canonical_path) for w in repo.writes()] == [
        ("PATCH", f"/repos/{syncbed.REPO}/issues/{number}")
    ]
    body = body_of(repo.issue(syncbed.REPO, number))
    assert "> Sam to update the changelog and NEWS." in body
    assert body.endswith("People wrote this below the bot's part.")
    repo.reset_log()
    run(repo, tmp_path, notes)
    assert repo.writes() == []


def test_later_mention_is_one_comment_even_on_a_closed_issue(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    run(repo, tmp_path, notes)
    number = next(i.number for i in repo.issues(syncbed.REPO) if i.title.startswith("Rotate the signing key"))
    repo.close_issue(syncbed.REPO, number, as_user="priyar")
    write(notes, "2026-05-20.md", LATER)
    for _ in range(2):
        run(repo, tmp_path, notes)
    comments = repo.comments(syncbed.REPO, number)
    assert [c.body.splitlines()[0] for c in comments] == [
        "Raised again at the 2026-05-20 meeting ([2026-05-20.md#L8](https://github.com/team/notes/blob/main/notes/2026-05-20.md#L8)):"
    ]
    assert len(syncbed.item_ids_in(repo)) == 5
    assert repo.issue(syncbed.REPO, number).state == "closed"


def test_backfill_folds_a_later_mention_into_the_first_issue(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    write(notes, "2026-05-20.md", LATER)
    run(repo, tmp_path, notes)
    assert len(repo.issues(syncbed.REPO)) == 5
    # Both meetings are read in this run: the issue opens telling the later mention, in one write.
    assert not any(w.canonical_path.endswith("/comments") for w in repo.writes())
    key = next(i for i in repo.issues(syncbed.REPO) if i.title.startswith("Rotate the signing key"))
    assert "Raised again at the 2026-05-20 meeting" in body_of(key)
    assert "> Priya will rotate the signing key before the release." in body_of(key)
    repo.reset_log()
    run(repo, tmp_path, notes)
    assert repo.writes() == []


@pytest.mark.parametrize("close", [False, True])
def test_item_deleted_from_its_note_is_flagged_once(
    repo: GitHubEmulator, tmp_path: Path, close: bool
) -> None:
    notes = tmp_path / "notes"
    note = write(notes, "2026-05-06.md", NOTE)
    run(repo, tmp_path, notes, close_removed=close)
    note.write_text(NOTE.replace("Sam to update the changelog.\n", ""))
    for _ in range(2):
        result = run(repo, tmp_path, notes, close_removed=close)
        assert result.error is None
    issue = next(i for i in repo.issues(syncbed.REPO) if i.title.startswith("Update the changelog"))
    comments = repo.comments(syncbed.REPO, issue.number)
    assert len(comments) == 1 and "no longer in its meeting notes" in comments[0].body
    assert issue.state == ("closed" if close else "open")


def test_notes_not_read_in_this_run_are_not_judged(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    first = write(notes, "2026-05-06.md", NOTE)
    second = write(notes, "2026-05-20.md", LATER.replace("rotate the signing key", "order stickers"))
    run(repo, tmp_path, notes)
    repo.reset_log()
    run(repo, tmp_path, second)  # as a push touching only the second note does
    assert repo.writes() == []
    assert first.exists()


def test_items_route_to_the_repository_they_name(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(
        notes,
        "2026-05-06.md",
        NOTE + "\n## Website\n\nPriya will fix the header.\n\nSam will update team/website#12 today.\n",
    )
    routes = [{"section": "(?i)^website$", "repo": "team/website"}]
    result = run(repo, tmp_path, notes, routes=routes)
    assert result.error is None
    assert sorted(i.title for i in repo.issues("team/website")) == [
        "Fix the header (Priya Raman)",
        "Update team/website#12 (Samuel Okafor)",
    ]
    assert len(repo.issues(syncbed.REPO)) == 5


def test_a_repository_of_another_owner_is_not_written_to(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE + "\nSam will look at stranger/elsewhere#3.\n")
    run(repo, tmp_path, notes)
    assert any("stranger" in i.title for i in repo.issues(syncbed.REPO))


def test_markers_in_other_peoples_issues_are_not_trusted(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    run(repo, tmp_path, notes, state_dir=str(tmp_path / "probe"))
    stolen = repo.issues(syncbed.REPO)[0].body
    fresh = GitHubEmulator().start()
    try:
        syncbed.add_notes_repo(fresh)
        fresh.add_user("mallory")
        fresh.create_issue(syncbed.REPO, "Spoof", body=stolen, as_user="mallory")
        run(fresh, tmp_path, notes)
        assert len(syncbed.item_ids_in(fresh)) == 5  # all five opened by the bot, the spoof ignored
    finally:
        fresh.stop()
    fresh.assert_healthy()


def test_issues_opened_twice_by_a_race_are_reduced_to_the_oldest(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    run(repo, tmp_path, notes)
    first = repo.issues(syncbed.REPO)[0]
    repo.create_issue(syncbed.REPO, first.title, body=first.body)  # what a racing second run would leave
    run(repo, tmp_path, notes)
    twin = repo.issues(syncbed.REPO)[-1]
    assert twin.state == "closed" and twin.state_reason == "not_planned"
    [comment] = repo.comments(syncbed.REPO, twin.number)
    assert comment.body.startswith(f"Duplicate of #{first.number}")


def test_dry_run_writes_nothing(repo: GitHubEmulator, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    config = syncbed.make_config(repo, tmp_path / "state")
    result = syncbed.sync(repo, config, syncbed.extract(config, notes), root=tmp_path, dry_run=True)
    assert len(result.plan.steps) == 5 and repo.writes() == []


@pytest.mark.slow
@needs_shared()
def test_dev_notes_three_runs(repo: GitHubEmulator, tmp_path: Path) -> None:
    import yaml

    people = yaml.safe_load((DEV_NOTES / "roster.yaml").read_text(encoding="utf-8"))["people"]
    config = syncbed.make_config(repo, tmp_path / "state").model_copy(update={"people": []})
    config = type(config).model_validate({**config.model_dump(), "people": people})
    extraction = syncbed.extract(config, DEV_NOTES)
    first = syncbed.sync(repo, config, extraction, root=ROOT)
    assert first.error is None
    ids = syncbed.item_ids_in(repo)
    assert len(ids) == len(set(ids)) == first.created
    for _ in range(2):
        repo.reset_log()
        assert syncbed.sync(repo, config, extraction, root=ROOT).error is None
        assert repo.writes() == []


PROGRESS = """---
title: Sync
date: 2026-05-20
---

## Docs

Lee finished the FAQ and it is merged.
"""


@pytest.mark.parametrize("close", [False, True])
def test_progress_in_a_later_note_is_one_comment(repo: GitHubEmulator, tmp_path: Path, close: bool) -> None:
    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    run(repo, tmp_path, notes, close_on_done=close)
    write(notes, "2026-05-20.md", PROGRESS)
    for _ in range(2):
        assert run(repo, tmp_path, notes, close_on_done=close).error is None
    faq = next(i for i in repo.issues(syncbed.REPO) if i.title.startswith("Write the FAQ"))
    [comment] = repo.comments(syncbed.REPO, faq.number)
    assert comment.body.startswith("Progress reported at the 2026-05-20 meeting")
    assert "reported done" in comment.body and "> Lee finished the FAQ and it is merged." in comment.body
    assert faq.state == ("closed" if close else "open")
    repo.reset_log()
    run(repo, tmp_path, notes, close_on_done=close)
    assert repo.writes() == []


def test_report_tells_who_closed_an_item_on_github(repo: GitHubEmulator, tmp_path: Path) -> None:
    import datetime as dt

    from bot.commands import status
    from bot.followup import checklist
    from bot.wiring import make_tracker

    notes = tmp_path / "notes"
    write(notes, "2026-05-06.md", NOTE)
    config = syncbed.make_config(repo, tmp_path / "state")
    extraction = syncbed.extract(config, notes)
    syncbed.sync(repo, config, extraction, root=tmp_path)
    key = next(i for i in repo.issues(syncbed.REPO) if i.title.startswith("Rotate the signing key"))
    repo.add_user("priyar")
    mention = repo.create_pull_request(syncbed.REPO, "Mentions it", as_user="priyar")  # open, unmerged
    repo.cross_reference(syncbed.REPO, key.number, from_pull_request=mention.number, as_user="priyar")
    fix = repo.cross_reference(syncbed.REPO, key.number, as_user="priyar")  # a merged "Fixes #n"
    repo.close_issue(syncbed.REPO, key.number, as_user="priyar")
    with syncbed.token(repo):
        report = status.follow_up(config, extraction, make_tracker(config), dt.date(2026, 5, 20), tmp_path)
    closed = next(s for s in report.statuses if s.closed)
    assert closed.item.task == "Rotate the signing key" and closed.closure.by == "priyar"
    pull_url = f"https://github.com/{syncbed.REPO}/pull/{fix.number}"
    assert closed.closure.pull_request == pull_url
    line = next(line for line in checklist.markdown(report).splitlines() if "Rotate the signing key" in line)
    assert line.startswith("- [x] Rotate the signing key") and "by @priyar" in line
    assert f"(PR {pull_url})" in line
