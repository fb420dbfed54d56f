"""Who the notes are talking about: the team roster, and finding its people in a sentence.

Names are matched as whole words only, so a short alias such as "TL" or "Dan" never matches inside
"TLS" or "Daniel", and the longest spelling wins ("Dave Scott" before "Dave").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from bot.notes.sentences import TIME_STAMP

# The one spelling of a GitHub login (an owner's "@login", a repository's owner, a config's login):
# 1 to 39 letters, digits and hyphens, not starting with a hyphen.
LOGIN = r"[A-Za-z0-9][A-Za-z0-9-]{0,38}"
# A repository's name after its owner: "owner/repo".
REPO_NAME = r"[A-Za-z0-9._-]{1,100}"
_HANDLE = re.compile(rf"(?<![\w@/.])@@?({LOGIN})\b")  # "@@Lee": some editors export a mention so
# A speaker's label as chat logs and scribes write it, by login or by a spelling in any case:
# "12:01 <priyar> ...", "<@priyar>" (an operator's sign before it), "[simeon] ...", and at the
# start of a line "priya: lee: can you ...". Only there is a lower-case "mark" or "rob" a name
# and not a word. "[Lee](url)" is a link.
_NICK = r"[^\W\d][\w.-]{0,38}"
_SPEAKER_NICK = re.compile(rf"(?:<[@+%]?|\[)(?P<nick>{_NICK})(?:>|\](?!\())")
_LINE_NICKS = re.compile(rf"^\s*{TIME_STAMP}(?P<nick>{_NICK}):\s+(?:(?P<to>{_NICK}):\s)?")
# A name written in lower case where only a name can stand: opening a line or a clause, before a
# promise ("leah will merge the PR", "-- luiz can look into this", "max is happy to review").
_LOWER_SUBJECT = re.compile(
    r"(?<![\w@.-])(?P<nick>[a-z][\w.-]{1,38})(?=(?:\s+(?:will|can|could|should|is|to|owns|needs)\b|'ll\b))"
)
_CLAUSE_OPENERS = ("(", ",", ":", ";", "*", "-", "–", "—")
_CLEAN_NAME = re.compile(r"[?*_]+")
_CODE = re.compile(r"`[^`\n]+`")
_EVERYONE = frozenset({"everyone", "here", "channel", "all", "room", "team"})


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
    # "@defer", "@Override": what the note writes as code elsewhere is a directive, not a login.
    code_words: frozenset[str] = frozenset()

    @cached_property
    def _by_spelling(self) -> dict[str, Person]:
        table: dict[str, Person] = {}
        for person in self.people:
            for spelling in person.spellings:
                table.setdefault(spelling, person)
        return table

    @cached_property
    def _by_folded(self) -> dict[str, Person]:
        table: dict[str, Person] = {}
        for person in self.people:
            for spelling in (person.name, *person.aliases):
                table.setdefault(spelling.lower(), person)
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
        # Not after "@" (a login is matched as a handle), except a chat log's operator sign: "<@nick>".
        return re.compile(rf"(?<![\w-])(?<!(?<!<)@)(?:{alternatives})(?![\w]|-\w)")

    def person(self, spelling: str) -> Person | None:
        """The person a written name means, or None when the roster does not know it."""
        return self._by_spelling.get(spelling.strip()) or self._by_login.get(
            spelling.strip().lstrip("@").lower()
        )

    def with_code(self, texts: Iterable[str]) -> Roster:
        """The roster, knowing that what `texts` write as inline code ("`@defer`") is no login."""
        words = frozenset(
            w.lower() for text in texts for code in _CODE.findall(text) for w in _HANDLE.findall(code)
        )
        return replace(self, code_words=self.code_words | words) if words else self

    def by_login(self, login: str) -> Person | None:
        return self._by_login.get(login.lower())

    def with_attendees(self, names: Iterable[str]) -> Roster:
        """This roster plus what the attendee list says: people it does not know (login unknown),
        and spellings it defines for this meeting ("MB: Myles Borins", "Jory Burson (JB)",
        "Max @telamonian"), which win over the roster's own for this note."""
        defined: dict[str, Person] = {}  # spelling -> the person it names in this meeting
        extra: list[Person] = []
        for known, (name, spelling, login) in self._attendees(names):
            if known is None and self._known_inside(name):
                continue  # "Richard (Mort) Mortier": a spelling of someone known
            person = known or Person(name=name, github=login)
            if known is None:
                extra.append(person)
            if spelling and self.person(spelling) != person:
                defined[spelling] = person
        if not extra and not defined:
            return self
        people = [*self.people, *dict.fromkeys(extra)]
        if defined:
            people = [_without(p, set(defined)) for p in people]
            for spelling, person in defined.items():
                index = people.index(_without(person, set(defined)))
                people[index] = replace(people[index], aliases=(*people[index].aliases, spelling))
        return Roster(tuple(people))

    def attending(self, names: Iterable[str]) -> frozenset[Person]:
        """The people of this roster an attendee list names."""
        return frozenset(known for known, _ in self._attendees(names) if known is not None)

    def _attendees(self, names: Iterable[str]) -> Iterator[tuple[Person | None, tuple[str, str, str | None]]]:
        """Each attendee entry read (`_attendee`), with the person of this roster it names."""
        for raw in names:
            entry = _attendee(_CLEAN_NAME.sub("", raw).strip())
            if entry is not None:
                name, _, login = entry
                yield self.person(name) or (self.by_login(login) if login else None), entry

    def sharing(self, given: str) -> tuple[Person, ...]:
        """The people whose name starts with this given name: "Tom" for Tom Lind and Tom Garcia."""
        return tuple(p for p in self.people if p.name.split()[0] == given and p.name != given)

    def with_unlisted(self, names: Iterable[str], attending: Collection[Person]) -> Roster:
        """This roster plus the names the notes give owners it does not know. A given name is the one
        person who has it, or, when several do, the one of them who attends; any other name is a
        person of its own, with no login ("Ravi", "Ravi Kumar")."""
        aliases: dict[Person, list[str]] = {}
        extra: dict[str, Person] = {}
        for name in dict.fromkeys(names):
            if self.person(name) is not None:
                continue
            holders = self.sharing(name)
            if len(holders) > 1:
                holders = tuple(p for p in holders if p in attending)
            if len(holders) == 1:
                aliases.setdefault(holders[0], []).append(name)
            else:
                extra[name] = Person(name)
        if not aliases and not extra:
            return self
        people = [replace(p, aliases=(*p.aliases, *aliases[p])) if p in aliases else p for p in self.people]
        return Roster((*people, *_joined(extra)))

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
                if _the_modal(text, match.start(), match.end()):
                    continue  # "Lucas: Will send email to the list": the modal, not Will
                person = self._by_spelling[match.group(0)]
                # A roster spelling "@Ciaran" is written as a handle, and closes a task as one does.
                handle = match.group(0).startswith("@")
                found.append(Mention(match.start(), match.end(), person, handle=handle))
        for match in _HANDLE.finditer(text):
            login = match.group(1)
            if login.lower() in _EVERYONE:
                continue  # "@everyone will post their goals": a chat's call to all, no one's login
            # "@priya" where the login is priyar: a first name or nick the roster knows.
            known = self._by_nick(login)
            if known is None and login.lower() in self.code_words:
                continue
            person = known or Person(name=login, github=login)
            found.append(Mention(match.start(), match.end(), person, handle=True))
        for match in _LOWER_SUBJECT.finditer(text):
            before = text[: match.start()].rstrip()
            known = self._by_folded.get(match["nick"])
            if known is not None and (not before or before.endswith(_CLAUSE_OPENERS)):
                found.append(Mention(match.start("nick"), match.end("nick"), known))
        labels = [m.span("nick") for m in _SPEAKER_NICK.finditer(text)]
        if (line := _LINE_NICKS.match(text)) is not None:
            labels.extend(line.span(group) for group in ("nick", "to") if line[group])
        for start, end in labels:
            if (known := self._by_nick(text[start:end])) is not None:
                found.append(Mention(start, end, known))
        found.sort(key=lambda m: m.start)
        return _without_overlaps(found)

    def _by_nick(self, nick: str) -> Person | None:
        """Whom a login or a nick means, in any case: "@priya", "<priyar>", "[simeon]"."""
        return self.by_login(nick) or self._by_folded.get(nick.lower())


