"""Extraction quality on every annotated corpus, measured as benchmarks/quality.py measures it.

These are floors that catch a regression, a little under what the shipped extractor reaches on each
corpus (its learned decision was fitted on the shared corpora, so these are not held-out figures:
`python benchmarks/quality.py --loo` gives those). Issue 18's bars (F1 >= 0.85 on each corpus
leave-one-community-out, titles >= 0.60) are not met yet on every corpus; the floors say where each
stands, so that no change lowers it unseen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import corpora, quality
from tests.conftest import SHARED, STYLES, needs_shared

# corpus: (F1, precision, title F1, broken titles at most), measured minus about 0.02.
FLOORS = {
    "ipfs-team": (0.69, 0.72, 0.58, 0.02),
    "jupyter-a11y": (0.94, 0.93, 0.77, 0.02),
    "mirage-dev": (0.96, 0.96, 0.59, 0.02),
    "numfocus-infra": (0.83, 0.85, 0.76, 0.02),
    "openjs-cpc": (0.97, 0.98, 0.60, 0.02),
    "openssf-tac": (0.75, 0.75, 0.51, 0.02),
    "opentofu-tsc": (0.75, 0.82, 0.57, 0.02),
    "zarr-community": (0.65, 0.67, 0.49, 0.02),
    "styles": (0.91, 0.86, 0.83, 0.02),
}


@pytest.mark.slow
@needs_shared()
@pytest.mark.parametrize(
    "folder",
    [*(SHARED / "notes" / name for name in FLOORS if name != "styles"), STYLES],
    ids=lambda p: Path(p).name,
)
def test_corpus_stays_above_its_floor(folder: Path) -> None:
    bench = quality
    score = bench.score_corpus(folder, corpora.load_scorer(), bench.extract_corpus(folder))
    row = score.row()
    f1, precision, title_f1, broken = FLOORS[folder.name]
    assert row["f1"] >= f1 and row["precision"] >= precision, row
    assert row["title_f1"] >= title_f1 and row["broken_titles"] <= broken, row
    # Issue 18's bar for due dates, which every corpus meets since the cadence is read from the notes.
    assert row["due_given"] == 0 or row["due_exact"] >= 0.80, row


def test_a_broken_title_is_told_apart() -> None:
    bench = quality
    broken = ("Chair", "Upload it for", "Look over it", "Deal with them")
    assert [bench.broken(t) for t in broken] == [True] * len(broken)
    assert not bench.broken("Review the Async pull request") and not bench.broken("Tag the release")
    # A hyphenated compound is one word, not a title ending on "in".
    assert not bench.broken("Join the weekly check-in")
