"""Note text the bot quotes can mention no one and reference nothing, whatever Markdown it holds.

The check renders the bot's text as GitHub would read it: CommonMark (markdown-it-py, with tables),
then GitHub's autolinking of what the rendered text says, outside code: `@login` mentions (a team
too, `@org/team`), and references `#12`, `owner/repo#12`, `GH-12`. Only the roster's logins may be
mentioned. hypothesis writes the notes, from the pieces attacks are made of.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.issueindex import issuetext

ROSTER = frozenset({"leechen"})
_markdown = MarkdownIt("commonmark").enable("table")
# GitHub's autolinks, as they apply to the text of a rendered node.
MENTION = re.compile(r"(?<!\w)@([A-Za-z0-9][A-Za-z0-9-]*)(/[A-Za-z0-9_.-]+)?")
REFERENCE = re.compile(r"(?<!\w)#\d+|[\w.-]+/[\w.-]+#\d+|\bGH-\d+", re.IGNORECASE)

PIECES = [
    "@mallory", "@leechen", "@LeeChen", "@leechen/team", "@org/team", "#15", "org/repo#3", "GH-7",
    "gh-8", "`", "``", "\\", "_", "*", "**", "~", "[", "](", ")", "<", ">", "&#64;", "&#35;", "&",
    "!", "|", ":", "-", " ", "mallory", "15", "@", "#", "x", "<!-- ", " -->", "\t", "\u2060",
]  # fmt: skip


def live_autolinks(markdown: str) -> list[str]:
    """Mentions of people outside the roster, and references, in the rendered text outside code."""
    found: list[str] = []
    for block in _markdown.parse(markdown):
        if block.type in ("html_block", "code_block", "fence"):
            found += [f"html/code block: {block.content!r}"] if block.type == "html_block" else []
            continue
        children: list[Token] = block.children or []
        found += [f"html: {c.content!r}" for c in children if c.type == "html_inline"]
        for text in _text_nodes(children):
            for match in MENTION.finditer(text):
                if match.group(1).lower() not in ROSTER or match.group(2):
                    found.append(match.group(0))
            found += [m.group(0) for m in REFERENCE.finditer(text)]
    return found


def _text_nodes(children: list[Token]) -> list[str]:
    """The text nodes of the rendered HTML: runs of text tokens (markdown-it splits one at an
    escape, HTML does not), cut by code, emphasis, links and the like."""
    nodes, run = [], ""
    for child in children:
        if child.type in ("text", "softbreak"):
            run += child.content if child.type == "text" else "\n"
        else:
            nodes.append(run)
            run = ""
    return [*nodes, run]


NOTE_TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=24).map("".join)


@pytest.mark.slow
@settings(max_examples=1000, deadline=None)
@given(NOTE_TEXT)
def test_quoted_note_text_is_inert_as_github_renders_it(note: str) -> None:
    for posted in (issuetext.quote(note, ROSTER), issuetext.safe_inline(note, ROSTER)):
        assert live_autolinks(posted) == [], (note, posted)


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(NOTE_TEXT.map(lambda name: name.replace("/", "_")))
def test_links_to_notes_people_named_are_inert(name: str) -> None:
    for link in (f"https://github.com/team/notes/blob/main/notes/{name}.md#L3", f"notes/{name}.md:3"):
        posted = f"From the 2026-05-06 meeting: {issuetext.safe_link(link)}"
        assert live_autolinks(posted) == [], (link, posted)


def test_the_known_attacks_are_inert_and_a_roster_login_still_mentions() -> None:
    for attack in (r"\@mallory", "`_@mallory_`", r"\_@mallory\_", "`_#15_`", "*@mallory*", "_org/repo#3_"):
        posted = issuetext.quote(f"Priya will ask {attack} today.", ROSTER)
        assert live_autolinks(posted) == [], (attack, posted)
    # The check itself sees what raw text would do.
    assert live_autolinks("> Lee will ask `x` *@mallory* about #15.") == ["@mallory", "#15"]
    kept = issuetext.quote("Priya will ping @leechen about it.", ROSTER)
    assert "@leechen" in kept and live_autolinks(kept) == []
    assert MENTION.search(kept)  # still a mention, of a roster login
