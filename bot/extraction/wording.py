"""How a promise's phrase (`bot.extraction.phrase`) is said as a title: the verb first, in its base
form; each word as the issue list's reader needs it ("my" is nobody's, "it" is what it stands for);
and the object the sentence left to its context ("Look over it", "Lee takes action to land", "Mei
will comment") taken from the thing said before or from the item's topic.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.extraction import words
from bot.extraction.candidates import PLACEHOLDER
from bot.extraction.grammar import is_stemless
from bot.extraction.trimming import short_references

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bot.extraction.phrase import NameOf, Phrase

_TIMES = words.TIME_WORDS | {"time", "day", "hour", "minute"}
_ISSUE_REF = re.compile(r"#\d|\b[\w.-]+/[\w.-]+#\d|`")


def render(phrase: Phrase, topic: str, previous: str = "") -> str:
    """The phrase as a title; `topic` is what the item is about, `previous` what the sentence
    before it was."""
    tokens = in_order(phrase)
    title, resolved = said(phrase, tokens, topic, previous)
    return title if resolved else completed(phrase, tokens, title, topic, previous)


def in_order(phrase: Phrase) -> list[Token]:
    """The phrase's tokens as a request orders them: without asides, nor a dangling "and", and the
    verb before a passive subject ("New PR to be opened by Dana": "opened", then "New PR")."""
    tokens = _outside_asides(phrase.shown())
    while tokens and tokens[-1].dep_ in ("cc", "punct") and tokens[-1].i != phrase.head.i:
        tokens.pop()
    acted = [t for t in tokens if t.i < phrase.head.i]
    if acted and all(t.i in phrase.passive_subject for t in acted):
        # "get this set up": the particle stays with its verb, "Set up this".
        particles = [t for t in tokens if t.dep_ == "prt" and t.head.i == phrase.head.i]
        after = [t for t in tokens if t.i > phrase.head.i and t not in particles]
        tokens = [t for t in tokens if t.i == phrase.head.i] + particles + acted + after
    return tokens


def said(phrase: Phrase, tokens: list[Token], topic: str, previous: str) -> tuple[str, bool]:
    """The tokens' words as the reader needs them, and whether a vague "it" was said as the thing
    it stands for."""
    out: list[str] = []
    resolved = False
    generic = _generic_object(phrase.head, tokens)
    related = _relative_object(phrase, tokens)
    for index, token in enumerate(tokens):
        text = phrase.name_of(token) or short_references(token.text)
        vague = _vague_subject(phrase, token)
        if token.i == phrase.head.i:
            text = phrase.lead or base_form(token)
        elif token.lower_ == "my" and token.dep_ == "poss":
            text = "the"  # "a PR with my patch": the title is read by others than the speaker
        elif token.i == min(phrase.passive_subject, default=-1) and token.tag_ != "NNP" and not vague:
            text = text[:1].lower() + text[1:]  # "New PR to be opened" -> "Open new PR"
        elif generic is not None and token.head.i == generic.i and token.dep_ == "det" and _is_vague(token):
            continue  # "create this issue": which issue, the completion says ("... about the topic")
        elif _points_at_a_named_thing(token) and (previous or topic):
            text = "the"  # "stop using that link": the link the note means, which its noun names
        elif (_is_vague(token) or vague) and not resolved:
            # "Look over it" under "Async pull request": the thing said before, else the topic.
            named = _antecedent(token, phrase.name_of) or previous or topic
            if named:
                text, resolved = _mid_sentence(named), True
                if token.dep_ == "det":
                    continue
        elif resolved and token.head.lower_ in words.VAGUE_OBJECTS and token.head.dep_ != "ROOT":
            continue  # "that one" said once, as the topic
        elif described := _described_person(token, phrase.name_of):
            text = described  # "a woman who works at X is interested; he'll reach out to her"
        if token.i in related:
            text = f"{text} {related[token.i]}"
        space = token.whitespace_ if index + 1 < len(tokens) and tokens[index + 1].i == token.i + 1 else " "
        out.append(text + space)
    return "".join(out).strip(" ,;:-"), resolved


def completed(phrase: Phrase, tokens: list[Token], title: str, topic: str, previous: str) -> str:
    """The title with the object the sentence left to its context: a verb without one takes the
    topic ("Lee takes action to land" under "Draft Staging Process #23"), a generic one ("Open an
    issue") says which, by the sentence before or the topic."""
    # "draft the clause", said as "provide a draft of the clause": the clause is the object;
    # "update the board", said as "let the board know": the board is.
    said_object = bool(phrase.nominal) and (
        any(t.i > phrase.head.i for t in tokens) or phrase.lead.startswith("update ")
    )
    if topic and not said_object and not _has_object(phrase.head, tokens):
        preposition = words.VERB_PREPOSITIONS.get(phrase.lead or phrase.head.lemma_.lower(), "")
        return f"{title} {preposition} {topic}".replace("  ", " ")
    generic = _generic_object(phrase.head, tokens)
    named = previous or topic
    if generic is None or not named or named.lower() in title.lower():
        return title
    return f"{title} {words.GENERIC_OBJECTS[generic.lemma_.lower()]} {named}"


def base_form(verb: Token) -> str:
    """The verb as a request says it: a base form as written, any other form by its lemma
    ("reviewing" -> "review"); the lemmatizer's suffix rules would make "ping" "pe"."""
    return verb.lower_ if verb.tag_ == "VB" or is_stemless(verb.lower_) else verb.lemma_


def is_thing(token: Token) -> bool:
    """A noun that names something: not "it", a person, "a look" or "a couple"."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.lower_ not in words.VAGUE_OBJECTS
        and token.lemma_ not in words.LOOKS
        and token.lemma_ not in words.QUANTITY_NOUNS
        and token.lemma_ not in _TIMES  # "it's about time for me to poke ... will take this off"
        and token.text != PLACEHOLDER
    )


def noun_phrase(token: Token, name_of: NameOf) -> str:
    """The noun and what stands before it ("the new parser"), without clauses after it; a generic
    noun keeps the phrase that says which ("an issue for the toggle additions")."""
    which = next((c for c in token.children if c.dep_ == "prep" and c.i > token.i), None)
    says_which = {t.i for t in which.subtree} if which is not None and _is_generic(token) else set()
    # Not the words of a clause about it: "a designer who works at a print shop".
    clauses = {t.i for c in token.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    tokens = [
        t
        for t in token.subtree
        if t.i <= token.i or (t.dep_ in ("compound", "nummod") and t.i not in clauses) or t.i in says_which
    ]
    return "".join((name_of(t) or t.text) + t.whitespace_ for t in tokens).strip()


def _is_generic(token: Token) -> bool:
    return token.lemma_.lower() in words.GENERIC_OBJECTS


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
    before = [t for t in reversed(vague.doc[: vague.i]) if is_thing(t) and t.i not in own]
    # The object of the clause before ("update the RFC with the layout and merge it": the RFC),
    # else a thing named in a phrase; one that agrees in number first, when there is one.
    for deps in (("dobj", "nsubjpass"), ("pobj",)):
        candidates = [t for t in before if t.dep_ in deps]
        token = next((t for t in candidates if _agree(vague, t)), candidates[0] if candidates else None)
        if token is not None:
            return noun_phrase(token, name_of)
    return ""


def _agree(pronoun: Token, thing: Token) -> bool:
    """ "it" is one thing, "them" several: "interested in suggestions, will make it a package" does
    not make the suggestions a package."""
    if pronoun.lower_ in ("it", "this", "that"):
        return thing.tag_ not in ("NNS", "NNPS")
    if pronoun.lower_ in ("them", "these", "those"):
        return thing.tag_ not in ("NN", "NNP")
    return True


def _is_vague(token: Token) -> bool:
    """ "it", "this", "them" standing for a thing; not "that" opening a relative clause, nor
    words in quotes, the note's own name for the thing ("draft up “something simpler”")."""
    return (
        token.lower_ in words.VAGUE_OBJECTS
        and token.tag_ not in ("WDT", "WP")
        and _is_object(token)
        and not _quoted(token)
    )


def _relative_object(phrase: Phrase, tokens: list[Token]) -> dict[int, str]:
    """ "the items, which he'll take care of": the thing a relative clause's "which" stands for,
    said after the token it follows in the title (a stranded "of", else the verb)."""
    head = phrase.head
    relative = any(c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "pobj") for c in head.children)
    if head.dep_ != "relcl" or not relative:
        return {}
    # The clause may hang on a name next to the thing: "items for Lee, which he'll ...".
    thing = next((t for t in [head.head, *head.head.ancestors] if is_thing(t)), None)
    if thing is None:
        return {}
    stranded = [t for t in tokens if t.dep_ == "prep" and t.head.i == head.i and not list(t.children)]
    particles = [t.i for t in tokens if t.dep_ == "prt" and t.head.i == head.i]
    at = stranded[0].i if stranded else max([head.i, *particles])
    return {at: noun_phrase(thing, phrase.name_of)}


