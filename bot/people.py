"""Who the notes are talking about: the team roster, and finding its people in a sentence.

Names are matched as whole words only, so a short alias such as "TL" or "Dan" never matches inside
"TLS" or "Daniel", and the longest spelling wins ("Dave Scott" before "Dave").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

_HANDLE = re.compile(r"(?<![\w@/.])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\b")
_CLEAN_NAME = re.compile(r"[?*_]+")


@dataclass(frozen=True)
class Person:
    name: str
    github: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        names = (self.name, *self.aliases)
        return names + ((self.github,) if self.github else ())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    person: Person
    handle: bool = False  # written as an @login


@dataclass(frozen=True)
class Roster:
    people: tuple[Person, ...] = field(default=())

    @cached_property
    def _by_spelling(self) -> dict[str, Person]:
        table: dict[str, Person] = {}
        for person in self.people:
            for spelling in person.spellings:
                table.setdefault(spelling, person)
        return table

    @cached_property
    def _by_login(self) -> dict[str, Person]:
        return {p.github.lower(): p for p in self.people if p.github}

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        spellings = sorted(self._by_spelling, key=len, reverse=True)
        if not spellings:
            return None
        alternatives = "|".join(re.escape(s) for s in spellings)
        return re.compile(rf"(?<![\w@-])(?:{alternatives})(?![\w]|-\w)")

    def person(self, spelling: str) -> Person | None:
        """The person a written name means, or None when the roster does not know it."""
        return self._by_spelling.get(spelling.strip()) or self._by_login.get(
            spelling.strip().lstrip("@").lower()
        )

    def by_login(self, login: str) -> Person | None:
        return self._by_login.get(login.lower())

    def with_attendees(self, names: Iterable[str]) -> Roster:
        """This roster plus the attendees it does not know: they are people too, login unknown."""
        extra: list[Person] = []
        for raw in names:
            name = _CLEAN_NAME.sub("", raw).strip()
            if not name or not name[0].isupper() or self.person(name) or self._known_inside(name):
                continue
            extra.append(Person(name=name))
        if not extra:
            return self
        return Roster(self.people + tuple(dict.fromkeys(extra)))

    def _known_inside(self, name: str) -> bool:
        # "Richard (Mort) Mortier" in an attendee list is a spelling of a known person, not a new one.
        return any(m.start == 0 and m.end == len(name) for m in self.mentions(name))

    def mentions(self, text: str) -> list[Mention]:
        """People named in the text, left to right: roster spellings and @logins."""
        found: list[Mention] = []
        if self._pattern is not None:
            for match in self._pattern.finditer(text):
                if _inside_link(text, match.start()):
                    continue
                person = self._by_spelling[match.group(0)]
                found.append(Mention(match.start(), match.end(), person))
        for match in _HANDLE.finditer(text):
            login = match.group(1)
            person = self.by_login(login) or Person(name=login, github=login)
            found.append(Mention(match.start(), match.end(), person, handle=True))
        found.sort(key=lambda m: m.start)
        return _without_overlaps(found)


def _inside_link(text: str, start: int) -> bool:
    """ "github.com/avsm/x" names a path, not a person; "Vincent/Dave" names two people."""
    if start == 0 or text[start - 1] != "/":
        return False
    word_start = max(text.rfind(" ", 0, start), text.rfind("(", 0, start)) + 1
    before = text[word_start : start - 1]
    return "." in before or ":" in before or "/" in before


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
