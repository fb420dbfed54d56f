"""How long `actionbot extract` takes over a folder of notes, against a bare spaCy parse of the same texts.

    python benchmarks/extract_speed.py [--notes DIR] [--config FILE] [--repeat N]

Both are timed in this one process, with the same model, after the model is loaded, so the ratio
measures the extractor's own choices (which sentences it parses, which components it runs), not the
machine. The bare baseline is `nlp.pipe` over every note's full text with the model's default
pipeline. Prints one JSON line: {"notes", "extract_seconds", "baseline_seconds", "ratio"}.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from bot import pipeline
from bot.config import load_config
from bot.extraction.nlp import load_model
from bot.notefiles import discover, read_text

DEFAULT_NOTES = Path(__file__).resolve().parents[1].parent / "shared" / "notes" / "mirage-dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", default=str(DEFAULT_NOTES))
    parser.add_argument("--config", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="take the best of N runs of each")
    args = parser.parse_args()

    config = load_config(Path(args.config) if args.config else None)
    paths = discover([args.notes])
    texts = [read_text(p, config.notes.max_bytes) for p in paths]
    bare = spacy.load(config.model)
    load_model(config.model)  # both models loaded before any clock starts

    def run_extract() -> int:
        return len(pipeline.extract(paths, config).items)

    def run_bare() -> int:
        return sum(len(doc) for doc in bare.pipe(texts))

    run_extract(), run_bare()  # warm caches (dateparser, vocab) for both
    extract_seconds = min(_timed(run_extract) for _ in range(args.repeat))
    baseline_seconds = min(_timed(run_bare) for _ in range(args.repeat))
    print(
        json.dumps(
            {
                "notes": len(paths),
                "extract_seconds": round(extract_seconds, 3),
                "baseline_seconds": round(baseline_seconds, 3),
                "ratio": round(extract_seconds / baseline_seconds, 3),
            }
        )
    )


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
