"""``GitHubEmulator``: the public face of the emulator (server lifecycle, direct state API, log,
faults, schema-failure reporting)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from . import schemas
from .faults import FaultKind, FaultPlan, FaultRule, When
from .requestlog import LoggedRequest, RequestLog
from .schemas import SchemaFailure
from .server import ServerThread
from .state import (
    UNSET,
    Comment,
    Issue,
    IssueState,
    Label,
    LabelSpec,
    Milestone,
    Repo,
    State,
    TimelineEvent,
    User,
)
from .wsgi import EmulatorApp, RateLimiter

if TYPE_CHECKING:
    import github

DEFAULT_LOGIN = "actionbot"
DEFAULT_TOKEN = "ghp_EmulatorActionbotToken0000000000000"  # not a real token; only the emulator knows it

RepoRef = str | Repo


class GitHubEmulator:
    """A stateful GitHub REST API on http://127.0.0.1:<free port>, for PyGithub's real HTTP stack.

    ``token``/``login``: the default (bot) identity. ``tokens``: more ``{token: login}`` pairs.
    Everything created over HTTP is attributed to the login its token belongs to.
    """

    def __init__(
        self,
        *,
        login: str = DEFAULT_LOGIN,
        token: str = DEFAULT_TOKEN,
        tokens: Mapping[str, str] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        html_url: str = "https://github.com",
        rate_limit: int = 5000,
        validate: bool = True,
    ) -> None:
        self.state = State()
        self.clock = self.state.clock
        self.login = login
        self.token = token
        self._log = RequestLog()
        self._faults = FaultPlan()
        self._stop = threading.Event()
        self._host = host
        self._validate = validate
        self.rate_limiter = RateLimiter(self.state, rate_limit)
        self.app = EmulatorApp(
            self.state,
            log=self._log,
            faults=self._faults,
            rate_limiter=self.rate_limiter,
            html_url=html_url.rstrip("/"),
            stop_event=self._stop,
            validate=validate,
        )
        self._server = ServerThread(self.app, host, port)
        with self.state.lock:
            self.state.add_user(login, token=token)
            for extra_token, extra_login in (tokens or {}).items():
                self.state.add_user(extra_login, token=extra_token)

    # -- lifecycle --------------------------------------------------------------------------------

    def start(self) -> Self:
        if self._validate:
            schemas.warm_up()
        self._stop.clear()
        self._server.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes "slow" faults that are still sleeping
        self._server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def url(self) -> str:
        """The base URL to give PyGithub: ``Github(base_url=emu.url, ...)``."""
        return f"http://{self._host}:{self.port}"

    def github(
        self,
        token: str | None = None,
        *,
        retry: Any = None,
        timeout: int = 5,
        per_page: int = 30,
        **kwargs: Any,
    ) -> github.Github:
        """A PyGithub client for this emulator without client-side throttling.

        ``retry=None`` (the default here) means "no retries", so faults surface at once; pass
        e.g. ``github.GithubRetry(...)`` to test retrying behaviour.
        """
        import github as gh

        return gh.Github(
            base_url=self.url,
            auth=gh.Auth.Token(token or self.token),
            retry=retry,
            timeout=timeout,  # PyGithub insists on an int
            per_page=per_page,
            seconds_between_requests=None,
            seconds_between_writes=None,
            **kwargs,
        )

    # -- users and repositories -------------------------------------------------------------------

    def add_user(self, login: str, *, token: str | None = None, name: str | None = None) -> str:
        """Create a user (or add a token to an existing one); returns a token that acts as them."""
        with self.state.lock:
            user = self.state.add_user(login, token=token, name=name)
            return token or user.token

    def add_app(self, slug: str, *, token: str | None = None) -> str:
        """A GitHub App installation acting as "<slug>[bot]"; returns its token, with which
        GET /user answers 403 as GitHub does."""
        with self.state.lock:
            return self.state.add_app(slug, token=token).token

    def token_for(self, login: str) -> str:
        with self.state.lock:
            return self.state.add_user(login).token

    def add_repo(
        self,
        full_name: str,
        *,
        collaborators: Iterable[str] = (),
        private: bool = False,
        description: str | None = None,
        default_branch: str = "main",
    ) -> Repo:
        """Create ``owner/name``. The owner and ``collaborators`` are the assignable users."""
        with self.state.lock:
            return self.state.add_repo(
                full_name,
                collaborators=collaborators,
                private=private,
                description=description,
                default_branch=default_branch,
            )

    def _repo(self, repo: RepoRef) -> Repo:
        return repo if isinstance(repo, Repo) else self.state.repo(repo)

    def _user(self, as_user: str | None) -> User:
        return self.state.add_user(as_user or self.login)

    # -- acting "as a person" (no HTTP, no request log) -------------------------------------------

    def create_issue(
        self,
        repo: RepoRef,
        title: str,
        *,
        body: str | None = None,
        labels: Iterable[str] = (),
        assignees: Iterable[str] = (),
        milestone: int | None = None,
        as_user: str | None = None,
    ) -> Issue:
        with self.state.lock:
            return self.state.create_issue(
                self._repo(repo),
                self._user(as_user),
                title,
                body=body,
                labels=labels,
                assignees=assignees,
                milestone=milestone,
            )

    def update_issue(
        self, repo: RepoRef, number: int, *, as_user: str | None = None, **changes: Any
    ) -> Issue:
        """Like ``PATCH /issues/{n}``: title, body, state, state_reason, labels, assignees, milestone."""
        with self.state.lock:
            r = self._repo(repo)
            return self.state.update_issue(r, r.issue(number), self._user(as_user), **changes)

    def close_issue(
        self, repo: RepoRef, number: int, *, reason: str = "completed", as_user: str | None = None
    ) -> Issue:
        return self.update_issue(repo, number, state="closed", state_reason=reason, as_user=as_user)

    def reopen_issue(self, repo: RepoRef, number: int, *, as_user: str | None = None) -> Issue:
        return self.update_issue(repo, number, state="open", as_user=as_user)

    def transfer_issue(self, repo: RepoRef, number: int, to: RepoRef) -> Issue:
        """Move issue ``number`` to the repository ``to`` (it gets a number there); returns it."""
        with self.state.lock:
            source = self._repo(repo)
            return self.state.transfer_issue(source, source.issue(number), self._repo(to))

    def comment(self, repo: RepoRef, number: int, body: str, *, as_user: str | None = None) -> Comment:
        with self.state.lock:
            r = self._repo(repo)
            return self.state.create_comment(r, r.issue(number), self._user(as_user), body)

    def create_pull_request(
        self,
        repo: RepoRef,
        title: str,
        *,
        body: str | None = None,
        merged: bool = False,
        as_user: str | None = None,
    ) -> Issue:
        """A pull request as the issues API shows it (a ``pull_request`` object, an html_url with
        /pull/); it takes the repository's next issue number. ``merged`` closes it as merged."""
        with self.state.lock:
            return self.state.create_pull_request(
                self._repo(repo), self._user(as_user), title, body=body, merged=merged
            )

    def merge_pull_request(
        self, repo: RepoRef, number: int, commit_sha: str, *, as_user: str | None = None
    ) -> Issue:
        """Merge pull request ``number``, as the commit ``commit_sha`` on the base branch."""
        with self.state.lock:
            r = self._repo(repo)
            return self.state.merge_pull_request(r, r.issue(number), self._user(as_user), commit_sha)

    def file(self, repo: RepoRef, path: str, ref: str | None = None) -> bytes | None:
        """The file at ``path`` on ``ref`` (default branch), or None."""
        with self.state.lock:
            r = self._repo(repo)
            commit = r.history.resolve(ref or r.default_branch)
            return None if commit is None else commit.files.get(path)

    def cross_reference(
        self,
        repo: RepoRef,
        number: int,
        *,
        from_pull_request: int | None = None,
        from_repo: RepoRef | None = None,
        as_user: str | None = None,
    ) -> Issue:
        """Issue ``number`` is mentioned by pull request ``from_pull_request`` of ``from_repo``
        (default: the same repository): a ``cross-referenced`` event on its timeline. Without
        ``from_pull_request`` a merged pull request "Fixes #number" is made. Returns the pull request."""
        with self.state.lock:
            target_repo = self._repo(repo)
            target = target_repo.issue(number)
            source_repo = self._repo(from_repo) if from_repo is not None else target_repo
            actor = self._user(as_user)
            if from_pull_request is None:
                ref = f"#{number}" if source_repo is target_repo else f"{target_repo.full_name}#{number}"
                pull = self.state.create_pull_request(
                    source_repo, actor, f"Fix {ref}", body=f"Fixes {ref}", merged=True
                )
            else:
                pull = source_repo.issue(from_pull_request)
                if not pull.pull_request:
                    raise ValueError(f"{source_repo.full_name}#{from_pull_request} is not a pull request")
            self.state.cross_reference(target, source_repo, pull, actor)
            return pull

    def create_label(
        self, repo: RepoRef, name: str, color: str | None = None, description: str | None = None
    ) -> Label:
        with self.state.lock:
            return self.state.create_label(self._repo(repo), name, color, description)

    def create_milestone(
        self,
        repo: RepoRef,
        title: str,
        *,
        state: IssueState = "open",
        description: str | None = None,
        due_on: datetime | None = None,
        as_user: str | None = None,
    ) -> Milestone:
        with self.state.lock:
            return self.state.create_milestone(
                self._repo(repo),
                self._user(as_user),
                title,
                state=state,
                description=description,
                due_on=due_on,
            )

    def seed_issues(
        self,
        repo: RepoRef,
        count: int,
        *,
        labels: LabelSpec = (),
        title: str = "Seeded issue {i}",
        body: str | None = None,
        state: IssueState = "open",
        as_user: str | None = None,
    ) -> list[Issue]:
        """Create ``count`` issues fast (10,000 in well under a second).

        ``labels``: names for every issue, or a function ``i -> names`` (``i`` counts from 0 within
        this call); ``title`` may use ``{i}``. Missing labels are created.
        """
        with self.state.lock:
            return self.state.seed_issues(
                self._repo(repo),
                self._user(as_user),
                count,
                labels=labels,
                title=title,
                body=body,
                state=state,
            )

    def add_commit(
        self,
        repo: RepoRef,
        files: Mapping[str, bytes | str],
        *,
        sha: str | None = None,
        message: str = "Update",
        branch: str | None = None,
    ) -> str:
        """Append a commit whose tree is exactly ``files``; moves ``branch`` (default branch) to it."""
        with self.state.lock:
            return self.state.add_commit(self._repo(repo), files, sha=sha, message=message, branch=branch).sha

    def set_commits(
        self,
        repo: RepoRef,
        commits: Mapping[str, Mapping[str, bytes | str]],
        order: Sequence[str] | None = None,
        *,
        branch: str | None = None,
    ) -> None:
        """Seed a linear history: ``{sha: {path: content}}`` applied oldest first (``order``, else
        the mapping's order). The branch (default branch) ends at the last one."""
        for sha in order if order is not None else list(commits):
            self.add_commit(repo, commits[sha], sha=sha, message=f"Commit {sha[:7]}", branch=branch)

    # -- inspection -------------------------------------------------------------------------------

    def repo(self, repo: str) -> Repo:
        with self.state.lock:
            return self.state.repo(repo)

    def issues(self, repo: RepoRef, *, state: str = "all") -> list[Issue]:
        """Issues (and pull requests) by number, ascending; ``state``: ``open``, ``closed`` or ``all``."""
        with self.state.lock:
            return [i for i in self._repo(repo).issues.values() if state in ("all", i.state)]

    def issue(self, repo: RepoRef, number: int) -> Issue:
        with self.state.lock:
            return self._repo(repo).issue(number)

    def comments(self, repo: RepoRef, number: int | None = None) -> list[Comment]:
        with self.state.lock:
            r = self._repo(repo)
            return self.state.list_comments(r, r.issue(number) if number is not None else None)

    def timeline(self, repo: RepoRef, number: int) -> list[TimelineEvent]:
        with self.state.lock:
            return list(self._repo(repo).issue(number).timeline)

    def labels(self, repo: RepoRef) -> list[Label]:
        with self.state.lock:
            return list(self._repo(repo).labels.values())

    def milestones(self, repo: RepoRef) -> list[Milestone]:
        with self.state.lock:
            return list(self._repo(repo).milestones.values())

    # -- request log ------------------------------------------------------------------------------

    @property
    def requests(self) -> list[LoggedRequest]:
        """Every request received since the last ``reset_log()``, in arrival order."""
        return self._log.entries()

    def writes(self) -> list[LoggedRequest]:
        """The non-GET requests."""
        return [r for r in self._log.entries() if r.is_write]

    def reset_log(self) -> None:
        """Forget logged requests; indices (and ``inject(at=...)``) count from 0 again."""
        self._log.reset()

    # -- faults -----------------------------------------------------------------------------------

    def inject(
        self,
        kind: FaultKind | str,
        *,
        at: int | None = None,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        match: Callable[[LoggedRequest], bool] | None = None,
        times: int | None = 1,
        when: When = "before",
        seconds: float = 5.0,
        retry_after: int | None = 1,
        mutate: Callable[[Any], Any] | None = None,
    ) -> FaultRule:
        """Break matching requests; see :mod:`.faults` for the kinds. Returns the rule (``.hits``).

        Select with ``at`` (0-based log index; ``len(emu.requests)`` is the next request),
        ``method``, ``path`` (exact, or a compiled pattern that must fullmatch; compared with both
        the path as sent and its /repos/{owner}/{repo} spelling) and/or ``match(request)``.
        """
        return self._faults.add(
            FaultRule(
                FaultKind(kind),
                at=at,
                method=method,
                path=path,
                match=match,
                times=times,
                when=when,
                seconds=seconds,
                retry_after=retry_after,
                mutate=mutate,
            )
        )

    def clear_faults(self) -> None:
        self._faults.clear()

    # -- health -----------------------------------------------------------------------------------

    @property
    def schema_failures(self) -> list[SchemaFailure]:
        """Responses that did not match GitHub's schema (each was replaced by a 500)."""
        return self.app.schema_failures

    @property
    def internal_errors(self) -> list[str]:
        """Tracebacks of exceptions inside the emulator's handlers (each answered with a 500)."""
        return self.app.internal_errors

    def assert_healthy(self) -> None:
        """Fail if any response broke GitHub's schema or any handler crashed."""
        problems = [str(f) for f in self.schema_failures] + self.internal_errors
        if problems:
            raise AssertionError(
                f"GitHub emulator: {len(problems)} problem(s) during the test:\n\n" + "\n\n".join(problems)
            )

    def set_rate_limit(
        self, *, limit: int | None = None, remaining: int | None = None, login: str | None = None
    ) -> None:
        """Change the hourly limit (all users) and/or how many requests ``login`` has left."""
        if limit is not None:
            self.rate_limiter.limit = limit
        if remaining is not None:
            self.rate_limiter.set_used(login or self.login, self.rate_limiter.limit - remaining)


__all__ = ["DEFAULT_LOGIN", "DEFAULT_TOKEN", "UNSET", "GitHubEmulator"]
