"""Action items from a `Meeting`: who promised what, by when.

Sentences are parsed with spaCy; people are found with the roster. Before parsing, every mention of a
person is replaced by one plain given name, because the parser reads "ThomasL" or "Perhaps ThomasG,
Anil and Louis Gesbert can" far better as "Alex" than as the spelling in the notes.

What counts as a promise is data: dependency patterns (`bot.extract.patterns`), line shapes
(`bot.extract.lines`) and the layout of the note (`bot.extract.structure`). This module only runs
them, in this order for each sentence:
1. the line's own marks: "ACTION:", a speaker or owner label, the owner written after the task;
2. the promise patterns over the parse, minus what a veto pattern rules out, each owner found as its
   rule says (the subject, a node of the pattern, or whoever the text before was about);
3. when no pattern found an owner, the writer's structure: a marked action line, an owner after the
   task, a label before an imperative, an owner heading a list of actions.
Each item remembers the id of the rule that found it, so quality can be measured per rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.matcher import DependencyMatcher

from bot.blocks import Block, BlockKind
from bot.extract import lines, words
from bot.extract.due import due_in, due_phrase, events_in
from bot.extract.lines import Leading, Masked, Trailing
from bot.extract.patterns import RULES, VETOES, Pattern, Rule
from bot.extract.structure import BlockContext, block_contexts
from bot.extract.titles import (
    TitleContext,
    clean_topic,
    main_object,
    title_from,
    title_from_text,
    topic_title,
)
from bot.items import ActionItem, Owner, item_id
from bot.notes import Meeting, Sentence
from bot.people import Mention, Person, Roster

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from bot.config import Config

PLACEHOLDER = "Alex"
_VETO = "veto:"
_ORDER = {rule.id: n for n, rule in enumerate(RULES)}
MAX_WORDS = 80
# Who attends and who holds a role in the meeting: "Present: ...", "**Scribe:** Nadia".
_ROLL_LINE = re.compile(
    r"^\W*(?:attendees|attendance|present|participants|people present|in attendance|regrets|apologies|absent|"
    r"scribe|chair|note-?takers?|notes|minutes|facilitator|host|moderator|timekeeper)\b[^:]{0,20}:",
    re.IGNORECASE,
)
_NEXT_MEETING_LINE = re.compile(r"\bnext\s+(call|meeting|sync)\b.*\b(scheduled|planned|will be)\b", re.I)
_TYPOS = re.compile(r"\bwil\b")
# Status marks say the work is done: "(done)", "— done ✔", "DONE:", "[DONE]".
_DONE = re.compile(
    r"[✔✓☑✅]|\(\s*(?:done|completed|finished)\s*\)|[-–—]\s*(?:done|completed)\b|^\s*done\s*:|^\s*\[?DONE\b\]?",
    re.IGNORECASE,
)
# Who said it and when, as meeting bots append it: "(bart, 15:07:15)".
_ATTRIBUTION = re.compile(r"\(\s*[^()]*\b\d{1,2}:\d{2}(?::\d{2})?\s*\)\s*$")
_REFERS = re.compile(r"\b(he|she|i|i'll|i'm|i've|me)\b", re.IGNORECASE)
_AGREEMENT = re.compile(r"^\W*(?:" + "|".join(re.escape(w) for w in words.AGREEMENTS) + r")\b", re.IGNORECASE)
_OWNER_COLUMN = re.compile(r"\b(owner|who|assignee|assigned|responsible|person)\b", re.IGNORECASE)
_TASK_COLUMN = re.compile(r"\b(action|task|item|what|description)\b", re.IGNORECASE)
_DUE_COLUMN = re.compile(r"\b(due|when|deadline|by)\b", re.IGNORECASE)
_DONE_ROW = re.compile(r"~~|\b(done|completed|closed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A sentence to read: its marks taken off, its people replaced by the placeholder."""

    sentence: Sentence
    context: BlockContext
    text: str  # what is parsed
    people: dict[int, Mention]  # offset of each placeholder in `text` -> the mention it replaced
    original: str  # the sentence as a reader sees it
    body: tuple[int, int] = (0, 0)  # the part of `original` between its marks: the task's own words
    lead: Leading | None = None
    tail: Trailing | None = None
    owners_hint: tuple[Person, ...] = ()  # a table row's owner column
    imperative: bool = False  # parsed as "Please ...": the line may be a bare request


