"""The embedded tracker: issues in a SQLite file, so the bot works with nothing set up.

It behaves like the GitHub tracker where the sync can tell: numbered issues with authors, labels,
states and comments, and every assignee assignable.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.issues import Closure, Comment, Issue, Label, NewIssue, issue_state

LOCAL_LOGIN = "actionbot"

_SCHEMA = """
create table if not exists issues (
    repo text not null, number integer not null, title text not null, body text not null,
    state text not null default 'open', state_reason text, labels text not null default '[]',
    assignees text not null default '[]', author text not null, created_at text not null,
    closed_at text, primary key (repo, number)
);
create table if not exists comments (
    repo text not null, number integer not null, body text not null, author text not null,
    created_at text not null
);
create table if not exists labels (
    repo text not null, name text not null, color text not null, description text not null,
    primary key (repo, name)
);
"""


class LocalTracker:
    def __init__(self, path: Path, now: dt.datetime | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self._db.executescript(_SCHEMA)
        self._now = now

    def login(self) -> str:
        return LOCAL_LOGIN

    def issues(self, repo: str) -> list[Issue]:
        rows = self._db.execute(
            "select * from issues where repo = ? and author = ? order by number", (repo, LOCAL_LOGIN)
        ).fetchall()
        return [self._issue(row) for row in rows]

    def all_issues(self) -> list[Issue]:
        return [self._issue(row) for row in self._db.execute("select * from issues order by repo, number")]

    def labels(self, repo: str) -> set[str]:
        return {row[0] for row in self._db.execute("select name from labels where repo = ?", (repo,))}

    def create_label(self, repo: str, label: Label) -> None:
        self._db.execute(
            "insert or ignore into labels values (?, ?, ?, ?)",
            (repo, label.name, label.color, label.description),
        )

    def labelled(self, repo: str, label: str) -> list[Issue]:
        rows = self._db.execute(
            "select * from issues where repo = ? and state = 'open' order by number", (repo,)
        )
        return [issue for issue in map(self._issue, rows) if label in issue.labels]

    def closure(self, issue: Issue) -> Closure:
        return Closure(by=LOCAL_LOGIN if issue.state == "closed" else None)

    def assignable(self, repo: str) -> set[str]:
        return _EVERYONE  # type: ignore[return-value]  # a set that holds every login

    def create_issue(self, issue: NewIssue) -> Issue:
        with self._transaction():
            (number,) = self._db.execute(
                "select coalesce(max(number), 0) + 1 from issues where repo = ?", (issue.repo,)
            ).fetchone()
            self._db.execute(
                "insert into issues (repo, number, title, body, labels, assignees, author, created_at)"
                " values (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    issue.repo,
                    number,
                    issue.title,
                    issue.body,
                    json.dumps(list(issue.labels)),
                    json.dumps(list(issue.assignees)),
                    LOCAL_LOGIN,
                    self._stamp(),
                ),
            )
        return self._get(issue.repo, number)

    def edit_body(self, issue: Issue, body: str, title: str | None = None) -> Issue:
        self._db.execute(
            "update issues set body = ?, title = coalesce(?, title) where repo = ? and number = ?",
            (body, title, issue.repo, issue.number),
        )
        return self._get(issue.repo, issue.number)

    def close(self, issue: Issue, reason: str) -> Issue:
        self._db.execute(
            "update issues set state = 'closed', state_reason = ?, closed_at = ?"
            " where repo = ? and number = ?",
            (reason, self._stamp(), issue.repo, issue.number),
        )
        return self._get(issue.repo, issue.number)

    def reopen(self, issue: Issue) -> Issue:
        self._db.execute(
            "update issues set state = 'open', state_reason = 'reopened', closed_at = null"
            " where repo = ? and number = ?",
            (issue.repo, issue.number),
        )
        return self._get(issue.repo, issue.number)

    def comments(self, issue: Issue) -> list[Comment]:
        rows = self._db.execute(
            "select body, author from comments where repo = ? and number = ? order by rowid",
            (issue.repo, issue.number),
        )
        return [Comment(body, author) for body, author in rows]

    def comment(self, issue: Issue, body: str) -> None:
        self._db.execute(
            "insert into comments values (?, ?, ?, ?, ?)",
            (issue.repo, issue.number, body, LOCAL_LOGIN, self._stamp()),
        )

    def _get(self, repo: str, number: int) -> Issue:
        row = self._db.execute(
            "select * from issues where repo = ? and number = ?", (repo, number)
        ).fetchone()
        return self._issue(row)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # An immediate transaction, so two processes numbering issues cannot pick the same number.
        self._db.execute("begin immediate")
        try:
            yield
        except BaseException:
            self._db.execute("rollback")
            raise
        self._db.execute("commit")

    def _stamp(self) -> str:
        return (self._now or dt.datetime.now(dt.UTC)).isoformat()

    @staticmethod
    def _issue(row: tuple[object, ...]) -> Issue:
        repo, number, title, body, state, reason, labels, assignees, author, created, closed = row
        return Issue(
            repo=str(repo),
            number=int(str(number)),
            title=str(title),
            body=str(body),
            state=issue_state(str(state)),
            author=str(author),
            url=f"{repo}#{number}",
            state_reason=str(reason) if reason else None,
            labels=tuple(json.loads(str(labels))),
            assignees=tuple(json.loads(str(assignees))),
            closed_at=dt.datetime.fromisoformat(str(closed)) if closed else None,
            created_at=dt.datetime.fromisoformat(str(created)),
        )


class _Everyone(frozenset[str]):
    """Every login is assignable in a local tracker."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERYONE = _Everyone()
