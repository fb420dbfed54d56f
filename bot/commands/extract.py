"""The extract command: the notes' action items, as a table or as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.table import Table
from rich.text import Text

from bot import actions
from bot.action_item import ActionItem
from bot.commands import runner

_WIDEST_PATH = 40


def command(paths: list[str] | None, config: Path | None, as_json: bool) -> None:
    runner.run(config, lambda job: _extract(job, paths, as_json), people=True)


def _extract(job: runner.Run, paths: list[str] | None, as_json: bool) -> None:
    extraction = job.extract(paths)
    if as_json:
        rows = [row for item in extraction.items for row in item.as_json_rows()]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))
        sys.stdout.write("\n")
    else:
        runner.stdout.print(items_table(extraction.items, len(extraction.ignored)))


def items_table(items: list[ActionItem], ignored: int = 0) -> Table:
    silenced = f" ({ignored} ignored)" if ignored else ""
    table = Table(title=f"{len(items)} action items{silenced}", show_lines=False)
    # Dates are never broken, nor a note's path where there is room: "notes/2026-10-2 / 2.md:8" is no
    # path to find. Only a path too long for half the width is folded.
    whole = max((len(f"{item.note}:{item.line}") for item in items), default=0) <= _WIDEST_PATH
    unbroken = ("meeting", "due", "where") if whole else ("meeting", "due")
    for column in ("meeting", "owners", "task", "due", "where"):
        table.add_column(column, overflow="fold", no_wrap=column in unbroken)
    for item in items:
        owners = ", ".join(o.name + (f" (@{o.github})" if o.github else "") for o in item.owners)
        cells = (
            item.meeting_date.isoformat(),
            owners,
            item.task,
            item.due.isoformat() if item.due else "",
            f"{item.note}:{item.line}",
        )
        # Text, not markup: note text and paths may hold "[/]" or "[red]".
        table.add_row(*(Text(actions.printable(cell)) for cell in cells))
    return table