# Given names that are also modals, which open a subjectless promise in minutes: "Will send ...".
_MODAL_NAMES = frozenset({"will", "may"})
# A bare verb after the word: lower case, neither a past ("-ed") nor a third person ("-s", but "discuss").
_BARE_VERB_AFTER = re.compile(
    r"\s+(?!(?:and|or|is|was|has|had|said|says|will|would|can|could|should|to|who|also|not)\b)"
    r"[a-z]+\b(?<!ed)(?<![^s]s)(?![-'’])"
)


def _the_modal(text: str, start: int, end: int) -> bool:
    """Whether "Will" or "May" where a clause opens is the modal before its verb, not the person."""
    if text[start:end].lower() not in _MODAL_NAMES:
        return False
    before = text[:start].rstrip()
    opens = not before or before.endswith((*_CLAUSE_OPENERS, ".", "!", "?"))
    return opens and _BARE_VERB_AFTER.match(text, end) is not None


_KEYED = re.compile(r"^(?P<key>[A-Z]{1,4})\s*[:=\-–—]\s*(?P<name>\S.*)$")
_BRACKETED = re.compile(rf"^(?P<name>[^()@]+?)\s*\((?P<key>@?{LOGIN})\)$")
_WITH_HANDLE = re.compile(rf"^(?P<name>[^()@]+?)\s+@(?P<login>{LOGIN})$")
_REMARKED = re.compile(r"^(?P<name>[^()@]+?)\s*\([^()]*\)$")
_AFFILIATION = re.compile(r"\s+\\?[-–—]\s+")
_ORGANISATION = re.compile(r"^[A-Z][A-Z0-9&]{3,}$")
_KEY_ANYWHERE = re.compile(rf"\((@?{LOGIN})\)")