@dataclass
class Found:
    owners: tuple[Person, ...]
    rule: str
    task: Token | None  # the verb the title is made from; None for a title from the text or context
    start: int = 0  # the first token a title may use
    asked: Candidate | None = None  # for an answer to a request, the sentence that asked


@dataclass
class _Walk:
    """What the text read so far says about the next sentence: who it was about, who is speaking."""

    block: int = -1
    section: str = ""
    subject: tuple[Person, ...] = ()  # of the last sentence with a subject: none after "We will ..."
    person: tuple[Person, ...] = ()  # the last person a sentence was about, for "he" and "she"
    speaker: tuple[Person, ...] = ()
    subject_here: bool = False  # the subject was set in the block being read
    item: tuple[Person, ...] = ()  # owners of the last item of the block being read
    thing: str = ""  # the object the last sentence of the block being read was about
    request: tuple[Candidate, Found] | None = None  # a question to someone, waiting for an answer

    def enter(self, candidate: Candidate) -> None:
        sentence = candidate.sentence
        if sentence.block != self.block:
            self.speaker, self.item, self.subject_here, self.thing = (), (), False, ""
            if sentence.block - self.block > 1 or sentence.section != self.section:
                self.subject = self.person = ()
        self.block, self.section = sentence.block, sentence.section
        if candidate.lead is not None and not candidate.lead.explicit and candidate.lead.people:
            self.speaker = candidate.lead.people

    def first_person(self, candidate: Candidate) -> tuple[Person, ...]:
        return self.speaker or candidate.context.header

    def carried(self, candidate: Candidate) -> tuple[Person, ...]:
        """Who a sentence without a subject is about: who is speaking, else whom this paragraph
        was about, else the person heading the list it is in, else whom the text before was about."""
        if self.speaker:
            return self.speaker
        if self.subject_here and self.subject:
            return self.subject
        return candidate.context.header or self.subject


@dataclass
class _Reading:
    candidate: Candidate
    doc: Doc
    found: list[Found] = field(default_factory=list)
    previous: str = ""  # what the sentence before in the paragraph was about, for "it" and "this"


