"""The emulator's in-memory GitHub: users, repositories, issues, comments, labels, milestones, commits.

Everything here is plain Python with no HTTP; the WSGI handlers and the tests' direct API both go
through these methods, always while holding ``State.lock``. Semantic validation failures (missing
title, unknown milestone, duplicate label, ...) raise :class:`ApiError` exactly as GitHub would
answer them, so a test acting "as a person" sees the same rules as the bot does over HTTP.
"""

from __future__ import annotations

import base64
import itertools
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Literal

from .errors import ApiError, not_found, validation_failed
from .gitdata import Commit, History, blob_sha, make_commit_sha


class _Unset(Enum):
    UNSET = "UNSET"


UNSET = _Unset.UNSET
"""Marks an argument of an update as "not given" (as opposed to ``None``, which clears a field)."""

IssueState = Literal["open", "closed"]
StateReason = Literal["completed", "not_planned", "duplicate", "reopened"]
STATE_REASONS: tuple[StateReason, ...] = ("completed", "not_planned", "duplicate", "reopened")
DEFAULT_LABEL_COLOR = "ededed"
# GitHub refuses longer issue and comment bodies, and longer titles, with a 422.
MAX_BODY = 65_536
MAX_TITLE = 256
_HEX_COLOR = re.compile(r"[0-9a-fA-F]{6}")


class Clock:
    """The emulator's notion of "now": real UTC time, optionally frozen or shifted; whole seconds."""

    def __init__(self) -> None:
        self._frozen: datetime | None = None
        self._offset = timedelta(0)

    def now(self) -> datetime:
        base = self._frozen if self._frozen is not None else datetime.now(UTC)
        return (base + self._offset).replace(microsecond=0)

    def advance(self, seconds: float) -> None:
        self._offset += timedelta(seconds=seconds)

    def freeze(self, at: datetime | None = None) -> None:
        self._frozen = (at or datetime.now(UTC)).astimezone(UTC)
        self._offset = timedelta(0)

    def unfreeze(self) -> None:
        self._frozen = None


def make_node_id(kind: str, number: int) -> str:
    return f"{kind}_kwDO" + base64.b64encode(number.to_bytes(8, "big")).decode().rstrip("=")


@dataclass(eq=False)
class User:
    login: str
    id: int
    node_id: str
    token: str
    created_at: datetime
    name: str | None = None
    email: str | None = None
    type: str = "User"
    # A GitHub App's installation token acts as "<app>[bot]" but cannot read GET /user (403).
    installation: bool = False


@dataclass(eq=False)
class Label:
    id: int
    node_id: str
    name: str
    color: str
    description: str | None
    default: bool = False


@dataclass(eq=False)
class Milestone:
    id: int
    node_id: str
    number: int
    title: str
    description: str | None
    state: IssueState
    due_on: datetime | None
    creator: User
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None = None


@dataclass(eq=False)
class Comment:
    id: int
    node_id: str
    issue_number: int
    body: str
    user: User
    created_at: datetime
    updated_at: datetime


TimelineKind = Literal["cross-referenced", "closed", "reopened"]


@dataclass(eq=False)
class TimelineEvent:
    """One entry of an issue's timeline. ``source``/``source_repo``: the issue or pull request
    that mentioned this one (cross-referenced only); ``state_reason``: closed/reopened only."""

    id: int
    node_id: str
    event: TimelineKind
    actor: User
    created_at: datetime
    source: Issue | None = None
    source_repo: Repo | None = None
    state_reason: StateReason | None = None


@dataclass(eq=False)
class Issue:
    id: int
    node_id: str
    number: int
    title: str
    body: str | None
    user: User
    created_at: datetime
    updated_at: datetime
    state: IssueState = "open"
    state_reason: StateReason | None = None
    labels: list[Label] = field(default_factory=list)
    assignees: list[User] = field(default_factory=list)
    milestone: Milestone | None = None
    comment_ids: list[int] = field(default_factory=list)
    closed_at: datetime | None = None
    closed_by: User | None = None
    locked: bool = False
    pull_request: bool = False  # a pull request as the issues API shows it (html_url has /pull/)
    merged_at: datetime | None = None
    merge_commit_sha: str | None = None  # the commit a merge made on the base branch
    timeline: list[TimelineEvent] = field(default_factory=list)

    @property
    def comments(self) -> int:
        return len(self.comment_ids)

    def label_names(self) -> list[str]:
        return [label.name for label in self.labels]


