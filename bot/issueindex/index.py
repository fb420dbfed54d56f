"""The bot's issues as read (`tracked`), each item's own among them (`match`, in the order
`bot.issueindex.matching` tells) and each item's issue as a sync finds it (`issues_of`, for report,
site and items). An issue is named by its `(repo, number)` key; what is found is returned, never
written into an argument. Pure."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from bot.action_item import ActionItem
from bot.issueindex import issuetext, matching
from bot.issueindex.issuetext import Marker
from bot.issueindex.matching import EarlierMentions, Said
from bot.issueindex.scope import NoteScope
from bot.issues import Issue, Key


@dataclass(frozen=True)
class Known:
    """An issue the bot opened, with its marker and the note the marker names (a path from the root)."""

    issue: Issue
    marker: Marker
    note: str

    @property
    def key(self) -> Key:
        return self.issue.key

    @property
    def said(self) -> Said:
        m = self.marker
        return Said(self.note, m.meeting, m.section, m.owners, m.task, issuetext.quoted(self.issue.body))


@dataclass(frozen=True)
class Tracked:
    """The bot's issues as read: those with a marker (twins of a race reduced to one), the twins
    to close with the issue each is a twin of, and the bot's issues that lost their marker."""

    known: list[Known]
    twins: list[tuple[Issue, Issue]]
    unmarked: list[Issue]


def tracked(existing: Mapping[str, list[Issue]], notes: NoteScope) -> Tracked:
    known: list[Known] = []
    twins: list[tuple[Issue, Issue]] = []
    unmarked: list[Issue] = []
    for issues in existing.values():
        by_id: dict[str, list[tuple[Issue, Marker]]] = {}
        for issue, marker in issuetext.marked(sorted(issues, key=lambda i: i.number)):
            if marker is not None:
                by_id.setdefault(marker.id, []).append((issue, marker))
            else:
                unmarked.append(issue)
        for group in by_id.values():
            # The oldest open one: if people closed the older of two and kept the younger, that one.
            issue, marker = next((pair for pair in group if pair[0].state == "open"), group[0])
            known.append(Known(issue, marker, notes.key(marker.note)))
            twins += [(i, issue) for i, _ in group if i.key != issue.key and i.state == "open"]
    known.sort(key=lambda entry: entry.key)
    return Tracked(known, twins, unmarked)


# How an item's issue was found: by the item's id ("same"); by an id it had before, its note or its
# place ("edited": the marker takes the new id when the block is next written); or as a later
# mention of the issue's promise, told already ("later").
How = Literal["same", "edited", "later"]


@dataclass(frozen=True)
class Matches:
    own: Mapping[str, tuple[Known, How]]  # item id -> its issue, and how
    unmarked: Mapping[str, Issue]  # item id -> its issue without a marker
    renamed: Mapping[str, str]  # old note path -> new one
    left: tuple[ActionItem, ...]  # items with no issue of their own yet, in meeting order


def in_meeting_order(items: Iterable[ActionItem]) -> list[ActionItem]:
    return sorted(items, key=lambda i: (i.meeting_date, i.note, i.line))


def match(
    items: Iterable[ActionItem],
    tracking: Tracked,
    notes: NoteScope,
    route: Callable[[ActionItem], str],
    label_prefix: str,
) -> Matches:
    """Each item's own issue, found as `bot.issueindex.matching` tells; the rest is left for earlier
    mentions. `label_prefix` is the config's for meeting labels."""
    by_id, left = _by_id(in_meeting_order(items), tracking.known, route)
    claimed = {entry.key for entry, how in by_id.values() if how != "later"}
    by_note, renamed = _by_note(left, tracking.known, notes, claimed)
    own = {**by_id, **by_note}
    left = [item for item in left if item.id not in own]
    titles = [
        (i, issuetext.title(item), issuetext.label_for_meeting(label_prefix, item.meeting_date))
        for i, item in enumerate(left)
    ]
    lost = [(j, issue.title, frozenset(issue.labels)) for j, issue in enumerate(tracking.unmarked)]
    unmarked = {left[i].id: tracking.unmarked[j] for i, j in matching.by_title(titles, lost).items()}
    return Matches(own, unmarked, renamed, tuple(item for item in left if item.id not in unmarked))


