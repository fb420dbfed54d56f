"""Titles a person can act on from an issue list: an imperative with its object named.

A title is the promised verb phrase: the verb in its base form and what it governs to its right,
without who promised it, the modal, fillers, the due date, and clauses that say when or why
("once it is merged", "so people can test"). Where the sentence leans on its context ("Look over
it", "Lee takes action to land", "Mei will comment"), the object is taken from the item's topic:
the list item above it, the paragraph introducing its list, or its section. A long title is cut at
a clause or phrase boundary, never inside a bracket, and never ends on a function word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.extraction import words
from bot.extraction.candidates import PLACEHOLDER
from bot.extraction.grammar import is_stemless

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_CHARS = 80
MAX_TOPIC_CHARS = 60
_DROPPED_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "aux",
        "auxpass",
        "neg",
        "mark",
        "expl",
        "punct",
        "preconj",
        "agent",
        "intj",
    }
)
# Optional parts of a phrase, dropped right to left when a title is too long.
_OPTIONAL_DEPS = frozenset(
    {"advcl", "relcl", "acl", "prep", "conj", "xcomp", "ccomp", "appos", "npadvmod", "dep"}
)
_ISSUE_REF = re.compile(r"#\d|\b[\w.-]+/[\w.-]+#\d|`")
# "’" is also an apostrophe ("BD’s slides"), so only double quotes are paired.
_OPENERS = "([{“"
_CLOSERS = {")": "(", "]": "[", "}": "{", "”": "“"}
# "Lee: to write to the board", "Sam: will do the release", "I am currently working on X": how
# the line promised, in the speaker's voice, not what.
_PROMISE_OPENING = re.compile(
    r"^(?:(?:I|we)\s+)?(?:(?:intend|plan|want|need|offer|agree)\s+to|will|shall|to|can|could)\s+(?=[a-z])|^(?:I\s+am|I['’]m|we\s+are|we['’]re)\s+(?:\w+ly\s+)?(?=\w+ing\b)",
    re.IGNORECASE,
)
# Who brings an agenda item, before it: "(Dan) - PyPI 2FA rollout".
_PRESENTER = re.compile(r"^\([^()]{1,40}\)\s*[-–—:]\s*(?=\w)")
_SPEAKER_OBJECTS = frozenset({"me", "us"})
# A speaker's or owner's label before what they said: "James:", "Dan L.:", "RW:", "@sam:".
_SPEAKER_LABEL = re.compile(r"^@?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}\s?:\s+")
_TOPIC_NOISE = re.compile(r"\(\s*\d+\s*minutes?\s*timebox\s*\)|^\W*(?:re|fwd?)\s*:\s*", re.IGNORECASE)


NameOf = Callable[["Token"], "str | None"]


@dataclass(frozen=True)
class TitleContext:
    topic: str = ""  # what the item is about: the list item above, the list's lead, or its section
    previous: str = ""  # what the sentence before it in the paragraph was about


def main_object(doc: Doc, name_of: NameOf) -> str:
    """What a sentence is about, for the next one to say "it": its main verb's object."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return ""
    # "Lee offered to write the FAQ": the object of the promised verb.
    while (action := next((c for c in root.children if c.dep_ == "xcomp"), None)) is not None:
        root = action
    for child in root.children:
        if child.dep_ in ("dobj", "nsubjpass") and _is_thing(child):
            return _noun_phrase(child, name_of)
    for child in root.children:  # "Lee has been looking at the cache"
        objects = (
            [c for c in child.children if c.dep_ == "pobj" and _is_thing(c)] if child.dep_ == "prep" else []
        )
        if objects:
            return _noun_phrase(objects[0], name_of)
    return ""


