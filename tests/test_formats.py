"""The table of note formats: every suffix a format reads is found in a folder, read by its format's
reader, and takes the bot's checklist where that format hides it; nested lists mean the same in
every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.notefiles import discover, load_meeting
from bot.notes.blocks import BlockKind
from bot.notes.botblocks import write_into
from bot.notes.formats import FORMATS, MARKDOWN, NOTE_SUFFIXES, PLAIN, RESTRUCTUREDTEXT, NoteFormat, format_of
from bot.notes.meeting import parse_note

# The same meeting in each format: a heading, a list a paragraph introduces, an item nested in another.
LEAD = "After the demo we agreed on the following steps for the release:"
NOTES = {
    MARKDOWN: f"# Sync 2026-05-06\n\n{LEAD}\n\n- Andy:\n\n  - Call Tom about pandas.\n\n- Sam will fix CI.\n",
    RESTRUCTUREDTEXT: (
        f"Sync 2026-05-06\n===============\n\n{LEAD}\n\n- Andy:\n\n  - Call Tom about pandas.\n\n"
        "- Sam will fix CI.\n"
    ),
    PLAIN: (
        f"Sync 2026-05-06\n===============\n\n{LEAD}\n\n- Andy:\n  - Call Tom about pandas.\n"
        "- Sam will fix CI.\n"
    ),
}


def _suffixes() -> list[str]:
    return [suffix for note_format in FORMATS for suffix in note_format.suffixes if suffix]


@pytest.mark.parametrize("suffix", _suffixes())
def test_a_folder_yields_every_note_a_format_reads(tmp_path: Path, suffix: str) -> None:
    note = tmp_path / f"2026-05-06{suffix}"
    note.write_text(NOTES[format_of(note)], encoding="utf-8")
    (tmp_path / "2026-05-06.html").write_text("<p>Not a note.</p>\n", encoding="utf-8")
    assert discover([str(tmp_path)]) == [str(note)]
    meeting = load_meeting(str(note), max_bytes=10_000)
    assert [s.text for s in meeting.sentences][-2:] == ["Call Tom about pandas.", "Sam will fix CI."]


def test_rest_and_text_are_found_and_read_as_their_formats(tmp_path: Path) -> None:
    assert {".rest", ".text"} <= set(NOTE_SUFFIXES)
    assert format_of("notes/a.REST") is RESTRUCTUREDTEXT and format_of("notes/a.text") is PLAIN


def test_markdowns_older_suffixes_are_found_in_a_folder(tmp_path: Path) -> None:
    notes = [tmp_path / f"2022-01-24{suffix}" for suffix in (".mkd", ".mdown", ".mdwn")]
    for note in notes:
        note.write_text("* Action **Sam**: open the repo\n", encoding="utf-8")
    assert sorted(discover([str(tmp_path)])) == sorted(str(n) for n in notes)
    assert all(format_of(n) is MARKDOWN for n in notes)


def test_a_note_with_another_suffix_or_none_has_a_format() -> None:
    assert format_of("minutes.html") is MARKDOWN  # named on its own, an unknown suffix reads as Markdown
    assert format_of("minutes") is PLAIN
    assert "" not in NOTE_SUFFIXES  # a folder's Makefile or LICENSE is no note


def test_a_text_note_with_front_matter_is_markdown() -> None:
    text = "---\ndate: 2026-05-06\n---\n\n## Build\n\n- **Sam** will fix CI.\n"
    meeting = parse_note("sync.txt", text)
    assert meeting.sections == ("Build",)
    assert meeting.sentences[0].text == "Sam will fix CI."


@pytest.mark.parametrize("note_format", FORMATS, ids=lambda f: f.name)
def test_nested_lists_mean_the_same_in_every_format(note_format: NoteFormat) -> None:
    assert note_format in NOTES
    suffix = next(s for s in note_format.suffixes if s)
    blocks = parse_note(f"sync{suffix}", NOTES[note_format]).blocks
    lead = next(
        i
        for i, b in enumerate(blocks)
        if b.text == "After the demo we agreed on the following steps for the release:"
    )
    items = {b.text: b for b in blocks if b.kind is BlockKind.ITEM}
    andy = next(i for i, b in enumerate(blocks) if b.text == "Andy:")
    assert [b.lead for b in items.values()] == [lead, lead, lead]
    assert items["Andy:"].parent is None and items["Sam will fix CI."].parent is None
    assert items["Call Tom about pandas."].parent == andy


@pytest.mark.parametrize("note_format", FORMATS, ids=lambda f: f.name)
def test_a_checklist_written_into_any_format_is_not_read_as_the_meeting(note_format: NoteFormat) -> None:
    suffix = next(s for s in note_format.suffixes if s)
    text = NOTES[note_format]
    checklist = "### Follow-up\n\n**Lee Chen**\n\n- [ ] Lee will write the FAQ — not synced\n"
    written = write_into(text, checklist, format_of(f"sync{suffix}").block)
    assert written.startswith(text) and "Lee will write the FAQ" in written
    before, after = parse_note(f"sync{suffix}", text), parse_note(f"sync{suffix}", written)
    assert after.sentences == before.sentences and after.blocks == before.blocks
