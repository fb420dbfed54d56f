"""Render state objects as GitHub REST (2022-11-28) JSON documents.

API URLs point back at the emulator (the scheme and host the client used), so PyGithub follows
them; ``html_url`` values point at ``Urls.html`` (https://github.com unless configured otherwise).
"""

from __future__ import annotations

import base64
import urllib.parse
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .gitdata import Commit, DirEntry, FileChange, blob_sha
from .state import Comment, Issue, Label, Milestone, Repo, TimelineEvent, User

Json = dict[str, Any]


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%dT%H:%M:%SZ")


def quote(segment: str) -> str:
    return urllib.parse.quote(segment, safe="")


@dataclass(frozen=True)
class Urls:
    api: str  # e.g. http://127.0.0.1:54321, no trailing slash
    html: str  # e.g. https://github.com

    def repo(self, repo: Repo) -> str:
        return f"{self.api}/repos/{repo.full_name}"

    def repo_html(self, repo: Repo) -> str:
        return f"{self.html}/{repo.full_name}"


def simple_user(user: User, urls: Urls) -> Json:
    api = f"{urls.api}/users/{user.login}"
    return {
        "login": user.login,
        "id": user.id,
        "node_id": user.node_id,
        "avatar_url": f"https://avatars.githubusercontent.com/u/{user.id}?v=4",
        "gravatar_id": "",
        "url": api,
        "html_url": f"{urls.html}/{user.login}",
        "followers_url": f"{api}/followers",
        "following_url": f"{api}/following{{/other_user}}",
        "gists_url": f"{api}/gists{{/gist_id}}",
        "starred_url": f"{api}/starred{{/owner}}{{/repo}}",
        "subscriptions_url": f"{api}/subscriptions",
        "organizations_url": f"{api}/orgs",
        "repos_url": f"{api}/repos",
        "events_url": f"{api}/events{{/privacy}}",
        "received_events_url": f"{api}/received_events",
        "type": user.type,
        "user_view_type": "public",
        "site_admin": False,
    }


def public_user(user: User, urls: Urls, public_repos: int) -> Json:
    return {
        **simple_user(user, urls),
        "name": user.name,
        "company": None,
        "blog": "",
        "location": None,
        "email": user.email,
        "hireable": None,
        "bio": None,
        "twitter_username": None,
        "public_repos": public_repos,
        "public_gists": 0,
        "followers": 0,
        "following": 0,
        "created_at": iso(user.created_at),
        "updated_at": iso(user.created_at),
    }


def private_user(user: User, urls: Urls, public_repos: int, private_repos: int) -> Json:
    return {
        **public_user(user, urls, public_repos),
        "notification_email": user.email,
        "private_gists": 0,
        "total_private_repos": private_repos,
        "owned_private_repos": private_repos,
        "disk_usage": 0,
        "collaborators": 0,
        "two_factor_authentication": True,
        "plan": {"name": "free", "space": 976562499, "private_repos": 10000, "collaborators": 0},
    }


