from __future__ import annotations

import datetime as dt

import pytest

from bot.notes.blocks import BlockKind
from bot.notes.meeting import NoteError, UndatedNote, parse_note

JEKYLL_STYLE = """---
authors: [Dana Whitfield]
title: "Weekly Meeting: 2026-05-06"
date: 2026-05-06
layout: page
---

### Agenda ###

- Release train
- Docs sprint

Attendees:
Dana, Priya, TomL,
Sam (chair) and Lee.

### Notes ###

#### Release train ####

The build is green again. Priya will tag the release
candidate tomorrow.

**Docs sprint** - Sam to book a room.

- The next call is scheduled for **20th May**. Please add any agenda items.
"""

ATOM_STYLE = """---
updated: 2026-05-06
author:
  name: Dana Whitfield
subject: 'Weekly Meeting: 2026-05-06'
permalink: weekly-2026-05-06
description: '6th May: release train'
---

*Attendees:* Dana Whitfield, Priya Raman, Lee
Chen

The next call is scheduled for **NEXT YEAR!** Please add any agenda items.
"""

RENDERED = """Project Logo

Weekly Meeting: 2026-05-06
By Dana Whitfield - 2026-05-06


  • Release train
  • Docs sprint

Attendees: Dana, Priya, TomL, Sam (chair) and Lee.


Release train

  • The build is green again. Priya will tag the release candidate tomorrow.

Docs sprint

Sam to book a room for the sprint.

  • The next call is scheduled for Wednesday, 20th May. Please add any agenda items.
"""


def test_front_matter_title_and_date_style() -> None:
    meeting = parse_note("notes/x.md", JEKYLL_STYLE)
    assert meeting.date == dt.date(2026, 5, 6)
    assert meeting.title == "Weekly Meeting: 2026-05-06"
    assert meeting.agenda == ("Release train", "Docs sprint")
    assert meeting.attendees == ("Dana", "Priya", "TomL", "Sam", "Lee")
    assert meeting.next_meeting == dt.date(2026, 5, 20)
    assert "Release train" in meeting.sections


def test_front_matter_subject_and_updated_style() -> None:
    meeting = parse_note("x.md", ATOM_STYLE)
    assert meeting.date == dt.date(2026, 5, 6)
    assert meeting.title == "Weekly Meeting: 2026-05-06"
    # A line break inside a comma-separated list is only wrapping: "Lee\nChen" is one person.
    assert meeting.attendees == ("Dana Whitfield", "Priya Raman", "Lee Chen")
    assert meeting.next_meeting is None  # "NEXT YEAR!" names no day


@pytest.mark.parametrize(
    ("field", "authors"),
    [
        ("author: Dana", ("Dana",)),
        ("authors: [Lee Chen, Dana]", ("Lee Chen", "Dana")),
        ("author: {name: Dana}", ()),  # a record, not a name
        ("author: ''", ()),
    ],
)
def test_front_matter_names_the_writer(field: str, authors: tuple[str, ...]) -> None:
    meeting = parse_note("x.md", f"---\ndate: 2026-05-06\n{field}\n---\n\nNotes.\n")
    assert meeting.authors == authors


def test_rendered_plain_text_without_front_matter() -> None:
    meeting = parse_note("2026-05-06.txt", RENDERED)
    assert meeting.date == dt.date(2026, 5, 6)
    assert meeting.agenda == ("Release train", "Docs sprint")
    assert meeting.attendees == ("Dana", "Priya", "TomL", "Sam", "Lee")
    assert meeting.next_meeting == dt.date(2026, 5, 20)
    assert {"Release train", "Docs sprint"} <= set(meeting.sections)
    sam = next(s for s in meeting.sentences if s.text.startswith("Sam to book"))
    assert sam.section == "Docs sprint"
    assert sam.line == RENDERED.splitlines().index("Sam to book a room for the sprint.") + 1


