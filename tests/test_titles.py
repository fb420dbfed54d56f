"""Titles on sentences written for these tests, in the styles minutes come in: each must be
actionable from an issue list on its own."""

from __future__ import annotations

import pytest

from bot.extraction.titles import clean_topic, title_from_text
from tests.conftest import ItemsOf

HEAD = "---\ntitle: Sync\ndate: 2026-05-06\n---\n\n## Build\n\n"


def titles(items_of: ItemsOf, body: str) -> list[str]:
    return [item.task for item in items_of(HEAD + body)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # An aside left open by the note or by a cut is cut off where it opens.
        ("Draft the charter (still open for comments", "Draft the charter"),
        # A closing quote whose opening one the sentence lost goes; the words stay.
        ("Work out where we stand” with the WG leads", "Work out where we stand with the WG leads"),
        ('Reword the "drop-in replacement messaging', "Reword the drop-in replacement messaging"),
        # Balanced ones and apostrophes stay.
        ("Review BD’s slides (#23)", "Review BD’s slides (#23)"),
        # How the line promised is not part of the task.
        ("to write to the board", "Write to the board"),
        ("I will send the deck", "Send the deck"),
        # A decision's label and the handle the task is given to, before a dash.
        (
            "DECISION/ACTION: @sam - Make a new docs repo with the notes etc. and move them",
            "Make a new docs repo with the notes",
        ),
        # The names a task is given to, after a label of any length, and a hedge after a comma.
        (
            "Packaging Options Pros and Cons: Lee, Dana, and Kofi to provide updates on wheels",
            "Provide updates on wheels",
        ),
        ("Budget Review: Sam will draft the summary, probably by Friday", "Draft the summary"),
        # One capitalised subject may be a thing, not an owner.
        ("Security: GitHub Actions will be upgraded", "GitHub Actions will be upgraded"),
        # A capitalised function word names nobody: "How to ..." is the task.
        ("Goal: How to move the docs to the new site", "How to move the docs to the new site"),
        (
            "I am currently working with the packagers on the ARM wheels",
            "Working with the packagers on the ARM wheels",
        ),
    ],
)
def test_text_titles_are_whole(text: str, title: str) -> None:
    assert title_from_text(text) == title