class Extractor:
    def __init__(self, nlp: Language, roster: Roster, cadence_days: int | None = None) -> None:
        self.nlp = nlp
        self.roster = roster
        self.cadence = dt.timedelta(days=cadence_days) if cadence_days else None
        # One matcher for promises and vetoes, so each parse is matched once; one key per pattern,
        # so a match says which pattern (and so which node is which) it is.
        self.matcher = DependencyMatcher(nlp.vocab)
        self.patterns: dict[str, tuple[Rule, Pattern]] = {}
        for rule in RULES:
            for number, pattern in enumerate(rule.patterns):
                key = f"{rule.id}#{number}"
                self.patterns[key] = (rule, pattern)
                self.matcher.add(key, [pattern])
        for veto, patterns in VETOES.items():
            self.matcher.add(f"{_VETO}{veto}", list(patterns))

    @classmethod
    def for_config(cls, nlp: Language, config: Config) -> Extractor:
        return cls(nlp, config.roster, config.meetings.every_days)

    def extract(self, meeting: Meeting) -> list[ActionItem]:
        roster = self.roster.with_attendees(meeting.attendees)
        contexts = block_contexts(meeting.blocks, roster)
        candidates = list(self._candidates(meeting, roster, contexts))
        docs = self.nlp.pipe([c.text for c in candidates], batch_size=64)
        walk = _Walk()
        readings: list[_Reading] = []
        for candidate, doc in zip(candidates, docs, strict=True):
            walk.enter(candidate)
            previous = walk.thing
            reading = _Reading(candidate, doc, self._read(candidate, doc, walk), previous)
            readings.append(reading)
            walk.thing = main_object(doc, _namer(candidate)) or walk.thing
        topics = {(f.asked or r.candidate).context.topic for r in readings for f in r.found}
        return _items(meeting, readings, self.cadence, {t: self._topic_phrase(t) for t in topics})

    def _topic_phrase(self, topic: str) -> str:
        """A topic as the object of a title: "Confirm the list of Impact projects" (an item that is
        itself a request) is about "the list of Impact projects"."""
        cleaned = clean_topic(topic)
        if not cleaned:
            return ""
        doc = self.nlp(cleaned)
        root = _root(doc)
        if root is None or root.tag_ != "VB" or root.i != 0:
            return cleaned
        obj = next((c for c in root.children if c.dep_ == "dobj"), None)
        if obj is None:
            return cleaned
        return doc[obj.left_edge.i :].text.strip()

    # -- which sentences are read -----------------------------------------------------------------

    def _candidates(
        self, meeting: Meeting, roster: Roster, contexts: list[BlockContext]
    ) -> Iterator[Candidate]:
        """Only sentences that name someone, or follow text about someone, can hold an item; only
        those are parsed."""
        by_block: dict[int, list[Sentence]] = {}
        for sentence in meeting.sentences:
            by_block.setdefault(sentence.block, []).append(sentence)
        named_before = False
        after_question = False
        for index, sentences in by_block.items():
            block, context = meeting.blocks[index], contexts[index]
            if block.checked is True or block.kind is BlockKind.HEADING:
                named_before = after_question = False
                continue
            if block.kind is BlockKind.ROW:
                yield from _row(block, sentences, roster, context)
                continue
            mentions = [roster.mentions(s.text) for s in sentences]
            names = any(mentions) or any(_REFERS.search(s.text) for s in sentences)
            follows = named_before or bool(context.header) or after_question
            named_before = names and index + 1 in by_block
            if not names and not follows:
                after_question = False
                continue
            for sentence, found in zip(sentences, mentions, strict=True):
                if _NEXT_MEETING_LINE.search(sentence.text) or _DONE.search(sentence.text):
                    continue
                if _ROLL_LINE.match(sentence.text):
                    continue
                if len(sentence.text.split()) > MAX_WORDS:
                    continue
                # A question to someone is read for the answer that may follow it ("Sure, will do").
                after_question = sentence.text.rstrip().endswith("?") and bool(found)
                yield _prepare(sentence, found, context)

    # -- reading one sentence ---------------------------------------------------------------------

    def _read(self, candidate: Candidate, doc: Doc, walk: _Walk) -> list[Found]:
        matches, vetoed = self._match(doc)
        found: list[Found] = []
        if candidate.owners_hint:
            return [Found(candidate.owners_hint, "table-row", _imperative(doc))]
        request, walk.request = walk.request, None
        if request is not None and _AGREEMENT.match(candidate.text):
            # "Lee, can you update the changelog?" answered "Sure, will do." by Lee (or by no label).
            asked, pending = request
            if set(walk.speaker or pending.owners) == set(pending.owners):
                return [Found(pending.owners, "request-answered", pending.task, pending.start, asked)]
        for rule, nodes in matches:
            if _is_vetoed(rule, nodes, vetoed):
                continue
            owners = self._owners(rule, nodes, candidate, doc, walk)
            if not owners or any(set(f.owners) == set(owners) for f in found):
                continue
            task = nodes.get("task", nodes["verb"]) if rule.id != "has-the-action" else None
            found.append(Found(owners, rule.id, task))
        self._remember_subject(doc, candidate, walk)
        if candidate.sentence.text.rstrip().endswith("?"):
            if found:
                walk.request = (candidate, found[0])
            return []
        if not found:
            found = self._structural(candidate, doc, walk)
        if found:
            walk.item = found[0].owners
            if not walk.subject:
                walk.subject = walk.person = found[0].owners
                walk.subject_here = True
        return found

    def _match(self, doc: Doc) -> tuple[list[tuple[Rule, dict[str, Token]]], dict[int, set[str]]]:
        """The promises the patterns find, earliest first (for one verb, the rule listed first), and
        the vetoes by the token they veto."""
        matches: list[tuple[Rule, dict[str, Token]]] = []
        vetoed: dict[int, set[str]] = {}
        for match_id, token_ids in self.matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            if key.startswith(_VETO):
                vetoed.setdefault(token_ids[0], set()).add(key[len(_VETO) :])
                continue
            rule, pattern = self.patterns[key]
            nodes = {node["RIGHT_ID"]: doc[i] for node, i in zip(pattern, token_ids, strict=True)}
            matches.append((rule, nodes))
        matches.sort(key=lambda m: (m[1].get("task", m[1]["verb"]).i, _ORDER[m[0].id]))
        return matches, vetoed

    def _structural(self, candidate: Candidate, doc: Doc, walk: _Walk) -> list[Found]:
        """No promise in the words: what the writer marked says whose line it is."""
        context, lead, tail = candidate.context, candidate.lead, candidate.tail
        if _states_a_fact(doc):
            return []
        verb = _imperative(doc)
        # "Isabela: Move the issues. Also consolidate them": a request going on in the same
        # paragraph is the same person's; in a list of actions it needs no "also".
        goes_on = context.actions or _opens_with_continuation(doc)
        if verb is not None and walk.item and lead is None and tail is None and goes_on:
            return [Found(walk.item, "continued-request", verb)]
        owners: tuple[Person, ...] = ()
        rule = ""
        if lead is not None and lead.explicit:
            owners, rule = lead.people or (tail.people if tail else ()), "action-line"
        elif tail is not None and (context.actions or verb is not None):
            owners, rule = tail.people, "owner-after"
        elif lead is not None and lead.people and not context.agenda_topic:
            asks = verb is not None and verb.lemma_ not in words.REMARK_VERBS
            if asks and verb is not None and not _pleads(candidate, doc, verb):
                owners, rule = lead.people, "label-imperative"
            elif context.actions:
                owners, rule = lead.people, "label-in-actions"
        elif context.header and context.actions and verb is not None:
            owners, rule = context.header, "owner-header"
        if not owners:
            return []
        return [Found(owners, rule, verb or _gerund(doc), start=1 if candidate.imperative else 0)]

    def _remember_subject(self, doc: Doc, candidate: Candidate, walk: _Walk) -> None:
        """The person this sentence is about, for the sentences after it: the first subject that is
        a person ("It works, so he's not anticipating issues" is about him); a sentence whose main
        subject is no one ("We'll try Alpine") leaves no one to go on about."""
        for token in doc:
            if token.dep_ in ("nsubj", "nsubjpass"):
                people = self._people(token, candidate, walk)
                if people:
                    walk.subject = walk.person = people
                    walk.subject_here = True
                    return
        if _first_subject(doc) is not None:
            walk.subject, walk.subject_here = (), True

    # -- owners -----------------------------------------------------------------------------------

    def _owners(
        self, rule: Rule, nodes: dict[str, Token], candidate: Candidate, doc: Doc, walk: _Walk
    ) -> tuple[Person, ...]:
        if "owner" in nodes:
            return self._people(nodes["owner"], candidate, walk)
        anchor = nodes[rule.anchor]
        subject = _subject(anchor)
        carries = rule.carries and _starts_with_verb(doc, candidate) and _agrees_with_one_person(anchor)
        if subject is not None:
            people = self._people(subject, candidate, walk)
            if not people and carries and subject.head.i != anchor.i:
                # The parser hung the verb off a clause about something else ("Has merged all
                # patches submitted and will check ..."); the sentence still has no subject of its own.
                return walk.carried(candidate)
            return people
        return walk.carried(candidate) if carries else ()

    def _people(self, token: Token, candidate: Candidate, walk: _Walk) -> tuple[Person, ...]:
        lower = token.lower_
        if lower in words.FIRST_PERSON:
            return walk.first_person(candidate)
        if lower == "you":
            # "Lee, can you update the changelog?": whom the question addresses by name; it is a
            # promise only once answered.
            if not candidate.sentence.text.rstrip().endswith("?"):
                return ()
            return next(((p,) for t in token.doc[: token.i] if (p := _person(t, candidate)) is not None), ())
        if lower in words.THIRD_PERSON:
            return self._pronoun_owner(token, candidate, walk)
        people: list[Person] = []
        for part in (token, *_conjuncts(token)):
            person = _person(part, candidate)
            if person is not None:
                people.append(person)
        # "Perhaps ThomasG, Anil and Louis can": the parser may hang the first names off the verb.
        for left in token.lefts:
            if left.dep_ in ("compound", "nmod", "appos"):
                person = _person(left, candidate)
                if person is not None:
                    people.insert(0, person)
        return tuple(dict.fromkeys(people))

    def _pronoun_owner(self, pronoun: Token, candidate: Candidate, walk: _Walk) -> tuple[Person, ...]:
        """Who "he"/"she" is: the subject of a verb governing it ("Anil mentioned that he'd"), else
        the person named last before it, else the person the text before was about."""
        for ancestor in pronoun.ancestors:
            subject = _subject(ancestor)
            if subject is not None and subject.i < pronoun.i and subject.lower_ not in words.THIRD_PERSON:
                people = self._people(subject, candidate, walk)
                if people:
                    return people
        for token in reversed(list(pronoun.doc[: pronoun.i])):
            person = _person(token, candidate)
            if person is not None:
                return (person,)
        return walk.person or walk.speaker


