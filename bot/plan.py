"""`SyncPlan`: what to write to the tracker, computed from the items and what the tracker holds. Pure.

Rules, each so that a rerun writes nothing for a fact it has written:
- one issue per item id, found by the marker in issues the bot opened;
- an issue's block is rewritten only when the item's source facts differ from the digest in its
  marker (what the bot wrote last), never because people edited the issue;
- a later mention of the same promise (same owners, much the same task, a later meeting) is one
  comment on the first issue, recorded in that issue's marker;
- an item gone from a note that was read in this run is flagged once (and closed if configured);
- two issues carrying the same id (two syncs that raced) are reduced to the oldest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field

from bot import issuetext
from bot.issuetext import Marker
from bot.items import ActionItem
from bot.progress import Progress
from bot.trackers.base import Issue, NewIssue

FOLLOW_UP_SIMILARITY = 0.5
_STOPWORDS = frozenset(
    {"a", "an", "and", "the", "to", "of", "for", "on", "in", "at", "with", "from", "by", "up", "out",
     "this", "that", "it", "its", "into", "about", "be", "is", "are", "some", "all", "any", "our",
     "their", "his", "her", "them", "then", "also", "will", "can"}
)  # fmt: skip


@dataclass(frozen=True)
class Create:
    item: ActionItem
    issue: NewIssue
    # Later mentions folded into this new issue: their ids are in its marker already.
    follow_ups: tuple[ActionItem, ...] = ()


@dataclass(frozen=True)
class EditBlock:
    item: ActionItem
    issue: Issue
    body: str
    title: str | None = None  # the new title, when the bot's own title is to follow the note


@dataclass(frozen=True)
class RaiseAgain:
    """One comment on the issue of an earlier mention of the same promise."""

    item: ActionItem
    issue: Issue
    comment: str
    fact: str
    body: str  # the issue's body with the fact and alias recorded in its marker


@dataclass(frozen=True)
class ProgressNote:
    """A later note's line about an item, posted once as a comment; `close` when it says done and
    the config closes on that."""

    item_id: str
    issue: Issue
    comment: str
    fact: str
    body: str
    close: bool


@dataclass(frozen=True)
class FlagRemoved:
    issue: Issue
    comment: str
    close: bool
    body: str


@dataclass(frozen=True)
class CloseDuplicate:
    issue: Issue
    original: Issue


@dataclass(frozen=True)
class Unchanged:
    item: ActionItem
    issue: Issue


Step = Create | EditBlock | RaiseAgain | ProgressNote | FlagRemoved | CloseDuplicate | Unchanged


@dataclass
class SyncPlan:
    steps: list[Step] = field(default_factory=list)
    labels_needed: dict[str, set[str]] = field(default_factory=dict)  # repo -> label names for creates

    def of(self, kind: type[Step]) -> list[Step]:
        return [s for s in self.steps if isinstance(s, kind)]

    @property
    def writes(self) -> bool:
        return any(not isinstance(s, Unchanged) for s in self.steps)


@dataclass(frozen=True)
class PlanSettings:
    item_label: str = "action-item"
    meeting_label_prefix: str = "meeting:"
    close_removed: bool = False
    close_on_done: bool = False


@dataclass(frozen=True)
class _Known:
    issue: Issue
    marker: Marker


@dataclass(frozen=True)
class _Draft:
    """An issue's marker and body as this plan leaves them, so two changes to one issue in a run
    build on each other instead of the second undoing the first."""

    marker: Marker
    body: str


def _draft(entry: _Known, drafts: dict[int, _Draft]) -> _Draft:
    return drafts.get(id(entry.issue), _Draft(entry.marker, entry.issue.body))


def _with_marker(current: _Draft, marker: Marker) -> _Draft:
    return _Draft(marker, current.body.replace(current.marker.render(), marker.render()))


def make_plan(
    items: Iterable[ActionItem],
    existing: Mapping[str, list[Issue]],
    *,
    route: Callable[[ActionItem], str],
    link: Callable[[ActionItem], str],
    in_scope: Callable[[Marker], bool],
    roster_logins: Collection[str],
    assignable: Mapping[str, set[str]],
    settings: PlanSettings,
    progress: Mapping[str, list[Progress]] | None = None,
) -> SyncPlan:
    plan = SyncPlan()
    known, duplicates = _index(existing)
    plan.steps.extend(duplicates)
    markers: dict[int, _Draft] = {}
    produced: set[str] = set()
    creates: list[Create] = []
    ordered = sorted(items, key=lambda i: (i.meeting_date, i.note, i.line))
    for item in ordered:
        produced.add(item.id)
        repo = route(item)
        found = known.get((repo, item.id)) or _anywhere(known, item.id)
        if found is not None:
            plan.steps.append(_refresh(item, found, link, roster_logins, markers))
            continue
        earlier = _earlier_mention(item, known.values(), creates, markers)
        if isinstance(earlier, Create):
            # Both mentions arrive in this run: the issue opens saying so, in one write that
            # either happens whole or not at all.
            index = creates.index(earlier)
            creates[index] = _fold_into(earlier, item, link, roster_logins)
            continue
        if isinstance(earlier, _Known):
            plan.steps.append(_raise_again(item, earlier, link, roster_logins, markers))
            continue
        creates.append(_create(item, repo, link, roster_logins, assignable, settings))
    if progress:
        creates = [_with_progress(c, progress, roster_logins) for c in creates]
        plan.steps.extend(_progress_notes(_each_issue(known), progress, markers, roster_logins, settings))
    plan.steps[:0] = creates  # issues open first, in meeting order
    for create in creates:
        plan.labels_needed.setdefault(create.issue.repo, set()).update(create.issue.labels)
    plan.steps.extend(_removed(_each_issue(known), produced, in_scope, markers, settings))
    return plan


def _index(existing: Mapping[str, list[Issue]]) -> tuple[dict[tuple[str, str], _Known], list[CloseDuplicate]]:
    known: dict[tuple[str, str], _Known] = {}
    duplicates: list[CloseDuplicate] = []
    for repo, issues in existing.items():
        for issue in sorted(issues, key=lambda i: i.number):
            marker = issuetext.parse_marker(issue.body)
            if marker is None:
                continue
            first = known.get((repo, marker.id))
            if first is not None:
                if issue.state == "open":
                    duplicates.append(CloseDuplicate(issue, first.issue))
                continue
            entry = _Known(issue, marker)
            known[(repo, marker.id)] = entry
            for alias in marker.aliases:
                known.setdefault((repo, alias), entry)
    return known, duplicates


def _each_issue(known: Mapping[tuple[str, str], _Known]) -> list[_Known]:
    """Each known issue once: `known` also lists an issue under the ids of mentions folded into it."""
    return list({(entry.issue.repo, entry.issue.number): entry for entry in known.values()}.values())


def _anywhere(known: Mapping[tuple[str, str], _Known], item_id: str) -> _Known | None:
    # An item whose route changed since (a route added to the config) stays where it was opened.
    return next((entry for (_, key), entry in known.items() if key == item_id), None)


def _refresh(
    item: ActionItem,
    found: _Known,
    link: Callable[[ActionItem], str],
    roster_logins: Collection[str],
    markers: dict[int, _Draft],
) -> Step:
    current = _draft(found, markers)
    marker = current.marker
    if marker.id != item.id:
        return Unchanged(item, found.issue)  # a later mention, already commented on
    new_marker = issuetext.marker_for(item)
    if new_marker.digest == marker.digest:
        return Unchanged(item, found.issue)
    kept = Marker(**{**new_marker.__dict__, "facts": marker.facts, "aliases": marker.aliases})
    body = issuetext.body_with_block(current.body, issuetext.block(item, kept, link(item), roster_logins))
    markers[id(found.issue)] = _Draft(kept, body)
    return EditBlock(item, found.issue, body, _followed_title(item, marker, found.issue))


def _followed_title(item: ActionItem, written: Marker, issue: Issue) -> str | None:
    """The item's title, when the issue still has the title the bot wrote from its marker's facts:
    a person's title is theirs to keep."""
    new = issuetext.title(item)
    if new != issue.title and issue.title == issuetext.title_of(written.task, written.owners):
        return new
    return None


