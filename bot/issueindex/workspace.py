"""`Workspace`: the notes a run reads and how the config keeps their issues. Sync, report, site and
items all start from it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.action_item import ActionItem
from bot.issueindex.routing import Router


@dataclass(frozen=True)
class IssueSettings:
    """What the config says of the bot's issues: the labels they carry and when the bot closes them."""

    item_label: str = "action-item"
    meeting_label_prefix: str = "meeting:"
    close_removed: bool = False
    close_on_done: bool = False


@dataclass(frozen=True)
class Workspace:
    """The notes' root and, for their items' issues, where each goes (`router`), how it links the
    note line (`link`), whom it may mention (`roster_logins`) and the config's `settings`."""

    root: Path
    router: Router
    link: Callable[[ActionItem], str]
    roster_logins: frozenset[str]
    settings: IssueSettings


def roster_logins(logins: Iterable[str | None]) -> frozenset[str]:
    return frozenset(login.lower() for login in logins if login)
