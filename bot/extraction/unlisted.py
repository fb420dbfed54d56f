"""People the roster lacks, found where the notes name an owner: "Ravi will draft the post" (the
sentence's subject), "Ravi: I'll check the build" (a speaker's own promise), "Update the website
(Ravi)" (after a request).

A name there is a capitalised word, or two, that is not a word of the model's English word lists
unless it stands beside another person ("Mona and Kofi will"), and that the note never writes as a
thing: in lower case ("dask will"), after an article ("the Napari viewer"), as a web site
("napari.org"), as code ("`Dropdown`"). So "Decision:", "Windows will", "Monday will", "We will"
and product names are not people. Names a roster person's name starts with are kept whatever they
are ("Tom" is also a word): `Roster.with_unlisted` tells whom they mean. Whether the line is a
promise is then decided as for anyone the roster knows. Precision comes first: on the eight
annotated corpora, whose rosters list every owner, no name is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.extraction import words
from bot.extraction.lexicon import Lexicon
from bot.notes.meeting import Meeting
from bot.people import Roster

_NAME = r"[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?"
_AND = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)"
_LIST = rf"(?P<names>{_NAME}(?: {_NAME})?(?:{_AND}{_NAME}(?: {_NAME})?)*)"
# What follows an owner in a promise: the extractor's patterns decide whether it is one. Not "can":
# "Napari can read it" says what a thing is able to do far more often than a person offers.
_PROMISE = (
    r"(?:(?:will|shall|(?:is|are)\s+going\s+to|agreed|agrees|volunteered|volunteers|offered|offers"
    r"|promised|takes|took)\b|to\s+[a-z])"
)
# The owner positions, each a pattern over a sentence's text.
POSITIONS = {
    # Opening the sentence, or the text after its label ("AI: Ravi to ..."): mid-sentence, "then
    # Bitswap will just work" names things as often as people.
    "subject": re.compile(rf"^\W*(?:[\w@ ]{{1,30}}:\s*\W*)?{_LIST}(?=\s+{_PROMISE})"),
    # A speaker's own promise: "Ravi: I'll check", "**Ravi**: will do".
    "speaker": re.compile(rf"^\W*{_LIST}\W*:\s*(?=I\b|I'|will\b|can\b|to\s+[a-z])"),
    # After a request ("Update the website (Ravi)"), not after a name ("Josh Bressers (Acme)").
    "after": re.compile(rf"^\W*(?P<verb>[A-Za-z]+)\s+(?![A-Z][a-z]).*\S\s*\({_LIST}\)\W*$"),
}
_SEPARATOR = re.compile(_AND)
# A function word opens a clause, not a name ("After Berlin, Hudson will ..."); "Will" may be one.
_OPENING_NO_NAME = words.FUNCTION_WORDS - words.FUTURE_MODALS - words.OFFER_MODALS
_DOMAINS = r"(?:org|com|io|dev|net|gov|edu|ai|app|rs)"
_ARTICLE = r"\b(?i:the|a|an|this|that|our|their|its|your)\s+"
# Capitalised words the word lists lack that never name a person.
_NOT_NAMES = frozenset(
    {"everyone", "anyone", "everybody", "anybody", "we", "they", "you", "she", "todo", "tue", "thu", "jun",
     "jul", "notetaker", "re", "fyi", "asap", "tbd", "etc", "yay", "hi", "hey", "nope", "yep", "anything",
     "everything", "nothing", "something", "whoever", "whomever", "someone", "somebody", "nobody", "noone"}
)  # fmt: skip


def owner_names(meeting: Meeting, roster: Roster, lexicon: Lexicon) -> list[str]:
    """The names in owner positions that the roster does not know, each once, as first written."""
    if not lexicon:
        return []  # without the word lists, every capitalised word would be a person
    text = "\n".join(s.quote for s in meeting.sentences)  # link targets kept: "napari.org"
    found: dict[str, None] = {}
    for names in _in_positions(meeting, roster, lexicon):
        kept = {n: _person_like(n, text, roster, lexicon) for n in names if not roster.mentions(n)}
        # Beside a person, "Mona and Kofi will": a word that is also a name ("Mona") is one too; not
        # an adverb opening the sentence ("Next, Kofi will", "Finally, Kofi will").
        beside = len(names) > 1 and (len(kept) < len(names) or any(kept.values()))
        for name, person in kept.items():
            opening = name.split()[0].lower()
            lenient = (
                beside
                and not _a_thing(name, text)
                and name.lower() not in _NOT_NAMES
                and opening not in _OPENING_NO_NAME
                and opening not in lexicon.adverbs
            )
            if person or lenient:
                found.setdefault(person or name)
    return list(found)


def _in_positions(meeting: Meeting, roster: Roster, lexicon: Lexicon) -> Iterator[list[str]]:
    for sentence in meeting.sentences:
        matches = [
            match
            for kind, pattern in POSITIONS.items()
            for match in pattern.finditer(sentence.text)
            if kind != "after" or match["verb"].lower() in lexicon.verbs
        ]
        known = [(m.start, m.end) for m in roster.mentions(sentence.text)] if matches else []
        for match in matches:
            start = len(sentence.text[: match.start("names")].rstrip())
            if any(begin <= start <= end for begin, end in known):
                continue  # the rest of a known person's name: "@Kay Smith" where @Kay is known
            yield [n.strip() for n in _SEPARATOR.split(match["names"])]


def _person_like(name: str, text: str, roster: Roster, lexicon: Lexicon) -> str:
    """The name without a capitalised word before it ("So Ravi"), or "" when it is no person's."""
    if any(
        _forms(half) & lexicon.verbs for part in name.split() if "-" in part for half in part.split("-")[1:]
    ):
        return ""  # "Justin-Hoping to get a model": a name glued to a verb, not a double name
    parts = name.split()
    while parts and not roster.sharing(parts[0]) and _common(parts[0], lexicon):
        if parts[0].lower() in lexicon.verbs:
            return ""  # a request's object, not its subject: "Call Marty to check"
        parts.pop(0)
    if not parts:
        return ""
    if len(parts) > 1 and _common(parts[-1], lexicon):
        parts = parts[:1]  # "Ravi Green" may be Ravi; "Dask Array" is found a thing below
    if any(_a_thing(part, text) for part in parts):
        return ""
    return " ".join(parts)


