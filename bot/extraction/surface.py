"""Minute-style promises read from the order of the words, where the parser lost them: "Lee to
update the repo, and Dana to update the tracking issue" (the second read as a clause of the
first), "Lee to change, it should not ..." (the verb read as a clause of what follows), "Lee and
Dana to Present the API design" (the verb read as an adjective). Pure."""

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
    lead, tail = candidate.lead, candidate.tail
    return (lead is not None and lead.explicit) or (lead is None and tail is None)
