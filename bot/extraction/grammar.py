"""What the parse of a sentence says, read off spaCy's tokens: its subject, whether it is a bare
request, a report of what was done, a sentence that goes on about the person before it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.extraction import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def conjuncts(token: Token) -> Iterable[Token]:
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from conjuncts(child)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, shared along coordinated verbs ("LeeC has agreed ... and will add")."""
    current: Token | None = verb
    while current is not None:
        for child in current.children:
            if child.like_url:
                continue  # "https://.../pull/390 (Adrian will check it)": a link before the sentence
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                # "@darcy at this point we should move on": the handle opens the line, "we" speak.
                we = next((c for c in current.children if c.dep_ == "nsubj" and c.lower_ == "we"), None)
                return we or (child if child.dep_ != "expl" else None)
            if child.dep_ == "csubj":
                # "Mei going through LF training will report back": Mei is who reports.
                inner = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if inner is not None:
                    return inner
        if current.dep_ in ("conj", "xcomp", "dep", "advcl", "acomp") and current.head.i != current.i:
            current = current.head
        else:
            current = None
    return None


def agrees_with_one_person(verb: Token) -> bool:
    """ "Will do it", "Needs to follow up" go on about the person before; "Need to dig into" (we, I)
    and "Had to pin" (done) do not."""
    finite = [
        c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBZ", "VBD", "VBP")
    ]
    tag = finite[0].tag_ if finite else verb.tag_
    return tag in ("MD", "VBZ")


def first_subject(doc: Doc) -> Token | None:
    head = root(doc)
    return subject_of(head) if head is not None else None


def root(doc: Doc) -> Token | None:
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def is_stemless(word: str) -> bool:
    """A word whose "-ing" leaves no stem ("ping", "bring", "string": no vowel before it) is no gerund,
    whatever the tagger says; "doing" and "using" are."""
    return word.endswith("ing") and not any(c in "aeiouy" for c in word[:-3])


def request_from(doc: Doc, start: int) -> Token | None:
    """The verb of the request the words from `start` make: "Lee: review the PR" asks; the label
    before `start` is not part of the request."""
    verb = imperative(doc)
    return verb if verb is not None and verb.i >= start else None


def imperative(doc: Doc) -> Token | None:
    """The verb of a bare request ("Review the PR", "Please review the PR"), if the sentence is one."""
    tokens = [
        t for t in doc if not t.is_punct and t.lower_ != "please" and t.lower_ not in words.CONTINUATIONS
    ]
    if len(tokens) > 1 and tokens[0].tag_ == "TO" and tokens[0].head.i == tokens[1].i:
        tokens = tokens[1:]  # "JRG: To check governance": an infinitive standing as the request
    if not tokens:
        return None
    tokens = _after_topic(tokens)
    first = tokens[0]
    base = first.tag_ == "VB" or (first.tag_ == "VBG" and is_stemless(first.lower_))
    if not base or first.dep_ in ("aux", "auxpass") or first.lemma_ in words.NOT_ACTIONS:
        return None  # "Have seen an issue": a perfect, not a request; "Need to dig into": a need
    # "Share the docs; members are invited to edit them": the parser may hang the request off the
    # clause after a semicolon.
    if first.dep_ not in ("ROOT", "conj") and not _before_semicolon(first):
        return None  # the parser did not read the line as a request; its words are the title
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        return None
    if len(tokens) > 1 and tokens[1].tag_ in ("VBZ", "VBD") and tokens[1].head.i == first.i:
        return None  # "Offer applies to all candidates": a noun and its verb, read as a request
    if first.lower_ == "let" and first.i + 1 < len(doc) and doc[first.i + 1].lower_ in ("'s", "us"):
        return None  # "Let's look at the flaky tests": a suggestion to the room
    return first


def _after_topic(tokens: list[Token]) -> list[Token]:
    """ "summary: add flow diagram (Boyan)": a topic of a word or three before a colon, then the
    request the parser made the line's head."""
    colon = next((t for t in tokens[0].doc[tokens[0].i : tokens[0].i + 4] if t.text == ":"), None)
    if colon is None or colon.i == tokens[0].i:
        return tokens
    rest = [t for t in tokens if t.i > colon.i]
    if rest and rest[0].tag_ == "VB" and rest[0].dep_ == "ROOT":
        return rest
    return tokens


def is_to_do(doc: Doc, verb: Token | None) -> bool:
    """ "JRG: To check governance": an infinitive standing as the sentence says what the person
    labelled is to do, unless it broke off ("TN: To deal with the scaling -")."""
    infinitive = verb is not None and verb.i > 0 and doc[verb.i - 1].tag_ == "TO"
    return infinitive and _UNFINISHED.search(doc.text) is None


_UNFINISHED = re.compile(r"(?:[-–—:]|\.\.\.|…)\s*$")


