"""Action items from a `Meeting`: who promised what, by when.

What counts as a promise is data: dependency patterns (`bot.extraction.patterns`), line shapes
(`bot.extraction.lines`) and the layout of the note (`bot.extraction.structure`). This module only runs
them, in this order for each sentence (`bot.extraction.candidates` chooses the sentences):
1. the line's own marks: "ACTION:", a speaker or owner label, the owner written after the task;
2. the promise patterns over the parse, minus what a veto (`bot.extraction.vetoes`) rules out
   (`bot.extraction.promises` runs both), each owner found as its rule says
   (`bot.extraction.discourse`), and the "Lee to V" the parser lost (`bot.extraction.surface`);
3. when no pattern found an owner, the writer's structure: a marked action line, an owner after the
   task, a label before an imperative, an owner heading a list of actions.
Each item remembers the id of the rule that found it, so quality can be measured per rule. Then
each person who may own something in the sentence is judged (`bot.extraction.judging`): the
decision keeps the rules' owners it accepts and adds the people it accepts that no rule found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.action_item import ActionItem, Owner, item_id, task_key
from bot.extraction import asides, surface, words
from bot.extraction.candidates import AGREEMENT, PLACEHOLDER, Candidate, candidates
from bot.extraction.decision import Decision
from bot.extraction.discourse import Discourse, Found, labels_assign
from bot.extraction.due import due_beside, due_in, due_phrase, events_in
from bot.extraction.grammar import (
    asks_who,
    gerund,
    imperative,
    is_to_do,
    lets_self,
    opens_telling,
    pleads,
    root,
    subject_of,
    who_will,
)
from bot.extraction.judging import Judged, decided, judge, options_before
from bot.extraction.lexicon import lexicon
from bot.extraction.lines import NAMES, PRESENTER, Masked, is_only_names
from bot.extraction.patterns import RULES
from bot.extraction.promises import PromiseMatcher, vetoes_of
from bot.extraction.restated import merged
from bot.extraction.structure import block_contexts
from bot.extraction.titles import (
    TitleContext,
    clean_topic,
    main_action,
    main_object,
    owners_aside,
    title_from,
    title_from_text,
    topic_title,
    with_reference,
)
from bot.extraction.trimming import finish
from bot.extraction.unlisted import owner_names
from bot.notes.blocks import BlockKind
from bot.notes.meeting import Meeting
from bot.people import Person, Roster

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


# Items whose words do not say what is to be done: "Priya has this action", "Folks with time to review: Lee".
_BY_CONTEXT = frozenset({*(rule.id for rule in RULES if rule.task_from_context), "volunteer-list"})


@dataclass
class Reading:
    candidate: Candidate
    found: list[Found] = field(default_factory=list)
    previous: str = ""  # what the sentence before in the paragraph was about, for "it" and "this"
    options: list[Judged] = field(default_factory=list)
    asked: str = ""  # what the sentence just before said to do, for "will do"


class Extractor:
    def __init__(
        self,
        nlp: Language,
        roster: Roster,
        cadence_days: int | None = None,
        decision: Decision | None = None,
        *,
        rules_only: bool = False,
    ) -> None:
        """`decision` judges every person of every sentence read (the shipped one unless given);
        with `rules_only`, the rules decide alone."""
        self.nlp = nlp
        self.roster = roster
        self.decision = None if rules_only else decision or Decision.shipped()
        self.cadence = dt.timedelta(days=cadence_days) if cadence_days else None
        self.lexicon = lexicon(nlp)
        self.matcher = PromiseMatcher(nlp.vocab)

    def extract(self, meeting: Meeting) -> list[ActionItem]:
        return self.items(meeting, self.readings(meeting), self.decision)

    def items(self, meeting: Meeting, readings: list[Reading], decision: Decision | None) -> list[ActionItem]:
        """The items of the sentences read: those the decision accepts, else those the rules found."""
        if decision is not None:
            readings = [_decided(r, decision) for r in readings]
        topics = {(f.asked or r.candidate).context.topic for r in readings for f in r.found}
        roster = self.roster.with_attendees(meeting.attendees)
        phrases = {t: self._topic_phrase(_unlabelled(t, roster), roster) for t in topics}
        items = _items(meeting, readings, self.cadence, phrases)
        listed = {r.candidate.sentence.line for r in readings if r.candidate.context.actions}
        return merged(items, listed, self.lexicon.verbs)

    def readings(self, meeting: Meeting) -> list[Reading]:
        """Every sentence read: what the rules found in it, and each person who may own something
        in it with the evidence for them."""
        roster = self.meeting_roster(meeting)
        contexts = block_contexts(meeting.blocks, roster)
        chosen = list(candidates(meeting, roster, contexts))
        docs = list(self.nlp.pipe([c.text for c in chosen], batch_size=64))
        writer = tuple(p for name in meeting.authors if (p := roster.person(name)) is not None)
        discourse = Discourse(labels_assign=labels_assign(chosen, docs), writer=writer)
        readings: list[Reading] = []
        for candidate, doc in zip(chosen, docs, strict=True):
            discourse.enter(candidate)
            previous, asked = discourse.thing, discourse.action
            options = options_before(candidate, discourse)
            trace: list[tuple[str, tuple[Person, ...]]] = []
            found = self._read(candidate, doc, discourse, trace)
            if candidate.context.reported_done:
                found = []  # "- Lee to review the PR" with "  - approved" under it
            judged = judge(candidate, doc, options, trace, found)
            readings.append(Reading(candidate, found, previous, judged, asked))
            discourse.thing = main_object(doc, _namer(candidate)) or discourse.thing
            discourse.asks(main_action(doc, _namer(candidate)))
        return readings

    def meeting_roster(self, meeting: Meeting) -> Roster:
        """Who may own items in the note: the config's people, its attendees, and the names it gives
        owners that neither lists (`bot.extraction.unlisted`)."""
        roster = self.roster.with_attendees(meeting.attendees)
        names = owner_names(meeting, roster, self.lexicon)
        sources = (line.source for block in meeting.blocks for line in block.lines)
        return roster.with_unlisted(names, roster.attending(meeting.attendees)).with_code(sources)

    def _topic_phrase(self, topic: str, roster: Roster) -> str:
        """A topic as the object of a title: "Confirm the list of Impact projects" (an item that is
        itself a request) is about "the list of Impact projects"; "Josh" is about no thing."""
        # "Ryan A: v3 spec status" is about the spec's status; "Josh: leads to a question" is
        # something Josh said, about no one thing.
        cleaned = clean_topic(topic)
        said = _SPEAKER.match(Masked.of(cleaned, roster.mentions(cleaned)).text)
        cleaned = clean_topic(cleaned[said.end() :]) if said else cleaned
        if not cleaned or _names_people(cleaned, roster) or _names_people(topic.partition(":")[2], roster):
            return ""
        doc = self.nlp(cleaned)
        head = root(doc)
        if said and head is not None and head.pos_ in ("VERB", "AUX"):
            return ""
        if head is None or head.tag_ != "VB" or head.i != 0:
            return cleaned
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is None:
            return cleaned
        return doc[obj.left_edge.i :].text.strip()

    # -- reading one sentence ---------------------------------------------------------------------

    def _read(
        self,
        candidate: Candidate,
        doc: Doc,
        discourse: Discourse,
        trace: list[tuple[str, tuple[Person, ...]]],
    ) -> list[Found]:
        """The rules' items in the sentence; `trace` gets every owner a rule or veto pointed at."""
        if candidate.owners_hint:
            return [Found(candidate.owners_hint, candidate.hinted_by, imperative(doc))]
        answer = _answer(candidate, discourse)
        if answer is not None:
            return [answer]
        matches, vetoed = self.matcher(doc)
        if candidate.tail is not None and candidate.tail.people and imperative(doc) is not None:
            # "Connect Patrick with Ry to figure out a plan (Todd)": a request whose owner follows
            # it; the people inside it are what it is about, whatever their words promise.
            matches, said = [], []
        else:
            said = surface.named_to(candidate, doc, self.lexicon.verbs, self.roster.people)
        # A veto holds for whoever the vetoed verb is about, whether or not a promise rule matched it.
        for index, names in vetoed.items():
            people = _people_of_verb(doc[index], candidate)
            trace.extend((f"veto:{name}", people) for name in sorted(names))
        found: list[Found] = []
        to_you: Found | None = None  # a request to whoever is addressed, not named
        for rule, nodes in matches:
            owners = discourse.owners(rule, nodes, candidate, doc)
            task = None if rule.task_from_context else nodes.get("task", nodes["verb"])
            subject = subject_of(nodes[rule.anchor])
            if not owners and subject is not None and subject.lower_ == "you" and to_you is None:
                to_you = Found((), rule.id, task)
            trace.append((f"rule:{rule.id}", owners))
            vetoes = vetoes_of(rule, nodes, vetoed)
            trace.extend((f"veto:{veto}", owners) for veto in vetoes)
            if vetoes:
                continue
            if not owners or any(set(f.owners) == set(owners) for f in found):
                continue
            found.append(Found(owners, rule.id, task))
        for owners, verb in said:  # what the parser lost of "Lee to V", unless a veto holds it
            if verb.i not in vetoed and not any(set(owners) & set(f.owners) for f in found):
                trace.append(("rule:to", owners))
                found.append(Found(owners, "to", verb))
        discourse.remember_subject(doc, candidate)
        if candidate.sentence.text.rstrip().endswith("?"):
            waiting = found[0] if found else to_you
            if waiting is not None and (found or discourse.speaker):
                discourse.request, discourse.asker = (candidate, waiting), discourse.speaker
            return []
        if found and _marked_for_someone_else(candidate, found):
            # "AI @sam: open an issue (Dana will send a table)": the mark's owner has the request;
            # a promise inside it is one more item.
            found = [*self._structural(candidate, doc, discourse), *found]
        found = found or self._structural(candidate, doc, discourse)
        discourse.found(found)
        return found

    def _structural(self, candidate: Candidate, doc: Doc, discourse: Discourse) -> list[Found]:
        """No promise in the words: what the writer marked says whose line it is."""
        context, lead, tail = candidate.context, candidate.lead, candidate.tail
        if asides.names_a_role(candidate):
            return []
        opening = surface.opening_owners(candidate, self.lexicon.verbs) if not (lead or tail) else ()
        if asides.reported(candidate, doc, opening, self.roster.people):
            return []
        # Not "Berthold Gunreben, SUSE (BG)", where the tagger's verb is a company's name, nor "add
        # links to:", which leads a list.
        verb = imperative(doc) if not doc.text.rstrip().endswith(":") else None
        verb = verb if verb is not None and self.lexicon.acts(verb) else None
        owners: tuple[Person, ...] = ()
        rule = ""
        said = candidate.original[candidate.body[0] : candidate.body[1]].strip(" *_:.")
        if lead is not None and lead.shape == "action-line" and context.nested and not said:
            return []  # "Action item for Mike/Christian:" over the tasks it gives them
        if lead is not None and lead.explicit:
            owners, rule = (
                lead.people or (tail.people if tail else ()) or surface.opening_owners(candidate),
                "action-line",
            )
        elif tail is not None and tail.people and (asked := asks_who(doc)) is not None:
            owners, rule, verb = tail.people, "owner-after", asked  # "Who will host next time? (Lee)"
        elif tail is not None and asides.owned_after(candidate, tail, verb, self.lexicon.verbs):
            owners, rule = tail.people, "owner-after"
        elif tail is not None and tail.listed and (verb := who_will(doc)) is not None:
            owners, rule = tail.people, "volunteer-list"
        elif lead is not None and lead.people and not context.agenda_topic:
            asks = verb is not None and verb.lemma_ not in words.REMARK_VERBS and not lets_self(verb)
            # Outside a list of actions, in a note whose labels mostly introduce what was said, a
            # label is a speaker's and their imperative is advice to the room ("Roger: emphasize
            # the longevity of the project"): left to the decision; not "JRG: To check governance".
            assigned = context.actions or discourse.labels_assign or is_to_do(doc, verb)
            if asks and assigned and verb is not None and not pleads(doc, verb, candidate.own_start):
                owners, rule = lead.people, "label-imperative"
            elif (
                context.actions
                and (discourse.labels_assign or candidate.sentence.kind is not BlockKind.PARAGRAPH)
                and not opens_telling(doc, candidate.own_start)
            ):
                # In a transcript, a speaker's paragraph under "Review of action items" is a turn;
                # under someone's action, "eP: emails sent" is talk of it unless it says "X to V".
                owners, rule = lead.people, "label-in-actions"
                if context.parent is not None and discourse.items_in.get(context.parent):
                    owners, rule = surface.promised_by_name(candidate), "to"
        elif context.header and context.actions and verb is not None:
            owners, rule = context.header, "owner-header"
        elif lead is None and tail is None:
            owners, rule = opening, "to"
        if not owners:
            return []
        return [Found(owners, rule, verb or gerund(doc), start=candidate.own_start)]


