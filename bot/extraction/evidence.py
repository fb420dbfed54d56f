"""What a sentence says about one person: the evidence the learned decision weighs.

For each sentence read and each person who might own something in it (someone it names, its speaker,
the person heading its list, whom the text before was about, the owners a rule found), `evidence`
lists features that carry across communities: the parse around the person's mention (their role,
the modal and tense of the verb they govern, negation), the sentence's mood (question, imperative,
first person, past), the layout (a list of actions, an agenda topic, a label, an owner after the
task), which rule or veto fired, and closed-class words only. No open-class word is a feature, so
nothing a community says about its own work can be learned as a sign of a promise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.extraction import words
from bot.extraction.candidates import Candidate
from bot.extraction.grammar import asks_you, request_from, root, states_a_fact
from bot.people import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Tags whose words form closed classes: modals, pronouns, determiners, prepositions, conjunctions,
# wh-words, particles. Their words are the same in every team's notes.
_CLOSED_TAGS = frozenset({"MD", "TO", "PRP", "PRP$", "IN", "CC", "DT", "WDT", "WP", "WRB", "EX", "RP", "UH"})
_AUX_WORDS = frozenset(
    {"will", "'ll", "ll", "wo", "can", "could", "should", "must", "would", "'d", "shall", "may", "might"}
)
_ROLL = re.compile(rf"\b(?:{'|'.join(words.ROLL_LABELS)})\b", re.IGNORECASE)
_COPULA_AND_HAVE = frozenset({"be", "have", "do", "go"})


@dataclass
class Option:
    """A person who may own an item in a sentence, and where that idea came from."""

    person: Person
    sources: set[str] = field(default_factory=set)  # "mention", "speaker", "rule:will", "veto:hedged", ...


@dataclass(frozen=True)
class SentenceEvidence:
    """What a sentence says whoever it is about: read once, shared by every person in it."""

    candidate: Candidate
    doc: Doc
    features: dict[str, float]
    mood: str
    people: tuple[tuple[Token, Person], ...]  # each placeholder in the parse and whom it stands for
    request: Token | None  # the verb of the request the sentence's own words make


def read_sentence(candidate: Candidate, doc: Doc) -> SentenceEvidence:
    request = request_from(doc, candidate.own_start)
    # "Mike, can you confirm ...": a question, with or without its mark.
    question = candidate.original.rstrip().endswith("?") or asks_you(doc)
    features: dict[str, float] = {}
    _sentence(candidate, doc, features, request, question)
    people = tuple((t, p) for t in doc if (p := candidate.person_at(t)) is not None)
    return SentenceEvidence(candidate, doc, features, mood(doc, request, question), people, request)


def evidence(
    sentence: SentenceEvidence, option: Option, rivals: frozenset[Person] = frozenset()
) -> dict[str, float]:
    """`rivals`: the people the rules found owning something in the sentence."""
    candidate, doc = sentence.candidate, sentence.doc
    features: dict[str, float] = {"bias": 1.0}
    features["rival-found"] = 1.0 if rivals - {option.person} else 0.0
    for source in option.sources:
        features[f"src={source}"] = 1.0
    rules = sorted(s for s in option.sources if s.startswith("rule:"))
    features["src.any-rule"] = 1.0 if rules else 0.0
    features.update(sentence.features)
    mentions = [t for t, person in sentence.people if person == option.person]
    features["mentioned"] = 1.0 if mentions else 0.0
    if mentions:
        _mention(mentions[0], doc, features)
        features["request-object"] = 1.0 if _request_object(mentions[0], sentence) else 0.0
    others = {person for _, person in sentence.people if person != option.person}
    features[f"others={min(len(others), 3)}"] = 1.0
    # Conjunctions a linear model cannot form itself: the same mood means a promise under one
    # person's label and a report under another's.
    sentence_mood = sentence.mood
    own_mood = _verb_mood(mentions[0]) if mentions else "unnamed"
    features[f"mood={sentence_mood}"] = 1.0
    features[f"mood&actions={sentence_mood}&{candidate.context.actions}"] = 1.0
    features[f"own-mood={own_mood}"] = 1.0
    for source in option.sources:
        if source.startswith("rule:") or source.startswith("veto:"):
            continue
        features[f"{source}&actions={candidate.context.actions}"] = 1.0
        features[f"{source}&mood={sentence_mood}"] = 1.0
        features[f"{source}&own-mood={own_mood}"] = 1.0
        features[f"{source}&first-person={features.get('first-person', 0.0) > 0}"] = 1.0
        features[f"{source}&any-rule={bool(rules)}"] = 1.0
        features[f"{source}&others={min(len(others), 2)}"] = 1.0
        features[f"{source}&rival={features['rival-found'] > 0}"] = 1.0
        features[f"{source}&dep={mentions[0].dep_ if mentions else None}"] = 1.0
    # What the sentence does counts for the person in the role that does it: a request in a list
    # of actions is its label's, not that of the person it is about.
    part = role(option, mentions[0] if mentions else None)
    features[f"role={part}"] = 1.0
    for name, value in sentence.features.items():
        if value:
            features[f"role={part}&{name}"] = value
    return features


def role(option: Option, mention: Token | None) -> str:
    """The one part a person plays in a sentence, the strongest first."""
    sources = option.sources
    if any(s.startswith("found:") for s in sources):
        return "found"
    for source in ("lead-explicit", "row", "lead", "tail"):
        if source in sources:
            return source
    if mention is not None:
        dep = mention.dep_
        if dep == "conj":
            dep = next((a.dep_ for a in mention.ancestors if a.dep_ != "conj"), dep)
        if dep in ("nsubj", "nsubjpass"):
            return "subject"
        if dep in ("dobj", "pobj", "dative", "iobj", "attr", "oprd"):
            return "object"
        return "poss" if dep == "poss" else "mention"
    for source in ("speaker", "header", "carried"):
        if source in sources:
            return source
    return "other"


def mood(doc: Doc, request: Token | None, question: bool) -> str:
    """What the sentence does: asks, requests, promises, offers, reports or only names a topic."""
    if question:
        return "question"
    if request is not None:
        return "imperative"
    head = root(doc)
    if head is None:
        return "none"
    return _verb_mood(head, own=True)


def _verb_mood(token: Token, own: bool = False) -> str:
    verb = token if own else _governing_verb(token)
    if verb is None:
        return "verbless"
    aux = _aux(verb)
    if aux in ("will", "shall", "going"):
        return "future"
    if aux in ("can", "could", "would", "'d", "may", "might"):
        return "offer"
    if aux in ("should", "must"):
        return "should"
    if aux == "to":
        return "to"
    if aux.startswith("xcomp:"):
        return aux
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBG":
        return "progressive"
    if verb.tag_ == "VB":
        return "base"
    return "nominal"


def _sentence(
    candidate: Candidate, doc: Doc, features: dict[str, float], request: Token | None, question: bool
) -> None:
    context, lead, tail = candidate.context, candidate.lead, candidate.tail
    features["question"] = 1.0 if question else 0.0
    features["actions"] = 1.0 if context.actions else 0.0
    features["agenda-topic"] = 1.0 if context.agenda_topic else 0.0
    features["header"] = 1.0 if context.header else 0.0
    features["reported-done"] = 1.0 if context.reported_done else 0.0
    features[f"kind={candidate.sentence.kind}"] = 1.0
    features[f"checked={candidate.sentence.checked}"] = 1.0
    features[f"lead={lead.shape if lead else None}"] = 1.0
    features[f"tail={tail.shape if tail else None}"] = 1.0
    features["table-row"] = 1.0 if candidate.owners_hint else 0.0
    length = len(candidate.original.split())
    features[f"length={_bucket(length, (4, 8, 15, 25, 40))}"] = 1.0
    features["imperative"] = 1.0 if request is not None else 0.0
    features["states-fact"] = 1.0 if states_a_fact(doc) else 0.0
    head = root(doc)
    if head is not None:
        features[f"root-tag={head.tag_}"] = 1.0
        features[f"root-aux={_aux(head)}"] = 1.0
        features["root-neg"] = 1.0 if any(c.dep_ == "neg" for c in head.children) else 0.0
        features[f"root-subject={_subject_kind(head, candidate)}"] = 1.0
        features[f"root-class={verb_class(head)}"] = 1.0
    lowered = {t.lower_ for t in doc}
    features["first-person"] = 1.0 if lowered & {"i", "i'll", "me", "my", "myself"} else 0.0
    features["we"] = 1.0 if lowered & {"we", "us", "our", "let"} else 0.0
    features["you"] = 1.0 if "you" in lowered else 0.0
    features["past"] = 1.0 if any(t.tag_ == "VBD" for t in doc) else 0.0
    features["future"] = 1.0 if lowered & {"will", "'ll", "shall", "going"} else 0.0
    features["action-word"] = 1.0 if lowered & words.ACTION_NOUNS else 0.0
    if lead is not None:
        features[f"lead-people={min(len(lead.people), 3)}"] = 1.0
    if tail is not None:
        features[f"tail-people={min(len(tail.people), 3)}"] = 1.0
    features["struck"] = 1.0 if "~~" in candidate.sentence.source else 0.0
    features["names-only"] = 1.0 if _names_only(candidate) else 0.0
    features["roll-section"] = 1.0 if _ROLL.search(candidate.sentence.section) else 0.0
    features["link"] = 1.0 if "](" in candidate.sentence.source or "http" in candidate.original else 0.0
    for word in _closed_words(doc, candidate.own_start):
        features[f"w={word}"] = 1.0


def _request_object(mention: Token, sentence: SentenceEvidence) -> bool:
    """ "Add Lee to the channel", "Set up a call with Sam and Lee": the person is part of what the
    request asks, since the run of names they are in follows the request's verb or a preposition."""
    verb = sentence.request
    if verb is None or mention.i < verb.i:
        return False
    named = {t.i for t, _ in sentence.people}
    start = mention.i
    # Names the roster lacks ("a call with Oliver, Ralf and Lee") are part of the run too.
    while start > 0 and (
        start - 1 in named
        or (token := sentence.doc[start - 1]).lower_ in _NAME_JOINERS
        or token.pos_ == "PROPN"
    ):
        start -= 1
    before = sentence.doc[start - 1] if start > 0 else None
    return before is not None and (before.tag_.startswith("VB") or before.tag_ in ("IN", "TO"))


