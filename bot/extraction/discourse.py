"""Who the text is about as it is read, sentence after sentence: the owner of "he", "I", "you", and of a
sentence without a subject ("Will send a patch once it passes")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.extraction import words
from bot.extraction.candidates import Candidate
from bot.extraction.grammar import (
    conjuncts,
    earlier_clause_subject,
    first_subject,
    leaves_out_the_subject,
    request_from,
    subject_of,
)
from bot.extraction.patterns import Rule
from bot.notes.blocks import BlockKind
from bot.people import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Found:
    """An item found in a sentence, before it is titled and dated."""

    owners: tuple[Person, ...]
    rule: str
    task: Token | None  # the verb the title is made from; None for a title from the text or context
    start: int = 0  # the first token a title may use
    asked: Candidate | None = None  # for an answer to a request, the sentence that asked


@dataclass
class Discourse:
    """What the text read so far says about the next sentence: who it was about, who is speaking."""

    block: int = -1
    section: str = ""
    subject: tuple[Person, ...] = ()  # of the last sentence with a subject: none after "We will ..."
    person: tuple[Person, ...] = ()  # the last person a sentence was about, for "he" and "she"
    speaker: tuple[Person, ...] = ()
    # Whose turn it is: the last speaker's label in this section. A turn goes on over paragraphs
    # without a label ("James: The write-up is here:", a link, "... My next step is to ping ...");
    # in a list each item is an utterance of its own, whose label the roster may not know.
    turn: tuple[Person, ...] = ()
    subject_here: bool = False  # the subject was set in the block being read
    thing: str = ""  # the object the last sentence of the block being read was about
    action: str = ""  # what the last sentence of the block being read said to do, as a title
    request: tuple[Candidate, Found] | None = None  # a question to someone, waiting for an answer
    asker: tuple[Person, ...] = ()  # who asked it
    items_in: dict[int, tuple[Person, ...]] = field(default_factory=dict)  # by block: its first item's owners
    # Whether the note's "Name: ..." lines mostly ask for something (a list of assignments) rather
    # than say what the speaker said (a transcript, where an imperative is advice to the room).
    labels_assign: bool = False
    topic: str = ""  # of the block being read
    asked_before: str = ""  # the last action a sentence said to do in this list, for the next item
    writer: tuple[Person, ...] = ()  # the note's author: the "I" where no one else is speaking

    def asks(self, action: str) -> None:
        """What the sentence just read said to do, as a title ("" for nothing)."""
        self.action = action
        self.asked_before = action or self.asked_before

    def enter(self, candidate: Candidate) -> None:
        sentence = candidate.sentence
        if sentence.block != self.block:
            # "may need to do it himself" in a reply does what an item before it in the same list
            # asked for, the last thing asked there.
            sibling = candidate.context.topic == self.topic and sentence.section == self.section
            self.asked_before = self.asked_before if sibling else ""
            self.speaker, self.subject_here, self.thing = (), False, ""
            self.action = self.asked_before
            if sentence.block - self.block > 1 or sentence.section != self.section:
                self.subject = self.person = ()
            if sentence.section != self.section or sentence.kind is not BlockKind.PARAGRAPH:
                self.turn = ()
        self.block, self.section, self.topic = sentence.block, sentence.section, candidate.context.topic
        if candidate.lead is not None and not candidate.lead.explicit and candidate.lead.people:
            self.speaker = self.turn = candidate.lead.people

    def found(self, found: list[Found]) -> None:
        """The sentence held items: a line nested under them is talk of them, and a sentence after
        them without a subject is about their owners."""
        if not found:
            return
        self.items_in.setdefault(self.block, found[0].owners)
        if not self.subject:
            self.subject = self.person = found[0].owners
            self.subject_here = True

    def carried(self, candidate: Candidate) -> tuple[Person, ...]:
        """Who a sentence without a subject is about: whom its action mark names ("Action on Mike
        will drive a review"), who is speaking, else whom this paragraph was about, else the person
        heading the list it is in, else whom the text before was about."""
        if candidate.lead is not None and candidate.lead.explicit and candidate.lead.people:
            return candidate.lead.people
        if self.speaker:
            return self.speaker
        if self.subject_here and self.subject:
            return self.subject
        return candidate.context.header or self.subject

    def remember_subject(self, doc: Doc, candidate: Candidate) -> None:
        """The person this sentence is about, for the sentences after it: the first subject that is
        a person ("It works, so he's not anticipating issues" is about him); a sentence whose main
        subject is no one ("We'll try Alpine") leaves no one to go on about."""
        for token in doc:
            if token.dep_ in ("nsubj", "nsubjpass"):
                people = self.people(token, candidate)
                if people:
                    self.subject = self.person = people
                    self.subject_here = True
                    return
        if first_subject(doc) is not None:
            self.subject, self.subject_here = (), True

    def owners(
        self, rule: Rule, nodes: dict[str, Token], candidate: Candidate, doc: Doc
    ) -> tuple[Person, ...]:
        """Who promised what a rule matched: its `owner` node, else the subject of its anchor, else,
        for a rule that carries, whom the text before was about."""
        if "owner" in nodes:
            return self.people(nodes["owner"], candidate)
        anchor = nodes[rule.anchor]
        subject = subject_of(anchor)
        carries = rule.carries and leaves_out_the_subject(doc, anchor)
        if subject is None and rule.carries and (before := earlier_clause_subject(anchor)) is not None:
            # "Dana has reviewed the fixes, so will tag the release too": the parser hangs the
            # clause with the subject off the promise; the sentence's subject is still Dana.
            return self.people(before, candidate) or self.carried(candidate)
        if subject is not None:
            people = self.people(subject, candidate)
            if not people and carries and subject.head.i != anchor.i:
                # The parser hung the verb off a clause about something else ("Has merged all
                # patches submitted and will check ..."); the sentence still has no subject of its own.
                return self.carried(candidate)
            return people
        return self.carried(candidate) if carries else ()

    def people(self, token: Token, candidate: Candidate) -> tuple[Person, ...]:
        """The people a subject or object token stands for."""
        lower = token.lower_
        if lower in words.FIRST_PERSON:
            # "I (Ricardo) will take it": the writer names themself.
            named = tuple(p for c in token.children if c.dep_ == "appos" and (p := candidate.person_at(c)))
            if named:
                return named
            # "@y I'll spend some time with that": a chat line opens with who writes it.
            opener = candidate.person_at(token.doc[token.i - 1]) if token.i == 1 else None
            if self.speaker:
                return self.speaker
            return (opener,) if opener else candidate.context.header or self.turn or self.writer
        if lower == "you":
            # "Lee, can you update the changelog?": whom the question addresses by name; it is a
            # promise only once answered.
            if not candidate.sentence.text.rstrip().endswith("?"):
                return ()
            return next(((p,) for t in token.doc[: token.i] if (p := candidate.person_at(t)) is not None), ())
        if lower in words.THIRD_PERSON:
            return self._pronoun_owner(token, candidate)
        if lower == "they":
            # "Lee and Dana said that they would draft it": the people whose words the clause gives,
            # by the nearest verb with a subject ("Ken & I posted feedback and the requester said they
            # would work on it" is the requester's). After one person's words ("Lee noted that they
            # will ...") it is as often a team or a company as the person.
            reporter = next(
                (s for a in token.ancestors if (s := subject_of(a)) is not None and s.i < token.i), None
            )
            if reporter is None or reporter.lower_ in words.THIRD_PERSON | {"they"}:
                return ()
            reporters = self.people(reporter, candidate)
            return reporters if len(reporters) > 1 else ()
        if lower == "who" and token.head.dep_ == "relcl" and token.i > 0 and token.nbor(-1).text == ",":
            # "Alex will follow up with Saurabh, who will send the email": whom the clause is about
            # (a name's clause has its comma; "SR who wants to take it" asks who).
            return self.people(token.head.head, candidate)
        people: list[Person] = []
        for part in (token, *conjuncts(token)):
            person = candidate.person_at(part)
            if person is not None:
                people.append(person)
            elif part.lower_ in ("i", "me") and part.i != token.i:
                people.extend(p for p in self.speaker if p not in people)  # "Alistair and I could try"
        # "Perhaps KofiM, Priya and Lee can": the parser may hang the first names off the verb.
        for left in token.lefts:
            if left.dep_ in ("compound", "nmod", "appos"):
                person = candidate.person_at(left)
                if person is not None:
                    people.insert(0, person)
        return tuple(dict.fromkeys(people))

    def _pronoun_owner(self, pronoun: Token, candidate: Candidate) -> tuple[Person, ...]:
        """Who "he"/"she" is: the subject of a verb governing it ("Priya mentioned that he'd"), or the
        label before a verb that leaves it out, else the person named last before it, else the person
        the text before was about."""
        lead = candidate.lead
        labelled = lead.people if lead is not None and not lead.explicit else ()
        for ancestor in pronoun.ancestors:
            subject = subject_of(ancestor)
            if subject is None and labelled and ancestor.i == 0 and ancestor.tag_ in ("VBZ", "VBD"):
                return labelled  # "Cody: Says he will start again": the label is whom it tells of
            if subject is not None and subject.i < pronoun.i and subject.lower_ not in words.THIRD_PERSON:
                people = self.people(subject, candidate)
                if people:
                    return people
        for token in reversed(list(pronoun.doc[: pronoun.i])):
            person = candidate.person_at(token)
            if person is not None:
                return (person,)
        return self.person or self.speaker


def labels_assign(chosen: list[Candidate], docs: list[Doc]) -> bool:
    """Whether at least half the note's labelled lines ask for something ("Lee: tag the release")."""
    asking = [
        request_from(doc, candidate.own_start) is not None
        for candidate, doc in zip(chosen, docs, strict=True)
        if candidate.lead is not None and candidate.lead.people and not candidate.lead.explicit
    ]
    return bool(asking) and 2 * sum(asking) >= len(asking)