def _answer(candidate: Candidate, discourse: Discourse) -> Found | None:
    """ "Lee, can you update the changelog?" answered "Sure, will do." by Lee (or by no label)."""
    request, discourse.request = discourse.request, None
    if request is None or not AGREEMENT.match(candidate.text):
        return None
    asked, pending = request
    # "DB: Would you share an example?" / "HZ: Sure, can do": asked of no one by name, it is
    # whoever answers yes, if not the asker.
    answerer = pending.owners or (discourse.speaker if discourse.speaker != discourse.asker else ())
    if answerer and set(discourse.speaker or answerer) == set(answerer):
        return Found(answerer, "request-answered", pending.task, pending.start, asked)
    return None


def _marked_for_someone_else(candidate: Candidate, found: list[Found]) -> bool:
    """A request the writer marked for people whom no promise found in it names."""
    lead = candidate.lead
    if lead is None or not lead.explicit or not lead.people or not candidate.imperative:
        return False
    return not any(set(lead.people) & set(f.owners) for f in found)


def _names_people(text: str, roster: Roster) -> bool:
    """ "Josh", "Aeva, Sudhindra, Bob": a list of people, not a thing a title can name."""
    text = text.rstrip(" ,;")
    return is_only_names(Masked.of(text, roster.mentions(text)))


