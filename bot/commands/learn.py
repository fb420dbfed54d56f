"""The learn command's work, and what close and reopen record: the corrections the bot's issues show
kept beside the others in the corrections file, and every correction and confirmed item exported as
examples in the gold format.

Fitting the team's own decision on those examples, on top of the shipped one, needs the learned
decision of the extraction (issue 18); `fit_team_model` is where it plugs in."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.commands.items import read_items
from bot.config import Config
from bot.issues import Issue, Tracker
from bot.items import ActionItem
from bot.review import corrections, examples, fromissues, store
from bot.trackers.github import GitHubTracker

NOT_FITTED = (
    "no team model fitted: the shipped extraction has no learned decision to fit a team's on yet "
    "(issue 18); the examples are ready for it"
)


@dataclass(frozen=True)
class TeamFit:
    fitted: bool
    said: str


def fit_team_model(gold: Mapping[str, Any], root: Path) -> TeamFit:
    """The seam for the team's own decision: fitted on `gold` (the examples), kept under `root`
    only if it does better than the shipped one on the team's history. Not built yet: see above."""
    return TeamFit(False, NOT_FITTED)


def record_from_issues(
    config: Config, tracker: Tracker, root: Path, path: Path, items: Iterable[ActionItem]
) -> list[corrections.Correction]:
    """The corrections the bot's issues show that the file does not hold yet, added to it."""
    issues = [tracked.issue for tracked in read_items(config, tracker, root)]
    who: Callable[[Issue], str | None] = (
        tracker.closed_by if isinstance(tracker, GitHubTracker) else lambda _: None
    )
    lines = {item.id: item.line for item in items}
    shown = fromissues.corrections(issues, config.roster, who, tracker.login(), lines)
    return _add(path, shown)


def record_close(config: Config, closed: Issue, path: Path) -> list[corrections.Correction]:
    """A close as not planned by `actionbot close`, recorded when it says the item was misread."""
    shown = fromissues.corrections([closed], config.roster, lambda _: None, "", {})
    return _add(path, [c for c in shown if c.kind == "ignore"])


def forget(path: Path, item_id: str) -> bool:
    """`actionbot reopen` undoes the item's "not an action item"."""
    known = store.load(path)
    kept = [c for c in known if not (c.id == item_id and c.kind == "ignore")]
    if len(kept) == len(known):
        return False
    store.save(path, kept)
    return True


def gold(config: Config, path: Path, items: Iterable[ActionItem]) -> dict[str, Any]:
    by_id = {item.id: item for item in items}
    return examples.gold_examples(store.load(path), config.roster, config.meetings.name, by_id)


def _add(path: Path, shown: Iterable[corrections.Correction]) -> list[corrections.Correction]:
    known = store.load(path)
    kept = corrections.merged(known, shown)
    new = [c for c in kept if c not in known]
    if new:
        store.save(path, kept)
    return new
