"""Silencing a false positive once: a comment on the note's line, or its id in the config."""

from __future__ import annotations

from pathlib import Path

from bot.commands import sync as syncing
from bot.config import Config
from bot.extract import ignore
from bot.items import ActionItem
from bot.pipeline import extract
from bot.trackers.local import LocalTracker
from tests import syncbed

NOTE = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by Friday.

Sam will bring cake, as every week. <!-- actionbot: ignore -->

Lee will write the FAQ for the new
contributors, with examples. <!-- actionbot: ignore -->

Dana will proofread it. Sam to update the changelog.
"""


def config(tmp_path: Path, ignored: list[str] | None = None) -> Config:
    return Config.model_validate(
        {
            "people": syncbed.PEOPLE,
            "tracker": {"state_dir": str(tmp_path / "state")},
            "ignore": ignored or [],
        }
    )


def note(tmp_path: Path, text: str = NOTE) -> list[str]:
    path = tmp_path / "notes" / "2026-05-06.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [str(path)]


def owners(items: list[ActionItem]) -> list[str]:
    return [", ".join(o.name for o in item.owners) for item in items]


def test_a_comment_on_the_line_silences_that_item_only(tmp_path: Path) -> None:
    extraction = extract(note(tmp_path), config(tmp_path), root=tmp_path)
    # The comment on the line where a wrapped sentence ends counts too; the sentence beside a
    # silenced one on another line does not.
    assert owners(extraction.items) == ["Priya Raman", "Dana Whitfield", "Samuel Okafor"]
    assert owners(extraction.ignored) == ["Samuel Okafor", "Lee Chen"]
    # Without the comments, all five are items: the comment is what silences them.
    plain = extract(note(tmp_path, NOTE.replace(ignore.IGNORE_COMMENT, "")), config(tmp_path))
    assert len(plain.items) == 5 and plain.ignored == []


def test_an_id_in_the_config_silences_the_item_and_it_is_never_opened(tmp_path: Path) -> None:
    first = extract(note(tmp_path), config(tmp_path), root=tmp_path)
    dana = next(item for item in first.items if item.owners[0].name == "Dana Whitfield")
    settings = config(tmp_path, [dana.id])
    silenced = extract(note(tmp_path), settings, root=tmp_path)
    assert dana.id not in {item.id for item in silenced.items}
    assert [item.id for item in silenced.ignored if item.id == dana.id] == [dana.id]
    result = syncing.run(settings, silenced, dry_run=False, root=tmp_path)
    assert result.error is None and result.created == 2
    titles = [i.title for i in LocalTracker(tmp_path / "state" / "tracker.sqlite").all_issues()]
    assert not any("Dana" in title for title in titles)
    # A rerun opens nothing and closes nothing: the false positive stays fixed.
    again = syncing.run(
        settings, extract(note(tmp_path), settings, root=tmp_path), dry_run=False, root=tmp_path
    )
    assert again.created == again.updated == 0
