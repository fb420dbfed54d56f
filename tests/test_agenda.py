"""The agenda issue on GitHub (the emulator, PyGithub's real HTTP stack): whom it @-mentions, and the
previous meeting's agenda issue closed when the next one opens."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import bot.commands.remind
from bot.commands.agenda_issue import Reminder
from bot.wiring import make_tracker
from tests import syncbed
from tests.github_emulator import GitHubEmulator

UTC = dt.UTC
FIRST = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by 2026-05-10.

Priya will renew the certificate.

Sam to update the changelog.

Lee will write the FAQ.

The next call is scheduled for **20th May**.
"""
LATER = """---
title: Sync
date: {date}
---

## Chat

Nothing new was promised.

The next call is scheduled for **{next}**.
"""


def write_notes(folder: Path, *later: tuple[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2026-05-06.md").write_text(FIRST, encoding="utf-8")
    for date, following in later:
        (folder / f"{date}.md").write_text(LATER.format(date=date, next=following), encoding="utf-8")
    return folder


def remind(emu: GitHubEmulator, tmp_path: Path, now: dt.datetime, **reminders: object) -> Reminder:
    config = syncbed.make_config(emu, tmp_path / "state")
    config = config.model_copy(
        update={
            "meetings": config.meetings.model_copy(update={"timezone": "Europe/London"}),
            "reminders": config.reminders.model_copy(update=reminders),
        }
    )
    extraction = syncbed.extract(config, tmp_path / "notes")
    syncbed.sync(emu, config, extraction, tmp_path)
    with syncbed.token(emu):
        return bot.commands.remind.remind(
            config, extraction, make_tracker(config), now, tmp_path, False, environ={}
        )


def mentioned(body: str) -> list[str]:
    return re.findall(r"(?<![\w`])@([A-Za-z0-9-]+)", body)


def test_only_owners_with_an_item_due_or_long_carried_over_are_mentioned_once(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    write_notes(tmp_path / "notes")
    first = remind(repo, tmp_path, dt.datetime(2026, 5, 19, 18, tzinfo=UTC))
    assert first.outcome == "created"
    # Priya's key was due on the 10th: she is mentioned, once for her two items. Sam and Lee have
    # open items too, promised at the last meeting: named in the checklist, not mentioned.
    assert mentioned(first.body) == ["priyar"]
    assert "@priyar (due 2026-05-10)" in first.body and "Samuel Okafor (sokafor)" in first.body

    # Three meetings later their items have been carried over three meetings: now they are mentioned.
    write_notes(
        tmp_path / "notes",
        ("2026-05-20", "3rd June"),
        ("2026-06-03", "17th June"),
        ("2026-06-17", "1st July"),
    )
    later = remind(repo, tmp_path, dt.datetime(2026, 6, 30, 18, tzinfo=UTC))
    assert sorted(mentioned(later.body)) == ["leechen", "priyar", "sokafor"]
    assert "@leechen (carried over 3 meetings)" in later.body


def test_the_threshold_is_configurable(repo: GitHubEmulator, tmp_path: Path) -> None:
    write_notes(tmp_path / "notes", ("2026-05-20", "3rd June"))
    reminder = remind(repo, tmp_path, dt.datetime(2026, 6, 2, 18, tzinfo=UTC), mention_after_meetings=1)
    assert sorted(mentioned(reminder.body)) == ["leechen", "priyar", "sokafor"]


def test_the_previous_agenda_issue_is_closed_when_the_next_one_opens(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    write_notes(tmp_path / "notes")
    first = remind(repo, tmp_path, dt.datetime(2026, 5, 19, 18, tzinfo=UTC))
    assert first.issue is not None and first.closed == ()
    write_notes(tmp_path / "notes", ("2026-05-20", "3rd June"))
    second = remind(repo, tmp_path, dt.datetime(2026, 6, 2, 18, tzinfo=UTC))
    assert second.outcome == "created" and second.issue is not None
    assert [i.number for i in second.closed] == [first.issue.number]
    assert repo.issue(syncbed.REPO, first.issue.number).state == "closed"
    assert repo.issue(syncbed.REPO, second.issue.number).state == "open"
    # Refreshing the new one closes nothing more.
    again = remind(repo, tmp_path, dt.datetime(2026, 6, 2, 19, tzinfo=UTC))
    assert again.outcome == "unchanged" and again.closed == ()
