"""What `actionbot learn`'s team model does on every annotated corpus: the first half of its notes
(in meeting order) reviewed as a person would from the gold (`review_corrections.simulated_review`),
the team model fitted on those examples and judged on them leave one meeting out as `learn` judges
it, then the second half, which nothing was fitted on, scored by the shared scorer against the gold.

    python benchmarks/team_model.py [--corpora DIR ...] [--base loo|shipped] [--json]

A team that runs `learn` is new: the shipped decision never saw its notes. So each shared corpus
starts from a decision fitted without it (`--base loo`, the default, as `tools/train_decision.py
--loo` fits it); starting from the shipped one (`--base shipped`) would read every shared corpus
in-sample, where there is little left for a team to correct.

Per corpus: notes in each half, the reviewer's corrections (items kept as they were, owners
corrected, unticked), the leave-one-meeting-out figures on the first half (base, team), whether
`learn` keeps the model (F1 up, recall down by no more than 0.02), and precision/recall on the
second half with the base decision, with what `learn` keeps (the team model if kept, else the
base), and with the team model whether kept or not (what keeping a refused model would have
cost). The issue's bar: what is kept gains precision on the second half and loses no more than
0.02 of recall. Nothing is chosen on the second half: how the team model is fitted is chosen by
`learn` on the first half alone (`bot.extraction.team.WAYS`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.quality import DEFAULT_CORPORA, load_scorer  # noqa: E402
from benchmarks.review_corrections import simulated_review  # noqa: E402
from bot.extraction import team  # noqa: E402
from bot.extraction.decision import Decision  # noqa: E402
from bot.review.examples import gold_examples  # noqa: E402
from tools.train_decision import Corpus, read_corpus, train  # noqa: E402


def _pr(result: dict[str, Any]) -> dict[str, float]:
    return {"precision": result["precision"], "recall": result["recall"]}


def bases(corpora: Sequence[Corpus], shipped: Decision) -> dict[str, Decision]:
    """The decision a new team starts from, per corpus: the shipped one fitted without that corpus
    (as `tools/train_decision.py --loo` fits it), so that its precision there is not in-sample."""
    return {
        held_out.name: train([c for c in corpora if c is not held_out and c.name in shipped.trained_on])
        for held_out in corpora
        if held_out.name in shipped.trained_on
    }


def corpus(read: Corpus, scorer: ModuleType, base: Decision) -> dict[str, Any]:
    listed = {Path(note["note"]).name for note in read.gold["notes"]}
    ordered = sorted(
        ((m, r) for m, r in read.meetings if Path(m.path).name in listed),
        key=lambda mr: (mr[0].date, mr[0].path),
    )
    cut = (len(ordered) + 1) // 2
    first, second = ordered[:cut], ordered[cut:]
    items = read.extractor.items
    first_items = [item for m, r in first for item in items(m, r, base)]
    corrections = simulated_review(first_items, read.gold, scorer)
    examples = gold_examples(corrections, read.extractor.roster, read.name, {i.id: i for i in first_items})
    verdict = team.judge(first, examples, items, base)
    fitted = verdict.model or base
    kept = fitted if verdict.better else base
    names = {Path(m.path).name for m, _ in second}
    later = {**read.gold, "notes": [n for n in read.gold["notes"] if Path(n["note"]).name in names]}

    def second_half(decision: Decision) -> dict[str, float]:
        predicted = [item.as_json() for m, r in second for item in items(m, r, decision)]
        return _pr(scorer.score(later, predicted)[0])

    kinds = Counter(c.kind for c in corrections)
    return {
        "corpus": read.name,
        "notes": [len(first), len(second)],
        "corrections": [kinds["confirm"], kinds["override"], kinds["ignore"]],
        "loo_shipped": {"precision": verdict.before.precision, "recall": verdict.before.recall},
        "loo_team": {"precision": verdict.after.precision, "recall": verdict.after.recall},
        "kept": verdict.better,
        "second_shipped": second_half(base),
        "second_learn": second_half(kept),
        "second_team_anyway": second_half(fitted),
    }


def _cell(figures: dict[str, float]) -> str:
    return f"{figures['precision']:.3f}/{figures['recall']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument(
        "--base",
        choices=("loo", "shipped"),
        default="loo",
        help="start from a decision fitted without the corpus (a new team), or from the shipped one",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    scorer = load_scorer()
    corpora = [read_corpus(folder) for folder in args.corpora if (folder / "gold.json").is_file()]
    shipped = Decision.shipped()
    starts = bases(corpora, shipped) if args.base == "loo" else {}
    rows = [corpus(read, scorer, starts.get(read.name, shipped)) for read in corpora]
    if args.json:
        sys.stdout.write(json.dumps(rows) + "\n")
        return
    header = (
        *("corpus", "notes", "kept/owner/not", "loo base", "loo team", "kept"),
        *("2nd base", "2nd learn", "2nd team"),
    )
    print("  ".join(f"{h:>14}" for h in header) + "   (precision/recall)")
    for row in rows:
        cells = (
            row["corpus"],
            "/".join(map(str, row["notes"])),
            "/".join(map(str, row["corrections"])),
            _cell(row["loo_shipped"]),
            _cell(row["loo_team"]),
            "yes" if row["kept"] else "no",
            _cell(row["second_shipped"]),
            _cell(row["second_learn"]),
            _cell(row["second_team_anyway"]),
        )
        print("  ".join(f"{c:>14}" for c in cells))


if __name__ == "__main__":
    main()
