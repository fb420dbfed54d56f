"""The ignore comment silences the sentence it ends, and finds the end of a wrapped sentence whose
last word also stands on its first line."""

from __future__ import annotations

from pathlib import Path

from bot.pipeline import extract
from tests.test_ignore import config, note, owners

TWO_ON_A_LINE = """---
title: Sync
date: 2026-05-06
---

## Build

Sam will bring cake. <!-- actionbot: ignore --> Priya will rotate the signing key.

Lee will write the FAQ. Dana will proofread the FAQ. <!-- actionbot: ignore -->
"""
WRAPPED = """---
title: Sync
date: 2026-05-06
---

## Build

Lee will write the docs for the new docs
site, with examples. <!-- actionbot: ignore -->

Priya will rotate the signing key.
"""


def test_a_comment_silences_the_sentence_it_ends_not_its_neighbours_on_the_line(tmp_path: Path) -> None:
    extraction = extract(note(tmp_path, TWO_ON_A_LINE), config(tmp_path), root=tmp_path)
    assert owners(extraction.items) == ["Priya Raman", "Lee Chen"]
    assert owners(extraction.ignored) == ["Samuel Okafor", "Dana Whitfield"]


def test_a_comment_ending_a_wrapped_sentence_whose_last_word_is_on_its_first_line(tmp_path: Path) -> None:
    extraction = extract(note(tmp_path, WRAPPED.replace("examples", "docs")), config(tmp_path), root=tmp_path)
    assert owners(extraction.ignored) == ["Lee Chen"]
    assert owners(extraction.items) == ["Priya Raman"]