_NAME_JOINERS = frozenset({",", "&", "and", "/"})


def _names_only(candidate: Candidate) -> bool:
    """ "Lee Chen, Sam Ortiz": a roll or a list of names, whoever reads it."""
    text = candidate.original
    for mention in sorted((m for m in candidate.people.values()), key=lambda m: -m.start):
        text = text[: mention.start] + text[mention.end :]
    return bool(candidate.people) and sum(1 for w in text.split() if any(c.isalpha() for c in w)) <= 1


def _mention(token: Token, doc: Doc, features: dict[str, float]) -> None:
    """The person's place in the parse: subject of a verb with "will", object of "with", and so on."""
    features[f"dep={token.dep_}"] = 1.0
    head = token.head
    features[f"head-tag={head.tag_}"] = 1.0
    features[f"head-dep={head.dep_}"] = 1.0
    if token.dep_ == "pobj":
        features[f"prep={head.lower_}"] = 1.0
    verb = _governing_verb(token)
    if verb is not None:
        features[f"verb-tag={verb.tag_}"] = 1.0
        features[f"verb-aux={_aux(verb)}"] = 1.0
        features[f"dep&verb-aux={token.dep_}&{_aux(verb)}"] = 1.0
        features["verb-neg"] = 1.0 if any(c.dep_ == "neg" for c in verb.children) else 0.0
        features["verb-after"] = 1.0 if verb.i > token.i else 0.0
        features["verb-light"] = 1.0 if verb.lemma_ in _COPULA_AND_HAVE else 0.0
        features[f"verb-class={verb_class(verb)}"] = 1.0
        # "has been looking", "has reviewed": the perfect reports, it does not promise.
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ != "VB" for c in verb.children)
        features["verb-perfect"] = 1.0 if perfect else 0.0
        features[f"dep&verb-class={token.dep_}&{verb_class(verb)}"] = 1.0


