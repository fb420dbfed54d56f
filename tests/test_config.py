from __future__ import annotations

from typing import Any

import pytest
import yaml

from bot.config import Config, ConfigError, _line_of, parse_config
from bot.config_keys import key_paths
from tests.conftest import ROOT


def error_of(text: str) -> str:
    with pytest.raises(ConfigError) as raised:
        parse_config(text, "actionbot.yaml")
    return str(raised.value)


def test_roster_shape_is_the_people_list() -> None:
    config = parse_config("people:\n  - {name: Lee Chen, github: leechen, aliases: [Lee, LC]}\n", "c.yaml")
    person = config.roster.person("LC")
    assert person is not None and (person.name, person.github) == ("Lee Chen", "leechen")


def test_unknown_key_names_key_and_line() -> None:
    assert error_of("model: en_core_web_sm\nnotes:\n  paths: [a]\n  max_byte: 3\n") == (
        "actionbot.yaml:4: notes.max_byte: unknown key (did you mean max_bytes?)"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("notes:\n  path: [a]\n", "actionbot.yaml:2: notes.path: unknown key (did you mean paths?)"),
        ("remniders: {}\n", "actionbot.yaml:1: remniders: unknown key (did you mean reminders?)"),
        (
            "tracker:\n  labels: {itme: x}\n",
            "actionbot.yaml:2: tracker.labels.itme: unknown key (did you mean item?)",
        ),
        (
            "meetings: {zzz: 1}\n",
            "actionbot.yaml:1: meetings.zzz: unknown key (the keys here are time, timezone, every_days, "
            "weekday, name, minutes, url, location)",
        ),
    ],
)
def test_unknown_keys_suggest_the_nearest_known_one(text: str, message: str) -> None:
    assert error_of(text) == message


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


def _example() -> tuple[str, Any]:
    text = (ROOT / "config.example.yaml").read_text(encoding="utf-8")
    return text, yaml.safe_load(text)


def _value_at(data: Any, path: tuple[str, ...]) -> bool:
    for key in path:
        if isinstance(data, list):
            data = next((item for item in data if isinstance(item, dict) and key in item), {})
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True


def test_the_example_is_a_valid_config() -> None:
    text, _ = _example()
    config = parse_config(text, "config.example.yaml")
    assert config.reminders.notify and config.tracker.routes


def test_the_example_shows_every_key_the_config_accepts() -> None:
    _, data = _example()
    missing = [".".join(path) for path in key_paths(Config) if not _value_at(data, path)]
    assert missing == [], f"config.example.yaml does not show: {', '.join(missing)}"


def test_every_key_in_the_example_has_a_comment() -> None:
    text, _ = _example()
    lines = text.splitlines()
    bare = []
    for path in key_paths(Config):
        line = _line_of(text, path)
        here, above = lines[line - 1], lines[line - 2] if line > 1 else ""
        if "#" not in here and not above.lstrip().startswith("#"):
            bare.append(f"{'.'.join(path)} (line {line})")
    assert bare == [], "keys without a comment: " + ", ".join(bare)


def test_the_key_walk_sees_nested_and_listed_models() -> None:
    paths = set(key_paths(Config))
    assert {("tracker", "labels", "item"), ("people", "aliases"), ("tracker", "routes", "section")} <= paths


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
