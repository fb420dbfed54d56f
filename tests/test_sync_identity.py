"""Which issue is an item's: identity across notes, edits, renames, people's hands and races.

Each test syncs notes into the GitHub emulator, acts as a person would between runs (edits the note,
edits or moves the issue), and checks that every item still has exactly one issue, updated in place,
and that a rerun writes nothing.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest

from bot.action_item import ActionItem
from bot.issueindex import issuetext
from bot.syncplan.apply import SyncResult
from tests import syncbed
from tests.github_emulator import GitHubEmulator, Issue, body_of

SITE = "team/website"
REMOVED = "no longer in its meeting notes"


@pytest.fixture
def repo(repo: GitHubEmulator) -> GitHubEmulator:
    repo.add_repo(SITE, collaborators=["priyar"])
    repo.add_user("priyar")
    return repo


def dated(text: str, date: str = "2026-05-06") -> str:
    return f"---\ndate: {date}\n---\n\n{text}"


def run(
    emu: GitHubEmulator, root: Path, people: list[dict[str, Any]] | None = None, **tracker: Any
) -> SyncResult:
    config = syncbed.make_config(emu, root / "state", **tracker)
    if people is not None:
        config = type(config).model_validate({**config.model_dump(), "people": people})
    extraction = syncbed.extract(config, root / "notes")
    assert not extraction.errors
    result = syncbed.sync(emu, config, extraction, root=root)
    assert result.error is None, result.error
    return result


def rerun_writes_nothing(emu: GitHubEmulator, root: Path, **settings: Any) -> None:
    emu.reset_log()
    run(emu, root, **settings)
    assert [(w.method, w.canonical_path) for w in emu.writes()] == []


def issues(emu: GitHubEmulator, repo: str = syncbed.REPO) -> dict[str, Issue]:
    return {i.title: i for i in emu.issues(repo)}


def patched(emu: GitHubEmulator) -> list[int]:
    return [int(w.canonical_path.rsplit("/", 1)[1]) for w in emu.writes() if w.method == "PATCH"]


def bot_comments(emu: GitHubEmulator, number: int, repo: str = syncbed.REPO) -> list[str]:
    return [c.body for c in emu.comments(repo, number) if c.user.login == emu.login]


# -- 1. the note is part of the identity ------------------------------------------------------------


def test_two_notes_of_one_date_in_two_folders_are_two_items(repo: GitHubEmulator, tmp_path: Path) -> None:
    syncbed.write_note(tmp_path, "infra/2026-05-06.md", dated("Priya will update the changelog.\n"))
    syncbed.write_note(tmp_path, "website/2026-05-06.md", dated("Priya will update the donation page.\n"))
    run(repo, tmp_path)
    found = issues(repo)
    assert sorted(found) == ["Update the changelog (Priya Raman)", "Update the donation page (Priya Raman)"]
    for _ in range(2):
        rerun_writes_nothing(repo, tmp_path)
    assert all(i.state == "open" and repo.comments(syncbed.REPO, i.number) == [] for i in found.values())
    assert "changelog" in body_of(found["Update the changelog (Priya Raman)"])
    assert "donation page" in body_of(found["Update the donation page (Priya Raman)"])


def test_a_renamed_note_keeps_its_issues(repo: GitHubEmulator, tmp_path: Path) -> None:
    note = syncbed.write_note(tmp_path, "infra/2026-05-06.md", dated("Priya will update the changelog.\n"))
    syncbed.write_note(tmp_path, "website/2026-05-06.md", dated("Priya will update the donation page.\n"))
    run(repo, tmp_path)
    before = {title: issue.number for title, issue in issues(repo).items()}
    renamed = note.with_name("2026-05-06-infrastructure.md")
    note.rename(renamed)
    repo.reset_log()
    run(repo, tmp_path)
    assert {title: issue.number for title, issue in issues(repo).items()} == before
    assert not any(w.method == "POST" for w in repo.writes())  # no issue opened, nothing flagged
    changelog = issues(repo)["Update the changelog (Priya Raman)"]
    marker = issuetext.parse_marker(changelog.body)
    assert marker is not None and marker.note == "notes/infra/2026-05-06-infrastructure.md"
    rerun_writes_nothing(repo, tmp_path)


# -- 2. the task words, not the order, tell two promises apart --------------------------------------

TWO_UPDATES = "## Build\n\nSam will update the changelog.\n\nSam will update the website.\n"


def test_deleting_the_first_of_two_same_verb_promises_leaves_the_second_where_it_was(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    note = syncbed.write_note(tmp_path, "2026-05-06.md", dated(TWO_UPDATES))
    run(repo, tmp_path)
    changelog = issues(repo)["Update the changelog (Samuel Okafor)"].number
    website = issues(repo)["Update the website (Samuel Okafor)"].number
    repo.close_issue(syncbed.REPO, changelog, as_user="priyar")
    note.write_text(dated(TWO_UPDATES.replace("Sam will update the changelog.\n\n", "")), encoding="utf-8")
    repo.reset_log()
    run(repo, tmp_path)
    assert website not in patched(repo)
    assert "> Sam will update the changelog." in body_of(repo.issue(syncbed.REPO, changelog))
    assert "> Sam will update the website." in body_of(repo.issue(syncbed.REPO, website))
    assert [REMOVED in c for c in bot_comments(repo, changelog)] == [True]
    assert bot_comments(repo, website) == []
    rerun_writes_nothing(repo, tmp_path)


def test_inserting_a_same_verb_promise_before_two_others_opens_one_issue_and_moves_none(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    note = syncbed.write_note(tmp_path, "2026-05-06.md", dated(TWO_UPDATES))
    run(repo, tmp_path)
    before = {title: issue.number for title, issue in issues(repo).items()}
    note.write_text(
        dated(TWO_UPDATES.replace("## Build\n\n", "## Build\n\nSam will update the README.\n\n")),
        encoding="utf-8",
    )
    repo.reset_log()
    result = run(repo, tmp_path)
    assert result.created == 1 and result.updated == 0
    assert [w.method for w in repo.writes()] == ["POST"]
    after = {title: issue.number for title, issue in issues(repo).items()}
    assert {t: n for t, n in after.items() if t in before} == before
    assert "Update the README (Samuel Okafor)" in after


# -- 3. an edited item finds its issue -------------------------------------------------------------

EDITS = [
    ("typo in the verb", "Sam will reveiw Lee's parser patch.", "Sam will review Lee's parser patch."),
    ("synonym", "Sam will check Lee's parser patch.", "Sam will review Lee's parser patch."),
    ("co-owner added", "Sam will update the changelog.", "Sam and Lee will update the changelog."),
]


@pytest.mark.parametrize(("edit", "before", "after"), EDITS, ids=[e[0] for e in EDITS])
def test_an_edited_item_updates_its_issue(
    repo: GitHubEmulator, tmp_path: Path, edit: str, before: str, after: str
) -> None:
    other = "Priya will rotate the signing key.\n"
    note = syncbed.write_note(tmp_path, "2026-05-06.md", dated(f"## Build\n\n{before}\n\n{other}"))
    run(repo, tmp_path)
    [number] = [i.number for i in repo.issues(syncbed.REPO) if "Priya" not in i.title]
    note.write_text(dated(f"## Build\n\n{after}\n\n{other}"), encoding="utf-8")
    repo.reset_log()
    result = run(repo, tmp_path)
    assert result.created == 0, edit
    assert patched(repo) == [number] and not any(w.method == "POST" for w in repo.writes())
    assert f"> {after}" in body_of(repo.issue(syncbed.REPO, number))
    assert len(repo.issues(syncbed.REPO)) == 2
    rerun_writes_nothing(repo, tmp_path)


def test_adding_a_missing_attendee_to_the_people_updates_their_issues(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    syncbed.write_note(
        tmp_path,
        "2026-05-06.md",
        dated(
            "Attendees: Mira, Sam\n\n## Build\n\nMira will order the stickers.\n\nSam will book the room.\n"
        ),
    )
    run(repo, tmp_path)
    [number] = [i.number for i in repo.issues(syncbed.REPO) if i.title == "Order the stickers (Mira)"]
    people = [*syncbed.PEOPLE, {"name": "Mira Patel", "aliases": ["Mira"]}]  # as the warning asks
    repo.reset_log()
    result = run(repo, tmp_path, people=people)
    assert result.created == 0 and patched(repo) == [number]
    assert "Mira Patel" in body_of(repo.issue(syncbed.REPO, number))
    assert bot_comments(repo, number) == []
    rerun_writes_nothing(repo, tmp_path, people=people)


# -- 4. what people do to an issue ----------------------------------------------------------------

ONE = "## Build\n\nSam will book the room.\n\nPriya will rotate the signing key.\n"


def synced_room(emu: GitHubEmulator, root: Path) -> int:
    syncbed.write_note(root, "2026-05-06.md", dated(ONE))
    run(emu, root)
    return issues(emu)["Book the room (Samuel Okafor)"].number


@pytest.mark.parametrize("change", ["marker deleted", "body rewritten"])
def test_an_issue_whose_marker_people_removed_is_found_and_gets_its_block_back(
    repo: GitHubEmulator, tmp_path: Path, change: str
) -> None:
    number = synced_room(repo, tmp_path)
    body = body_of(repo.issue(syncbed.REPO, number))
    if change == "marker deleted":
        edited = re.sub(r"<!-- actionbot:end .* -->", "", body)
    else:
        edited = "We booked the small room; Sam confirms on Monday."
    repo.update_issue(syncbed.REPO, number, body=edited, as_user="priyar")
    repo.reset_log()
    result = run(repo, tmp_path)
    assert result.created == 0 and patched(repo) == [number]
    restored = body_of(repo.issue(syncbed.REPO, number))
    marker = issuetext.parse_marker(restored)
    assert marker is not None and "> Sam will book the room." in restored
    if change == "body rewritten":
        assert restored.endswith(edited)  # what people wrote stays, under the bot's block
    assert len(repo.issues(syncbed.REPO)) == 2
    rerun_writes_nothing(repo, tmp_path)


def test_an_issue_transferred_to_another_configured_repository_is_found_there(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    routes = [{"section": "(?i)^website$", "repo": SITE}]
    syncbed.write_note(tmp_path, "2026-05-06.md", dated(ONE))
    run(repo, tmp_path, routes=routes)
    number = issues(repo)["Book the room (Samuel Okafor)"].number
    moved = repo.transfer_issue(syncbed.REPO, number, SITE)
    note = tmp_path / "notes" / "2026-05-06.md"
    note.write_text(dated(ONE.replace("book the room", "book the room for Friday")), encoding="utf-8")
    repo.reset_log()
    result = run(repo, tmp_path, routes=routes)
    assert result.created == 0
    assert [(w.method, w.canonical_path) for w in repo.writes()] == [
        ("PATCH", f"/repos/{SITE}/issues/{moved.number}")
    ]
    assert "book the room for Friday" in body_of(repo.issue(SITE, moved.number))
    assert len(repo.issues(syncbed.REPO)) == 1
    rerun_writes_nothing(repo, tmp_path, routes=routes)


def test_a_stale_marker_left_by_a_person_is_not_rewritten_on_every_run(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    number = synced_room(repo, tmp_path)
    body = body_of(repo.issue(syncbed.REPO, number))
    marker = re.search(r"<!-- actionbot:end .* -->", body)
    assert marker is not None
    # The block deleted down to its marker, which stays at the end of what people wrote instead.
    repo.update_issue(
        syncbed.REPO, number, body="Booked, see the calendar.\n" + marker.group(0), as_user="priyar"
    )
    note = tmp_path / "notes" / "2026-05-06.md"
    note.write_text(dated(ONE.replace("book the room", "book the big room")), encoding="utf-8")
    repo.reset_log()
    run(repo, tmp_path)
    assert patched(repo) == [number]
    body = body_of(repo.issue(syncbed.REPO, number))
    assert body.count("<!-- actionbot:end") == 1 and "Booked, see the calendar." in body
    assert "> Sam will book the big room." in body
    rerun_writes_nothing(repo, tmp_path)


# -- 5. twins of a race: the one people kept stays open ---------------------------------------------


def test_after_a_race_the_twin_people_kept_open_stays_open(repo: GitHubEmulator, tmp_path: Path) -> None:
    number = synced_room(repo, tmp_path)
    first = repo.issue(syncbed.REPO, number)
    twin = repo.create_issue(syncbed.REPO, first.title, body=first.body)  # what a racing run leaves
    repo.close_issue(syncbed.REPO, number, reason="duplicate", as_user="priyar")  # people keep the twin
    repo.reset_log()
    run(repo, tmp_path)
    assert repo.writes() == []
    assert repo.issue(syncbed.REPO, twin.number).state == "open"
    # And the twin is the item's issue from now on: an edit of the note goes there.
    note = tmp_path / "notes" / "2026-05-06.md"
    note.write_text(dated(ONE.replace("book the room", "book the big room")), encoding="utf-8")
    repo.reset_log()
    run(repo, tmp_path)
    assert patched(repo) == [twin.number]


# -- issues opened by earlier versions of the bot ---------------------------------------------------


def legacy_id(item: ActionItem, verb: str, occurrence: int = 0) -> str:
    """The id versions before the note was part of it gave an item: meeting date, section, owners,
    verb and occurrence."""
    key = "|".join(
        (
            item.meeting_date.isoformat(),
            re.sub(r"\W+", " ", item.section.lower()).strip(),
            ",".join(sorted(o.name for o in item.owners)),
            verb,
            str(occurrence),
        )
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def test_issues_opened_by_an_earlier_version_are_found_and_kept(repo: GitHubEmulator, tmp_path: Path) -> None:
    note = syncbed.write_note(tmp_path, "2026-05-06.md", dated(ONE))
    config = syncbed.make_config(repo, tmp_path / "state")
    items = syncbed.extract(config, tmp_path / "notes").items
    for item, verb in zip(items, ("book", "rotate"), strict=True):
        old = issuetext.Marker(
            id=legacy_id(item, verb),
            digest=issuetext.source_digest(item),
            meeting=item.meeting_date.isoformat(),
            note=str(note),  # earlier versions kept the path the note was read by
            owners=tuple(o.name for o in item.owners),
            task=item.task,
        )
        body = issuetext.block(item, old, "notes/2026-05-06.md:1", frozenset())
        repo.create_issue(syncbed.REPO, issuetext.title(item), body=body, labels=["action-item"])
    rerun_writes_nothing(repo, tmp_path)
    assert len(repo.issues(syncbed.REPO)) == 2
    room = issues(repo)["Book the room (Samuel Okafor)"].number
    note.write_text(dated(ONE.replace("book the room", "book the big room")), encoding="utf-8")
    repo.reset_log()
    result = run(repo, tmp_path)
    assert result.created == 0 and patched(repo) == [room]
    assert "> Sam will book the big room." in body_of(repo.issue(syncbed.REPO, room))
    # Nobody retitled it: the title follows the task.
    assert repo.issue(syncbed.REPO, room).title == "Book the big room (Samuel Okafor)"
    rerun_writes_nothing(repo, tmp_path)
