"""Which repository an item's issue goes to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.action_item import ActionItem
from bot.people import LOGIN, REPO_NAME

_NAMED_REPO = re.compile(rf"(?<![\w/.-])({LOGIN})/({REPO_NAME}?)(?:#\d+)?(?![\w/-])")


@dataclass(frozen=True)
class Route:
    section: re.Pattern[str]
    repo: str


@dataclass(frozen=True)
class Router:
    default: str
    routes: tuple[Route, ...] = ()

    @property
    def configured(self) -> frozenset[str]:
        """The repositories the config writes to: the default and every route's."""
        return frozenset((self.default, *(route.repo for route in self.routes)))

    @property
    def allowed_owners(self) -> frozenset[str]:
        # A note may name any repository; the bot only writes where the team already told it to:
        # the owners of the configured repositories.
        return frozenset(repo.split("/")[0].lower() for repo in self.configured)

    def repo_for(self, item: ActionItem) -> str:
        for route in self.routes:
            if route.section.search(item.section):
                return route.repo
        for text in (item.text, item.section):
            for match in _NAMED_REPO.finditer(text):
                owner, name = match.group(1), match.group(2).rstrip(".")
                if owner.lower() in self.allowed_owners and name:
                    return f"{owner}/{name}"
        return self.default
