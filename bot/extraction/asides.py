"""Whether a person named beside a line owns it, or only holds something there: a role in the
meeting itself ("Scribe - Mark", "Note taker: Dana"), an agenda's topic with who presents it
("Ratify the charter (Lee)" under an agenda, "Quickstart Discussion: Bill Prin"); and the lines
their writer gave to someone whatever they read as ("Certificates expire - #82 => @lee"). Pure."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from bot.extraction import words
from bot.extraction.candidates import Candidate
from bot.extraction.grammar import opens_in_the_past, root, states_a_fact
from bot.extraction.lines import Trailing, words_of
from bot.people import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_ACRONYM = re.compile(r"\([A-Z]{2,6}\)")
_TOPIC = re.compile(r"\W*(?:[A-Za-z][\w'’-]*\s*){1,3}:\s")


def names_a_role(candidate: Candidate) -> bool:
    """ "Scribe - Mark", "Note taker: Dana": who holds a role in the meeting itself, not a task."""
    start, end = candidate.body
    return words_of(candidate.original[start:end]) in words.MEETING_ROLE_NOUNS


def about_a_role(topic: str) -> bool:
    """ "Find volunteers for note taking": a topic asking for a role in the meeting itself, so that
    who volunteers under it takes the role, not a task."""
    text = words_of(topic)
    return any(
        re.search(rf"\b{re.escape(role)}\b", text) for role in words.MEETING_ROLE_NOUNS - {"notes", "minutes"}
    )


def is_a_topic(candidate: Candidate, verbs: Collection[str]) -> bool:
    """An agenda's topic and who presents it: "Ratify the charter (Lee)" under an agenda; a line
    that opens with no verb, outside a list of actions ("cairo with X11 (Filipe & Peter)") or
    anywhere as a headline in title case ("Quickstart Discussion: Bill"). A task is written
    "Create Detailed Cost Estimate ... **Addo**"."""
    if candidate.context.agenda_topic:
        return True
    start, end = candidate.body
    found = [w for w in _WORD.findall(candidate.original[start:end]) if w.lower() not in words.FUNCTION_WORDS]
    headline = all(w[0].isupper() for w in found) and not all(w.isupper() for w in found)
    if len(found) >= 2 and headline and _ACRONYM.search(candidate.original[start:end]):
        return True  # a group's or a project's name: "Core Toolchain Infrastructure (CTI) - Dana"
    if not found or found[0].lower() in verbs:
        return False
    topic = _TOPIC.match(candidate.original[start:end])
    after = _WORD.search(candidate.original, start + topic.end(), end) if topic is not None else None
    if after is not None and after[0].lower() in verbs:
        return False  # "summary: add flow diagram (Boyan)": a request under a topic of its own
    return (len(found) >= 2 and headline) or not candidate.context.actions


def owned_after(candidate: Candidate, tail: Trailing, verb: Token | None, verbs: Collection[str]) -> bool:
    """Whether the owner after a line owns it: an arrow or action mark to someone assigns whatever it follows;
    otherwise a request or a line of a list of actions, not a topic and its presenter."""
    if tail.marked:
        return True
    actionable = candidate.context.actions or verb is not None
    return actionable and not is_a_topic(candidate, verbs)


def reported(candidate: Candidate, doc: Doc, opening: tuple[Person, ...], roster: Collection[Person]) -> bool:
    """Whether a line tells what was done or what is so, and its writer gave it to no one: "Lee
    fixed the docs", a label before a past ("Rui merged it"). Not "Bettina to fix the typos pointed
    out in #5", which opens with roster people and "to V" though "pointed" reads as its past;
    "Went to last call" opens with no one the roster knows."""
    lead = candidate.lead
    told = lead is not None and lead.shape == "label-bare" and opens_in_the_past(doc, candidate.own_start)
    listed = bool(opening) and set(opening) <= set(roster)
    return (told or (states_a_fact(doc) and not listed)) and not assigned_anyway(candidate, doc)


def assigned_anyway(candidate: Candidate, doc: Doc) -> bool:
    """A line that reads as a report but that its writer gave to someone: an arrow or action mark to them
    (or an action mark before the line and their name after it), or
    their name after it in a list of actions, where a present tense is the parser's ("Doodle poll
    for the exit criteria call (Todd)": "call" read as the verb of "poll")."""
    lead, tail = candidate.lead, candidate.tail
    if lead is not None and lead.explicit and tail is not None and tail.people:
        return True  # "Action: broadcast the invite (Jim)": "broadcast" read as a past tense
    if tail is None:
        return False
    head = root(doc)
    present = head is not None and head.tag_ in ("VBZ", "VBP")
    return tail.marked or (candidate.context.actions and present)
