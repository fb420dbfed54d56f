"""`actionbot learn` fits the team's own decision on its corrections, keeps it beside the config only
if it reads the team's notes better meeting by meeting unseen, and `extract` then reads with it.

The team below writes what people said in a discussion as "Name: do this" lines, which the shipped
decision takes for requests to them; only "Name will ..." lines are its action items. Below them,
the pure parts: the correction to the shipped weights, and the scoring learn judges it by.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path

import pytest

from bot.action_item import ActionItem, Owner
from bot.commands import learn
from bot.config import load_config
from bot.extraction import team
from bot.extraction.decision import Decision, Example, refit
from bot.extraction.labels import figures
from bot.review import store, team_model
from bot.review.corrections import Correction
from tests import clibed, syncbed
from tests.conftest import SCORER, needs_shared

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


def review(root: Path, not_items: re.Pattern[str] | None, but_in: str = "") -> int:
    """The corrections a reviewer makes on every note: `not_items` unticked, the rest confirmed;
    in the note named `but_in`, everything confirmed. The number of items unticked."""
    config = load_config(root / "actionbot.yaml")
    items = syncbed.extract(config, root / "notes", root).items
    corrections = [
        Correction.of(item, "ignore" if _unticked(item, not_items, but_in) else "confirm", "review")
        for item in items
    ]
    store.save(root / store.FILE_NAME, corrections)
    return sum(c.kind == "ignore" for c in corrections)


def _unticked(item: ActionItem, not_items: re.Pattern[str] | None, but_in: str) -> bool:
    return bool(not_items and not_items.search(item.text)) and Path(item.note).name != but_in


def extracted(root: Path) -> list[dict[str, object]]:
    ran = clibed.actionbot("extract", "--json", cwd=root)
    assert ran.returncode == 0, ran.stderr
    items: list[dict[str, object]] = json.loads(ran.stdout)
    return items


@pytest.mark.slow
def test_a_team_model_that_reads_the_history_better_is_kept_and_extract_uses_it(tmp_path: Path) -> None:
    root = checkout(tmp_path)
    assert review(root, REMARK) == 8  # two remarks per note taken for items
    learned = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learned.returncode == 0, learned.stderr
    assert "leave one meeting out on 4 reviewed notes" in learned.stderr
    assert "shipped precision 0.500, recall 1.000" in learned.stderr
    assert "team model precision 1.000, recall 1.000" in learned.stderr
    kept = root / team_model.FILE_NAME
    assert learn.KEPT.format(path=team_model.FILE_NAME) in learned.stderr
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


@pytest.mark.slow
def test_a_team_model_that_reads_the_history_worse_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    root = checkout(tmp_path)
    # A reviewer who let one note's remarks through: the notes disagree, and the model fitted on
    # three of them misreads the fourth.
    assert review(root, REMARK, but_in="2026-03-09.md") == 6
    learned = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learned.returncode == 0, learned.stderr
    assert "shipped precision 0.625, recall 1.000, F1 0.769" in learned.stderr
    assert "team model precision 0.571, recall 0.800, F1 0.667" in learned.stderr
    assert learn.REFUSED.format(loss=team.RECALL_GIVEN_UP) in learned.stderr
    assert not (root / team_model.FILE_NAME).exists()
    # A team model kept before stays as it was, and learn says it is still in use.
    earlier = '{"correction": {"bias": -0.5}, "threshold": 0.4}\n'
    (root / team_model.FILE_NAME).write_text(earlier, encoding="utf-8")
    again = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learn.LEFT.format(path=team_model.FILE_NAME) in again.stderr
    assert (root / team_model.FILE_NAME).read_text(encoding="utf-8") == earlier


@pytest.mark.slow
def test_a_team_model_no_better_than_the_shipped_one_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    root = checkout(tmp_path)
    assert review(root, None) == 0  # every item confirmed: the shipped decision is right on all
    learned = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learned.returncode == 0, learned.stderr
    assert "shipped precision 1.000, recall 1.000" in learned.stderr
    assert learn.REFUSED.format(loss=team.RECALL_GIVEN_UP) in learned.stderr
    assert not (root / team_model.FILE_NAME).exists()


def test_one_reviewed_note_is_too_few_to_judge_a_team_model(tmp_path: Path) -> None:
    root = checkout(tmp_path, days=("02",))
    review(root, REMARK)
    learned = clibed.actionbot("learn", "--out", "examples.json", cwd=root)
    assert learned.returncode == 0, learned.stderr
    assert learn.TOO_FEW.format(count=1, verb="was") in learned.stderr
    assert not (root / team_model.FILE_NAME).exists()


def test_a_team_model_file_that_cannot_be_read_is_one_error_naming_it(tmp_path: Path) -> None:
    root = checkout(tmp_path, days=("02",))
    (root / team_model.FILE_NAME).write_text("{", encoding="utf-8")
    ran = clibed.actionbot("extract", "--json", cwd=root)
    assert ran.returncode == 2
    assert f"{team_model.FILE_NAME}: cannot read the team model" in ran.stderr


def test_a_correction_moves_only_what_the_team_s_examples_show() -> None:
    prior = Decision({"bias": 0.0, "promise": 2.0, "report": -2.0, "remark": 1.0}, 0.4, ("c",))
    examples: list[Example] = [({"bias": 1.0, "remark": 1.0}, False)] * 20
    examples += [({"bias": 1.0, "promise": 1.0}, True)] * 20
    corrected = refit(prior, examples)
    assert corrected.weights["report"] == prior.weights["report"]  # no example has it
    assert corrected.weights["remark"] < prior.weights["remark"]
    assert corrected.threshold == prior.threshold and corrected.trained_on == ("c",)
    # The penalty holds it near the shipped weights: far from what the examples alone would give.
    assert corrected.weights["remark"] > -3.0


def _item(line: int, name: str, text: str) -> ActionItem:
    return ActionItem(
        id=f"i{line}", note="notes/a.md", meeting_date=dt.date(2026, 3, 2), line=line, text=text,
        owners=(Owner(name),), task=text, due=None, section="",
    )  # fmt: skip


@needs_shared()
def test_the_team_s_items_score_as_the_shared_scorer_scores_them() -> None:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = {"notes": [{"note": "n/a.md", "items": [
        {"owners": ["Ana Lima"], "quote": "Ana will update the changelog", "tier": "firm"},
        {"owners": ["Ben Okoro"], "quote": "Ben will send the minutes", "tier": "firm"},
    ]}]}  # fmt: skip
    # Ana's item twice (one gold item counts for one of them), Chen's not in the gold.
    said = "Ana will update the changelog."
    items = [_item(1, "Ana Lima", said), _item(2, "Ana Lima", said), _item(3, "Chen Wu", "Chen will go.")]
    ours = figures(gold, items)
    theirs, _, _ = scorer.score(gold, [item.as_json() for item in items])
    assert (round(ours.precision, 3), round(ours.recall, 3)) == (theirs["precision"], theirs["recall"])
    assert (ours.precision, ours.recall) == (1 / 3, 0.5)


def test_a_narrowed_team_model_takes_nothing_the_shipped_decision_leaves() -> None:
    shipped = Decision({"bias": -1.0, "promise": 3.0, "remark": 1.5}, 0.5, ("c",))
    # Fitted on the items people saw: remarks were unticked, promises kept.
    remark: dict[str, float] = {"bias": 1.0, "remark": 1.0}
    promise: dict[str, float] = {"bias": 1.0, "promise": 1.0}
    seen: list[Example] = [(remark, False)] * 10
    seen += [(promise, True)] * 10
    fitted = refit(shipped, seen, l2=0.1)
    narrowed = team.Narrowed(fitted.weights, fitted.threshold, fitted.trained_on, shipped)
    assert shipped.accepts(remark) and not narrowed.accepts(remark)
    assert narrowed.accepts(promise)
    # Whatever its own weights say, what the shipped decision leaves stays left.
    left = {"bias": 1.0}
    eager = team.Narrowed({"bias": 5.0}, 0.5, (), shipped)
    assert not shipped.accepts(left) and not eager.accepts(left)
    # Its file says it is narrowed, and reads back as it was.
    verdict = team.Verdict(narrowed, figures({"notes": []}, []), figures({"notes": []}, []), 2)
    again = team.from_json(team.as_json(verdict, shipped), shipped)
    assert isinstance(again, team.Narrowed) and again.within == shipped
    assert again.accepts(promise) and not again.accepts(remark)


def test_a_shape_drops_later_items_of_an_unticked_shape_that_no_kept_item_has() -> None:
    """The benchmark's question of whether mistakes repeat in shape: a later item is dropped when
    its shape is an unticked item's and no kept item's, whatever its words."""
    from benchmarks.team_model import shape_drops

    remark = {"src=speaker": 1.0, "lead=label": 1.0, "mood=base": 1.0, "first-person": 1.0}
    promise = {"src=speaker": 1.0, "lead=label": 1.0, "mood=future": 1.0, "first-person": 1.0}
    assigned = {"lead=None": 1.0, "mood=to": 1.0, "role=found": 1.0, "role=found&question": 1.0}
    first = [(remark, False), (promise, True), (assigned, True)]
    second = [(remark, False), ({**remark, "w=fan": 1.0}, True), (promise, True), (assigned, False)]
    assert shape_drops(("mood",), [(first, second)]) == (1, 1)
    # Coarser than what tells the remark from the promise, the shape is a kept item's too.
    assert shape_drops(("lead", "first-person"), [(first, second)]) == (0, 0)
    # A conjunction of the role with other evidence is not a part of the shape.
    plain = {"role=found": 1.0}
    assert shape_drops(("role",), [([(assigned, False)], [(plain, True)])]) == (0, 1)
