"""How a rerun's cost grows with the bot's issues in a busy repository, against the GitHub emulator.

    python benchmarks/scale.py [--sizes 500,1000,2000,4000] [--others-per-bot 4] [--repeat 5]
                               [--validate] [--no-gc-freeze] [--planning-items 1500,3000,6000]
                               [--planning-only]

Then the planning time for many new items (`benchmarks/planning.py`, see there): one JSON line per
item count, with "progress_seconds", "plan_seconds" and "seconds", and a line comparing the largest
count with the smallest ("linear" against "ratio"), measured in the same run.

For each size B, an emulator holds B issues opened by the bot (label action-item, a valid marker for a
meeting these notes do not cover, so none is judged removed) and others-per-bot x B opened by someone
else without the label; a note with three action items is synced once. Then the rerun (nothing to
write) is timed through `bot.commands.sync.run`, as `actionbot sync` runs it, in --repeat rounds over all
sizes (so a busy moment on the machine hits every size alike), keeping each size's best. Prints one
JSON line per size:
    {"bot_issues", "other_issues", "pages", "requests", "writes",
     "seconds", "seconds_per_1000_bot_issues", "emulator_seconds", "emulator_filter_seconds",
     "bot_seconds", "bot_seconds_per_1000_bot_issues", "bot_gc_seconds",
     "bot_seconds_without_gc", "bot_seconds_without_gc_per_1000_bot_issues"}
and a last line comparing the largest size with the smallest: "linear" = their ratio of bot issues
(what a cost proportional to them gives) against "ratio" (seconds), "bot_ratio" (bot_seconds) and
"bot_without_gc_ratio".

The emulator answers in this process, so its time is in `seconds`. `emulator_seconds` is the time its
WSGI app spent answering the rerun's requests; `bot_seconds` is the rest: the bot's HTTP client,
PyGithub's parsing, planning, and the loopback server's per-request plumbing. Part of the emulator's
time is neither the bot's nor GitHub's: it finds each page's issues by scanning and sorting every issue
of the repository (GitHub uses an index), so that part grows with pages x all issues, quadratically
here; `emulator_filter_seconds` is that scan. `bot_gc_seconds` is CPython's garbage collection on the
bot's thread, part of bot_seconds: its full passes walk the whole heap (the spaCy model and the bot's
growing list of issues), so it need not grow linearly. The seeded issues are frozen out of the
collector's way before the bot loads anything (gc.freeze(), unless --no-gc-freeze), as GitHub's data
is not in the bot's heap. Response schema validation (the emulator's own check against GitHub's
OpenAPI models) is off unless --validate.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the emulator lives in tests/, which is not installed

from benchmarks import planning  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.pipeline import Extraction  # noqa: E402
from bot.syncplan.apply import SyncResult  # noqa: E402
from tests import syncbed  # noqa: E402
from tests.github_emulator import GitHubEmulator, LoggedRequest  # noqa: E402
from tests.github_emulator.state import State  # noqa: E402
from tests.github_emulator.wsgi import EmulatorApp  # noqa: E402

NOTE = syncbed.THREE_ITEMS


def seed(emu: GitHubEmulator, bot_issues: int, other_issues: int) -> None:
    emu.add_repo(syncbed.REPO, collaborators=["priyar", "sokafor", "leechen"])
    syncbed.seed_busy_repository(emu, bot_issues, other_issues)


class Clocks:
    """Over one rerun: the time the emulator spent answering (its WSGI app), within that in its issue
    filtering (wrappers installed on the emulator's classes), and in garbage collections started on
    the bot's thread (the emulator's own are inside its answering time)."""

    def __init__(self) -> None:
        self.answering = self.filtering = self.collecting = 0.0
        self._wrappers = ExitStack()
        self._collection_started = 0.0
        self._bot_thread = threading.get_ident()

    def reset(self) -> None:
        self.answering = self.filtering = self.collecting = 0.0

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if threading.get_ident() != self._bot_thread:
            return
        if phase == "start":
            self._collection_started = time.perf_counter()
        else:
            self.collecting += time.perf_counter() - self._collection_started

    def install(self) -> None:
        app_call, list_issues = EmulatorApp.__call__, State.list_issues
        gc.callbacks.append(self._on_gc)

        def timed_call(app: EmulatorApp, *args: Any) -> Any:
            start = time.perf_counter()
            try:
                return app_call(app, *args)
            finally:
                self.answering += time.perf_counter() - start

        def timed_list(state: State, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return list_issues(state, *args, **kwargs)
            finally:
                self.filtering += time.perf_counter() - start

        self._wrappers.enter_context(mock.patch.object(EmulatorApp, "__call__", timed_call))
        self._wrappers.enter_context(mock.patch.object(State, "list_issues", timed_list))

    def uninstall(self) -> None:
        gc.callbacks.remove(self._on_gc)
        self._wrappers.close()


@dataclass
class Size:
    """One size's emulator, seeded and backfilled, and its best rerun so far."""

    bot_issues: int
    other_issues: int
    emu: GitHubEmulator
    config: Config
    extraction: Extraction
    work: Path
    best: float = float("inf")
    best_answering: float = 0.0
    best_filtering: float = 0.0
    best_collecting: float = 0.0
    requests: list[LoggedRequest] = field(default_factory=list)

    def rerun(self, clocks: Clocks) -> None:
        self.emu.reset_log()
        clocks.reset()
        start = time.perf_counter()
        result = syncbed.sync(self.emu, self.config, self.extraction, root=self.work)
        seconds = time.perf_counter() - start
        _check(result)
        if seconds < self.best:
            self.best = seconds
            self.best_answering, self.best_filtering = clocks.answering, clocks.filtering
            self.best_collecting = clocks.collecting
        self.requests = self.emu.requests

    def row(self) -> dict[str, Any]:
        listing = f"/repos/{syncbed.REPO}/issues"
        bot = self.best - self.best_answering
        bot_without_gc = bot - self.best_collecting
        return {
            "bot_issues": self.bot_issues,
            "other_issues": self.other_issues,
            "pages": sum(1 for r in self.requests if r.method == "GET" and r.canonical_path == listing),
            "requests": len(self.requests),
            "writes": sum(1 for r in self.requests if r.is_write),
            "seconds": round(self.best, 3),
            "seconds_per_1000_bot_issues": round(self.best / self.bot_issues * 1000, 3),
            "emulator_seconds": round(self.best_answering, 3),
            "emulator_filter_seconds": round(self.best_filtering, 3),
            "bot_seconds": round(bot, 3),
            "bot_seconds_per_1000_bot_issues": round(bot / self.bot_issues * 1000, 3),
            "bot_gc_seconds": round(self.best_collecting, 3),
            "bot_seconds_without_gc": round(bot_without_gc, 3),
            "bot_seconds_without_gc_per_1000_bot_issues": round(bot_without_gc / self.bot_issues * 1000, 3),
        }


