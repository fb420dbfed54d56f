"""The REST endpoints: a route table and one function per endpoint.

Handlers run while the WSGI app holds ``State.lock``. They turn the request into typed arguments
(rejecting wrong JSON types the way GitHub's schema check does), call the state layer, and return a
:class:`Reply` naming the OpenAPI schema its body must satisfy.
"""

from __future__ import annotations

import base64
import math
import re
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from . import payloads
from .errors import ApiError, invalid_request, not_found, validation_failed
from .gitdata import diff_files, list_directory
from .payloads import Urls
from .state import UNSET, IssueQuery, Repo, State, User

T = TypeVar("T")
Choice = TypeVar("Choice", bound=str)  # so a query parameter comes back as the Literal it is checked against


@dataclass
class RateStatus:
    limit: int
    used: int
    reset: int


@dataclass
class Ctx:
    state: State
    actor: User
    urls: Urls
    params: dict[str, str]  # decoded path parameters
    query: list[tuple[str, str]]  # decoded query parameters, in order
    body: Any  # parsed JSON body (None when absent)
    rate: RateStatus

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = [v for k, v in self.query if k == name]
        return values[-1] if values else default

    def repo(self) -> Repo:
        if self.params.get("repo_id"):
            return self.state.repo_by_id(int(self.params["repo_id"]))
        return self.state.repo(f"{self.params['owner']}/{self.params['repo']}")

    def link_path(self) -> str:
        """The path GitHub puts in ``Link`` headers: repo routes are spelled /repositories/{id}."""
        rest = self.params.get("rest", "")
        if "owner" in self.params or "repo_id" in self.params:
            return f"/repositories/{self.repo().id}{rest}"
        return rest


@dataclass
class Reply:
    status: int
    body: Any = None  # JSON-able; None means no body
    schema: str | None = None  # an OpenAPI schema name from schemas.SCHEMAS
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Ctx], Reply]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    docs: str

    @property
    def documentation_url(self) -> str:
        return f"https://docs.github.com/rest/{self.docs}"


# -- request helpers ------------------------------------------------------------------------------


def _json_type_name(t: type) -> str:
    return {str: "string", int: "integer", list: "array", dict: "object", bool: "boolean"}.get(t, t.__name__)


def _get(body: dict[str, Any], key: str, *types: type, nullable: bool = False) -> Any:
    """``body[key]`` checked against JSON ``types``; ``UNSET`` when absent."""
    if key not in body:
        return UNSET
    value = body[key]
    if value is None and nullable:
        return None
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        names = " or ".join(_json_type_name(t) for t in types) + (" or null" if nullable else "")
        raise invalid_request(f"For 'properties/{key}', {value!r} is not {names}.")
    return value


def _object_body(ctx: Ctx) -> dict[str, Any]:
    if ctx.body is None:
        return {}
    if not isinstance(ctx.body, dict):
        raise invalid_request(f"For 'links/0/schema', {ctx.body!r} is not an object.")
    return ctx.body


def _names(value: Any, key: str) -> list[str]:
    """A list of label names or logins; GitHub also accepts ``{"name": ...}`` objects for labels."""
    if not isinstance(value, list):
        raise invalid_request(f"For 'properties/{key}', {value!r} is not an array.")
    names: list[str] = []
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
        elif isinstance(item, str):
            names.append(item)
        else:
            raise invalid_request(f"For 'items', {item!r} is not a string.")
    return names


