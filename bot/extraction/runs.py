"""Long runs of punctuation ("[[[[...", "((((...") that spaCy's tokenizer reads in time quadratic in
their length: it strips one prefix at a time, copying the rest each time. A pasted log or table can
hold one of thousands (16,000 `[` took minutes). The tokenizer gets them as spaces of the same
length, so every offset into the text still holds, and the note says where a run was skipped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# No word or mark of a sentence is this long; a run this long costs the tokenizer well under a millisecond.
LONGEST_RUN = 32
_RUN = re.compile(rf"[^\w\s]{{{LONGEST_RUN + 1},}}")


def blanked(text: str) -> str:
    return _RUN.sub(lambda run: " " * len(run.group()), text)


def longest_run(text: str) -> int:
    return max((len(run.group()) for run in _RUN.finditer(text)), default=0)


def skipped_lines(lines: Iterable[tuple[int, str]]) -> list[tuple[int, int]]:
    """(line, length of its longest run) for the lines whose runs the tokenizer will not get."""
    return [(number, longest) for number, text in lines if (longest := longest_run(text))]


class BoundedTokenizer:
    """spaCy's tokenizer, given text without long runs of punctuation."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(blanked(text))
