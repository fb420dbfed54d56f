"""A first `actionbot.yaml` guessed from the notes, for `actionbot init`. Pure: it takes the meetings
already read and returns the file's text.

- People: the names on attendee lines, a first name ("Margit") folded into the one full name it
  starts ("Margit Halvorsen") as an alias, and the @handles the notes use, as GitHub logins (given
  to the attendee whose first name the handle starts with, when exactly one does).
- Cadence: the most common gap between meetings, and their weekday when most meetings share it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.notes.cadence import inferred_every_days
from bot.notes.meeting import Meeting
from bot.people import LOGIN, REPO_NAME, Roster

_HANDLE = re.compile(rf"(?<![\w`@./])@({LOGIN})\b(?![.@]\w)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
GITIGNORE_ENTRY = ".actionbot/"


@dataclass
class Guess:
    name: str
    github: str | None = None
    aliases: list[str] = field(default_factory=list)


def people(meetings: Iterable[Meeting]) -> list[Guess]:
    meetings = list(meetings)
    attendees = Counter(name for m in meetings for name in m.attendees)
    # "@priyar" on an attendee line is a login, as in a sentence; "sam smith" is "Sam Smith".
    handles = Counter(h for m in meetings for s in m.sentences for h in _HANDLE.findall(s.text))
    handles.update({name[1:]: n for name, n in attendees.items() if re.fullmatch(f"@{LOGIN}", name)})
    # Each attendee entry as the roster reads it: "Ravi Shah (new contributor)" is Ravi Shah.
    read = Counter(p.name for m in meetings for p in Roster(()).with_attendees(m.attendees).people)
    names = _one_spelling(Counter({n: c for n, c in read.items() if not n.startswith("@")}))
    handles = _one_spelling(handles, capitalised=False)
    full = sorted(n for n in names if len(n.split()) > 1)
    guesses = {name: Guess(name) for name in full}
    for name in sorted(n for n in names if len(n.split()) == 1):
        owner = _only(f for f in full if _starts(f, name))
        if owner is not None:
            guesses[owner].aliases.append(name)
        else:
            guesses.setdefault(name, Guess(name))
    for handle in sorted(handles, key=str.lower):
        owner = _only(g for g in guesses.values() if g.github is None and _starts(g.name, handle[:3]))
        if owner is not None and handle.lower().startswith(owner.split()[0].lower()[:3]):
            guesses[owner].github = handle
        elif not any(g.github and g.github.lower() == handle.lower() for g in guesses.values()):
            guesses.setdefault(handle, Guess(handle, github=handle))
    return sorted(guesses.values(), key=lambda g: g.name.lower())


def _one_spelling(counts: Counter[str], capitalised: bool = True) -> Counter[str]:
    """Spellings that differ only in case counted as one: the most used, else the most capitalised
    (a name) or the least (a login, which people mostly write in lower case)."""
    spellings: dict[str, list[str]] = {}
    for name in counts:
        spellings.setdefault(name.casefold(), []).append(name)
    merged: Counter[str] = Counter()
    for same in spellings.values():
        sign = -1 if capitalised else 1
        best = min(same, key=lambda n: (-counts[n], sign * sum(c.isupper() for c in n), n))
        merged[best] = sum(counts[n] for n in same)
    return merged


def _starts(full_name: str, short: str) -> bool:
    first = full_name.split()[0].lower()
    short = short.lower()
    return len(short) >= 3 and first.startswith(short)


def _only(candidates: Iterable[str | Guess]) -> str | None:
    found = [c.name if isinstance(c, Guess) else c for c in candidates]
    return found[0] if len(set(found)) == 1 else None


@dataclass(frozen=True)
class Cadence:
    every_days: int | None
    weekday: str | None


def cadence(dates: Iterable[dt.date]) -> Cadence:
    held = sorted(set(dates))
    every = inferred_every_days(held)  # the rule the bot itself reads the notes by
    weekdays = Counter(d.weekday() for d in held)
    day, count = weekdays.most_common(1)[0] if weekdays else (0, 0)
    weekday = _WEEKDAYS[day] if held and count * 2 > len(held) else None
    return Cadence(every, weekday)


def config_text(
    meetings: Sequence[Meeting], notes_paths: Sequence[str], repo: str | None, name: str = "team"
) -> str:
    found = people(meetings)
    rhythm = cadence(m.date for m in meetings)
    lines = [
        "# actionbot configuration, written by `actionbot init` from "
        f"{len(meetings)} notes: check the people and the meetings.",
        "# Every key is described in config.example.yaml of actionbot.",
        "",
        "# Found on attendee lines and as @handles. Add `github:` logins and the other spellings",
        "# your notes use (`aliases:`).",
        "people:",
    ]
    for guess in found:
        lines.append("  - " + _person(guess))
    if not found:
        lines.append("  []")
    lines += [
        "",
        "notes:",
        f"  paths: {_list(notes_paths)}",
        "",
        (
            f"tracker: {{repo: {_quote(repo)}}}  # where issues go"
            if repo
            else "tracker: {}  # add repo: your-org/your-notes for GitHub; without it, the local tracker"
        ),
        "",
        "meetings:",
        f"  name: {_quote(name)}",
        '  time: "16:00"          # check: the notes do not say',
        "  timezone: UTC          # check: your team's zone, e.g. Europe/London",
    ]
    if rhythm.every_days:
        lines.append(f"  every_days: {rhythm.every_days}  # as the notes' dates show it")
    if rhythm.weekday:
        lines.append(f"  weekday: {rhythm.weekday}")
    return "\n".join(lines) + "\n"


def _person(guess: Guess) -> str:
    parts = [f"name: {_quote(guess.name)}"]
    if guess.github:
        parts.append(f"github: {_quote(guess.github)}")
    if guess.aliases:
        parts.append(f"aliases: {_list(guess.aliases)}")
    return "{" + ", ".join(parts) + "}"


def _quote(text: str) -> str:
    # JSON strings are YAML strings: a name with a colon, a quote or an accent stays one string.
    # YAML refuses control characters (U+0080) and lone surrogates (a file name's undecodable
    # byte) even inside quotes, so those alone are written as escapes, which it reads.
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(c if c.isprintable() else json.dumps(c)[1:-1] for c in quoted)


def _list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_quote(v) for v in values) + "]"


def with_gitignore_entry(text: str) -> str:
    """`.gitignore`'s text with the bot's state folder in it, once."""
    entries = {line.strip().rstrip("/") for line in text.splitlines()}
    if GITIGNORE_ENTRY.rstrip("/") in entries or "/" + GITIGNORE_ENTRY.rstrip("/") in entries:
        return text
    separator = "" if not text or text.endswith("\n") else "\n"
    return text + separator + GITIGNORE_ENTRY + "\n"


def repo_of_remote(url: str) -> str | None:
    """`owner/name` of a GitHub remote URL (https or ssh), else None."""
    found = re.search(rf"github\.com[:/]+({LOGIN})/({REPO_NAME}?)(?:\.git)?/?$", url.strip())
    return f"{found.group(1)}/{found.group(2)}" if found else None
