"""The close command: an item's issue closed; closed as not planned, it is recorded as no action
item, so the notes' next reading leaves it out."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.commands import items, learn, runner


def command(reference: str | None, config: Path | None, not_planned: bool) -> None:
    def work(job: runner.Run) -> None:
        tracker = job.tracker()
        closed, said = items.close(tracker, items.find(job, tracker, reference), not_planned)
        sys.stdout.write(said + "\n")
        path = job.corrections
        if not_planned and learn.record_close(job.settings, closed.issue, path):
            sys.stdout.write(f"recorded in {path} as not an action item (undo: actionbot reopen)\n")

    runner.run(config, work)