def pleads(doc: Doc, verb: Token, start: int = 0) -> bool:
    """ "LC: also please help get the word out": the speaker asks the room, not themselves. Tokens
    before `start` are not the writer's (a "Please" put there to parse a bare request)."""
    return any(t.lower_ == "please" for t in doc[start : verb.i])


def lets_self(verb: Token) -> bool:
    """ "Lee: Let me give an overview", "Let us look": the speaker's own turn or the room's, which
    the let-me rule judges; never a request to the one speaking."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return verb.lemma_ == "let" and after is not None and after.lower_ in ("me", "us", "'s")


def gerund(doc: Doc) -> Token | None:
    """ "Sam: fixing the ring query": said as progress, titled as the task ("Fix the ring query")."""
    first = next((t for t in doc if not t.is_punct and t.lower_ != "please"), None)
    return first if first is not None and first.tag_ == "VBG" and first.dep_ in ("ROOT", "xcomp") else None


def _before_semicolon(verb: Token) -> bool:
    """A verb the parser hung off the clause after a semicolon or inside brackets ("open an issue
    (Dana will send a table)"), which is a clause of its own."""
    return verb.head.i > verb.i and any(t.text in (";", "(") for t in verb.doc[verb.i : verb.head.i])


def states_a_fact(doc: Doc) -> bool:
    """ "Seun has read the first half", "Actually just took another look": a report, even in a list
    of actions."""
    head = root(doc)
    if head is None or head.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    if any(_before_semicolon(t) for t in head.children):
        return False  # the line's own clause comes first: "Share the docs; members are invited to"
    if head.tag_ == "VBD" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in head.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)


def opens_in_the_past(doc: Doc, start: int = 0) -> bool:
    """ "Maggie heard back from the foundation: we can use ...": what follows the name (from the
    token `start`) is the person's news, told in the past tense, not a request to them."""
    first = next((t for t in doc[start:] if not t.is_punct), None)
    # After the "Please" put there to parse, the tagger calls "heard" a participle (VBN).
    return first is not None and first.tag_ in ("VBD", "VBN")


def opens_telling(doc: Doc, start: int = 0) -> bool:
    """ "reported the bug", "Kindly asks to convey thanks", "Has the issue of ...", "Are there any
    further issues", "think that we can get it": after a label, a verb in the third person or the
    past with no subject before it, a question's inverted verb, or a remark's verb with its clause
    tells, asks or opines; it gives no task ("Will send it", "think about caching" do)."""
    for token in doc[start:]:
        if token.is_punct or token.pos_ == "ADV":
            continue
        if token.tag_ in ("VBD", "VBN", "VBZ"):
            return True
        if token.lemma_ in words.REMARK_VERBS and any(c.dep_ == "ccomp" for c in token.children):
            return True
        after = token.nbor(1) if token.i + 1 < len(doc) else None
        return token.tag_ in ("VBP", "MD") and after is not None and after.dep_ in ("expl", "nsubj")
    return False


def for_another_occasion(verb: Token) -> bool:
    """ "will facilitate the next meeting", "can host next time", "to chair on 13 June",
    "volunteering to host a hackathon": a role taken on for a later meeting or an event of its own
    is a promise; "Lee to scribe", "Lee will host the call" is a role in this one."""
    later = any(t.lower_ in ("next", "future") or t.ent_type_ == "DATE" for t in verb.subtree)
    hosted = verb.lemma_ in words.MEETING_ROLES  # not "share my screen", "take the minutes"
    return later or (
        hosted and any(c.dep_ == "dobj" and c.lemma_ not in words.THIS_MEETING for c in verb.children)
    )


def with_someone(verb: Token) -> bool:
    """ "talk to Lee", "discuss it with the board", "present it to the TSC": a conversation to have,
    not the room being spoken to ("present to you", "talk with all of us")."""
    return verb.lemma_ in words.PRESENTING and any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "with")
        and any(o.dep_ == "pobj" and o.lower_ not in words.AUDIENCE for o in c.children)
        for c in verb.children
    )


def starts_with_verb(doc: Doc) -> bool:
    """A sentence that starts with its verb ("Will try and work through ...") goes on about the
    person the text before was about."""
    for token in doc:
        if token.is_punct or token.lower_ in ("also", "hopefully", "then", "and", "but", "so", "actually"):
            continue
        return token.tag_ in ("MD", "VBZ", "VBD", "VBN", "VB", "VBG") and token.lower_ not in (
            "please",
            "let",
        )
    return False


def earlier_clause_subject(verb: Token) -> Token | None:
    """The subject of a clause before `verb` that the parser hung off it ("Dana has reviewed the
    fixes, so will tag ..."), for a verb with no subject of its own. Not a condition's: in "If
    Lee merges it, will tag the release" the one who tags is whom the text was about."""
    for clause in verb.children:
        marked = any(c.dep_ == "mark" for c in clause.children)
        if clause.i < verb.i and clause.dep_ in ("ccomp", "advcl", "conj") and not marked:
            subject = subject_of(clause)
            if subject is not None and subject.i < clause.i:
                return subject
    return None


