"""Silencing a false positive once: a comment on the note's line, or its id in the config."""

from __future__ import annotations

from pathlib import Path

from bot.action_item import ActionItem
from bot.commands import sync
from bot.config import Config
from bot.extraction import ignore
from bot.pipeline import extract
from bot.trackers.local import LocalTracker
from tests import clibed, syncbed

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
    result = sync.run(settings, silenced, dry_run=False, root=tmp_path)
    assert result.error is None and result.created == 2
    titles = [i.title for i in LocalTracker(tmp_path / "state" / "tracker.sqlite").all_issues()]
    assert not any("Dana" in title for title in titles)
    # A rerun opens nothing and closes nothing: the false positive stays fixed.
    again = sync.run(settings, extract(note(tmp_path), settings, root=tmp_path), dry_run=False, root=tmp_path)
    assert again.created == again.updated == 0


def test_the_short_id_items_prints_silences_the_item_and_its_issue_closes_as_not_planned(
    tmp_path: Path,
) -> None:
    settings = config(tmp_path)
    first = extract(note(tmp_path), settings, root=tmp_path)
    assert sync.run(settings, first, dry_run=False, root=tmp_path).created == 3
    dana = next(item for item in first.items if item.owners[0].name == "Dana Whitfield")
    short = config(tmp_path, [dana.id[: ignore.SHORT_ID].upper()])
    silenced = extract(note(tmp_path), short, root=tmp_path)
    assert [item.id for item in silenced.ignored if item.id == dana.id] == [dana.id]
    assert silenced.unknown_ignores(short.ignore) == []
    assert sync.run(short, silenced, dry_run=False, root=tmp_path).error is None
    tracker = LocalTracker(tmp_path / "state" / "tracker.sqlite")
    [issue] = [i for i in tracker.all_issues() if "Dana" in i.title]
    assert (issue.state, issue.state_reason) == ("closed", "not_planned")
    [comment] = tracker.comments(issue)
    assert comment.body.startswith(
        "This was marked as not an action item in its meeting notes (notes/2026-05-06.md), with an "
        "`actionbot: ignore` comment or its id in the config's `ignore:`. Closing it as not planned."
    )
    # Told once: the next run writes nothing.
    again = sync.run(short, extract(note(tmp_path), short, root=tmp_path), dry_run=False, root=tmp_path)
    assert again.created == again.updated == 0


def test_an_id_naming_no_item_is_one_error(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    note(tmp_path)
    (tmp_path / "actionbot.yaml").write_text(
        f"people: {syncbed.PEOPLE!r}\nnotes: {{paths: [notes]}}\nignore: [df2b6612]\n".replace("'", '"'),
        encoding="utf-8",
    )
    run = clibed.actionbot("extract", cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (
        "error: ignore: 'df2b6612' is the id of no action item in the notes (`actionbot extract --json` "
        "and `actionbot items` show the ids)\n"
    )
    # Naming a few notes, the run cannot tell: the id may be another note's.
    assert clibed.actionbot("extract", str(folder / "2026-05-06.md"), cwd=tmp_path).returncode == 0
    # Shorter than the ids printed, an id would name items by chance: it names none.
    assert not ignore.names("df2b", "df2b6612aa00")
    assert ignore.names("DF2B6612", "df2b6612aa00")
