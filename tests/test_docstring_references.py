"""Every `bot.<module>.<name>` a docstring or comment names exists: the docstrings are the
codebase's map, and a renamed module or function must not leave it pointing nowhere. Read from the
source (no imports): a name is found as a module or package under bot/, then as a top-level name of
that module (a function, class, constant, or a name it imports), then as a member of that class."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from functools import cache
from pathlib import Path

from tests.conftest import ROOT
from tools import layers

REFERENCE = re.compile(r"(?<![\w./])bot(?:\.[A-Za-z_]\w*)+")
SCANNED = ("bot", "tests", "tools", "benchmarks")


def prose(path: Path) -> list[tuple[int, str]]:
    """The docstrings and comments of a file, each with its first line: where the map is written."""
    text = path.read_text(encoding="utf-8")
    found = [
        (token.start[0], token.string)
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if token.type == tokenize.COMMENT
    ]
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = ast.get_docstring(node, clean=False)
            if docstring is not None:
                found.append((node.body[0].lineno, docstring))
    return found


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def defined(body: list[ast.stmt]) -> dict[str, ast.AST]:
    """The names a module or class body binds, each with what binds it."""
    names: dict[str, ast.AST] = {}
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] = node
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        names[name.id] = node
        elif isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                names[(alias.asname or alias.name).split(".")[0]] = node
        elif isinstance(node, ast.If | ast.Try):  # "if TYPE_CHECKING:", "try: import ..."
            names.update(defined(node.body))
    return names


def resolves(reference: str) -> bool:
    """Whether the longest module the name starts with defines the rest of it."""
    parts = reference.split(".")
    for split in range(len(parts), 0, -1):
        path = layers.module_file(".".join(parts[:split]))
        if path is None:
            continue
        body: list[ast.stmt] = tree(path).body
        for name in parts[split:]:
            node = defined(body).get(name)
            if node is None:
                return False
            body = node.body if isinstance(node, ast.ClassDef) else []
        return True
    return False


def references(paths: list[Path]) -> list[tuple[str, int, str]]:
    """Each `bot.` name the files' docstrings and comments give, with its file and line."""
    found = []
    for path in paths:
        for line, text in prose(path):
            for match in REFERENCE.finditer(text):
                found.append((path.name, line + text.count("\n", 0, match.start()), match.group()))
    return found


def test_the_scan_finds_references_and_tells_a_missing_one(tmp_path: Path) -> None:
    source = tmp_path / "example.py"
    source.write_text(
        '''"""Runs `bot.extraction.extractor.Extractor` (see bot.matching).\n\nAnd `bot.pipeline`."""\n'''
        "# Said in bot.extraction.phrase.Phrase.drop_last_optional, not in bot.extraction.extractor.Nothing\n"
        'x = "bot.in_code is no docstring"\n',
        encoding="utf-8",
    )
    found = references([source])
    assert found == [
        ("example.py", 4, "bot.extraction.phrase.Phrase.drop_last_optional"),
        ("example.py", 4, "bot.extraction.extractor.Nothing"),
        ("example.py", 1, "bot.extraction.extractor.Extractor"),
        ("example.py", 1, "bot.matching"),
        ("example.py", 3, "bot.pipeline"),
    ]
    assert [name for _, _, name in found if not resolves(name)] == [
        "bot.extraction.extractor.Nothing",
        "bot.matching",
    ]


def test_every_module_and_name_a_docstring_or_comment_names_exists() -> None:
    paths = [p for folder in SCANNED for p in sorted((ROOT / folder).rglob("*.py"))]
    missing = [f"{path}:{line} {name}" for path, line, name in references(paths) if not resolves(name)]
    assert missing == []
