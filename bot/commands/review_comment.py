"""The review's work, between the CLI and the pieces: on a pull request, one comment saying what
merging it would do (edited in place on every push); on the push that merges it, what people
changed in that comment recorded in the corrections file, committed, and honoured by the sync.

Only inside GitHub Actions and with the GitHub tracker: elsewhere there is no pull request."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from bot import actions
from bot.config import Config
from bot.issues import Comment
from bot.notes.naming import note_key
from bot.pipeline import Extraction
from bot.review import comment, corrections, store
from bot.syncplan.plan import SyncPlan
from bot.trackers.github import GitHubTracker
from bot.wiring import make_tracker

FORK = (
    "This pull request comes from a fork, whose job gets no token that can write: what merging it "
    "would do is in this summary only, with no review comment."
)
POSTED = "The review comment on pull request #{number} says what merging it would do."
EDITED = "The review comment on pull request #{number} is updated; what people changed in it is kept."
NOTHING = "Merging pull request #{number} would write nothing: no review comment."
UNCHANGED = "The review comment on pull request #{number} is up to date."
RECORDED = "Recorded {count} corrections from the review of pull request {numbers} in {path}."
COMMIT_MESSAGE = "Record the corrections people made in the review of pull request {numbers}"


def after_plan(config: Config, plan: SyncPlan, env: Mapping[str, str] = os.environ) -> str:
    """On a pull request: its review comment, posted or edited. What to say in the summary, or ""."""
    if not actions.active(env) or env.get("GITHUB_EVENT_NAME") != "pull_request":
        return ""
    pull = actions.pull_request(actions.load_event(env), env.get("GITHUB_REPOSITORY", ""))
    if pull is None:
        return ""
    if pull.fork:
        return FORK
    tracker = make_tracker(config)
    if not isinstance(tracker, GitHubTracker):
        return ""
    return show(tracker, env["GITHUB_REPOSITORY"], pull.number, plan)


def show(tracker: GitHubTracker, repo: str, number: int, plan: SyncPlan) -> str:
    mine = _review(tracker.pull_request_comments(repo, number), tracker.login())
    if mine is None and not plan.changes:
        return NOTHING.format(number=number)  # no comment on a pull request that would write nothing
    body = comment.render(plan.steps, comment.parse(mine.body) if mine else {})
    if mine is None or mine.id is None:
        tracker.post_comment(repo, number, body)
        return POSTED.format(number=number)
    if mine.body == body:
        return UNCHANGED.format(number=number)
    tracker.edit_comment(repo, number, mine.id, body)
    return EDITED.format(number=number)


def before_sync(
    config: Config,
    extraction: Extraction,
    config_path: Path | None,
    root: Path,
    env: Mapping[str, str] = os.environ,
) -> str:
    """On the push of a merge: the merged pull requests' reviews recorded and applied to
    `extraction` (in place), before anything is planned. What to say, or ""."""
    if not actions.active(env) or env.get("GITHUB_EVENT_NAME") != "push" or not extraction.meetings:
        return ""
    tracker = make_tracker(config)
    if not isinstance(tracker, GitHubTracker) or not env.get("GITHUB_EVENT_PATH"):
        return ""
    sha = actions.pushed_commit(actions.load_event(env))
    if sha is None:
        return ""
    path = store.path_for(config_path)
    repo = env.get("GITHUB_REPOSITORY", "")
    found = record(tracker, repo, sha, extraction, path, root, config.notes.branch)
    if not found:
        return ""
    kept, dropped = corrections.correct(extraction.items, found, config.roster, lambda _: False)
    extraction.items = kept
    extraction.ignored.extend(dropped)
    return RECORDED.format(count=len(found), numbers=_numbers(found), path=note_key(str(path), root))


def record(
    tracker: GitHubTracker,
    repo: str,
    sha: str,
    extraction: Extraction,
    path: Path,
    root: Path,
    branch: str,
) -> list[corrections.Correction]:
    """The corrections the reviews of the pull requests merged as `sha` make, kept in the file at
    `path` and committed to `branch` (the bot's own commit, so they hold for every later run)."""
    found: list[corrections.Correction] = []
    # Who the bot is is asked only once a merge is found: most pushes cost this one request.
    for number in tracker.merged_pull_requests(repo, sha):
        mine = _review(tracker.pull_request_comments(repo, number), tracker.login())
        if mine is not None:
            reviewed = comment.parse(mine.body)
            found += comment.corrections(reviewed, extraction.items, f"pull request #{number}")
    known = store.load(path)
    kept = corrections.merged(known, found)
    if kept != known:  # a rerun after a failed sync finds them recorded: no second, empty commit
        text = store.save(path, kept)
        message = COMMIT_MESSAGE.format(numbers=_numbers(found))
        tracker.write_file(repo, note_key(str(path), root), text, message, branch)
    return found


def _review(comments: Iterable[Comment], login: str) -> Comment | None:
    return next((c for c in comments if c.author == login and c.body.startswith(comment.MARK)), None)


def _numbers(found: Iterable[corrections.Correction]) -> str:
    return ", ".join(dict.fromkeys(c.source.removeprefix("pull request ") for c in found))