def test_every_sentence_keeps_its_line_number() -> None:
    meeting = parse_note("x.md", JEKYLL_STYLE)
    lines = JEKYLL_STYLE.splitlines()
    for sentence in meeting.sentences:
        first_word = sentence.text.split()[0]
        assert first_word in lines[sentence.line - 1], sentence
    tag = next(s for s in meeting.sentences if s.text.startswith("Priya will tag"))
    assert tag.text == "Priya will tag the release candidate tomorrow."
    assert tag.section == "Release train"


def test_bold_lead_in_names_the_topic_of_its_paragraph() -> None:
    meeting = parse_note("x.md", JEKYLL_STYLE)
    room = next(s for s in meeting.sentences if "book a room" in s.text)
    assert room.section == "Docs sprint"
    assert room.text == "Sam to book a room."


def test_a_bold_labelled_statement_heads_nothing() -> None:
    # "**ACTION: ...**" and "**Attending: ...**" say something; "**Docs sprint**" names a topic.
    body = (
        "## Release\n\n**ACTION: Sam to tag the release** (Sam)\n\n**Attending: Lee, Dana**\n\n"
        "Lee will test it.\n"
    )
    meeting = parse_note("2026-05-06.md", body)
    tag = next(s for s in meeting.sentences if "tag the release" in s.text)
    assert (tag.text, tag.section) == ("ACTION: Sam to tag the release (Sam)", "Release")
    assert next(s for s in meeting.sentences if s.text.startswith("Lee will")).section == "Release"


def test_a_name_closing_a_line_after_its_sentence_belongs_to_it() -> None:
    body = "- Who will host next time? [Lee]\n- Who will take notes? - Dana Whitfield\n- Done. Next one.\n"
    meeting = parse_note("2026-05-06.md", body)
    assert [s.text for s in meeting.sentences] == [
        "Who will host next time? [Lee]",
        "Who will take notes? - Dana Whitfield",
        "Done.",
        "Next one.",
    ]


def test_date_from_title_then_file_name() -> None:
    assert parse_note("x.md", "# Sync 2026-01-02\n\nText.\n").date == dt.date(2026, 1, 2)
    assert parse_note("minutes-2025-12-31.md", "# Sync\n\nText.\n").date == dt.date(2025, 12, 31)


# An IRC log as meetbot writes it: no blank lines, and the first date in its text is another day's.
IRC_LOG = """12:00:01 <mhollis> #startmeeting kelpie infra
12:00:20 <mhollis> last time (2026-05-26) we said the mirror would move
12:01:02 <tovah> I'll move the mirror DNS tonight
"""


def test_a_logs_date_is_its_file_names_not_the_first_date_it_quotes() -> None:
    assert parse_note("kelpie.2026-06-02-12.00.log.txt", IRC_LOG).date == dt.date(2026, 6, 2)


@pytest.mark.parametrize(
    ("name", "text", "date"),
    [
        ("sync_2026_05_12.md", "# Sync\n\nText.\n", dt.date(2026, 5, 12)),
        ("20260512-sync.md", "# Sync\n\nText.\n", dt.date(2026, 5, 12)),
        ("x.md", "---\ndate: 2026-05-13\n---\n# Sync 2026-01-02\n\nText.\n", dt.date(2026, 5, 13)),
        ("2026-05-12.md", "# Sync 2026-01-02\n\nText.\n", dt.date(2026, 5, 12)),
        ("infra.md", "# Infra sync, 12 May 2026\n\nText.\n", dt.date(2026, 5, 12)),
        ("infra.md", "# Infra sync (May 12th, 2026)\n\nText.\n", dt.date(2026, 5, 12)),
        ("infra.txt", "Kelpie board call\nTuesday 3 March 2026, 18:00 UTC\n\nText.\n", dt.date(2026, 3, 3)),
    ],
)
def test_date_from_front_matter_then_file_name_then_title_then_first_lines(
    name: str, text: str, date: dt.date
) -> None:
    assert parse_note(name, text).date == date


