"""The review comment on a pull request, against the GitHub emulator, through the real CLI: posted
once and edited on every push, honoured on merge, and kept as corrections in the repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.commands import review_comment
from bot.review import comment, store
from tests import syncbed
from tests.clibed import Ran, actionbot
from tests.github_emulator import GitHubEmulator

NOTE = syncbed.FIVE_ITEMS
PUSHED = "ab" * 20
CONFIG = """\
people: {people}
tracker:
  kind: github
  repo: {repo}
  api_url: {url}
  token_env: ACTIONBOT_TEST_TOKEN
  state_dir: state
  seconds_between_writes: 0
  timeout: 2
"""


def checkout(tmp_path: Path, emu: GitHubEmulator, note: str = NOTE) -> Path:
    root = tmp_path / "checkout"
    (root / "notes").mkdir(parents=True, exist_ok=True)
    people = json.dumps(syncbed.PEOPLE)
    (root / "actionbot.yaml").write_text(
        CONFIG.format(people=people, repo=syncbed.REPO, url=emu.url), "utf-8"
    )
    (root / "notes" / "2026-05-06.md").write_text(note, encoding="utf-8")
    return root


def in_actions(emu: GitHubEmulator, root: Path, name: str, payload: dict[str, Any]) -> dict[str, str]:
    event = root.parent / f"{name}.json"
    event.write_text(json.dumps(payload), encoding="utf-8")
    return {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": name,
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_REPOSITORY": syncbed.REPO,
        "GITHUB_SHA": PUSHED,
        "GITHUB_WORKSPACE": str(root),
        "GITHUB_STEP_SUMMARY": str(root.parent / "summary.md"),
        "ACTIONBOT_TEST_TOKEN": emu.token,
        "PATH": "/usr/bin:/bin",
    }


def pull_request_event(number: int, head_repo: str = syncbed.REPO) -> dict[str, Any]:
    ends = {"head": {"repo": {"full_name": head_repo}}, "base": {"repo": {"full_name": syncbed.REPO}}}
    return {"pull_request": {"number": number, **ends}}


def plan(emu: GitHubEmulator, root: Path, number: int, head_repo: str = syncbed.REPO) -> Ran:
    env = in_actions(emu, root, "pull_request", pull_request_event(number, head_repo))
    ran = actionbot("sync", "--dry-run", cwd=root, env=env)
    assert ran.returncode == 0, ran.stderr
    return ran


def opened_pull_request(emu: GitHubEmulator, tmp_path: Path) -> tuple[Path, int]:
    """A checkout with the note, and a pull request that adds it, whose plan has run once."""
    root = checkout(tmp_path, emu)
    number = emu.create_pull_request(syncbed.REPO, "Notes of 6 May", as_user="priyar").number
    plan(emu, root, number)
    return root, number


def reviews(emu: GitHubEmulator, number: int) -> list[str]:
    return [c.body for c in emu.comments(syncbed.REPO, number) if c.user.login == emu.login]


def edit_as_a_person(emu: GitHubEmulator, number: int, edit: dict[str, str]) -> None:
    """Priya edits the bot's comment in the browser: each line holding a key has it replaced."""
    found = next(c for c in emu.comments(syncbed.REPO, number) if c.user.login == emu.login)
    lines = []
    for line in found.body.split("\n"):
        for old, new in edit.items():
            if old in line:
                line = line.replace(old, new)
        lines.append(line)
    native = (
        emu.github(emu.token_for("priyar")).get_repo(syncbed.REPO).get_issue(number).get_comment(found.id)
    )
    native.edit("\n".join(lines))


