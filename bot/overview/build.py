"""The site command's work: the items of the notes, the tracker read once (one listing per
repository, as sync reads it), the page built from them and written to a folder.

Nothing is read per item: who closed an issue and the pull request that did, which the report
reads for each closed issue it shows, are left off the page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.commands import followup as reporting
from bot.config import Config
from bot.followup import checklist
from bot.issues import Tracker
from bot.overview.content import Overview, overview
from bot.pipeline import Extraction
from bot.wiring import sync_context

PAGE = "index.html"


def build(
    config: Config, extraction: Extraction, tracker: Tracker, meeting: dt.date, now: dt.datetime, root: Path
) -> Overview:
    """The page for `meeting`, with ages counted to `now`'s date in the team's time zone."""
    state = reporting.tracker_state(config, extraction, tracker, root)
    dates = [m.date for m in extraction.meetings]
    today = reporting.team_day(config, now)
    history = checklist.statuses(meeting, extraction.items, dates, state.issues, state.progress, today=today)
    follow_up = checklist.follow_up(meeting, dates, history)
    context = sync_context(config, root)
    return overview(
        config.meetings.name, follow_up, history, dates, today, context.link, context.router.default
    )


# The page says it is the bot's (page.html.j2): a page without this line is someone else's.
GENERATOR = '<meta name="generator" content="actionbot">'


class NotOurs(Exception):
    """A page in the way that the bot did not write (a team's home page): it is not overwritten."""


def write(folder: Path, html: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / PAGE
    if page.is_symlink() or (page.exists() and GENERATOR not in _head(page)):
        raise NotOurs(
            f"{page} exists and actionbot did not write it: remove it, or write the page into another folder"
        )
    page.write_text(html, encoding="utf-8")
    return page


def _head(page: Path) -> str:
    with page.open("rb") as handle:
        return handle.read(4096).decode("utf-8", errors="replace")


def described(page: Overview, written: Path) -> str:
    counts = page.counts
    return (
        f"The overview page for the {page.meeting.isoformat()} meeting: {counts.open} open items, "
        f"{counts.overdue} overdue, {counts.closed} closed since the previous meeting. Written to {written}."
    )
