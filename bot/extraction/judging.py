"""The learned decision's side of reading a sentence: each person who may own something in it
(named in it, its speaker, the owner its layout gives), the evidence for them
(`bot.extraction.evidence`), and whether they own an item: where a rule is exact (a marked action, a
veto, a question) it decides, else the decision (`bot.extraction.decision`) weighs the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.extraction.candidates import PLACEHOLDER, Candidate
from bot.extraction.decision import Decision
from bot.extraction.discourse import Discourse, Found
from bot.extraction.evidence import Option, evidence, read_sentence
from bot.extraction.grammar import first_subject, gerund, imperative
from bot.people import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Judged:
    """A person who may own an item in a sentence, with the evidence for it."""

    option: Option
    features: dict[str, float]
    task: Token | None  # the verb the person's part of the sentence hangs on, for a title
    asked: Candidate | None = None  # an answer's request: the sentence the item quotes


def options_before(candidate: Candidate, discourse: Discourse) -> dict[Person, Option]:
    """Who may own something in the sentence, as far as the text before and the layout tell."""
    options: dict[Person, Option] = {}

    def add(people: tuple[Person, ...], source: str) -> None:
        for person in people:
            options.setdefault(person, Option(person)).sources.add(source)

    add(tuple(m.person for m in candidate.people.values()), "mention")
    if candidate.lead is not None:
        add(candidate.lead.people, "lead-explicit" if candidate.lead.explicit else "lead")
    if candidate.tail is not None:
        add(candidate.tail.people, "tail")
    add(candidate.context.header, "header")
    add(candidate.owners_hint, "row")
    add(discourse.speaker, "speaker")
    add(discourse.carried(candidate), "carried")
    return options


def judge(
    candidate: Candidate,
    doc: Doc,
    options: dict[Person, Option],
    trace: list[tuple[str, tuple[Person, ...]]],
    found: list[Found],
) -> list[Judged]:
    asked: dict[Person, Candidate] = {}
    for source, people in trace:
        for person in people:
            options.setdefault(person, Option(person)).sources.add(source)
    for item in found:
        for person in item.owners:
            options.setdefault(person, Option(person)).sources.add(f"found:{item.rule}")
            if item.asked is not None:
                asked[person] = item.asked
    rivals = frozenset(p for item in found for p in item.owners)
    subject = first_subject(doc)
    # Whom the text before was about, or the person heading the list, owns nothing in a sentence
    # with a subject of its own ("GitHub will also render notebooks").
    own_subject = subject is not None and subject.tag_ not in ("PRP", "EX") and subject.text != PLACEHOLDER
    sentence = read_sentence(candidate, doc)
    judged = []
    for person, option in options.items():
        if own_subject and option.sources <= {"carried", "header"}:
            continue
        task = next((f.task for f in found if person in f.owners and f.task is not None), None)
        judged.append(
            Judged(
                option,
                evidence(sentence, option, rivals),
                task or _task_of(person, candidate, doc),
                asked.get(person),
            )
        )
    return judged


def _task_of(person: Person, candidate: Candidate, doc: Doc) -> Token | None:
    """The verb a person's part of the sentence hangs on: what they are the subject of, else the
    request the line makes."""
    for token in doc:
        if candidate.person_at(token) != person or token.dep_ not in ("nsubj", "nsubjpass", "conj"):
            continue
        head = token.head
        while head.dep_ == "conj" and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            xcomp = next((c for c in head.children if c.dep_ == "xcomp"), None)
            return xcomp if xcomp is not None and head.lemma_ in _LIGHT_HEADS else head
    return imperative(doc) or gerund(doc)


_LIGHT_HEADS = frozenset({"be", "go", "have", "need", "want", "plan", "agree", "offer", "volunteer", "try"})


_CONTEXT_ONLY = frozenset({"carried", "header"})
_NOT_PROMISES = ("verb-class=not-action", "verb-aux=may", "verb-aux=might", "verb-perfect")
# Where a rule is exact, it decides: what the writer marked as an action, and the vetoes.
_MARKED = frozenset({"found:action-line", "found:table-row", "found:request-answered"})


def _overridden(judged: Judged) -> bool | None:
    """True or False where an exact rule decides for the person; None leaves it to the decision."""
    sources, features = judged.option.sources, judged.features
    if sources & _MARKED:
        return True
    found = any(s.startswith("found:") for s in sources)
    if found:
        return None
    # Whom the text before was about, or the heading names, with no rule finding them: in every
    # community's notes such lines are reports and topics far more often than promises.
    if sources <= _CONTEXT_ONLY:
        return False
    # Someone a request is about is not who it asks: "Add Lee to the channel".
    if sources == {"mention"} and features.get("request-object"):
        return False
    vetoed = any(s.startswith("veto:") for s in sources)
    # An unanswered question, a line struck through or reported done, a promise a veto undoes, a
    # state rather than an act ("will be away"), a possibility ("might try"), a report ("has been
    # looking").
    if vetoed or features.get("question") or features.get("struck") or features.get("reported-done"):
        return False
    if any(features.get(name) for name in _NOT_PROMISES):
        return False
    # A report of the person's own: "Yuki wrote the issue", "Lena is working through the backlog",
    # "Ines has a draft"; present tense promises only with a verb of commitment ("Zach volunteers").
    reported = features.get("own-mood=past") or features.get("own-mood=progressive")
    # Someone named by the layout alone (a label, a heading) is reported on by a sentence in the past.
    unnamed = features.get("own-mood=unnamed")
    reported = reported or (unnamed and (features.get("mood=past") or features.get("mood=progressive")))
    if reported or (features.get("own-mood=present") and not features.get("verb-class=commit")):
        return False
    return None


def left_to_the_decision(judged: Judged) -> bool:
    """Whether the decision judges the person, no exact rule deciding for it."""
    return _overridden(judged) is None


def accepts(judged: Judged, decision: Decision) -> bool:
    """Whether the person owns an item in the sentence, by the exact rules or else `decision`."""
    exact = _overridden(judged)
    if exact is not None:
        return exact
    probability = decision.probability(judged.features)
    # What a rule found needs less from the decision than what only the evidence suggests.
    found = any(s.startswith("found:") for s in judged.option.sources)
    return probability >= (decision.threshold * FOUND_FACTOR if found else decision.threshold)


FOUND_FACTOR = 0.75


def decided(found: list[Found], options: list[Judged], start: int, decision: Decision) -> list[Found]:
    """A sentence's items as the decision has them: the rules' items (`found`) keep the owners it
    accepts; people it accepts that no rule found get an item of their own, whose words start at
    `start`."""
    accepted = [j for j in options if accepts(j, decision)]
    people = {j.option.person for j in accepted}
    kept_items: list[Found] = []
    covered: set[Person] = set()
    for item in found:
        kept = tuple(p for p in item.owners if p in people)
        if kept:
            kept_items.append(Found(kept, item.rule, item.task, item.start, item.asked))
            covered.update(kept)
    rest = [j for j in accepted if j.option.person not in covered]
    by_task: dict[tuple[int | None, int | None], list[Judged]] = {}
    for judged in rest:
        key = (judged.task.i if judged.task is not None else None, id(judged.asked) if judged.asked else None)
        by_task.setdefault(key, []).append(judged)
    for group in by_task.values():
        owners = tuple(j.option.person for j in group)
        first = group[0]
        kept_items.append(Found(owners, "learned", first.task, start, first.asked))
    return kept_items