def test_a_note_with_no_date_is_dated_by_what_the_edge_knows() -> None:
    with pytest.raises(UndatedNote):
        parse_note("sync.md", "# Sync\n\nNo date anywhere. Some day in May.\n")
    added = dt.date(2026, 4, 30)
    assert parse_note("sync.md", "# Sync\n\nNo date anywhere.\n", added=added).date == added
    assert parse_note("2026-05-06.md", "# Sync\n\nText.\n", added=added).date == dt.date(2026, 5, 6)


def test_date_line_in_words() -> None:
    meeting = parse_note("tidepool.txt", "Tidepool minutes\nDate: 14 May 2026\n\nSam to call Lee.\n")
    assert meeting.date == dt.date(2026, 5, 14)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.md", "", "empty"),
        ("a.md", "# Sync\n\nNo date anywhere.\n", "no meeting date"),
        ("a.md", "---\ntitle: [unclosed\n---\nText\n", "broken front matter"),
        ("a.md", "---\ntitle: x\nText with no end\n", "never closed"),
    ],
)
def test_bad_notes_say_what_is_wrong(name: str, text: str, message: str) -> None:
    with pytest.raises(NoteError) as raised:
        parse_note(name, text)
    assert message in str(raised.value)
    assert str(raised.value).startswith(name)


def test_rules_around_a_bold_title_are_no_front_matter() -> None:
    # A consortium's Jekyll minutes, saved from a word processor: a byte-order mark, then "---"
    # rules around the committee's name; no key in it, so it is the note's own text, not broken YAML.
    text = "\ufeff---\n**Tidepool Steering Committee**\n---\n\n#### 22nd February 2022\n\n"
    text += "- Lee to call Sam.\n"
    meeting = parse_note("2022-02-22-steering.md", text)
    assert meeting.date == dt.date(2022, 2, 22)
    assert [s.line for s in meeting.sentences if "Lee" in s.text] == [7]


def test_broken_front_matter_names_the_line() -> None:
    with pytest.raises(NoteError) as raised:
        parse_note("a.md", "---\ndate: 2026-01-01\ntitle: 'open\n  : x: y\n---\nText\n")
    assert raised.value.line is not None and raised.value.line >= 2


def test_crlf_and_bom_are_read_like_plain_newlines() -> None:
    meeting = parse_note("x.md", "\ufeff" + JEKYLL_STYLE.replace("\n", "\r\n"))
    assert meeting.date == dt.date(2026, 5, 6)
    assert meeting.next_meeting == dt.date(2026, 5, 20)


def test_restructuredtext() -> None:
    text = """Sundew sync
===========

:Date: 2026-05-12
:Attendees: Priya Raman, Sam Okafor

Build
-----

The cache is fixed. Priya will rotate
the signing key by Friday.

* Sam to update the changelog.
"""
    meeting = parse_note("sync.rst", text)
    assert meeting.date == dt.date(2026, 5, 12)
    assert meeting.title == "Sundew sync"
    rotate = next(s for s in meeting.sentences if s.text.startswith("Priya will rotate"))
    assert rotate.line == 10 and rotate.section == "Build"
    changelog = next(s for s in meeting.sentences if "changelog" in s.text)
    assert changelog.kind is BlockKind.ITEM and changelog.line == 13


def test_checkboxes_and_tables_keep_their_structure() -> None:
    text = """# Sync 2026-05-06

## Action items

- [ ] @priyar to rotate the key
- [x] Sam to fix the cache

| Owner | Action | Due |
|-------|--------|-----|
| Lee   | Write the FAQ | 2026-05-20 |
"""
    meeting = parse_note("x.md", text)
    items = [b for b in meeting.blocks if b.kind is BlockKind.ITEM]
    assert [b.checked for b in items] == [False, True]
    assert items[0].text == "@priyar to rotate the key"
    row = next(b for b in meeting.blocks if b.kind is BlockKind.ROW)
    assert row.header == ("Owner", "Action", "Due") and row.cells[1] == "Write the FAQ"
    assert row.line == 10