def _is_thing(token: Token) -> bool:
    """A noun that names something: not "it", a person, "a look" or "a couple"."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.lower_ not in words.VAGUE_OBJECTS
        and token.lemma_ not in words.LOOKS
        and token.lemma_ not in words.QUANTITY_NOUNS
        and token.text != PLACEHOLDER
    )


def _noun_phrase(token: Token, name_of: NameOf) -> str:
    """The noun and what stands before it ("the new parser"), without clauses after it."""
    tokens = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("compound", "nummod")]
    return "".join((name_of(t) or t.text) + t.whitespace_ for t in tokens).strip()


def _antecedent(vague: Token, name_of: NameOf) -> str:
    """ "Priya will tag the release and Sam will announce it": the thing named before in the
    sentence, but not an argument of the pronoun's own clause ("ask the team to set those up"),
    nor the thing the pronoun hangs on ("a PR with my patch for this": not the patch itself)."""
    own: set[int] = set()
    step = vague
    while step.dep_ != "ROOT" and step.dep_ != "conj":
        step = step.head
        own.update(c.i for c in step.children if c.dep_ in ("dobj", "dative", "nsubj", "nsubjpass"))
    step = vague
    while step.dep_ in ("pobj", "prep") and step.head.i != step.i:
        step = step.head
        own.add(step.i)
    before = [t for t in reversed(vague.doc[: vague.i]) if _is_thing(t) and t.i not in own]
    # The object of the clause before ("update the RFC with the layout and merge it": the RFC),
    # else a thing named in a phrase.
    for deps in (("dobj", "nsubjpass"), ("pobj",)):
        token = next((t for t in before if t.dep_ in deps), None)
        if token is not None:
            return _noun_phrase(token, name_of)
    return ""


def title_from(
    verb: Token,
    name_of: Callable[[Token], str | None],
    context: TitleContext,
    due_span: tuple[int, int] | None,
    start: int = 0,
) -> str:
    """The title of the promise whose verb is `verb`; tokens before `start` are not the task's."""
    phrase = _Phrase(verb, name_of, due_span, start)
    topic = clean_topic(context.topic)
    title = phrase.render(topic, context.previous)
    while len(title) > MAX_CHARS and phrase.drop_last_optional():
        title = phrase.render(topic, context.previous)
    title = _finish(title)
    named = topic or context.previous
    if " " not in title and named:
        # "schedule something for tomorrow", "talk to me first": the verb alone cannot be acted
        # on; what the list item above, the section or the sentence before is about says what.
        preposition = words.VERB_PREPOSITIONS.get(phrase.lead or phrase.head.lemma_.lower(), "")
        title = _finish(f"{title} {preposition} {named}")
    return title


_LEADING_LABEL = re.compile(r"^[A-Z][\w ]{0,30}:\s+")
_LEADING_ASIDE = re.compile(r"^\([^()]{1,60}\)\s*(?:[-–—:]\s*)?")


def title_from_text(text: str) -> str:
    """The title of a line the writer marked as an action but that does not parse as one: its first
    clause."""
    text = re.sub(r"\s+", " ", text).strip(" .;:-–—")
    # "(Lee Chen) - Proposal: ...": who speaks, in brackets before a dash, is no part of the task.
    text = _LEADING_ASIDE.sub("", text)
    # "Note: I intend to ...", "Proposal to TAC: enforce ...": a short label before the words.
    labelled = _LEADING_LABEL.match(text)
    if labelled and len(text[labelled.end() :].split()) >= 3:
        text = text[labelled.end() :]
    text = re.split(r"[.;!?]\s|\s[-–—]\s|(?<=[a-z0-9)])\s(?=(?:We|I|They|He|She|It)\b)", text)[0]
    return _finish(_PROMISE_OPENING.sub("", text))


def topic_title(context: TitleContext) -> str:
    """ "Priya has this action": the task is the topic itself."""
    topic = clean_topic(context.topic)
    return _finish(f"Follow up on {topic}") if topic else ""