def _unlabelled(topic: str, roster: Roster) -> str:
    """ "Ryan / xarray multiscale", "2021 Roadmap (Kay)": who presents an agenda item is no part
    of what it is about."""
    masked = Masked.of(topic, roster.mentions(topic)).text
    presenter = PRESENTER.match(masked)
    after = _PRESENTER_AFTER.search(masked)
    return topic[presenter.end() if presenter else 0 : after.start() if after else len(topic)]


_PRESENTER_AFTER = re.compile(rf"(?<=\w)\s*\(\s*{NAMES}\s*\)\W*$")
_SPEAKER = re.compile(rf"^\s*{NAMES}(?:\s[A-Z]\.?)?\s?:\s+(?=\w)")


def _people_of_verb(verb: Token, candidate: Candidate) -> tuple[Person, ...]:
    """The people named as the subject of a verb or of the verb it belongs to ("won't" -> "be")."""
    for token in (verb, *verb.ancestors):
        for child in token.children:
            person = candidate.person_at(child) if child.dep_ in ("nsubj", "nsubjpass") else None
            if person is not None:
                return (person,)
    return ()


def _decided(reading: Reading, decision: Decision) -> Reading:
    found = decided(reading.found, reading.options, reading.candidate.own_start, decision)
    return Reading(reading.candidate, found, reading.previous, reading.options, reading.asked)


