"""The site command: the items of the notes, the tracker read once (one listing per
repository, as sync reads it), the page built from them and written to a folder.

Nothing is read per item: who closed an issue and the pull request that did, which the report
reads for each closed issue it shows, are left off the page.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bot import actions
from bot.commands import report, runner, status
from bot.config import Config
from bot.followup import checklist
from bot.issues import Tracker
from bot.overview import page
from bot.overview.content import Overview, overview
from bot.pipeline import Extraction
from bot.wiring import make_workspace

PAGE = "index.html"


def command(
    out_dir: Path, paths: list[str] | None, config: Path | None, meeting: str | None, now: str | None
) -> None:
    def work(job: runner.Run) -> None:
        extraction = job.extract(paths)
        clock = runner.now_option(now)
        target = report.meeting_of(meeting, extraction, job.settings, clock)
        shown = build(job.settings, extraction, job.tracker(), target, clock, job.root)
        try:
            written = write(out_dir, page.render(shown))
        except NotOurs as error:
            raise runner.fail(str(error)) from None
        except OSError as error:
            raise runner.fail(f"{out_dir}: cannot write the page: {error.strerror or error}") from None
        said = described(shown, written)
        sys.stdout.write(said + "\n")
        actions.write_summary(f"### actionbot site\n\n{said}")

    runner.run(config, work)


def build(
    config: Config, extraction: Extraction, tracker: Tracker, meeting: dt.date, now: dt.datetime, root: Path
) -> Overview:
    """The page for `meeting`, with ages counted to `now`'s date in the team's time zone."""
    state = status.tracker_state(config, extraction, tracker, root)
    dates = [m.date for m in extraction.meetings]
    today = status.team_day(config, now)
    history = checklist.statuses(meeting, extraction.items, dates, state.issues, state.progress, today=today)
    follow_up = checklist.follow_up(meeting, dates, history)
    workspace = make_workspace(config, root)
    return overview(
        config.meetings.name, follow_up, history, dates, today, workspace.link, workspace.router.default
    )


# The page says it is the bot's (page.html.j2): a page without this line is someone else's.
GENERATOR = '<meta name="generator" content="actionbot">'


class NotOurs(Exception):
    """A page in the way that the bot did not write (a team's home page): it is not overwritten."""


def write(folder: Path, html: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / PAGE
    if index.is_symlink() or (index.exists() and GENERATOR not in _head(index)):
        raise NotOurs(
            f"{index} exists and actionbot did not write it: remove it, or write the page into another folder"
        )
    index.write_text(html, encoding="utf-8")
    return index


def _head(index: Path) -> str:
    with index.open("rb") as handle:
        return handle.read(4096).decode("utf-8", errors="replace")


def described(shown: Overview, written: Path) -> str:
    counts = shown.counts
    return (
        f"The overview page for the {shown.meeting.isoformat()} meeting: {counts.open} open items, "
        f"{counts.overdue} overdue, {counts.closed} closed since the previous meeting. Written to {written}."
    )
