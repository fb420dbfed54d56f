"""How many GitHub API requests a sync costs: a backfill of a folder of notes into an empty GitHub, then
a rerun with nothing new, both counted by the GitHub emulator's request log.

    python benchmarks/api_economy.py [--notes DIR] [--config FILE] [--json]

The sync runs in this process exactly as `actionbot sync` runs it (`bot.pipeline.extract`, then
`bot.commands.sync.run` with the working directory as the notes' root), against tests.github_emulator served
on loopback. The config's people, routes and labels are kept; its tracker is pointed at the emulator
(kind github, repo = tracker.repo or bench/notes, no spacing between writes, a temporary state_dir).
Every repository the items route to exists beforehand, with the roster's logins as collaborators.

Prints one JSON line with --json:
    {"backfill": {"items", "repositories", "requests", "writes", "labels_created"},
     "rerun": {"requests", "writes"}}
and otherwise a summary and whether the targets hold:
    backfill writes <= items + labels created      (one POST per issue; comments only for follow-ups)
    rerun writes == 0
    rerun requests <= 2 + repositories + ceil(items / 100)   (/user, one listing page per 100 issues)
Exits 1 if the emulator saw a response that breaks GitHub's schema or a handler crash, 2 if a sync
stopped with an error.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the emulator lives in tests/, which is not installed

from bot import pipeline  # noqa: E402
from bot.commands import sync as syncing  # noqa: E402
from bot.config import Config, load_config  # noqa: E402
from bot.notefiles import discover  # noqa: E402
from bot.wiring import sync_context  # noqa: E402
from tests.github_emulator import GitHubEmulator, LoggedRequest  # noqa: E402

DEFAULT_NOTES = ROOT.parent / "shared" / "notes" / "mirage-dev"
DEFAULT_REPO = "bench/notes"
TOKEN_ENV = "ACTIONBOT_BENCH_TOKEN"
_LABELS_PATH = re.compile(r"^/repos/[^/]+/[^/]+/labels$")


def emulated(config: Config, emu: GitHubEmulator, state: Path) -> Config:
    """`config` with its tracker pointed at the emulator; everything else (routes, labels) kept."""
    tracker = {
        **config.tracker.model_dump(),
        "kind": "github",
        "repo": config.tracker.repo or DEFAULT_REPO,
        "api_url": emu.url,
        "token_env": TOKEN_ENV,
        "state_dir": str(state),
        "seconds_between_writes": 0,
        "login": None,  # the bot is whoever the emulator's token belongs to
    }
    return Config.model_validate({**config.model_dump(), "tracker": tracker})


def measure(notes: str, config_path: str | None) -> tuple[dict[str, Any], GitHubEmulator, list[str]]:
    """The figures, the (stopped) emulator, and the errors the two syncs stopped with, if any."""
    root = Path.cwd()
    base = load_config(Path(config_path) if config_path else None)
    extraction = pipeline.extract(discover([notes]), base)
    for error in extraction.errors:
        print(f"note skipped: {error}", file=sys.stderr)
    emu = GitHubEmulator()
    with tempfile.TemporaryDirectory(prefix="actionbot-bench-") as state, emu:
        config = emulated(base, emu, Path(state))
        router = sync_context(config, root).router
        routed = {router.repo_for(item) for item in extraction.items}
        collaborators = sorted({p.github for p in config.people if p.github})
        for repo in sorted(routed | {router.default}):  # the sync also lists the default repository
            emu.add_repo(repo, collaborators=collaborators)

        os.environ[TOKEN_ENV] = emu.token
        first = syncing.run(config, extraction, dry_run=False, root=root)
        backfill = emu.requests
        emu.reset_log()
        again = syncing.run(config, extraction, dry_run=False, root=root)
        rerun = emu.requests
    errors = [r.error for r in (first, again) if r.error]
    figures = {
        "backfill": {
            "items": len(extraction.items),
            "repositories": len(routed),
            "requests": len(backfill),
            "writes": len(_writes(backfill)),
            "labels_created": sum(
                1 for r in backfill if r.method == "POST" and _LABELS_PATH.match(r.canonical_path)
            ),
        },
        "rerun": {"requests": len(rerun), "writes": len(_writes(rerun))},
    }
    return figures, emu, errors


def targets(figures: dict[str, Any]) -> dict[str, tuple[bool, str]]:
    b, r = figures["backfill"], figures["rerun"]
    n, k = b["items"], b["repositories"]
    request_bound = 2 + k + math.ceil(n / 100)
    return {
        "backfill writes <= items + labels": (
            b["writes"] <= n + b["labels_created"],
            f"{b['writes']} <= {n} + {b['labels_created']}",
        ),
        "rerun writes == 0": (r["writes"] == 0, f"{r['writes']} == 0"),
        "rerun requests <= 2 + repositories + ceil(items / 100)": (
            r["requests"] <= request_bound,
            f"{r['requests']} <= {request_bound}",
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", default=str(DEFAULT_NOTES))
    parser.add_argument("--config", default=None)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()

    figures, emu, errors = measure(args.notes, args.config)
    if args.json:
        print(json.dumps(figures))
    else:
        b, r = figures["backfill"], figures["rerun"]
        print(
            f"backfill: {b['items']} items into {b['repositories']} repositories: "
            f"{b['requests']} requests, {b['writes']} writes ({b['labels_created']} labels created)"
        )
        print(f"rerun:    {r['requests']} requests, {r['writes']} writes")
        for name, (holds, figures_text) in targets(figures).items():
            print(f"  {'ok  ' if holds else 'MISS'} {name}: {figures_text}")
    for error in errors:
        print(f"sync error: {error}", file=sys.stderr)
    try:
        emu.assert_healthy()
    except AssertionError as problem:
        print(problem, file=sys.stderr)
        sys.exit(1)
    if errors:
        sys.exit(2)


def _writes(requests: list[LoggedRequest]) -> list[LoggedRequest]:
    return [r for r in requests if r.is_write]


if __name__ == "__main__":
    main()