def _create(
    item: ActionItem,
    repo: str,
    link: Callable[[ActionItem], str],
    roster_logins: Collection[str],
    assignable: Mapping[str, set[str]],
    settings: PlanSettings,
) -> Create:
    marker = issuetext.marker_for(item)
    logins = [o.github for o in item.owners if o.github]
    can = assignable.get(repo, set())
    assignees = tuple(login for login in logins if login.lower() in can)
    not_assignable = [
        f"@{login}" if login.lower() in roster_logins else login for login in logins if login not in assignees
    ]
    body = issuetext.block(item, marker, link(item), roster_logins) + issuetext.unassignable_note(
        not_assignable
    )
    labels = (
        settings.item_label,
        issuetext.label_for_meeting(settings.meeting_label_prefix, item.meeting_date),
    )
    return Create(item, NewIssue(repo, issuetext.title(item), body, labels, assignees))


def _fold_into(
    create: Create, later: ActionItem, link: Callable[[ActionItem], str], roster_logins: Collection[str]
) -> Create:
    marker = issuetext.parse_marker(create.issue.body)
    assert marker is not None  # the plan wrote it
    updated = marker.with_alias(later.id).with_fact(issuetext.raised_fact(later))
    body = create.issue.body.replace(marker.render(), updated.render()) + issuetext.raised_again_section(
        later, link(later), roster_logins
    )
    issue = NewIssue(create.issue.repo, create.issue.title, body, create.issue.labels, create.issue.assignees)
    return Create(create.item, issue, (*create.follow_ups, later))


