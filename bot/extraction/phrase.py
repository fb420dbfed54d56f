"""Which words of a sentence make a promise's title: the verb that says the action, and what it
governs to its right, without who promised it, the modal, fillers, the due date, and clauses that
say when or why ("once it is merged", "so people can test").

A light verb lends its object the action: "take a look at X" is "look at X", "provide a draft of
X" is "draft X", "let the board know" is "update the board". How the chosen words are said is
`bot.extraction.wording`; how the text is made to fit, `bot.extraction.trimming`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.extraction import words
from bot.extraction.grammar import is_an_object, takes_a_role

if TYPE_CHECKING:
    from spacy.tokens import Token

NameOf = Callable[["Token"], "str | None"]

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
_SPEAKER_OBJECTS = frozenset({"me", "us"})
# Verbs that, with "back" and an update, say "report back".
_RETURNS = frozenset({"return", "come", "get", "report", "circle"})
_REFLEXIVES = frozenset({"myself", "himself", "herself", "themselves", "ourselves", "yourself"})
# Verbs that only get ready for the verb joined to them, alone or with a time: "go and land",
# "find a good time and schedule", "take some time and review".
_PREPARING = frozenset({"go", "come", "find", "take", "sit"})
_PREPARED = frozenset({"time", "moment", "slot", "date"})
_GIVING = frozenset({"give", "provide"})
_HEDGING_ADVERBS = frozenset({"though", "however", "anyway"})
_TERMS = frozenset({"condition", "assumption", "proviso", "premise", "understanding"})
# What "do" says no more than "do" with: "do it", "do that as well", "do so".
_PRO_WORDS = frozenset({"it", "this", "that", "so", "as", "well", "too"})


class Phrase:
    """The tokens of a promise's verb phrase, and the optional ones dropped so far."""

    def __init__(self, verb: Token, name_of: NameOf, due_span: tuple[int, int] | None, start: int) -> None:
        """`due_span` is where the due date is in the text; tokens before `start` are not the task's."""
        self.head, self.lead = action_of(verb)
        # "chair the next call", "take notes at the next meeting": when the date the item is due by
        # is what it acts on, or a role's occasion, it stays.
        acted_on = [c for c in self.head.children if c.dep_ == "dobj"]
        if takes_a_role(self.head):
            acted_on += [
                o for c in self.head.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
            ]
        if due_span is not None and any(due_span[0] <= c.idx < due_span[1] for c in acted_on):
            due_span = None
        self.verb, self.name_of, self.due_span = verb, name_of, due_span
        self.nominal = _nominal(self.head, self.lead)
        # "tag the release under the condition that CI passes": terms hang on the object too.
        self.dropped: set[int] = set(self.nominal) | {
            t.i for p in self.head.subtree if p.dep_ == "prep" and _hedges(p) for t in p.subtree
        }
        # "add it to the drive, which is also on the website": what the comma's clause tells of a
        # thing is not part of the task (unless the clause is the promise: "items, which he'll do").
        asides = [c for c in self.head.subtree if c.i != self.head.i and _aside_clause(c)]
        self.dropped |= {t.i for c in asides for t in (c.doc[c.left_edge.i - 1], *c.subtree)}
        self.dropped |= _bracketed_clauses(self.head)
        self.passive_subject: set[int] = set()
        self.tokens = sorted(
            {
                t
                for t in [self.head, *_glued_to(self.head), *self._kept(self.head)]
                if t.i >= start and not self._due(t) and not _emphatic(t)
            },
            key=lambda t: t.i,
        )

    def _kept(self, head: Token) -> list[Token]:
        kept: list[Token] = []
        for child in head.children:
            if child.i < head.i and not _is_glued(child):
                if child.dep_ == "nsubjpass" or (child.dep_ == "nsubj" and _caused(head.head) == head):
                    kept.extend(child.subtree)  # "New PR to be opened by Dana": the PR is what is opened
                    self.passive_subject.update(t.i for t in child.subtree)
                continue  # left of the verb: who promised it, when, fillers
            if _dropped(child) or self._someone_elses(child):
                continue
            if head.i != self.verb.i and child.dep_ == "det":
                continue  # "take a look at X": only "at X" is kept
            kept.extend(child.subtree)
        return kept

    def _someone_elses(self, child: Token) -> bool:
        """ "Update the repo, and Dana to update the issue": the parser hangs another person's "to V"
        on this promise, the name as one more conjunct and the verb as a clause. Not "follow up with
        Sri and Arti to gather it", whom the promise is with, nor "a session for Adam and Philip to
        draft it", whom it is for."""
        doc = child.doc
        if child.dep_ == "conj":
            name, opening = child, doc[child.i - 1]
        elif child.dep_ == "advcl" and child.i >= 3 and doc[child.i - 1].tag_ == "TO" and not _marked(child):
            name, opening = doc[child.i - 2], doc[child.i - 3]
        else:
            return False
        opens = opening.lower_ in (",", ";", "and", "then")
        return opens and self.name_of(name) is not None and not is_an_object(name)

    def _due(self, token: Token) -> bool:
        return self.due_span is not None and self.due_span[0] <= token.idx < self.due_span[1]

    def shown(self) -> list[Token]:
        """The tokens still in the title."""
        return [t for t in self.tokens if t.i not in self.dropped]

    def stands_for_an_action(self) -> bool:
        """ "will do", "can do that", "may need to do it himself": the verb stands for an action
        said before and names none itself."""
        if self.head.lemma_ != "do" or self.lead:
            return False
        said = [t for t in self.shown() if t.i != self.head.i and not t.is_punct]
        return all(t.lower_ in _PRO_WORDS or t.lower_ in words.FILLERS for t in said)

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
        # "... and continue to recruit speakers" without "to recruit speakers": a verb left without
        # the clause it governs says nothing, so it goes with it.
        going = {t.i for t in last.subtree} | self.dropped
        verb = last.head
        needs = last.dep_ in ("xcomp", "ccomp") and verb.dep_ == "conj" and verb.pos_ == "VERB"
        if needs and all(t.i <= verb.i or t.i in going for t in verb.subtree):
            last = verb
        self.dropped.update(t.i for t in last.subtree)
        if last.i > 0 and last.nbor(-1).dep_ == "cc":
            self.dropped.add(last.i - 1)
        return True