# Closed classes of general English verbs (and minute nouns) the rules name too: what kind of act a
# verb is, not what the team works on.
_VERB_CLASSES = (
    ("commit", words.COMMITMENT_VERBS),
    ("ask", words.ASKING_VERBS),
    ("suggest", words.SUGGESTING_VERBS),
    ("remark", words.REMARK_VERBS),
    ("not-action", words.NOT_ACTIONS),
    ("role", words.MEETING_ROLES),
    ("possible", words.POSSIBILITY_VERBS),
    ("light", words.LIGHT_VERBS),
    ("attempt", words.ATTEMPT_VERBS),
)


def verb_class(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    return next((name for name, members in _VERB_CLASSES if lemma in members), "other")


def _governing_verb(token: Token) -> Token | None:
    for ancestor in (token, *token.ancestors):
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.i != token.i:
            return ancestor
    return None


def _aux(verb: Token) -> str:
    """The first modal or "to" that the verb carries, or its own tense."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and (child.lower_ in _AUX_WORDS or child.tag_ == "TO"):
            return child.lower_.replace("'ll", "will").replace("wo", "will")
        if child.dep_ == "aux" and child.lemma_ == "go":
            return "going"
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        return f"xcomp:{'commit' if head.lemma_ not in _COPULA_AND_HAVE else head.lemma_}"
    return verb.tag_


def _subject_kind(verb: Token, candidate: Candidate) -> str:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if candidate.person_at(child) is not None:
                return "person"
            return child.lower_ if child.tag_ in ("PRP", "EX", "DT") else "thing"
    return "none"


def _closed_words(doc: Doc, start: int) -> Iterable[str]:
    seen: set[str] = set()
    for token in doc[start:]:
        # The tagger calls some names of tools determiners or prepositions; the stop-word list is a
        # closed list of English words, the same for every team.
        if token.tag_ in _CLOSED_TAGS and token.is_stop and token.lower_ not in seen and token.is_alpha:
            seen.add(token.lower_)
            yield token.lower_


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"
