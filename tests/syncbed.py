"""A sync run against the GitHub emulator, wired exactly as the CLI wires it (config, env, lock)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot import issuetext, pipeline, syncing
from bot.config import Config
from bot.notefiles import discover
from bot.sync import SyncResult
from tests.github_emulator import GitHubEmulator

REPO = "team/notes"
# A note with three items of three owners, for tests and benchmarks that need a few items.
THREE_ITEMS = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by Friday.

Sam to update the changelog.

Lee offered to write the FAQ.
"""
PEOPLE = [
    {"name": "Priya Raman", "github": "priyar", "aliases": ["Priya"]},
    {"name": "Samuel Okafor", "github": "sokafor", "aliases": ["Sam"]},
    {"name": "Lee Chen", "github": "leechen", "aliases": ["Lee"]},
    {"name": "Dana Whitfield", "aliases": ["Dana"]},
    {"name": "Outside Olga", "github": "olga", "aliases": ["Olga"]},
]


def make_config(emu: GitHubEmulator, state: Path, **tracker: Any) -> Config:
    settings: dict[str, Any] = {
        "kind": "github",
        "repo": REPO,
        "api_url": emu.url,
        "token_env": "ACTIONBOT_TEST_TOKEN",
        "state_dir": str(state),
        "seconds_between_writes": 0,
        "timeout": 1,
    }
    settings.update(tracker)
    return Config.model_validate({"people": PEOPLE, "tracker": settings})


@contextmanager
def token(emu: GitHubEmulator) -> Iterator[None]:
    old = os.environ.get("ACTIONBOT_TEST_TOKEN")
    os.environ["ACTIONBOT_TEST_TOKEN"] = emu.token
    try:
        yield
    finally:
        if old is None:
            del os.environ["ACTIONBOT_TEST_TOKEN"]
        else:
            os.environ["ACTIONBOT_TEST_TOKEN"] = old


def extract(config: Config, notes: Path | list[Path]) -> pipeline.Extraction:
    paths = [str(p) for p in notes] if isinstance(notes, list) else [str(notes)]
    return pipeline.extract(discover(paths), config)


def sync(
    emu: GitHubEmulator,
    config: Config,
    extraction: pipeline.Extraction,
    root: Path,
    dry_run: bool = False,
) -> SyncResult:
    with token(emu):
        return syncing.run(config, extraction, dry_run=dry_run, root=root)


def item_ids_in(emu: GitHubEmulator, repo: str = REPO) -> list[str]:
    """The item id of every issue the bot opened in `repo`, duplicates kept."""
    ids = []
    for issue in emu.issues(repo):
        marker = issuetext.parse_marker(issue.body)
        if marker is not None and issue.user.login == emu.login:
            ids.append(marker.id)
    return ids