def action_of(verb: Token) -> tuple[Token, str]:
    """ "take a look at X" is "look at X", "try to test X" is "test X", "handle updating X" is
    "update X", "take the action to open X" is "open X", "go and land X" is "land X": the head
    whose phrase is the title, and the verb to say ("" when the head says it)."""
    if (then := _after_preparing(verb) or _committed_to(verb)) is not None:
        return action_of(then)
    if verb.lemma_ in words.ATTEMPT_VERBS or verb.lemma_ in words.ASPECT_VERBS:
        action = next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.tag_ in ("VB", "VBG")),
            None,
        )
        if action is not None and (action.tag_ == "VBG" or verb.lemma_ in words.ATTEMPT_VERBS):
            return action_of(action)
    if (caused := _caused(verb)) is not None:
        return caused, ""  # "get everyone invited to the forum" is "invite everyone to the forum"
    if (informing := _informing(verb) or _reporting(verb)) is not None:
        return verb, informing[0]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return verb, ""
    if verb.lemma_ in words.LIGHT_VERBS and obj.lemma_ in words.LOOKS:
        if (tried := _tried(verb, obj)) is not None:
            return action_of(tried)  # "take a crack at getting CI running" is "get CI running"
        if any(c.dep_ == "prep" for c in obj.children):
            return obj, words.LOOKS[obj.lemma_]
        return verb, words.LOOKS[obj.lemma_]
    if verb.lemma_ in words.NOUN_VERB_HOSTS and obj.lemma_ in words.ACTION_NOUNS:
        action = next((c for c in verb.children if _is_infinitive(c)), None) or next(
            (c for c in obj.children if _is_infinitive(c)), None
        )
        if action is not None:
            return action_of(action)
    # Not "do a security review assessment" or "make a release issue": a compound names a thing.
    if verb.lemma_ in words.NOUN_VERB_HOSTS and not any(c.dep_ == "compound" for c in obj.children):
        said = words.NOUN_VERBS.get(obj.lower_, "")
        if said == "report" and (
            verb.lemma_ not in _GIVING or any(c.dep_ == "dative" for c in verb.children)
        ):
            said = ""  # "give an update on X" reports on X; "make an update to X" changes X
        # "provide a draft of X" is "draft X"; "create a draft" alone says no more than "draft".
        if said in words.VERB_PREPOSITIONS or any(c.lower_ == "of" for c in obj.children):
            return verb, said
        return verb, words.MADE_OBJECTS.get(obj.lemma_.lower(), "") if verb.lemma_ == "make" else ""
    return verb, ""


def _after_preparing(verb: Token) -> Token | None:
    """ "go and land the proposal", "find a good time and schedule the meeting": the first verb
    only gets ready for the second, which is the task."""
    if verb.tag_ != "VB" or verb.lemma_ not in _PREPARING:
        return None
    if any(c.dep_ not in ("cc", "conj", "punct") and c.lemma_ not in _PREPARED for c in verb.rights):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VB"), None)


