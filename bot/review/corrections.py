"""A correction: what people said the bot got wrong about one item, and the item as the bot read it,
so that the correction still finds it after the note is reworded or moved. Pure.

Three kinds: `ignore` (not an action item), `override` (this task, or these owners, not those) and
`confirm` (a person saw the item and kept it as it was: an example for `learn`, changing nothing).
An item finds its correction as sync finds an edited item's issue (`bot.issueindex.matching`): by id,
else among its note's corrections (or a renamed note's) by its people and words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from bot.action_item import ActionItem, Owner
from bot.issueindex import matching
from bot.issueindex.matching import Said
from bot.people import Roster

Kind = Literal["ignore", "override", "confirm"]


@dataclass(frozen=True)
class Correction:
    kind: Kind
    id: str  # the item's id when it was corrected
    line: int  # 0 when unknown (an issue whose item is not in the notes read)
    said: Said  # the item as the bot read it: note, meeting, section, owners, task, sentence
    source: str  # who said so, and where: "pull request #7", "issue team/notes#12 closed as not planned"
    title: str | None = None  # override: the task people gave it
    assignees: tuple[str, ...] | None = None  # override: the owners people gave (names, aliases, @logins)

    @property
    def note(self) -> str:
        return self.said.note

    @staticmethod
    def of(
        item: ActionItem,
        kind: Kind,
        source: str,
        title: str | None = None,
        assignees: tuple[str, ...] | None = None,
    ) -> Correction:
        return Correction(kind, item.id, item.line, Said.of(item), source, title, assignees)


def merged(older: Iterable[Correction], newer: Iterable[Correction]) -> list[Correction]:
    """One correction per item id, the newer winning, except that a confirmation never replaces a
    correction (an item people retitled, then completed, keeps its title); in the order first
    recorded, so the file's diff shows only what changed."""
    found: dict[str, Correction] = {c.id: c for c in older}
    for correction in newer:
        if correction.kind != "confirm" or correction.id not in found:
            found[correction.id] = correction
    return list(found.values())


def match(
    items: Sequence[ActionItem], corrections: Sequence[Correction], gone: Callable[[str], bool]
) -> dict[str, Correction]:
    """Item id -> its correction. `gone` tells whether a note no longer exists (it was moved)."""
    by_id = {c.id: c for c in corrections}
    found = {item.id: by_id[item.id] for item in items if item.id in by_id}
    items_left = [item for item in items if item.id not in found]
    left = [c for c in corrections if c.id not in found]
    if not items_left or not left:
        return found
    read: dict[str, list[ActionItem]] = {}
    for item in items_left:
        read.setdefault(item.note, []).append(item)
    moved = {c.note for c in left if c.note not in read and gone(c.note)}
    renamed = matching.renames(
        {note: [c.said for c in left if c.note == note] for note in sorted(moved)},
        {note: [Said.of(i) for i in here] for note, here in read.items()},
    )
    by_note: dict[str, list[Correction]] = {}
    for correction in left:
        by_note.setdefault(renamed.get(correction.note, correction.note), []).append(correction)
    for note, here in read.items():
        theirs = by_note.get(note, [])
        paired = matching.pair(
            [(i.id, Said.of(i)) for i in here], [(k, c.said) for k, c in enumerate(theirs)]
        )
        found.update({item_id: theirs[k] for item_id, k in paired.items()})
    return found


def correct(
    items: Sequence[ActionItem],
    corrections: Sequence[Correction],
    roster: Roster,
    gone: Callable[[str], bool],
) -> tuple[list[ActionItem], list[ActionItem]]:
    """The items as people corrected them (keeping their ids, so their issues stay theirs), and
    those people said are not action items."""
    found = match(items, corrections, gone)
    kept: list[ActionItem] = []
    ignored: list[ActionItem] = []
    for item in items:
        correction = found.get(item.id)
        if correction is None or correction.kind == "confirm":
            kept.append(item)
        elif correction.kind == "ignore":
            ignored.append(item)
        else:
            kept.append(overridden(item, correction, roster))
    return kept, ignored


def overridden(item: ActionItem, correction: Correction, roster: Roster) -> ActionItem:
    task = correction.title or item.task
    if correction.assignees is None:
        return replace(item, task=task)
    return replace(item, task=task, owners=tuple(owner(given, roster) for given in correction.assignees))


def owner(given: str, roster: Roster) -> Owner:
    """An owner as a person wrote one: a name or alias the roster knows, or an @login."""
    login = given[1:] if given.startswith("@") else None
    person = roster.by_login(login) if login else roster.person(given)
    if person is not None:
        return Owner(person.name, person.github)
    return Owner(given if login is None else login, login)
