"""The import graph of the `bot` package, as layers: what each module may stand on.

    python tools/layers.py [--packages] [--json]

Reads every module's imports (the syntax tree, not by importing it) and prints the modules by layer:
layer 0 imports nothing of the bot's own, layer n imports only layers below n. A cycle has no layer
and is printed as one; `--packages` folds modules into their packages (bot.extraction, bot.syncplan, ...).
The checks `tests/test_layers.py` holds the code to come from here: no cycle, and the pure core
(notes, extract, sync planning, follow-up) never imports an adapter, the clock or the environment.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bot"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_file(name: str) -> Path | None:
    """The file of the module a dotted name (`bot.notes.meeting`) names, or None when it names none."""
    base = ROOT.joinpath(*name.split("."))
    return next((f for f in (base.with_suffix(".py"), base / "__init__.py") if f.is_file()), None)


def imports(path: Path, modules: set[str]) -> set[str]:
    """The bot's own modules that `path` imports, at run time or for type checking alike."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                anchor = here.split(".")[: -node.level] if path.name != "__init__.py" else here.split(".")
                base = ".".join([*anchor, node.module])
            # "from bot.extraction import words" imports bot.extraction.words; "from bot.notes import Meeting"
            # imports bot.notes.
            submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules]
            names = submodules if len(submodules) == len(node.names) else [base, *submodules]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != here and name != "bot":
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports(p, modules) for p in paths if module_name(p) != "bot"}


def fold(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """Modules folded into their packages: bot.extraction.titles -> bot.extraction; bot.cli stays."""
    packages = {name for name in edges if (PACKAGE / Path(*name.split(".")[1:]) / "__init__.py").exists()}

    def package(name: str) -> str:
        return next((p for p in sorted(packages, key=len, reverse=True) if name.startswith(p + ".")), name)

    folded: dict[str, set[str]] = defaultdict(set)
    for name, targets in edges.items():
        folded[package(name)].update(package(t) for t in targets)
    return {name: targets - {name} for name, targets in folded.items()}


def layers(edges: dict[str, set[str]]) -> tuple[list[list[str]], list[str]]:
    """Modules by layer, and those caught in cycles (which have none)."""
    layer: dict[str, int] = {}
    remaining = dict(edges)
    while True:
        ready = {n for n, targets in remaining.items() if all(t in layer for t in targets)}
        if not ready:
            break
        for name in ready:
            layer[name] = 1 + max((layer[t] for t in remaining[name]), default=-1)
            del remaining[name]
    by_layer: list[list[str]] = [[] for _ in range(max(layer.values(), default=-1) + 1)]
    for name, level in layer.items():
        by_layer[level].append(name)
    return [sorted(level) for level in by_layer], sorted(remaining)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", action="store_true", help="fold modules into their packages")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    edges = graph()
    if args.packages:
        edges = fold(edges)
    by_layer, cyclic = layers(edges)
    if args.json:
        print(json.dumps({"layers": by_layer, "cycles": cyclic}))
    else:
        for level, names in enumerate(by_layer):
            print(f"layer {level}: " + ", ".join(n.removeprefix("bot.") for n in names))
        if cyclic:
            print("in cycles: " + ", ".join(cyclic))
    sys.exit(1 if cyclic else 0)


if __name__ == "__main__":
    main()
