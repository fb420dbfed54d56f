"""Minute-style promises read from the order of the words, where the parser lost them: "Lee to
update the repo, and Dana to update the tracking issue" (the second read as a clause of the
first), "Lee to change, it should not ..." (the verb read as a clause of what follows), "Lee and
Dana to Present the API design" (the verb read as an adjective); the names a line opens with
before "to" or "will", when the parser misread what follows them ("AI: Brad to ping tooling
people"). Pure."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from bot.extraction import words
from bot.extraction.candidates import PLACEHOLDER, Candidate
from bot.extraction.grammar import is_an_object
from bot.people import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Names that open a clause, "to", a verb and more words: the clause opens the line or follows a
# mark that ends the one before ("," ";" ":" "-" "(" ">"), with "and" or "then" after it if any.
_NAMED_TO = re.compile(
    rf"(?:^|(?<=[,;:(>–—-])|(?<=[,;:(>–—-] and)|(?<=[,;:(>–—-] then))\s*"
    rf"(?P<names>{PLACEHOLDER}(?:\s*(?:,|&|/|\band\b)\s*{PLACEHOLDER})*)"
    r"\s+to\s+(?P<verb>[A-Za-z]+)(?=[,;:]?\s+[\w\"'`(\[])"
)
_LISTED = re.compile(rf"{PLACEHOLDER}\s*,(?:\s*and)?\s*$")
Promise = tuple[tuple[Person, ...], "Token"]


def named_to(
    candidate: Candidate, doc: Doc, verbs: Collection[str], roster: Collection[Person]
) -> list[Promise]:
    """Each "Names to V ..." the line's words say, with the verb's token, of people the roster
    knows (a capitalised "Went to last call" is no one's). Not "Lee to scribe", this meeting's role;
    not "Lee to be invited", a passive; not the end of a list of names ("follow up with Lee, and
    Dana to discuss it")."""
    promises: list[Promise] = []
    for match in _NAMED_TO.finditer(candidate.text):
        verb = next((t for t in doc if t.idx == match.start("verb")), None)
        said = match["verb"].lower()
        if verb is None or said not in verbs or said in words.MEETING_ROLES or said == "be":
            continue
        if not re.search(r"\w", candidate.text[: match.start("names")]) and _read_by_layout(candidate):
            continue  # the names opening the line: an action mark or the line alone reads them
        first = next((t for t in doc if t.idx == match.start("names")), None)
        if first is None or _LISTED.search(candidate.text, 0, match.start("names")) or is_an_object(first):
            continue
        named = range(match.start("names"), match.end("names"))
        owners = tuple(dict.fromkeys(m.person for at, m in candidate.people.items() if at in named))
        if owners and set(owners) <= set(roster):
            promises.append((owners, verb))
    return promises


def _read_by_layout(candidate: Candidate) -> bool:
    """Whether the extractor's layout path reads the names this line opens with (`opening_owners`):
    after an action mark, or on a line with neither a label nor an owner after it."""
    lead, tail = candidate.lead, candidate.tail
    return (lead is not None and lead.explicit) or (lead is None and tail is None)


def opening_owners(candidate: Candidate, verbs: Collection[str] = ()) -> tuple[Person, ...]:
    """The names opening a line, when the parser misread the promise after them: "AI: Brad to ping
    tooling people" ("ping" as a gerund) in a line the writer marked as an action, where "to" or
    "will" may follow them; "Krishna to sync with Mayank" ("sync" as a noun) in any line, where
    `verbs` must know the word after "to" as a verb and something must follow it."""
    start = candidate.body[0]
    end = past_owners(candidate, start)
    promise = _OPENING_PROMISE.match(candidate.original, end) if end > start else None
    if promise is None:
        return ()
    if verbs and (promise["how"] != "to" or promise["verb"].lower() not in verbs or not promise["more"]):
        return ()
    return tuple(dict.fromkeys(m.person for m in candidate.people.values() if start <= m.start < end))


def promised_by_name(candidate: Candidate) -> tuple[Person, ...]:
    """Who is named right before "to V" or "will V" anywhere in a line the parser misread:
    "Gergely volunteering from TSC, Gergely to read up on the handbook"."""
    mentions = sorted(candidate.people.values(), key=lambda m: m.start)
    return tuple(
        dict.fromkeys(m.person for m in mentions if _OPENING_PROMISE.match(candidate.original, m.end))
    )


_OPENING_PROMISE = re.compile(
    r"\s+(?P<how>to|will|shall)\s+(?!not\b|never\b|be\b)(?P<verb>[a-z]+|[A-Z][a-z]+)(?P<more>[,;:]?\s+\w)?"
)


def past_owners(candidate: Candidate, start: int) -> int:
    """Where the words after the names a sentence opens with start: "Priya and Sam will ..." -> "will"."""
    for mention in sorted(candidate.people.values(), key=lambda m: m.start):
        between = candidate.original[start : mention.start]
        if re.fullmatch(r"[\s,&/]*(?:and\s+)?", between) is None:
            break
        start = mention.end
    return start