def body_of(issue: Issue) -> str:
    """The body of an issue that has one, as every issue the bot writes does (GitHub allows none)."""
    assert issue.body is not None, f"issue #{issue.number} has no body"
    return issue.body


@dataclass(eq=False)
class Repo:
    id: int
    node_id: str
    owner: User
    name: str
    private: bool
    description: str | None
    created_at: datetime
    default_branch: str = "main"
    collaborators: list[User] = field(default_factory=list)
    labels: dict[str, Label] = field(default_factory=dict)  # keyed by lower-cased name
    milestones: dict[int, Milestone] = field(default_factory=dict)
    issues: dict[int, Issue] = field(default_factory=dict)
    comments: dict[int, Comment] = field(default_factory=dict)
    history: History = field(default_factory=History)
    next_number: int = 1

    @property
    def full_name(self) -> str:
        return f"{self.owner.login}/{self.name}"

    def assignable(self) -> list[User]:
        users = [self.owner, *self.collaborators]
        return [u for i, u in enumerate(users) if u not in users[:i]]

    def find_assignable(self, login: str) -> User | None:
        return next((u for u in self.assignable() if u.login.lower() == login.lower()), None)

    def association(self, user: User) -> str:
        if user is self.owner:
            return "OWNER"
        return "COLLABORATOR" if user in self.collaborators else "NONE"

    def issue(self, number: int) -> Issue:
        issue = self.issues.get(number)
        if issue is None:
            raise not_found()
        return issue


@dataclass(frozen=True)
class IssueQuery:
    """The filters of ``GET /repos/{o}/{r}/issues``, already parsed."""

    state: Literal["open", "closed", "all"] = "open"
    labels: tuple[str, ...] = ()
    since: datetime | None = None
    assignee: str | None = None  # a login, "none" or "*"
    creator: str | None = None
    mentioned: str | None = None
    milestone: str | None = None  # a number, "none" or "*"
    sort: Literal["created", "updated", "comments"] = "created"
    direction: Literal["asc", "desc"] = "desc"


LabelSpec = Sequence[str] | Callable[[int], Sequence[str]]