def test_a_text_title_is_said_by_no_one_and_its_closing_pronoun_is_what_was_said_before() -> None:
    # "I'll" is the speaker's voice; "that" is the thing named before, when there is one.
    assert title_from_text("I'll spend some time with that.", "the parser repo") == (
        "Spend some time with the parser repo"
    )
    assert title_from_text("We'll look at the provider work") == "Look at the provider work"
    assert title_from_text("I'd review the roadmap") == "Review the roadmap"
    assert title_from_text("I'm happy to review the roadmap") == "Review the roadmap"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # A light verb lends its object the action: the title says the action.
        ("Sam will own the drafting of the charter.", "Draft the charter"),
        ("Lee will provide a first draft of the exit clause.", "Draft the exit clause"),
        ("Dana will do a writeup of the benchmarks.", "Write up the benchmarks"),
        ("Lee to have a conversation with TomG about the roadmap.", "Talk with TomG about the roadmap"),
        ("Priya will take a look at the crash.", "Look at the crash"),
        ("Dana will provide updates on the mirror outage.", "Report on the mirror outage"),
        ("Sam will give an update on the budget.", "Report on the budget"),
        # An update made to a thing changes it; one given to someone is no report on a topic.
        ("Lee will make an update to the docs.", "Make an update to the docs"),
        # A verb that only gets ready for the one joined to it is no part of the task.
        ("Sam will find some time and review the changelog.", "Review the changelog"),
        ("Lee will go and fix the mirror.", "Fix the mirror"),
        # What "a crack at" tries is the task; a wish joined by "but" is not.
        ("Sam can take a crack at getting the CI up and running.", "Get the CI up and running"),
        ("Lee can cut releases — but would like to have a list somewhere.", "Cut releases"),
        # What one commits to or gets around to doing is the task.
        ("Sam will commit to attending the release meeting.", "Attend the release meeting"),
        ("Lee will get around to fixing the changelog.", "Fix the changelog"),
        ("Dana will make a separate issue.", "Open a separate issue"),
        # A compound names a thing the light verb makes: said as written.
        ("Sam will make a release issue for 1.4.", "Make a release issue for 1.4"),
        # "take the action to", "handle updating": the verb after it is the task.
        ("Sam: Will take an action item to create the release issue", "Create the release issue"),
        ("Lee will handle updating the members list.", "Update the members list"),
        # Starting is itself the task.
        ("Priya will start writing the base guide.", "Start writing the base guide"),
        # Getting a thing done to is doing it: the participle is the action, its subject the object;
        # "get this done" says no more than the note does.
        ("Dana will get the fix merged.", "Merge the fix"),
        ("Sam will get the docs updated for the release.", "Update the docs for the release"),
        ("Lee will get the report done.", "Get the report done"),
    ],
)
def test_the_action_a_light_verb_lends(items_of: ItemsOf, sentence: str, title: str) -> None:
    assert titles(items_of, sentence + "\n") == [title]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # The speaker's voice: "my" and "me" mean nobody to the people reading the issue list.
        ("Sam: will open a PR with my patch for the cache soon", "Open a PR with the patch for the cache"),
        ("Lee will send me the logs.", "Send the logs"),
        # "this" is not the patch it hangs on: which thing, the section says.
        ("Sam: will open a PR with my patch for this soon", "Open a PR with the patch for Build"),
        # A verb left alone ("something" names nothing) takes the section as its object.
        ("Dana will schedule something for tomorrow.", "Schedule Build"),
        # "her" names whom to reach: the title keeps it rather than end on the bare verb.
        (
            "Priya met a packager at the meetup who is keen; she'll reach out to her.",
            "Reach out to her",
        ),
        # Telling someone how it goes is updating them; "us", the meeting, is no one the issue's
        # reader can update: the owner reports back.
        ("Sam will let the board know about the budget.", "Update the board about the budget"),
        ("Lee will keep the team in the loop about the release.", "Update the team about the release"),
        ("Priya will keep the docs updated.", "Update the docs"),
        ("Lee will keep us posted on the migration.", "Report back on the migration"),
        # Coming back with an update is reporting back, on what the update is about.
        ("Sam will return with an update on the grant report.", "Report back on the grant report"),
        ("Lee will come back with an update on the budget.", "Report back on the budget"),
        ("Priya: I will keep you updated.", "Report back on Build"),
        # "will be doing" asks for doing it: the base form, whatever the length of the verb.
        ("Dana will be doing a release of the installer.", "Do a release of the installer"),
        ("Lee will be using the new runner for the tests.", "Use the new runner for the tests"),
        ("Sam will bring the banner.", "Bring the banner"),
    ],
)
def test_titles_speak_for_the_reader(items_of: ItemsOf, body: str, title: str) -> None:
    assert titles(items_of, body + "\n") == [title]


def test_me_in_a_reply_is_dropped_and_the_item_above_says_what(items_of: ItemsOf) -> None:
    body = "- Lee: Will open an issue on the cache eviction.\n  - Priya: Want Sam to talk to me first.\n"
    # The reply's item is about what the line above promised, not about its speaker "Lee".
    assert titles(items_of, body) == [
        "Open an issue on the cache eviction",
        "Talk about an issue on the cache eviction",
    ]


def test_a_presenter_before_an_agenda_item_is_not_its_topic(items_of: ItemsOf) -> None:
    body = "* (Dana) - Mirror outage postmortem. Should we publish it?\n    * Sam will draft it.\n"
    assert titles(items_of, body) == ["Draft Mirror outage postmortem"]


@pytest.mark.parametrize(
    "text, title",
    [
        # A TAC's agenda lines: the speaker in brackets before a dash, then a label.
        (
            "(Lee Chen) - Proposal to TAC: enforce sign-offs on all pull requests",
            "Enforce sign-offs on all pull requests",
        ),
        (
            "(Priya) - Note: I intend to create a small group to review permissions",
            "Create a small group to review permissions",
        ),
    ],
)
def test_who_speaks_and_the_label_before_the_words_are_no_part_of_the_title(text: str, title: str) -> None:
    assert title_from_text(text) == title


def test_this_issue_says_which_issue_by_the_topic(items_of: ItemsOf) -> None:
    # "this issue" points back at the discussion above: the section names it, where "Create issue"
    # alone would not say which.
    body = "- Dana: the mirror drops lockfiles\n- Lee: Will take an action item to create this issue\n"
    assert titles(items_of, body) == ["Create issue about Build"]


def test_who_presents_a_topic_before_a_slash_is_no_part_of_it(items_of: ItemsOf) -> None:
    body = "- Priya / parser benchmarks\n    - Lee: will minimally reference it.\n"
    assert titles(items_of, body) == ["Reference parser benchmarks"]


