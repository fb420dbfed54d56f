"""The items, close and reopen commands' work: the bot's issues in every repository the config
writes to, read as action items, and an item's issue closed or reopened."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.config import Config
from bot.followup.tracked import TrackedItem, tracked_items
from bot.issueindex.reading import configured_issues
from bot.issues import Tracker
from bot.wiring import make_workspace

CLOSE_REASONS = {False: "completed", True: "not_planned"}


def read_items(config: Config, tracker: Tracker, root: Path) -> list[TrackedItem]:
    return tracked_items(configured_issues(tracker, make_workspace(config, root).router))


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
