"""Reproduce the shipped decision (`bot/extraction/decision.json`) from the annotated corpora.

    python tools/train_decision.py [--notes ../shared/notes] [--out bot/extraction/decision.json] [--loo]

Every sentence the extractor reads, in every note of every corpus with a `gold.json`, gives one
example per person who may own something in it: the evidence (`bot.extraction.evidence`) and whether
the gold annotates an item of that person whose quote agrees with the sentence (the shared scorer's
own test, as `bot.extraction.labels` holds it; `actionbot learn` labels a team's examples the same
way). The decision is fitted on all of them, deterministically (`bot.extraction.decision.fit`).

`--loo` also scores each corpus with a decision fitted without it: rules alone, the learned decision
alone (the rules' findings withheld from its evidence), and shipped (the decision over all evidence).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import corpus_files, load_scorer  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.extraction.decision import Decision, Example, fit  # noqa: E402
from bot.extraction.extractor import Extractor, Reading  # noqa: E402
from bot.extraction.labels import items_of, labelled  # noqa: E402
from bot.extraction.nlp import load_model  # noqa: E402
from bot.notefiles import load_meeting  # noqa: E402
from bot.notes.meeting import Meeting  # noqa: E402

SHARED_NOTES = ROOT.parent / "shared" / "notes"
SHIPPED = ROOT / "bot" / "extraction" / "decision.json"
# Evidence that is the rules' own finding; the learned decision alone is fitted without it.
RULE_EVIDENCE = ("src=rule:", "src=found:", "src=veto:", "src.any-rule", "&any-rule=")


@dataclass
class Corpus:
    name: str
    extractor: Extractor
    meetings: list[tuple[Meeting, list[Reading]]]
    gold: dict[str, Any]

    def examples(self, keep: Callable[[str], bool] = lambda _: True) -> list[Example]:
        """Every option read, labelled by the gold; a note the gold does not list has no items."""
        return [
            ({k: v for k, v in features.items() if keep(k)}, label)
            for meeting, readings in self.meetings
            for features, label in labelled(readings, items_of(self.gold, meeting.path) or [])
        ]

    def predictions(self, decision: Decision | None) -> list[dict[str, Any]]:
        return [
            item.as_json()
            for meeting, readings in self.meetings
            for item in self.extractor.items(meeting, readings, decision)
        ]


def read_corpus(folder: Path) -> Corpus:
    config_path, paths = corpus_files(folder)
    config = load_config(config_path)
    extractor = Extractor(
        load_model(config.model), config.roster, config.meetings.every_days, rules_only=True
    )
    meetings = []
    for path in paths:
        meeting = load_meeting(path, config.notes.max_bytes)
        meetings.append((meeting, extractor.readings(meeting)))
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return Corpus(folder.name, extractor, meetings, gold)


def read_corpora(notes: Path) -> list[Corpus]:
    return [read_corpus(gold.parent) for gold in sorted(notes.glob("*/gold.json"))]


def without_rules(name: str) -> bool:
    return not any(marker in name for marker in RULE_EVIDENCE)


def train(corpora: list[Corpus], keep: Callable[[str], bool] = lambda _: True) -> Decision:
    return fit({corpus.name: corpus.examples(keep) for corpus in corpora})


def leave_one_out(corpora: list[Corpus], scorer: ModuleType) -> dict[str, dict[str, Mapping[str, float]]]:
    """Per corpus: rules alone, the learned decision alone and shipped, each learned part fitted
    without the corpus it is scored on."""
    results: dict[str, dict[str, Mapping[str, float]]] = {}
    for held_out in corpora:
        others = [c for c in corpora if c is not held_out]
        learned = train(others, without_rules)
        shipped = train(others)
        row: dict[str, Mapping[str, float]] = {}
        for label, decision in (("rules", None), ("learned", learned), ("shipped", shipped)):
            result, _, _ = scorer.score(held_out.gold, held_out.predictions(decision))
            row[label] = {k: result[k] for k in ("precision", "recall", "f1")}
        results[held_out.name] = row
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=SHARED_NOTES)
    parser.add_argument("--out", type=Path, default=SHIPPED)
    parser.add_argument(
        "--loo", action="store_true", help="score each corpus with a decision fitted without it"
    )
    args = parser.parse_args()
    scorer = load_scorer()
    corpora = read_corpora(args.notes)
    if args.loo:
        for name, row in leave_one_out(corpora, scorer).items():
            cells = "  ".join(
                f"{k} {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}" for k, v in row.items()
            )
            print(f"{name:<16} {cells}")
        return
    decision = train(corpora)
    args.out.write_text(json.dumps(decision.as_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(decision.weights)} weights, threshold {decision.threshold:.3f}")


if __name__ == "__main__":
    main()
