"""A note with no date of its own is dated by when it was added: git's commit, else the file's time."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from bot.config import Config
from bot.noteadded import BY_COMMIT, BY_MODIFIED, parse_dated
from bot.notes.meeting import UndatedNote
from bot.pipeline import extract
from tests.gitbed import NotesRepo

# Minutes of a small team that puts no date anywhere: the file is named after the topic.
UNDATED = """# Kelpie infra sync

Attendees: Mhairi, Tovah

Tovah will move the mirror DNS to the new host.
"""


def test_a_committed_note_is_dated_by_the_commit_that_added_it_renames_followed(tmp_path: Path) -> None:
    repo = NotesRepo(tmp_path / "team")
    repo.commit({"notes/README.md": "Our notes.\n"})
    (repo.root / "notes" / "infra-sync.md").write_text(UNDATED, encoding="utf-8")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "Minutes", "--date=2026-03-04T00:30:00+02:00")
    repo.commit({"notes/infra-sync.md": UNDATED + "\nLater edit.\n"})
    repo.move("notes/infra-sync.md", "notes/kelpie-infra.md")
    path = str(repo.root / "notes" / "kelpie-infra.md")

    meeting, warning = parse_dated(path, UNDATED)

    assert meeting.date == dt.date(2026, 3, 4)  # the author's day, not UTC's
    assert warning is not None and warning.path == path
    assert "2026-03-04" in warning.message and BY_COMMIT in warning.message


def test_a_note_git_does_not_have_is_dated_by_its_modification_time(tmp_path: Path) -> None:
    repo = NotesRepo(tmp_path / "team")
    note = repo.root / "infra-sync.md"  # in a repository, but never committed
    note.write_text(UNDATED, encoding="utf-8")
    noon = dt.datetime(2026, 2, 3, 12, 0).timestamp()
    os.utime(note, (noon, noon))
    loose = tmp_path / "loose.md"  # in no repository at all
    loose.write_text(UNDATED, encoding="utf-8")
    os.utime(loose, (noon, noon))

    for path in (note, loose):
        meeting, warning = parse_dated(str(path), UNDATED)
        assert meeting.date == dt.date(2026, 2, 3)
        assert warning is not None and BY_MODIFIED in warning.message and "2026-02-03" in warning.message


def test_a_dated_note_asks_nothing_and_warns_nothing(tmp_path: Path) -> None:
    note = tmp_path / "2026-05-06-infra.md"
    note.write_text(UNDATED, encoding="utf-8")
    meeting, warning = parse_dated(str(note), UNDATED)
    assert meeting.date == dt.date(2026, 5, 6) and warning is None


def test_an_undated_note_gives_its_items_and_one_warning_naming_it(tmp_path: Path) -> None:
    note = tmp_path / "infra-sync.md"
    note.write_text(UNDATED, encoding="utf-8")
    config = Config.model_validate({"people": [{"name": "Tovah Reyes", "aliases": ["Tovah"]}]})

    extraction = extract([str(note)], config, root=tmp_path)

    assert extraction.errors == []
    [warning] = extraction.warnings
    assert warning.path == str(note) and "no meeting date" in warning.message
    [item] = extraction.items
    assert item.owners[0].name == "Tovah Reyes" and "mirror DNS" in item.task
    assert item.meeting_date == dt.date.fromtimestamp(note.stat().st_mtime)


def test_a_note_gone_before_it_could_be_dated_stays_undated(tmp_path: Path) -> None:
    with pytest.raises(UndatedNote):
        parse_dated(str(tmp_path / "gone.md"), UNDATED)