# -- preparing a sentence ---------------------------------------------------------------------------


def _prepare(sentence: Sentence, mentions: Sequence[Mention], context: BlockContext) -> Candidate:
    original = _ATTRIBUTION.sub("", sentence.text).rstrip()
    mentions = [m for m in mentions if m.end <= len(original)]
    line = Masked.of(original, mentions)
    lead = lines.leading(line)
    tail = lines.trailing(line, sentence.source)
    start = lead.end if lead is not None else 0
    end = tail.start if tail is not None and tail.start > start else len(original)
    body = [m for m in mentions if m.start >= start and m.end <= end]
    text, people = _with_placeholders(original, body, start, end)
    text = _TYPOS.sub("will", text)
    imperative = _may_be_request(text, lead, tail, context)
    if imperative:
        # Out of context the parser takes "Review Max's PR" for a noun phrase; as a request
        # ("Please review ...") it reads the verb it is.
        text = "Please " + text[:1].lower() + text[1:]
        people = {offset + len("Please "): mention for offset, mention in people.items()}
    return Candidate(
        sentence, context, text, people, original, (start, end), lead, tail, imperative=imperative
    )


def _may_be_request(text: str, lead: Leading | None, tail: Trailing | None, context: BlockContext) -> bool:
    """A line the writer marked as a task: an action line, an owner after it, a line in a list of
    actions. A label alone ("Jory: Effort to adapt ...") is not enough: the line is read as written."""
    marked = (lead is not None and lead.explicit) or tail is not None or context.actions
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return marked and first != PLACEHOLDER and first.lower() not in _NOT_IMPERATIVE


