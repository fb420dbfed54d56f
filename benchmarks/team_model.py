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

`--shapes` also asks whether a team's style repeats in the shape of its mistakes: whether a layer
that drops every item of the shape of an unticked first-half item (and of no kept one) would drop
the second half's false items and not its true ones. A shape is a tuple of structural parts of an
option's evidence (the rule that found it, the person's role, the sentence's mood and the person's
own, the lead and tail, first person, the list of actions, the agenda, the speaker, the kind of
line), never its words; every subset of `SHAPE_PARTS` is tried, pooled over the corpora, and the
subsets that drop a false second-half item are counted with the true ones they drop as well.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import DEFAULT_CORPORA, load_scorer  # noqa: E402
from benchmarks.review_corrections import simulated_review  # noqa: E402
from bot.extraction import team  # noqa: E402
from bot.extraction.decision import Decision, Example  # noqa: E402
from bot.extraction.labels import items_of  # noqa: E402
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


def _valued(prefix: str) -> Callable[[Mapping[str, float]], str]:
    return lambda f: ",".join(
        sorted(k[len(prefix) :] for k, v in f.items() if v and k.startswith(prefix) and "&" not in k)
    )


def _flag(name: str) -> Callable[[Mapping[str, float]], str]:
    return lambda f: name if f.get(name) else ""


SHAPE_PARTS: dict[str, Callable[[Mapping[str, float]], str]] = {
    "rule": _valued("src=found:"),
    "role": _valued("role="),
    "mood": _valued("mood="),
    "own-mood": _valued("own-mood="),
    "lead": _valued("lead="),
    "tail": _valued("tail="),
    "kind": _valued("kind="),
    "first-person": _flag("first-person"),
    "actions": _flag("actions"),
    "agenda": _flag("agenda-topic"),
    "speaker": _flag("src=speaker"),
}
# The shown options of a corpus's halves: the first labelled by the reviewer, the second by the gold.
Shown = tuple[Sequence[Example], Sequence[Example]]


def shown(meetings: Sequence[tuple[Any, Any]], gold: Mapping[str, Any], base: Decision) -> list[Example]:
    return [
        e
        for m, r in meetings
        if (listed := items_of(gold, m.path)) is not None
        for e in team.shown_and_judged(r, listed, base)[0]
    ]


def shape_drops(parts: tuple[str, ...], halves: Sequence[Shown]) -> tuple[int, int]:
    """The second-half options (false, true) that share `parts` with an unticked first-half item
    and with no kept one, pooled over the corpora."""

    def key(features: Mapping[str, float]) -> tuple[str, ...]:
        return tuple(SHAPE_PARTS[p](features) for p in parts)

    false = true = 0
    for first, second in halves:
        unticked = {key(f) for f, label in first if not label} - {key(f) for f, label in first if label}
        dropped = [label for f, label in second if key(f) in unticked]
        false, true = false + dropped.count(False), true + dropped.count(True)
    return false, true


def shape_summary(halves: Sequence[Shown]) -> str:
    tried = [
        (parts, *shape_drops(parts, halves))
        for size in range(1, len(SHAPE_PARTS) + 1)
        for parts in combinations(SHAPE_PARTS, size)
    ]
    useful = [t for t in tried if t[1] > 0]
    clean = [t for t in useful if t[2] == 0]
    false_later = sum(not label for _, second in halves for _, label in second)
    best = min(useful, key=lambda t: (t[2] - t[1], -t[1]), default=None)
    return (
        f"shapes: {len(tried)} subsets of {len(SHAPE_PARTS)} parts; the second halves show {false_later} "
        f"false items; {len(useful)} subsets drop one or more, {len(clean)} of them no true item"
        + (f"; best {'+'.join(best[0])}: {best[1]} false, {best[2]} true dropped" if best else "")
    )


def corpus(read: Corpus, scorer: ModuleType, base: Decision, halves: list[Shown]) -> dict[str, Any]:
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

    halves.append((shown(first, examples, base), shown(second, read.gold, base)))
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
    parser.add_argument("--shapes", action="store_true", help="whether unticked items' shapes recur")
    args = parser.parse_args()
    scorer = load_scorer()
    corpora = [read_corpus(folder) for folder in args.corpora if (folder / "gold.json").is_file()]
    shipped = Decision.shipped()
    starts = bases(corpora, shipped) if args.base == "loo" else {}
    halves: list[Shown] = []
    rows = [corpus(read, scorer, starts.get(read.name, shipped), halves) for read in corpora]
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
    if args.shapes:
        print(shape_summary(halves))


if __name__ == "__main__":
    main()
