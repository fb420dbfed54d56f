"""The corrections file: an item people corrected stays corrected, even after its note is reworded
or moved, and the correction is plain YAML beside the config."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.action_item import ActionItem
from bot.commands import sync
from bot.commands.run import Daemon
from bot.config import Config
from bot.pipeline import extract
from bot.review import store
from bot.review.corrections import Correction
from bot.trackers.local import LocalTracker
from tests import syncbed

NOTE = syncbed.FIVE_ITEMS


def settings(tmp_path: Path) -> Config:
    return Config.model_validate(
        {"people": syncbed.PEOPLE, "tracker": {"state_dir": str(tmp_path / "state")}}
    )


def write(tmp_path: Path, text: str, name: str = "2026-05-06.md") -> list[str]:
    path = tmp_path / "notes" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [str(path)]


def item_of(items: list[ActionItem], owner: str) -> ActionItem:
    return next(item for item in items if item.owners[0].name == owner)


def test_an_ignored_item_stays_ignored_when_its_note_is_reworded_or_moved(tmp_path: Path) -> None:
    config = settings(tmp_path)
    first = extract(write(tmp_path, NOTE), config, root=tmp_path)
    sam = item_of(first.items, "Samuel Okafor")
    ignored = [Correction.of(sam, "ignore", "pull request #7")]
    reworded = NOTE.replace("Sam to update the changelog.", "Sam to update the changelog file.")
    again = extract(write(tmp_path, reworded), config, root=tmp_path, corrections=ignored)
    # The rewording gave the item another id: the correction found it by its people and words.
    assert [i.owners[0].name for i in again.ignored] == ["Samuel Okafor"]
    assert again.ignored[0].id != sam.id and len(again.items) == len(first.items) - 1
    (tmp_path / "notes" / "2026-05-06.md").unlink()
    moved = extract(
        write(tmp_path, reworded, "2026-05-06-sync.md"), config, root=tmp_path, corrections=ignored
    )
    assert [i.owners[0].name for i in moved.ignored] == ["Samuel Okafor"]
    assert moved.ignored[0].note == "notes/2026-05-06-sync.md"
    # Without the correction, the same notes give the item: the correction is what drops it.
    assert len(extract(write(tmp_path, reworded, "2026-05-06-sync.md"), config, root=tmp_path).ignored) == 0


def test_an_override_gives_the_issue_its_title_and_assignees(tmp_path: Path) -> None:
    config = settings(tmp_path)
    notes = write(tmp_path, NOTE)
    sam = item_of(extract(notes, config, root=tmp_path).items, "Samuel Okafor")
    fix = Correction.of(
        sam, "override", "pull request #7", title="Write the 2.0 changelog", assignees=("@leechen",)
    )
    corrected = extract(notes, config, root=tmp_path, corrections=[fix])
    lee = next(item for item in corrected.items if item.id == sam.id)
    assert lee.task == "Write the 2.0 changelog" and [(o.name, o.github) for o in lee.owners] == [
        ("Lee Chen", "leechen")
    ]
    result = sync.run(config, corrected, dry_run=False, root=tmp_path)
    assert result.error is None
    issue = next(
        i for i in LocalTracker(tmp_path / "state" / "tracker.sqlite").all_issues() if "2.0" in i.title
    )
    assert issue.title == "Write the 2.0 changelog (Lee Chen)" and issue.assignees == ("leechen",)


def test_the_file_reads_back_what_was_written_and_names_the_line_of_a_bad_entry(tmp_path: Path) -> None:
    config = settings(tmp_path)
    sam = item_of(extract(write(tmp_path, NOTE), config, root=tmp_path).items, "Samuel Okafor")
    written = [
        Correction.of(sam, "ignore", "pull request #7"),
        Correction.of(sam, "override", "issue #3 retitled", title="Other", assignees=("Lee",)),
    ]
    path = store.path_for(tmp_path / "actionbot.yaml")
    assert path == tmp_path / store.FILE_NAME
    store.save(path, written)
    assert store.load(path) == written
    assert path.read_text(encoding="utf-8").startswith("# What people corrected")
    text = path.read_text(encoding="utf-8").replace("kind: override", "kind: sometimes")
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index("- kind: sometimes") + 1
    with pytest.raises(store.CorrectionsError, match=rf"corrections.yaml:{line}: corrections.1.kind: Input"):
        store.load(path)


def test_the_daemon_reads_the_corrections_file_at_every_pass(tmp_path: Path) -> None:
    config = settings(tmp_path)
    notes = write(tmp_path, NOTE)
    sam = item_of(extract(notes, config, root=tmp_path).items, "Samuel Okafor")
    path = tmp_path / store.FILE_NAME
    store.save(path, [Correction.of(sam, "ignore", "pull request #7")])
    Daemon(config, [str(tmp_path / "notes")], tmp_path, corrections=path).sync_changed()
    titles = [i.title for i in LocalTracker(tmp_path / "state" / "tracker.sqlite").all_issues()]
    assert len(titles) == 4 and not any("changelog" in title for title in titles)