_NOT_IMPERATIVE = frozenset(
    {
        "i",
        "we",
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
        "will",
        "can",
        "could",
        "should",
        "would",
        "the",
        "a",
    }
)


def _with_placeholders(
    original: str, mentions: Sequence[Mention], start: int, end: int
) -> tuple[str, dict[int, Mention]]:
    parts: list[str] = []
    people: dict[int, Mention] = {}
    position, length = start, 0
    for mention in mentions:
        piece = original[position : mention.start]
        parts.append(piece)
        length += len(piece)
        people[length] = mention
        # "Sam'll": the tokenizer splits "'ll" off known words only.
        placeholder = PLACEHOLDER + (" " if re.match(r"'(ll|d)\b", original[mention.end :]) else "")
        parts.append(placeholder)
        length += len(placeholder)
        position = mention.end
    parts.append(original[position:end])
    text = "".join(parts)
    stripped = text.lstrip()
    shift = len(text) - len(stripped)
    return stripped.rstrip(), {offset - shift: m for offset, m in people.items()}


def _without_label(text: str, mentions: Sequence[Mention]) -> str:
    lead = lines.leading(Masked.of(text, mentions))
    return text[lead.end :] if lead is not None else text


def _row(
    block: Block, sentences: list[Sentence], roster: Roster, context: BlockContext
) -> Iterator[Candidate]:
    """A table row of an action-item table: the owner column names people, another the task."""
    header = [h.lower() for h in block.header]
    owner_col = next((i for i, h in enumerate(header) if _OWNER_COLUMN.search(h)), None)
    task_col = next((i for i, h in enumerate(header) if _TASK_COLUMN.search(h)), None)
    if owner_col is None or task_col is None or _DONE_ROW.search(block.text):
        return
    cells = list(block.cells) + [""] * len(header)
    owners = tuple(m.person for m in roster.mentions(cells[owner_col]))
    if not owners or not sentences:
        return
    due_col = next((i for i, h in enumerate(header) if _DUE_COLUMN.search(h)), None)
    task = cells[task_col]
    text = f"{task} (due {cells[due_col]})" if due_col is not None and cells[due_col].strip() else task
    sentence = Sentence(text, block.line, block.section, sentences[0].block, block.kind, None)
    parsed = "Please " + task[:1].lower() + task[1:]
    yield Candidate(sentence, context, parsed, {}, text, (0, len(task)), owners_hint=owners, imperative=True)


