"""How the bot names a note: pure path arithmetic, no file is read (an item's id holds the name)."""

from __future__ import annotations

import os
from pathlib import Path


def note_key(path: str, root: Path) -> str:
    """How the bot names a note: its path from `root` (the checkout the bot runs in), however it
    was given; a note outside `root` keeps the path it was given."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()
