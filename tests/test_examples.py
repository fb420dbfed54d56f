"""The bundled example notes, which a new user reads first: every action item they hold, each read
right (owners, task, due date, line), nothing that is not one, and the progress later notes report."""

from __future__ import annotations

from pathlib import Path

from bot.config import Config, load_config
from bot.followup.progress import progress_of
from bot.notefiles import discover
from bot.pipeline import Extraction, extract
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
# (note, line, owners, task, due): all of them, in the notes' order.
EXPECTED = [
    ("2026-02-04.md", 35, ("Tomasz Kowalczyk",), "Write up the on-disk format", "2026-02-18"),
    ("2026-02-04.md", 36, ("Oluwaseun Adeyemi",), "Review the recovery code", None),
    ("2026-02-04.md", 42, ("Yuki Tanabe",), "Add the fuzz corpus to the nightly CI job", None),
    ("2026-02-04.md", 45, ("Hamish Strachan",), "Try the new ARM runners on the free tier", None),
    (
        "2026-02-04.md", 51, ("Rafael Quintero", "Yuki Tanabe"),
        "Try the candidate against the downstream test suites", None,
    ),
    (
        "2026-02-04.md", 65, ("Margit Halvorsen",),
        "Send the project ideas list to the mailing list", "2026-02-06",
    ),
    ("2026-02-04.md", 71, ("Ines Barreto",), "Regenerate the graphs with the current release", None),
    (
        "2026-02-18.md", 44, ("Clémence Aubry",),
        "Prototype both layouts and measure the overhead on the insert benchmark", None,
    ),
    ("2026-02-18.md", 45, ("Oluwaseun Adeyemi",), "Finish reviewing the recovery code", "2026-02-25"),
    ("2026-02-18.md", 52, ("Rafael Quintero",), "Tag 0.9.0-rc1", None),
    ("2026-02-18.md", 61, ("Lena Vogt",), "Co-mentor the query planner project", None),
    ("2026-02-18.md", 62, ("Yuki Tanabe",), "Write a starter issue that touches the planner", None),
    ("2026-02-18.md", 70, ("Tomasz Kowalczyk",), "Help redraw the page layout diagrams", None),
    (
        "2026-03-04.txt", 31, ("Tomasz Kowalczyk",),
        "Update the RFC with the final layout and merge the RFC", "2026-03-18",
    ),
    (
        "2026-03-04.txt", 39, ("Yuki Tanabe",),
        "Open an issue upstream with a minimal reproducer", "2026-03-04",
    ),
    (
        "2026-03-04.txt", 45, ("Devraj Pillai",),
        "Add a retry around the cleanup and see whether the flakes stop", None,
    ),
    (
        "2026-03-04.txt", 51, ("Ines Barreto", "Hamish Strachan"),
        "Draft a SECURITY.md and turn on private vulnerability reporting", None,
    ),
    (
        "2026-03-04.txt", 52, ("Margit Halvorsen",),
        "Ask the foundation whether we can use their security contact", "2026-03-13",
    ),
    # Chairing the next call while the chair is on leave: a promise for later, not this call's role.
    ("2026-03-04.txt", 56, ("Clémence Aubry",), "Chair the next call", "2026-03-18"),
    ("2026-03-18.md", 41, ("Rafael Quintero",), "Tag rc2 and announce rc2 on the forum", "2026-03-19"),
    ("2026-03-18.md", 45, ("Oluwaseun Adeyemi",), "Write the release notes for 0.9.0", "2026-03-30"),
    ("2026-03-18.md", 50, ("Margit Halvorsen",), "Merge #440", None),
    ("2026-03-18.md", 51, ("Hamish Strachan",), "Add a short section on supported versions", None),
    ("2026-03-18.md", 57, ("Lena Vogt", "Hamish Strachan"), "Score the planner applications", "2026-04-01"),
    (
        "2026-03-18.md", 65, ("Clémence Aubry",),
        "Cut the benchmarking section and post the slides afterwards", None,
    ),
]  # fmt: skip


def examples() -> tuple[Extraction, Config]:
    config = load_config(EXAMPLES / "config.yaml")
    return extract(discover([str(EXAMPLES / "notes")]), config, root=ROOT), config


def test_the_example_notes_hold_exactly_their_action_items() -> None:
    extraction, _ = examples()
    assert extraction.errors == []
    found = [
        (
            Path(item.note).name,
            item.line,
            tuple(o.name for o in item.owners),
            item.task,
            item.due.isoformat() if item.due else None,
        )
        for item in extraction.items
    ]
    assert found == EXPECTED
    # "Maggie heard back from the foundation: we can use their security contact" is her news.
    assert not any("heard back" in item.text for item in extraction.items)


def test_the_example_notes_report_progress_and_what_is_done() -> None:
    extraction, config = examples()
    progress = progress_of(extraction.items, extraction.meetings, config.roster)
    by_task = {item.task: progress.get(item.id, []) for item in extraction.items}
    said = {task: [(p.text, p.done) for p in lines] for task, lines in by_task.items() if lines}
    assert said["Tag 0.9.0-rc1"] == [("Rafa tagged rc1 on Monday.", True)]
    assert said["Regenerate the graphs with the current release"] == [
        ("Ines regenerated the benchmark graphs.", True)
    ]
    assert said["Ask the foundation whether we can use their security contact"] == [
        ("Maggie heard back from the foundation: we can use their security contact.", False)
    ]
    assert said["Try the new ARM runners on the free tier"] == [
        ("Hamish was not on the call, so there is no news on the ARM runners.", False),
        ("Hamish not had a chance to look at the ARM runners yet.", False),
    ]