class State:
    def __init__(self, clock: Clock | None = None) -> None:
        self.lock = threading.RLock()
        self.clock = clock or Clock()
        self.users: dict[str, User] = {}  # keyed by lower-cased login
        self.tokens: dict[str, User] = {}
        self.repos: dict[str, Repo] = {}  # keyed by lower-cased full name
        self.repos_by_id: dict[int, Repo] = {}
        self._ids = itertools.count(1_000_001)

    def next_id(self) -> int:
        return next(self._ids)

    # -- users and tokens -------------------------------------------------------------------------

    def add_user(self, login: str, *, token: str | None = None, name: str | None = None) -> User:
        """Create ``login`` (or return it if it exists); ``token`` is added as one of its tokens."""
        user = self.users.get(login.lower())
        if user is None:
            uid = self.next_id()
            user = User(
                login=login,
                id=uid,
                node_id=make_node_id("U", uid),
                token=token or f"ghp_emu_{login}_{uid}",
                created_at=self.clock.now(),
                name=name,
            )
            self.users[login.lower()] = user
            self.tokens[user.token] = user
        if token is not None:
            self.tokens[token] = user
        return user

    def add_app(self, slug: str, token: str | None = None) -> User:
        """A GitHub App's installation: issues it opens are by "<slug>[bot]", a user of type Bot."""
        user = self.add_user(f"{slug}[bot]", token=token)
        user.type, user.installation = "Bot", True
        return user

    def user(self, login: str) -> User:
        user = self.users.get(login.lower())
        if user is None:
            raise not_found()
        return user

    def authenticate(self, token: str) -> User | None:
        return self.tokens.get(token)

    # -- repositories -----------------------------------------------------------------------------

    def add_repo(
        self,
        full_name: str,
        *,
        collaborators: Iterable[str] = (),
        private: bool = False,
        description: str | None = None,
        default_branch: str = "main",
    ) -> Repo:
        owner_login, _, name = full_name.partition("/")
        if not owner_login or not name or "/" in name:
            raise ValueError(f"repository must be 'owner/name', got {full_name!r}")
        if full_name.lower() in self.repos:
            raise ValueError(f"repository {full_name} already exists")
        rid = self.next_id()
        repo = Repo(
            id=rid,
            node_id=make_node_id("R", rid),
            owner=self.add_user(owner_login),
            name=name,
            private=private,
            description=description,
            created_at=self.clock.now(),
            default_branch=default_branch,
            collaborators=[self.add_user(login) for login in collaborators],
        )
        self.repos[full_name.lower()] = repo
        self.repos_by_id[rid] = repo
        return repo

    def repo(self, full_name: str) -> Repo:
        repo = self.repos.get(full_name.lower())
        if repo is None:
            raise not_found()
        return repo

    def repo_by_id(self, rid: int) -> Repo:
        repo = self.repos_by_id.get(rid)
        if repo is None:
            raise not_found()
        return repo

    # -- labels -----------------------------------------------------------------------------------

    def _new_label(self, repo: Repo, name: str, color: str, description: str | None) -> Label:
        lid = self.next_id()
        label = Label(lid, make_node_id("LA", lid), name, color, description)
        repo.labels[name.lower()] = label
        return label

    def create_label(
        self, repo: Repo, name: str, color: str | None = None, description: str | None = None
    ) -> Label:
        name = name.strip()
        if not name:
            raise validation_failed("Label", "name", "missing_field")
        color = (color or DEFAULT_LABEL_COLOR).removeprefix("#")
        if not _HEX_COLOR.fullmatch(color):
            raise validation_failed("Label", "color", "invalid", value=color)
        if name.lower() in repo.labels:
            raise validation_failed("Label", "name", "already_exists")
        return self._new_label(repo, name, color.lower(), description)

    def label(self, repo: Repo, name: str) -> Label:
        label = repo.labels.get(name.lower())
        if label is None:
            raise not_found()
        return label

    def labels_for(self, repo: Repo, names: Iterable[str]) -> list[Label]:
        """The labels called ``names`` (case-insensitive, de-duplicated), creating missing ones."""
        result: list[Label] = []
        for name in names:
            name = name.strip()
            if not name:
                continue
            label = repo.labels.get(name.lower()) or self._new_label(repo, name, DEFAULT_LABEL_COLOR, None)
            if label not in result:
                result.append(label)
        return result

    def add_issue_labels(self, repo: Repo, issue: Issue, names: Iterable[str]) -> list[Label]:
        for label in self.labels_for(repo, names):
            if label not in issue.labels:
                issue.labels.append(label)
        issue.updated_at = self.clock.now()
        return issue.labels

    def set_issue_labels(self, repo: Repo, issue: Issue, names: Iterable[str]) -> list[Label]:
        issue.labels = self.labels_for(repo, names)
        issue.updated_at = self.clock.now()
        return issue.labels

    def remove_issue_label(self, repo: Repo, issue: Issue, name: str) -> list[Label]:
        label = repo.labels.get(name.lower())
        if label is None or label not in issue.labels:
            raise not_found("Label does not exist")
        issue.labels.remove(label)
        issue.updated_at = self.clock.now()
        return issue.labels

    # -- milestones -------------------------------------------------------------------------------

    def create_milestone(
        self,
        repo: Repo,
        actor: User,
        title: str,
        *,
        state: IssueState = "open",
        description: str | None = None,
        due_on: datetime | None = None,
    ) -> Milestone:
        if not title.strip():
            raise validation_failed("Milestone", "title", "missing_field")
        if any(m.title == title for m in repo.milestones.values()):
            raise validation_failed("Milestone", "title", "already_exists")
        if state not in ("open", "closed"):
            raise validation_failed("Milestone", "state", "invalid", value=state)
        mid = self.next_id()
        now = self.clock.now()
        number = len(repo.milestones) + 1
        milestone = Milestone(
            id=mid,
            node_id=make_node_id("MI", mid),
            number=number,
            title=title,
            description=description,
            state=state,
            due_on=due_on,
            creator=actor,
            created_at=now,
            updated_at=now,
            closed_at=now if state == "closed" else None,
        )
        repo.milestones[number] = milestone
        return milestone

    def milestone(self, repo: Repo, number: int) -> Milestone:
        milestone = repo.milestones.get(number)
        if milestone is None:
            raise not_found()
        return milestone

    # -- issues -----------------------------------------------------------------------------------

    def _assignees_for(self, repo: Repo, logins: Iterable[str]) -> list[User]:
        users: list[User] = []
        for login in logins:
            user = repo.find_assignable(login)
            if user is None:
                raise validation_failed("Issue", "assignees", "invalid", value=login)
            if user not in users:
                users.append(user)
        return users

    def _milestone_for(self, repo: Repo, number: int | None) -> Milestone | None:
        if number is None:
            return None
        milestone = repo.milestones.get(number)
        if milestone is None:
            raise validation_failed("Issue", "milestone", "invalid", value=number)
        return milestone

    def create_issue(
        self,
        repo: Repo,
        actor: User,
        title: str | None,
        *,
        body: str | None = None,
        labels: Iterable[str] = (),
        assignees: Iterable[str] = (),
        milestone: int | None = None,
    ) -> Issue:
        if title is None or not str(title).strip():
            raise validation_failed("Issue", "title", "missing_field")
        _check_length("Issue", "title", title, MAX_TITLE)
        _check_length("Issue", "body", body, MAX_BODY)
        users = self._assignees_for(repo, assignees)
        milestone_obj = self._milestone_for(repo, milestone)
        issue = self._new_issue(repo, actor, title, body, self.labels_for(repo, labels), self.clock.now())
        issue.assignees = users
        issue.milestone = milestone_obj
        return issue

    def _new_issue(
        self, repo: Repo, actor: User, title: str, body: str | None, labels: list[Label], now: datetime
    ) -> Issue:
        iid = self.next_id()
        issue = Issue(
            id=iid,
            node_id=make_node_id("I", iid),
            number=repo.next_number,
            title=title,
            body=body,
            user=actor,
            created_at=now,
            updated_at=now,
            labels=labels,
        )
        repo.issues[issue.number] = issue
        repo.next_number += 1
        return issue

    def seed_issues(
        self,
        repo: Repo,
        actor: User,
        count: int,
        *,
        labels: LabelSpec = (),
        title: str = "Seeded issue {i}",
        body: str | None = None,
        state: IssueState = "open",
    ) -> list[Issue]:
        """Create ``count`` issues quickly. ``labels`` is a list for all, or ``f(i) -> names``."""
        now = self.clock.now()
        cache: dict[tuple[str, ...], list[Label]] = {}
        created: list[Issue] = []
        for i in range(count):
            names = tuple(labels(i) if callable(labels) else labels)
            if names not in cache:
                cache[names] = self.labels_for(repo, names)
            issue = self._new_issue(repo, actor, title.format(i=i), body, list(cache[names]), now)
            if state == "closed":
                issue.state, issue.state_reason = "closed", "completed"
                issue.closed_at, issue.closed_by = now, actor
                self._record(issue, "closed", actor, now, state_reason="completed")
            created.append(issue)
        return created

    def update_issue(
        self,
        repo: Repo,
        issue: Issue,
        actor: User,
        *,
        title: str | _Unset | None = UNSET,
        body: str | _Unset | None = UNSET,
        state: str | _Unset = UNSET,
        state_reason: str | _Unset | None = UNSET,
        labels: Iterable[str] | _Unset = UNSET,
        assignees: Iterable[str] | _Unset = UNSET,
        milestone: int | _Unset | None = UNSET,
    ) -> Issue:
        """Apply a ``PATCH /issues/{n}``; everything is validated before anything changes."""
        if title is not UNSET and (title is None or not title.strip()):
            raise validation_failed("Issue", "title", "missing_field")
        if isinstance(title, str):
            _check_length("Issue", "title", title, MAX_TITLE)
        if isinstance(body, str):
            _check_length("Issue", "body", body, MAX_BODY)
        if state is not UNSET and state not in ("open", "closed"):
            raise validation_failed("Issue", "state", "invalid", value=state)
        if state_reason is not UNSET and state_reason is not None and state_reason not in STATE_REASONS:
            raise validation_failed("Issue", "state_reason", "invalid", value=state_reason)
        new_assignees = self._assignees_for(repo, assignees) if assignees is not UNSET else UNSET
        new_milestone = self._milestone_for(repo, milestone) if milestone is not UNSET else UNSET
        new_labels = self.labels_for(repo, labels) if labels is not UNSET else UNSET

        now = self.clock.now()
        if title is not UNSET:
            assert title is not None
            issue.title = title
        if body is not UNSET:
            issue.body = body
        if new_labels is not UNSET:
            issue.labels = new_labels
        if new_assignees is not UNSET:
            issue.assignees = new_assignees
        if new_milestone is not UNSET:
            issue.milestone = new_milestone
        if state == "closed" and issue.state == "open":
            issue.state = "closed"
            issue.state_reason = _reason(state_reason, default="completed")
            issue.closed_at, issue.closed_by = now, actor
            self._record(issue, "closed", actor, now, state_reason=issue.state_reason)
        elif state == "open" and issue.state == "closed":
            issue.state, issue.state_reason = "open", "reopened"
            issue.closed_at = None
            self._record(issue, "reopened", actor, now, state_reason="reopened")
        elif state_reason is not UNSET and issue.state == "closed":
            issue.state_reason = _reason(state_reason, default="completed")
        issue.updated_at = now
        return issue

    def create_pull_request(
        self,
        repo: Repo,
        actor: User,
        title: str,
        *,
        body: str | None = None,
        merged: bool = False,
    ) -> Issue:
        """A pull request as the issues API knows it: an issue with a ``pull_request`` object.
        ``merged`` closes it as merged now. There are no branches or /pulls endpoints."""
        pull = self.create_issue(repo, actor, title, body=body)
        pull.pull_request = True
        if merged:
            now = self.clock.now()
            pull.state, pull.merged_at = "closed", now
            pull.closed_at, pull.closed_by = now, actor
            self._record(pull, "closed", actor, now)
        return pull

    def merge_pull_request(self, repo: Repo, pull: Issue, actor: User, commit_sha: str) -> Issue:
        """Merge an open pull request: closed, merged now, by the commit ``commit_sha`` of the base."""
        if not pull.pull_request or pull.state != "open":
            raise validation_failed("PullRequest", "state", "invalid", message="not an open pull request")
        now = self.clock.now()
        pull.state, pull.merged_at, pull.merge_commit_sha = "closed", now, commit_sha
        pull.closed_at, pull.closed_by = now, actor
        self._record(pull, "closed", actor, now)
        return pull

    def pulls_of_commit(self, repo: Repo, sha: str) -> list[Issue]:
        """The pull requests whose merge made ``sha`` (the emulator keeps no branches for a pull
        request, so an open one whose head holds the commit is not found, as GitHub would)."""
        return [i for i in repo.issues.values() if i.pull_request and i.merge_commit_sha == sha]

    def put_file(
        self, repo: Repo, path: str, data: bytes, *, message: str, sha: str | None, branch: str | None
    ) -> Commit:
        """``PUT /contents/{path}``: a commit on ``branch`` (default branch) with the file written.
        Replacing a file takes its blob sha, as GitHub asks, so two writers cannot both win."""
        head = repo.history.resolve(branch or repo.default_branch)
        if head is None and branch is not None and repo.history.order:
            raise not_found(f"Branch {branch} not found")
        files = dict(head.files) if head is not None else {}
        if path in files and sha is None:
            raise validation_failed("File", "sha", "missing_field", message='"sha" wasn\'t supplied.')
        if path in files and sha != blob_sha(files[path]):
            raise ApiError(409, f"{path} does not match {sha}")
        files[path] = data
        return self.add_commit(repo, files, message=message, branch=branch)

    def transfer_issue(self, repo: Repo, issue: Issue, target: Repo) -> Issue:
        """Move an issue to ``target``, as a person's "Transfer issue" does: it takes the next number
        there, keeps its author, comments and the labels ``target`` also has, and leaves ``repo``'s
        listings. Its milestone stays behind; assignees who cannot be assigned in ``target`` too."""
        if issue.pull_request:
            raise validation_failed("Issue", "repository", "invalid", message="pull requests cannot move")
        del repo.issues[issue.number]
        comments = [repo.comments.pop(cid) for cid in issue.comment_ids]
        issue.number = target.next_number
        target.next_number += 1
        issue.labels = [
            target.labels[label.name.lower()] for label in issue.labels if label.name.lower() in target.labels
        ]
        issue.assignees = [user for user in issue.assignees if target.find_assignable(user.login)]
        issue.milestone = None
        for comment in comments:
            comment.issue_number = issue.number
            target.comments[comment.id] = comment
        target.issues[issue.number] = issue
        return issue

    def cross_reference(self, target: Issue, source_repo: Repo, source: Issue, actor: User) -> TimelineEvent:
        """``source`` (an issue or pull request of ``source_repo``) mentions ``target``."""
        return self._record(target, "cross-referenced", actor, self.clock.now(), source, source_repo)

    def _record(
        self,
        issue: Issue,
        event: TimelineKind,
        actor: User,
        now: datetime,
        source: Issue | None = None,
        source_repo: Repo | None = None,
        *,
        state_reason: StateReason | None = None,
    ) -> TimelineEvent:
        eid = self.next_id()
        entry = TimelineEvent(
            eid, make_node_id("E", eid), event, actor, now, source, source_repo, state_reason
        )
        issue.timeline.append(entry)
        return entry

    def list_issues(self, repo: Repo, query: IssueQuery) -> list[Issue]:
        wanted = {name.lower() for name in query.labels}
        result = [issue for issue in repo.issues.values() if _matches(issue, query, wanted)]
        sort_key: Callable[[Issue], tuple[object, ...]] = {
            "created": lambda i: (i.created_at, i.number),
            "updated": lambda i: (i.updated_at, i.number),
            "comments": lambda i: (i.comments, i.number),
        }[query.sort]
        result.sort(key=sort_key, reverse=query.direction == "desc")
        return result

    # -- comments ---------------------------------------------------------------------------------

    def create_comment(self, repo: Repo, issue: Issue, actor: User, body: str | None) -> Comment:
        if body is None or not body.strip():
            raise validation_failed("IssueComment", "body", "missing_field")
        _check_length("IssueComment", "body", body, MAX_BODY)
        cid = self.next_id()
        now = self.clock.now()
        comment = Comment(cid, make_node_id("IC", cid), issue.number, body, actor, now, now)
        repo.comments[cid] = comment
        issue.comment_ids.append(cid)
        issue.updated_at = now
        return comment

    def comment(self, repo: Repo, comment_id: int) -> Comment:
        comment = repo.comments.get(comment_id)
        if comment is None:
            raise not_found()
        return comment

    def update_comment(self, repo: Repo, comment: Comment, body: str | None) -> Comment:
        if body is None or not body.strip():
            raise validation_failed("IssueComment", "body", "missing_field")
        comment.body = body
        comment.updated_at = self.clock.now()
        return comment

    def list_comments(
        self,
        repo: Repo,
        issue: Issue | None = None,
        *,
        since: datetime | None = None,
        sort: Literal["created", "updated"] = "created",
        direction: Literal["asc", "desc"] = "asc",
    ) -> list[Comment]:
        if issue is not None:
            comments = [repo.comments[cid] for cid in issue.comment_ids]
        else:
            comments = list(repo.comments.values())
        if since is not None:
            comments = [c for c in comments if c.updated_at >= since]
        if sort == "updated":
            comments.sort(key=lambda c: (c.updated_at, c.id))
        if direction == "desc":
            comments.reverse()
        return comments

    # -- commits ----------------------------------------------------------------------------------

    def add_commit(
        self,
        repo: Repo,
        files: Mapping[str, bytes | str],
        *,
        sha: str | None = None,
        message: str = "Update",
        branch: str | None = None,
    ) -> Commit:
        """Append a commit (a full snapshot of the tree) and move ``branch`` (default branch) to it."""
        history = repo.history
        snapshot = {path.strip("/"): _as_bytes(data) for path, data in files.items()}
        parent = history.order[-1] if history.order else None
        sha = sha or make_commit_sha(snapshot, message, parent)
        if sha in history.commits:
            raise ValueError(f"commit {sha} already exists")
        commit = Commit(sha, snapshot, message, self.clock.now(), parent=parent)
        history.commits[sha] = commit
        history.order.append(sha)
        history.branches[branch or repo.default_branch] = sha
        return commit