def _raise_again(
    item: ActionItem,
    earlier: _Known,
    link: Callable[[ActionItem], str],
    roster_logins: Collection[str],
    markers: dict[int, _Draft],
) -> RaiseAgain:
    current = _draft(earlier, markers)
    fact = issuetext.raised_fact(item)
    updated = _with_marker(current, current.marker.with_alias(item.id).with_fact(fact))
    markers[id(earlier.issue)] = updated
    body = updated.body
    return RaiseAgain(
        item, earlier.issue, issuetext.raised_again(item, link(item), roster_logins), fact, body
    )


def _earlier_mention(
    item: ActionItem, known: Iterable[_Known], creates: list[Create], markers: dict[int, _Draft]
) -> _Known | Create | None:
    """The issue of an earlier meeting's item this one follows up, if it is recognisably the same."""
    owners = {o.name for o in item.owners}
    words = _content_words(item.task)
    best: tuple[float, _Known | Create] | None = None
    candidates: list[tuple[str, set[str], str, _Known | Create]] = []
    for entry in known:
        marker = _draft(entry, markers).marker
        candidates.append((marker.meeting, set(marker.owners), marker.task, entry))
    for create in creates:
        candidates.append(
            (
                create.item.meeting_date.isoformat(),
                {o.name for o in create.item.owners},
                create.item.task,
                create,
            )
        )
    for meeting, their_owners, task, target in candidates:
        if meeting >= item.meeting_date.isoformat() or their_owners != owners:
            continue
        score = _similarity(words, _content_words(task))
        if score >= FOLLOW_UP_SIMILARITY and (best is None or score > best[0]):
            best = (score, target)
    return best[1] if best else None


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS and len(w) > 2}


def _similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _declined(issue: Issue) -> bool:
    """Closed as "not planned": whoever did it has decided; the bot does not ask again. A later
    meeting raising the item again still gets its one comment, since people said it again."""
    return issue.state == "closed" and issue.state_reason == "not_planned"


def _removed(
    known: Iterable[_Known],
    produced: set[str],
    in_scope: Callable[[Marker], bool],
    markers: dict[int, _Draft],
    settings: PlanSettings,
) -> list[FlagRemoved]:
    steps: list[FlagRemoved] = []
    for entry in known:
        current = _draft(entry, markers)
        marker = current.marker
        alive = marker.id in produced or any(alias in produced for alias in marker.aliases)
        if alive or issuetext.REMOVED_FACT in marker.facts or not in_scope(marker) or _declined(entry.issue):
            continue
        close = settings.close_removed and entry.issue.state == "open"
        updated = _with_marker(current, marker.with_fact(issuetext.REMOVED_FACT))
        markers[id(entry.issue)] = updated
        steps.append(FlagRemoved(entry.issue, issuetext.removed(marker.note, close), close, updated.body))
    return steps


def _with_progress(
    create: Create, progress: Mapping[str, list[Progress]], roster_logins: Collection[str]
) -> Create:
    """A new issue states the progress later notes already report, instead of a comment each."""
    notes = [p for item in (create.item, *create.follow_ups) for p in progress.get(item.id, [])]
    if not notes:
        return create
    marker = issuetext.parse_marker(create.issue.body)
    assert marker is not None  # the plan wrote it
    updated = marker
    for note in notes:
        updated = updated.with_fact(issuetext.progress_fact(note))
    body = create.issue.body.replace(marker.render(), updated.render()) + issuetext.progress_section(
        notes, roster_logins
    )
    issue = NewIssue(create.issue.repo, create.issue.title, body, create.issue.labels, create.issue.assignees)
    return Create(create.item, issue, create.follow_ups)


def _progress_notes(
    known: Iterable[_Known],
    progress: Mapping[str, list[Progress]],
    markers: dict[int, _Draft],
    roster_logins: Collection[str],
    settings: PlanSettings,
) -> list[ProgressNote]:
    steps: list[ProgressNote] = []
    for entry in known:
        if _declined(entry.issue):
            continue
        marker = _draft(entry, markers).marker
        for item_id in (marker.id, *marker.aliases):
            for note in progress.get(item_id, []):
                fact = issuetext.progress_fact(note)
                current = _draft(entry, markers)
                if fact in current.marker.facts:
                    continue
                updated = _with_marker(current, current.marker.with_fact(fact))
                markers[id(entry.issue)] = updated
                close = settings.close_on_done and note.done and entry.issue.state == "open"
                comment = issuetext.progress_comment(note, roster_logins)
                steps.append(ProgressNote(item_id, entry.issue, comment, fact, updated.body, close))
    return steps
