"""The layout holds: no import cycle, and the pure core never imports an adapter or an edge.

The core (reading notes, extracting, planning a sync, following up, and the values they pass) is
tested with plain values; the edges (CLI, Actions, config, files, lock, trackers, notifications)
stand on it, never the other way round. tools/layers.py prints the layers this checks.

And a command's work lives in bot/commands, the CLI only calls it; every module has a name of
its own, and is imported by it, so a grep for the name finds every user.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT
from tools import layers

CORE = (
    "bot.notes", "bot.extraction", "bot.syncplan", "bot.followup", "bot.action_item", "bot.people",
    "bot.issues",
    "bot.review.corrections", "bot.review.comment", "bot.review.fromissues", "bot.review.examples",
)  # fmt: skip
EDGES = (
    "bot.trackers", "bot.config", "bot.wiring", "bot.cli", "bot.commands", "bot.actions", "bot.notefiles",
    "bot.noteadded", "bot.lock", "bot.notify", "bot.channels", "bot.daemon", "bot.pipeline", "bot.overview",
    "bot.scaffold", "bot.review.store", "bot.review.team_model",
)  # fmt: skip


def test_no_module_imports_in_a_cycle() -> None:
    tool = layers
    _, cyclic = tool.layers(tool.graph())
    assert cyclic == []


def test_the_core_never_imports_an_edge() -> None:
    graph = layers.graph()
    reaching = {
        module: sorted(t for t in targets if t.startswith(EDGES))
        for module, targets in graph.items()
        if module.startswith(CORE)
    }
    assert {m: t for m, t in reaching.items() if t} == {}


def test_the_check_sees_an_edge_import() -> None:
    tool = layers
    graph = {"bot.syncplan.plan": {"bot.trackers.github"}, "bot.trackers.github": set()}
    assert tool.layers(graph) == ([["bot.trackers.github"], ["bot.syncplan.plan"]], [])
    assert tool.layers({"bot.a": {"bot.b"}, "bot.b": {"bot.a"}}) == ([], ["bot.a", "bot.b"])


def test_the_readme_shows_every_module_of_the_layout() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = text[text.index("```\nbot/\n") : text.index("```", text.index("```\nbot/\n") + 4)]
    modules = {p.name for p in (ROOT / "bot").rglob("*.py") if p.name not in ("__init__.py", "__main__.py")}
    shown = {word for line in tree.splitlines() for word in line.split() if word.endswith(".py")}
    assert modules - shown == set()


# What the CLI may stand on: the commands, its help's look, and typer. A command's work found
# anywhere else (a branch guard, a file written, the tracker read) would need an import here.
CLI_IMPORTS = ("bot.commands.", "bot.clihelp")
CLI_LINES = 300


def test_the_cli_only_calls_the_commands() -> None:
    imported = layers.graph()["bot.cli"]
    assert imported and sorted(name for name in imported if not name.startswith(CLI_IMPORTS)) == []
    lines = (ROOT / "bot" / "cli.py").read_text(encoding="utf-8").count("\n")
    assert lines <= CLI_LINES


def test_only_the_cli_and_the_commands_speak_typer() -> None:
    speaking = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "bot").rglob("*.py")
        if "typer" in _imported_names(path) and path.parent.name != "commands"
    )
    assert speaking == ["bot/cli.py", "bot/clihelp.py"]


def test_no_two_modules_share_a_name() -> None:
    # A grep for a module's name finds it and its users, and nothing else.
    named: dict[str, list[str]] = {}
    for path in sorted((ROOT / "bot").rglob("*")):
        if path.suffix == ".py" and path.stem not in ("__init__", "__main__"):
            named.setdefault(path.stem, []).append(str(path.relative_to(ROOT)))
        elif path.is_dir() and (path / "__init__.py").exists():
            named.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in named.items() if len(paths) > 1} == {}


def test_no_module_of_the_bot_is_imported_under_another_name() -> None:
    aliased = [
        f"{path.relative_to(ROOT)}:{line}: {name} as {alias}"
        for folder in ("bot", "tests", "tools", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line, name, alias in _aliased_modules(path)
    ]
    assert aliased == []


def test_the_alias_check_sees_both_forms(tmp_path: Path) -> None:
    source = tmp_path / "aliases.py"
    source.write_text(
        "import bot.cli as c\nfrom bot.commands import sync as s\nfrom bot.issues import Issue as I\n"
        "import json as j\nfrom bot.commands import sync\n",
        encoding="utf-8",
    )
    assert _aliased_modules(source) == [(1, "bot.cli", "c"), (2, "bot.commands.sync", "s")]


def _aliased_modules(path: Path) -> list[tuple[int, str, str]]:
    """The bot's modules `path` imports under another name (a class under another name is not one)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            named = [(alias.name, alias.asname) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            named = [(f"{node.module}.{alias.name}", alias.asname) for alias in node.names]
        else:
            continue
        for name, alias in named:
            if (
                alias
                and alias != name.rpartition(".")[2]
                and name.split(".")[0] == "bot"
                and _is_module(name)
            ):
                found.append((node.lineno, name, alias))
    return found


def _is_module(name: str) -> bool:
    where = ROOT.joinpath(*name.split("."))
    return where.with_suffix(".py").is_file() or (where / "__init__.py").is_file()


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return names | {
        n.module.split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and n.module and not n.level
    }