def test_marker_lines_are_sentences_of_their_own() -> None:
    meeting = parse_note("x.md", "# 2026-05-06\n\nTODO(sam): fix the cache\nACTION: Lee to write the FAQ\n")
    assert [s.text for s in meeting.sentences] == ["TODO(sam): fix the cache", "ACTION: Lee to write the FAQ"]
    assert [s.line for s in meeting.sentences] == [3, 4]


def test_lines_labelled_with_several_names_are_sentences_of_their_own() -> None:
    # A TSC's action items written as consecutive lines, with no blank line or full stop between.
    body = (
        "# 2026-05-06\n\n## Action Items\n\nLee Chen, Sam Okafor, and Priya Raman: Continue the catalog\n"
        "Dana Whitfield and Lee Chen: Start collecting questions about signing\n"
        "The plan for next week: nothing new\n"
    )
    meeting = parse_note("x.md", body)
    assert [s.line for s in meeting.sentences] == [5, 6]
    assert meeting.sentences[1].text.startswith("Dana Whitfield and Lee Chen: Start")


def test_abbreviations_do_not_end_sentences() -> None:
    meeting = parse_note("x.md", "# 2026-05-06\n\nSome tools (e.g. Make) are slow. Sam will fix it.\n")
    assert [s.text for s in meeting.sentences] == ["Some tools (e.g. Make) are slow.", "Sam will fix it."]


def test_minutes_after_the_attendee_list_with_no_heading_are_not_attendees() -> None:
    # A working group's minutes: "### Attendees", its list, then the discussion under no heading;
    # "KH: Yes, but ..." there is someone speaking, not "KH" defined as an attendee called "Yes".
    body = (
        "### Attendees\n\n* Kai Hansen\n* Dana Whitfield\n\nThe meeting was recorded.\n\n"
        "KH: Yes, but there are some details. When you submit, it is checked on two machines first.\n"
    )
    assert parse_note("2026-05-06.md", body).attendees == ("Kai Hansen", "Dana Whitfield")


def test_a_line_that_had_room_for_the_next_word_ends_what_it_says() -> None:
    # A standards committee's plain-text minutes: outline numbers and action lines, no blank lines.
    body = (
        "1.4 Review of action items (Chair)\n"
        " *ACTION Lee: Send the errata to the editors for the next ballot, with the tracking list.\n"
        "2.1 Schema location\n"
        " The editors asked whether the schema should move to a separate repository that the\n"
        " Steering group owns. (Lee)\n"
        "Lee:\n"
        "Will write it up.\n"
    )
    meeting = parse_note("2026-05-06.txt", body)
    assert [(s.line, s.text) for s in meeting.sentences] == [
        (1, "1.4 Review of action items (Chair)"),
        (2, "*ACTION Lee: Send the errata to the editors for the next ballot, with the tracking list."),
        (3, "2.1 Schema location"),
        (
            4,
            "The editors asked whether the schema should move to a separate repository that the "
            "Steering group owns. (Lee)",
        ),
        (6, "Lee: Will write it up."),
    ]


def test_a_chat_log_pasted_indented_is_read_as_text_and_code_is_not() -> None:
    # A wiki's raw meeting log keeps its four-space indent, which CommonMark reads as code.
    log = "\n\n".join(
        (
            "    (lee) Hello, everyone, the call is starting now",
            "    (dana) I can't get into the conference call",
            "    (lee) dana, try again with the new number",
            "    (sam) we should move the templates over to the new wiki",
            "    ACTION ITEM: lee to send out a poll for the next meeting",
            "    (dana) I will review the import script this week",
        )
    )
    code = "\n".join(
        (
            "    def send(poll):",
            "        for person in people:",
            "            mail(person, poll)",
            "    $ pip install the-bot",
            "    $ actionbot run --config it.yaml",
        )
    )
    meeting = parse_note("2026-05-06.md", f"## Log\n\n{log}\n\n## Snippet\n\n{code}\n")
    texts = [s.text for s in meeting.sentences]
    assert "ACTION ITEM: lee to send out a poll for the next meeting" in texts
    poll = next(s for s in meeting.sentences if s.text.startswith("ACTION ITEM"))
    assert poll.line == 11
    assert not [t for t in texts if "pip install" in t or "mail(" in t]