def leaves_out_the_subject(doc: Doc, anchor: Token) -> bool:
    """A sentence that leaves its subject out, so goes on about the person before: it opens with its
    verb ("Will try and ..."), with the promise's adjective ("Happy to review the spec"), or a
    phrase without a subject and a comma or colon come before its modal ("Ready for review, will post it")."""
    # "Scaling down the website will help": the gerund is its subject, not a person. (Not one the
    # parser joined across a break: "Requiring that ... will follow up offline".)
    if any(c.dep_ == "csubj" and all(t.tag_ != ":" for t in c.subtree) for c in anchor.children):
        return False
    if starts_with_verb(doc):
        # "Gonna fix the links", "Planning to cut the RC": the "I'm" left out of a progressive promise.
        said = any(c.dep_ == "xcomp" for c in anchor.children)
        progressive = (anchor.tag_ == "VBG" or anchor.lower_ == "gon") and said  # "Gon" + "na": read as VB
        # "RP: agreed to own reporting", "Offered to review it": a speaker's past commitment (not
        # "agreed, e.g. to enable ...": agreeing with what was said).
        right_after = anchor.i + 1 < len(doc) and doc[anchor.i + 1].lower_ == "to"
        committed = anchor.tag_ in ("VBD", "VBN") and anchor.lemma_ in words.COMMITMENT_VERBS and right_after
        return agrees_with_one_person(anchor) or progressive or committed
    first = next((t for t in doc if not t.is_punct), None)
    if first is not None and first.i == anchor.i and anchor.pos_ == "ADJ":
        return True
    # Or a label before it: "This week: Will wrap up the submissions".
    comma = next((t for t in doc[:-1] if t.text in (",", ":")), None)
    if comma is None:
        return False
    after = doc[comma.i + 1]
    fronted = doc[: comma.i]
    return (
        after.tag_ == "MD"
        and after.head.i == anchor.i
        and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in fronted)
        and agrees_with_one_person(anchor)
    )


def asks_you(doc: Doc) -> bool:
    """ "Mike, can you confirm the proposal was ready": a question, however it ends; only the names
    of whom it addresses may come before it."""
    for token in doc[:-1]:
        if token.tag_ == "MD" and doc[token.i + 1].lower_ == "you":
            return True
        # "Lee, Sam can you ...": a run of names reads as joined by "and".
        if not (token.is_punct or token.pos_ in ("PROPN", "INTJ", "CCONJ")):
            return False
    return False


def who_will(doc: Doc) -> Token | None:
    """ "People who will work this", "Folks with time to review": a label naming people by what they
    will do (a noun with a clause of a verb that acts, to come); its verb. Not a request ("Review
    the docs"), a role ("Scribe"), a topic ("Introducing the new lead") or a wish ("Want on the invite").
    "Any volunteers for the co-lead: Jo": who volunteered, for what the label names."""
    head = root(doc)
    if head is None or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if head.lemma_ == "volunteer":
        return head
    for token in head.subtree:
        to_come = any(c.tag_ in ("TO", "MD") and c.dep_ == "aux" for c in token.children)
        acts = token.tag_ == "VB" and token.lemma_ not in words.NOT_ACTIONS | words.MEETING_ROLES
        if acts and to_come and token.dep_ in ("relcl", "acl"):
            return token
    return None


def asks_who(doc: Doc) -> Token | None:
    """ "Who will host next meeting?", "Who is going to take notes for the summit?": a question
    asking who will do something; its verb. Not this meeting's own roles ("Who will take notes?")."""
    head = root(doc)
    if head is None or head.tag_ != "VB":
        return None
    asked = any(c.dep_ == "nsubj" and c.lower_ == "who" for c in head.children)
    # "Who will ...?" asks for a promise; "Who can make it?" asks who is able, or free.
    to_come = any(
        c.dep_ == "aux" and (c.lower_ in words.FUTURE_MODALS or c.tag_ == "TO") for c in head.children
    )
    return head if asked and to_come and (not takes_a_role(head) or for_another_occasion(head)) else None


def takes_a_role(verb: Token) -> bool:
    """ "host", "chair", "take notes", "take the minutes": a role a meeting has."""
    notes = verb.lemma_ == "take" and any(
        c.dep_ == "dobj" and c.lemma_ in ("note", "minute") for c in verb.children
    )
    return notes or verb.lemma_ in words.MEETING_ROLES


def is_an_object(name: Token) -> bool:
    """Whether a name is another word's object, alone or at the end of a list: "follow up with Open
    Ethereum, Lee and Dana to discuss it"."""
    while name.dep_ == "conj" and name.head.i < name.i:
        name = name.head
    return name.dep_ in ("pobj", "dobj", "dative", "appos")