def _common(word: str, lexicon: Lexicon) -> bool:
    folded = word.lower()
    return bool(_forms(word) & lexicon.words) or folded in words.FUNCTION_WORDS or folded in _NOT_NAMES


def _forms(word: str) -> set[str]:
    """The lemmas a word may be a form of."""
    folded = word.lower()
    # The word lists hold lemmas: "Directors" and "Easiest" are words as "director" and "easy" are.
    forms = {folded, *(folded.removesuffix(end) for end in ("s", "es", "d", "ed", "ing", "er", "est"))}
    forms |= {folded.removesuffix(end) + "y" for end in ("ies", "ier", "iest")}
    # "Removing", "Running": a verb's stem may have lost its "e" or doubled its last letter.
    stems = {folded.removesuffix(end) for end in ("ing", "ed", "er") if folded.endswith(end)}
    forms |= {stem + "e" for stem in stems} | {stem[:-1] for stem in stems if stem[-2:-1] == stem[-1:]}
    return forms


def _a_thing(word: str, text: str) -> bool:
    """The note writes the word as a thing: in lower case, after an article, as a web site's name,
    as code ("`Dropdown`")."""
    if re.search(rf"`[^`\n]*\b{re.escape(word)}\b[^`\n]*`", text):
        return True
    lower = re.escape(word.lower())
    if re.search(rf"(?<![\w@/.#-]){lower}(?![\w/@-])", text):
        return True
    if re.search(rf"(?<![\w-]){lower}\.(?:[a-z0-9-]+\.)*{_DOMAINS}\b", text):
        return True
    return bool(re.search(_ARTICLE + re.escape(word) + r"\b", text))