def clean_topic(topic: str) -> str:
    """A heading or list item as the object of a title: without its markup, asides and padding."""
    topic = _TOPIC_NOISE.sub("", topic).strip(" *_:.-–—")
    # "James: Will open an issue on X" above a reply is about what James promised, not about James.
    said = _SPEAKER_LABEL.sub("", topic, count=1)
    if said != topic and _PROMISE_OPENING.match(said):
        topic = _PROMISE_OPENING.sub("", said)
    # "Mirror outage postmortem. Should we publish it?": the first sentence names the topic.
    topic = re.split(r"(?<=[a-z0-9)])[.?!]\s+(?=[A-Z])", _PRESENTER.sub("", topic))[0]
    if topic.lower() in words.GENERIC_SECTIONS or not any(c.isalpha() for c in topic):
        return ""
    if len(topic) > MAX_TOPIC_CHARS:
        head = re.split(r"\s[-–—]\s|[:;?!]|\.\s", topic)[0]
        topic = head if len(head) <= MAX_TOPIC_CHARS else _cut(head, MAX_TOPIC_CHARS)
    return topic.strip(" ,")


class _Phrase:
    """The tokens of a verb phrase, and how to say it."""

    def __init__(
        self,
        verb: Token,
        name_of: Callable[[Token], str | None],
        due_span: tuple[int, int] | None,
        start: int,
    ) -> None:
        self.verb, self.name_of, self.due_span = verb, name_of, due_span
        self.head, self.lead = _action_of(verb)
        self.nominal = _nominal(self.head, self.lead)
        self.dropped: set[int] = set(self.nominal)
        self._passive_subject: set[int] = set()
        self.tokens = sorted(
            {
                t
                for t in [self.head, *_glued_to(self.head), *self._kept(self.head)]
                if t.i >= start and not self._due(t)
            },
            key=lambda t: t.i,
        )

    def _kept(self, head: Token) -> list[Token]:
        kept: list[Token] = []
        for child in head.children:
            if child.i < head.i and not _is_glued(child):
                if child.dep_ == "nsubjpass":
                    kept.extend(child.subtree)  # "New PR to be opened by Dana": the PR is what is opened
                    self._passive_subject.update(t.i for t in child.subtree)
                continue  # left of the verb: who promised it, when, fillers
            if _dropped(child):
                continue
            if head.i != self.verb.i and child.dep_ == "det":
                continue  # "take a look at X": only "at X" is kept
            kept.extend(child.subtree)
        return kept

    def _due(self, token: Token) -> bool:
        return self.due_span is not None and self.due_span[0] <= token.idx < self.due_span[1]

    def drop_last_optional(self) -> bool:
        """Drop the rightmost optional phrase still in the title; False when none is left."""
        candidates = [
            t
            for t in self.tokens
            if t.dep_ in _OPTIONAL_DEPS and t.i > self.head.i and t.i not in self.dropped
        ]
        if not candidates:
            return False
        last = max(candidates, key=lambda t: t.i)
        self.dropped.update(t.i for t in last.subtree)
        if last.i > 0 and last.nbor(-1).dep_ == "cc":
            self.dropped.add(last.i - 1)
        return True

    def render(self, topic: str, previous: str = "") -> str:
        tokens = _outside_asides([t for t in self.tokens if t.i not in self.dropped])
        while tokens and tokens[-1].dep_ in ("cc", "punct") and tokens[-1].i != self.head.i:
            tokens.pop()
        # "New PR to be opened by Dana": the verb first, then what it acts on.
        acted = [t for t in tokens if t.i < self.head.i]
        if acted and all(t.i in self._passive_subject for t in acted):
            after = [t for t in tokens if t.i > self.head.i]
            tokens = [t for t in tokens if t.i == self.head.i] + acted + after
        out: list[str] = []
        vague_done = False
        for index, token in enumerate(tokens):
            text = self.name_of(token) or token.text
            if token.i == self.head.i:
                text = self.lead or _base_form(token)
            elif token.lower_ == "my" and token.dep_ == "poss":
                text = "the"  # "a PR with my patch": the title is read by others than the speaker
            elif token.i == min(self._passive_subject, default=-1) and token.tag_ != "NNP":
                text = text[:1].lower() + text[1:]  # "New PR to be opened" -> "Open new PR"
            elif _is_vague(token) and not vague_done:
                # "Look over it" under "Async pull request": the thing said before, else the topic.
                named = _antecedent(token, self.name_of) or previous or topic
                if named:
                    text, vague_done = named, True
                    if token.dep_ == "det":
                        continue
            elif vague_done and token.head.lower_ in words.VAGUE_OBJECTS and token.head.dep_ != "ROOT":
                continue  # "that one" said once, as the topic
            space = (
                token.whitespace_ if index + 1 < len(tokens) and tokens[index + 1].i == token.i + 1 else " "
            )
            out.append(text + space)
        title = "".join(out).strip(" ,;:-")
        if vague_done:
            return title
        # "draft the clause", said as "provide a draft of the clause": the clause is the object;
        # "update the board", said as "let the board know": the board is.
        said_object = bool(self.nominal) and (
            any(t.i > self.head.i for t in tokens) or self.lead.startswith("update ")
        )
        if topic and not said_object and not _has_object(self.head, tokens):
            # "Lee takes action to land" under "Draft Staging Process #23"; "Mei will comment".
            preposition = words.VERB_PREPOSITIONS.get(self.lead or self.head.lemma_.lower(), "")
            return f"{title} {preposition} {topic}".replace("  ", " ")
        generic = _generic_object(self.head, tokens)
        # Which patch or issue: the thing the sentence before was about, else the topic.
        named = previous or topic
        if generic is None or not named or named.lower() in title.lower():
            return title
        # "Open an issue" under "Voting member terms": which issue is in the topic.
        return f"{title} {words.GENERIC_OBJECTS[generic.lemma_.lower()]} {named}"


