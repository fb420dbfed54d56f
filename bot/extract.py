"""Action items from a `Meeting`: who promised what, by when.

Sentences are parsed with spaCy; people are found with the roster. Before parsing, every mention of a
person is replaced by one plain given name, because the parser reads "ThomasL" or "Perhaps ThomasG,
Anil and Louis Gesbert can" far better as "Alex" than as the spelling in the notes.

The rules are about English, never about a team: a named person as the subject of a promise (a
modal "will/can/to", or a verb of commitment such as "offered to"), a person asked to do something,
and the explicit forms minutes use ("ACTION: X to ...", "TODO(x)", "X: do ...", action-item
sections, checkboxes and tables).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.blocks import Block, BlockKind
from bot.due import due_in, due_phrase
from bot.items import ActionItem, Owner, item_id, task_key
from bot.notes import Meeting, Sentence
from bot.people import Mention, Person, Roster
from bot.titles import fallback_title, title_from

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

PLACEHOLDER = "Alex"
_MODALS = frozenset({"will", "'ll", "ll", "wil", "shall", "can", "could", "would", "'d", "should", "must"})
# Only a future "will" carries a promise over to a sentence without a subject ("Will try and ...");
# "Can also do ..." describes what is possible, not who does it.
_FUTURE = frozenset({"will", "'ll", "ll", "wil", "shall"})
_HEDGES = frozenset({"maybe", "perhaps", "possibly", "hopefully", "probably"})
# "will have a look" is an action; "will have more time" is not.
_HAVE_ACTIONS = frozenset({"look", "go", "chat", "word", "think", "call", "try", "stab", "crack", "meeting"})
_COMMITMENT_VERBS = frozenset(
    {
        "offer",
        "agree",
        "volunteer",
        "promise",
        "plan",
        "intend",
        "undertake",
        "commit",
        "need",
        "decide",
        "go",
    }
)
_ASKING_VERBS = frozenset({"ask", "request", "invite", "remind", "task", "assign", "nominate", "get"})
# "would like to", "would love to": wishes, not promises; "will be away": a state.
_NOT_ACTIONS = frozenset(
    {"be", "like", "love", "prefer", "appreciate", "mind", "welcome", "want", "wish", "seem"}
)
_PRONOUNS = frozenset({"he", "she"})
_ACTION_PREFIX = re.compile(
    r"^\s*(?:action(?:\s+items?)?|todo|ai|task|follow[- ]?up)\s*(?:\((?P<who>[^)]*)\))?\s*[:\-–—]\s*",
    re.IGNORECASE,
)
_ACTION_SECTION = re.compile(
    r"\b(action items?|actions?|to-?dos?|next steps|tasks|assignments|owners?)\b", re.IGNORECASE
)
_AGENDA = re.compile(r"\bagenda\b", re.IGNORECASE)
_NEXT_MEETING_LINE = re.compile(
    r"\bnext\s+(call|meeting|sync)\b.*\b(scheduled|planned|will be)\b", re.IGNORECASE
)
_TYPOS = re.compile(r"\bwil\b")
# Status marks say the work is done: "(done)", "— done ✔", "DONE:".
_DONE = re.compile(
    r"[✔✓☑✅]|\(\s*(?:done|completed|finished)\s*\)|[-–—]\s*(?:done|completed)\b|^\s*done\s*:", re.I
)
# Who said it and when, as meeting bots append it: "(bart, 15:07:15)".
_ATTRIBUTION = re.compile(r"\(\s*[^()]*\b\d{1,2}:\d{2}(?::\d{2})?\s*\)\s*$")
_PRONOUN = re.compile(r"\b(he|she)\b", re.IGNORECASE)
_FUTURE_WORD = re.compile(r"\b(will|shall)\b|'ll\b", re.IGNORECASE)
_OWNER_COLUMN = re.compile(r"\b(owner|who|assignee|assigned|responsible|person)\b", re.IGNORECASE)
_TASK_COLUMN = re.compile(r"\b(action|task|item|what|description)\b", re.IGNORECASE)
_DUE_COLUMN = re.compile(r"\b(due|when|deadline|by)\b", re.IGNORECASE)
_DONE_ROW = re.compile(r"~~|\b(done|completed|closed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Prepared:
    """A sentence with its people replaced by the placeholder, and the way back to them."""

    sentence: Sentence
    text: str
    people: dict[int, Mention]  # character offset of each placeholder in `text` -> the mention it replaced
    original: str
    explicit: bool = False  # written as "ACTION: ..." or "TODO(...)"
    owners_hint: tuple[Person, ...] = ()  # owners named inside "TODO(x)"


@dataclass
class _Found:
    owners: tuple[Person, ...]
    task: str
    verb: str


@dataclass
class _Context:
    """Who the text just before a sentence was about: the same paragraph, or the list item above."""

    last_subject: tuple[Person, ...] = field(default=())
    block: int = -1
    section: str = ""

    def move_to(self, block: int, section: str) -> None:
        if block - self.block > 1 or section != self.section:
            self.last_subject = ()
        self.block, self.section = block, section


class Extractor:
    def __init__(self, nlp: Language, roster: Roster) -> None:
        self.nlp = nlp
        self.roster = roster

    def extract(self, meeting: Meeting) -> list[ActionItem]:
        roster = self.roster.with_attendees(meeting.attendees)
        prepared = list(self._candidates(meeting, roster))
        docs = self.nlp.pipe([p.text for p in prepared], batch_size=64)
        found: list[tuple[Prepared, _Found]] = []
        context = _Context()
        for item, doc in zip(prepared, docs, strict=True):
            context.move_to(item.sentence.block, item.sentence.section)
            block = meeting.blocks[item.sentence.block]
            for result in self._read(item, doc, block, context):
                found.append((item, result))
        return _items(meeting, found)

    def _candidates(self, meeting: Meeting, roster: Roster) -> Iterator[Prepared]:
        """Only sentences of paragraphs that name someone can hold an item; only those are parsed."""
        by_block: dict[int, list[Sentence]] = {}
        for sentence in meeting.sentences:
            by_block.setdefault(sentence.block, []).append(sentence)
        named_before = False
        for index, sentences in by_block.items():
            block = meeting.blocks[index]
            if block.checked is True or block.kind is BlockKind.HEADING or _is_agenda(block):
                named_before = False
                continue
            if block.kind is BlockKind.ROW:
                yield from _row(block, sentences, roster)
                continue
            mentions = [roster.mentions(s.text) for s in sentences]
            names = any(mentions) or any(_PRONOUN.search(s.text) for s in sentences)
            carries = named_before and any(_FUTURE_WORD.search(s.text) for s in sentences)
            named_before = names and index + 1 in by_block
            if not names and not carries:
                continue
            for sentence, found in zip(sentences, mentions, strict=True):
                if sentence.text.rstrip().endswith("?") or _NEXT_MEETING_LINE.search(sentence.text):
                    continue
                if _DONE.search(sentence.text):
                    continue
                if len(sentence.text.split()) > 80:
                    continue
                yield _prepare(sentence, found, roster)

    def _read(self, item: Prepared, doc: Doc, block: Block, state: _Context) -> list[_Found]:
        reader = _SentenceReader(item, doc, state, self.nlp)
        results = reader.read()
        if not results and (item.explicit or _in_action_list(block)) and not _states_a_fact(doc):
            results = _explicit(item)
        state.last_subject = reader.subject or state.last_subject
        return results


def _is_agenda(block: Block) -> bool:
    """The agenda lists topics and who brings them ("Dave: libvirt status"), not promises."""
    return block.kind is BlockKind.ITEM and bool(_AGENDA.search(block.section))


def _states_a_fact(doc: Doc) -> bool:
    """ "Seun has read the first half", "Yuki added the corpus": a report, even in an action list."""
    for token in doc:
        if token.dep_ == "ROOT" and token.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return False


def _in_action_list(block: Block) -> bool:
    if block.checked is False:
        return True
    return block.kind is BlockKind.ITEM and bool(_ACTION_SECTION.search(block.section))


def _prepare(sentence: Sentence, mentions: Sequence[Mention], roster: Roster) -> Prepared:
    original = _ATTRIBUTION.sub("", sentence.text).rstrip()
    mentions = [m for m in mentions if m.end <= len(original)]
    explicit = False
    hint: tuple[Person, ...] = ()
    prefix = _ACTION_PREFIX.match(original)
    if prefix:
        explicit = True
        who = prefix["who"]
        if who:
            hint = tuple(
                roster.person(name) or Person(name=name.strip(), github=None)
                for name in re.split(r"[,/&]|\band\b", who)
                if name.strip()
            )
        cut = prefix.end()
    else:
        cut = 0
    text, people = _with_placeholders(original, mentions, cut)
    text = _TYPOS.sub("will", text)
    return Prepared(sentence, text, people, original, explicit, hint)


def _with_placeholders(
    original: str, mentions: Sequence[Mention], cut: int
) -> tuple[str, dict[int, Mention]]:
    parts: list[str] = []
    people: dict[int, Mention] = {}
    position, length = cut, 0
    for mention in mentions:
        if mention.start < cut:
            continue
        piece = original[position : mention.start]
        parts.append(piece)
        length += len(piece)
        people[length] = mention
        # "Sam'll": the tokenizer splits "'ll" off known words only.
        placeholder = PLACEHOLDER + (" " if re.match(r"'(ll|d)\b", original[mention.end :]) else "")
        parts.append(placeholder)
        length += len(placeholder)
        position = mention.end
    parts.append(original[position:])
    return "".join(parts), people


def _row(block: Block, sentences: list[Sentence], roster: Roster) -> Iterator[Prepared]:
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
    yield Prepared(sentence, text, {}, text, explicit=True, owners_hint=owners)


def _explicit(item: Prepared) -> list[_Found]:
    """An item the writer marked as one ("ACTION:", a checkbox, an action-items list): whoever it names."""
    owners = item.owners_hint or tuple(dict.fromkeys(m.person for m in item.people.values()))
    if not owners:
        return []
    spans = [(m.start, m.end) for m in item.people.values()]
    task = fallback_title(item.original, spans)
    if not task:
        return []
    return [_Found(owners, task, task.split()[0].lower())]


class _SentenceReader:
    def __init__(self, item: Prepared, doc: Doc, state: _Context, nlp: Language) -> None:
        self.item, self.doc, self.state, self.nlp = item, doc, state, nlp
        self.subject: tuple[Person, ...] = ()

    def read(self) -> list[_Found]:
        results: list[_Found] = []
        if self.item.owners_hint:
            root = next((t for t in self.doc if t.dep_ == "ROOT"), None)
            if root is not None and root.tag_.startswith("VB"):
                results.append(_Found(self.item.owners_hint, self._title(root), root.lemma_))
                return results
        results.extend(self._colon_style())
        for token in self.doc:
            found = self._promise(token)
            if found and not any(set(f.owners) == set(found.owners) for f in results):
                results.append(found)
        self._remember_subject()
        return results

    # -- people -----------------------------------------------------------------------------------

    def _person(self, token: Token) -> Person | None:
        mention = self.item.people.get(token.idx)
        return mention.person if mention and token.text == PLACEHOLDER else None

    def _people_in(self, token: Token) -> tuple[Person, ...]:
        """The person a subject names, with those coordinated with it ("Mindy and JonL")."""
        people: list[Person] = []
        for part in (token, *_conjuncts(token)):
            person = self._person(part)
            if person is not None:
                people.append(person)
        # "Perhaps ThomasG, Anil and Louis can": the parser may hang the first names off the verb.
        for left in token.lefts:
            if left.dep_ in ("compound", "nmod", "appos"):
                person = self._person(left)
                if person is not None:
                    people.insert(0, person)
        return tuple(dict.fromkeys(people))

    def _pronoun_owner(self, pronoun: Token) -> tuple[Person, ...]:
        """Who "he"/"she" is: the subject of a verb governing it ("Anil mentioned that he'd"), else
        the person the paragraph was last about."""
        for ancestor in pronoun.ancestors:
            subject = _subject(ancestor)
            if subject is not None and subject.i < pronoun.i:
                people = self._people_in(subject)
                if people:
                    return people
        for token in reversed(list(self.doc[: pronoun.i])):
            person = self._person(token)
            if person is not None:
                return (person,)
        return self.state.last_subject

    def _owners(self, verb: Token, carried: bool) -> tuple[Person, ...]:
        """Who promises `verb`; `carried` allows the paragraph's person when the sentence names none."""
        subject = _subject(verb)
        continues = carried and _continues_paragraph(self.doc)
        if subject is None:
            return self.state.last_subject if continues else ()
        if subject.lower_ in _PRONOUNS:
            return self._pronoun_owner(subject)
        people = self._people_in(subject)
        if not people and continues and subject.head is not verb:
            # The parser hung the verb off a clause about something else ("Has merged all patches
            # submitted and will check ..."); the sentence still has no subject of its own.
            return self.state.last_subject
        return people

    def _remember_subject(self) -> None:
        for token in self.doc:
            if token.dep_ in ("nsubj", "nsubjpass"):
                people = self._pronoun_owner(token) if token.lower_ in _PRONOUNS else self._people_in(token)
                if people:
                    self.subject = people
                    return

    # -- promises ---------------------------------------------------------------------------------

    def _promise(self, verb: Token) -> _Found | None:
        if not verb.tag_.startswith("VB") or _negated(verb):
            return None
        asked = self._asked(verb)
        if asked is not None:
            return asked
        modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _MODALS), None)
        if modal is not None:
            if not _acts(verb) or _negated(modal) or _hedged(verb, modal):
                return None
            owners = self._owners(verb, carried=modal.lower_ in _FUTURE)
            return _Found(owners, self._title(verb), verb.lemma_) if owners else None
        minute = self._minute_style(verb)
        if minute is not None:
            return minute
        task_root = self._commitment(verb)
        if task_root is None:
            return None
        owners = self._owners(verb, carried=False)
        if not owners:
            return None
        return _Found(owners, self._title(task_root), task_root.lemma_)

    def _minute_style(self, verb: Token) -> _Found | None:
        """ "Mort to check things work": a named subject, "to" and the verb, with no verb above it."""
        to = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if to is None or subject is None or not _is_clause_head(verb) or not _acts(verb):
            return None
        owners = self._people_in(subject)
        return _Found(owners, self._title(verb), verb.lemma_) if owners else None

    def _commitment(self, verb: Token) -> Token | None:
        """The promised action when `verb` is a verb of commitment ("offered to redo ...")."""
        if verb.lemma_ in _COMMITMENT_VERBS:
            if verb.lemma_ == "go" and not (
                verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
            ):
                return None
            action = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
            if action is not None and _acts(action):
                return action
        return None

    def _asked(self, verb: Token) -> _Found | None:
        """ "We've asked MattG to take a look": the one asked owns it."""
        if verb.lemma_ not in _ASKING_VERBS or (verb.tag_ == "VB" and _subject(verb) is None):
            return None  # an imperative "Invite X to advise" is a note to no one in particular
        action = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB"), None)
        if action is None:
            return None
        asked = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        asked += [c for c in action.children if c.dep_ == "nsubj"]
        for candidate in asked:
            people = self._people_in(candidate)
            if people:
                return _Found(people, self._title(action), action.lemma_)
        return None

    def _colon_style(self) -> list[_Found]:
        """ "Anil: try out libvirt", "Vincent/Dave: look at ..." — the names, a colon, then a verb."""
        doc = self.doc
        colon = next((t for t in doc[:8] if t.text == ":"), None)
        if colon is None or colon.i + 1 >= len(doc):
            return []
        people: list[Person] = []
        for token in doc[: colon.i]:
            person = self._person(token)
            if person is not None:
                people.append(person)
            elif token.text not in (",", "/", "&", "and", "+"):
                return []
        if not people:
            return []
        first = doc[colon.i + 1]
        if first.tag_ in ("VB", "VBG") and _acts(first) and not first.dep_.startswith("csubj"):
            return [_Found(tuple(people), self._title(first, start=colon.i + 1), first.lemma_)]
        if first.is_lower and first.pos_ in ("NOUN", "ADJ"):
            return self._imperative_after(colon, tuple(people))
        return []

    def _imperative_after(self, colon: Token, people: tuple[Person, ...]) -> list[_Found]:
        """ "Lee/Sam: triage the new issues": out of context the parser takes "triage" for a noun;
        read as a request ("Please triage ...") it is the verb it is. Whatever is not read as a bare
        imperative ("Anil: trunk compiler seems broken") stays a remark."""
        cut = colon.idx + 1
        lead = "Please"
        rest = self.item.text[cut:]
        reread = self.nlp(lead + rest)
        verb = reread[1] if len(reread) > 1 else None
        if (
            verb is None
            or verb.tag_ not in ("VB", "VBG")
            or verb.dep_ != "ROOT"
            or _subject(verb) is not None
        ):
            return []
        if not any(c.dep_ in ("dobj", "prep", "prt", "ccomp", "xcomp") for c in verb.children):
            return []  # "Dave: libvirt and other status" names a topic, it asks for nothing
        shift = len(lead) - cut
        people_map = {offset + shift: m for offset, m in self.item.people.items() if offset >= cut}
        shifted = Prepared(self.item.sentence, lead + rest, people_map, self.item.original)
        reader = _SentenceReader(shifted, reread, self.state, self.nlp)
        return [_Found(people, reader._title(verb, start=1), verb.lemma_)]

    def _title(self, root: Token, start: int = 0) -> str:
        section = self.item.sentence.section
        return title_from(root, self._name_of, section, due_phrase(self.item.text), start)

    def _name_of(self, token: Token) -> str | None:
        mention = self.item.people.get(token.idx)
        if mention is None or token.text != PLACEHOLDER:
            return None
        return self.item.original[mention.start : mention.end].lstrip("@")


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
        if current.dep_ in ("conj", "xcomp", "dep", "advcl") and current.head is not current:
            current = current.head
        else:
            current = None
    return None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in token.children)


