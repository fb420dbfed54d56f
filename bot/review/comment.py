"""The review comment on a pull request: what merging it would do, one line per new item with a
ticked checkbox, and what people changed in it read back as corrections. Pure.

A line reads `- [x] Rotate the signing key · owners: Priya Raman · due: 2026-05-08 · notes/a.md
line 7 <!-- actionbot:item 3f9c2a1b… -->`: the hidden id ties the line to its item, whatever
people do to the visible text. Unticked, the item is not an action item; a title or owners that
differ from what the bot wrote are an override; a line left as it was confirms the item.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.action_item import ActionItem
from bot.issueindex import issuetext
from bot.review.corrections import Correction
from bot.syncplan.plan import Create, Step, meaning, subject

MARK = "<!-- actionbot:review -->"
HEADING = "### actionbot: what merging this pull request does"
HOW = (
    "Each new action item below becomes an issue when this pull request is merged. Untick one that is "
    "not an action item; edit its title, or the names after *owners:* (names or @logins), to correct "
    "it, keeping the ` · ` between the parts. The bot reads this comment when the pull request is "
    "merged and keeps the corrections in `actionbot.corrections.yaml`."
)
NOTHING_NEW = "No new action items."
CUT = (
    "\n_({count} more new items, too many for one comment: the job summary lists them; they are "
    "opened as they are.)_"
)
CHANGES = "Issues it changes:"
SEPARATOR = " · "
_ITEM = re.compile(
    r"^\s*[-*] \[(?P<tick>[ xX])\] (?P<text>.*?)\s*<!-- actionbot:item (?P<id>[0-9a-f]+) -->\s*$"
)
_OWNERS = "owners:"


@dataclass(frozen=True)
class Reviewed:
    """One item's line as the comment holds it."""

    id: str
    ticked: bool  # unticked: "this is not an action item"
    title: str  # as people left it: an edit says "this title, not that"
    owners: tuple[str, ...]


def shown(item: ActionItem) -> Reviewed:
    """The line the bot writes for an item, before anyone edits it."""
    title = issuetext.safe_inline(item.task, ()).replace("·", "-")
    return Reviewed(item.id, True, title, tuple(o.name.replace(",", " ") for o in item.owners))


def render(steps: Sequence[Step], previous: Mapping[str, Reviewed]) -> str:
    """The comment for a plan; an item still in it keeps what people did to its line before."""
    created = [step.item for step in steps if isinstance(step, Create)]
    items = [_line(item, previous.get(item.id, shown(item))) for item in created] or [NOTHING_NEW]
    changed = [step for step in steps if meaning(step).changes and not isinstance(step, Create)]
    changes = ["", CHANGES, "", *(_change(step) for step in changed)] if changed else []
    return _fit([MARK, HEADING, "", HOW, ""], items, changes)


def _fit(head: list[str], items: list[str], changes: list[str]) -> str:
    """The comment, its item lines cut where GitHub's limit would refuse it (a backfill's pull
    request): the items left out cannot be reviewed here, and it says so."""
    size = sum(len(line) + 1 for line in (*head, *changes)) + len(CUT) + 20
    kept: list[str] = []
    for line in items:
        size += len(line) + 1
        if size > issuetext.MAX_BODY:
            kept.append(CUT.format(count=len(items) - len(kept)))
            break
        kept.append(line)
    return "\n".join([*head, *kept, *changes]) + "\n"


def _line(item: ActionItem, reviewed: Reviewed) -> str:
    parts = [
        reviewed.title,
        f"{_OWNERS} {', '.join(reviewed.owners)}",
        f"due: {item.due.isoformat() if item.due else 'none'}",
        f"{issuetext.safe_inline(item.note, ())} line {item.line}",
    ]
    tick = "x" if reviewed.ticked else " "
    return f"- [{tick}] {SEPARATOR.join(parts)} <!-- actionbot:item {item.id} -->"


def _change(step: Step) -> str:
    said = meaning(step)
    what = issuetext.safe_inline(said.title or subject(step), ())
    return f"- {said.action} {said.repo}#{said.number}: {what}"


def parse(body: str) -> dict[str, Reviewed]:
    """The item lines of a review comment, by item id."""
    found: dict[str, Reviewed] = {}
    for line in body.splitlines():
        match = _ITEM.match(line)
        if match is None:
            continue
        parts = [part.strip() for part in match.group("text").split(SEPARATOR.strip())]
        owners = next((p[len(_OWNERS) :] for p in parts[1:] if p.lower().startswith(_OWNERS)), "")
        found[match.group("id")] = Reviewed(
            match.group("id"),
            match.group("tick") != " ",
            parts[0],
            tuple(name.strip() for name in owners.split(",") if name.strip()),
        )
    return found


def corrections(
    reviewed: Mapping[str, Reviewed], items: Sequence[ActionItem], source: str
) -> list[Correction]:
    """What the comment says about the items it lists: each unticked, edited or confirmed."""
    found = []
    for item in items:
        line = reviewed.get(item.id)
        if line is None:
            continue
        bot = shown(item)
        if not line.ticked:
            found.append(Correction.of(item, "ignore", source))
        elif line.title != bot.title or line.owners != bot.owners:
            title = plain(line.title) if line.title != bot.title else None
            owners = line.owners if line.owners != bot.owners else None
            found.append(Correction.of(item, "override", source, title, owners))
        else:
            found.append(Correction.of(item, "confirm", source))
    return found


def plain(text: str) -> str:
    """Text the bot made inert (a title in the comment, a quote in an issue) as people wrote it."""
    return " ".join(html.unescape(text).replace("\u2060", "").split())