def _base_form(verb: Token) -> str:
    """The verb as a request says it: a base form as written, any other form by its lemma
    ("reviewing" -> "review"); the lemmatizer's suffix rules would make "ping" "pe"."""
    return verb.lower_ if verb.tag_ == "VB" or is_stemless(verb.lower_) else verb.lemma_


def _action_of(verb: Token) -> tuple[Token, str]:
    """ "take a look at X" is "look at X", "try to test X" is "test X", "handle updating X" is
    "update X", "take the action to open X" is "open X": the head whose phrase is the title, and
    the verb to say."""
    if verb.lemma_ in words.ATTEMPT_VERBS or verb.lemma_ in words.ASPECT_VERBS:
        action = next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.tag_ in ("VB", "VBG")),
            None,
        )
        if action is not None and (action.tag_ == "VBG" or verb.lemma_ in words.ATTEMPT_VERBS):
            return _action_of(action)
    if (informing := _informing(verb)) is not None:
        return verb, informing[0]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return verb, ""
    if verb.lemma_ in words.LIGHT_VERBS and obj.lemma_ in words.LOOKS:
        if any(c.dep_ == "prep" for c in obj.children):
            return obj, words.LOOKS[obj.lemma_]
        return verb, words.LOOKS[obj.lemma_]
    if verb.lemma_ in words.NOUN_VERB_HOSTS and obj.lemma_ in words.ACTION_NOUNS:
        action = next((c for c in verb.children if _is_infinitive(c)), None) or next(
            (c for c in obj.children if _is_infinitive(c)), None
        )
        if action is not None:
            return _action_of(action)
    # Not "do a security review assessment" or "make a release issue": a compound names a thing.
    if verb.lemma_ in words.NOUN_VERB_HOSTS and not any(c.dep_ == "compound" for c in obj.children):
        said = words.NOUN_VERBS.get(obj.lower_, "")
        # "provide a draft of X" is "draft X"; "create a draft" alone says no more than "draft".
        if said in words.VERB_PREPOSITIONS or any(c.lower_ == "of" for c in obj.children):
            return verb, said
        return verb, words.MADE_OBJECTS.get(obj.lemma_.lower(), "") if verb.lemma_ == "make" else ""
    return verb, ""


def _is_infinitive(token: Token) -> bool:
    return (
        token.dep_ in ("advcl", "acl", "relcl", "xcomp")
        and token.tag_ == "VB"
        and any(c.lower_ == "to" for c in token.children)
    )