def _as_bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _check_length(resource: str, field: str, text: str | None, limit: int) -> None:
    if text is not None and len(text) > limit:
        message = f"{field} is too long (maximum is {limit} characters)"
        raise validation_failed(resource, field, "custom", message=message)


def _reason(value: str | _Unset | None, *, default: StateReason) -> StateReason:
    if value is UNSET or value is None:
        return default
    assert value in STATE_REASONS
    return value


def _matches(issue: Issue, query: IssueQuery, wanted_labels: set[str]) -> bool:
    if query.state != "all" and issue.state != query.state:
        return False
    if wanted_labels and not wanted_labels <= {label.name.lower() for label in issue.labels}:
        return False
    if query.since is not None and issue.updated_at < query.since:
        return False
    if query.creator is not None and issue.user.login.lower() != query.creator.lower():
        return False
    if query.assignee is not None:
        logins = {user.login.lower() for user in issue.assignees}
        if query.assignee == "none":
            if logins:
                return False
        elif query.assignee == "*":
            if not logins:
                return False
        elif query.assignee.lower() not in logins:
            return False
    if query.milestone is not None:
        number = issue.milestone.number if issue.milestone else None
        if query.milestone == "none":
            if number is not None:
                return False
        elif query.milestone == "*":
            if number is None:
                return False
        elif str(number) != query.milestone:
            return False
    return query.mentioned is None or f"@{query.mentioned.lower()}" in (issue.body or "").lower()
