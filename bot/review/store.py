"""The corrections file: `actionbot.corrections.yaml` beside the config, in the repository, so a
correction is read, reviewed and undone like any other change (delete its entry). Plain YAML, one
entry per item, validated on reading; an entry it cannot read names the file and the line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.config import DEFAULT_CONFIG_NAMES
from bot.issueindex.matching import Said
from bot.review.corrections import Correction

FILE_NAME = "actionbot.corrections.yaml"
HEADER = """\
# What people corrected in actionbot's reading of the notes: an item that is not an action item
# (ignore), another task or other owners (override), or an item kept as it was (confirm, an example
# for `actionbot learn`). Written by the bot from pull request reviews and from its issues; to undo
# a correction, delete its entry (or `actionbot reopen` the item's issue).
"""


class CorrectionsError(Exception):
    pass


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["ignore", "override", "confirm"]
    id: str = Field(min_length=1)
    note: str
    line: int = Field(ge=0)
    meeting: str
    section: str = ""
    owners: list[str]
    task: str
    text: str = ""
    source: str = ""
    title: str | None = None
    assignees: list[str] | None = None


def path_for(config: Path | None) -> Path:
    """Beside the config that was read (or would be: the first default name present), else in the
    working directory."""
    if config is None:
        config = next((Path(n) for n in DEFAULT_CONFIG_NAMES if Path(n).is_file()), None)
    return (config.parent if config is not None else Path()) / FILE_NAME


def load(path: Path) -> list[Correction]:
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
        # libyaml's loader where it is built: a team's file grows by every item people review.
        data: Any = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise CorrectionsError(f"{path}: cannot read the corrections: {error}") from None
    entries = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CorrectionsError(f"{path}:1: expected a mapping with a list under 'corrections'")
    found = []
    for index, entry in enumerate(entries):
        try:
            parsed = _Entry.model_validate(entry)
        except ValidationError as error:
            first = error.errors()[0]
            key = ".".join(str(part) for part in ("corrections", index, *first["loc"]))
            raise CorrectionsError(f"{path}:{_line(text, index)}: {key}: {first['msg']}") from None
        found.append(_correction(parsed))
    return found


def save(path: Path, corrections: Iterable[Correction]) -> str:
    """Write the file; its text, for a commit through the API."""
    entries = [_entry(c) for c in corrections]
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    data = {"corrections": entries}
    text = HEADER + yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
    return text


def _correction(entry: _Entry) -> Correction:
    said = Said(entry.note, entry.meeting, entry.section, tuple(entry.owners), entry.task, entry.text)
    assignees = tuple(entry.assignees) if entry.assignees is not None else None
    return Correction(entry.kind, entry.id, entry.line, said, entry.source, entry.title, assignees)


def _entry(correction: Correction) -> dict[str, Any]:
    said = correction.said
    entry: dict[str, Any] = {
        "kind": correction.kind,
        "id": correction.id,
        "note": said.note,
        "line": correction.line,
        "meeting": said.meeting,
        "section": said.section,
        "owners": list(said.owners),
        "task": said.task,
        "text": said.text,
        "source": correction.source,
    }
    if correction.title is not None:
        entry["title"] = correction.title
    if correction.assignees is not None:
        entry["assignees"] = list(correction.assignees)
    return entry


def _line(text: str, index: int) -> int:
    try:
        node: Any = yaml.compose(text)
        entries = next(value for key, value in node.value if key.value == "corrections")
        return int(entries.value[index].start_mark.line) + 1
    except (yaml.YAMLError, AttributeError, IndexError, TypeError, StopIteration):
        return 1