def _informing(verb: Token) -> tuple[str, set[int]] | None:
    """ "let the board know about X", "keep the team in the loop": "update" whom, and the words
    that said it."""
    if verb.lemma_ not in ("keep", "let"):
        return None
    told = next(
        (c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.lemma_ in words.INFORMED),
        None,
    )
    loop = next(
        (c for c in verb.children if c.dep_ == "prep" and any(t.lower_ == "loop" for t in c.subtree)),
        None,
    )
    if told is None and loop is None:
        return None
    holders = [verb, told] if told is not None else [verb]
    person = next(
        (c for h in holders for c in h.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i), None
    )
    gone = {t.i for t in person.subtree} if person is not None else set()
    if told is not None:
        gone.add(told.i)
    if loop is not None:
        gone.update(t.i for t in loop.subtree)
    if person is None or person.lower_ in ("me", "us", "you"):
        # "keep you updated": the minutes' "you" is the meeting, which the title cannot name
        # better than the note did.
        return None
    return "update " + "".join(t.text_with_ws for t in person.subtree).strip(), gone


def _nominal(head: Token, lead: str) -> set[int]:
    """ "provide a first draft of the clause" says "draft the clause": the noun that stood for the
    verb, its determiners and adjectives, and its "of" go."""
    if (informing := _informing(head)) is not None:
        return informing[1]
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None or words.NOUN_VERBS.get(obj.lower_) != lead:
        return set()
    gone = {obj.i, *(t.i for left in obj.lefts for t in left.subtree)}
    gone.update(c.i for c in obj.children if c.dep_ == "prep" and c.lower_ == "of")
    return gone


def _dropped(child: Token) -> bool:
    if child.dep_ == "punct" and _is_glued(child):
        return False  # part of a word: "team/website", "re-run"
    if child.dep_ in _DROPPED_DEPS:
        return True
    if child.dep_ == "advmod" and (child.lower_ in words.FILLERS or child.lower_ in words.SUBORDINATORS):
        return True  # "also", "once back"
    if child.dep_ in ("advcl", "npadvmod", "prep") and any(
        t.lower_ in words.SUBORDINATORS for t in [child, *child.lefts]
    ):
        return True  # when or why, not what: "once it is merged", "so people can test them"
    if child.dep_ in ("prep", "npadvmod", "advmod") and _says_when(child):
        return True
    if _speakers_self(child):
        return True  # "talk to me first", "send me the logs": read by others, "me" is nobody
    if child.dep_ == "dobj" and child.lemma_ in words.LOOKS and child.head.lemma_ in words.LIGHT_VERBS:
        return True  # "take a look": said by the verb itself
    if child.dep_ == "conj" and any(c.lower_ == "but" for c in child.lefts):
        return True  # "cut releases but would like a list": a contrast, not more of the task
    return child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


def _speakers_self(token: Token) -> bool:
    """ "to me", "for us", "send me": the speaker, whom the issue's readers cannot tell."""
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return len(objects) == 1 and objects[0].lower_ in _SPEAKER_OBJECTS and len(list(token.subtree)) == 2
    return token.dep_ == "dative" and token.lower_ in _SPEAKER_OBJECTS


def _says_when(token: Token) -> bool:
    """ "for now", "in the meantime", "at some point", "in due course", "this week"."""
    return any(t.lower_ in words.TIME_WORDS for t in token.subtree) and len(list(token.subtree)) <= 4


def _is_glued(token: Token) -> bool:
    doc = token.doc
    before = token.i > 0 and not doc[token.i - 1].whitespace_
    return before and not token.whitespace_ and token.i + 1 < len(doc) and not doc[token.i + 1].is_punct


def _glued_to(head: Token) -> list[Token]:
    """ "Edit/update the readme": words joined to the verb without a space are part of it."""
    doc = head.doc
    glued: list[Token] = []
    index = head.i
    while index + 2 < len(doc) and not doc[index].whitespace_ and doc[index + 1].text in "/-+":
        glued.extend([doc[index + 1], doc[index + 2]])
        index += 2
    return glued


def _is_vague(token: Token) -> bool:
    """ "it", "this", "them" standing for a thing; not "that" opening a relative clause."""
    return token.lower_ in words.VAGUE_OBJECTS and token.tag_ not in ("WDT", "WP") and _is_object(token)


def _is_object(token: Token) -> bool:
    return token.dep_ in ("dobj", "pobj", "nsubjpass", "det", "attr", "dative") or token.head.dep_ in (
        "dobj",
        "pobj",
    )


