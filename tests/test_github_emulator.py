"""The GitHub emulator, exercised through PyGithub's real HTTP stack (no mocks)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from github import GithubException, GithubRetry, UnknownObjectException
from github.GithubException import BadCredentialsException, RateLimitExceededException

from tests.github_emulator import ApiError, GitHubEmulator, schemas
from tests.github_emulator.fixtures import github_emulator as _github_emulator  # noqa: F401
from tests.github_emulator.fixtures import serve

REPO = "octo-org/meetings"
ISSUES_PATH = f"/repos/{REPO}/issues"


@pytest.fixture
def emu(github_emulator: GitHubEmulator) -> GitHubEmulator:
    github_emulator.add_repo(REPO, collaborators=["alice", "bob"])
    return github_emulator


def _get(emu: GitHubEmulator, path: str, token: str | None = None, **headers: str) -> requests.Response:
    """A raw HTTP GET, for asserting on headers exactly as sent."""
    auth = {"Authorization": f"token {token or emu.token}"} if token != "" else {}
    return requests.get(emu.url + path, headers={**auth, **headers}, timeout=5)


# -- basics ---------------------------------------------------------------------------------------


def test_issue_round_trip_records_the_author(emu: GitHubEmulator) -> None:
    gh = emu.github()
    assert gh.get_user().login == emu.login
    repo = gh.get_repo(REPO)
    milestone = repo.create_milestone("Sprint 1")
    issue = repo.create_issue(
        "Write the minutes", body="From the Monday meeting", labels=["action-item"], assignees=["alice"],
        milestone=milestone,
    )  # fmt: skip

    assert (issue.number, issue.state, issue.user.login) == (1, "open", emu.login)
    assert [label.name for label in issue.labels] == ["action-item"]
    assert [user.login for user in issue.assignees] == ["alice"]
    assert issue.milestone.title == "Sprint 1"
    assert issue.pull_request is None
    assert issue.html_url == f"https://github.com/{REPO}/issues/1"

    issue.edit(state="closed", state_reason="not_planned")
    again = repo.get_issue(1)
    assert (again.state, again.state_reason) == ("closed", "not_planned")
    assert again.closed_by is not None and again.closed_by.login == emu.login
    assert again.closed_at is not None
    again.edit(state="open")
    assert (again.state, again.state_reason) == ("open", "reopened")
    assert repo.get_issue(1).closed_at is None

    stored = emu.issue(REPO, 1)
    assert stored.title == "Write the minutes" and stored.user.login == emu.login


def test_each_token_acts_as_its_own_login(emu: GitHubEmulator) -> None:
    alice = emu.github(emu.token_for("alice"))
    assert alice.get_user().login == "alice"
    issue = alice.get_repo(REPO).create_issue("Alice's own item")
    bot_comment = emu.github().get_repo(REPO).get_issue(issue.number).create_comment("Tracked.")

    assert emu.issue(REPO, issue.number).user.login == "alice"
    assert bot_comment.user.login == emu.login
    assert [r.login for r in emu.writes()] == ["alice", emu.login]
    # acting as a person directly, without HTTP:
    emu.comment(REPO, issue.number, "Done!", as_user="alice")
    comments = list(alice.get_repo(REPO).get_issue(issue.number).get_comments())
    assert [(c.user.login, c.body) for c in comments] == [(emu.login, "Tracked."), ("alice", "Done!")]


def test_tokens_configured_at_construction() -> None:
    with GitHubEmulator(login="notes-bot", token="tok-bot", tokens={"tok-carol": "carol"}) as emu:
        assert emu.github().get_user().login == "notes-bot"
        assert emu.github("tok-carol").get_user().login == "carol"
        emu.assert_healthy()


def test_request_log_records_method_path_query_body_status_login(emu: GitHubEmulator) -> None:
    repo = emu.github().get_repo(REPO)
    repo.create_issue("Logged", labels=["x"])
    list(repo.get_issues(state="all", labels=["x"]))
    get_repo, post, listing = emu.requests
    assert (get_repo.method, get_repo.path, get_repo.status) == ("GET", f"/repos/{REPO}", 200)
    assert (post.method, post.status, post.login) == ("POST", 201, emu.login)
    assert post.json == {"title": "Logged", "labels": ["x"]}
    assert listing.query == {"labels": "x", "state": "all"}
    assert emu.writes() == [post]
    emu.reset_log()
    assert emu.requests == []


# -- listing, filters and pagination --------------------------------------------------------------


def test_pagination_follows_github_link_headers(emu: GitHubEmulator) -> None:
    emu.seed_issues(REPO, 250)
    rid = emu.repo(REPO).id
    base = f"{emu.url}/repositories/{rid}/issues"

    def link(page: int, rel: str, query: str = "per_page=100") -> str:
        return f'<{base}?{query}&page={page}>; rel="{rel}"'

    first = _get(emu, f"/repos/{REPO}/issues?state=all&per_page=100")
    assert len(first.json()) == 100 and first.json()[0]["number"] == 250  # newest first
    q = "state=all&per_page=100"  # other parameters are kept, in order
    assert first.headers["Link"] == f"{link(2, 'next', q)}, {link(3, 'last', q)}"
    middle = _get(emu, f"/repos/{REPO}/issues?per_page=100&page=2")
    assert middle.headers["Link"] == ", ".join(
        [link(1, "prev"), link(3, "next"), link(3, "last"), link(1, "first")]
    )
    last = _get(emu, f"/repos/{REPO}/issues?per_page=100&page=3")
    assert len(last.json()) == 50
    assert last.headers["Link"] == f"{link(2, 'prev')}, {link(1, 'first')}"
    assert len(_get(emu, f"/repos/{REPO}/issues").json()) == 30  # default per_page
    assert len(_get(emu, f"/repos/{REPO}/issues?per_page=500").json()) == 100  # capped

    emu.reset_log()
    repo = emu.github(per_page=100).get_repo(REPO)
    numbers = [issue.number for issue in repo.get_issues(state="all")]
    assert numbers == list(range(250, 0, -1))
    pages = [r for r in emu.requests if r.canonical_path == f"/repos/{REPO}/issues"]
    assert [r.query.get("page") for r in pages] == [None, "2", "3"]
    assert pages[1].path == f"/repositories/{rid}/issues"  # PyGithub followed GitHub's Link URL
    assert repo.get_issues(state="all").totalCount == 250


def test_filters_state_labels_assignee_creator_sort(emu: GitHubEmulator) -> None:
    emu.create_issue(REPO, "bug only", labels=["bug"])
    emu.create_issue(REPO, "bug and urgent", labels=["bug", "Urgent"], assignees=["alice"])
    emu.create_issue(REPO, "by bob", as_user="bob")
    emu.create_issue(REPO, "closed bug", labels=["bug"])
    emu.close_issue(REPO, 4)
    repo = emu.github().get_repo(REPO)

    def titles(**kw: Any) -> list[str]:
        return [i.title for i in repo.get_issues(**kw)]

    assert titles() == ["by bob", "bug and urgent", "bug only"]  # open only, newest first
    assert titles(state="closed") == ["closed bug"]
    assert titles(state="all", labels=["bug"]) == ["closed bug", "bug and urgent", "bug only"]
    assert titles(labels=["bug", "urgent"]) == ["bug and urgent"]  # all labels, case-insensitive
    assert titles(assignee="alice") == ["bug and urgent"]
    assert titles(assignee="none") == ["by bob", "bug only"]
    assert titles(creator="bob") == ["by bob"]
    assert titles(sort="created", direction="asc") == ["bug only", "bug and urgent", "by bob"]


def test_since_filters_on_updated_at(emu: GitHubEmulator) -> None:
    start = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    emu.clock.freeze(start)
    emu.create_issue(REPO, "old")
    emu.create_issue(REPO, "touched later")
    emu.clock.advance(3600)
    emu.comment(REPO, 2, "bump", as_user="alice")
    repo = emu.github().get_repo(REPO)

    since = start + timedelta(minutes=30)
    assert [i.title for i in repo.get_issues(since=since)] == ["touched later"]
    assert [c.body for c in repo.get_issues_comments(since=since)] == ["bump"]
    assert [c.body for c in repo.get_issues_comments(since=start + timedelta(hours=2))] == []
    assert repo.get_issue(2).updated_at == start + timedelta(hours=1)


def test_timeline_has_cross_references_from_pull_requests_and_closings(emu: GitHubEmulator) -> None:
    emu.add_repo("octo-org/website")
    emu.create_issue(REPO, "Rotate the signing key")
    fix = emu.cross_reference(REPO, 1, as_user="alice")  # a merged pull request "Fixes #1"
    emu.close_issue(REPO, 1, as_user="bob")
    emu.reopen_issue(REPO, 1)
    other = emu.create_pull_request("octo-org/website", "Mention the key", as_user="bob")
    emu.cross_reference(REPO, 1, from_pull_request=other.number, from_repo="octo-org/website", as_user="bob")
    with pytest.raises(ValueError, match="not a pull request"):
        emu.cross_reference(REPO, fix.number, from_pull_request=1)

    emu.reset_log()
    repo = emu.github(per_page=3).get_repo(REPO)
    events = list(repo.get_issue(1).get_timeline())
    assert [e.event for e in events] == ["cross-referenced", "closed", "reopened", "cross-referenced"]
    assert len([r for r in emu.requests if r.canonical_path.endswith("/timeline")]) == 2  # paginated
    first = events[0]
    assert first.actor.login == "alice" and first.source is not None and first.source.type == "issue"
    assert first.source.issue.html_url == f"https://github.com/{REPO}/pull/{fix.number}"
    pull = first.source.issue.pull_request
    assert pull is not None and pull.merged_at is not None
    assert (events[1].actor.login, events[1].raw_data["state_reason"]) == ("bob", "completed")
    last = events[3].source
    assert (
        last is not None and last.issue.html_url == f"https://github.com/octo-org/website/pull/{other.number}"
    )
    assert last.issue.pull_request is not None and last.issue.pull_request.merged_at is None
    assert [e.event for e in emu.timeline(REPO, 1)] == [e.event for e in events]

    listed = {i.number: i for i in repo.get_issues(state="all")}  # pull requests are listed, marked
    assert (listed[1].pull_request, listed[1].html_url) == (None, f"https://github.com/{REPO}/issues/1")
    assert "/pull/" in listed[fix.number].html_url and listed[fix.number].pull_request is not None
    assert listed[fix.number].state == "closed"


def test_labels_and_milestones(emu: GitHubEmulator) -> None:
    repo = emu.github().get_repo(REPO)
    repo.create_label("action-item", "0e8a16", "From meeting notes")
    assert repo.get_label("Action-Item").description == "From meeting notes"
    issue = repo.create_issue("Needs labels")
    issue.add_to_labels("action-item", "brand-new")  # missing labels are created, like GitHub
    assert sorted(label.name for label in repo.get_labels()) == ["action-item", "brand-new"]
    assert [label.name for label in repo.get_issue(issue.number).labels] == ["action-item", "brand-new"]
    issue.remove_from_labels("brand-new")
    assert [label.name for label in issue.get_labels()] == ["action-item"]
    issue.add_to_labels("area/notes")
    assert repo.get_label("area/notes").name == "area/notes"  # requested as area%2Fnotes
    issue.remove_from_labels("area/notes")  # PyGithub sends this one with a raw "/"
    assert [label.name for label in issue.get_labels()] == ["action-item"]

    repo.create_milestone("Q3", description="Third quarter")
    repo.create_milestone("Q2", state="closed")
    assert [m.title for m in repo.get_milestones()] == ["Q3"]
    assert [m.title for m in repo.get_milestones(state="all")] == ["Q3", "Q2"]
    issue.edit(milestone=repo.get_milestone(1))
    assert repo.get_milestone(1).open_issues == 1


def test_assignees(emu: GitHubEmulator) -> None:
    repo = emu.github().get_repo(REPO)
    assert [u.login for u in repo.get_assignees()] == ["octo-org", "alice", "bob"]
    assert repo.has_in_assignees("alice") is True
    assert repo.has_in_assignees("mallory") is False
    assert _get(emu, f"/repos/{REPO}/assignees/alice").status_code == 204


def test_comments_edit_and_repo_listing(emu: GitHubEmulator) -> None:
    repo = emu.github().get_repo(REPO)
    issue = repo.create_issue("Discuss")
    comment = issue.create_comment("first draft")
    comment.edit("final text")
    assert repo.get_issue(issue.number).get_comment(comment.id).body == "final text"
    assert repo.get_issue(issue.number).comments == 1
    assert [c.body for c in repo.get_issues_comments()] == ["final text"]


# -- conditional requests, errors -----------------------------------------------------------------


def test_etag_and_if_none_match(emu: GitHubEmulator) -> None:
    emu.create_issue(REPO, "Cache me")
    first = _get(emu, f"/repos/{REPO}/issues/1")
    etag = first.headers["ETag"]
    cached = _get(emu, f"/repos/{REPO}/issues/1", **{"If-None-Match": etag})
    assert cached.status_code == 304 and cached.content == b""
    assert cached.headers["X-RateLimit-Remaining"] == first.headers["X-RateLimit-Remaining"]  # 304s are free

    issue = emu.github().get_repo(REPO).get_issue(1)
    assert issue.update() is False  # PyGithub's conditional request: not modified
    emu.comment(REPO, 1, "news", as_user="alice")
    assert issue.update() is True and issue.comments == 1


def test_rate_limit_headers_and_endpoint(emu: GitHubEmulator) -> None:
    response = _get(emu, f"/repos/{REPO}")
    assert response.headers["X-RateLimit-Limit"] == "5000"
    assert response.headers["X-RateLimit-Resource"] == "core"
    used = int(response.headers["X-RateLimit-Used"])
    assert int(response.headers["X-RateLimit-Remaining"]) == 5000 - used
    assert int(response.headers["X-RateLimit-Reset"]) > time.time()
    gh = emu.github()
    core = gh.get_rate_limit().resources.core
    assert (core.limit, core.remaining) == (5000, 5000 - used)

    emu.set_rate_limit(remaining=0)
    with pytest.raises(RateLimitExceededException):
        gh.get_repo(REPO)


def test_validation_errors_have_github_shape(emu: GitHubEmulator) -> None:
    repo = emu.github().get_repo(REPO)
    repo.create_label("dup", "ffffff")
    with pytest.raises(GithubException) as caught:
        repo.create_label("DUP", "000000")
    assert caught.value.status == 422
    assert caught.value.data["message"] == "Validation Failed"
    assert caught.value.data["errors"] == [{"resource": "Label", "code": "already_exists", "field": "name"}]
    assert caught.value.data["documentation_url"].startswith("https://docs.github.com/rest/issues/labels")

    auth = {"Authorization": f"token {emu.token}"}
    missing_title = requests.post(
        f"{emu.url}{ISSUES_PATH}", json={"body": "no title"}, headers=auth, timeout=5
    )
    assert missing_title.status_code == 422
    assert missing_title.json()["errors"] == [
        {"resource": "Issue", "code": "missing_field", "field": "title"}
    ]
    with pytest.raises(GithubException) as caught:
        repo.create_issue("Assign a stranger", assignees=["mallory"])
    assert caught.value.status == 422 and caught.value.data["errors"][0]["code"] == "invalid"
    assert emu.issues(REPO) == []


def test_not_found_and_bad_credentials(emu: GitHubEmulator) -> None:
    gh = emu.github()
    with pytest.raises(UnknownObjectException) as caught:
        gh.get_repo("octo-org/nope")
    assert caught.value.status == 404
    assert caught.value.data["message"] == "Not Found" and "documentation_url" in caught.value.data
    with pytest.raises(UnknownObjectException):
        gh.get_repo(REPO).get_issue(999)
    with pytest.raises(BadCredentialsException):
        emu.github("ghp_unknown").get_user().login  # noqa: B018
    anonymous = _get(emu, "/user", token="")
    assert anonymous.status_code == 401 and anonymous.json()["message"] == "Requires authentication"


# -- fault injection ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502])
def test_server_errors_before_leave_state_unchanged(emu: GitHubEmulator, status: int) -> None:
    repo = emu.github().get_repo(REPO)
    rule = emu.inject(str(status), method="POST", path=ISSUES_PATH)
    with pytest.raises(GithubException) as caught:
        repo.create_issue("Will fail")
    assert caught.value.status == status
    assert emu.issues(REPO) == []
    assert rule.hits == [1] and emu.requests[1].fault == str(status)
    repo.create_issue("Works now")  # one-shot
    assert [i.title for i in emu.issues(REPO)] == ["Works now"]


def test_server_error_after_the_write_and_a_retrying_client_duplicates(emu: GitHubEmulator) -> None:
    emu.inject("500", method="POST", path=ISSUES_PATH, when="after")
    with pytest.raises(GithubException):
        emu.github().get_repo(REPO).create_issue("Created anyway")
    assert [i.title for i in emu.issues(REPO)] == ["Created anyway"]

    emu.inject("502", method="POST", path=ISSUES_PATH, when="after")
    retrying = emu.github(retry=GithubRetry(total=3, backoff_factor=0))
    retrying.get_repo(REPO).create_issue("Naive retry")
    assert [i.title for i in emu.issues(REPO)] == ["Created anyway", "Naive retry", "Naive retry"]


@pytest.mark.parametrize(("when", "created"), [("before", 0), ("after", 1)])
def test_dropped_connection(emu: GitHubEmulator, when: Any, created: int) -> None:
    repo = emu.github().get_repo(REPO)
    emu.inject("drop", at=len(emu.requests), when=when)
    with pytest.raises(requests.exceptions.ConnectionError):
        repo.create_issue("Lost answer")
    assert len(emu.issues(REPO)) == created
    assert emu.requests[-1].status is None and emu.requests[-1].fault == "drop"
    assert repo.get_issues(state="all").totalCount == created  # server still fine afterwards


@pytest.mark.slow
def test_slow_answer_times_out_the_client(emu: GitHubEmulator) -> None:
    emu.inject("slow", method="GET", path=f"/repos/{REPO}", seconds=1.6)
    with pytest.raises(requests.exceptions.Timeout):
        emu.github(timeout=1).get_repo(REPO)  # PyGithub only takes whole seconds
    assert emu.github().get_repo(REPO).full_name == REPO


@pytest.mark.slow
@pytest.mark.parametrize("when", ["before", "after"])
def test_slow_write_takes_effect_although_the_client_gave_up(emu: GitHubEmulator, when: Any) -> None:
    repo = emu.github(timeout=1).get_repo(REPO)
    emu.inject("slow", method="POST", seconds=1.3, when=when)
    with pytest.raises(requests.exceptions.Timeout):
        repo.create_issue("Eventually")
    # "before": the write happens when the delay is over; "after": it happened, only the answer is late
    assert len(emu.issues(REPO)) == (1 if when == "after" else 0)
    deadline = time.monotonic() + 3
    while not emu.issues(REPO) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [i.title for i in emu.issues(REPO)] == ["Eventually"]


@pytest.mark.slow
def test_secondary_rate_limit_is_retried_after_retry_after(emu: GitHubEmulator) -> None:
    emu.inject("secondary_rate_limit", method="POST", path=ISSUES_PATH, retry_after=1)
    gh = emu.github(retry=GithubRetry(total=3, backoff_factor=0))
    repo = gh.get_repo(REPO)
    started = time.monotonic()
    repo.create_issue("Patience")
    assert time.monotonic() - started >= 1.0
    assert [(r.method, r.status) for r in emu.requests[1:]] == [("POST", 403), ("POST", 201)]
    assert len(emu.issues(REPO)) == 1

    raw_rule = emu.inject("secondary_rate_limit", at=len(emu.requests))
    raw = _get(emu, f"/repos/{REPO}")
    assert raw.status_code == 403 and raw.headers["Retry-After"] == "1"
    assert raw.json()["message"].startswith("You have exceeded a secondary rate limit")
    assert raw_rule.hits == [len(emu.requests) - 1]

    emu.inject("secondary_rate_limit", method="GET")
    with pytest.raises(RateLimitExceededException):
        emu.github().get_repo(REPO)  # a client that does not retry sees the 403


def test_faults_by_predicate_and_count(emu: GitHubEmulator) -> None:
    rule = emu.inject("500", path=re.compile(r"/repos/[^/]+/[^/]+/issues/\d+"), times=2)
    emu.create_issue(REPO, "Flaky")
    repo = emu.github().get_repo(REPO)
    for _ in range(2):
        with pytest.raises(GithubException):
            repo.get_issue(1).title  # noqa: B018
    assert repo.get_issue(1).title == "Flaky"
    assert rule.exhausted and len(rule.hits) == 2

    emu.inject("502", match=lambda r: r.json is not None and r.json.get("title") == "poison")
    with pytest.raises(GithubException):
        repo.create_issue("poison")
    repo.create_issue("fine")
    assert [i.title for i in emu.issues(REPO)] == ["Flaky", "fine"]


# -- schema validation ----------------------------------------------------------------------------


def test_schema_validation_catches_broken_responses() -> None:
    fixture = serve({})  # the code behind the github_emulator fixture
    emu = next(fixture)
    emu.add_repo(REPO)
    emu.create_issue(REPO, "Fine")
    repo = emu.github().get_repo(REPO)

    def drop_number(body: Any) -> Any:
        del body["number"]  # a required field
        return body

    emu.inject("corrupt", path=f"{ISSUES_PATH}/1", mutate=drop_number)
    with pytest.raises(GithubException) as caught:
        repo.get_issue(1).title  # noqa: B018
    assert caught.value.status == 500  # loud: the client gets an error, not a broken document
    [failure] = emu.schema_failures
    assert failure.schema == "issue" and "number" in failure.error and "Field required" in failure.error

    emu.inject("corrupt", path=ISSUES_PATH, mutate=lambda body: [{**body[0], "id": "1"}])  # wrong type
    with pytest.raises(GithubException):
        list(repo.get_issues())
    emu.inject("corrupt", path=f"/repos/{REPO}", mutate=lambda body: {**body, "fulname": REPO})  # typo
    with pytest.raises(GithubException):
        emu.github().get_repo(REPO)
    assert "$.fulname" in emu.schema_failures[-1].error
    assert len(emu.schema_failures) == 3

    with pytest.raises(AssertionError, match="3 problem"):
        next(fixture)  # fixture teardown: stops the server, then fails the test


def test_schema_validator_directly() -> None:
    assert schemas.validate("basic-error", b'{"message": "Not Found"}') is None
    no_docs_url = b'{"message": "Validation Failed"}'
    assert schemas.validate("validation-error", no_docs_url) is not None
    assert schemas.validate("label", b'{"name": "x"}') is not None


# -- scale, concurrency, fixture configuration ----------------------------------------------------


@pytest.mark.slow
def test_ten_thousand_issues_listed_by_label(emu: GitHubEmulator) -> None:
    emu.seed_issues(REPO, 10_000, labels=lambda i: ["action-item"] if i % 5 == 0 else [])
    assert len(emu.issues(REPO)) == 10_000

    emu.reset_log()
    repo = emu.github(per_page=100).get_repo(REPO)
    labelled = list(repo.get_issues(labels=["action-item"]))
    assert len(labelled) == 2_000
    assert len({issue.number for issue in labelled}) == 2_000
    assert len([r for r in emu.requests if r.canonical_path == ISSUES_PATH]) == 20


def test_concurrent_clients_get_distinct_issue_numbers(emu: GitHubEmulator) -> None:
    errors: list[BaseException] = []

    def worker(login: str) -> None:
        try:
            repo = emu.github(emu.token_for(login)).get_repo(REPO)
            for n in range(10):
                repo.create_issue(f"{login} {n}")
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(login,)) for login in ("alice", "bob", "carol")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    issues = emu.issues(REPO)
    assert sorted(i.number for i in issues) == list(range(1, 31))
    assert {i.user.login for i in issues} == {"alice", "bob", "carol"}


def test_contents_and_compare(emu: GitHubEmulator) -> None:
    emu.set_commits(
        REPO,
        {
            "a" * 40: {"notes/2024-05-01.md": "# Standup\n- [ ] alice: ship\n", "README.md": "x"},
            "b" * 40: {"notes/2024-05-01.md": "# Standup\n- [x] alice: ship\n", "notes/2024-05-08.md": "new"},
        },
    )
    repo = emu.github().get_repo(REPO)
    file = repo.get_contents("notes/2024-05-01.md", ref="a" * 40)
    assert not isinstance(file, list)
    assert file.decoded_content == b"# Standup\n- [ ] alice: ship\n"
    listing = repo.get_contents("notes")
    assert isinstance(listing, list)
    assert [(f.name, f.type) for f in listing] == [("2024-05-01.md", "file"), ("2024-05-08.md", "file")]
    root = repo.get_contents("")
    assert isinstance(root, list) and [(f.path, f.type) for f in root] == [("notes", "dir")]
    with pytest.raises(UnknownObjectException):
        repo.get_contents("README.md")  # deleted in the second commit

    comparison = repo.compare("a" * 40, "main")
    assert (comparison.status, comparison.ahead_by, comparison.behind_by) == ("ahead", 1, 0)
    assert [c.sha for c in comparison.commits] == ["b" * 40]
    changes = {f.filename: (f.status, f.additions, f.deletions) for f in comparison.files}
    assert changes == {
        "README.md": ("removed", 0, 1),
        "notes/2024-05-01.md": ("modified", 1, 1),
        "notes/2024-05-08.md": ("added", 1, 0),
    }
    assert all(f.sha for f in comparison.files)
    assert repo.compare("main", "a" * 40).status == "behind"


def test_writing_a_file_makes_a_commit_and_refuses_a_stale_sha(emu: GitHubEmulator) -> None:
    emu.set_commits(REPO, {"a" * 40: {"notes/x.md": "x"}})
    repo = emu.github().get_repo(REPO)
    created = repo.create_file("corrections.yaml", "Record them", "one\n", branch="main")
    assert emu.file(REPO, "corrections.yaml") == b"one\n" and emu.file(REPO, "notes/x.md") == b"x"
    stale = created["content"].sha
    repo.update_file("corrections.yaml", "Again", "two\n", stale, branch="main")
    assert emu.file(REPO, "corrections.yaml") == b"two\n"
    with pytest.raises(GithubException) as conflict:  # a writer who read before the last write
        repo.update_file("corrections.yaml", "Late", "three\n", stale, branch="main")
    assert conflict.value.status == 409 and emu.file(REPO, "corrections.yaml") == b"two\n"
    with pytest.raises(GithubException) as missing:
        repo.create_file("corrections.yaml", "Blind", "four\n", branch="main")
    assert missing.value.status == 422


def test_the_pull_requests_of_a_commit_are_those_it_merged(emu: GitHubEmulator) -> None:
    open_one = emu.create_pull_request(REPO, "Open").number
    merged = emu.create_pull_request(REPO, "Merged").number
    emu.merge_pull_request(REPO, merged, "c" * 40)
    commit = emu.github(lazy=True).get_repo(REPO).get_commit("c" * 40)  # as the bot reads it: no GET
    assert [(p.number, p.merge_commit_sha) for p in commit.get_pulls()] == [(merged, "c" * 40)]
    assert emu.issue(REPO, open_one).state == "open" and emu.issue(REPO, merged).merged_at is not None
    with pytest.raises(ApiError):
        emu.merge_pull_request(REPO, merged, "d" * 40)  # merged already


class TestConfiguredFixture:
    @pytest.fixture
    def github_emulator_config(self) -> Iterator[dict[str, Any]]:
        yield {"login": "notes-bot", "token": "tok-notes-bot", "tokens": {"tok-dana": "dana"}}

    def test_config_fixture_overrides_identity(self, github_emulator: GitHubEmulator) -> None:
        assert github_emulator.token == "tok-notes-bot"
        assert github_emulator.github().get_user().login == "notes-bot"
        assert github_emulator.github("tok-dana").get_user().login == "dana"