def test_minutes_pasted_from_a_word_processor_are_read_though_each_line_is_indented() -> None:
    # Each tab-indented line is a code block of one or two lines to CommonMark; the note's
    # indented lines together are prose, so each block is read, while a snippet stays code.
    body = (
        "1.Roadmap\n\n\to\tDana shared the requirements of the two vendors\n\n"
        "\to\tGeneral consensus is to defer the packaging work until spring\n\n"
        "2.Events\n\n\ta.Lee proposed a workshop at the summit in the autumn\n\n"
        "\tb.Sam to send the meeting details to the list\n\n"
        "3.Action Items\n\n\ta.Priya to send the registration code to the members\n\n"
        "4.Build\n\n\t$ make install\n"
    )
    meeting = parse_note("2026-05-06.md", body)
    texts = [s.text for s in meeting.sentences]
    assert "b.Sam to send the meeting details to the list" in texts
    assert "a.Priya to send the registration code to the members" in texts
    assert not [t for t in texts if "make install" in t]


def test_a_scribes_line_is_the_turn_of_whom_it_names() -> None:
    log = (
        "[20:04] <lee> scribenick: sam\n[20:05] <sam> Dana: I can review it\n"
        "[20:06] <sam> ... and will send a note\n[20:07] <sam> Topic: Releases\n"
        "[20:08] <lee> sam: thanks\n"
    )
    meeting = parse_note("2026-05-06.log", log)
    texts = [line.text for block in meeting.blocks for line in block.lines]
    assert texts[1:] == [
        "[20:05] Dana: I can review it",
        "[20:06] Dana: and will send a note",
        "[20:07] <sam> Topic: Releases",  # the meeting's record, in the scribe's own line
        "[20:08] <lee> sam: thanks",  # not the scribe: someone speaking to them
    ]
    assert meeting.blocks[0].lines[1].source == "[20:05] <sam> Dana: I can review it"


def test_a_relayed_line_is_the_turn_of_its_writer() -> None:
    log = (
        "20:00 <bridge> [Slack/sam] Hi all\n20:01 <bridge> {-_Matrix} <dana> I'll send it\n"
        "20:02 <lee> [OT] lunch?\n20:03 <bridge> {-sam} thanks\n"
    )
    texts = [line.text for block in parse_note("2026-05-06.log", log).blocks for line in block.lines]
    assert texts == [
        "20:00 <sam> Hi all",
        "20:01 <dana> I'll send it",
        "20:02 <lee> [OT] lunch?",  # a person who opens one line with a tag relays nothing
        "20:03 <sam> thanks",
    ]


def test_each_line_of_a_chat_clients_saved_log_is_a_turn_whatever_its_nick() -> None:
    log = "(03:16:40 PM) priya: I will do everything I can, although\n(03:16:53 PM) da|na: I will check\n"
    assert [(s.line, s.text) for s in parse_note("2026-05-06.log", log).sentences] == [
        (1, "(03:16:40 PM) priya: I will do everything I can, although"),
        (2, "(03:16:53 PM) da|na: I will check"),  # an IRC nick may hold a "|"
    ]


def test_a_bold_chat_speaker_heads_no_section() -> None:
    body = "# Logs\n\n**\\<lee>** I'll look again now.  \n**\\<sam>** thanks\n"
    meeting = parse_note("2026-05-06.md", body)
    assert [(s.section, s.text) for s in meeting.sentences] == [
        ("Logs", "<lee> I'll look again now."),
        ("Logs", "<sam> thanks"),
    ]


def test_a_kramdown_attribute_list_is_markup_not_words() -> None:
    # Jekyll minutes style an action with "{: #action1 .action}" on the line after it.
    body = "> ***Action #1: Dana to set up the call for the workshop (Dana)***\n{: #action1 .action}\n"
    meeting = parse_note("2026-05-06.md", body)
    assert [s.text for s in meeting.sentences] == [
        "Action #1: Dana to set up the call for the workshop (Dana)"
    ]
