"""What sync shows: the plan table (changes, and a count of the unchanged), colours, the dry run's
diff of each issue, and progress bars over a backfill of ~50 notes."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from bot.commands import sync
from bot.config import Config
from bot.syncplan import plandiff
from bot.syncplan.plan import Create, EditBlock, ProgressNote
from tests import clibed, syncbed

PEOPLE_YAML = "people:\n" + "".join(
    f"  - {{name: {p['name']}, github: {p.get('github') or 'null'}, aliases: [{', '.join(p['aliases'])}]}}\n"
    for p in syncbed.PEOPLE
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def actionbot(cwd: Path, *args: str, terminal: bool = False) -> clibed.Ran:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("FORCE_COLOR", None)
    env.pop("NO_COLOR", None)
    if terminal:  # rich treats the output as a terminal: colours and progress bars
        env.update({"TTY_COMPATIBLE": "1", "FORCE_COLOR": "1"})
    return clibed.actionbot(*args, cwd=cwd, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(syncbed.FIVE_ITEMS, encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(PEOPLE_YAML + "notes: {paths: [notes]}\n", encoding="utf-8")
    first = actionbot(tmp_path, "sync")
    assert first.returncode == 0, first.stderr
    return tmp_path


def test_the_dry_run_shows_a_diff_of_each_issue_and_counts_the_unchanged(repo: Path) -> None:
    note = repo / "notes" / "2026-05-06.md"
    note.write_text(note.read_text().replace("update the changelog", "update the change log"))
    (repo / "notes" / "2026-05-20.md").write_text(syncbed.RAISED_AGAIN.replace("Priya", "Lee"))
    run = actionbot(repo, "sync", "--dry-run")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "sync plan: 2 changes, 4 unchanged (dry run)" in out
    # Only the changes have rows: an unchanged item is counted, not listed.
    rows = [line for line in out.splitlines() if line.startswith("│")]
    assert len(rows) == 2 and not any("skip" in row for row in rows)
    # The edited item: its title and body lines, old and new.
    assert "- title: Update the changelog (Samuel Okafor)" in out
    assert "+ title: Update the change log (Samuel Okafor)" in out
    assert "- > Sam to update the changelog." in out and "+ > Sam to update the change log." in out
    # The new item: its title, labels, assignees and body.
    assert "local/notes (new)" in out
    assert "+ title: Rotate the signing key (Lee Chen)" in out
    assert "+ labels: action-item, meeting:2026-05-20" in out and "+ assignees: leechen" in out
    assert "<!-- actionbot" not in out  # the hidden marker is bookkeeping, not shown
    # A dry run writes nothing: the same plan again.
    assert "sync plan: 2 changes, 4 unchanged (dry run)" in actionbot(repo, "sync", "--dry-run").stdout


def test_colours_say_what_kind_of_change(repo: Path) -> None:
    (repo / "notes" / "2026-05-20.md").write_text(syncbed.RAISED_AGAIN.replace("Priya", "Lee"))
    note = repo / "notes" / "2026-05-06.md"
    note.write_text(note.read_text().replace("update the changelog", "update the change log"))
    run = actionbot(repo, "sync", "--dry-run", terminal=True)
    lines = run.stdout.splitlines()
    create = next(line for line in lines if "create" in ANSI.sub("", line) and "│" in line)
    update = next(line for line in lines if "update" in ANSI.sub("", line) and "│" in line)
    assert "\x1b[32m" in create and "\x1b[33m" in update  # green opens, yellow edits
    removed = next(line for line in lines if ANSI.sub("", line).startswith("- title:"))
    assert "\x1b[31m" in removed


def test_step_diffs(tmp_path: Path) -> None:
    config = Config.model_validate(
        {"people": syncbed.PEOPLE, "tracker": {"state_dir": str(tmp_path / "s"), "close_on_done": True}}
    )
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(syncbed.THREE_ITEMS, encoding="utf-8")
    plan = sync.run(config, syncbed.extract(config, notes), dry_run=True, root=tmp_path).plan
    [create] = [s for s in plan.steps if isinstance(s, Create) and s.item.owners[0].name == "Lee Chen"]
    assert plandiff.step_diff(create)[:2] == [
        "+ title: Write the FAQ (Lee Chen)",
        "+ labels: action-item, meeting:2026-05-06",
    ]
    sync.run(config, syncbed.extract(config, notes), dry_run=False, root=tmp_path)
    (notes / "2026-05-20.md").write_text(
        "---\ndate: 2026-05-20\n---\n\n## Build\n\nLee merged the FAQ, it is done.\n", encoding="utf-8"
    )
    plan = sync.run(config, syncbed.extract(config, notes), dry_run=True, root=tmp_path).plan
    [progress] = [s for s in plan.steps if isinstance(s, ProgressNote)]
    diff = plandiff.step_diff(progress)
    assert diff[0].startswith("+ comment: Progress reported at the 2026-05-20 meeting")
    assert [line for line in diff if "state:" in line] == ["- state: open", "+ state: closed"]
    assert not [s for s in plan.steps if isinstance(s, EditBlock)]


@pytest.mark.slow
def test_progress_bars_over_a_backfill_of_fifty_notes(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    for week in range(50):
        date = (dt.date(2025, 1, 1) + dt.timedelta(weeks=week)).isoformat()
        # A task of its own in each note: similar ones would be one item raised again.
        task = f"Priya will review module{week} and package{week}."
        (notes / f"{date}.md").write_text(f"---\ndate: {date}\n---\n\n## Build\n\n{task}\n", encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(PEOPLE_YAML + "notes: {paths: [notes]}\n", encoding="utf-8")
    run = actionbot(tmp_path, "sync", terminal=True)
    assert run.returncode == 0, run.stderr
    assert "reading notes" in run.stderr and "writing issues" in run.stderr
    assert "50 issues created" in ANSI.sub("", run.stdout)
    # Not a terminal (a CI log): no bars.
    quiet = actionbot(tmp_path, "sync", "--dry-run")
    assert "reading notes" not in quiet.stderr
