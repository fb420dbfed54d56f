from __future__ import annotations

from bot.people import Person, Roster
from tests.conftest import TEAM


def names(text: str, roster: Roster = TEAM) -> list[str]:
    return [m.person.name for m in roster.mentions(text)]


def test_aliases_resolve_to_their_person() -> None:
    assert names("TomL and TomG met Priya") == ["Tom Lindqvist", "Tom Garcia", "Priya Raman"]
    assert names("DW asked Sammy") == ["Dana Whitfield", "Samuel Okafor"]


def test_short_aliases_never_match_inside_words() -> None:
    assert names("TLS and PRs and Leeds and Samba") == []
    assert names("TL fixed TLS") == ["Tom Lindqvist"]


def test_longest_spelling_wins() -> None:
    roster = Roster((Person("Dan Park", None, ("Dan",)), Person("Dan Smith", "dsmith", ("Dan S",))))
    assert names("Dan S and Dan", roster) == ["Dan Smith", "Dan Park"]


def test_logins_and_handles() -> None:
    mentions = TEAM.mentions("@priyar will ask @newcomer, not email@example.com")
    assert [(m.person.name, m.person.github, m.handle) for m in mentions] == [
        ("Priya Raman", "priyar", True),
        ("newcomer", "newcomer", True),
    ]


def test_a_doubled_at_sign_is_a_mention_as_exported_by_some_editors() -> None:
    # A community's notes exported from a shared document: "**@@Priya: +1 for opening issues.**".
    assert names("**@@Priya: +1 for opening issues.** @@leechen can set up the chat.") == [
        "Priya Raman",
        "Lee Chen",
    ]
    assert names("mail lee@@example.org") == []


def test_names_inside_links_are_not_people() -> None:
    assert names("see https://github.com/priyar/tool and Priya/Sam") == ["Priya Raman", "Samuel Okafor"]


def test_attendees_not_in_the_roster_are_people_without_a_login() -> None:
    roster = TEAM.with_attendees(["Priya", "Zhou Wei", "Chris ?", "Tom Lindqvist"])
    assert [p.name for p in roster.people[len(TEAM.people) :]] == ["Zhou Wei", "Chris"]
    assert roster.person("Zhou Wei") == Person("Zhou Wei")
    assert names("Zhou Wei will check", roster) == ["Zhou Wei"]


def test_an_attendee_with_an_employer_and_a_key_is_the_roster_person_under_that_key() -> None:
    # A standards working group's attendee list: "Name - Employer (KEY)", a role after it.
    roster = TEAM.with_attendees(["Priya Raman - Acme (PRA) - chair", "Zhou Wei \\- Initech (ZWE)"])
    assert [p.name for p in roster.people[len(TEAM.people) :]] == ["Zhou Wei"]
    assert names("PRA: will review the PR. ZWE: will test it.", roster) == ["Priya Raman", "Zhou Wei"]


def test_a_given_name_that_is_a_modal_is_the_modal_before_a_bare_verb() -> None:
    roster = Roster((Person("Will Okoro", None, ("Will",)), Person("Lena Park", None, ("Lena",))))
    assert names("Lena: Will send email out to the list", roster) == ["Lena Park"]
    assert names("Will discuss it with Lena.", roster) == ["Lena Park"]
    assert names("Will and Lena will review it", roster) == ["Will Okoro", "Lena Park"]
    assert names("Will said he'd look. Thanks, Will", roster) == ["Will Okoro", "Will Okoro"]
    assert names("Lena asked Will to merge it", roster) == ["Lena Park", "Will Okoro"]
