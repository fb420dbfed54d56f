"""A git repository of notes in a temporary folder, committed to as a team would."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

# The tests' commits must not depend on the machine's git identity or settings.
_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Notes Keeper",
    "GIT_AUTHOR_EMAIL": "notes@example.org",
    "GIT_COMMITTER_NAME": "Notes Keeper",
    "GIT_COMMITTER_EMAIL": "notes@example.org",
}


class NotesRepo:
    def __init__(self, root: Path, branch: str = "main") -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", branch)

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(self.root), *args],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, **_ENV},
        )
        return done.stdout.strip()

    def commit(self, files: Mapping[str, str], message: str = "Notes", remove: tuple[str, ...] = ()) -> str:
        """Write the files, delete `remove`, commit everything; the new commit's sha."""
        for name, text in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for name in remove:
            self.git("rm", "-q", name)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")

    def move(self, old: str, new: str) -> str:
        self.git("mv", old, new)
        self.git("commit", "-q", "-m", f"Rename {old}")
        return self.head()