def serve(bot_issues: int, others_per_bot: int, validate: bool) -> GitHubEmulator:
    emu = GitHubEmulator(validate=validate).start()
    seed(emu, bot_issues, others_per_bot * bot_issues)
    return emu


def prepare(emu: GitHubEmulator, bot_issues: int, others_per_bot: int, work: Path) -> Size:
    """The note's three items extracted and synced once into the seeded emulator."""
    work.mkdir()
    notes = work / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(NOTE, encoding="utf-8")
    config = syncbed.make_config(emu, work / "state", timeout=60)
    extraction = syncbed.extract(config, notes)
    _check(syncbed.sync(emu, config, extraction, root=work))
    return Size(bot_issues, others_per_bot * bot_issues, emu, config, extraction, work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000,4000", help="bot issue counts, comma-separated")
    parser.add_argument("--others-per-bot", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=5, help="take the best of N reruns")
    parser.add_argument("--validate", action="store_true", help="validate responses against the schema")
    parser.add_argument("--no-gc-freeze", action="store_true", help="leave the seeded issues to the GC")
    parser.add_argument("--planning-items", default="1500,3000,6000", help="new item counts to plan")
    parser.add_argument("--planning-only", action="store_true", help="only the planning time")
    args = parser.parse_args()
    if not args.planning_only:
        reruns(args)
    rows = planning.measure(sorted(int(s) for s in args.planning_items.split(",")), repeat=3)
    for row in rows:
        print(json.dumps({"planning": row}))
    print(json.dumps({"planning": planning.comparison(rows)}))


def reruns(args: argparse.Namespace) -> None:
    sizes = sorted(int(s) for s in args.sizes.split(","))

    clocks = Clocks()
    clocks.install()
    emulators: list[GitHubEmulator] = []
    prepared: list[Size] = []
    try:
        with tempfile.TemporaryDirectory(prefix="actionbot-scale-") as work:
            for size in sizes:
                emulators.append(serve(size, args.others_per_bot, args.validate))
            if not args.no_gc_freeze:
                # GitHub's data is not in the bot's heap: the seeded issues are frozen before the bot
                # loads anything, so the collector still walks the bot's own objects (spaCy's too).
                gc.collect()
                gc.freeze()
            for size, emu in zip(sizes, emulators, strict=True):
                prepared.append(prepare(emu, size, args.others_per_bot, Path(work) / str(size)))
            for _ in range(args.repeat):  # rounds over all sizes, so a busy moment hits them all alike
                for one in prepared:
                    one.rerun(clocks)
    finally:
        for emu in emulators:
            emu.stop()
        clocks.uninstall()
        gc.unfreeze()
    for emu in emulators:
        emu.assert_healthy()

    rows = [one.row() for one in prepared]
    for row in rows:
        print(json.dumps(row))
    small, large = rows[0], rows[-1]
    print(
        json.dumps(
            {
                "sizes": f"{large['bot_issues']}/{small['bot_issues']}",
                "linear": round(large["bot_issues"] / small["bot_issues"], 2),
                "ratio": _ratio(large, small, "seconds"),
                "bot_ratio": _ratio(large, small, "bot_seconds"),
                "bot_without_gc_ratio": _ratio(large, small, "bot_seconds_without_gc"),
            }
        )
    )


def _ratio(large: dict[str, Any], small: dict[str, Any], key: str) -> float:
    return round(float(large[key]) / float(small[key]), 2)


def _check(result: SyncResult) -> None:
    if result.error:
        raise SystemExit(f"sync stopped: {result.error}")


if __name__ == "__main__":
    main()
