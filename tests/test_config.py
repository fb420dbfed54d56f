from __future__ import annotations

import pytest

from bot.config import ConfigError, parse_config


def error_of(text: str) -> str:
    with pytest.raises(ConfigError) as raised:
        parse_config(text, "actionbot.yaml")
    return str(raised.value)


def test_roster_shape_is_the_people_list() -> None:
    config = parse_config("people:\n  - {name: Lee Chen, github: leechen, aliases: [Lee, LC]}\n", "c.yaml")
    person = config.roster.person("LC")
    assert person is not None and (person.name, person.github) == ("Lee Chen", "leechen")


def test_unknown_key_names_key_and_line() -> None:
    assert error_of("model: x\nnotes:\n  paths: [a]\n  max_byte: 3\n") == (
        "actionbot.yaml:4: notes.max_byte: Extra inputs are not permitted"
    )


def test_wrong_type_names_key_and_line() -> None:
    message = error_of("notes:\n  max_bytes: lots\n")
    assert message.startswith("actionbot.yaml:2: notes.max_bytes: ")


def test_bad_repository_name() -> None:
    message = error_of("tracker:\n  repo: not a repo\n")
    assert message == (
        "actionbot.yaml:2: tracker.repo: 'not a repo' is not a repository name of the form owner/name"
    )


def test_alias_naming_two_people() -> None:
    message = error_of(
        "people:\n  - {name: Tom Lind, aliases: [Tom]}\n  - {name: Tom Garcia, aliases: [Tom, TG]}\n"
    )
    assert message == "actionbot.yaml:3: people.1.aliases: 'Tom' names both Tom Lind and Tom Garcia"


def test_not_yaml() -> None:
    assert error_of("people: [unclosed\n").startswith("actionbot.yaml:2: the config is not valid YAML")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "tracker:\n  api_url: not a url\n",
            "actionbot.yaml:2: tracker.api_url: 'not a url' is not an http(s) URL",
        ),
        (
            "people:\n  - {name: Lee Chen}\n  - {name: Lee Chen, github: lchen}\n",
            "actionbot.yaml:3: people.1.name: 'Lee Chen' names two people",
        ),
        (
            "people:\n  - {name: Lee Chen, github: LeeC}\n  - {name: Lena Chu, github: leec}\n",
            "actionbot.yaml:3: people.1.github: 'leec' and 'LeeC' are one GitHub login (logins ignore case)",
        ),
        (
            "tracker:\n  labels: {item: ''}\n",
            "actionbot.yaml:2: tracker.labels.item: a label name is 1 to 50 characters, not 0",
        ),
        (
            "tracker:\n  labels: {meeting_prefix: " + "m" * 45 + "}\n",
            "actionbot.yaml:2: tracker.labels.meeting_prefix: with a date after it, a label name is 1 to 50 "
            "characters, not 55",
        ),
        (
            "reminders:\n  agenda_label: " + "a" * 51 + "\n",
            "actionbot.yaml:2: reminders.agenda_label: a label name is 1 to 50 characters, not 51",
        ),
    ],
    ids=["api-url", "one-name-two-people", "logins-by-case", "empty-label", "long-prefix", "long-label"],
)
def test_config_mistakes_are_one_line_each(text: str, expected: str) -> None:
    assert error_of(text) == expected
