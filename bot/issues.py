"""Issues as the bot sees them, and what it needs from an issue tracker (the `Tracker` protocol).

These are plain values and a protocol, so the core (sync planning, follow-up) works with issues
without importing any tracker; only the adapters in `bot.trackers` talk to one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Protocol

# What a tracker says of an issue, as the bot reads it; GitHub knows no other states.
IssueState = Literal["open", "closed"]
_STATES: dict[str, IssueState] = {"open": "open", "closed": "closed"}


class TrackerError(Exception):
    """A tracker request failed; the message is one line, safe to show (it never holds the token)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status, when the tracker answered at all

    @property
    def no_such_repository(self) -> bool:
        return self.status in (403, 404, 410)

    @property
    def refused(self) -> bool:
        """The tracker will not take this write as it is (GitHub's 422 Validation Failed)."""
        return self.status == 422


# An issue's repository and number: what names it, however many times it is read.
Key = tuple[str, int]


@dataclass(frozen=True)
class Issue:
    repo: str
    number: int
    title: str
    body: str
    state: IssueState
    author: str
    url: str = ""
    state_reason: str | None = None
    labels: tuple[str, ...] = ()
    assignees: tuple[str, ...] = ()
    closed_at: dt.datetime | None = None
    closed_by: str | None = None
    created_at: dt.datetime | None = None

    @property
    def key(self) -> Key:
        """What names the issue in every repository the bot reads: its repository and number."""
        return (self.repo, self.number)


def issue_state(text: str) -> IssueState:
    """The state a tracker reports, checked: an issue in a state the bot cannot tell open or closed
    is not one it should write to."""
    if text not in _STATES:
        raise TrackerError(f"the tracker reports an issue state the bot does not know: {text!r}")
    return _STATES[text]


@dataclass(frozen=True)
class Label:
    name: str
    color: str
    description: str = ""


@dataclass(frozen=True)
class NewIssue:
    repo: str
    title: str
    body: str
    labels: tuple[str, ...] = ()
    assignees: tuple[str, ...] = ()


@dataclass(frozen=True)
class Closure:
    """Who closed an issue, and the pull request that did, where the tracker says."""

    by: str | None = None
    pull_request: str | None = None


@dataclass(frozen=True)
class Comment:
    body: str
    author: str
    id: int | None = None  # where the tracker has ids for comments, to edit one in place


class Tracker(Protocol):
    def login(self) -> str:
        """The login the tracker writes as: markers are trusted only in its issues."""

    def issues(self, repo: str) -> list[Issue]:
        """Every issue (open and closed) the bot has opened in `repo`, in one listing."""

    def labels(self, repo: str) -> set[str]: ...

    def labelled(self, repo: str, label: str) -> list[Issue]:
        """Open issues carrying `label`, whoever opened them."""

    def closure(self, issue: Issue) -> Closure: ...

    def create_label(self, repo: str, label: Label) -> None: ...

    def assignable(self, repo: str) -> set[str]:
        """Logins that can be assigned in `repo`, lower-cased."""

    def create_issue(self, issue: NewIssue) -> Issue: ...

    def edit_body(self, issue: Issue, body: str, title: str | None = None) -> Issue:
        """Write the body (and the title, when given) in one request."""

    def close(self, issue: Issue, reason: str) -> Issue: ...

    def reopen(self, issue: Issue) -> Issue: ...

    def comments(self, issue: Issue) -> list[Comment]: ...

    def comment(self, issue: Issue, body: str) -> None: ...
