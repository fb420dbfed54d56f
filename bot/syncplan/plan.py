"""`SyncPlan`: what to write to the tracker, computed from the items and what the tracker holds. Pure.

Rules, each so that a rerun writes nothing for a fact it has written:
- one issue per item, found by its id in the marker of an issue the bot opened, else as
  `bot.syncplan.matching` finds an edited item's, a renamed note's, or a marker-less issue's;
- an issue's block is rewritten only when the item's source facts differ from the digest in its
  marker (what the bot wrote last) or its note was renamed, never because people edited the issue;
  a block people deleted comes back;
- a later mention of the same promise (same owners, much the same task, a later meeting) is one
  comment on the first issue, recorded in that issue's marker;
- an item gone from a note that was read in this run is flagged once (and closed if configured),
  and told back (and reopened, if the bot closed it) when it returns;
- two issues carrying the same id (two syncs that raced) are reduced to one: the oldest that is
  open, so the twin people kept stays.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Literal, assert_never

from bot.action_item import ActionItem, Progress
from bot.issues import Issue, NewIssue
from bot.syncplan import issuetext, matching
from bot.syncplan.issuetext import Marker
from bot.syncplan.matching import EarlierMentions, NoteScope, Said


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
    title: str | None = None  # the bot's title for the changed task, when people kept the bot's


@dataclass(frozen=True)
class Restore:
    """An item back in its note after it was flagged gone: one comment, the marker told, and the
    issue reopened if the bot closed it."""

    item: ActionItem
    issue: Issue
    comment: str
    fact: str
    body: str
    reopen: bool
    title: str | None = None


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
    fact: str
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


Step = Create | EditBlock | Restore | RaiseAgain | ProgressNote | FlagRemoved | CloseDuplicate | Unchanged


@dataclass(frozen=True)
class Meaning:
    """What a step does, said once for every reader of a plan (its table, JSON, log and counts)."""

    action: str  # create, update, restore, comment, progress, flag-removed, close-duplicate, skip
    repo: str
    number: int | None  # None for an issue still to open
    item_id: str | None = None
    title: str | None = None  # the title it gives the issue, if it sets one
    closes: bool = False
    reopens: bool = False

    @property
    def changes(self) -> bool:
        return self.action != "skip"


def meaning(step: Step) -> Meaning:
    match step:
        case Create():
            return Meaning("create", step.issue.repo, None, step.item.id, step.issue.title)
        case EditBlock():
            return Meaning("update", step.issue.repo, step.issue.number, step.item.id, step.title)
        case Restore():
            issue = step.issue
            return Meaning("restore", issue.repo, issue.number, step.item.id, step.title, reopens=step.reopen)
        case RaiseAgain():
            return Meaning("comment", step.issue.repo, step.issue.number, step.item.id)
        case ProgressNote():
            return Meaning("progress", step.issue.repo, step.issue.number, step.item_id, closes=step.close)
        case FlagRemoved():
            return Meaning("flag-removed", step.issue.repo, step.issue.number, closes=step.close)
        case CloseDuplicate():
            return Meaning("close-duplicate", step.issue.repo, step.issue.number, closes=True)
        case Unchanged():
            return Meaning("skip", step.issue.repo, step.issue.number, step.item.id)
        case _:
            assert_never(step)


@dataclass
class SyncPlan:
    steps: list[Step] = field(default_factory=list)
    labels_needed: dict[str, set[str]] = field(default_factory=dict)  # repo -> label names for creates

    def of(self, kind: type[Step]) -> list[Step]:
        return [s for s in self.steps if isinstance(s, kind)]

    @property
    def changes(self) -> int:
        """How many steps write (the others leave an item's issue as it is)."""
        return sum(meaning(s).changes for s in self.steps)


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
    note: str  # the note the marker names, as a path from the root

    @property
    def said(self) -> Said:
        m = self.marker
        return Said(self.note, m.meeting, m.section, m.owners, m.task, issuetext.quoted(self.issue.body))


# How an item's issue was found: by the item's id ("same"); by an id it had before, its note or its
# place ("edited": the marker takes the new id when the block is next written); or as a later
# mention of the issue's promise, told already ("later").
How = Literal["same", "edited", "later"]


@dataclass
class Matches:
    own: dict[str, tuple[_Known, How]] = field(default_factory=dict)  # item id -> its issue, and how
    unmarked: dict[str, Issue] = field(default_factory=dict)  # item id -> its issue without a marker
    renamed: dict[str, str] = field(default_factory=dict)  # old note path -> new one
    left: list[ActionItem] = field(default_factory=list)  # items with no issue of their own yet


@dataclass(frozen=True)
class Tracked:
    """The bot's issues as read: those with a marker (twins of a race reduced to one), the twins
    to close, and the bot's issues that lost their marker."""

    known: list[_Known]
    duplicates: list[CloseDuplicate]
    unmarked: list[Issue]


def tracked(existing: Mapping[str, list[Issue]], notes: NoteScope) -> Tracked:
    known: list[_Known] = []
    duplicates: list[CloseDuplicate] = []
    unmarked: list[Issue] = []
    for issues in existing.values():
        twins: dict[str, list[tuple[Issue, Marker]]] = {}
        for issue, marker in issuetext.marked(sorted(issues, key=lambda i: i.number)):
            if marker is not None:
                twins.setdefault(marker.id, []).append((issue, marker))
            else:
                unmarked.append(issue)
        for group in twins.values():
            # The oldest open one: if people closed the older of two and kept the younger, that one.
            issue, marker = next((pair for pair in group if pair[0].state == "open"), group[0])
            known.append(_Known(issue, marker, notes.key(marker.note)))
            duplicates += [CloseDuplicate(i, issue) for i, _ in group if i is not issue and i.state == "open"]
    known.sort(key=lambda entry: (entry.issue.repo, entry.issue.number))
    return Tracked(known, duplicates, unmarked)


def match(
    items: Iterable[ActionItem],
    tracking: Tracked,
    notes: NoteScope,
    route: Callable[[ActionItem], str],
    settings: PlanSettings,
) -> Matches:
    """Each item's own issue, found as `bot.syncplan.matching` tells; the rest is left for earlier
    mentions."""
    ordered = sorted(items, key=lambda i: (i.meeting_date, i.note, i.line))
    found = Matches()
    claimed: set[int] = set()  # id() of the entries claimed as an item's own
    left = _by_id(ordered, tracking.known, route, found, claimed)
    left = _by_note(left, tracking.known, notes, found, claimed)
    titles = [
        (
            i,
            issuetext.title(item),
            issuetext.label_for_meeting(settings.meeting_label_prefix, item.meeting_date),
        )
        for i, item in enumerate(left)
    ]
    lost = [(j, issue.title, frozenset(issue.labels)) for j, issue in enumerate(tracking.unmarked)]
    for i, j in matching.by_title(titles, lost).items():
        found.unmarked[left[i].id] = tracking.unmarked[j]
    found.left = [item for item in left if item.id not in found.unmarked]
    return found


def _by_id(
    items: list[ActionItem],
    known: list[_Known],
    route: Callable[[ActionItem], str],
    found: Matches,
    claimed: set[int],
) -> list[ActionItem]:
    """Items found by their id, then by an id they had before an edit; returns the others."""
    by_id: dict[str, list[_Known]] = {}
    by_alias: dict[str, list[_Known]] = {}
    for entry in known:
        by_id.setdefault(entry.marker.id, []).append(entry)
        for alias in entry.marker.aliases:
            by_alias.setdefault(alias, []).append(entry)
    left: list[ActionItem] = []
    for item in items:
        own = _in_repo(by_id.get(item.id, []), route(item))
        if own is not None and id(own) not in claimed:
            found.own[item.id] = (own, "same")
            claimed.add(id(own))
        else:
            left.append(item)
    rest: list[ActionItem] = []
    for item in left:
        aliased = _in_repo(by_alias.get(item.id, []), route(item))
        if aliased is not None and aliased.note != item.note:
            found.own[item.id] = (aliased, "later")  # a later mention, told already
        elif aliased is not None and id(aliased) not in claimed:
            found.own[item.id] = (aliased, "edited")  # an id it had before: the edit was undone
            claimed.add(id(aliased))
        else:
            rest.append(item)
    return rest


def _by_note(
    items: list[ActionItem], known: list[_Known], notes: NoteScope, found: Matches, claimed: set[int]
) -> list[ActionItem]:
    """Items found among the issues of their note (or of the note renamed to it) left unclaimed."""
    by_note: dict[str, list[ActionItem]] = {}
    for item in items:
        by_note.setdefault(item.note, []).append(item)
    unclaimed: dict[str, list[_Known]] = {}
    for entry in known:
        if id(entry) not in claimed:
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
    found.renamed = matching.renames(gone, {n: [Said.of(i) for i in mine] for n, mine in by_note.items()})
    candidates: dict[str, list[_Known]] = {}
    for old, entries in unclaimed.items():
        candidates.setdefault(found.renamed.get(old, old), []).extend(entries)
    for note, mine in by_note.items():
        theirs = candidates.get(note, [])
        pairs = matching.pair(
            [(i, Said.of(item)) for i, item in enumerate(mine)], [(j, e.said) for j, e in enumerate(theirs)]
        )
        for i, j in pairs.items():
            found.own[mine[i].id] = (theirs[j], "edited")
            claimed.add(id(theirs[j]))
    return [item for item in items if item.id not in found.own]


def _in_repo(entries: list[_Known], repo: str) -> _Known | None:
    # An item whose route changed since (a route added to the config) stays where it was opened.
    return next((e for e in entries if e.issue.repo == repo), entries[0] if entries else None)


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


@dataclass(frozen=True)
class _Writer:
    """What every step needs to write text: the link to a note line and the roster's logins."""

    link: Callable[[ActionItem], str]
    roster_logins: Collection[str]

    def block(self, item: ActionItem, marker: Marker) -> str:
        """The bot's part of the item's issue body, citing every line the note states it on."""
        also = [self.link(replace(item, line=source.line)) for source in item.restated]
        return issuetext.block(item, marker, self.link(item), self.roster_logins, also)


def make_plan(
    items: Iterable[ActionItem],
    existing: Mapping[str, list[Issue]],
    *,
    route: Callable[[ActionItem], str],
    link: Callable[[ActionItem], str],
    notes: NoteScope,
    roster_logins: Collection[str],
    settings: PlanSettings,
    progress: Mapping[str, list[Progress]] | None = None,
) -> SyncPlan:
    """The plan, without assignees: `with_assignees` adds them to the issues it opens."""
    items = list(items)
    plan = SyncPlan()
    tracking = tracked(existing, notes)
    plan.steps.extend(tracking.duplicates)
    found = match(items, tracking, notes, route, settings)
    writer = _Writer(link, roster_logins)
    drafts: dict[int, _Draft] = {}
    ids: dict[int, list[str]] = {}  # id() of an issue -> the ids of the items it is found by
    for item in sorted(items, key=lambda i: (i.meeting_date, i.note, i.line)):
        if item.id in found.own:
            entry, how = found.own[item.id]
            ids.setdefault(id(entry.issue), []).append(item.id)
            plan.steps.append(
                Unchanged(item, entry.issue) if how == "later" else _refresh(item, entry, writer, drafts)
            )
        elif item.id in found.unmarked:
            plan.steps.append(_restore_block(item, found.unmarked[item.id], writer))

    mentions: EarlierMentions[_Known | int] = EarlierMentions(
        [i.task for i in items] + [e.marker.task for e in tracking.known]
    )
    for entry in tracking.known:
        marker = _draft(entry, drafts).marker
        mentions.add(marker.meeting, marker.owners, marker.task, entry)
    creates: list[Create] = []
    for item in found.left:  # in meeting order
        owners = [o.name for o in item.owners]
        earlier = mentions.find(item.meeting_date.isoformat(), owners, item.task)
        if isinstance(earlier, int):
            # Both mentions arrive in this run: the issue opens saying so, in one write that
            # either happens whole or not at all.
            creates[earlier] = _fold_into(creates[earlier], item, writer)
        elif earlier is not None:
            ids.setdefault(id(earlier.issue), []).append(item.id)
            plan.steps.append(_raise_again(item, earlier, writer, drafts))
        else:
            mentions.add(item.meeting_date.isoformat(), owners, item.task, len(creates))
            creates.append(_create(item, route(item), writer, settings))
    if progress:
        creates = [_with_progress(c, progress, roster_logins) for c in creates]
        plan.steps.extend(_progress_notes(tracking.known, ids, progress, drafts, roster_logins, settings))
    plan.steps[:0] = creates  # issues open first, in meeting order
    for create in creates:
        plan.labels_needed.setdefault(create.issue.repo, set()).update(create.issue.labels)
    judged = {entry.note: found.renamed.get(entry.note, entry.note) for entry in tracking.known}
    gone_from_read = [
        entry for entry in tracking.known if id(entry.issue) not in ids and judged[entry.note] in notes.read
    ]
    plan.steps.extend(_removed(gone_from_read, drafts, settings, notes.ignored))
    return plan


def with_assignees(
    plan: SyncPlan, assignable: Mapping[str, set[str]], roster_logins: Collection[str]
) -> SyncPlan:
    """The plan with each issue it opens assigned to the owners that can be assigned in its
    repository; the others are named in the body, under the bot's block."""
    steps: list[Step] = []
    for step in plan.steps:
        if isinstance(step, Create):
            logins = [o.github for o in step.item.owners if o.github]
            can = assignable.get(step.issue.repo, set())
            assignees = tuple(login for login in logins if login.lower() in can)
            others = [
                f"@{login}" if login.lower() in roster_logins else login
                for login in logins
                if login not in assignees
            ]
            body = issuetext.fit(issuetext.after_block(step.issue.body, issuetext.unassignable_note(others)))
            step = replace(step, issue=replace(step.issue, body=body, assignees=assignees))
        steps.append(step)
    return SyncPlan(steps, plan.labels_needed)


def subject(step: Step) -> str:
    """What a step is about, for people: the item's task, owners and meeting, or the issue's title."""
    item = getattr(step, "item", None)
    if item is not None:
        return f"{item.task} ({', '.join(o.name for o in item.owners)}), {item.meeting_date}"
    issue = getattr(step, "issue", None)
    return str(issue.title) if issue is not None else ""


def _refresh(item: ActionItem, found: _Known, writer: _Writer, drafts: dict[int, _Draft]) -> Step:
    current = _draft(found, drafts)
    marker = current.marker
    new_marker = issuetext.marker_for(item)
    flagged = issuetext.removal_fact(marker) in marker.facts
    renamed = found.note != item.note
    if new_marker.digest == marker.digest and not flagged and not renamed:
        # Nothing the block shows changed; an id that did (a version of the bot that made ids
        # differently, say) is found again the same way on the next run, at no write.
        return Unchanged(item, found.issue)
    aliases = marker.aliases if marker.id == item.id else (*marker.aliases, marker.id)
    kept = replace(
        new_marker, facts=marker.facts, aliases=tuple(a for a in dict.fromkeys(aliases) if a != item.id)
    )
    title = _retitled(found.issue, marker, item)
    if flagged:
        return _restore(item, found, kept, title, writer, drafts, current)
    body = issuetext.body_with_block(current.body, writer.block(item, kept))
    drafts[id(found.issue)] = _Draft(kept, body)
    return EditBlock(item, found.issue, body, title)


def _retitled(issue: Issue, marker: Marker, item: ActionItem) -> str | None:
    """The bot's title for the item, if it differs and people have not retitled the issue."""
    new = issuetext.title(item)
    return new if issue.title == issuetext.title_from(marker) and issue.title != new else None


def _restore(
    item: ActionItem,
    found: _Known,
    kept: Marker,
    title: str | None,
    writer: _Writer,
    drafts: dict[int, _Draft],
    current: _Draft,
) -> Restore:
    reopen = issuetext.closed_removed_fact(kept) in kept.facts and found.issue.state == "closed"
    fact = issuetext.restored_fact(kept)
    marker = kept.with_fact(fact)
    body = issuetext.body_with_block(current.body, writer.block(item, marker))
    drafts[id(found.issue)] = _Draft(marker, body)
    comment = issuetext.restored(item, writer.link(item), reopen, fact)
    return Restore(item, found.issue, comment, fact, body, reopen, title)


def _restore_block(item: ActionItem, issue: Issue, writer: _Writer) -> EditBlock:
    """An issue the bot opened for the item, whose marker people removed: the block goes back on
    top, above what they wrote, so that the next run finds it by its id again."""
    block = writer.block(item, issuetext.marker_for(item))
    return EditBlock(item, issue, issuetext.body_with_block(issue.body, block))


def _create(item: ActionItem, repo: str, writer: _Writer, settings: PlanSettings) -> Create:
    marker = issuetext.marker_for(item)
    body = writer.block(item, marker)
    labels = (
        settings.item_label,
        issuetext.label_for_meeting(settings.meeting_label_prefix, item.meeting_date),
    )
    return Create(item, NewIssue(repo, issuetext.title(item), body, labels))


def _fold_into(create: Create, later: ActionItem, writer: _Writer) -> Create:
    marker = issuetext.parse_marker(create.issue.body)
    assert marker is not None  # the plan wrote it
    updated = marker.with_alias(later.id).with_fact(issuetext.raised_fact(later))
    body = create.issue.body.replace(marker.render(), updated.render()) + issuetext.raised_again_section(
        later, writer.link(later), writer.roster_logins
    )
    return Create(create.item, replace(create.issue, body=body), (*create.follow_ups, later))


def _raise_again(item: ActionItem, earlier: _Known, writer: _Writer, drafts: dict[int, _Draft]) -> Step:
    current = _draft(earlier, drafts)
    if any(f.startswith(f"raised:{item.meeting_date.isoformat()}:") for f in current.marker.facts):
        return Unchanged(item, earlier.issue)  # told for that meeting already, under an id before an edit
    fact = issuetext.raised_fact(item)
    updated = _with_marker(current, current.marker.with_alias(item.id).with_fact(fact))
    drafts[id(earlier.issue)] = updated
    comment = issuetext.raised_again(item, writer.link(item), writer.roster_logins)
    return RaiseAgain(item, earlier.issue, comment, fact, updated.body)


def _declined(issue: Issue) -> bool:
    """Closed as "not planned": whoever did it has decided; the bot does not ask again. A later
    meeting raising the item again still gets its one comment, since people said it again."""
    return issue.state == "closed" and issue.state_reason == "not_planned"


def _removed(
    known: Iterable[_Known], drafts: dict[int, _Draft], settings: PlanSettings, ignored: Collection[str]
) -> list[FlagRemoved]:
    """Issues of notes read in this run that no item of theirs claims: those of items marked as not
    action items close (people said what it is), the others close only as configured."""
    steps: list[FlagRemoved] = []
    for entry in known:
        current = _draft(entry, drafts)
        marker = current.marker
        fact = issuetext.removal_fact(marker)
        if fact in marker.facts or _declined(entry.issue):
            continue
        silenced = marker.id in ignored
        close = (silenced or settings.close_removed) and entry.issue.state == "open"
        recorded = marker.with_fact(fact)
        if close:
            recorded = recorded.with_fact(issuetext.closed_removed_fact(marker))
        updated = _with_marker(current, recorded)
        drafts[id(entry.issue)] = updated
        comment = (issuetext.ignored if silenced else issuetext.removed)(marker.note, close, fact)
        steps.append(FlagRemoved(entry.issue, comment, fact, close, updated.body))
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
    return Create(create.item, replace(create.issue, body=body), create.follow_ups)


def _progress_notes(
    known: Iterable[_Known],
    ids: Mapping[int, list[str]],
    progress: Mapping[str, list[Progress]],
    drafts: dict[int, _Draft],
    roster_logins: Collection[str],
    settings: PlanSettings,
) -> list[ProgressNote]:
    steps: list[ProgressNote] = []
    for entry in known:
        if _declined(entry.issue):
            continue
        marker = _draft(entry, drafts).marker
        for item_id in dict.fromkeys((*ids.get(id(entry.issue), []), marker.id, *marker.aliases)):
            for note in progress.get(item_id, []):
                fact = issuetext.progress_fact(note)
                current = _draft(entry, drafts)
                if fact in current.marker.facts:
                    continue
                updated = _with_marker(current, current.marker.with_fact(fact))
                drafts[id(entry.issue)] = updated
                close = settings.close_on_done and note.done and entry.issue.state == "open"
                comment = issuetext.progress_comment(note, roster_logins)
                steps.append(ProgressNote(item_id, entry.issue, comment, fact, updated.body, close))
    return steps


def issues_of(
    items: Iterable[ActionItem],
    existing: Mapping[str, list[Issue]],
    notes: NoteScope,
    route: Callable[[ActionItem], str],
    settings: PlanSettings,
) -> dict[str, Issue]:
    """Each item's issue, as a sync would find it (a later mention: the first mention's issue)."""
    items = list(items)
    tracking = tracked(existing, notes)
    found = match(items, tracking, notes, route, settings)
    result = {item_id: entry.issue for item_id, (entry, _) in found.own.items()}
    result.update(found.unmarked)
    mentions: EarlierMentions[_Known] = EarlierMentions(
        [i.task for i in items] + [e.marker.task for e in tracking.known]
    )
    for entry in tracking.known:
        mentions.add(entry.marker.meeting, entry.marker.owners, entry.marker.task, entry)
    for item in found.left:
        earlier = mentions.find(item.meeting_date.isoformat(), [o.name for o in item.owners], item.task)
        if earlier is not None:
            result[item.id] = earlier.issue
    return result