def full_repository(repo: Repo, urls: Urls, open_issues: int) -> Json:
    api, html = urls.repo(repo), urls.repo_html(repo)
    now = iso(repo.created_at)
    return {
        "id": repo.id,
        "node_id": repo.node_id,
        "name": repo.name,
        "full_name": repo.full_name,
        "private": repo.private,
        "owner": simple_user(repo.owner, urls),
        "html_url": html,
        "description": repo.description,
        "fork": False,
        "url": api,
        "forks_url": f"{api}/forks",
        "keys_url": f"{api}/keys{{/key_id}}",
        "collaborators_url": f"{api}/collaborators{{/collaborator}}",
        "teams_url": f"{api}/teams",
        "hooks_url": f"{api}/hooks",
        "issue_events_url": f"{api}/issues/events{{/number}}",
        "events_url": f"{api}/events",
        "assignees_url": f"{api}/assignees{{/user}}",
        "branches_url": f"{api}/branches{{/branch}}",
        "tags_url": f"{api}/tags",
        "blobs_url": f"{api}/git/blobs{{/sha}}",
        "git_tags_url": f"{api}/git/tags{{/sha}}",
        "git_refs_url": f"{api}/git/refs{{/sha}}",
        "trees_url": f"{api}/git/trees{{/sha}}",
        "statuses_url": f"{api}/statuses/{{sha}}",
        "languages_url": f"{api}/languages",
        "stargazers_url": f"{api}/stargazers",
        "contributors_url": f"{api}/contributors",
        "subscribers_url": f"{api}/subscribers",
        "subscription_url": f"{api}/subscription",
        "commits_url": f"{api}/commits{{/sha}}",
        "git_commits_url": f"{api}/git/commits{{/sha}}",
        "comments_url": f"{api}/comments{{/number}}",
        "issue_comment_url": f"{api}/issues/comments{{/number}}",
        "contents_url": f"{api}/contents/{{+path}}",
        "compare_url": f"{api}/compare/{{base}}...{{head}}",
        "merges_url": f"{api}/merges",
        "archive_url": f"{api}/{{archive_format}}{{/ref}}",
        "downloads_url": f"{api}/downloads",
        "issues_url": f"{api}/issues{{/number}}",
        "pulls_url": f"{api}/pulls{{/number}}",
        "milestones_url": f"{api}/milestones{{/number}}",
        "notifications_url": f"{api}/notifications{{?since,all,participating}}",
        "labels_url": f"{api}/labels{{/name}}",
        "releases_url": f"{api}/releases{{/id}}",
        "deployments_url": f"{api}/deployments",
        "created_at": now,
        "updated_at": now,
        "pushed_at": now,
        "git_url": f"git://github.com/{repo.full_name}.git",
        "ssh_url": f"git@github.com:{repo.full_name}.git",
        "clone_url": f"{html}.git",
        "svn_url": html,
        "homepage": None,
        "size": 0,
        "stargazers_count": 0,
        "watchers_count": 0,
        "language": None,
        "has_issues": True,
        "has_projects": True,
        "has_downloads": True,
        "has_wiki": True,
        "has_pages": False,
        "has_discussions": False,
        "forks_count": 0,
        "mirror_url": None,
        "archived": False,
        "disabled": False,
        "open_issues_count": open_issues,
        "license": None,
        "allow_forking": True,
        "is_template": False,
        "web_commit_signoff_required": False,
        "topics": [],
        "visibility": "private" if repo.private else "public",
        "forks": 0,
        "open_issues": open_issues,
        "watchers": 0,
        "default_branch": repo.default_branch,
        "permissions": {"admin": False, "maintain": False, "push": True, "triage": True, "pull": True},
        "network_count": 0,
        "subscribers_count": 0,
    }


def label(repo: Repo, lab: Label, urls: Urls, *, full: bool = True) -> Json:
    """A label; ``full=False`` is the shorter form embedded in issues (no archive fields)."""
    data: Json = {
        "id": lab.id,
        "node_id": lab.node_id,
        "url": f"{urls.repo(repo)}/labels/{quote(lab.name)}",
        "name": lab.name,
        "color": lab.color,
        "default": lab.default,
        "description": lab.description,
    }
    if full:
        data["archived_at"] = None
        data["archived_by"] = None
    return data


def milestone(repo: Repo, mil: Milestone, urls: Urls) -> Json:
    api = f"{urls.repo(repo)}/milestones/{mil.number}"
    issues = [i for i in repo.issues.values() if i.milestone is mil]
    return {
        "url": api,
        "html_url": f"{urls.repo_html(repo)}/milestone/{mil.number}",
        "labels_url": f"{api}/labels",
        "id": mil.id,
        "node_id": mil.node_id,
        "number": mil.number,
        "state": mil.state,
        "title": mil.title,
        "description": mil.description,
        "creator": simple_user(mil.creator, urls),
        "open_issues": sum(1 for i in issues if i.state == "open"),
        "closed_issues": sum(1 for i in issues if i.state == "closed"),
        "created_at": iso(mil.created_at),
        "updated_at": iso(mil.updated_at),
        "closed_at": iso(mil.closed_at),
        "due_on": iso(mil.due_on),
    }


def reactions(url: str) -> Json:
    return {"url": url, "total_count": 0, "+1": 0, "-1": 0, "laugh": 0, "hooray": 0, "confused": 0,
            "heart": 0, "rocket": 0, "eyes": 0}  # fmt: skip


