"""The layout holds: no import cycle, and the pure core never imports an adapter or an edge.

The core (reading notes, extracting, planning a sync, following up, and the values they pass) is
tested with plain values; the edges (CLI, Actions, config, files, lock, trackers, notifications)
stand on it, never the other way round. tools/layers.py prints the layers this checks.
"""

from __future__ import annotations

from tests.conftest import ROOT
from tools import layers

CORE = (
    "bot.notes", "bot.extraction", "bot.syncplan", "bot.issueindex", "bot.followup", "bot.action_item",
    "bot.people", "bot.issues",
    "bot.review.corrections", "bot.review.comment", "bot.review.fromissues", "bot.review.examples",
)  # fmt: skip
EDGES = (
    "bot.trackers", "bot.config", "bot.wiring", "bot.cli", "bot.commands", "bot.actions", "bot.notefiles",
    "bot.noteadded", "bot.lock", "bot.notify", "bot.channels", "bot.daemon", "bot.pipeline", "bot.overview",
    "bot.scaffold", "bot.review.store", "bot.review.team_model",
)  # fmt: skip

# Report, remind, site and items read the bot's issues through the index, as sync does: never through sync.
ISSUE_READERS = (
    "bot.followup", "bot.overview", "bot.commands.items", "bot.commands.followup", "bot.commands.report",
    "bot.commands.remind",
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
