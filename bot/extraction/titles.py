"""Titles a person can act on from an issue list: an imperative with its object named.

A title is the promised verb phrase (`bot.extraction.phrase` chooses its words), said as a request
(`bot.extraction.wording`: where the sentence leans on its context, "Look over it", "Mei will
comment", the object comes from the item's topic: the list item above it, the paragraph introducing
its list, or its section), and made to fit (`bot.extraction.trimming`): a long title drops its
optional phrases right to left, then is cut at a word boundary, never inside a bracket, and never
ends on a function word. A line that does not parse as a promise is titled by its first clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.extraction import words
from bot.extraction.phrase import NameOf, Phrase
from bot.extraction.trimming import MAX_CHARS, cut, finish, short_references
from bot.extraction.wording import is_thing, noun_phrase, render

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_TOPIC_CHARS = 60
# "Lee: to write to the board", "Sam: will do the release", "I am currently working on X": how
# the line promised, in the speaker's voice, not what.
_PROMISE_OPENING = re.compile(
    r"^(?:(?:I|we)\s+)?(?:(?:intend|plan|want|need|offer|agree)\s+to|will|shall|to|can|could)\s+(?=[a-z])"
    r"|^(?:I|we)['’](?:ll|d)\s+(?=[a-z])|^(?:is|are|am)\s+(?:going|planning)\s+to\s+(?=[a-z])"
    r"|^(?:I\s+am|I['’]m|we\s+are|we['’]re)\s+(?:happy|willing|glad|keen)\s+to\s+(?=[a-z])|^(?:I\s+am|I['’]m|we\s+are|we['’]re)\s+(?:\w+ly\s+)?(?=\w+ing\b)",
    re.IGNORECASE,
)
# An agenda item's timebox ("(10 minutes timebox)", "- 5min", "[15 mins]") and a mail's "Re:".
_TOPIC_NOISE = re.compile(
    r"\(\s*\d+\s*minutes?\s*timebox\s*\)|^\W*(?:re|fwd?)\s*:\s*"
    r"|[\s(\[_–—-]+\d+\s*(?:min(?:ute)?s?|m)(?![a-z])[\s)\]_]*$",
    re.IGNORECASE,
)
# Who brings an agenda item, before it: "(Dan) - PyPI 2FA rollout".
_PRESENTER = re.compile(r"^\([^()]{1,40}\)\s*[-–—:]\s*(?=\w)")
# A speaker's or owner's label before what they said: "James:", "Dan L.:", "RW:", "@sam:".
_SPEAKER_LABEL = re.compile(r"^@?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}\s?:\s+")
# The owner's promise in brackets closing a line, with its bare verb: "(@lee to send)".
_OWNERS_ASIDE = re.compile(r"\((?P<who>[^()]{1,40}?)\s+(?:to|will)\s+(?P<verb>[a-z]+)\)\W*$")


@dataclass(frozen=True)
class TitleContext:
    topic: str = ""  # what the item is about: the list item above, the list's lead, or its section
    previous: str = ""  # what the sentence before it in the paragraph was about
    asked: str = ""  # the action the sentence just before it said, as a title: what "will do" does


def main_object(doc: Doc, name_of: NameOf) -> str:
    """What a sentence is about, for the next one to say "it": its main verb's object."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return ""
    if (thing := _object_of(root)) is not None:
        return noun_phrase(thing, name_of)
    # "this is a living document": what "this" is, for the next sentence's "update this".
    named = next((c for c in root.children if c.dep_ == "attr" and is_thing(c)), None)
    pointed = any(c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in root.children)
    if root.lemma_ == "be" and pointed and named is not None:
        return noun_phrase(named, name_of)
    if root.pos_ in ("VERB", "AUX"):
        return ""
    # "Priya: one minute pitch?": a question without a verb proposes the thing it names.
    asks = doc[-1].text == "?"
    things = [c for c in [*root.children, root] if c.dep_ == "appos" or (asks and c == root)]
    thing = next((t for t in things if is_thing(t)), None)
    return noun_phrase(thing, name_of) if thing is not None else ""