def issue(repo: Repo, iss: Issue, urls: Urls, *, single: bool = False) -> Json:
    """An issue; ``single=True`` adds the fields GitHub only sends for ``GET /issues/{n}``."""
    api = f"{urls.repo(repo)}/issues/{iss.number}"
    html = f"{urls.repo_html(repo)}/{'pull' if iss.pull_request else 'issues'}/{iss.number}"
    data: Json = {
        "url": api,
        "repository_url": urls.repo(repo),
        "labels_url": f"{api}/labels{{/name}}",
        "comments_url": f"{api}/comments",
        "events_url": f"{api}/events",
        "html_url": html,
        "id": iss.id,
        "node_id": iss.node_id,
        "number": iss.number,
        "title": iss.title,
        "user": simple_user(iss.user, urls),
        "labels": [label(repo, lab, urls, full=False) for lab in iss.labels],
        "state": iss.state,
        "locked": iss.locked,
        "assignee": simple_user(iss.assignees[0], urls) if iss.assignees else None,
        "assignees": [simple_user(u, urls) for u in iss.assignees],
        "milestone": milestone(repo, iss.milestone, urls) if iss.milestone else None,
        "comments": iss.comments,
        "created_at": iso(iss.created_at),
        "updated_at": iso(iss.updated_at),
        "closed_at": iso(iss.closed_at),
        "author_association": repo.association(iss.user),
        "type": None,
        "active_lock_reason": None,
        "sub_issues_summary": {"total": 0, "completed": 0, "percent_completed": 0},
        "body": iss.body,
        "reactions": reactions(f"{api}/reactions"),
        "timeline_url": f"{api}/timeline",
        "performed_via_github_app": None,
        "state_reason": iss.state_reason,
    }
    if iss.pull_request:
        data["draft"] = False
        data["pull_request"] = {
            "url": f"{urls.repo(repo)}/pulls/{iss.number}",
            "html_url": html,
            "diff_url": f"{html}.diff",
            "patch_url": f"{html}.patch",
            "merged_at": iso(iss.merged_at),
        }
    if single:
        data["closed_by"] = simple_user(iss.closed_by, urls) if iss.closed_by else None
    return data


def timeline_event(repo: Repo, event: TimelineEvent, urls: Urls) -> Json:
    """An entry of ``GET /issues/{n}/timeline``: cross-referenced, or closed/reopened."""
    if event.event == "cross-referenced":
        assert event.source is not None and event.source_repo is not None
        return {
            "event": event.event,
            "actor": simple_user(event.actor, urls),
            "created_at": iso(event.created_at),
            "updated_at": iso(event.created_at),
            "source": {"type": "issue", "issue": issue(event.source_repo, event.source, urls)},
        }
    return {
        "id": event.id,
        "node_id": event.node_id,
        "url": f"{urls.repo(repo)}/issues/events/{event.id}",
        "actor": simple_user(event.actor, urls),
        "event": event.event,
        "commit_id": None,
        "commit_url": None,
        "created_at": iso(event.created_at),
        "state_reason": event.state_reason,
        "performed_via_github_app": None,
    }


def comment(repo: Repo, com: Comment, urls: Urls) -> Json:
    api = f"{urls.repo(repo)}/issues/comments/{com.id}"
    return {
        "url": api,
        "html_url": f"{urls.repo_html(repo)}/issues/{com.issue_number}#issuecomment-{com.id}",
        "issue_url": f"{urls.repo(repo)}/issues/{com.issue_number}",
        "id": com.id,
        "node_id": com.node_id,
        "user": simple_user(com.user, urls),
        "created_at": iso(com.created_at),
        "updated_at": iso(com.updated_at),
        "author_association": repo.association(com.user),
        "body": com.body,
        "reactions": reactions(f"{api}/reactions"),
        "performed_via_github_app": None,
    }


def rate_limit_overview(limit: int, used: int, reset: int) -> Json:
    def bucket(lim: int, use: int) -> Json:
        return {"limit": lim, "used": use, "remaining": max(lim - use, 0), "reset": reset}

    core = bucket(limit, used)
    return {
        "resources": {
            "core": core,
            "search": bucket(30, 0),
            "graphql": bucket(5000, 0),
            "integration_manifest": bucket(5000, 0),
            "source_import": bucket(100, 0),
            "code_scanning_autofix": bucket(10, 0),
            "actions_runner_registration": bucket(10000, 0),
            "scim": bucket(15000, 0),
            "dependency_snapshots": bucket(100, 0),
            "code_search": bucket(10, 0),
        },
        "rate": core,
    }


