"""A sync run against the GitHub emulator, wired exactly as the CLI wires it (config, env, lock)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import bot.commands.sync
from bot import pipeline
from bot.config import Config
from bot.issueindex import issuetext
from bot.notefiles import discover
from bot.syncplan.apply import SyncResult
from tests.github_emulator import GitHubEmulator

REPO = "team/notes"
# A note with five items: two sections, an owner without a login, one who cannot be assigned.
FIVE_ITEMS = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by Friday.

Sam to update the changelog.

## Docs

Lee offered to write the FAQ. Dana will proofread it.

Olga will ask about the logo.
"""
# A later meeting raising the first of those items again.
RAISED_AGAIN = """---
title: Sync
date: 2026-05-20
---

## Build

Priya will rotate the signing key before the release.
"""
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
# A note where an attendee the config's people do not list (Olga) owns an item, at line 7.
ATTENDEE_OWNS = (
    "# 2026-05-06\n\nAttendees: Priya, Olga\n\nPriya will rotate the key.\n\nOlga will ask about the logo.\n"
)
PEOPLE = [
    {"name": "Priya Raman", "github": "priyar", "aliases": ["Priya"]},
    {"name": "Samuel Okafor", "github": "sokafor", "aliases": ["Sam"]},
    {"name": "Lee Chen", "github": "leechen", "aliases": ["Lee"]},
    {"name": "Dana Whitfield", "aliases": ["Dana"]},
    {"name": "Outside Olga", "github": "olga", "aliases": ["Olga"]},
]


# The logins among PEOPLE that the notes repository has as collaborators: Olga is outside the team.
COLLABORATORS = ["priyar", "sokafor", "leechen"]


def add_notes_repo(emu: GitHubEmulator) -> GitHubEmulator:
    """The notes repository (REPO) on `emu`, the team's logins its collaborators."""
    emu.add_repo(REPO, collaborators=COLLABORATORS)
    return emu


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


def extract(config: Config, notes: Path | list[Path], root: Path | None = None) -> pipeline.Extraction:
    """The notes' items, named from `root`: by default the folder holding the notes folder, which is
    where the sync tests' checkout is (`tmp_path/notes/...` with `root=tmp_path`)."""
    paths = notes if isinstance(notes, list) else [notes]
    if root is None:
        first = paths[0]
        root = (first if first.is_dir() else first.parent).parent
    return pipeline.extract(discover([str(p) for p in paths]), config, root=root)


def sync(
    emu: GitHubEmulator,
    config: Config,
    extraction: pipeline.Extraction,
    root: Path,
    dry_run: bool = False,
) -> SyncResult:
    with token(emu):
        return bot.commands.sync.run(config, extraction, dry_run=dry_run, root=root)


def write_note(root: Path, name: str, text: str) -> Path:
    """The note NAME written into the checkout at `root` (notes/NAME)."""
    path = root / "notes" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def numbered(emu: GitHubEmulator, prefix: str) -> int:
    """The number of the issue in REPO whose title starts with `prefix`."""
    return next(i.number for i in emu.issues(REPO) if i.title.startswith(prefix))


def sync_note(emu: GitHubEmulator, tmp_path: Path, text: str, name: str = "2026-05-06.md") -> SyncResult:
    """Write one note into the checkout at `tmp_path` (notes/NAME) and sync it to the emulator's REPO."""
    notes = write_note(tmp_path, name, text).parent
    config = make_config(emu, tmp_path / "state")
    result = sync(emu, config, extract(config, notes), root=tmp_path)
    assert result.error is None, result.error
    return result


def seeded_body(i: int) -> str:
    """An issue the bot opened long ago, for a note this run does not read (so never judged removed)."""
    marker = issuetext.Marker(
        id=f"seeded-{i:05d}",
        digest="0" * 16,
        meeting="2020-01-01",
        note="notes/2020-01-01.md",
        owners=("Priya Raman",),
        task=f"Seeded task number {i}",
    )
    return f"{issuetext.BLOCK_BEGIN}\nSeeded task number {i}.\n{marker.render()}\n"


def seed_busy_repository(emu: GitHubEmulator, bot_issues: int, other_issues: int, repo: str = REPO) -> None:
    """`bot_issues` opened by the bot, with the item label and a valid marker each (one call per issue,
    as the bodies differ), then `other_issues` opened by someone else, without the label."""
    emu.add_user("someone")
    for i in range(bot_issues):
        emu.seed_issues(repo, 1, labels=["action-item"], title=f"Seeded task number {i}", body=seeded_body(i))
    emu.seed_issues(repo, other_issues, title="Someone's issue {i}", body="Not the bot's.", as_user="someone")


def item_ids_in(emu: GitHubEmulator, repo: str = REPO) -> list[str]:
    """The item id of every issue the bot opened in `repo`, duplicates kept."""
    ids = []
    for issue in emu.issues(repo):
        marker = issuetext.parse_marker(issue.body)
        if marker is not None and issue.user.login == emu.login:
            ids.append(marker.id)
    return ids