def test_the_comment_is_posted_once_edited_on_each_push_and_honoured_on_merge(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    root, pull = opened_pull_request(repo, tmp_path)
    [first] = reviews(repo, pull)
    assert first.startswith(comment.MARK) and first.count("- [x] ") == 5
    assert (
        "- [x] Rotate the signing key · owners: Priya Raman · due: 2026-05-08 · notes/2026-05-06.md line 8"
        in first
    )
    assert [
        i for i in repo.issues(syncbed.REPO) if not i.pull_request
    ] == []  # a pull request writes no issue

    # Sam's item is not one; Priya's is another task; then a push adds an item to the note.
    edit_as_a_person(
        repo,
        pull,
        {
            "[x] Update the changelog": "[ ] Update the changelog",
            "Rotate the signing key ·": "Rotate the release key ·",
        },
    )
    pushed = NOTE + "\nLee will book the room.\n"
    (root / "notes" / "2026-05-06.md").write_text(pushed, encoding="utf-8")
    ran = plan(repo, root, pull)
    assert review_comment.EDITED.format(number=pull) in ran.stderr
    [second] = reviews(repo, pull)  # the same comment, edited: never a second one
    assert "- [ ] Update the changelog" in second and "- [x] Rotate the release key · owners: Priya" in second
    assert "- [x] Book the room · owners: Lee Chen" in second and second.count("- [x] ") == 5
    assert review_comment.UNCHANGED.format(number=pull) in plan(repo, root, pull).stderr

    # The merge: the push to main syncs, honouring the comment.
    merged = repo.add_commit(syncbed.REPO, {"notes/2026-05-06.md": pushed}, sha=PUSHED)
    repo.merge_pull_request(syncbed.REPO, pull, merged)
    env = in_actions(repo, root, "push", {"before": "0" * 40, "after": PUSHED})
    ran = actionbot("sync", cwd=root, env=env)
    assert ran.returncode == 0, ran.stderr
    titles = sorted(i.title for i in repo.issues(syncbed.REPO) if not i.pull_request)
    assert not any("changelog" in title for title in titles)  # unticked: no issue
    assert "Rotate the release key (Priya Raman)" in titles and len(titles) == 5  # of six items
    committed = repo.file(syncbed.REPO, store.FILE_NAME)
    assert committed is not None and committed.decode() == (root / store.FILE_NAME).read_text(
        encoding="utf-8"
    )
    kinds = sorted(c.kind for c in store.load(root / store.FILE_NAME))
    assert kinds == ["confirm"] * 4 + ["ignore", "override"]

    # A later edit rewords Sam's sentence: the correction still finds it, and nothing is opened.
    reworded = pushed.replace("Sam to update the changelog.", "Sam to update the changelog file.")
    (root / "notes" / "2026-05-06.md").write_text(reworded, encoding="utf-8")
    repo.reset_log()
    ran = actionbot(
        "sync", cwd=root, env=in_actions(repo, root, "push", {"before": "0" * 40, "after": "cd" * 20})
    )
    assert ran.returncode == 0, ran.stderr
    assert not any("changelog" in i.title for i in repo.issues(syncbed.REPO))
    assert not [r for r in repo.writes() if r.method == "POST" and r.canonical_path.endswith("/issues")]


def test_a_fork_pull_request_gets_the_job_summary_and_no_comment(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    root = checkout(tmp_path, repo)
    pull = repo.create_pull_request(syncbed.REPO, "Notes of 6 May", as_user="priyar").number
    repo.reset_log()
    plan(repo, root, pull, head_repo="someone/notes")
    assert repo.comments(syncbed.REPO, pull) == [] and repo.writes() == []
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert review_comment.FORK in summary and "Rotate the signing key" in summary


def test_a_pull_request_that_would_write_nothing_gets_no_comment(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    root = checkout(tmp_path, repo, "---\ndate: 2026-05-06\n---\n\nWe talked about the logo.\n")
    pull = repo.create_pull_request(syncbed.REPO, "Notes", as_user="priyar").number
    assert review_comment.NOTHING.format(number=pull) in plan(repo, root, pull).stderr
    assert repo.comments(syncbed.REPO, pull) == []


def test_a_merge_with_nothing_unticked_records_confirmations_only(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    root, pull = opened_pull_request(repo, tmp_path)
    repo.merge_pull_request(syncbed.REPO, pull, repo.add_commit(syncbed.REPO, {"a.md": "x"}, sha=PUSHED))
    ran = actionbot(
        "sync", cwd=root, env=in_actions(repo, root, "push", {"before": "0" * 40, "after": PUSHED})
    )
    assert ran.returncode == 0, ran.stderr
    assert len([i for i in repo.issues(syncbed.REPO) if not i.pull_request]) == 5
    assert [c.kind for c in store.load(root / store.FILE_NAME)] == ["confirm"] * 5
