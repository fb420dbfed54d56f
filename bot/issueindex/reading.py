"""Reading the bot's issues from a tracker: one listing per repository a run may write to, only the
issues the bot opened (only their markers are trusted)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.action_item import ActionItem
from bot.issueindex.index import issues_of
from bot.issueindex.routing import Router
from bot.issueindex.scope import note_scope
from bot.issueindex.workspace import Workspace
from bot.issues import Issue, Tracker, TrackerError
from bot.notes.meeting import Meeting

UNREADABLE_ROUTE = (
    "tracker.routes.{index} (section '{section}') sends items to {repo}, which the token cannot read "
    "({error}): fix the route or give the token access; nothing was written"
)


def repositories(items: Iterable[ActionItem], router: Router) -> list[str]:
    """The repositories to read: every one the config writes to, whether or not an item routes
    there today (an issue people moved there is still the bot's), and those the notes name."""
    return sorted({router.repo_for(item) for item in items} | router.configured)


def bot_issues(
    tracker: Tracker, repos: Iterable[str], router: Router
) -> tuple[dict[str, list[Issue]], set[str]]:
    """The issues the bot opened, per repository: only these carry markers it trusts. A repository
    only a note names that the token cannot see (or that does not exist) is no reason to stop: it is
    returned among the unavailable ones, and its items go to the default repository. One the config
    routes items to is: its items would land somewhere nobody decided."""
    login = tracker.login()
    routed = {route.repo: (index, route.section.pattern) for index, route in enumerate(router.routes)}
    existing: dict[str, list[Issue]] = {}
    unavailable: set[str] = set()
    for repo in repos:
        try:
            existing[repo] = [i for i in tracker.issues(repo) if i.author == login]
        except TrackerError as error:
            if repo == router.default or not error.no_such_repository:
                raise
            if repo in routed:
                index, section = routed[repo]
                message = UNREADABLE_ROUTE.format(index=index, section=section, repo=repo, error=error)
                raise TrackerError(message, error.status) from None
            unavailable.add(repo)
    return existing, unavailable


def read_issues(
    tracker: Tracker, items: Iterable[ActionItem], router: Router
) -> tuple[dict[str, list[Issue]], Callable[[ActionItem], str]]:
    """The bot's issues in every repository the run may write to, and where each item goes."""
    items = list(items)
    existing, unavailable = bot_issues(tracker, repositories(items, router), router)

    def route(item: ActionItem) -> str:
        repo = router.repo_for(item)
        return router.default if repo in unavailable else repo

    return existing, route


def configured_issues(tracker: Tracker, router: Router) -> list[Issue]:
    """Every issue the bot opened in the repositories the config writes to."""
    existing, _ = bot_issues(tracker, sorted(router.configured), router)
    return [issue for issues in existing.values() for issue in issues]


def item_issues(
    tracker: Tracker, items: Iterable[ActionItem], meetings: Iterable[Meeting], workspace: Workspace
) -> dict[str, Issue]:
    """Each item's issue, found as a sync finds it, from one listing per repository."""
    items = list(items)
    existing, route = read_issues(tracker, items, workspace.router)
    notes = note_scope(meetings, workspace.root)
    return issues_of(items, existing, notes, route, workspace.settings.meeting_label_prefix)