def _hedged(verb: Token, modal: Token) -> bool:
    """ "Maybe Wassim should use ...", "Hannes will hopefully ...": suggestions and hopes, not promises.
    "Perhaps David can look at this" stays: with "can" it is a polite request."""
    if modal.lower_ not in _FUTURE and modal.lower_ not in ("should", "must", "would"):
        return False
    if modal.lower_ == "would" and any(t.lower_ in ("rather", "sooner") for t in verb.children):
        return True  # a preference: "Ayşe would rather wait"
    return any(t.dep_ == "advmod" and t.lower_ in _HEDGES for t in verb.children)


def _acts(verb: Token) -> bool:
    if verb.lemma_ in _NOT_ACTIONS:
        return False
    if verb.lemma_ == "have":
        return any(c.dep_ == "dobj" and c.lemma_ in _HAVE_ACTIONS for c in verb.children)
    return True


def _is_clause_head(verb: Token) -> bool:
    return verb.dep_ == "ROOT" or not verb.head.tag_.startswith("VB")


def _continues_paragraph(doc: Doc) -> bool:
    """A sentence that starts with its verb ("Will try and work through ...") goes on about the
    person the paragraph was about."""
    for token in doc:
        if token.is_punct or token.lower_ in ("also", "hopefully", "then", "and", "but", "so"):
            continue
        return token.tag_ in ("MD", "VBZ", "VBD", "VBN", "VB", "VBG") and token.lower_ not in (
            "please",
            "let",
        )
    return False


def _items(meeting: Meeting, found: list[tuple[Prepared, _Found]]) -> list[ActionItem]:
    items: list[ActionItem] = []
    seen: dict[tuple[str, tuple[str, ...], str], int] = {}
    for prepared, result in found:
        sentence = prepared.sentence
        owners = tuple(Owner(p.name, p.github) for p in result.owners)
        key = (sentence.section, tuple(sorted(o.name for o in owners)), task_key(result.task))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        due = due_in(prepared.original, meeting.date, meeting.next_meeting)
        items.append(
            ActionItem(
                id=item_id(meeting.path, sentence.section, owners, result.task, occurrence),
                note=meeting.path,
                meeting_date=meeting.date,
                line=sentence.line,
                text=prepared.original,
                owners=owners,
                task=result.task,
                due=due.date if due else None,
                section=sentence.section,
            )
        )
    return items