def _has_object(head: Token, tokens: list[Token]) -> bool:
    """Whether the verb (or one coordinated with it: "approve or resolve comments") has an object."""
    kept = {t.i for t in tokens}
    verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.i in kept)]
    return any(_governs_object(verb, kept) for verb in verbs)


def _generic_object(head: Token, tokens: list[Token]) -> Token | None:
    """The verb's object when it is a bare generic noun ("an issue", "comment", "some work") that
    only the topic can tell apart, and the last thing in the title."""
    kept = {t.i for t in tokens}
    # The verb's own object ("open an issue"), else that of its first preposition ("reply to the email").
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None:
        preposition = next((c for c in head.children if c.dep_ == "prep"), None)
        obj = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition else None
    if (
        obj is None
        or obj.i not in kept
        or obj.i != max(kept)
        or obj.lemma_.lower() not in words.GENERIC_OBJECTS
    ):
        return None
    modifiers = [c for c in obj.children if c.dep_ not in ("det", "punct")]
    return None if modifiers else obj


def _governs_object(head: Token, kept: set[int]) -> bool:
    for child in head.children:
        if child.i not in kept or (child.i < head.i and child.dep_ != "nsubjpass"):
            continue
        if child.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "nsubjpass", "acomp"):
            return True
        if child.dep_ in ("prep", "prt") and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            return True
    return False


def _outside_asides(tokens: list[Token]) -> list[Token]:
    """Asides in brackets ("(e.g. on ARM)") do not belong in a title; references ("(#23)") do."""
    kept: list[Token] = []
    group: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text in "([":
            depth += 1
            group.append(token)
        elif token.text in ")]" and depth:
            depth -= 1
            group.append(token)
            if depth == 0:
                if _ISSUE_REF.search("".join(t.text_with_ws for t in group)):
                    kept.extend(group)
                group = []
        elif depth:
            group.append(token)
        else:
            kept.append(token)
    return kept


def _cut(text: str, limit: int) -> str:
    """Cut at the last word boundary before `limit` that is outside brackets and code."""
    cut = 0
    depth = 0
    code = False
    for index, char in enumerate(text[: limit + 1]):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "`":
            code = not code
        elif char == " " and depth == 0 and not code:
            cut = index
    return text[:cut] if cut else text[:limit]


def _balanced(title: str) -> str:
    """Every bracket and quote closed: a closer without its opener goes, and an aside left open
    ("Draft the charter (still open") is cut off where it opens, unless that leaves nothing to do."""
    openers: list[int] = []
    drop: set[int] = set()
    for index, char in enumerate(title):
        if char in _OPENERS or (char == '"' and not (openers and title[openers[-1]] == '"')):
            openers.append(index)
        elif char in _CLOSERS or char == '"':
            if openers and _CLOSERS.get(char, '"') == title[openers[-1]]:
                openers.pop()
            else:
                drop.add(index)
    if openers and " " in title[: openers[0]].strip() and title[openers[0]] in "([":
        title, openers = title[: openers[0]], []
    drop.update(openers)
    return "".join(c for i, c in enumerate(title) if i not in drop)


def _finish(title: str) -> str:
    title = _balanced(re.sub(r"\s+", " ", title))
    title = re.sub(r"\s+", " ", title).strip(" ,;:-–—")
    title = re.sub(r"[\s,]+(?:as well|too|again|accordingly)$", "", title)
    if len(title) > MAX_CHARS:
        title = _cut(title, MAX_CHARS)
    parts = title.split(" ")
    # End on a content word: never "... and see whether", "... as", "... to"; but "reach out to
    # her" names whom to reach, and "Reach" alone would not.
    while (
        len(parts) > 1
        and (last := re.sub(r"\W", "", parts[-1]).lower()) in words.FUNCTION_WORDS
        and not (last in words.PERSON_OBJECTS and len(parts) > 2)
    ):
        parts.pop()
    title = " ".join(parts).strip(" ,;:-–—")
    return title[:1].upper() + title[1:] if title else title
