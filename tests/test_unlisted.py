"""People the roster lacks: a promise whose owner is a name neither `people:` nor the attendees
list is extracted under that name, and everything else capitalised in an owner position is not a
person. Names invented; the roster is the tests' TEAM (Priya, Sam, Lee, Dana, TomL, TomG, Daniel)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.action_item import ActionItem
from bot.people import Person, Roster
from tests import syncbed
from tests.conftest import TEAM, ItemsOf
from tests.github_emulator import GitHubEmulator, body_of

NOTE = """# Infra call 2026-05-06

## Mirrors

Ravi will draft the post about the new mirrors.
Oluwaseun: I'll check the Windows runners tomorrow.
Decision: we move the nightly builds to the new runners.
Windows will need a new installer for the runners.
Monday will be the cut-off for the mirror switch.
Napari will read the new format once the Napari viewer is released.
We will ship the switch next week.
Everyone will test the mirrors before Friday.
Whoever will contribute will drive the direction.

## Next steps

- Update the mirror list (Kofi)
- Mona and Kofi will review the hosting budget.
- Priya to rotate the mirror keys.
"""


def owners(items: list[ActionItem]) -> list[tuple[tuple[tuple[str, str | None], ...], str]]:
    return [(tuple((o.name, o.github) for o in i.owners), i.task) for i in items]


def test_names_the_roster_lacks_own_their_promises_and_nothing_else_capitalised_does(
    items_of: ItemsOf,
) -> None:
    assert owners(items_of(NOTE)) == [
        ((("Ravi", None),), "Draft the post about the new mirrors"),
        ((("Oluwaseun", None),), "Check the Windows runners"),
        ((("Kofi", None),), "Update the mirror list"),
        ((("Mona", None), ("Kofi", None)), "Review the hosting budget"),
        ((("Priya Raman", "priyar"),), "Rotate the mirror keys"),
    ]


@pytest.mark.parametrize(
    ("attendees", "owner"),
    [
        ("Attendees: Tom Garcia, Priya", ("Tom Garcia", "tgarcia")),
        ("Attendees: TomL, Priya", ("Tom Lindqvist", "tlind")),
        ("Attendees: TomL, TomG", ("Tom", None)),  # both there: the name does not say which
        ("", ("Tom", None)),
    ],
)
def test_a_given_name_two_people_share_is_the_one_who_attends(
    items_of: ItemsOf, attendees: str, owner: tuple[str, str | None]
) -> None:
    note = f"# Build call 2026-05-06\n\n{attendees}\n\nTom will fix the flaky runner config.\n"
    [item] = items_of(note)
    assert ((item.owners[0].name, item.owners[0].github), item.task) == (owner, "Fix the flaky runner config")


def test_the_roster_takes_a_given_name_as_the_one_person_who_has_it() -> None:
    kofi = Person("Kofi Mensah", "kmensah")
    roster = Roster((*TEAM.people, kofi)).with_unlisted(["Kofi", "Tom", "Ravi", "Ravi Kumar"], ())
    assert roster.person("Kofi") == Person("Kofi Mensah", "kmensah", ("Kofi",))
    assert roster.person("Tom") == Person("Tom")
    # "Ravi" said alone, and "Ravi Kumar" in the same note: one person.
    assert roster.person("Ravi") == roster.person("Ravi Kumar") == Person("Ravi Kumar", None, ("Ravi",))


def test_sync_opens_an_unassigned_issue_for_a_name_the_roster_lacks(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    syncbed.sync_note(repo, tmp_path, NOTE)
    [ravi] = [i for i in repo.issues(syncbed.REPO) if i.title.endswith("(Ravi)")]
    assert ravi.title == "Draft the post about the new mirrors (Ravi)"
    assert ravi.assignees == [] and "**Owners:** Ravi\n" in body_of(ravi)


def test_a_clause_opening_a_verb_glued_on_or_code_is_not_a_name(items_of: ItemsOf) -> None:
    # A core devs' call: "After Berlin," and "Next," open the clause; a missing space glues a verb
    # to a name; a changelog line names a widget in code.
    body = (
        "# Core devs 2026-05-06\n\nAfter Berlin, Priya will hand the release calls over.\n"
        "Next, Jomo will share a document collecting these ideas.\n"
        "Ravi-Hoping to get a threat model drafted this week.\n"
        "Redesigned `Pickerview` to use the `Menu` model.\n"  # code, not a person
    )
    assert owners(items_of(body)) == [
        ((("Priya Raman", "priyar"),), "Hand the release calls"),
        ((("Jomo", None),), "Share a document collecting the ideas"),
    ]


def test_an_irregular_past_opening_a_line_is_not_a_name(items_of: ItemsOf) -> None:
    # A steering group's minutes and a working group's: the verb of a sentence that leaves its
    # subject out is a word of English, inflected as the word lists do not write it.
    body = (
        "# Steering 2026-05-06\n\n- Suffix proposal\n"
        "  - Meant to curb the explosion of suffixes in file names\n"
        "- Went to last call a long time ago, parked it.\n- Priya will draft the reply.\n"
    )
    assert owners(items_of(body)) == [((("Priya Raman", "priyar"),), "Draft the reply")]