def _content_links(repo: Repo, urls: Urls, kind: str, path: str, sha: str, ref: str) -> Json:
    self_url = f"{urls.repo(repo)}/contents/{urllib.parse.quote(path)}?ref={quote(ref)}"
    git_url = f"{urls.repo(repo)}/git/{'trees' if kind == 'dir' else 'blobs'}/{sha}"
    html_url = f"{urls.repo_html(repo)}/{'tree' if kind == 'dir' else 'blob'}/{ref}/{path}"
    return {"url": self_url, "git_url": git_url, "html_url": html_url,
            "_links": {"self": self_url, "git": git_url, "html": html_url}}  # fmt: skip


def _download_url(repo: Repo, ref: str, path: str) -> str:
    return f"https://raw.githubusercontent.com/{repo.full_name}/{ref}/{urllib.parse.quote(path)}"


def content_file(repo: Repo, urls: Urls, path: str, data: bytes, ref: str) -> Json:
    encoded = base64.b64encode(data).decode()
    sha = blob_sha(data)
    return {
        "type": "file",
        "encoding": "base64",
        "size": len(data),
        "name": path.rsplit("/", 1)[-1],
        "path": path,
        # GitHub wraps the base64 text at 60 columns, with a trailing newline.
        "content": "".join(encoded[i : i + 60] + "\n" for i in range(0, len(encoded), 60)),
        "sha": sha,
        "download_url": _download_url(repo, ref, path),
        **_content_links(repo, urls, "file", path, sha, ref),
    }


def directory_item(repo: Repo, urls: Urls, entry: DirEntry, ref: str) -> Json:
    return {
        "type": entry.type,
        "size": entry.size,
        "name": entry.name,
        "path": entry.path,
        "sha": entry.sha,
        "download_url": _download_url(repo, ref, entry.path) if entry.type == "file" else None,
        **_content_links(repo, urls, entry.type, entry.path, entry.sha, ref),
    }


def commit(repo: Repo, com: Commit, urls: Urls) -> Json:
    api = f"{urls.repo(repo)}/commits/{com.sha}"
    html = f"{urls.repo_html(repo)}/commit/{com.sha}"
    person = {"name": com.author_name, "email": com.author_email, "date": iso(com.date)}
    parents = [] if com.parent is None else [{
        "sha": com.parent,
        "url": f"{urls.repo(repo)}/commits/{com.parent}",
        "html_url": f"{urls.repo_html(repo)}/commit/{com.parent}",
    }]  # fmt: skip
    return {
        "sha": com.sha,
        "node_id": f"C_{com.sha[:20]}",
        "commit": {
            "author": person,
            "committer": person,
            "message": com.message,
            "tree": {"sha": com.tree, "url": f"{urls.repo(repo)}/git/trees/{com.tree}"},
            "url": f"{urls.repo(repo)}/git/commits/{com.sha}",
            "comment_count": 0,
            "verification": {
                "verified": False,
                "reason": "unsigned",
                "signature": None,
                "payload": None,
                "verified_at": None,
            },
        },
        "url": api,
        "html_url": html,
        "comments_url": f"{api}/comments",
        "author": None,
        "committer": None,
        "parents": parents,
    }


def diff_entry(repo: Repo, urls: Urls, change: FileChange, head: Commit) -> Json:
    path = urllib.parse.quote(change.filename)
    data: Json = {
        "sha": change.sha,
        "filename": change.filename,
        "status": change.status,
        "additions": change.additions,
        "deletions": change.deletions,
        "changes": change.changes,
        "blob_url": f"{urls.repo_html(repo)}/blob/{head.sha}/{path}",
        "raw_url": f"{urls.repo_html(repo)}/raw/{head.sha}/{path}",
        "contents_url": f"{urls.repo(repo)}/contents/{path}?ref={head.sha}",
    }
    if change.patch is not None:
        data["patch"] = change.patch
    return data


def commit_comparison(
    repo: Repo,
    urls: Urls,
    *,
    base: Commit,
    head: Commit,
    merge_base: Commit,
    status: str,
    ahead_by: int,
    behind_by: int,
    commits: list[Commit],
    total_commits: int,
    files: list[FileChange],
    basehead: str,
) -> Json:
    owner = repo.owner.login
    return {
        "url": f"{urls.repo(repo)}/compare/{basehead}",
        "html_url": f"{urls.repo_html(repo)}/compare/{basehead}",
        "permalink_url": f"{urls.repo_html(repo)}/compare/{owner}:{base.sha[:7]}...{owner}:{head.sha[:7]}",
        "diff_url": f"{urls.repo_html(repo)}/compare/{basehead}.diff",
        "patch_url": f"{urls.repo_html(repo)}/compare/{basehead}.patch",
        "base_commit": commit(repo, base, urls),
        "merge_base_commit": commit(repo, merge_base, urls),
        "status": status,
        "ahead_by": ahead_by,
        "behind_by": behind_by,
        "total_commits": total_commits,
        "commits": [commit(repo, c, urls) for c in commits],
        "files": [diff_entry(repo, urls, change, head) for change in files],
    }