# -- reading the parse ------------------------------------------------------------------------------


def _is_vetoed(rule: Rule, nodes: dict[str, Token], vetoed: dict[int, set[str]]) -> bool:
    targets = {nodes[rule.anchor].i, nodes.get("task", nodes[rule.anchor]).i}
    if "modal" in nodes:
        targets.add(nodes["modal"].i)
    return any(veto in vetoed.get(i, ()) for i in targets for veto in rule.vetoes)


def _person(token: Token, candidate: Candidate) -> Person | None:
    mention = candidate.people.get(token.idx)
    return mention.person if mention is not None and token.text == PLACEHOLDER else None


def _conjuncts(token: Token) -> Iterable[Token]:
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, shared along coordinated verbs ("JonL has agreed ... and will add")."""
    current: Token | None = verb
    while current is not None:
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                return child if child.dep_ != "expl" else None
            if child.dep_ == "csubj":
                # "Robin going through LF training will report back": Robin is who reports.
                inner = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if inner is not None:
                    return inner
        if current.dep_ in ("conj", "xcomp", "dep", "advcl", "acomp") and current.head.i != current.i:
            current = current.head
        else:
            current = None
    return None


def _agrees_with_one_person(verb: Token) -> bool:
    """ "Will do it", "Needs to follow up" go on about the person before; "Need to dig into" (we, I)
    and "Had to pin" (done) do not."""
    finite = [
        c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBZ", "VBD", "VBP")
    ]
    tag = finite[0].tag_ if finite else verb.tag_
    return tag in ("MD", "VBZ")


def _first_subject(doc: Doc) -> Token | None:
    root = _root(doc)
    return _subject(root) if root is not None else None


def _root(doc: Doc) -> Token | None:
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def _is_verb(token: Token | None) -> bool:
    return token is not None and token.tag_.startswith("VB")


def _imperative(doc: Doc) -> Token | None:
    """The verb of a bare request ("Review the PR", "Please review the PR"), if the sentence is one."""
    tokens = [
        t for t in doc if not t.is_punct and t.lower_ != "please" and t.lower_ not in words.CONTINUATIONS
    ]
    if not tokens:
        return None
    first = tokens[0]
    if first.tag_ != "VB" or first.dep_ in ("aux", "auxpass") or first.lemma_ in words.NOT_ACTIONS:
        return None  # "Have seen an issue": a perfect, not a request; "Need to dig into": a need
    if first.dep_ not in ("ROOT", "conj"):
        return None  # the parser did not read the line as a request; its words are the title
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        return None
    return first


def _pleads(candidate: Candidate, doc: Doc, verb: Token) -> bool:
    """ "JB: also please help get the word out": the speaker asks the room, not themselves."""
    own = 1 if candidate.imperative else 0  # the "Please" put there to parse a bare request
    return any(t.lower_ == "please" for t in doc[own : verb.i])


def _gerund(doc: Doc) -> Token | None:
    """ "Dave: fixing the ring query": said as progress, titled as the task ("Fix the ring query")."""
    first = next((t for t in doc if not t.is_punct and t.lower_ != "please"), None)
    return first if first is not None and first.tag_ == "VBG" and first.dep_ in ("ROOT", "xcomp") else None


def _opens_with_continuation(doc: Doc) -> bool:
    first = next((t for t in doc if not t.is_punct and t.lower_ != "please"), None)
    return first is not None and first.lower_ in words.CONTINUATIONS


def _states_a_fact(doc: Doc) -> bool:
    """ "Seun has read the first half", "Actually just took another look": a report, even in a list
    of actions."""
    root = _root(doc)
    if root is None or root.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    if root.tag_ == "VBD" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


def _starts_with_verb(doc: Doc, candidate: Candidate) -> bool:
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


# -- items ------------------------------------------------------------------------------------------


def _items(
    meeting: Meeting, readings: list[_Reading], cadence: dt.timedelta | None, topics: dict[str, str]
) -> list[ActionItem]:
    items: list[ActionItem] = []
    seen: dict[tuple[str, str, tuple[str, ...], str], int] = {}
    # "next call" is the meeting the note announces, else the team's cadence from this one.
    next_meeting = meeting.next_meeting or (meeting.date + cadence if cadence else None)
    events = events_in((s.text for s in meeting.sentences), meeting.date)
    for reading in readings:
        for found in reading.found:
            candidate = found.asked or reading.candidate
            sentence = candidate.sentence
            context = TitleContext(topics[candidate.context.topic], reading.previous)
            title = _title(candidate, found, context, events)
            if not title:
                continue
            owners = tuple(Owner(p.name, p.github) for p in found.owners)
            verb = found.task.lemma_.lower() if found.task is not None else title.split()[0].lower()
            key = (meeting.date.isoformat(), sentence.section, tuple(sorted(o.name for o in owners)), verb)
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            due = due_in(candidate.original, meeting.date, next_meeting, events)
            items.append(
                ActionItem(
                    id=item_id(meeting.date, sentence.section, owners, verb, occurrence),
                    note=meeting.path,
                    meeting_date=meeting.date,
                    line=sentence.line,
                    text=sentence.quote,
                    owners=owners,
                    task=title,
                    due=due.date if due else None,
                    section=sentence.section,
                    rule=found.rule,
                )
            )
    return items


def _namer(candidate: Candidate) -> Callable[[Token], str | None]:
    """How a placeholder in the parse is written in the note: titles name people as the note does."""

    def name_of(token: Token) -> str | None:
        mention = candidate.people.get(token.idx)
        if mention is None or token.text != PLACEHOLDER:
            return None
        return candidate.original[mention.start : mention.end].lstrip("@")

    return name_of


def _title(candidate: Candidate, found: Found, context: TitleContext, events: dict[str, dt.date]) -> str:
    if found.task is not None:
        start = max(found.start, 1 if candidate.imperative else 0)
        due_span = due_phrase(found.task.doc.text, events)
        title = title_from(found.task, _namer(candidate), context, due_span, start)
        if title:
            return title
    if found.rule == "has-the-action":
        return topic_title(context)
    start, end = candidate.body
    return title_from_text(candidate.original[start:end]) or topic_title(context)
