"""The team model file: `actionbot.decision.json` beside the config, in the repository, written by
`actionbot learn` only when the team's own decision does better than the shipped one on the team's
history. It holds the correction to the shipped weights (`bot.extraction.team`), so it stays small and
a change to it reads as a diff; deleting it goes back to the shipped decision."""

from __future__ import annotations

import json
from pathlib import Path

from bot.extraction import team
from bot.extraction.decision import Decision
from bot.review import store

FILE_NAME = "actionbot.decision.json"


class TeamModelError(Exception):
    pass


def path_for(config: Path | None) -> Path:
    """Beside the corrections file, which is beside the config."""
    return store.path_for(config).parent / FILE_NAME


def load(path: Path) -> Decision | None:
    """The team's decision, None when the file is not there (the shipped one decides)."""
    if not path.is_file():
        return None
    try:
        return team.from_json(json.loads(path.read_text(encoding="utf-8")), Decision.shipped())
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise TeamModelError(
            f"{path}: cannot read the team model ({error}); delete it to use the shipped decision"
        ) from None


def save(path: Path, verdict: team.Verdict) -> None:
    data = team.as_json(verdict, Decision.shipped())
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
