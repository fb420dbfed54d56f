"""The reopen command: an item's issue reopened, and a "not an action item" recorded for it undone."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.commands import items, learn, runner


def command(reference: str | None, config: Path | None) -> None:
    def work(job: runner.Run) -> None:
        tracker = job.tracker()
        opened, said = items.reopen(tracker, items.find(job, tracker, reference))
        sys.stdout.write(said + "\n")
        path = job.corrections
        if learn.forget(path, opened.id):
            sys.stdout.write(f"removed its correction from {path}: it is an action item again\n")

    runner.run(config, work)