def _attendee(entry: str) -> tuple[str, str, str | None] | None:
    """An attendee entry as (name, a spelling it defines, login): "MB: Myles Borins",
    "Jory Burson (JB)", "Jory Burson (@jorydotcom)", "Max @telamonian", or just "Dana"."""
    if not entry or not entry[0].isupper():
        return None
    if (match := _KEYED.match(entry)) is not None:
        # "JB: Jory Burson (@jorydotcom)": the key, then the rest as an entry of its own.
        rest = _attendee(match["name"].strip())
        name, _, login = rest if rest is not None else (match["name"].strip(), "", None)
        return name, _initials(match["key"], name), login  # not "ALBA - Zbigniew Reszela"
    if len(parts := _AFFILIATION.split(entry, maxsplit=1)) == 2 and _ORGANISATION.match(parts[0]):
        return _attendee(parts[1])  # "MAXIV - Antonio Milan": the institute, then who came from it
    if len(parts) == 2:
        # "Addison Phillips - Unicode (APP) - chair": the name, then where they work and their role.
        bracketed = _KEY_ANYWHERE.search(parts[1])
        return _attendee(f"{parts[0]} ({bracketed[1]})" if bracketed else parts[0])
    if (match := _BRACKETED.match(entry)) is not None:
        key = match["key"]
        if key.startswith("@"):
            return match["name"].strip(), "", key[1:]
        name = match["name"].strip()
        if key.isupper() and len(key) <= 4:
            return name, _initials(key, name), None  # not "Andrew Goetz (ESRF)"
        return entry, "", None
    if (match := _REMARKED.match(entry)) is not None:
        return match["name"].strip(), "", None  # "Ravi Shah (new contributor, welcome!)"
    if (match := _WITH_HANDLE.match(entry)) is not None:
        return match["name"].strip(), "", match["login"]
    return entry, "", None


def _initials(key: str, name: str) -> str:
    """The key an attendee entry gives a name, if it can be their initials, which start as the name
    does; capitals that do not ("ALBA - Zbigniew Reszela", "Andrew Goetz (ESRF)") say where they work."""
    return key if key[:1] == name[:1].upper() else ""


def _joined(found: dict[str, Person]) -> list[Person]:
    """New people, "Ravi" said alone folded into "Ravi Kumar" when the note has one Ravi only."""
    full: dict[str, list[str]] = {}
    for name in found:
        if " " in name:
            full.setdefault(name.split()[0], []).append(name)
    people = []
    for name, person in found.items():
        given = name.split()[0]
        if name == given and len(full.get(given, [])) == 1:
            continue
        folds = name != given and given in found and len(full[given]) == 1
        people.append(replace(person, aliases=(given,)) if folds else person)
    return people


def _without(person: Person, spellings: set[str]) -> Person:
    kept = tuple(a for a in person.aliases if a not in spellings)
    return person if kept == person.aliases else replace(person, aliases=kept)


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
