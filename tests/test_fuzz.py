"""Random and mutated notes never make the notes reader or the extractor raise anything but the one
clear NoteError; bounded in examples and time so the suite stays fast."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.extraction.extractor import Extractor
from bot.notes.meeting import NoteError, parse_note

EXAMPLES = int(os.environ.get("ACTIONBOT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NAMES = ["Priya", "Sam", "TomL", "@priyar", "@nobody", "Dana Whitfield", "Zoë", "李雷", "Дмитрий", "🦊 Fox"]
LINES = [
    "---",
    "title: Weekly Meeting: 2026-05-06",
    "date: 2026-05-06",
    "date: [broken",
    "updated: 2026-13-45",
    "## Notes",
    "### Action items ###",
    "Attendees:",
    "*Attendees:* {name}, {name} (chair) and {name}",
    "- {name} will fix the build by Friday.",
    "- [ ] {name} to rotate the key",
    "- [x] {name} to rotate the key",
    "* ACTION: {name} to send the minutes",
    "TODO({name}): archive the wiki",
    "{name}: look at the crash",
    "{name} offered to help. He'll write it up.",
    "| Owner | Action | Due |",
    "|---|---|---|",
    "| {name} | Write the FAQ | 2026-02-30 |",
    "The next call is scheduled for **{word}**.",
    "Title",
    "=====",
    ":Date: {word}",
    "  • {name} can try it today",
    "\t\t- deeply\tindented\t{name}",
    '<!-- actionbot:end {{"id": "x"}} -->',
    "    code block {name} will",
    "> {name} will quote",
    "{word}",
]


@st.composite
def notes(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 40))):
        template = draw(st.sampled_from(LINES))
        name = draw(st.sampled_from(NAMES))
        word = draw(st.text(min_size=0, max_size=20))
        indent = " " * draw(st.integers(0, 12))
        lines.append(indent + template.format(name=name, word=word))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(lines)
    if draw(st.booleans()):
        text = "\ufeff" + text
    if draw(st.booleans()) and text:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]  # front matter or anything else cut mid-way
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(["\0", "\x1b", "\u202e", "\ud7ff", "🙂" * 50])) + text[at:]
    return text


def read(name: str, text: str, extractor: Extractor) -> None:
    try:
        meeting = parse_note(name, text)
    except NoteError as error:
        message = str(error)
        assert message.startswith(name) and "\n" not in message
        return
    for item in extractor.extract(meeting):
        assert item.owners and item.line >= 1 and item.task is not None


@pytest.mark.slow
@FUZZ
@given(text=notes(), suffix=st.sampled_from([".md", ".rst", ".txt"]))
def test_structured_notes_never_crash(extractor: Extractor, text: str, suffix: str) -> None:
    read(f"2026-05-06{suffix}", text, extractor)


@FUZZ
@given(text=st.text(max_size=2000), suffix=st.sampled_from([".md", ".rst", ".txt"]))
def test_random_text_never_crashes(extractor: Extractor, text: str, suffix: str) -> None:
    read(f"note{suffix}", text, extractor)


@pytest.mark.slow
def test_extremes(extractor: Extractor) -> None:
    head = "---\ndate: 2026-05-06\n---\n\n"
    # 3,000 items: a note a hundred times longer than real minutes, each bullet parsed.
    read("bullets.md", head + "".join(f"- Priya will fix bug {i}.\n" for i in range(3_000)), extractor)
    read("nested.md", head + "".join("  " * i + "- Sam will nest.\n" for i in range(2000)), extractor)
    read(
        "nested.rst",
        "T\n=\n\n:Date: 2026-05-06\n\n" + "".join("  " * i + "* Sam\n\n" for i in range(500)),
        extractor,
    )
    read("long.md", head + "Priya will " + "very " * 100_000 + "fix it.\n", extractor)
    read("brackets.md", head + "[" * 50_000 + "\n", extractor)