def _committed_to(verb: Token) -> Token | None:
    """ "commit to attending the meeting", "get around to fixing the docs": the gerund is the task."""
    if verb.lemma_ not in ("commit", "get") or (
        verb.lemma_ == "get" and not any(c.lower_ == "around" for c in verb.children)
    ):
        return None
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    return next((g for g in to.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None) if to else None


def _caused(verb: Token) -> Token | None:
    """ "get the fix merged", "get this started": the participle of what the owner has done, with
    the thing it is done to as its subject ("get this done" says no more than "do this")."""
    if verb.lemma_ not in ("get", "have"):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.tag_ == "VBN"
            and c.lower_ != "done"
            and any(g.dep_ == "nsubj" for g in c.children)
        ),
        None,
    )


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
    if person is None:
        return None
    if person.lower_ in ("me", "us", "you"):
        # "keep us posted": the minutes' "us" is the meeting, which an issue's reader is not.
        return "report back", gone
    return "update " + "".join(t.text_with_ws for t in person.subtree).strip(), gone


def _reporting(verb: Token) -> tuple[str, set[int]] | None:
    """ "come back with an update on X", "return with an update on X": "report back on X", and
    the words that said it."""
    back = next((c for c in verb.children if c.dep_ in ("advmod", "prt") and c.lower_ == "back"), None)
    if verb.lemma_ not in _RETURNS or (back is None and verb.lemma_ != "return"):
        return None
    news = next(
        (
            n
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for n in c.children
            if n.dep_ == "pobj"
        ),
        None,
    )
    if news is None or news.lemma_ not in ("update", "news"):
        return None
    gone = {news.i, news.head.i, *(c.i for c in news.children if c.dep_ in ("det", "amod"))}
    return "report back", gone | ({back.i} if back is not None else set())


def _nominal(head: Token, lead: str) -> set[int]:
    """ "provide a first draft of the clause" says "draft the clause": the noun that stood for the
    verb, its determiners and adjectives, and its "of" go."""
    if (informing := _informing(head) or _reporting(head)) is not None:
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
    if child.dep_ in ("prep", "npadvmod", "advmod") and _says_when(child) and not takes_a_role(child.head):
        return True  # not "take notes for the next meeting": a role's occasion is its task
    if _hedges(child):
        return True  # "as much as we want", "under the condition that ...", "though"
    if _speakers_self(child):
        return True  # "talk to me first", "send me the logs": read by others, "me" is nobody
    if child.dep_ == "dobj" and child.lemma_ in words.LOOKS and child.head.lemma_ in words.LIGHT_VERBS:
        return True  # "take a look": said by the verb itself
    if child.dep_ == "conj" and any(c.lower_ == "but" for c in [*child.lefts, *_joined_by(child)]):
        return True  # "cut releases but would like a list": a contrast, not more of the task
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _not_asked(child):
        return True  # "help but not be responsible", "help, stretched thin": said of the owner
    return child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


def _bracketed_clauses(head: Token) -> set[int]:
    """ "open an issue (Dana will send a table)": a clause in brackets with a subject of its own says
    something else, unless the promise itself is in it."""
    doc = head.doc
    dropped: set[int] = set()
    opening: int | None = None
    for token in doc:
        if token.text == "(":
            opening = token.i
        elif token.text == ")" and opening is not None:
            inside = doc[opening + 1 : token.i]
            if any(t.dep_ in ("nsubj", "nsubjpass") for t in inside) and not opening < head.i < token.i:
                dropped.update(range(opening, token.i + 1))
            opening = None
    return dropped


def _aside_clause(token: Token) -> bool:
    return token.dep_ == "relcl" and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","


def _hedges(child: Token) -> bool:
    """How far or on what terms the owner will do it, not what: "as much as we want", "as soon as
    possible", "under the condition that we find someone", "though"."""
    if child.dep_ == "advmod":
        return child.lower_ in _HEDGING_ADVERBS or any(c.lower_ == "as" for c in child.lefts)
    return child.dep_ == "prep" and any(c.dep_ == "pobj" and c.lemma_ in _TERMS for c in child.children)


def _joined_by(conj: Token) -> list[Token]:
    """The conjunction just before a conjunct among its head's children: "cut releases — but would
    like a list" joins "like" to "cut" by "but"."""
    before = [c for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i]
    return before[-1:]


def _tried(verb: Token, look: Token) -> Token | None:
    """ "take a stab at writing X": what is tried, a gerund after "at", is the task."""
    if words.LOOKS[look.lemma_] != "try":
        return None
    preps = [c for c in (*verb.children, *look.children) if c.dep_ == "prep" and c.lower_ == "at"]
    return next((g for p in preps for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


def _not_asked(conj: Token) -> bool:
    """A verb joined to a request that is no part of it: negated, or not in the request's base form."""
    return any(c.dep_ == "neg" for c in conj.children) or (
        conj.head.tag_ == "VB" and conj.tag_ in ("VBD", "VBN")
    )


def _emphatic(token: Token) -> bool:
    """ "fix it myself", "write the docs herself": who does it, which the owner already says."""
    return token.dep_ in ("npadvmod", "appos") and token.lower_ in _REFLEXIVES


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


def _marked(clause: Token) -> bool:
    return any(c.dep_ == "mark" for c in clause.children)