def _object_of(root: Token) -> Token | None:
    # "Lee offered to write the FAQ": the object of the promised verb.
    while (action := next((c for c in root.children if c.dep_ == "xcomp"), None)) is not None:
        root = action
    for child in root.children:
        if child.dep_ in ("dobj", "nsubjpass") and is_thing(child):
            return child
    for child in root.children:  # "Lee has been looking at the cache"
        objects = (
            [c for c in child.children if c.dep_ == "pobj" and is_thing(c)] if child.dep_ == "prep" else []
        )
        if objects:
            return objects[0]
    return None


def main_action(doc: Doc, name_of: NameOf) -> str:
    """What a sentence says to do, for the next one to say "will do": its main verb's phrase as a
    title, when that verb is in its base form ("Should get everyone invited to the forum")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.lemma_ == "be":
        # "Would be useful to register the spec": what would be useful is the action.
        root = next(
            (x for c in root.children if c.dep_ == "acomp" for x in c.children if x.dep_ == "xcomp"), None
        )
    if root is None or root.pos_ != "VERB" or root.tag_ != "VB" or root.lemma_ in ("be", "do"):
        return ""
    title = finish(render(Phrase(root, name_of, None, 0), ""))
    return title if " " in title else ""


def title_from(
    verb: Token,
    name_of: NameOf,
    context: TitleContext,
    due_span: tuple[int, int] | None,
    start: int = 0,
) -> str:
    """The title of the promise whose verb is `verb`; tokens before `start` are not the task's."""
    phrase = Phrase(verb, name_of, due_span, start)
    if context.asked and phrase.stands_for_an_action():
        return context.asked
    topic = clean_topic(context.topic)
    title = render(phrase, topic, context.previous)
    while len(title) > MAX_CHARS and phrase.drop_last_optional():
        title = render(phrase, topic, context.previous)
    title = finish(title)
    named = topic or context.previous
    bare = title.lower() == phrase.lead and phrase.lead in words.VERB_PREPOSITIONS  # "Report back"
    if (" " not in title or bare) and named:
        # "schedule something for tomorrow", "talk to me first": the verb alone cannot be acted
        # on; what the list item above, the section or the sentence before is about says what.
        preposition = words.VERB_PREPOSITIONS.get(phrase.lead or phrase.head.lemma_.lower(), "")
        title = finish(f"{title} {preposition} {named}")
    if bare and title.lower() == phrase.lead:
        # "keep you updated" with nothing named to report on: the note's words say as much.
        title = finish(" ".join(t.text for t in verb.subtree if t.i >= verb.i and not t.is_punct))
    return title


def owners_aside(text: str, owners: list[str]) -> str:
    """ "Add a note on seats (Sam will research)", "skip the 17th (@lee to send)": the owner's own
    verb, in brackets closing the line, names no object; the words before the brackets are what it
    acts on. `owners` are the spellings of the item's owners (`Person.spellings`)."""
    aside = _OWNERS_ASIDE.search(text)
    if aside is None or not any(_names(aside["who"], owner) for owner in owners if owner):
        return ""
    before = title_from_text(text[: aside.start()])
    if len(before.split()) < 2:
        return ""
    # Not "Send: skip the 3rd": a bare verb before a colon reads as a label, not as a request.
    return finish(f"{aside['verb']} “{before[:1].lower()}{before[1:]}”")


def _names(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) is not None


_LEADING_LABEL = re.compile(r"^[A-Z][\w /]{0,30}(?::|\s[-–—])\s+")
# "@sam - Make a new repo": the handles a task is given to, before a dash.
_LEADING_HANDLES = re.compile(r"^@[\w-]+(?:\s*(?:,|&|and)\s*@[\w-]+)*\s*[-–—:]\s+")
_LEADING_ASIDE = re.compile(r"^\([^()]{1,60}\)\s*(?:[-–—:]\s*)?")


_NAME = r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?"
_NAMED_PROMISE = re.compile(
    rf"(?:^|:\s+){_NAME}(?:\s*(?:,|&|/|\band\b)\s*(?:and\s+)?{_NAME})*\s+(?=(?:to|will|shall)\s+(?!be\b)[a-z])"
)
_HEDGED = re.compile(r",\s+(?:" + "|".join(sorted(words.HEDGES | {"likely"})) + r")\b", re.IGNORECASE)


def _are_names(text: str) -> bool:
    """Not "How to ...", "We will ...": capitalised function words name nobody."""
    return all(w.lower() not in words.FUNCTION_WORDS for w in re.findall(r"[A-Z][\w'’-]*", text))


