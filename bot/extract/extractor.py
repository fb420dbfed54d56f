"""Action items from a `Meeting`: who promised what, by when.

What counts as a promise is data: dependency patterns (`bot.extract.patterns`), line shapes
(`bot.extract.lines`) and the layout of the note (`bot.extract.structure`). This module only runs
them, in this order for each sentence (`bot.extract.candidates` chooses the sentences):
1. the line's own marks: "ACTION:", a speaker or owner label, the owner written after the task;
2. the promise patterns over the parse, minus what a veto pattern rules out, each owner found as its
   rule says (`bot.extract.discourse`: the subject, a node of the pattern, or whoever the text
   before was about);
3. when no pattern found an owner, the writer's structure: a marked action line, an owner after the
   task, a label before an imperative, an owner heading a list of actions.
Each item remembers the id of the rule that found it, so quality can be measured per rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.matcher import DependencyMatcher

from bot.extract import words
from bot.extract.candidates import AGREEMENT, PLACEHOLDER, Candidate, candidates
from bot.extract.discourse import Discourse, Found
from bot.extract.due import due_in, due_phrase, events_in
from bot.extract.grammar import (
    gerund,
    imperative,
    opens_in_the_past,
    opens_with_continuation,
    pleads,
    root,
    states_a_fact,
)
from bot.extract.patterns import RULES, VETOES, Pattern, Rule
from bot.extract.structure import block_contexts
from bot.extract.titles import (
    TitleContext,
    clean_topic,
    main_object,
    title_from,
    title_from_text,
    topic_title,
)
from bot.items import ActionItem, Owner, item_id, task_key
from bot.notes.meeting import Meeting
from bot.people import Person, Roster

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


_VETO = "veto:"
_ORDER = {rule.id: n for n, rule in enumerate(RULES)}


@dataclass
class _Reading:
    candidate: Candidate
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

    def extract(self, meeting: Meeting) -> list[ActionItem]:
        roster = self.roster.with_attendees(meeting.attendees)
        contexts = block_contexts(meeting.blocks, roster)
        chosen = list(candidates(meeting, roster, contexts))
        docs = self.nlp.pipe([c.text for c in chosen], batch_size=64)
        discourse = Discourse()
        readings: list[_Reading] = []
        for candidate, doc in zip(chosen, docs, strict=True):
            discourse.enter(candidate)
            previous = discourse.thing
            found = self._read(candidate, doc, discourse)
            if candidate.context.reported_done:
                found = []  # "- Lee to review the PR" with "  - approved" under it
            readings.append(_Reading(candidate, found, previous))
            discourse.thing = main_object(doc, _namer(candidate)) or discourse.thing
        topics = {(f.asked or r.candidate).context.topic for r in readings for f in r.found}
        return _items(meeting, readings, self.cadence, {t: self._topic_phrase(t) for t in topics})

    def _topic_phrase(self, topic: str) -> str:
        """A topic as the object of a title: "Confirm the list of Impact projects" (an item that is
        itself a request) is about "the list of Impact projects"."""
        cleaned = clean_topic(topic)
        if not cleaned:
            return ""
        doc = self.nlp(cleaned)
        head = root(doc)
        if head is None or head.tag_ != "VB" or head.i != 0:
            return cleaned
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is None:
            return cleaned
        return doc[obj.left_edge.i :].text.strip()

    # -- reading one sentence ---------------------------------------------------------------------

    def _read(self, candidate: Candidate, doc: Doc, discourse: Discourse) -> list[Found]:
        if candidate.owners_hint:
            return [Found(candidate.owners_hint, "table-row", imperative(doc))]
        request, discourse.request = discourse.request, None
        if request is not None and AGREEMENT.match(candidate.text):
            # "Lee, can you update the changelog?" answered "Sure, will do." by Lee (or by no label).
            asked, pending = request
            if set(discourse.speaker or pending.owners) == set(pending.owners):
                return [Found(pending.owners, "request-answered", pending.task, pending.start, asked)]
        matches, vetoed = self._match(doc)
        found: list[Found] = []
        for rule, nodes in matches:
            if _is_vetoed(rule, nodes, vetoed):
                continue
            owners = discourse.owners(rule, nodes, candidate, doc)
            if not owners or any(set(f.owners) == set(owners) for f in found):
                continue
            task = nodes.get("task", nodes["verb"]) if rule.id != "has-the-action" else None
            found.append(Found(owners, rule.id, task))
        discourse.remember_subject(doc, candidate)
        if candidate.sentence.text.rstrip().endswith("?"):
            if found:
                discourse.request = (candidate, found[0])
            return []
        found = found or self._structural(candidate, doc, discourse)
        discourse.found(found)
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

    def _structural(self, candidate: Candidate, doc: Doc, discourse: Discourse) -> list[Found]:
        """No promise in the words: what the writer marked says whose line it is."""
        context, lead, tail = candidate.context, candidate.lead, candidate.tail
        told = lead is not None and lead.shape == "label-bare" and opens_in_the_past(doc, candidate.own_start)
        if states_a_fact(doc) or told:
            return []
        verb = imperative(doc)
        # "Ines: Move the issues. Also consolidate them": a request going on in the same
        # paragraph is the same person's; in a list of actions it needs no "also".
        goes_on = context.actions or opens_with_continuation(doc)
        if verb is not None and discourse.item and lead is None and tail is None and goes_on:
            return [Found(discourse.item, "continued-request", verb)]
        owners: tuple[Person, ...] = ()
        rule = ""
        if lead is not None and lead.explicit:
            owners, rule = lead.people or (tail.people if tail else ()), "action-line"
        elif tail is not None and (context.actions or verb is not None):
            owners, rule = tail.people, "owner-after"
        elif lead is not None and lead.people and not context.agenda_topic:
            asks = verb is not None and verb.lemma_ not in words.REMARK_VERBS
            if asks and verb is not None and not pleads(doc, verb, candidate.own_start):
                owners, rule = lead.people, "label-imperative"
            elif context.actions:
                owners, rule = lead.people, "label-in-actions"
        elif context.header and context.actions and verb is not None:
            owners, rule = context.header, "owner-header"
        if not owners:
            return []
        return [Found(owners, rule, verb or gerund(doc), start=candidate.own_start)]


def _is_vetoed(rule: Rule, nodes: dict[str, Token], vetoed: dict[int, set[str]]) -> bool:
    targets = {nodes[rule.anchor].i, nodes.get("task", nodes[rule.anchor]).i}
    if "modal" in nodes:
        targets.add(nodes["modal"].i)
    return any(veto in vetoed.get(i, ()) for i in targets for veto in rule.vetoes)


# -- items ------------------------------------------------------------------------------------------


def _items(
    meeting: Meeting, readings: list[_Reading], cadence: dt.timedelta | None, topics: dict[str, str]
) -> list[ActionItem]:
    items: list[ActionItem] = []
    seen: dict[tuple[str, tuple[str, ...], str], int] = {}
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
            # The same task promised twice by the same people in one section is told apart by order.
            key = (sentence.section, tuple(sorted(o.name for o in owners)), task_key(title))
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            due = due_in(candidate.original, meeting.date, next_meeting, events)
            items.append(
                ActionItem(
                    id=item_id(meeting.path, sentence.section, owners, title, occurrence),
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
        start = max(found.start, candidate.own_start)
        due_span = due_phrase(found.task.doc.text, events)
        title = title_from(found.task, _namer(candidate), context, due_span, start)
        if title:
            return title
    if found.rule == "has-the-action":
        return topic_title(context)
    start, end = candidate.body
    return title_from_text(candidate.original[start:end]) or topic_title(context)
