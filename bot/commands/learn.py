"""The learn command's work, and what close and reopen record: the corrections the bot's issues show
kept beside the others in the corrections file, every correction and confirmed item exported as
examples in the gold format, and the team's own decision fitted on them (`bot.extraction.team`), kept
in the team model file (`bot.review.team_model`) only if it reads the team's history better."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.action_item import ActionItem
from bot.commands import runner
from bot.commands.items import read_items
from bot.config import Config
from bot.extraction import team
from bot.extraction.decision import Decision
from bot.extraction.labels import items_of
from bot.extraction.nlp import load_model
from bot.issues import Issue, Tracker
from bot.notes import cadence
from bot.notes.meeting import Meeting
from bot.review import corrections, examples, fromissues, store, team_model
from bot.trackers.github import GitHubTracker

TOO_FEW = (
    "no team model fitted: judging one leave one meeting out needs two reviewed notes, "
    "and {count} of the notes read {verb} reviewed"
)
FIGURES = "leave one meeting out on {count} reviewed notes: shipped {before}; team model {after}"
KEPT = "team model kept in {path}: it reads the team's notes from now on (delete the file to undo)"
REFUSED = (
    "team model not kept: it does not do better than the shipped decision (F1 must rise and recall "
    "fall by no more than {loss}); nothing written"
)
LEFT = "the team model already in {path} is left as it was: delete it to go back to the shipped decision"


def command(paths: list[str] | None, config: Path | None, out: Path | None) -> None:
    # The examples are written from the notes that could be read; those that could not are said.
    runner.run(config, lambda job: _learn(job, paths, out), unread_fails=False)


def _learn(job: runner.Run, paths: list[str] | None, out: Path | None) -> None:
    settings, path = job.settings, job.corrections
    extraction = job.extract(paths)
    tracker = job.tracker()
    recorded = record_from_issues(settings, tracker, job.root, path, extraction.items)
    exported = gold(settings, path, extraction.items)
    text = json.dumps(exported, ensure_ascii=False, indent=1) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
    count = sum(len(note["items"]) + len(note["not_items"]) for note in exported["notes"])
    sys.stderr.write(f"{len(recorded)} corrections recorded from the issues in {path}\n")
    sys.stderr.write(f"{count} examples from {len(exported['notes'])} reviewed notes\n")
    fitted = fit_team_model(settings, exported, extraction.meetings, team_model.path_for(job.config_path))
    sys.stderr.write(fitted.said + "\n")


@dataclass(frozen=True)
class TeamFit:
    fitted: bool
    said: str


def fit_team_model(
    config: Config, gold: Mapping[str, Any], meetings: Sequence[Meeting], path: Path
) -> TeamFit:
    """The team's own decision, fitted on `gold` (the examples) over the `meetings` read, written
    to `path` only if it does better than the shipped one on the reviewed ones, meeting by meeting
    unseen."""
    from bot.extraction.extractor import Extractor  # with spaCy, as the pipeline imports it

    shipped = Decision.shipped()
    every_days = cadence.every_days(config.meetings.every_days, (m.date for m in meetings))
    extractor = Extractor(load_model(config.model), config.roster, every_days, shipped)
    reviewed = [m for m in meetings if items_of(gold, m.path) is not None]
    verdict = team.judge(((m, extractor.readings(m)) for m in reviewed), gold, extractor.items, shipped)
    if verdict.model is None:
        verb = "was" if verdict.meetings == 1 else "were"
        return TeamFit(False, TOO_FEW.format(count=verdict.meetings, verb=verb))
    figures = FIGURES.format(count=verdict.meetings, before=verdict.before, after=verdict.after)
    if not verdict.better:
        left = "\n" + LEFT.format(path=path) if path.is_file() else ""
        return TeamFit(False, figures + "\n" + REFUSED.format(loss=team.RECALL_GIVEN_UP) + left)
    team_model.save(path, verdict)
    return TeamFit(True, figures + "\n" + KEPT.format(path=path))


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
