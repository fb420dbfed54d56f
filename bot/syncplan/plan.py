"""`SyncPlan`: what to write to the tracker, computed from the items and what the tracker holds. Pure.

Rules, each so that a rerun writes nothing for a fact it has written:
- one issue per item, found by its id in the marker of an issue the bot opened, else as
  `bot.issueindex.index.match` finds an edited item's, a renamed note's, or a marker-less issue's;
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
from typing import Literal, assert_never

from bot.action_item import ActionItem, Progress
from bot.issueindex import issuetext
from bot.issueindex.index import Known, Matches, earlier_mentions, in_meeting_order, match, tracked
from bot.issueindex.issuetext import Marker
from bot.issueindex.scope import NoteScope
from bot.issueindex.workspace import IssueSettings
from bot.issues import Issue, Key, NewIssue


@dataclass(frozen=True)
class Create:
    """A new issue for the item."""

    item: ActionItem
    issue: NewIssue  # without assignees until `with_assignees` adds them
    # Later mentions folded into this new issue: their ids are in its marker already.
    follow_ups: tuple[ActionItem, ...] = ()


@dataclass(frozen=True)
class EditBlock:
    """The bot's block of the item's issue rewritten: the item changed, or its marker was lost."""

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
    """An issue whose item is gone from its note, read in this run: one comment, maybe closed."""

    issue: Issue
    comment: str
    fact: str
    close: bool  # as configured, or as people marked the item as not one
    body: str


@dataclass(frozen=True)
class CloseDuplicate:
    """A twin opened by a sync that raced another, closed in favour of `original`."""

    issue: Issue
    original: Issue  # the twin kept: the oldest open one


@dataclass(frozen=True)
class Unchanged:
    """The item's issue says what the bot would write: nothing to do."""

    item: ActionItem
    issue: Issue


Step = Create | EditBlock | Restore | RaiseAgain | ProgressNote | FlagRemoved | CloseDuplicate | Unchanged


Action = Literal[
    "create", "update", "restore", "comment", "progress", "flag-removed", "close-duplicate", "skip"
]


@dataclass(frozen=True)
class Meaning:
    """What a step does, said once for every reader of a plan (its table, JSON, log and counts)."""

    action: Action
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

    @property
    def changes(self) -> int:
        """How many steps write (the others leave an item's issue as it is)."""
        return sum(meaning(s).changes for s in self.steps)


@dataclass(frozen=True)
class _Draft:
    """An issue's marker and body as this plan leaves them, so two changes to one issue in a run
    build on each other instead of the second undoing the first."""

    marker: Marker
    body: str


def _draft(entry: Known, drafts: dict[Key, _Draft]) -> _Draft:
    return drafts.get(entry.key, _Draft(entry.marker, entry.issue.body))


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
    settings: IssueSettings,
    progress: Mapping[str, list[Progress]] | None = None,
) -> SyncPlan:
    """The plan, without assignees: `with_assignees` adds them to the issues it opens."""
    items = list(items)
    tracking = tracked(existing, notes)
    found = match(items, tracking, notes, route, settings.meeting_label_prefix)
    writer = _Writer(link, roster_logins)
    drafts: dict[Key, _Draft] = {}
    ids: dict[Key, list[str]] = {}  # an issue -> the ids of the items it is found by
    steps: list[Step] = [CloseDuplicate(twin, original) for twin, original in tracking.twins]
    for item in in_meeting_order(items):
        if item.id in found.own:
            entry, how = found.own[item.id]
            ids.setdefault(entry.key, []).append(item.id)
            steps.append(
                Unchanged(item, entry.issue) if how == "later" else _refresh(item, entry, writer, drafts)
            )
        elif item.id in found.unmarked:
            steps.append(_restore_block(item, found.unmarked[item.id], writer))
    creates, raised = _new_or_again(items, found, tracking.known, route, writer, settings, drafts)
    for step in raised:
        ids.setdefault(step.issue.key, []).append(step.item.id)
    steps += raised
    if progress:
        creates = [_with_progress(c, progress, roster_logins) for c in creates]
        steps += _progress_notes(tracking.known, ids, progress, drafts, roster_logins, settings)
    judged = {entry.note: found.renamed.get(entry.note, entry.note) for entry in tracking.known}
    gone_from_read = [
        entry for entry in tracking.known if entry.key not in ids and judged[entry.note] in notes.read
    ]
    steps += _removed(gone_from_read, drafts, settings, notes.ignored)
    plan = SyncPlan([*creates, *steps])  # issues open first, in meeting order
    for create in creates:
        plan.labels_needed.setdefault(create.issue.repo, set()).update(create.issue.labels)
    return plan


