"""The items, close and reopen commands' work: the bot's issues in every repository the config
writes to, read as action items, and an item's issue closed or reopened."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.config import Config
from bot.followup.tracked import TrackedItem, tracked_items
from bot.issues import Tracker
from bot.syncplan.apply import bot_issues
from bot.wiring import sync_context

CLOSE_REASONS = {False: "completed", True: "not_planned"}


def read_items(config: Config, tracker: Tracker, root: Path) -> list[TrackedItem]:
    context = sync_context(config, root)
    repos = sorted({context.router.default, *(route.repo for route in config.tracker.routes)})
    existing, _ = bot_issues(tracker, repos, context.router)
    return tracked_items(issue for issues in existing.values() for issue in issues)


def close(tracker: Tracker, item: TrackedItem, not_planned: bool) -> tuple[TrackedItem, str]:
    reason = CLOSE_REASONS[not_planned]
    if item.issue.state == "closed" and item.issue.state_reason == reason:
        return item, f"{item.reference} was already closed"
    closed = tracker.close(item.issue, reason)
    said = "closed as not planned" if not_planned else "closed"
    return replace(item, issue=closed), f"{said} {item.reference}: {closed.title}"


def reopen(tracker: Tracker, item: TrackedItem) -> tuple[TrackedItem, str]:
    if item.issue.state == "open":
        return item, f"{item.reference} is open already"
    opened = tracker.reopen(item.issue)
    return replace(item, issue=opened), f"reopened {item.reference}: {opened.title}"