def _described_person(token: Token, name_of: NameOf) -> str:
    """ "her", "him" after a person the sentence described ("a woman who works at X"): that person,
    as the issue's reader needs them named."""
    if token.lower_ not in words.PERSON_OBJECTS or token.dep_ not in ("dobj", "pobj"):
        return ""
    described = (
        t
        for t in reversed(token.doc[: token.i])
        # Not "a packager at the meetup who ...": a clause hung on a place is about its person.
        if t.pos_ == "NOUN"
        and t.dep_ != "pobj"
        and any(g.lower_ == "who" for c in t.children if c.dep_ == "relcl" for g in c.children)
    )
    person = next(described, None)
    return noun_phrase(person, name_of) if person is not None else ""


def _mid_sentence(named: str) -> str:
    """ "The patch to the tool", said first in its sentence, is "the patch to the tool" inside a title."""
    first, _, rest = named.partition(" ")
    return f"{first.lower()} {rest}" if rest and first in _ARTICLES else named


_ARTICLES = frozenset({"The", "A", "An", "This", "That", "These", "Those"})


def _points_at_a_named_thing(token: Token) -> bool:
    """ "that link", "this scheme": a demonstrative before a noun that says what it points at."""
    head = token.head
    return (
        token.dep_ == "det"
        and _is_vague(token)
        and head.tag_ in ("NN", "NNS")
        and head.lower_ not in words.VAGUE_OBJECTS
        and not head.lower_.endswith("ing")
    )


def _vague_subject(phrase: Phrase, token: Token) -> bool:
    """ "get this started": "this" is what is started, as much an object as in "start this"."""
    return token.i in phrase.passive_subject and token.lower_ in words.VAGUE_OBJECTS and not _quoted(token)


def _quoted(token: Token) -> bool:
    before = token.doc[: token.i].text
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


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
        # A subject kept in the title is what is acted on: "get the fix merged".
        if child.i not in kept or (child.i < head.i and child.dep_ not in ("nsubjpass", "nsubj")):
            continue
        if child.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "nsubjpass", "nsubj", "acomp"):
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
