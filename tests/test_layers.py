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
    "bot.notes", "bot.extraction", "bot.syncplan", "bot.issueindex", "bot.followup", "bot.action_item",
    "bot.people", "bot.issues",
    "bot.review.corrections", "bot.review.comment", "bot.review.fromissues", "bot.review.examples",
)  # fmt: skip
EDGES = (
    "bot.trackers", "bot.config", "bot.wiring", "bot.cli", "bot.commands", "bot.actions", "bot.notefiles",
    "bot.noteadded", "bot.lock", "bot.notify", "bot.channels", "bot.pipeline", "bot.overview",
    "bot.scaffold", "bot.review.store", "bot.review.team_model",
)  # fmt: skip

# Report, remind, site and items read the bot's issues through the index, as sync does: never through sync.
ISSUE_READERS = (
    "bot.followup", "bot.overview", "bot.commands.items", "bot.commands.status", "bot.commands.report",
    "bot.commands.remind", "bot.commands.site",
)  # fmt: skip


def _reaching(
    graph: dict[str, set[str]], sources: tuple[str, ...], targets: tuple[str, ...]
) -> dict[str, list[str]]:
    """The modules under `sources` that import any under `targets`, and what they import of them."""
    found = {
        m: sorted(t for t in imported if t.startswith(targets))
        for m, imported in graph.items()
        if m.startswith(sources)
    }
    return {m: t for m, t in found.items() if t}


def test_no_module_imports_in_a_cycle() -> None:
    tool = layers
    _, cyclic = tool.layers(tool.graph())
    assert cyclic == []


def test_the_core_never_imports_an_edge() -> None:
    assert _reaching(layers.graph(), CORE, EDGES) == {}


def test_report_site_and_items_read_issues_through_the_index_not_sync() -> None:
    assert _reaching(layers.graph(), ISSUE_READERS, ("bot.syncplan",)) == {}
    wrong = {"bot.overview.build": {"bot.syncplan.apply", "bot.issueindex.reading"}}
    assert _reaching(wrong, ISSUE_READERS, ("bot.syncplan",)) == {
        "bot.overview.build": ["bot.syncplan.apply"]
    }


def test_the_check_sees_an_edge_import() -> None:
    tool = layers
    graph = {"bot.syncplan.plan": {"bot.trackers.github"}, "bot.trackers.github": set()}
    assert tool.layers(graph) == ([["bot.trackers.github"], ["bot.syncplan.plan"]], [])
    assert tool.layers({"bot.a": {"bot.b"}, "bot.b": {"bot.a"}}) == ([], ["bot.a", "bot.b"])


def layout_tree(text: str) -> dict[str, str]:
    """The modules the tree of CONTRIBUTING.md shows, by their path under bot/, with the job it says."""
    start = text.index("```\nbot/\n") + 4
    shown: dict[str, str] = {}
    folders: list[tuple[int, str]] = []  # (indent, name) of the folders the line is in
    for line in text[start : text.index("```", start)].splitlines()[1:]:
        indent = len(line) - len(line.lstrip())
        name, _, job = line.strip().partition(" ")
        folders = [(i, f) for i, f in folders if i < indent]
        if name.endswith("/"):
            folders.append((indent, name))
        else:
            shown["".join(f for _, f in folders) + name] = job.strip()
    return shown


def test_contributing_shows_every_module_of_the_layout_and_its_job() -> None:
    shown = layout_tree((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    modules = {
        p.relative_to(ROOT / "bot").as_posix()
        for p in (ROOT / "bot").rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    }
    assert sorted(modules - set(shown)) == []  # every module is in the tree
    assert sorted(set(shown) - modules) == []  # and the tree names no module that is gone
    assert [path for path, job in shown.items() if not job] == []


def test_the_tree_is_read_by_folder() -> None:
    tree = "```\nbot/\n  a.py   one\n  pkg/   a package\n    b.py   two\n  c.py   three\n```\n"
    assert layout_tree(tree) == {"a.py": "one", "pkg/b.py": "two", "c.py": "three"}


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
                and layers.module_file(name) is not None
            ):
                found.append((node.lineno, name, alias))
    return found


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return names | {
        n.module.split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and n.module and not n.level
    }