def test_a_topic_that_only_names_a_person_names_no_thing(items_of: ItemsOf) -> None:
    # The long line above is cut to its label, "Sam": a person, not what the PR is for.
    body = (
        "- Sam: leads to a question of whether we want people investing in the old or the new format\n"
        "    - Lee: will open a PR\n"
    )
    assert titles(items_of, body) == ["Open a PR"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee will write the release notes in the coming weeks.",
        "Lee will write the release notes over the weekend.",
        "Lee will write the release notes in a few days.",
    ],
)
def test_when_in_weeks_or_days_is_no_part_of_the_task(items_of: ItemsOf, sentence: str) -> None:
    assert titles(items_of, sentence + "\n") == ["Write the release notes"]


def test_a_question_above_is_no_topic_for_it(items_of: ItemsOf) -> None:
    # The question asks; it names nothing "the stuff" could be.
    body = "- What is everyone working on?\n    - Lee will get all the accessibility stuff in one place.\n"
    assert titles(items_of, body) == ["Get all the accessibility stuff in one place"]


def test_a_list_of_volunteers_above_is_no_topic(items_of: ItemsOf) -> None:
    # "Folks with time to write: Lee, Sam," says who, not what: "stuff" stays as the reply says it.
    body = (
        "- Folks with time to write: Lee, Sam,\n"
        "    - Priya: I can help copy stuff over and do initial edits\n"
    )
    # (Lee and Sam own an item of their own: the volunteer list.)
    assert titles(items_of, body)[-1] == "Help copy stuff over and do initial edits"


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # "will do" names no action: the request said just before it on the line does.
        (
            "- Priya: Should get everyone invited to the forum. Lee: will do.\n",
            "Invite everyone to the forum",
        ),
        ("- Lee will tag the release. Sam will do it too.\n", "Tag the release"),
        # A question without a verb proposes the thing it names: "do that" does that thing.
        ("- Priya: one minute pitch? Sam: will try to do that as well.\n", "Do one minute pitch"),
    ],
)
def test_will_do_does_what_was_said_just_before(items_of: ItemsOf, body: str, title: str) -> None:
    assert titles(items_of, body)[-1] == title


def test_who_does_it_themselves_is_no_part_of_the_title(items_of: ItemsOf) -> None:
    # "herself" says who does it, which the owner already says.
    assert titles(items_of, "Lee will fix the flaky test herself.\n") == ["Fix the flaky test"]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # "(Sam will research)" names no object: the line it closes, quoted, is what Sam
        # researches; never "Research: ...", which reads as a label. What is likely is no part of it.
        (
            "Add a note about seats per company (Sam will research)",
            "Research “add a note about seats per company”",
        ),
        ("skip the 3rd, likely to resume the week after (@leechen to send)", "Send “skip the 3rd”"),
        # Someone else's part in brackets is not the owner's task.
        ("Priya will fix the flaky test (Lee to review)", "Fix the flaky test"),
    ],
)
def test_the_owners_verb_in_brackets_acts_on_the_words_before_them(
    items_of: ItemsOf, line: str, title: str
) -> None:
    assert titles(items_of, f"- Next steps:\n    - {line}\n")[0] == title


@pytest.mark.parametrize(
    "line",
    [
        # What the owner says of themselves beside the offer is no part of it: a negated verb, or
        # one not in the offer's base form.
        "Lee can help but not be responsible for the booking.",
        "Lee: I can help, stretched thin",
    ],
)
def test_a_clause_the_owner_says_of_themselves_is_no_part_of_the_offer(items_of: ItemsOf, line: str) -> None:
    assert titles(items_of, f"- Install party\n    - {line}\n") == ["Help with Install party"]


def test_with_nothing_named_to_report_on_the_notes_words_stay(items_of: ItemsOf) -> None:
    # No section, no item above: "Report back" alone would say less than the note does.
    note = "---\ntitle: Sync\ndate: 2026-05-06\n---\n\nPriya: I will keep you updated.\n"
    assert [item.task for item in items_of(note)] == ["Keep you updated"]


def test_words_in_quotes_are_the_notes_name_for_the_thing(items_of: ItemsOf) -> None:
    # "something" in quotes is what the note calls the draft, not a pronoun for the topic.
    body = "- Licence terms\n    - Sam will draft up “something simpler” for discussion.\n"
    assert titles(items_of, body) == ["Draft up something simpler for discussion"]


def test_a_timebox_is_no_part_of_a_topic() -> None:
    # An agenda item's timebox is no part of what it is about; numbers in its words are.
    assert clean_topic("Mirror outage postmortem -_ 5min_") == "Mirror outage postmortem"
    assert [clean_topic(t) for t in ("Release plan (10 mins)", "Budget [15m]")] == ["Release plan", "Budget"]
    assert clean_topic("Top 10 items") == "Top 10 items"
