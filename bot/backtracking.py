"""Regular expressions that backtrack catastrophically: a repeat inside a repeat, "(a+)+$", takes
time exponential in the text it fails on. A route's pattern is matched against every section title
of every note, so one such pattern in the config could hold a run for hours.

Read with the parser the `re` module itself compiles with, so what is judged is what would run."""

from __future__ import annotations

import importlib
from typing import Any

_parser: Any = importlib.import_module("re._parser")  # sre_parse's home since 3.11; no stub exists
_REPEATS = {_parser.MAX_REPEAT, _parser.MIN_REPEAT}


def nested_repeat(pattern: str) -> bool:
    """Whether `pattern` repeats a varying number of times something that itself repeats a varying
    number of times: the two can share out a run of text in exponentially many ways."""
    return _nested(_parser.parse(pattern), inside=False)


def _nested(parsed: Any, inside: bool) -> bool:
    return any(_nested_in(op, argument, inside) for op, argument in parsed)


def _nested_in(op: Any, argument: Any, inside: bool) -> bool:
    if op in _REPEATS:
        least, most, body = argument
        repeats = most > 1 and least != most
        return (repeats and inside) or _nested(body, inside or repeats)
    if op is _parser.SUBPATTERN:
        return _nested(argument[3], inside)
    if op is _parser.BRANCH:
        return any(_nested(branch, inside) for branch in argument[1])
    if op in (_parser.ASSERT, _parser.ASSERT_NOT):
        return _nested(argument[1], inside)
    return False  # a character, a class, an anchor; an atomic group or possessive repeat never backtracks
