"""`actionbot learn` fits the team's own decision on its corrections, keeps it beside the config only
if it reads the team's notes better meeting by meeting unseen, and `extract` then reads with it.

The team below writes what people said in a discussion as "Name: do this" lines, which the shipped
decision takes for requests to them; only "Name will ..." lines are its action items.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.commands import learn as learning
from bot.config import load_config
from bot.extract import team
from bot.review import model, store
from bot.review.corrections import Correction
from tests import clibed, syncbed

NOTE = """\
---
date: 2026-03-{day}
---
# Team sync

## Discussion

- Ana: use the new runner for the nightly builds.
- Ben: drop the old cache layer.
- Chen: write it in rust.
- Ana: keep the API small.
- Ben will fix the flaky upload test by Friday.
- Chen will update the changelog.
"""
PEOPLE = """\
people:
  - {name: Ana Lima, github: analima}
  - {name: Ben Okoro, github: benokoro}
  - {name: Chen Wu, github: chenwu}
tracker: {kind: local}
"""
# What the team says is not an action item: a speaker's remark.
REMARK = re.compile(r"^[A-Z][a-z]+:")


def checkout(tmp_path: Path, days: tuple[str, ...] = ("02", "09", "16", "23")) -> Path:
    (tmp_path / "notes").mkdir()
    for day in days:
        (tmp_path / "notes" / f"2026-03-{day}.md").write_text(NOTE.format(day=day), encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(PEOPLE, encoding="utf-8")
    return tmp_path


def review(root: Path, not_items: re.Pattern[str] | None) -> int:
    """The corrections a reviewer makes on every note: `not_items` unticked, the rest confirmed.
    The number of items unticked."""
    config = load_config(root / "actionbot.yaml")
    items = syncbed.extract(config, root / "notes", root).items
    corrections = [
        Correction.of(item, "ignore" if not_items and not_items.search(item.text) else "confirm", "review")
        for item in items
    ]
    store.save(root / store.FILE_NAME, corrections)
    return sum(c.kind == "ignore" for c in corrections)


def extracted(root: Path) -> list[dict[str, object]]:
    ran = clibed.actionbot("extract", "--json", cwd=root)
    assert ran.returncode == 0, ran.stderr
    items: list[dict[str, object]] = json.loads(ran.stdout)
    return items


def test_a_team_model_that_reads_the_history_better_is_kept_and_extract_uses_it(tmp_path: Path) -> None:
    root = checkout(tmp_path)
    assert review(root, REMARK) == 8  # two remarks per note taken for items
    learned = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learned.returncode == 0, learned.stderr
    assert "leave one meeting out on 4 reviewed notes" in learned.stderr
    assert "shipped precision 0.500, recall 1.000" in learned.stderr
    assert "team model precision 1.000, recall 1.000" in learned.stderr
    kept = root / model.FILE_NAME
    assert learning.KEPT.format(path=model.FILE_NAME) in learned.stderr
    saved = json.loads(kept.read_text(encoding="utf-8"))
    assert saved["meetings"] == 4 and saved["correction"]
    assert saved["leave_one_meeting_out"]["team"]["f1"] > saved["leave_one_meeting_out"]["shipped"]["f1"]
    # A note nobody reviewed: the team model reads its remarks as the team does.
    (root / "notes" / "2026-03-30.md").write_text(NOTE.format(day="30"), encoding="utf-8")
    store.save(root / store.FILE_NAME, [])  # only the model, not the corrections, says so now
    items = extracted(root)
    assert items and all(not REMARK.search(str(item["text"])) for item in items)
    assert {str(item["text"]) for item in items} == {
        "Ben will fix the flaky upload test by Friday.",
        "Chen will update the changelog.",
    }
    kept.unlink()  # undone: the shipped decision reads the remarks again
    assert any(REMARK.search(str(item["text"])) for item in extracted(root))


def test_a_team_model_no_better_than_the_shipped_one_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    root = checkout(tmp_path)
    assert review(root, None) == 0  # every item confirmed: the shipped decision is right on all
    learned = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learned.returncode == 0, learned.stderr
    assert "shipped precision 1.000, recall 1.000" in learned.stderr
    assert learning.REFUSED.format(loss=team.RECALL_GIVEN_UP) in learned.stderr
    assert not (root / model.FILE_NAME).exists()


def test_one_reviewed_note_is_too_few_to_judge_a_team_model(tmp_path: Path) -> None:
    root = checkout(tmp_path, days=("02",))
    review(root, REMARK)
    learned = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learned.returncode == 0, learned.stderr
    assert learning.TOO_FEW.format(count=1, verb="was") in learned.stderr
    assert not (root / model.FILE_NAME).exists()


def test_a_team_model_file_that_cannot_be_read_is_one_error_naming_it(tmp_path: Path) -> None:
    root = checkout(tmp_path, days=("02",))
    (root / model.FILE_NAME).write_text("{", encoding="utf-8")
    ran = clibed.actionbot("extract", "--json", cwd=root)
    assert ran.returncode == 2
    assert f"{model.FILE_NAME}: cannot read the team model" in ran.stderr