def _new_or_again(
    items: list[ActionItem],
    found: Matches,
    known: list[Known],
    route: Callable[[ActionItem], str],
    writer: _Writer,
    settings: IssueSettings,
    drafts: dict[Key, _Draft],
) -> tuple[list[Create], list[RaiseAgain | Unchanged]]:
    """The items with no issue of their own: each a later mention of an earlier promise (of an
    issue, or of another item new in this run), or a new issue."""
    mentions = earlier_mentions(items, known, lambda entry: _draft(entry, drafts).marker)
    creates: list[Create] = []
    raised: list[RaiseAgain | Unchanged] = []
    for item in found.left:  # in meeting order
        owners = [o.name for o in item.owners]
        earlier = mentions.find(item.meeting_date.isoformat(), owners, item.task)
        if isinstance(earlier, int):
            # Both mentions arrive in this run: the issue opens saying so, in one write that
            # either happens whole or not at all.
            creates[earlier] = _fold_into(creates[earlier], item, writer)
        elif earlier is not None:
            raised.append(_raise_again(item, earlier, writer, drafts))
        else:
            mentions.add(item.meeting_date.isoformat(), owners, item.task, len(creates))
            creates.append(_create(item, route(item), writer, settings))
    return creates, raised


def subject(step: Step) -> str:
    """What a step is about, for people: the item's task, owners and meeting, or the issue's title."""
    item = getattr(step, "item", None)
    if item is not None:
        return f"{item.task} ({', '.join(o.name for o in item.owners)}), {item.meeting_date}"
    issue = getattr(step, "issue", None)
    return str(issue.title) if issue is not None else ""


def _refresh(item: ActionItem, found: Known, writer: _Writer, drafts: dict[Key, _Draft]) -> Step:
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
    drafts[found.key] = _Draft(kept, body)
    return EditBlock(item, found.issue, body, title)


def _retitled(issue: Issue, marker: Marker, item: ActionItem) -> str | None:
    """The bot's title for the item, if it differs and people have not retitled the issue."""
    new = issuetext.title(item)
    return new if issue.title == issuetext.title_from(marker) and issue.title != new else None


def _restore(
    item: ActionItem,
    found: Known,
    kept: Marker,
    title: str | None,
    writer: _Writer,
    drafts: dict[Key, _Draft],
    current: _Draft,
) -> Restore:
    reopen = issuetext.closed_removed_fact(kept) in kept.facts and found.issue.state == "closed"
    fact = issuetext.restored_fact(kept)
    marker = kept.with_fact(fact)
    body = issuetext.body_with_block(current.body, writer.block(item, marker))
    drafts[found.key] = _Draft(marker, body)
    comment = issuetext.restored(item, writer.link(item), reopen, fact)
    return Restore(item, found.issue, comment, fact, body, reopen, title)


def _restore_block(item: ActionItem, issue: Issue, writer: _Writer) -> EditBlock:
    """An issue the bot opened for the item, whose marker people removed: the block goes back on
    top, above what they wrote, so that the next run finds it by its id again."""
    block = writer.block(item, issuetext.marker_for(item))
    return EditBlock(item, issue, issuetext.body_with_block(issue.body, block))


def _create(item: ActionItem, repo: str, writer: _Writer, settings: IssueSettings) -> Create:
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


def _raise_again(
    item: ActionItem, earlier: Known, writer: _Writer, drafts: dict[Key, _Draft]
) -> RaiseAgain | Unchanged:
    current = _draft(earlier, drafts)
    if any(f.startswith(f"raised:{item.meeting_date.isoformat()}:") for f in current.marker.facts):
        return Unchanged(item, earlier.issue)  # told for that meeting already, under an id before an edit
    fact = issuetext.raised_fact(item)
    updated = _with_marker(current, current.marker.with_alias(item.id).with_fact(fact))
    drafts[earlier.key] = updated
    comment = issuetext.raised_again(item, writer.link(item), writer.roster_logins)
    return RaiseAgain(item, earlier.issue, comment, fact, updated.body)


def _declined(issue: Issue) -> bool:
    """Closed as "not planned": whoever did it has decided; the bot does not ask again. A later
    meeting raising the item again still gets its one comment, since people said it again."""
    return issue.state == "closed" and issue.state_reason == "not_planned"


def _removed(
    known: Iterable[Known], drafts: dict[Key, _Draft], settings: IssueSettings, ignored: Collection[str]
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
        drafts[entry.key] = updated
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
    known: Iterable[Known],
    ids: Mapping[Key, list[str]],
    progress: Mapping[str, list[Progress]],
    drafts: dict[Key, _Draft],
    roster_logins: Collection[str],
    settings: IssueSettings,
) -> list[ProgressNote]:
    steps: list[ProgressNote] = []
    for entry in known:
        if _declined(entry.issue):
            continue
        marker = _draft(entry, drafts).marker
        for item_id in dict.fromkeys((*ids.get(entry.key, []), marker.id, *marker.aliases)):
            for note in progress.get(item_id, []):
                fact = issuetext.progress_fact(note)
                current = _draft(entry, drafts)
                if fact in current.marker.facts:
                    continue
                updated = _with_marker(current, current.marker.with_fact(fact))
                drafts[entry.key] = updated
                close = settings.close_on_done and note.done and entry.issue.state == "open"
                comment = issuetext.progress_comment(note, roster_logins)
                steps.append(ProgressNote(item_id, entry.issue, comment, fact, updated.body, close))
    return steps