def _milestone_number(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    raise validation_failed("Issue", "milestone", "invalid", value=str(value))


def _int_arg(ctx: Ctx, name: str, default: int) -> int:
    value = ctx.arg(name)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _choice(ctx: Ctx, name: str, choices: Sequence[Choice], default: Choice, resource: str) -> Choice:
    value = ctx.arg(name, default) or default
    for choice in choices:
        if value == choice:
            return choice
    raise validation_failed(resource, name, "invalid", value=value)


def _since(ctx: Ctx, resource: str) -> datetime | None:
    value = ctx.arg("since")
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "+"))
    except ValueError:
        raise validation_failed(resource, "since", "invalid", value=value) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def paginate(
    ctx: Ctx, items: Sequence[T], *, default: int = 30, maximum: int = 100
) -> tuple[Sequence[T], dict[str, str]]:
    """One page of ``items`` and the ``Link`` header GitHub would send with it."""
    per_page = _int_arg(ctx, "per_page", default)
    per_page = default if per_page < 1 else min(per_page, maximum)
    page = max(_int_arg(ctx, "page", 1), 1)
    last = max(math.ceil(len(items) / per_page), 1)
    chunk = items[(page - 1) * per_page : page * per_page]

    rels: list[tuple[int, str]] = []
    if page > 1:
        rels.append((min(page - 1, last), "prev"))
    if page < last:
        rels += [(page + 1, "next"), (last, "last")]
    if page > 1:
        rels.append((1, "first"))
    if not rels:
        return chunk, {}
    return chunk, {"Link": ", ".join(f'<{_page_url(ctx, p)}>; rel="{rel}"' for p, rel in rels)}


def _page_url(ctx: Ctx, page: int) -> str:
    query = [(k, v) for k, v in ctx.query if k != "page"]
    position = next((i for i, (k, _) in enumerate(ctx.query) if k == "page"), len(query))
    query.insert(position, ("page", str(page)))
    return f"{ctx.urls.api}{ctx.link_path()}?{urllib.parse.urlencode(query)}"


def _listing(ctx: Ctx, items: Sequence[T], render: Callable[[T], Any], schema: str, **kw: int) -> Reply:
    chunk, headers = paginate(ctx, items, **kw)
    return Reply(200, [render(item) for item in chunk], schema, headers)


# -- users, rate limit, repository ----------------------------------------------------------------


def get_authenticated_user(ctx: Ctx) -> Reply:
    if ctx.actor.installation:
        raise ApiError(403, "Resource not accessible by integration")
    owned = [r for r in ctx.state.repos.values() if r.owner is ctx.actor]
    public, private = sum(not r.private for r in owned), sum(r.private for r in owned)
    return Reply(200, payloads.private_user(ctx.actor, ctx.urls, public, private), "private-user")


def get_user(ctx: Ctx) -> Reply:
    user = ctx.state.user(ctx.params["login"])
    public = sum(1 for r in ctx.state.repos.values() if r.owner is user and not r.private)
    return Reply(200, payloads.public_user(user, ctx.urls, public), "public-user")


def get_rate_limit(ctx: Ctx) -> Reply:
    body = payloads.rate_limit_overview(ctx.rate.limit, ctx.rate.used, ctx.rate.reset)
    return Reply(200, body, "rate-limit-overview")


