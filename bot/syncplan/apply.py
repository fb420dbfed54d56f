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

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import assert_never

from bot.action_item import ActionItem, Progress
from bot.issueindex import issuetext
from bot.issueindex.reading import read_issues
from bot.issueindex.scope import note_scope
from bot.issueindex.workspace import Workspace
from bot.issues import Issue, Label, Tracker, TrackerError
from bot.notes.meeting import Meeting
from bot.syncplan.plan import (
    CloseDuplicate,
    Create,
    EditBlock,
    FlagRemoved,
    ProgressNote,
    RaiseAgain,
    Restore,
    Step,
    SyncPlan,
    Unchanged,
    make_plan,
    meaning,
    subject,
)

LABEL_COLOR = "5319e7"
MEETING_LABEL_COLOR = "c5def5"
DUPLICATE_COMMENT = "Duplicate of #{number}: two syncs opened this action item at the same time."


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


def plan_sync(
    tracker: Tracker,
    items: list[ActionItem],
    meetings: Iterable[Meeting],
    workspace: Workspace,
    progress: Mapping[str, list[Progress]] | None = None,
    ignored: Iterable[str] = (),
) -> SyncPlan:
    existing, route = read_issues(tracker, items, workspace.router)
    plan = make_plan(
        items,
        existing,
        route=route,
        link=workspace.link,
        notes=note_scope(meetings, workspace.root, ignored),
        roster_logins=workspace.roster_logins,
        settings=workspace.settings,
        progress=progress,
    )
    # Assignability is read only when an issue is to be opened for someone, once per repository.
    repos = sorted(
        {s.issue.repo for s in plan.steps if isinstance(s, Create) and any(o.github for o in s.item.owners)}
    )
    return with_assignees(plan, {repo: tracker.assignable(repo) for repo in repos}, workspace.roster_logins)


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