# -- items ------------------------------------------------------------------------------------------


def _items(
    meeting: Meeting, readings: list[Reading], cadence: dt.timedelta | None, topics: dict[str, str]
) -> list[ActionItem]:
    items: list[ActionItem] = []
    seen: dict[tuple[str, tuple[str, ...], str], int] = {}
    # "next call" is the meeting the note announces, else the team's cadence from this one.
    next_meeting = meeting.next_meeting or (meeting.date + cadence if cadence else None)
    events = events_in((s.text for s in meeting.sentences), meeting.date)
    series = f"{meeting.title} {meeting.path}"  # which meeting "the next TAC call" is
    for reading in readings:
        for found in reading.found:
            candidate = found.asked or reading.candidate
            sentence = candidate.sentence
            context = TitleContext(topics[candidate.context.topic], reading.previous, reading.asked)
            title = with_reference(_title(candidate, found, context, events), candidate.context.topic)
            if not title:
                continue
            owners = tuple(Owner(p.name, p.github) for p in found.owners)
            # The same task promised twice by the same people in one section is told apart by order.
            key = (sentence.section, tuple(sorted(o.name for o in owners)), task_key(title))
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            # An answered request's "Sure, will do by Friday" says when, as the request may not.
            said = [candidate.original, *([reading.candidate.original] if found.asked else [])]
            due = next(
                (d for text in said if (d := due_in(text, meeting.date, next_meeting, events, series))), None
            ) or due_beside(sentence, meeting, next_meeting, events, series)
            items.append(
                ActionItem(
                    id=item_id(meeting.path, sentence.section, owners, title, occurrence),
                    note=meeting.path,
                    meeting_date=meeting.date,
                    line=sentence.line,
                    # An answered request quotes the question and its answer: either says what was agreed.
                    text=f"{sentence.quote} {reading.candidate.sentence.quote}"
                    if found.asked
                    else sentence.quote,
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
    names = [n for p in found.owners for n in p.spellings]
    if aside := owners_aside(candidate.original, names):
        return aside
    title = ""
    if found.task is not None:
        start = max(found.start, candidate.own_start)
        due_span = due_phrase(found.task.doc.text, events)
        title = title_from(found.task, _namer(candidate), context, due_span, start)
        # A one-word title ("David", "Know") says nothing in an issue list: the words around it do.
        if title and len(title.split()) > 1:
            return title
    if found.rule in _BY_CONTEXT:
        # "Folks with time to review: ..." under a topic: to review it.
        topic = clean_topic(context.topic) or context.previous
        if found.task is not None and topic:
            return finish(f"{found.task.lemma_.capitalize()} {topic}")
        if found.task is None and asides.about_a_role(context.topic):
            return ""  # "Find volunteers for note taking" over "Lee volunteers"
        section = TitleContext(candidate.sentence.section)
        if found.task is None and (title := topic_title(context) or context.asked or topic_title(section)):
            return title
    start, end = candidate.body
    named = context.previous or clean_topic(context.topic)
    text = title_from_text(candidate.original[surface.past_owners(candidate, start) : end], named)
    if not text and context.asked:
        return context.asked  # "Update the roadmap. Owner: @lee.": the line's request is the task
    fallback = text if len(text.split()) > 1 else topic_title(context) or text
    return fallback if len(fallback.split()) > 1 or not title else title