def get_repo(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    open_issues = sum(1 for i in repo.issues.values() if i.state == "open")
    return Reply(200, payloads.full_repository(repo, ctx.urls, open_issues), "full-repository")


# -- issues ---------------------------------------------------------------------------------------


def list_issues(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    labels = ctx.arg("labels")
    query = IssueQuery(
        state=_choice(ctx, "state", ("open", "closed", "all"), "open", "Issue"),
        labels=tuple(n.strip() for n in labels.split(",") if n.strip()) if labels else (),
        since=_since(ctx, "Issue"),
        assignee=ctx.arg("assignee"),
        creator=ctx.arg("creator"),
        mentioned=ctx.arg("mentioned"),
        milestone=ctx.arg("milestone"),
        sort=_choice(ctx, "sort", ("created", "updated", "comments"), "created", "Issue"),
        direction=_choice(ctx, "direction", ("asc", "desc"), "desc", "Issue"),
    )
    issues = ctx.state.list_issues(repo, query)
    return _listing(ctx, issues, lambda i: payloads.issue(repo, i, ctx.urls), "issue-list")


def create_issue(ctx: Ctx) -> Reply:
    repo, body = ctx.repo(), _object_body(ctx)
    title = _get(body, "title", str, int, nullable=True)
    text = _get(body, "body", str, nullable=True)
    labels = _names(body["labels"], "labels") if "labels" in body else []
    assignees = _names(body["assignees"], "assignees") if "assignees" in body else []
    assignee = _get(body, "assignee", str, nullable=True)
    if isinstance(assignee, str) and not assignees:
        assignees = [assignee]
    issue = ctx.state.create_issue(
        repo,
        ctx.actor,
        None if title is UNSET or title is None else str(title),
        body=None if text is UNSET else text,
        labels=labels,
        assignees=assignees,
        milestone=_milestone_number(body.get("milestone")),
    )
    url = f"{ctx.urls.repo(repo)}/issues/{issue.number}"
    return Reply(201, payloads.issue(repo, issue, ctx.urls, single=True), "issue", {"Location": url})


def get_issue(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    issue = repo.issue(int(ctx.params["number"]))
    return Reply(200, payloads.issue(repo, issue, ctx.urls, single=True), "issue")


def update_issue(ctx: Ctx) -> Reply:
    repo, body = ctx.repo(), _object_body(ctx)
    issue = repo.issue(int(ctx.params["number"]))
    title = _get(body, "title", str, int, nullable=True)
    assignees: Any = UNSET
    if "assignees" in body:
        assignees = _names(body["assignees"], "assignees")
    elif "assignee" in body:
        assignee = _get(body, "assignee", str, nullable=True)
        assignees = [assignee] if assignee else []
    ctx.state.update_issue(
        repo,
        issue,
        ctx.actor,
        title=str(title) if isinstance(title, int) else title,
        body=_get(body, "body", str, nullable=True),
        state=_get(body, "state", str),
        state_reason=_get(body, "state_reason", str, nullable=True),
        labels=_names(body["labels"], "labels") if "labels" in body else UNSET,
        assignees=assignees,
        milestone=_milestone_number(body["milestone"]) if "milestone" in body else UNSET,
    )
    return Reply(200, payloads.issue(repo, issue, ctx.urls, single=True), "issue")


# -- comments -------------------------------------------------------------------------------------


def list_issue_comments(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    issue = repo.issue(int(ctx.params["number"]))
    comments = ctx.state.list_comments(repo, issue, since=_since(ctx, "IssueComment"))
    return _listing(ctx, comments, lambda c: payloads.comment(repo, c, ctx.urls), "issue-comment-list")


def list_repo_comments(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    comments = ctx.state.list_comments(
        repo,
        since=_since(ctx, "IssueComment"),
        sort=_choice(ctx, "sort", ("created", "updated"), "created", "IssueComment"),
        direction=_choice(ctx, "direction", ("asc", "desc"), "asc", "IssueComment"),
    )
    return _listing(ctx, comments, lambda c: payloads.comment(repo, c, ctx.urls), "issue-comment-list")


def create_comment(ctx: Ctx) -> Reply:
    repo, body = ctx.repo(), _object_body(ctx)
    issue = repo.issue(int(ctx.params["number"]))
    text = _get(body, "body", str, nullable=True)
    comment = ctx.state.create_comment(repo, issue, ctx.actor, None if text is UNSET else text)
    url = f"{ctx.urls.repo(repo)}/issues/comments/{comment.id}"
    return Reply(201, payloads.comment(repo, comment, ctx.urls), "issue-comment", {"Location": url})


def get_comment(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    comment = ctx.state.comment(repo, int(ctx.params["comment_id"]))
    return Reply(200, payloads.comment(repo, comment, ctx.urls), "issue-comment")


def update_comment(ctx: Ctx) -> Reply:
    repo, body = ctx.repo(), _object_body(ctx)
    comment = ctx.state.comment(repo, int(ctx.params["comment_id"]))
    text = _get(body, "body", str, nullable=True)
    ctx.state.update_comment(repo, comment, None if text is UNSET else text)
    return Reply(200, payloads.comment(repo, comment, ctx.urls), "issue-comment")


# -- timeline -------------------------------------------------------------------------------------


def list_timeline(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    issue = repo.issue(int(ctx.params["number"]))
    return _listing(
        ctx,
        issue.timeline,
        lambda e: payloads.timeline_event(repo, e, ctx.urls),
        "timeline-issue-events-list",
    )


# -- labels ---------------------------------------------------------------------------------------


def list_labels(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return _listing(
        ctx, list(repo.labels.values()), lambda lab: payloads.label(repo, lab, ctx.urls), "label-list"
    )


def create_label(ctx: Ctx) -> Reply:
    repo, body = ctx.repo(), _object_body(ctx)
    name = _get(body, "name", str)
    if name is UNSET:
        raise validation_failed("Label", "name", "missing_field")
    color = _get(body, "color", str)
    description = _get(body, "description", str, nullable=True)
    label = ctx.state.create_label(
        repo, name, None if color is UNSET else color, None if description is UNSET else description
    )
    url = f"{ctx.urls.repo(repo)}/labels/{payloads.quote(label.name)}"
    return Reply(201, payloads.label(repo, label, ctx.urls), "label", {"Location": url})


def get_label(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return Reply(200, payloads.label(repo, ctx.state.label(repo, ctx.params["name"]), ctx.urls), "label")


def _issue_labels_reply(ctx: Ctx, repo: Repo, labels: Sequence[Any]) -> Reply:
    return Reply(200, [payloads.label(repo, lab, ctx.urls) for lab in labels], "label-list")


def _label_names_body(ctx: Ctx) -> list[str]:
    body = ctx.body
    if isinstance(body, dict):
        body = body.get("labels", [])
    return _names(body if body is not None else [], "labels")


def list_issue_labels(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    issue = repo.issue(int(ctx.params["number"]))
    return _listing(ctx, issue.labels, lambda lab: payloads.label(repo, lab, ctx.urls), "label-list")


def add_issue_labels(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    issue = repo.issue(int(ctx.params["number"]))
    return _issue_labels_reply(ctx, repo, ctx.state.add_issue_labels(repo, issue, _label_names_body(ctx)))


def set_issue_labels(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    issue = repo.issue(int(ctx.params["number"]))
    return _issue_labels_reply(ctx, repo, ctx.state.set_issue_labels(repo, issue, _label_names_body(ctx)))


def remove_issue_label(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    issue = repo.issue(int(ctx.params["number"]))
    labels = ctx.state.remove_issue_label(repo, issue, ctx.params["name"])
    return _issue_labels_reply(ctx, repo, labels)


# -- milestones -----------------------------------------------------------------------------------


def list_milestones(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    state = _choice(ctx, "state", ("open", "closed", "all"), "open", "Milestone")
    sort = _choice(ctx, "sort", ("due_on", "completeness"), "due_on", "Milestone")
    direction = _choice(ctx, "direction", ("asc", "desc"), "asc", "Milestone")
    milestones = [m for m in repo.milestones.values() if state in ("all", m.state)]
    if sort == "due_on":
        milestones.sort(key=lambda m: (m.due_on is None, m.due_on or m.created_at, m.number))
    if direction == "desc":
        milestones.reverse()
    return _listing(ctx, milestones, lambda m: payloads.milestone(repo, m, ctx.urls), "milestone-list")


def create_milestone(ctx: Ctx) -> Reply:
    repo, body = ctx.repo(), _object_body(ctx)
    title = _get(body, "title", str)
    state = _get(body, "state", str)
    description = _get(body, "description", str, nullable=True)
    due_on = _get(body, "due_on", str, nullable=True)
    try:
        due = datetime.fromisoformat(due_on) if isinstance(due_on, str) else None
    except ValueError:
        raise validation_failed("Milestone", "due_on", "invalid", value=due_on) from None
    milestone = ctx.state.create_milestone(
        repo,
        ctx.actor,
        "" if title is UNSET else title,
        state="open" if state is UNSET else state,
        description=None if description is UNSET else description,
        due_on=due,
    )
    url = f"{ctx.urls.repo(repo)}/milestones/{milestone.number}"
    return Reply(201, payloads.milestone(repo, milestone, ctx.urls), "milestone", {"Location": url})


def get_milestone(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    milestone = ctx.state.milestone(repo, int(ctx.params["number"]))
    return Reply(200, payloads.milestone(repo, milestone, ctx.urls), "milestone")


# -- assignees ------------------------------------------------------------------------------------


def list_assignees(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return _listing(ctx, repo.assignable(), lambda u: payloads.simple_user(u, ctx.urls), "simple-user-list")


def check_assignee(ctx: Ctx) -> Reply:
    if ctx.repo().find_assignable(ctx.params["login"]) is None:
        raise not_found()
    return Reply(204)


# -- contents and compare -------------------------------------------------------------------------


def get_contents(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    history = repo.history
    if not history.order:
        raise not_found("This repository is empty.")
    ref = ctx.arg("ref") or repo.default_branch
    commit = history.resolve(ref)
    if commit is None:
        raise not_found(f"No commit found for the ref {ref}")
    path = ctx.params.get("path", "").strip("/")
    if path in commit.files:
        return Reply(
            200, payloads.content_file(repo, ctx.urls, path, commit.files[path], ref), "content-file"
        )
    entries = list_directory(commit.files, path)
    if entries is None:
        raise not_found()
    body = [payloads.directory_item(repo, ctx.urls, entry, ref) for entry in entries]
    return Reply(200, body, "content-directory")


def compare(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    basehead = ctx.params["basehead"]
    base_ref, sep, head_ref = basehead.partition("...")
    if not sep:
        raise not_found()
    base, head = repo.history.resolve(base_ref), repo.history.resolve(head_ref)
    if base is None or head is None:
        raise not_found()
    history = repo.history
    merge_base = base if history.position(base) <= history.position(head) else head
    ahead, behind = history.between(base, head), history.between(head, base)
    status = "identical" if base is head else "ahead" if ahead else "behind"
    commits = history.between(merge_base, head)
    page, headers = paginate(ctx, commits, default=250, maximum=1000)
    body = payloads.commit_comparison(
        repo,
        ctx.urls,
        base=base,
        head=head,
        merge_base=merge_base,
        status=status,
        ahead_by=len(ahead),
        behind_by=len(behind),
        commits=list(page),
        total_commits=len(commits),
        files=diff_files(merge_base.files, head.files)[:300],
        basehead=basehead,
    )
    return Reply(200, body, "commit-comparison", headers)


def list_commit_pulls(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    open_issues = sum(1 for i in repo.issues.values() if i.state == "open")
    sha = ctx.params["sha"]
    pulls = ctx.state.pulls_of_commit(repo, sha)
    return _listing(
        ctx,
        pulls,
        lambda p: payloads.pull_request_simple(repo, p, ctx.urls, open_issues, sha),
        "pull-request-simple-list",
    )


def put_contents(ctx: Ctx) -> Reply:
    repo, body = ctx.repo(), _object_body(ctx)
    path = ctx.params.get("path", "").strip("/")
    message, content = _get(body, "message", str), _get(body, "content", str)
    if message is UNSET or content is UNSET:
        raise validation_failed("File", "content" if message is not UNSET else "message", "missing_field")
    try:
        data = base64.b64decode(content, validate=True)
    except ValueError:
        raise validation_failed("File", "content", "invalid", message="content is not valid Base64") from None
    sha, branch = _get(body, "sha", str), _get(body, "branch", str)
    existed = path in (getattr(repo.history.resolve(branch or repo.default_branch), "files", None) or {})
    commit = ctx.state.put_file(
        repo,
        path,
        data,
        message=message,
        sha=None if sha is UNSET else sha,
        branch=None if branch is UNSET else branch,
    )
    return Reply(
        200 if existed else 201, payloads.file_commit(repo, ctx.urls, path, data, commit), "file-commit"
    )


# -- the route table ------------------------------------------------------------------------------

_REPO = r"(?:/repos/(?P<owner>[^/]+)/(?P<repo>[^/]+)|/repositories/(?P<repo_id>\d+))"


def _route(spec: str, handler: Handler, docs: str) -> Route:
    """``spec`` is "METHOD path"; a path starting with {repo} matches both repository spellings."""
    method, path = spec.split(" ", 1)
    if path.startswith("{repo}"):
        pattern = _REPO + f"(?P<rest>{path.removeprefix('{repo}')})"
    else:
        pattern = f"(?P<rest>{path})"
    return Route(method, re.compile(pattern), handler, docs)


_ISSUE = r"{repo}/issues/(?P<number>\d+)"
_COMMENT = r"{repo}/issues/comments/(?P<comment_id>\d+)"

# fmt: off
ROUTES: list[Route] = [
    _route("GET /user", get_authenticated_user, "users/users#get-the-authenticated-user"),
    _route("GET /users/(?P<login>[^/]+)", get_user, "users/users#get-a-user"),
    _route("GET /rate_limit", get_rate_limit, "rate-limit/rate-limit#get-rate-limit-status"),
    _route("GET {repo}", get_repo, "repos/repos#get-a-repository"),
    _route("GET {repo}/issues", list_issues, "issues/issues#list-repository-issues"),
    _route("POST {repo}/issues", create_issue, "issues/issues#create-an-issue"),
    _route("GET {repo}/issues/comments", list_repo_comments, "issues/comments#list-issue-comments"),
    _route(f"GET {_COMMENT}", get_comment, "issues/comments#get-an-issue-comment"),
    _route(f"PATCH {_COMMENT}", update_comment, "issues/comments#update-an-issue-comment"),
    _route(f"GET {_ISSUE}", get_issue, "issues/issues#get-an-issue"),
    _route(f"PATCH {_ISSUE}", update_issue, "issues/issues#update-an-issue"),
    _route(f"GET {_ISSUE}/comments", list_issue_comments, "issues/comments#list-issue-comments"),
    _route(f"POST {_ISSUE}/comments", create_comment, "issues/comments#create-an-issue-comment"),
    _route(f"GET {_ISSUE}/timeline", list_timeline, "issues/timeline#list-timeline-events-for-an-issue"),
    _route(f"GET {_ISSUE}/labels", list_issue_labels, "issues/labels#list-labels-for-an-issue"),
    _route(f"POST {_ISSUE}/labels", add_issue_labels, "issues/labels#add-labels-to-an-issue"),
    _route(f"PUT {_ISSUE}/labels", set_issue_labels, "issues/labels#set-labels-for-an-issue"),
    _route(f"DELETE {_ISSUE}/labels/(?P<name>.+)", remove_issue_label,
           "issues/labels#remove-a-label-from-an-issue"),
    _route("GET {repo}/labels", list_labels, "issues/labels#list-labels-for-a-repository"),
    _route("POST {repo}/labels", create_label, "issues/labels#create-a-label"),
    _route("GET {repo}/labels/(?P<name>.+)", get_label, "issues/labels#get-a-label"),  # "/" may be raw
    _route("GET {repo}/milestones", list_milestones, "issues/milestones#list-milestones"),
    _route("POST {repo}/milestones", create_milestone, "issues/milestones#create-a-milestone"),
    _route(r"GET {repo}/milestones/(?P<number>\d+)", get_milestone, "issues/milestones#get-a-milestone"),
    _route("GET {repo}/assignees", list_assignees, "issues/assignees#list-assignees"),
    _route("GET {repo}/assignees/(?P<login>[^/]+)", check_assignee,
           "issues/assignees#check-if-a-user-can-be-assigned"),
    _route("GET {repo}/contents(?:/(?P<path>.*))?", get_contents, "repos/contents#get-repository-content"),
    _route("PUT {repo}/contents/(?P<path>.+)", put_contents, "repos/contents#create-or-update-file-contents"),
    _route(r"GET {repo}/commits/(?P<sha>[0-9a-f]{7,40})/pulls", list_commit_pulls,
           "commits/commits#list-pull-requests-associated-with-a-commit"),
    _route("GET {repo}/compare/(?P<basehead>.+)", compare, "commits/commits#compare-two-commits"),
]
# fmt: on


def resolve(method: str, raw_path: str) -> tuple[Route, dict[str, str]] | None:
    """The route for a still percent-encoded path, and its decoded parameters."""
    for route in ROUTES:
        m = route.pattern.fullmatch(raw_path)
        if m and route.method == method:
            params = {k: urllib.parse.unquote(v) for k, v in m.groupdict().items() if v is not None}
            return route, params
    return None


__all__ = ["ROUTES", "ApiError", "Ctx", "RateStatus", "Reply", "Route", "resolve"]
