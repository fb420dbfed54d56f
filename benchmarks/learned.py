"""What a learned component would give, leave-one-community-out: the experiment behind not shipping one.

    python benchmarks/learned.py [--epochs N] [--json]

For each annotated community in turn, a spaCy text classifier (bag of words and bigrams, people
replaced by one placeholder name so that no name is learned) is trained on the sentences of the
other communities' notes that name someone, labelled by whether the gold annotates an item there,
and scored on the held-out community's notes, by the shared scorer:
- `learned`: the classifier alone, each sentence it accepts owned by the first person it names;
- `rules+filter`: the rules' items, dropping those whose sentence the classifier rejects (the
  threshold chosen on the training communities);
- `rules`: the rules alone, for comparison.
Prints one row per held-out community. This classifier is not shipped: the bot's learned decision is
bot/extraction/decision.py, trained by tools/train_decision.py.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.pipeline import TextCategorizer  # noqa: E402
from spacy.training import Example  # noqa: E402

from benchmarks import corpora, quality  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.notefiles import load_meeting  # noqa: E402

COMMUNITIES = [corpora.SHARED / "notes" / name for name in ("mirage-dev", "openjs-cpc", "jupyter-a11y")]
LABELS = ("ITEM", "OTHER")


@dataclass(frozen=True)
class Sentence:
    note: str
    text: str  # as written, for the scorer
    masked: str  # people replaced by the placeholder, for the classifier
    people: tuple[str, ...]  # canonical names, in the order named
    item: bool


def sentences(folder: Path, scorer: Any) -> list[Sentence]:
    config_path, paths = corpora.corpus_files(folder)
    config = load_config(config_path)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    quotes = {Path(n["note"]).name: [i["quote"] for i in n["items"]] for n in gold["notes"]}
    found: list[Sentence] = []
    for path in paths:
        meeting = load_meeting(path, config.notes.max_bytes)
        roster = config.roster.with_attendees(meeting.attendees)
        for sentence in meeting.sentences:
            mentions = roster.mentions(sentence.text)
            if not mentions:
                continue
            masked = sentence.text
            for mention in reversed(mentions):
                masked = masked[: mention.start] + "Alex" + masked[mention.end :]
            name = Path(path).name
            item = any(scorer.agrees(sentence.quote, q) for q in quotes.get(name, []))
            people = tuple(dict.fromkeys(m.person.name for m in mentions))
            found.append(Sentence(name, sentence.quote, masked, people, item))
    return found


def train(data: list[Sentence], epochs: int, seed: int = 0) -> spacy.language.Language:
    nlp = spacy.blank("en")
    config = {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": 2,
            "no_output_layer": False,
        }
    }
    textcat = cast(TextCategorizer, nlp.add_pipe("textcat", config=config))
    for label in LABELS:
        textcat.add_label(label)
    examples = [
        Example.from_dict(
            nlp.make_doc(s.masked), {"cats": {"ITEM": float(s.item), "OTHER": float(not s.item)}}
        )
        for s in data
    ]
    random.seed(seed)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(epochs):
        random.shuffle(examples)
        for start in range(0, len(examples), 16):
            nlp.update(examples[start : start + 16], sgd=optimizer)
    return nlp


def probability(nlp: spacy.language.Language, text: str) -> float:
    return float(nlp(text).cats["ITEM"])


def best_threshold(nlp: spacy.language.Language, data: list[Sentence]) -> float:
    def f1(threshold: float) -> float:
        predicted = [probability(nlp, s.masked) >= threshold for s in data]
        tp = sum(p and s.item for p, s in zip(predicted, data, strict=True))
        fp = sum(p and not s.item for p, s in zip(predicted, data, strict=True))
        fn = sum(not p and s.item for p, s in zip(predicted, data, strict=True))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    return max((t / 20 for t in range(1, 20)), key=f1)


def loo(epochs: int) -> list[dict[str, Any]]:
    scorer = corpora.load_scorer()
    data = {folder.name: sentences(folder, scorer) for folder in COMMUNITIES}
    rows: list[dict[str, Any]] = []
    for held_out in COMMUNITIES:
        training = [s for name, group in data.items() if name != held_out.name for s in group]
        nlp = train(training, epochs)
        threshold = best_threshold(nlp, training)
        gold = json.loads((held_out / "gold.json").read_text(encoding="utf-8"))
        learned = [
            {"note": s.note, "text": s.text, "owners": [{"name": s.people[0]}]}
            for s in data[held_out.name]
            if probability(nlp, s.masked) >= threshold
        ]
        rules = quality.extract_corpus(held_out)
        kept = [i for i in rules if probability(nlp, _masked(i)) >= threshold]
        row: dict[str, Any] = {"held_out": held_out.name, "threshold": threshold}
        for name, items in (("learned", learned), ("rules+filter", kept), ("rules", rules)):
            result, _, _ = scorer.score(gold, items)
            row[name] = {k: result[k] for k in ("precision", "recall", "f1")}
        rows.append(row)
    return rows


def _masked(item: dict[str, Any]) -> str:
    text: str = item["text"]
    for owner in item["owners"]:
        text = text.replace(owner["name"], "Alex")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = loo(args.epochs)
    if args.json:
        print(json.dumps(rows))
        return
    print(f"{'held out':<14} {'learned P/R/F1':>20} {'rules+filter P/R/F1':>22} {'rules P/R/F1':>20}")
    for row in rows:
        cells = [
            "/".join(f"{row[k][m]:.2f}" for m in ("precision", "recall", "f1"))
            for k in ("learned", "rules+filter", "rules")
        ]
        print(f"{row['held_out']:<14} {cells[0]:>20} {cells[1]:>22} {cells[2]:>20}")


if __name__ == "__main__":
    main()