def _by_id(
    items: list[ActionItem], known: list[Known], route: Callable[[ActionItem], str]
) -> tuple[dict[str, tuple[Known, How]], list[ActionItem]]:
    """Items found by their id, then by an id they had before an edit; and the others."""
    by_id: dict[str, list[Known]] = {}
    by_alias: dict[str, list[Known]] = {}
    for entry in known:
        by_id.setdefault(entry.marker.id, []).append(entry)
        for alias in entry.marker.aliases:
            by_alias.setdefault(alias, []).append(entry)
    found: dict[str, tuple[Known, How]] = {}
    claimed: set[Key] = set()
    left: list[ActionItem] = []
    for item in items:
        own = _in_repo(by_id.get(item.id, []), route(item))
        if own is not None and own.key not in claimed:
            found[item.id] = (own, "same")
            claimed.add(own.key)
        else:
            left.append(item)
    rest: list[ActionItem] = []
    for item in left:
        aliased = _in_repo(by_alias.get(item.id, []), route(item))
        if aliased is not None and aliased.note != item.note:
            found[item.id] = (aliased, "later")  # a later mention, told already
        elif aliased is not None and aliased.key not in claimed:
            found[item.id] = (aliased, "edited")  # an id it had before: the edit was undone
            claimed.add(aliased.key)
        else:
            rest.append(item)
    return found, rest


def _by_note(
    items: list[ActionItem], known: list[Known], notes: NoteScope, claimed: Collection[Key]
) -> tuple[dict[str, tuple[Known, How]], dict[str, str]]:
    """Items found among the issues of their note (or of the note renamed to it) left unclaimed, and
    the renamed notes (old path -> new one)."""
    by_note: dict[str, list[ActionItem]] = {}
    for item in items:
        by_note.setdefault(item.note, []).append(item)
    unclaimed: dict[str, list[Known]] = {}
    for entry in known:
        if entry.key not in claimed:
            unclaimed.setdefault(entry.note, []).append(entry)
    # Only a gone note sharing a date or a file name with a read one can have been renamed to it.
    dates = {item.meeting_date.isoformat() for item in items}
    names = {PurePosixPath(note).name for note in by_note}
    gone = {
        note: [e.said for e in entries]
        for note, entries in unclaimed.items()
        if note not in notes.read
        and (PurePosixPath(note).name in names or any(e.marker.meeting in dates for e in entries))
        and notes.gone(note)
    }
    renamed = matching.renames(gone, {n: [Said.of(i) for i in mine] for n, mine in by_note.items()})
    candidates: dict[str, list[Known]] = {}
    for old, entries in unclaimed.items():
        candidates.setdefault(renamed.get(old, old), []).extend(entries)
    found: dict[str, tuple[Known, How]] = {}
    for note, mine in by_note.items():
        theirs = candidates.get(note, [])
        pairs = matching.pair(
            [(i, Said.of(item)) for i, item in enumerate(mine)], [(j, e.said) for j, e in enumerate(theirs)]
        )
        for i, j in pairs.items():
            found[mine[i].id] = (theirs[j], "edited")
    return found, renamed


def _in_repo(entries: list[Known], repo: str) -> Known | None:
    # An item whose route changed since (a route added to the config) stays where it was opened.
    return next((e for e in entries if e.issue.repo == repo), entries[0] if entries else None)


def issues_of(
    items: Iterable[ActionItem],
    existing: Mapping[str, list[Issue]],
    notes: NoteScope,
    route: Callable[[ActionItem], str],
    label_prefix: str,
) -> dict[str, Issue]:
    """Each item's issue, as a sync would find it (a later mention: the first mention's issue)."""
    items = list(items)
    tracking = tracked(existing, notes)
    found = match(items, tracking, notes, route, label_prefix)
    result = {item_id: entry.issue for item_id, (entry, _) in found.own.items()}
    result.update(found.unmarked)
    mentions = earlier_mentions(items, tracking.known, lambda entry: entry.marker)
    for item in found.left:
        earlier = mentions.find(item.meeting_date.isoformat(), [o.name for o in item.owners], item.task)
        if isinstance(earlier, Known):
            result[item.id] = earlier.issue
    return result


def earlier_mentions(
    items: Collection[ActionItem], known: Collection[Known], marker_of: Callable[[Known], Marker]
) -> EarlierMentions[Known | int]:
    """The promises of the bot's issues, as `marker_of` tells them, for a later mention to find; a
    plan adds those of the issues it opens, by their place among them."""
    mentions: EarlierMentions[Known | int] = EarlierMentions(
        [i.task for i in items] + [e.marker.task for e in known]
    )
    for entry in known:
        marker = marker_of(entry)
        mentions.add(marker.meeting, marker.owners, marker.task, entry)
    return mentions
