"""Sync: read the tracker once, plan, apply the plan step by step.

A failed request stops the run with one message; everything written before it is found again by its
marker on the next run, so rerunning finishes the job without writing anything twice, nor leaving
anything undone. So a marker records a fact only after the writes it stands for: an issue opened
with later mentions folded in is opened without them, each recorded after its comment, and an issue
is closed before the fact that closes it is recorded. Comments are checked against the issue's
comments before posting when the issue's marker does not yet record them (the one case where a run
can stop between two writes of the same fact), and so is the comment on a twin before closing it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import assert_never

from bot.action_item import ActionItem, Progress
from bot.issues import Issue, Label, Tracker, TrackerError
from bot.notes.meeting import Meeting
from bot.notes.naming import note_key
from bot.syncplan import issuetext
from bot.syncplan.matching import NoteScope
from bot.syncplan.plan import (
    CloseDuplicate,
    Create,
    EditBlock,
    FlagRemoved,
    PlanSettings,
    ProgressNote,
    RaiseAgain,
    Restore,
    Step,
    SyncPlan,
    Unchanged,
    make_plan,
    meaning,
    subject,
    with_assignees,
)
from bot.syncplan.routing import Router

LABEL_COLOR = "5319e7"
MEETING_LABEL_COLOR = "c5def5"
DUPLICATE_COMMENT = "Duplicate of #{number}: two syncs opened this action item at the same time."
UNREADABLE_ROUTE = (
    "tracker.routes.{index} (section '{section}') sends items to {repo}, which the token cannot read "
    "({error}): fix the route or give the token access; nothing was written"
)


@dataclass
class SyncResult:
    plan: SyncPlan
    done: list[Step] = field(default_factory=list)
    issues: dict[str, Issue] = field(default_factory=dict)  # item id -> its issue after the run
    error: str | None = None
    refused: list[str] = field(default_factory=list)  # changes GitHub refused, and why

    @property
    def created(self) -> int:
        return sum(isinstance(s, Create) for s in self.done)

    @property
    def updated(self) -> int:
        return sum(
            isinstance(s, EditBlock | Restore | RaiseAgain | ProgressNote | FlagRemoved | CloseDuplicate)
            for s in self.done
        )


@dataclass(frozen=True)
class SyncContext:
    router: Router
    link: Callable[[ActionItem], str]
    roster_logins: frozenset[str]
    settings: PlanSettings
    root: Path


def repositories(items: Iterable[ActionItem], context: SyncContext) -> list[str]:
    """The repositories to read: every one the config writes to, whether or not an item routes
    there today (an issue people moved there is still the bot's), and those the notes name."""
    configured = {context.router.default, *(route.repo for route in context.router.routes)}
    return sorted({context.router.repo_for(item) for item in items} | configured)


def bot_issues(
    tracker: Tracker, repos: Iterable[str], router: Router
) -> tuple[dict[str, list[Issue]], set[str]]:
    """The issues the bot opened, per repository: only these carry markers it trusts. A repository
    only a note names that the token cannot see (or that does not exist) is no reason to stop: it is
    returned among the unavailable ones, and its items go to the default repository. One the config
    routes items to is: its items would land somewhere nobody decided."""
    login = tracker.login()
    routed = {route.repo: (index, route.section.pattern) for index, route in enumerate(router.routes)}
    existing: dict[str, list[Issue]] = {}
    unavailable: set[str] = set()
    for repo in repos:
        try:
            existing[repo] = [i for i in tracker.issues(repo) if i.author == login]
        except TrackerError as error:
            if repo == router.default or not error.no_such_repository:
                raise
            if repo in routed:
                index, section = routed[repo]
                message = UNREADABLE_ROUTE.format(index=index, section=section, repo=repo, error=error)
                raise TrackerError(message, error.status) from None
            unavailable.add(repo)
    return existing, unavailable


def read_issues(
    tracker: Tracker, items: Iterable[ActionItem], context: SyncContext
) -> tuple[dict[str, list[Issue]], Callable[[ActionItem], str]]:
    """The bot's issues in every repository the run may write to, and where each item goes."""
    items = list(items)
    existing, unavailable = bot_issues(tracker, repositories(items, context), context.router)

    def route(item: ActionItem) -> str:
        repo = context.router.repo_for(item)
        return context.router.default if repo in unavailable else repo

    return existing, route


def note_scope(meetings: Iterable[Meeting], root: Path, ignored: Iterable[str] = ()) -> NoteScope:
    """The notes read in this run, named as items name them; a marker's note is named the same way
    whether an earlier version kept it as a relative or an absolute path."""
    return NoteScope(
        read=frozenset(m.path for m in meetings),
        key=lambda note: note_key(note, root),
        gone=lambda note: not (root / note).exists(),
        ignored=frozenset(ignored),
    )


def plan_sync(
    tracker: Tracker,
    items: list[ActionItem],
    meetings: Iterable[Meeting],
    context: SyncContext,
    progress: Mapping[str, list[Progress]] | None = None,
    ignored: Iterable[str] = (),
) -> SyncPlan:
    existing, route = read_issues(tracker, items, context)
    plan = make_plan(
        items,
        existing,
        route=route,
        link=context.link,
        notes=note_scope(meetings, context.root, ignored),
        roster_logins=context.roster_logins,
        settings=context.settings,
        progress=progress,
    )
    # Assignability is read only when an issue is to be opened for someone, once per repository.
    repos = sorted(
        {s.issue.repo for s in plan.steps if isinstance(s, Create) and any(o.github for o in s.item.owners)}
    )
    return with_assignees(plan, {repo: tracker.assignable(repo) for repo in repos}, context.roster_logins)


def apply_plan(tracker: Tracker, plan: SyncPlan, on_step: Callable[[Step], None] | None = None) -> SyncResult:
    """Apply the plan's steps in order. A change GitHub refuses (a 422: it will refuse it again,
    whatever the bot waits for) is reported and the others go on; any other failure stops the run."""
    result = SyncResult(plan)
    total = plan.changes
    try:
        _ensure_labels(tracker, plan)
        for step in plan.steps:
            try:
                _apply(tracker, step, result)
            except TrackerError as error:
                if not error.refused:
                    raise
                result.refused.append(f"{subject(step)}: {error}")
                continue
            result.done.append(step)
            if on_step is not None:
                on_step(step)
    except TrackerError as error:
        done = sum(meaning(s).changes for s in result.done)
        result.error = (
            f"sync stopped after {done} of {total} changes: {error}. "
            "Run it again to finish: what was written is found again, nothing is written twice."
        )
    if result.refused and result.error is None:
        result.error = (
            f"GitHub refused {len(result.refused)} of {total} changes, the others are done: "
            + "; ".join(result.refused)
        )
    return result


def _ensure_labels(tracker: Tracker, plan: SyncPlan) -> None:
    for repo, needed in sorted(plan.labels_needed.items()):
        missing = sorted(needed - tracker.labels(repo))
        for name in missing:
            color = LABEL_COLOR if ":" not in name else MEETING_LABEL_COLOR
            tracker.create_label(repo, Label(name, color, "Opened by actionbot from meeting notes"))


def _apply(tracker: Tracker, step: Step, result: SyncResult) -> None:
    match step:
        case Unchanged():
            result.issues[step.item.id] = step.issue
        case Create():
            created = tracker.create_issue(step.issue)
            result.issues[step.item.id] = created
            for later in step.follow_ups:
                result.issues[later.id] = created
        case EditBlock():
            result.issues[step.item.id] = tracker.edit_body(step.issue, step.body, step.title)
        case Restore():
            _comment_once(tracker, step.issue, step.comment, step.fact)
            if step.reopen:  # before the fact is recorded: once it is, no later run would reopen it
                tracker.reopen(step.issue)
            result.issues[step.item.id] = tracker.edit_body(step.issue, step.body, step.title)
        case RaiseAgain():
            _comment_once(tracker, step.issue, step.comment, step.fact)
            result.issues[step.item.id] = tracker.edit_body(step.issue, step.body)
        case ProgressNote():
            _comment_once(tracker, step.issue, step.comment, step.fact)
            if step.close:  # before the fact is recorded: once it is, no later run would close it
                tracker.close(step.issue, "completed")
            tracker.edit_body(step.issue, step.body)
        case FlagRemoved():
            _comment_once(tracker, step.issue, step.comment, step.fact)
            if step.close:  # likewise
                tracker.close(step.issue, "not_planned")
            tracker.edit_body(step.issue, step.body)
        case CloseDuplicate():
            # Checked first: a run stopped before the close comments again otherwise.
            text = DUPLICATE_COMMENT.format(number=step.original.number)
            login = tracker.login()
            if not any(c.author == login and c.body.strip() == text for c in tracker.comments(step.issue)):
                tracker.comment(step.issue, text)
            tracker.close(step.issue, "not_planned")
        case _:
            assert_never(step)


def _comment_once(tracker: Tracker, issue: Issue, body: str, fact: str) -> None:
    login = tracker.login()
    if any(c.author == login and issuetext.has_fact(c.body, fact) for c in tracker.comments(issue)):
        return
    tracker.comment(issue, body)


def roster_logins(logins: Iterable[str | None]) -> frozenset[str]:
    return frozenset(login.lower() for login in logins if login)