def title_from_text(text: str, named: str = "") -> str:
    """The title of a line the writer marked as an action but that does not parse as one: its first
    clause; `named` is what a closing "that" or "it" stands for (the thing said before, the topic)."""
    text = re.sub(r"\s+", " ", text).strip(" .;:-–—→")
    # "(Lee Chen) - Proposal: ...": who speaks, in brackets before a dash, is no part of the task.
    text = _LEADING_ASIDE.sub("", text)
    # "Note: I intend to ...", "Proposal to TAC: enforce ...", "New issue - fix the links": a short
    # label before the words.
    labelled = _LEADING_LABEL.match(text)
    if labelled and len(text[labelled.end() :].split()) >= 3:
        text = text[labelled.end() :]
    text = _LEADING_HANDLES.sub("", text)
    # "Protocol options: Martin, James, and Ilia to provide updates": the names the task is given
    # to, after a label of any length, are no part of it; a subject of "will be" is a thing
    # ("GitHub Actions will be upgraded").
    given = next((m for m in _NAMED_PROMISE.finditer(text) if _are_names(m[0])), None)
    if given is not None:
        text = text[given.end() :]
    # "skip the 3rd, likely to resume the week after": what is likely is no part of the task.
    text = _HEDGED.split(text)[0]
    text = re.split(r"[.;!?]\s|\s[-–—]\s|(?<=[a-z0-9)])\s(?=(?:We|I|They|He|She|It)\b)", text)[0]
    text = _PROMISE_OPENING.sub("", text)
    # "I'll spend some time with that": with what the note said before.
    vague = re.search(r"\s(?:it|this|that|them)[.!]?$", text, re.IGNORECASE)
    if named and vague is not None and named.lower() not in text.lower():
        text = f"{text[: vague.start()]} {named}"
    return finish(text)


def topic_title(context: TitleContext) -> str:
    """ "Priya has this action": the task is the topic itself."""
    topic = clean_topic(context.topic)
    return finish(f"Follow up on {topic}") if topic else ""


# An issue or pull request as a list names it: "#1099", "owner/repo#538".
_REFERENCE = re.compile(r"(?<![\w/#])(?:[\w.-]+/[\w.-]+)?#\d+\b")
# What a reference names: a title that says only "the PR" needs to say which.
_REFERENCE_KINDS = frozenset(
    {"issue", "pr", "prs", "ticket", "patch", "comment", "comments", "proposal", "thread"}
)


def with_reference(title: str, topic: str) -> str:
    """ "Update the PR accordingly" under "Move the proposal to stage 3 #379": the one issue its
    topic names is the PR, issue or comments the title only names by their kind."""
    if _REFERENCE_KINDS.isdisjoint(re.findall(r"[a-z]+", title.lower())) or _REFERENCE.search(title):
        return title
    references = set(_REFERENCE.findall(short_references(topic)))
    if len(references) != 1:
        return title
    with_it = f"{title} ({references.pop()})"
    return with_it if len(with_it) <= MAX_CHARS else title


def clean_topic(topic: str) -> str:
    """A heading or list item as the object of a title: without its markup, asides and padding."""
    topic = _TOPIC_NOISE.sub("", topic).strip(" *_:.-–—")
    # "James: Will open an issue on X" above a reply is about what James promised, not about James.
    said = _SPEAKER_LABEL.sub("", topic, count=1)
    if said != topic and _PROMISE_OPENING.match(said):
        topic = _PROMISE_OPENING.sub("", said)
    # "Mirror outage postmortem. Should we publish it?": the first sentence names the topic.
    topic = re.split(r"(?<=[a-z0-9)])[.?!]\s+(?=[A-Z])", _PRESENTER.sub("", topic))[0]
    # "Considering pushing it out a week or two?": a question asks; it names no thing to act on.
    if topic.rstrip().endswith("?") or topic.lower() in words.GENERIC_SECTIONS:
        return ""
    if not any(c.isalpha() for c in topic):
        return ""
    if len(topic) > MAX_TOPIC_CHARS:
        head = re.split(r"\s[-–—]\s|[:;?!]|\.\s", topic)[0]
        topic = head if len(head) <= MAX_TOPIC_CHARS else cut(head, MAX_TOPIC_CHARS)
    return topic.strip(" ,")
