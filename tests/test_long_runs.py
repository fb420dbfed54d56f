"""A note holding a long run of punctuation (a pasted log, a table) is read in linear time: the run is
left out of what spaCy's tokenizer gets, and one line names the note and the line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.extraction import runs
from tests import clibed

NOTE = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key.

Log pasted from the build: {run}

Sam to update the changelog.
"""


@pytest.mark.slow
def test_a_note_with_16000_brackets_is_read_and_says_what_it_skipped(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2026-05-06.md").write_text(NOTE.format(run="[" * 16_000), encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(
        "people:\n  - {name: Priya Raman, aliases: [Priya]}\n  - {name: Sam Okafor, aliases: [Sam]}\n",
        encoding="utf-8",
    )
    run = clibed.actionbot("extract", "notes", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert [item["task"] for item in json.loads(run.stdout)] == [
        "Rotate the signing key",
        "Update the changelog",
    ]
    assert run.stderr.splitlines() == [
        "warning: notes/2026-05-06.md:10: a run of 16,000 punctuation marks (a pasted log or table?) is not "
        "read for action items; the rest of the note is"
    ]


def test_the_tokenizer_gets_runs_as_spaces_of_the_same_length() -> None:
    text = "See [x] and " + "(" * 40 + " then " + "-" * runs.LONGEST_RUN
    blanked = runs.blanked(text)
    assert len(blanked) == len(text) and "(" not in blanked and "[x]" in blanked
    assert blanked.endswith("-" * runs.LONGEST_RUN)  # a rule line of 32 marks is no run to skip
