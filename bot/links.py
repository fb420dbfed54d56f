"""Where a reader of an issue can see the note line an item came from."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bot.items import ActionItem


@dataclass(frozen=True)
class NoteLinks:
    """Links to notes in a GitHub repository at a commit (or branch); without one, path:line."""

    root: Path
    repo: str | None = None
    ref: str = "main"
    server: str = "https://github.com"

    def __call__(self, item: ActionItem) -> str:
        path = self.relative(item.note)
        if self.repo is None:
            return f"{path}:{item.line}"
        return f"{self.server.rstrip('/')}/{self.repo}/blob/{self.ref}/{path}#L{item.line}"

    def relative(self, note: str) -> str:
        try:
            return Path(os.path.abspath(note)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(note).as_posix()
