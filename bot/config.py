"""The config file (YAML), validated with pydantic; every error names the key and its line in the file."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot import backtracking, config_keys
from bot.channels import check_url
from bot.extraction.nlp import DEFAULT_MODEL, MODELS, is_path
from bot.notes.dates import WEEKDAYS
from bot.people import LOGIN, REPO_NAME, Person, Roster

DEFAULT_CONFIG_NAMES = ("actionbot.yaml", ".actionbot.yaml", "actionbot.yml")
_REPO = re.compile(rf"^{LOGIN}/{REPO_NAME}$")
_LOGIN = re.compile(LOGIN)


class ConfigError(Exception):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _alias(value: str) -> str:
    if not value.strip():
        raise ValueError("an alias is a name the notes use: an empty one would match nothing, or anything")
    return value


class PersonConfig(_Strict):
    name: str = Field(min_length=1)
    github: str | None = None
    aliases: list[Annotated[str, AfterValidator(_alias)]] = Field(default_factory=list)

    @field_validator("github")
    @classmethod
    def _login(cls, value: str | None) -> str | None:
        if value is None:
            return None
        # "@priyar" is how people write a login; the login itself is "priyar".
        login = value.removeprefix("@")
        if not _LOGIN.fullmatch(login):
            raise ValueError(f"'{value}' is not a GitHub login (letters, digits and '-', at most 39)")
        return login


class NotesConfig(_Strict):
    paths: list[str] = Field(default_factory=lambda: ["notes"])
    max_bytes: int = Field(default=1_000_000, gt=0)
    # The branch whose notes are synced; links point at it when no commit is known.
    branch: str = "main"


class RouteConfig(_Strict):
    section: str  # a regular expression matched against the section title
    repo: str

    @field_validator("repo")
    @classmethod
    def _repo(cls, value: str) -> str:
        return _valid_repo(value)

    @field_validator("section")
    @classmethod
    def _pattern(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"not a regular expression: {error}") from error
        if backtracking.nested_repeat(value):
            raise ValueError(
                f"'{value}' has a repeat inside a repeat, which can take exponential time on a section "
                "title: write it without one (a+ rather than (a+)+)"
            )
        return value


MAX_LABEL = 50  # GitHub's longest label name


def _label_name(value: str, after: str = "") -> str:
    """A label name GitHub takes, with `after` (a meeting's date) appended to it where it is a prefix."""
    length = len(value + after)
    if not 1 <= length <= MAX_LABEL:
        with_date = "with a date after it, " if after else ""
        raise ValueError(f"{with_date}a label name is 1 to {MAX_LABEL} characters, not {length}")
    return value


LabelName = Annotated[str, AfterValidator(_label_name)]
LabelPrefix = Annotated[str, AfterValidator(lambda value: _label_name(value, after="2026-05-06"))]


class LabelsConfig(_Strict):
    item: LabelName = "action-item"
    meeting_prefix: LabelPrefix = "meeting:"


class TrackerConfig(_Strict):
    kind: Literal["auto", "local", "github"] = "auto"
    repo: str | None = None
    token_env: str = "GITHUB_TOKEN"
    api_url: str = "https://api.github.com"
    state_dir: str = ".actionbot"
    labels: LabelsConfig = Field(default_factory=LabelsConfig)
    close_removed: bool = False
    routes: list[RouteConfig] = Field(default_factory=list)
    # Close an item's issue when a later note says it is done ("merged", "released", "fixed").
    close_on_done: bool = False
    timeout: float = Field(default=15.0, gt=0, le=600)
    # GitHub asks integrations to space writes at least a second apart (secondary rate limits).
    seconds_between_writes: float = Field(default=1.0, ge=0, le=60)
    # Retries of a request that may be repeated safely (reads, rate limits), with growing waits.
    retries: int = Field(default=5, ge=0, le=20)
    # The login the bot writes as, when the token cannot read /user (defaults to asking GitHub).
    login: str | None = None

    @field_validator("repo")
    @classmethod
    def _repo(cls, value: str | None) -> str | None:
        return None if value is None else _valid_repo(value)

    @field_validator("state_dir")
    @classmethod
    def _state_dir(cls, value: str) -> str:
        if Path(value).exists() and not Path(value).is_dir():
            raise ValueError(f"'{value}' is a file: the bot keeps its state in a folder")
        return value

    @field_validator("api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        parts = urllib.parse.urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"'{value}' is not an http(s) URL")
        return value


class MeetingsConfig(_Strict):
    """When the team meets: the next meeting's date comes from the latest note ("The next call is
    scheduled for ..."), else from this cadence; the time of day and time zone from here."""

    time: str = Field(default="16:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    timezone: str = "UTC"
    every_days: int | None = Field(default=None, gt=0, le=366)  # e.g. 14 for every other week
    weekday: str | None = None  # one of dates.WEEKDAYS
    name: str = "team"
    minutes: int = Field(default=60, gt=0, le=24 * 60)  # how long it lasts, for the calendar invitation
    # Where people join: the call's address and a place, told in the notices and the invitation.
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    location: str | None = None

    @field_validator("weekday")
    @classmethod
    def _weekday(cls, value: str | None) -> str | None:
        if value is not None and value.lower() not in WEEKDAYS:
            raise ValueError(f"'{value}' is not a weekday: one of {', '.join(WEEKDAYS)}")
        return value.lower() if value is not None else None

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone '{value}'") from error
        return value


class RemindersConfig(_Strict):
    lead_hours: float = Field(default=24.0, gt=0, le=366 * 24)
    repo: str | None = None  # where the agenda issue goes (default: tracker.repo)
    agenda_label: LabelName = "agenda"  # issues people label for the next meeting's agenda
    issue_label: LabelName = "meeting-agenda"  # the label of the bot's agenda issues
    # Where else the agenda goes (mail, chat, webhooks): apprise URLs whose secrets are ${VARIABLE}s.
    notify: list[Annotated[str, AfterValidator(check_url)]] = Field(default_factory=list)
    # The most one channel may take to send one notice: a server that stalls is given up on then.
    send_seconds: float = Field(default=60.0, gt=0, le=3600)
    # The agenda @-mentions an owner whose open item is due, or carried over this many meetings.
    mention_after_meetings: int = Field(default=3, ge=1)

    @field_validator("repo")
    @classmethod
    def _repo(cls, value: str | None) -> str | None:
        return None if value is None else _valid_repo(value)


class DaemonConfig(_Strict):
    # At most a week: a longer wait overflows the scheduler's clock, and is no daemon.
    poll_minutes: float = Field(default=5.0, gt=0, le=7 * 24 * 60)
    remind_minutes: float = Field(default=30.0, gt=0, le=7 * 24 * 60)


class Config(_Strict):
    model: str = DEFAULT_MODEL

    @field_validator("model")
    @classmethod
    def _known_model(cls, value: str) -> str:
        if value in MODELS or is_path(value):
            return value
        raise ValueError(
            f"'{value}' is not a model actionbot can install: use one of {', '.join(sorted(MODELS))}, "
            "or the path of a spaCy model directory"
        )

    people: list[PersonConfig] = Field(default_factory=list)
    notes: NotesConfig = Field(default_factory=NotesConfig)
    tracker: TrackerConfig = Field(default_factory=TrackerConfig)
    meetings: MeetingsConfig = Field(default_factory=MeetingsConfig)
    reminders: RemindersConfig = Field(default_factory=RemindersConfig)
    daemon: DaemonConfig = Field(default_factory=DaemonConfig)
    # Ids of items that are not action items (false positives), left out of every command.
    ignore: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_person_per_spelling(self) -> Config:
        named: dict[str, int] = {}  # every spelling -> the index of the person it names
        logins: dict[str, tuple[int, str]] = {}  # GitHub logins, which ignore case
        for index, person in enumerate(self.people):
            spellings = [("name", person.name), *(("aliases", alias) for alias in person.aliases)]
            spellings += [("github", person.github)] if person.github else []
            for key, spelling in spellings:
                first = named.setdefault(spelling, index)
                other = self.people[first].name
                if first != index and other == person.name:
                    raise _Located(("people", index, "name"), f"'{person.name}' names two people")
                if first != index:
                    raise _Located(
                        ("people", index, key), f"'{spelling}' names both {other} and {person.name}"
                    )
            if person.github:
                seen, login = logins.setdefault(person.github.lower(), (index, person.github))
                if seen != index:
                    message = f"'{person.github}' and '{login}' are one GitHub login (logins ignore case)"
                    raise _Located(("people", index, "github"), message)
        return self

    @property
    def roster(self) -> Roster:
        return Roster(
            tuple(Person(p.name, p.github, tuple(p.aliases)) for p in self.people),
        )


class _Located(ValueError):
    def __init__(self, location: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.location = location


def _valid_repo(value: str) -> str:
    if not _REPO.match(value):
        raise ValueError(f"'{value}' is not a repository name of the form owner/name")
    return value


def load_config(path: Path | None) -> Config:
    """The config at `path`, or the default one in the working directory, or the built-in defaults."""
    if path is None:
        path = next((Path(n) for n in DEFAULT_CONFIG_NAMES if Path(n).is_file()), None)
        if path is None:
            return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config: {error}") from error
    return parse_config(text, str(path))


class _OnceLoader(yaml.SafeLoader):
    """YAML that refuses a key given twice in one mapping: PyYAML keeps the last, so the first
    (often the one people read) would silently do nothing."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise _TwiceError(key, line, seen[key])
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class _TwiceError(yaml.YAMLError):
    def __init__(self, key: Any, line: int, first: int) -> None:
        super().__init__(f"{key}: the key is given twice (first at line {first})")
        self.key, self.line, self.first = key, line, first


def parse_config(text: str, name: str) -> Config:
    try:
        data: Any = yaml.load(text, Loader=_OnceLoader) or {}
    except _TwiceError as error:
        raise ConfigError(f"{name}:{error.line}: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(
            f"{name}{line}: the config is not valid YAML: {getattr(error, 'problem', error)}"
        ) from error
    if not isinstance(data, dict):
        raise ConfigError(f"{name}:1: the config must be a mapping of keys to values")
    try:
        return Config.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location: tuple[str | int, ...] = tuple(first["loc"])
        message = first["msg"]
        context = first.get("ctx") or {}
        located = context.get("error")
        if isinstance(located, _Located):
            location, message = located.location, str(located)
        message = message.removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = _unknown_key(location)
        key = ".".join(str(part) for part in location) or "(top level)"
        raise ConfigError(f"{name}:{_line_of(text, location)}: {key}: {message}") from None


def _unknown_key(location: tuple[str | int, ...]) -> str:
    known = config_keys.keys_at(Config, location[:-1])
    guess = config_keys.nearest(str(location[-1]), known)
    if guess is not None:
        return f"unknown key (did you mean {guess}?)"
    return "unknown key (the keys here are " + ", ".join(known) + ")"


def _line_of(text: str, location: tuple[str | int, ...]) -> int:
    """The line where the key at `location` stands, or its nearest parent that exists."""
    try:
        node: Any = yaml.compose(text)
    except yaml.YAMLError:
        return 1
    line = 1
    for part in location:
        if isinstance(node, yaml.MappingNode):
            match = next((pair for pair in node.value if pair[0].value == part), None)
            if match is None:
                break
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
