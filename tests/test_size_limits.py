"""The house stays easy to change: no module of the bot over 450 lines, no function over 60.
(Complexity over 20 is ruff's C901, set in pyproject.toml, so `ruff check` catches it.)"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

MODULE_LINES = 450
FUNCTION_LINES = 60


def long_functions(source: str) -> list[tuple[str, int]]:
    """The functions of `source` longer than FUNCTION_LINES, with their length, decorators left out."""
    return [
        (node.name, length)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := (node.end_lineno or node.lineno) - node.lineno + 1) > FUNCTION_LINES
    ]


def _modules() -> list[Path]:
    return sorted((ROOT / "bot").rglob("*.py"))


def test_no_module_of_the_bot_is_over_the_line_limit() -> None:
    lines = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8").count("\n") for p in _modules()}
    assert {path: n for path, n in lines.items() if n > MODULE_LINES} == {}


def test_no_function_of_the_bot_is_over_the_line_limit() -> None:
    found = {
        str(path.relative_to(ROOT)): long
        for path in _modules()
        if (long := long_functions(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_function_check_sees_a_long_function() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(FUNCTION_LINES))
    assert long_functions(f"def short():\n    pass\n\n\ndef long():\n{body}") == [
        ("long", FUNCTION_LINES + 1)
    ]
