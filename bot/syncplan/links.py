"""Where a reader of an issue can see the note line an item came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from bot.action_item import ActionItem
from bot.notes.naming import note_key


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
        # A name may hold '#', '?', '%' or spaces: unencoded, they end the path or turn it into another.
        address = quote(path, safe="/")
        return (
            f"{self.server.rstrip('/')}/{self.repo}/blob/{quote(self.ref, safe='/')}/{address}#L{item.line}"
        )

    def relative(self, note: str) -> str:
        return note_key(note, self.root)
