"""A team's corrections and confirmed items as examples in the gold format of the shared corpora
(`{"batch", "notes": [{"note", "meeting_date", "items": [{"owners", "quote", "task", "tier",
"due"}]}]}`), the input a team's own decision is fitted on. Pure.

Only notes people reviewed are listed, and each lists every item people kept (confirmed, or as they
corrected it: their task, their owners); the items they said are not action items are listed too,
under `not_items`, which the gold scorer ignores. A reviewed note lists each item the bot found
one way or the other, so an item the bot finds there and the examples do not list was not one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.action_item import ActionItem
from bot.people import Roster
from bot.review.comment import plain
from bot.review.corrections import Correction, owner


def gold_examples(
    corrections: Sequence[Correction], roster: Roster, batch: str, items: Mapping[str, ActionItem]
) -> dict[str, Any]:
    """`items`: the notes' items by id, where they were read, for the due dates corrections lack."""
    notes: dict[str, dict[str, Any]] = {}
    for correction in corrections:
        said = correction.said
        entry = notes.setdefault(
            said.note, {"note": said.note, "meeting_date": said.meeting, "items": [], "not_items": []}
        )
        owners = said.owners
        if correction.assignees is not None:
            owners = tuple(owner(given, roster).name for given in correction.assignees)
        item = items.get(correction.id)
        example = {
            "owners": list(owners),
            "quote": plain(said.text),
            "task": correction.title or said.task,
            "tier": "firm",
            "due": item.due.isoformat() if item is not None and item.due else None,
        }
        entry["not_items" if correction.kind == "ignore" else "items"].append(example)
    return {"batch": batch, "notes": [notes[note] for note in sorted(notes)]}
