"""Extraction quality on every annotated corpus, measured as benchmarks/quality.py measures it.

The bar is the one issue 11 set for each community's notes: F1 and precision of items >= 0.90, title
content-word F1 >= 0.60, at most 2% broken titles, and due dates >= 80% exact where gold gives one.
These are floors that catch a regression; the figures themselves come from the benchmark.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import quality
from tests.conftest import SHARED, STYLES, needs_shared

CORPORA = [SHARED / "notes" / name for name in ("mirage-dev", "openjs-cpc", "jupyter-a11y")]


@needs_shared()
@pytest.mark.parametrize("folder", [*CORPORA, STYLES], ids=lambda p: Path(p).name)
def test_corpus_meets_the_bar(folder: Path) -> None:
    bench = quality
    score = bench.score_corpus(folder, bench.load_scorer(), bench.extract_corpus(folder))
    row = score.row()
    assert row["f1"] >= 0.90 and row["precision"] >= 0.90, row
    assert row["title_f1"] >= 0.60 and row["broken_titles"] <= 0.02, row
    assert row["due_given"] == 0 or row["due_exact"] >= 0.80, row


def test_a_broken_title_is_told_apart() -> None:
    bench = quality
    broken = ("Chair", "Upload it for", "Look over it", "Deal with them")
    assert [bench.broken(t) for t in broken] == [True] * len(broken)
    assert not bench.broken("Review the Async pull request") and not bench.broken("Tag the release")
    # A hyphenated compound is one word, not a title ending on "in".
    assert not bench.broken("Join the weekly check-in")
