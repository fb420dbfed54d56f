"""The GitHub tracker: PyGithub over GitHub's REST API (or GitHub Enterprise, or the test emulator).

Economy: the bot's issues are read with one listing per repository (state=all, creator=the bot,
100 a page), and only fields the listing carries are touched, since PyGithub fetches an issue
again for any field its list payload lacks.

Retries: PyGithub's GithubRetry honours retry-after and the secondary rate limit, for every method.
A 5xx or a broken connection after a POST or PATCH is another matter: GitHub may have done the
write, so retrying it could open the same issue twice. Those fail the run instead; the next run
finds what was written through its marker.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import requests
import urllib3
from github import Auth, Github, GithubException, GithubRetry
from github.Issue import Issue as GithubIssue
from github.Repository import Repository

from bot.issues import Closure, Comment, Issue, Label, NewIssue, TrackerError, issue_state

T = TypeVar("T")
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
ACTIONS_BOT = "github-actions[bot]"
UNKNOWN_LOGIN = (
    "cannot tell which login the bot writes as, so not which issues are its own: asking GitHub "
    "(GET /user) failed: {error}. Set tracker.login to the login this token writes as (a GitHub "
    "App's token writes as 'its-name[bot]')"
)


class WriteSafeRetry(GithubRetry):
    """GithubRetry, except that a write is never repeated after the server may have done it."""

    def __init__(self, **kwargs: Any) -> None:
        # GithubRetry leaves PATCH out (urllib3's defaults plus GET and POST), so an edit or a close
        # that met a secondary rate limit would fail the run instead of waiting as told.
        kwargs.setdefault("allowed_methods", _IDEMPOTENT | {"TRACE", "POST", "PATCH"})
        super().__init__(**kwargs)

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        if status_code >= 500 and method.upper() not in _IDEMPOTENT:
            return False
        return bool(super().is_retry(method, status_code, has_retry_after))

    def increment(  # type: ignore[override]
        self,
        method: str | None = None,
        url: str | None = None,
        response: Any = None,
        error: Exception | None = None,
        _pool: Any = None,
        _stacktrace: Any = None,
    ) -> urllib3.util.Retry:
        if error is not None and method and method.upper() not in _IDEMPOTENT and self._is_read_error(error):
            raise error
        return super().increment(method, url, response, error, _pool, _stacktrace)


class GitHubTracker:
    def __init__(
        self,
        token: str,
        api_url: str = "https://api.github.com",
        timeout: float = 15.0,
        seconds_between_writes: float | None = 1.0,
        login: str | None = None,
        retries: int = 5,
        token_login: str | None = None,
    ) -> None:
        """`login`: who the token writes as, from the config; `token_login`: who the token is known
        to write as without asking (the Actions job's own token), used when GitHub will not say."""
        self._token = token
        self._github = Github(
            auth=Auth.Token(token),
            base_url=api_url.rstrip("/"),
            timeout=max(1, round(timeout)),
            per_page=100,
            retry=WriteSafeRetry(total=retries, backoff_factor=0.5),
            seconds_between_requests=None,
            seconds_between_writes=seconds_between_writes,
            lazy=True,
        )
        self._login = login
        self._token_login = token_login

    # -- reading --------------------------------------------------------------------------------

    def login(self) -> str:
        """Who the bot is: the configured login, else what GitHub says, else the known identity of
        the job's own token. Never a guess: a wrong login reads none of the bot's issues and opens
        every item again."""
        if self._login is None:
            try:
                self._login = self._call(lambda: self._github.get_user().login)
            except TrackerError as error:
                if self._token_login is None:
                    raise TrackerError(UNKNOWN_LOGIN.format(error=error), error.status) from None
                self._login = self._token_login
        return self._login

    def issues(self, repo: str) -> list[Issue]:
        login = self.login()

        def listing() -> list[Issue]:
            found = []
            listing = self._repo(repo).get_issues(
                state="all",
                creator=login,  # type: ignore[arg-type]  # PyGithub accepts a login; its stub says NamedUser
                sort="created",
                direction="asc",
            )
            for issue in listing:
                if "/pull/" in issue.html_url:
                    continue
                found.append(self._value(repo, issue))
            return found

        return self._call(listing)

    def labels(self, repo: str) -> set[str]:
        return self._call(lambda: {label.name for label in self._repo(repo).get_labels()})

    def labelled(self, repo: str, label: str) -> list[Issue]:
        def listing() -> list[Issue]:
            found = self._repo(repo).get_issues(state="open", labels=[label])
            return [self._value(repo, issue) for issue in found if "/pull/" not in issue.html_url]

        return self._call(listing)

    def closure(self, issue: Issue) -> Closure:
        """Who closed it (one read of the issue) and the pull request that did (its timeline), for
        the few closed issues a report shows. A tracker without timelines gives no pull request."""
        if issue.state != "closed":
            return Closure()
        native = self._call(lambda: self._repo(issue.repo).get_issue(issue.number))
        by = native.closed_by.login if native.closed_by else None
        try:
            pull_request = self._call(lambda: _closing_pull_request(native))
        except TrackerError:
            pull_request = None
        return Closure(by=by, pull_request=pull_request)

    def assignable(self, repo: str) -> set[str]:
        return self._call(lambda: {user.login.lower() for user in self._repo(repo).get_assignees()})

    def comments(self, issue: Issue) -> list[Comment]:
        native = self._native(issue)
        return self._call(lambda: [Comment(c.body or "", c.user.login) for c in native.get_comments()])

    # -- writing --------------------------------------------------------------------------------

    def create_label(self, repo: str, label: Label) -> None:
        try:
            self._call(lambda: self._repo(repo).create_label(label.name, label.color, label.description))
        except TrackerError as error:
            if "already_exists" not in str(error):
                raise

    def create_issue(self, issue: NewIssue) -> Issue:
        def create() -> GithubIssue:
            return self._repo(issue.repo).create_issue(
                title=issue.title, body=issue.body, labels=list(issue.labels), assignees=list(issue.assignees)
            )

        native = self._call(create)
        return self._value(issue.repo, native)

    def edit_body(self, issue: Issue, body: str, title: str | None = None) -> Issue:
        native = self._native(issue)
        if title is None:
            self._call(lambda: native.edit(body=body))
        else:
            self._call(lambda: native.edit(body=body, title=title))
        return self._value(issue.repo, native)

    def close(self, issue: Issue, reason: str) -> Issue:
        native = self._native(issue)
        self._call(lambda: native.edit(state="closed", state_reason=reason))
        return self._value(issue.repo, native)

    def reopen(self, issue: Issue) -> Issue:
        native = self._native(issue)
        self._call(lambda: native.edit(state="open", state_reason="reopened"))
        return self._value(issue.repo, native)

    def comment(self, issue: Issue, body: str) -> None:
        native = self._native(issue)
        self._call(lambda: native.create_comment(body))

    # -- a pull request's review comment, and the corrections file -------------------------------

    def pull_request_comments(self, repo: str, number: int) -> list[Comment]:
        """A pull request's conversation (its comments are an issue's, on the same number)."""

        def listing() -> list[Comment]:
            found = self._repo(repo).get_issue(number).get_comments()
            return [Comment(c.body or "", c.user.login, c.id) for c in found]

        return self._call(listing)

    def post_comment(self, repo: str, number: int, body: str) -> None:
        self._call(lambda: self._repo(repo).get_issue(number).create_comment(body))

    def edit_comment(self, repo: str, number: int, comment_id: int, body: str) -> None:
        self._call(lambda: self._repo(repo).get_issue(number).get_comment(comment_id).edit(body))

    def merged_pull_requests(self, repo: str, sha: str) -> list[int]:
        """The pull requests whose merge made the commit `sha`."""
        pulls = self._call(lambda: list(self._repo(repo).get_commit(sha).get_pulls()))
        return sorted(p.number for p in pulls if p.merged_at is not None and p.merge_commit_sha == sha)

    def write_file(self, repo: str, path: str, text: str, message: str, branch: str) -> None:
        """Commit `text` as the file at `path` on `branch`: the bot's own commit, through the API,
        so the job needs no push credentials in its checkout."""
        target = self._repo(repo)
        try:
            current = self._call(lambda: target.get_contents(path, ref=branch))
        except TrackerError as error:
            if error.status != 404:
                raise
            self._call(lambda: target.create_file(path, message, text, branch=branch))
            return
        assert not isinstance(current, list), f"{path} is a directory"
        self._call(lambda: target.update_file(path, message, text, current.sha, branch=branch))

    def closed_by(self, issue: Issue) -> str | None:
        """Who closed the issue (one read: the listing does not say)."""
        native = self._call(lambda: self._repo(issue.repo).get_issue(issue.number))
        return native.closed_by.login if native.closed_by else None

    # -- plumbing -------------------------------------------------------------------------------

    def _repo(self, name: str) -> Repository:
        return self._github.get_repo(name)

    def _native(self, issue: Issue) -> GithubIssue:
        # With lazy=True this costs no request: the write that follows is the first one. Keeping
        # the listing's objects instead would hold every issue's payload for the whole run.
        return self._repo(issue.repo).get_issue(issue.number)

    @staticmethod
    def _value(repo: str, issue: GithubIssue) -> Issue:
        return Issue(
            repo=repo,
            number=issue.number,
            title=issue.title,
            body=issue.body or "",
            state=issue_state(issue.state),
            author=issue.user.login,
            url=issue.html_url,
            state_reason=issue.state_reason,
            labels=tuple(label.name for label in issue.labels),
            assignees=tuple(user.login for user in issue.assignees),
            closed_at=issue.closed_at,
            created_at=issue.created_at,
        )

    def _call(self, work: Callable[[], T]) -> T:
        with self._errors():
            return work()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except GithubException as error:
            message = self._scrub(f"GitHub answered {error.status}: {_message(error)}")
            raise TrackerError(message, status=error.status) from None
        except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
            raise TrackerError(
                self._scrub(f"GitHub could not be reached: {type(error).__name__}: {error}")
            ) from None

    def _scrub(self, text: str) -> str:
        """`text` without the token in any form a message could show it: as it is, as repr() or
        JSON escape it, or without the whitespace around it."""
        forms = {self._token, self._token.strip(), repr(self._token)[1:-1], json.dumps(self._token)[1:-1]}
        for form in sorted((f for f in forms if f), key=len, reverse=True):
            text = text.replace(form, "***")
        return text


def _closing_pull_request(issue: GithubIssue) -> str | None:
    """The merged pull request that references the issue, else the first that does: a pull request
    that only mentions an issue is a link, not what closed it."""
    linked: list[tuple[bool, str]] = []
    for event in issue.get_timeline():
        if event.event != "cross-referenced":
            continue
        source = (event.raw_data or {}).get("source") or {}
        target = source.get("issue") or {}
        pull_request = target.get("pull_request")
        if pull_request:
            linked.append((bool(pull_request.get("merged_at")), str(target.get("html_url") or "")))
    merged = [url for was_merged, url in linked if was_merged]
    candidates = merged or [url for _, url in linked]
    return candidates[0] if candidates else None


def _message(error: GithubException) -> str:
    data = error.data if isinstance(error.data, dict) else {}
    message = str(data.get("message") or error.message or "error")
    details = [
        ": ".join(str(e[key]) for key in ("code", "message") if e.get(key)) or str(e)
        for e in data.get("errors", [])
        if isinstance(e, dict)
    ]
    return message + (f" ({', '.join(details)})" if details else "")