# Keys GitHub sends for GET /repos/{o}/{r} only, not where a repository is embedded ("repository").
_FULL_ONLY = frozenset({"network_count", "subscribers_count"})


def repository(repo: Repo, urls: Urls, open_issues: int) -> Json:
    return {k: v for k, v in full_repository(repo, urls, open_issues).items() if k not in _FULL_ONLY}


def pull_request_simple(repo: Repo, pull: Issue, urls: Urls, open_issues: int, head_sha: str) -> Json:
    """A pull request as ``GET /commits/{sha}/pulls`` lists it. The emulator keeps no branches for
    pull requests: the head is named after the number, at ``head_sha``."""
    api = f"{urls.repo(repo)}/pulls/{pull.number}"
    html = f"{urls.repo_html(repo)}/pull/{pull.number}"
    issue_api = f"{urls.repo(repo)}/issues/{pull.number}"
    where = repository(repo, urls, open_issues)

    def end(ref: str, sha: str) -> Json:
        owner = simple_user(repo.owner, urls)
        return {"label": f"{repo.owner.login}:{ref}", "ref": ref, "repo": where, "sha": sha, "user": owner}

    links = {
        "comments": {"href": f"{issue_api}/comments"},
        "commits": {"href": f"{api}/commits"},
        "statuses": {"href": f"{urls.repo(repo)}/statuses/{head_sha}"},
        "html": {"href": html},
        "issue": {"href": issue_api},
        "review_comments": {"href": f"{api}/comments"},
        "review_comment": {"href": f"{urls.repo(repo)}/pulls/comments{{/number}}"},
        "self": {"href": api},
    }
    return {
        "url": api,
        "id": pull.id,
        "node_id": pull.node_id,
        "html_url": html,
        "diff_url": f"{html}.diff",
        "patch_url": f"{html}.patch",
        "issue_url": issue_api,
        "commits_url": f"{api}/commits",
        "review_comments_url": f"{api}/comments",
        "review_comment_url": f"{urls.repo(repo)}/pulls/comments{{/number}}",
        "comments_url": f"{issue_api}/comments",
        "statuses_url": f"{urls.repo(repo)}/statuses/{head_sha}",
        "number": pull.number,
        "state": pull.state,
        "locked": pull.locked,
        "title": pull.title,
        "user": simple_user(pull.user, urls),
        "body": pull.body,
        "labels": [label(repo, lab, urls, full=False) for lab in pull.labels],
        "milestone": milestone(repo, pull.milestone, urls) if pull.milestone else None,
        "created_at": iso(pull.created_at),
        "updated_at": iso(pull.updated_at),
        "closed_at": iso(pull.closed_at),
        "merged_at": iso(pull.merged_at),
        "merge_commit_sha": pull.merge_commit_sha,
        "assignee": simple_user(pull.assignees[0], urls) if pull.assignees else None,
        "assignees": [simple_user(u, urls) for u in pull.assignees],
        "requested_reviewers": [],
        "requested_teams": [],
        "head": end(f"pull-{pull.number}", head_sha),
        "base": end(repo.default_branch, head_sha),
        "_links": links,
        "author_association": repo.association(pull.user),
        "auto_merge": None,
        "draft": False,
    }


def file_commit(repo: Repo, urls: Urls, path: str, data: bytes, com: Commit) -> Json:
    """The answer to ``PUT /contents/{path}``: the file written and the commit that wrote it."""
    content = content_file(repo, urls, path, data, com.sha)
    del content["encoding"], content["content"]
    full = commit(repo, com, urls)
    return {
        "content": content,
        "commit": {
            "sha": com.sha,
            "node_id": full["node_id"],
            "url": full["commit"]["url"],
            "html_url": full["html_url"],
            "author": full["commit"]["author"],
            "committer": full["commit"]["committer"],
            "message": com.message,
            "tree": full["commit"]["tree"],
            "parents": full["parents"],
            "verification": full["commit"]["verification"],
        },
    }
