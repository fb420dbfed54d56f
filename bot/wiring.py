"""Building the run's parts from the config and the environment: the tracker and the workspace."""

from __future__ import annotations

import os
import re
from pathlib import Path

from bot import actions
from bot.config import Config
from bot.issueindex.routing import Route, Router
from bot.issueindex.workspace import IssueSettings, Workspace, roster_logins
from bot.issues import Tracker
from bot.syncplan.links import NoteLinks
from bot.trackers.github import ACTIONS_BOT, GitHubTracker
from bot.trackers.local import LocalTracker

LOCAL_REPO = "local/notes"
JOB_TOKEN_ENV = "ACTIONBOT_JOB_TOKEN"


class SetupError(Exception):
    pass


def state_dir(config: Config) -> Path:
    return Path(config.tracker.state_dir)


def token_of(config: Config) -> str:
    """The token, as its variable holds it less the whitespace around it: a secret pasted with
    its newline (`printf 'ghp_...\\n'`) is common, and a newline in a header fails every request."""
    return os.environ.get(config.tracker.token_env, "").strip()


def uses_github(config: Config) -> bool:
    kind = config.tracker.kind
    if kind == "auto":
        return bool(config.tracker.repo and token_of(config))
    return kind == "github"


def tracker_in_use(config: Config) -> dict[str, str]:
    """Which tracker a run writes to, for the run to say: a local one looks like GitHub otherwise."""
    if uses_github(config):
        return {"kind": "github", "repo": config.tracker.repo or "", "api_url": config.tracker.api_url}
    return {"kind": "local", "where": str(state_dir(config) / "tracker.sqlite")}


def describe_tracker(config: Config) -> str:
    used = tracker_in_use(config)
    if used["kind"] == "github":
        return f"on GitHub ({used['repo']})"
    return f"in the local tracker ({used['where']})"


def missing_token(config: Config) -> str | None:
    """A warning when the config names a repository but the token to reach it is not there."""
    settings = config.tracker
    if settings.kind != "auto" or not settings.repo or token_of(config):
        return None
    return (
        f"tracker.repo is {settings.repo} but ${settings.token_env} is not set: writing to the local "
        f"tracker ({state_dir(config) / 'tracker.sqlite'}) instead; set the token, or tracker.kind: github "
        "to make this an error"
    )


def make_tracker(config: Config) -> Tracker:
    settings = config.tracker
    if not uses_github(config):
        return LocalTracker(state_dir(config) / "tracker.sqlite")
    token = token_of(config)
    if not token:
        raise SetupError(f"tracker.kind is github but ${settings.token_env} is not set")
    odd = next((c for c in token if not (c.isascii() and c.isprintable())), None)
    if odd is not None:
        # A token pasted from a document ("curly quotes", a zero-width space) fails deep in the HTTP
        # library, which cannot put it in a header; said here, without the token.
        raise SetupError(
            f"${settings.token_env} holds a character no token has (U+{ord(odd):04X}, "
            f"character {token.index(odd) + 1}): paste the token again"
        )
    if not settings.repo:
        raise SetupError("tracker.kind is github but tracker.repo is not set")
    return GitHubTracker(
        token,
        api_url=settings.api_url,
        timeout=settings.timeout,
        seconds_between_writes=settings.seconds_between_writes,
        login=settings.login,
        retries=settings.retries,
        token_login=ACTIONS_BOT if _jobs_own(token) else None,
    )


def _jobs_own(token: str) -> bool:
    """Whether the token is the Actions job's own (the action passes it as ACTIONBOT_JOB_TOKEN),
    which always writes as github-actions[bot]; an app's token, say, does not."""
    return actions.active() and token == os.environ.get(JOB_TOKEN_ENV, "").strip()


def make_workspace(config: Config, root: Path) -> Workspace:
    """The notes under `root` and how the config keeps their issues, for every command that reads them."""
    github = uses_github(config)
    default = config.tracker.repo if github and config.tracker.repo else (config.tracker.repo or LOCAL_REPO)
    router = Router(default, tuple(Route(re.compile(r.section), r.repo) for r in config.tracker.routes))
    notes_repo = os.environ.get("GITHUB_REPOSITORY") or (config.tracker.repo if github else None)
    ref = os.environ.get("GITHUB_SHA") or config.notes.branch
    server = os.environ.get("GITHUB_SERVER_URL") or "https://github.com"
    links = NoteLinks(root=root, repo=notes_repo, ref=ref, server=server)
    return Workspace(
        root=root,
        router=router,
        link=links,
        roster_logins=roster_logins(p.github for p in config.people),
        settings=IssueSettings(
            item_label=config.tracker.labels.item,
            meeting_label_prefix=config.tracker.labels.meeting_prefix,
            close_removed=config.tracker.close_removed,
            close_on_done=config.tracker.close_on_done,
        ),
    )
