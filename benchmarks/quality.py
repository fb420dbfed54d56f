"""Extraction quality on every annotated corpus: items, due dates, titles, and what each rule finds.

    python benchmarks/quality.py [--corpora DIR ...] [--predictions DIR] [--json] [--errors] [--loo]

A corpus is a folder with `gold.json` and a config (`config.yaml`, else `roster.yaml`); its notes are
in `notes/` or beside the gold. By default: every corpus in `../shared/notes/` and `tests/data/styles`.

Per corpus and overall it prints:
- items: precision, recall and F1 of (note, owner, sentence) pairs, by the shared scorer's own rules;
- due: of the found gold items that give a due date, the share whose due date is exactly right
  (each against the item of its owners whose sentence agrees most with its quote);
- titles: content-word F1 of each found item's title against the gold `task` (mean), and the share of
  all extracted titles that are broken (one word, ending on a function word, or a verb whose only
  object is "it/this/them/something");
- rules: per rule id, its true and false positive pairs in each corpus, so a rule that only helps the
  corpus it was written against shows up as one.

`--predictions DIR` scores saved `actionbot extract --json` output (`DIR/<corpus>.json`) instead of
running the extractor, so an earlier version is measured by the same rules.

`--loo` scores the shipped extractor on each shared corpus with its learned decision fitted without
that corpus (tools/train_decision.py), and the rules alone and the learned decision alone (fitted
without the rules' findings) beside it; with `--json` it adds `"loo": {corpus: {precision, recall,
f1}, ...}` for the shipped extractor and `"loo_parts"` for all three.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import DEFAULT_CORPORA, SHARED, corpus_files, load_scorer  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.extraction.extractor import Extractor  # noqa: E402
from bot.extraction.nlp import load_model  # noqa: E402
from bot.extraction.words import FUNCTION_WORDS, VAGUE_OBJECTS  # noqa: E402
from bot.notefiles import load_meeting  # noqa: E402
from bot.notes import cadence  # noqa: E402
from bot.notes.meeting import NoteError  # noqa: E402

_WORD = re.compile(r"[a-z0-9]+")
_COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class CorpusScore:
    name: str
    items: dict[str, Any]
    due_found: int = 0
    due_right: int = 0
    title_f1: list[float] = field(default_factory=list)
    titles: int = 0
    broken: list[str] = field(default_factory=list)
    rules: Counter[tuple[str, bool]] = field(default_factory=Counter)
    false_positives: list[Any] = field(default_factory=list)
    missed: list[Any] = field(default_factory=list)
    wrong_due: list[str] = field(default_factory=list)
    weak_titles: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {
            "corpus": self.name,
            "precision": self.items["precision"],
            "recall": self.items["recall"],
            "f1": self.items["f1"],
            "due_exact": _ratio(self.due_right, self.due_found),
            "due_given": self.due_found,
            "title_f1": round(sum(self.title_f1) / len(self.title_f1), 3) if self.title_f1 else 0.0,
            "broken_titles": _ratio(len(self.broken), self.titles),
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def extract_corpus(folder: Path) -> list[dict[str, Any]]:
    config_path, paths = corpus_files(folder)
    config = load_config(config_path)
    meetings = []
    for path in paths:
        try:
            meetings.append(load_meeting(path, config.notes.max_bytes))
        except NoteError as error:
            # As `extract` does: one line naming the note; its items count as missed.
            print(error, file=sys.stderr)
    # As the pipeline reads it: the config's cadence, else the one all the notes' dates show.
    every_days = cadence.every_days(config.meetings.every_days, (m.date for m in meetings))
    extractor = Extractor(load_model(config.model), config.roster, every_days)
    items: list[dict[str, Any]] = []
    for meeting in meetings:
        # As `extract --json` lists them: once per line an item is stated on.
        items.extend(row for item in extractor.extract(meeting) for row in item.as_json_rows())
    return items


def content_words(text: str) -> set[str]:
    """The words that carry content, each reduced to a crude stem so that "releases" and "release",
    "reviewing" and "review" count as one word."""
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def title_f1(title: str, task: str) -> float:
    got, want = content_words(title), content_words(task)
    if not got or not want:
        return 0.0
    common = len(got & want)
    if not common:
        return 0.0
    precision, recall = common / len(got), common / len(want)
    return 2 * precision * recall / (precision + recall)


def broken(title: str) -> bool:
    """A title that cannot be acted on from an issue list on its own."""
    # "check-in" and "sign-off" are one word: a title ending on one does not end on "in" or "off".
    words = _COMPOUND.findall(title.lower())
    if len(words) <= 1:
        return True
    if words[-1] in FUNCTION_WORDS - VAGUE_OBJECTS:
        return True
    rest = words[1:]
    return any(w in VAGUE_OBJECTS for w in rest) and all(w in FUNCTION_WORDS for w in rest)


def score_corpus(folder: Path, scorer: ModuleType, items: list[dict[str, Any]]) -> CorpusScore:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    result, false_positives, missed = scorer.score(gold, items)
    score = CorpusScore(folder.name, result, false_positives=false_positives, missed=missed)
    by_note: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for note in gold["notes"]:
        by_note[Path(note["note"]).name].extend(note["items"])
    used: set[int] = set()
    for item in items:
        note = Path(item["note"]).name
        owners = {o["name"] for o in item["owners"]}
        # The gold item the scorer pairs it with: the first that agrees and is not paired yet.
        agreeing = [
            g
            for g in by_note.get(note, [])
            if owners & set(g["owners"]) and scorer.agrees(item["text"], g["quote"])
        ]
        match = next((g for g in agreeing if id(g) not in used), agreeing[0] if agreeing else None)
        if match is not None:
            used.add(id(match))
        rule = item.get("rule") or "-"
        score.rules[(rule, match is not None)] += len(owners)
        score.titles += 1
        if broken(item["task"]):
            score.broken.append(f"{note}:{item['line']} {item['task']!r}")
        if match is None:
            continue
        f1 = title_f1(item["task"], match["task"])
        score.title_f1.append(f1)
        if f1 < 0.4:
            score.weak_titles.append(f"{note}:{item['line']} {item['task']!r} / gold {match['task']!r}")
    _due_dates(score, by_note, items, scorer)
    return score


def _due_dates(
    score: CorpusScore,
    by_note: dict[str, list[dict[str, Any]]],
    items: list[dict[str, Any]],
    scorer: ModuleType,
) -> None:
    """Each gold item that gives a due date, against the item found for it: of the items of its
    owners whose sentence agrees with its quote, the one that agrees most (its own sentence, not a
    neighbour's that shares half its words and was read first)."""
    for note, golds in by_note.items():
        ours = [item for item in items if Path(item["note"]).name == note]
        for gold in golds:
            if not gold.get("due"):
                continue
            found = [
                item
                for item in ours
                if {o["name"] for o in item["owners"]} & set(gold["owners"])
                and scorer.agrees(item["text"], gold["quote"])
            ]
            if not found:
                continue
            item = max(found, key=lambda item: _agreement(item["text"], gold["quote"]))
            score.due_found += 1
            if item.get("due") == gold["due"]:
                score.due_right += 1
            else:
                score.wrong_due.append(f"{note}:{item['line']} {item.get('due')} / gold {gold['due']}")


def _agreement(text: str, quote: str) -> float:
    """How closely a sentence and a quote agree: 2 when one holds the other, else the share of the
    quote's words the sentence has."""
    t, q = " ".join(text.lower().split()), " ".join(quote.lower().split())
    if q in t or t in q:
        return 2.0
    said = set(_WORD.findall(q))
    return len(said & set(_WORD.findall(t))) / len(said) if said else 0.0


def overall(scores: list[CorpusScore]) -> dict[str, Any]:
    def mean(key: str) -> float:
        return round(sum(s.row()[key] for s in scores) / len(scores), 3) if scores else 0.0

    return {
        "corpus": "mean",
        **{k: mean(k) for k in ("precision", "recall", "f1", "due_exact", "title_f1", "broken_titles")},
        "due_given": sum(s.due_found for s in scores),
    }


def print_table(scores: list[CorpusScore]) -> None:
    rows = [s.row() for s in scores] + [overall(scores)]
    head = f"{'corpus':<14} {'P':>6} {'R':>6} {'F1':>6} {'due':>6} {'(n)':>4} {'titleF1':>8} {'broken':>7}"
    print(head)
    for r in rows:
        print(
            f"{r['corpus']:<14} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
            f"{r['due_exact']:>6.3f} {r['due_given']:>4} {r['title_f1']:>8.3f} {r['broken_titles']:>7.3f}"
        )
    print()
    rules = sorted({rule for s in scores for rule, _ in s.rules})
    names = [s.name for s in scores]
    print(f"{'rule':<28} " + " ".join(f"{n[:13]:>13}" for n in names) + "   (true/false positive pairs)")
    for rule in rules:
        cells = [f"{s.rules[(rule, True)]:>6}/{s.rules[(rule, False)]:<6}" for s in scores]
        print(f"{rule:<28} " + " ".join(cells))


def print_errors(score: CorpusScore) -> None:
    print(f"\n== {score.name}")
    for p in score.false_positives:
        print("  false positive:", p[0], "|", p[1], "|", " ".join(p[2].split())[:150])
    for g in score.missed:
        print("  missed:", g[0], "|", g[1], "|", g[2][:150])
    for line in score.wrong_due:
        print("  due:", line)
    for line in score.broken:
        print("  broken title:", line)
    for line in score.weak_titles:
        print("  weak title:", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument(
        "--errors", action="store_true", help="list every miss, false positive and weak title"
    )
    parser.add_argument("--loo", action="store_true", help="score learned components leave-one-community-out")
    parser.add_argument("--predictions", type=Path, help="score saved predictions: DIR/<corpus>.json")
    args = parser.parse_args()
    scorer = load_scorer()

    def items_of(folder: Path) -> list[dict[str, Any]]:
        if args.predictions is None:
            return extract_corpus(folder)
        items: list[dict[str, Any]] = json.loads((args.predictions / f"{folder.name}.json").read_text())
        return items

    scores = [score_corpus(folder, scorer, items_of(folder)) for folder in args.corpora]
    loo = leave_one_out() if args.loo else {}
    if args.json:
        rules = {
            rule: {s.name: [s.rules[(rule, True)], s.rules[(rule, False)]] for s in scores}
            for rule in sorted({r for s in scores for r, _ in s.rules})
        }
        report: dict[str, Any] = {
            "corpora": [s.row() for s in scores],
            "overall": overall(scores),
            "rules": rules,
        }
        if loo:
            report["loo"] = {name: parts["shipped"] for name, parts in loo.items()}
            report["loo_parts"] = loo
        print(json.dumps(report))
        return
    print_table(scores)
    if args.errors:
        for score in scores:
            print_errors(score)
    if loo:
        print("\nleave-one-community-out (precision/recall/F1; learned parts fitted without the corpus):")
        for name, parts in loo.items():
            cells = "  ".join(
                f"{k} {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}" for k, v in parts.items()
            )
            print(f"  {name:<16} {cells}")


def leave_one_out() -> dict[str, dict[str, Any]]:
    from tools import train_decision  # trains eight decisions: only on demand

    corpora = train_decision.read_corpora(SHARED / "notes")
    return {name: dict(parts) for name, parts in train_decision.leave_one_out(corpora, load_scorer()).items()}


if __name__ == "__main__":
    main()
