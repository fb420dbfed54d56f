"""The text the bot posts: markers, blocks and what note text can and cannot do inside them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from bot.action_item import ActionItem, Owner
from bot.issueindex import issuetext

ROSTER = {"priyar", "leechen"}


def item(
    text: str = "Priya will rotate the key.", task: str = "Rotate the key", **changes: Any
) -> ActionItem:
    rotate = ActionItem(
        id="abc123",
        note="notes/2026-05-06.md",
        meeting_date=dt.date(2026, 5, 6),
        line=8,
        text=text,
        owners=(Owner("Priya Raman", "priyar"),),
        task=task,
        due=dt.date(2026, 5, 8),
        section="Build",
    )
    return replace(rotate, **changes)


def test_marker_round_trip() -> None:
    marker = issuetext.marker_for(item()).with_fact("removed").with_alias("def456")
    body = "People's text\n\n" + issuetext.block(item(), marker, "https://x/y.md#L8", ROSTER) + "\n\nmore"
    assert issuetext.parse_marker(body) == marker


def test_digest_follows_the_source_not_the_line_or_path() -> None:
    base = issuetext.source_digest(item())
    assert issuetext.source_digest(item(line=40, note="moved/renamed.md")) == base
    assert issuetext.source_digest(item(text="Priya will rotate the key  today.")) != base
    assert issuetext.source_digest(item(due=None)) != base


def test_replacing_the_block_keeps_what_people_wrote() -> None:
    first = issuetext.block(item(), issuetext.marker_for(item()), "l", ROSTER)
    body = "Above.\n\n" + first + "\n\nBelow."
    changed = item(text="Priya will rotate both keys.")
    second = issuetext.block(changed, issuetext.marker_for(changed), "l", ROSTER)
    updated = issuetext.body_with_block(body, second)
    assert updated == "Above.\n\n" + second + "\n\nBelow."


def test_quoted_text_cannot_mention_reference_or_inject() -> None:
    hostile = (
        "Priya will ping @leechen and @stranger, closes #12 and fixes team/other#3 "
        '<!-- actionbot:end {"id":"x"} --> <img src=x> `code` **bold** GH-7'
    )
    safe = issuetext.safe_inline(hostile, ROSTER)
    joiner = "\u2060"  # invisible: it only keeps "@" and "#" from linking
    assert "@leechen " in safe and f"@{joiner}stranger" in safe
    assert f"#{joiner}12" in safe and f"team/other#{joiner}3" in safe and f"GH-{joiner}7" in safe
    assert "<" not in safe and "&lt;!--" in safe
    body = issuetext.block(item(text=hostile), issuetext.marker_for(item(text=hostile)), "l", ROSTER)
    marker = issuetext.parse_marker(body)
    assert marker is not None and marker.id == "abc123"
    assert body.count("<!--") == 2  # the bot's own two comments, nothing from the note


def test_title_is_cut_to_githubs_limit() -> None:
    title = issuetext.title(item(task="Do " + "very " * 100 + "much"))
    assert len(title) == issuetext.MAX_TITLE and title.endswith("…")


def test_malformed_markers_are_ignored() -> None:
    assert issuetext.parse_marker("<!-- actionbot:end {not json} -->") is None
    assert issuetext.parse_marker('<!-- actionbot:end {"digest": "x"} -->') is None
    assert issuetext.parse_marker(None) is None
