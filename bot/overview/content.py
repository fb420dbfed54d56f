"""What the overview page shows, built from the follow-up report and every item's status. Pure.

The figures at the top and the open items are the follow-up report's for the same meeting, so the
page and `actionbot report --format json` always agree. The history (the trend and the per-meeting
view) covers every item promised before that meeting, closed ones too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.action_item import ActionItem, Progress
from bot.followup.checklist import FollowUp, ItemStatus

OPEN = "open"
CLOSED = "closed"
NOT_SYNCED = "not synced"
SLIPPING_SHOWN = 10


@dataclass(frozen=True)
class Link:
    label: str
    url: str | None = None  # None where there is nothing on the web to go to (the local tracker)


@dataclass(frozen=True)
class ItemView:
    id: str
    task: str
    text: str  # the sentence of the note
    owners: tuple[str, ...]
    meeting: dt.date  # promised at
    due: dt.date | None
    state: str  # OPEN, CLOSED or NOT_SYNCED
    overdue: bool
    reported_done: bool
    carried_over: int  # meetings held since it was promised
    age_days: int  # days since it was promised, until it was closed or until today
    closed_on: dt.date | None
    issue: Link | None
    note: Link
    progress: tuple[Progress, ...]

    @property
    def is_open(self) -> bool:
        return self.state != CLOSED


@dataclass(frozen=True)
class OwnerLoad:
    name: str
    open: int
    overdue: int


@dataclass(frozen=True)
class TrendPoint:
    day: dt.date  # a meeting's, or today's for the last point
    now: bool  # the last point, today, after the last meeting
    promised: int  # items promised up to that day
    closed: int  # of those, closed by that day

    @property
    def open(self) -> int:
        return self.promised - self.closed


@dataclass(frozen=True)
class MeetingView:
    day: dt.date
    items: tuple[ItemView, ...]

    @property
    def closed(self) -> int:
        return sum(not item.is_open for item in self.items)

    @property
    def overdue(self) -> int:
        return sum(item.overdue for item in self.items)


@dataclass(frozen=True)
class Counts:
    """The report's figures: items it lists, open ones, overdue ones, closed since the previous
    meeting, and open ones carried over at least one meeting."""

    items: int
    open: int
    overdue: int
    closed: int
    carried_over: int


@dataclass(frozen=True)
class Overview:
    team: str
    meeting: dt.date  # the meeting the figures are for: the report's
    previous: dt.date | None
    today: dt.date
    counts: Counts
    owners: tuple[OwnerLoad, ...]  # most loaded first
    open_items: tuple[ItemView, ...]
    slipping: tuple[ItemView, ...]  # most carried over first
    trend: tuple[TrendPoint, ...]
    meetings: tuple[MeetingView, ...]  # newest first
    people: tuple[str, ...]  # everyone owning an item on the page, for the owner filter
    # Ids of the items the report lists, so the page's filters can count its figures again.
    reported: frozenset[str] = frozenset()


def overview(
    team: str,
    follow_up: FollowUp,
    history: Sequence[ItemStatus],
    meeting_dates: Iterable[dt.date],
    today: dt.date,
    note_link: Callable[[ActionItem], str],
    home_repo: str,
) -> Overview:
    """The page for `follow_up`'s meeting. `history` is every item's status before that meeting
    (`bot.followup.checklist.statuses`); `note_link` gives where an item's note line is; issues of `home_repo`
    are named by number alone."""

    def view(status: ItemStatus) -> ItemView:
        return _item_view(status, today, note_link, home_repo)

    open_items = tuple(view(s) for s in follow_up.statuses if not s.closed)
    items = tuple(view(s) for s in history)
    days = sorted({d for d in meeting_dates if d < follow_up.meeting})
    return Overview(
        team=team,
        meeting=follow_up.meeting,
        previous=follow_up.previous,
        today=today,
        counts=Counts(
            items=len(follow_up.statuses),
            open=len(open_items),
            overdue=sum(item.overdue for item in open_items),
            closed=sum(s.closed for s in follow_up.statuses),
            carried_over=sum(item.carried_over > 0 for item in open_items),
        ),
        owners=owner_loads(open_items),
        open_items=open_items,
        slipping=slipping(open_items),
        trend=trend(items, days, today),
        meetings=tuple(
            MeetingView(day, tuple(i for i in items if i.meeting == day)) for day in reversed(days)
        ),
        people=tuple(sorted({name for item in items for name in item.owners})),
        reported=frozenset(s.item.id for s in follow_up.statuses),
    )


def owner_loads(open_items: Iterable[ItemView]) -> tuple[OwnerLoad, ...]:
    """Open and overdue items per person; an item two people own counts for each of them."""
    opened: dict[str, int] = {}
    overdue: dict[str, int] = {}
    for item in open_items:
        for name in item.owners:
            opened[name] = opened.get(name, 0) + 1
            overdue[name] = overdue.get(name, 0) + item.overdue
    loads = [OwnerLoad(name, count, overdue[name]) for name, count in opened.items()]
    return tuple(sorted(loads, key=lambda load: (-load.open, -load.overdue, load.name)))


def slipping(open_items: Iterable[ItemView], shown: int = SLIPPING_SHOWN) -> tuple[ItemView, ...]:
    """The open items carried over the most meetings, the oldest first among equals."""
    carried = [item for item in open_items if item.carried_over > 0]
    carried.sort(key=lambda item: (-item.carried_over, item.meeting, item.task))
    return tuple(carried[:shown])


def trend(items: Sequence[ItemView], days: Sequence[dt.date], today: dt.date) -> tuple[TrendPoint, ...]:
    """After each meeting, and now: items promised so far and how many of them are closed."""
    points = [(day, False) for day in days]
    if days and today > days[-1]:
        points.append((today, True))
    return tuple(
        TrendPoint(
            day=day,
            now=now,
            promised=sum(item.meeting <= day for item in items),
            closed=sum(
                item.meeting <= day and item.closed_on is not None and item.closed_on <= day for item in items
            ),
        )
        for day, now in points
    )


def _item_view(
    status: ItemStatus, today: dt.date, note_link: Callable[[ActionItem], str], home_repo: str
) -> ItemView:
    item, issue = status.item, status.issue
    closed_on = issue.closed_at.date() if status.closed and issue and issue.closed_at else None
    until = closed_on or today
    if issue is None:
        state, issue_link = NOT_SYNCED, None
    else:
        state = CLOSED if status.closed else OPEN
        name = f"#{issue.number}" if issue.repo == home_repo else f"{issue.repo}#{issue.number}"
        issue_link = _link(name, issue.url)
    where = note_link(item)
    return ItemView(
        id=item.id,
        task=item.task,
        text=item.text,
        owners=tuple(owner.name for owner in item.owners),
        meeting=item.meeting_date,
        due=status.due,
        state=state,
        overdue=status.overdue,
        reported_done=status.reported_done,
        carried_over=status.carried_over,
        age_days=max(0, (until - item.meeting_date).days),
        closed_on=closed_on,
        issue=issue_link,
        note=_link(f"{item.note}:{item.line}", where),
        progress=status.progress,
    )


def display_date(day: dt.date) -> str:
    """ "4 Feb 2026": day first and the month in words, which no reader can misread."""
    return f"{day.day} {day:%b %Y}"


def _link(label: str, url: str) -> Link:
    return Link(label, url if url.startswith(("https://", "http://")) else None)
