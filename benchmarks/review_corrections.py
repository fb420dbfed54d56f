"""What a reviewer's corrections give `actionbot learn`, on every annotated corpus: the first half of
its notes (in meeting order) reviewed as a person would from the gold, exported as examples in the
gold format, and those examples checked against the gold.

    python benchmarks/review_corrections.py [--corpora DIR ...] [--json]

The simulated reviewer sees every item the extractor finds in a note (the review comment lists them
all) and keeps those of its owners that a gold item of the note names for a sentence agreeing with
the item's (the shared scorer's own test): all of them, a confirmation; some, the owners corrected;
none, the item unticked. It cannot add an item the extractor missed: the comment has no line for it.

Per corpus, on the first half: notes, the corrections by kind, the extractor's precision and recall
there by the gold, its precision by the examples (the two agree when the examples say what the gold
says about every item found), and the share of the gold's firm items the examples hold (the recall
by the gold: what a review can teach is bounded by what the extractor finds). These examples are
the input of the team model's benchmark (benchmarks/team_model.py), which fits on them and scores
the second half.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import DEFAULT_CORPORA, corpus_files, load_scorer  # noqa: E402
from bot.action_item import ActionItem  # noqa: E402
from bot.config import Config, load_config  # noqa: E402
from bot.extraction.extractor import Extractor  # noqa: E402
from bot.extraction.nlp import load_model  # noqa: E402
from bot.notefiles import load_meeting  # noqa: E402
from bot.notes import cadence  # noqa: E402
from bot.notes.meeting import Meeting  # noqa: E402
from bot.review.corrections import Correction  # noqa: E402
from bot.review.examples import gold_examples  # noqa: E402


def simulated_review(
    items: list[ActionItem], gold: dict[str, Any], scorer: ModuleType, source: str = "simulated review"
) -> list[Correction]:
    """The corrections a reviewer who knows the gold makes to `items`."""
    by_note: dict[str, list[dict[str, Any]]] = {}
    for note in gold["notes"]:
        by_note.setdefault(Path(note["note"]).name, []).extend(note["items"])
    found = []
    for item in items:
        golds = by_note.get(Path(item.note).name, [])
        right = [
            owner.name
            for owner in item.owners
            if any(owner.name in g["owners"] and scorer.agrees(item.text, g["quote"]) for g in golds)
        ]
        if not right:
            found.append(Correction.of(item, "ignore", source))
        elif len(right) < len(item.owners):
            found.append(Correction.of(item, "override", source, assignees=tuple(right)))
        else:
            found.append(Correction.of(item, "confirm", source))
    return found


def annotated(folder: Path) -> tuple[Config, dict[str, Any], list[Meeting]]:
    """The corpus's config, gold and the meetings the gold annotates, in meeting order."""
    config_path, paths = corpus_files(folder)
    config = load_config(config_path)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    listed = {Path(note["note"]).name for note in gold["notes"]}
    meetings = sorted(
        (load_meeting(path, config.notes.max_bytes) for path in paths if Path(path).name in listed),
        key=lambda m: (m.date, m.path),
    )
    return config, gold, meetings


def first_half(folder: Path, scorer: ModuleType) -> dict[str, Any]:
    config, gold, meetings = annotated(folder)
    half = meetings[: (len(meetings) + 1) // 2]
    names = {Path(m.path).name for m in half}
    every_days = cadence.every_days(config.meetings.every_days, (m.date for m in meetings))
    extractor = Extractor(load_model(config.model), config.roster, every_days)
    items = [item for meeting in half for item in extractor.extract(meeting)]
    half_gold = {**gold, "notes": [n for n in gold["notes"] if Path(n["note"]).name in names]}
    corrections = simulated_review(items, half_gold, scorer)
    examples = gold_examples(corrections, config.roster, folder.name, {i.id: i for i in items})
    predicted = [item.as_json() for item in items]
    by_gold, _, _ = scorer.score(half_gold, predicted)
    by_examples, _, _ = scorer.score(examples, predicted)
    kinds = Counter(c.kind for c in corrections)
    return {
        "corpus": folder.name,
        "notes": len(half),
        "items": len(items),
        "confirm": kinds["confirm"],
        "override": kinds["override"],
        "ignore": kinds["ignore"],
        "precision_by_gold": by_gold["precision"],
        "precision_by_examples": by_examples["precision"],
        "gold_firm_held": by_gold["recall"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    scorer = load_scorer()
    rows = [first_half(folder, scorer) for folder in args.corpora if (folder / "gold.json").is_file()]
    if args.json:
        sys.stdout.write(json.dumps(rows) + "\n")
        return
    columns = list(rows[0]) if rows else []
    print(" ".join(f"{c:>14}" for c in columns))
    for row in rows:
        print(" ".join(f"{row[c]!s:>14}" for c in columns))


if __name__ == "__main__":
    main()
