"""Which sentences of a meeting are read, and how: each one's marks taken off and its people
replaced by one placeholder name, ready for the parser.

Only sentences that name someone, or follow text about someone, can hold an item; only those are
parsed. Before parsing, every mention of a person is replaced by one plain given name, because the
parser reads "TomL" or "Perhaps KofiM, Priya and Lee Chen can" far better as "Alex" than as
the spelling in the notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.extraction import lines, words
from bot.extraction.lines import Leading, Masked, Trailing
from bot.extraction.structure import BlockContext
from bot.notes.blocks import Block, BlockKind, TextLine
from bot.notes.meeting import Meeting, Sentence
from bot.notes.sentences import CLOCK, split_sentences
from bot.people import Mention, Person, Roster

if TYPE_CHECKING:
    from spacy.tokens import Token

PLACEHOLDER = "Alex"
MAX_WORDS = 80
# Who attends and who holds a role in the meeting: "Present: ...", "**Scribe:** Nadia".
_ROLL_LINE = re.compile(rf"^\W*(?:{'|'.join(words.ROLL_LABELS)})\b[^:]{{0,20}}:", re.IGNORECASE)
_ONLY_LINKS = re.compile(r"^\W*(?:(?:https?://|www\.)\S+\W*)+$")
# The lower-case words a roll line may hold besides function words: "- [ ] Daniel Heckenberg - Animal
# Logic Pty Ltd / Industry Representative" has none, "Lee Chen (joined late)" two.
_ROLL_WORDS = 2
_NEXT_MEETING_LINE = re.compile(r"\bnext\s+(call|meeting|sync)\b.*\b(scheduled|planned|will be)\b", re.I)
_TYPOS = re.compile(r"\bwil\b")
# A status mark on the line says work is done in fewer words than a follow-up line under it may
# ("approved": `words.COMPLETED`).
_FINISHED = "|".join(words.FINISHED)
# Status marks say the work is done: "(done)", "— done ✔", "DONE:", "[DONE]", "AI: Tomas to write a
# blog post [done]", and a review of actions' "AI: Hugo to respond to the comments (#18210) Done".
_DONE = re.compile(
    rf"[✔✓☑✅]|[(\[]\s*(?:{_FINISHED})\s*[)\]]|[-–—]\s*(?:done|completed)\b|^\s*done\s*:"
    r"|^\s*\[?DONE\b\]?|(?<=[\w)])\s+(?-i:Done)\.?\s*$",
    re.IGNORECASE,
)
# A list item's status, anywhere in it: "Transfer the document back to WIKI. DONE", "Make an
# announcement on Slack. [done]" (a capitalised "Done" may start a sentence that says what is done).
_DONE_ITEM = re.compile(rf"(?<![\w-])DONE(?![\w-])|\[\s*(?i:{_FINISHED})\s*\]")
# Who said it and when, as meeting bots append it: "(bart, 15:07:15)".
_ATTRIBUTION = re.compile(rf"\(\s*[^()]*\b{CLOCK}\s*\)\s*$")
_JOINED = re.compile(lines.JOINER)
_COMITATIVE = re.compile(r"\s+with\s+")
_PROMISE_AFTER = re.compile(r"\s+(?:to\s+[a-z]|will\b|shall\b)")
_PROMISE_MADE = re.compile(rf"\b{PLACEHOLDER}{_PROMISE_AFTER.pattern}")
_AFTER_PREPOSITION = re.compile(rf"\b(?:{'|'.join(words.OBJECT_PREPOSITIONS)})\s+\W*$", re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")
_AND_BEFORE = re.compile(r"(?<=[\w)])(?:\s+and|\s*,)\s+$")
_REFERS = re.compile(r"\b(he|she|i|i'll|i'm|i've|i'd|me|my)\b", re.IGNORECASE)
AGREEMENT = re.compile(r"^\W*(?:" + "|".join(re.escape(w) for w in words.AGREEMENTS) + r")\b", re.IGNORECASE)
# "| For | Action |": a header of that word alone says whom the row is for.
_OWNER_COLUMN = re.compile(rf"\b(?:{'|'.join(words.OWNER_COLUMNS)})\b|^\W*for\W*$", re.IGNORECASE)
_DUE_COLUMN = re.compile(rf"\b(?:{'|'.join(words.DUE_COLUMNS)})\b", re.IGNORECASE)
_LABEL_WORDS = 2
_GLUED_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[a-z])[.)](?=[A-Z][a-z])")
_DEADLINE_COLUMN = re.compile(r"\b(?:due|deadline|target date|by when)\b")
_DONE_ROW = re.compile(rf"~~|\b(?:{_FINISHED})\b", re.IGNORECASE)


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
    owners_hint: tuple[Person, ...] = ()  # a table row's owner column, an owner field under the item
    hinted_by: str = "table-row"  # the rule the hint is
    imperative: bool = False  # parsed as "Please ...": the line may be a bare request

    @property
    def own_start(self) -> int:
        """The first token of the writer's own words: past the "Please" put there to parse."""
        return 1 if self.imperative else 0

    def person_at(self, token: Token) -> Person | None:
        """The person a placeholder in the parse stands for, if the token is one."""
        mention = self.people.get(token.idx)
        return mention.person if mention is not None and token.text == PLACEHOLDER else None


def candidates(meeting: Meeting, roster: Roster, contexts: list[BlockContext]) -> Iterator[Candidate]:
    """Only sentences that name someone, or follow text about someone, can hold an item; only
    those are parsed."""
    by_block: dict[int, list[Sentence]] = {}
    for sentence in meeting.sentences:
        by_block.setdefault(sentence.block, []).append(sentence)
    named_before = False
    after_question = False
    fields = _fields_under(meeting, by_block, roster)
    for index, sentences in by_block.items():
        block, context = meeting.blocks[index], contexts[index]
        if fields.get(index) == ():
            continue  # "Person responsible: Alex" under an item: the owner of the item above
        done = block.kind is BlockKind.ITEM and _DONE_ITEM.search(block.text) is not None
        if block.checked is True or block.kind is BlockKind.HEADING or _in_roll_call(block, context) or done:
            named_before = after_question = False
            continue
        if block.kind is BlockKind.ROW:
            yield from _row(block, sentences, roster, context)
            continue
        mentions = [roster.mentions(s.text) for s in sentences]
        owners = fields.get(index, ())
        names = any(mentions) or any(_REFERS.search(s.text) for s in sentences) or bool(owners)
        follows = named_before or bool(context.header) or after_question
        named_before = names and index + 1 in by_block
        if not names and not follows:
            after_question = False
            continue
        for sentence, found in zip(sentences, mentions, strict=True):
            if _NEXT_MEETING_LINE.search(sentence.text) or _DONE.search(sentence.text):
                continue
            if _ROLL_LINE.match(sentence.text) or _ONLY_LINKS.match(sentence.text):
                continue  # who attends; a bare link under an item, which says no task
            masked = Masked.of(sentence.text, found)
            if found and (lines.is_only_names(masked) or lines.is_a_field_of_names(masked)):
                continue  # "Nicole Foster, Arliss Collins": who was there, or whose list follows
            if found and lines.promises_what_follows(masked):
                continue  # "Lee will:": the tasks are the list it leads
            if len(sentence.text.split()) > MAX_WORDS:
                continue
            # A question to someone is read for the answer that may follow it ("Sure, will do").
            after_question = sentence.text.rstrip().endswith("?") and bool(found)
            candidate = prepare(sentence, found, context)
            yield replace(candidate, owners_hint=owners, hinted_by="owner-field") if owners else candidate


def _fields_under(
    meeting: Meeting, by_block: dict[int, list[Sentence]], roster: Roster
) -> dict[int, tuple[Person, ...]]:
    """ "- Share the template with the team", then "  - Person responsible: Alex" under it: a
    template's field naming whose task the item above is. Each such item's block maps to its owners,
    and the field's own block to no one."""
    owners: dict[int, tuple[Person, ...]] = {}
    for index, sentences in by_block.items():
        block = meeting.blocks[index]
        if (
            block.parent is None
            or len(sentences) != 1
            or meeting.blocks[block.parent].kind is not BlockKind.ITEM
        ):
            continue
        text = sentences[0].text
        if not _OWNER_FIELD.match(text):
            continue  # most nested lines: no need to look their names up twice
        found = roster.mentions(text)
        if found and _OWNER_FIELD_ONLY.fullmatch(Masked.of(text, found).text):
            owners[block.parent] = tuple(dict.fromkeys(m.person for m in found))
            owners[index] = ()
    return owners


_OWNER_FIELD = re.compile(rf"\W*(?:{words.OWNER_FIELDS})\s*:", re.IGNORECASE)
_OWNER_FIELD_ONLY = re.compile(rf"{_OWNER_FIELD.pattern}\s*{lines.NAMES}\W*", re.IGNORECASE)


def _in_roll_call(block: Block, context: BlockContext) -> bool:
    """A line of a roll call's section: names, companies, seats. A note without another heading
    after its "Attendance:" goes on to the minutes under it, which say what people do."""
    if not context.roll_call:
        return False
    said = [w for w in re.findall(r"(?<![@\w./-])[a-z][\w'’-]*", block.text) if w not in words.FUNCTION_WORDS]
    return len(said) <= _ROLL_WORDS


def prepare(sentence: Sentence, mentions: Sequence[Mention], context: BlockContext) -> Candidate:
    original = _ATTRIBUTION.sub("", sentence.text).rstrip()
    mentions = [m for m in mentions if m.end <= len(original)]
    line = Masked.of(original, mentions)
    lead = lines.leading(line)
    if lead is not None and lead.shape == "label-bare" and not context.actions:
        lead = None  # outside a list of actions, "Priya reviewed it" is a sentence with its subject
    tail = lines.trailing(line, sentence.source)
    # "1.Kei to introduce Zenko", "a.Steve to send": a number or letter glued to the first word.
    glued = _GLUED_NUMBER.match(original)
    start = lead.end if lead is not None else glued.end() if glued is not None else 0
    end = tail.start if tail is not None and tail.start > start else len(original)
    if tail is not None and tail.task is not None:
        start, end = tail.task
    body = [m for m in mentions if m.start >= start and m.end <= end]
    text, people = _with_placeholders(original, body, start, end)
    if not _may_be_request(text, lead, tail, context):
        text, people = _labelled_to(text, people, lead, mentions)
    text = _TYPOS.sub("will", text)
    text, people = _unbracketed(text, people)
    # Notes written in a word processor curl their apostrophes: "I’ll" must parse as "I'll".
    text = text.replace("’", "'")
    imperative = _may_be_request(text, lead, tail, context)
    if imperative:
        # Out of context the parser takes "Review Omar's PR" for a noun phrase; as a request
        # ("Please review ...") it reads the verb it is.
        text = _as_request(text)
        people = {offset + len(_REQUEST): mention for offset, mention in people.items()}
    return Candidate(
        sentence, context, text, people, original, (start, end), lead, tail, imperative=imperative
    )


_REQUEST = "Please "
# "Fred: to groom the backlog", the minute style "Fred to groom the backlog" with a label's colon;
# not the speaker's own turn of phrase ("Lee: to clarify, ...", "to add to Sam's point, ...", "to
# what extent ...?"), which breaks off within a few words or asks.
_LABELLED_TO = re.compile(r"^to\s+(?=[a-z])(?!(?:\S+\s+){0,4}?\S*[,;:?–—]|.*\?)")


def _labelled_to(
    text: str, people: dict[int, Mention], lead: Leading | None, mentions: Sequence[Mention]
) -> tuple[str, dict[int, Mention]]:
    """The label's one person as the subject of a label's "to V"."""
    if lead is None or lead.shape != "label" or len(lead.people) != 1 or not _LABELLED_TO.match(text):
        return text, people
    label = next((m for m in mentions if m.end <= lead.end and m.person == lead.people[0]), None)
    if label is None:
        return text, people
    shift = len(PLACEHOLDER) + 1
    return f"{PLACEHOLDER} {text}", {0: label, **{at + shift: m for at, m in people.items()}}


_BRACKETED_NAMES = re.compile(rf"\[({PLACEHOLDER}(?:(?:\s*,\s*|\s+and\s+){PLACEHOLDER})*)\]")


def _as_request(text: str) -> str:
    return _REQUEST + text[:1].lower() + text[1:]


def _unbracketed(text: str, people: dict[int, Mention]) -> tuple[str, dict[int, Mention]]:
    """ "ACTION: [Kurt] to verify ...": brackets around the names a task opens with break the
    parse; they go, and the placeholders' offsets move with the text."""
    match = _BRACKETED_NAMES.match(text)
    if match is None:
        return text, people
    closing = match.end() - 1
    people = {offset - 1 - (offset > closing): m for offset, m in people.items()}
    return match[1] + text[closing + 1 :], people


def _may_be_request(text: str, lead: Leading | None, tail: Trailing | None, context: BlockContext) -> bool:
    """A line the writer marked as a task: an action line, an owner after it, a line in a list of
    actions. A label alone ("Mei: Effort to adapt ...") is not enough: the line is read as written."""
    marked = (lead is not None and lead.explicit) or tail is not None or context.actions
    # The first word without its punctuation: "TODO: Tim, will submit a PR" opens with a name.
    first = re.sub(r"\W+$", "", text.split(maxsplit=1)[0]) if text.strip() else ""
    return marked and first != PLACEHOLDER and first.lower() not in words.NOT_IMPERATIVES


def _with_placeholders(
    original: str, mentions: Sequence[Mention], start: int, end: int
) -> tuple[str, dict[int, Mention]]:
    parts: list[str] = []
    people: dict[int, Mention] = {}
    position, length = start, 0
    previous: Mention | None = None
    for mention in mentions:
        piece = original[position : mention.start]
        opening = previous is not None and not original[start : previous.start].strip(" *_-@")
        rest = original[mention.end :]
        second = _second_clause("".join(parts) + piece, rest)
        ends_phrase = previous is not None and _AFTER_PREPOSITION.search(original[: previous.start])
        if second and ends_phrase and _COMMA.fullmatch(piece):
            # "Sam to take lead from Lyndsey, Stef to join": Lyndsey ends the first clause ("work
            # with Lyndsey and Stef to plan" joins them).
            piece = ", and "
        elif previous is not None and _joins(piece, previous, mention, rest, opening):
            # "VM, Jacques, CRob, Arnaud to create", "David/Lindsay to send": the parser reads a
            # run of names joined by commas or slashes as appositions or one noun; joined by "and"
            # it reads them as the one subject they are, each a conjunct.
            piece = " and "
        elif second and _AND_BEFORE.search(piece):
            # "Lee to update the changelog and Sam to review it": without the comma the parser
            # takes Sam for a second thing Lee updates; "Stuart to write L1 V2, Alice to work on
            # the rules": without the "and", for V2's apposition.
            piece = _AND_BEFORE.sub(", and ", piece)
        parts.append(piece)
        length += len(piece)
        people[length] = mention
        # "Sam'll": the tokenizer splits "'ll" off known words only.
        placeholder = PLACEHOLDER + (" " if re.match(r"'(ll|d)\b", original[mention.end :]) else "")
        parts.append(placeholder)
        length += len(placeholder)
        position, previous = mention.end, mention
    parts.append(original[position:end])
    text = "".join(parts)
    stripped = text.lstrip()
    shift = len(text) - len(stripped)
    return stripped.rstrip(), {offset - shift: m for offset, m in people.items()}


def _second_clause(before: str, rest: str) -> bool:
    """A promise follows the name, and one made by a name came before it in the sentence."""
    return _PROMISE_AFTER.match(rest) is not None and _PROMISE_MADE.search(before) is not None


def _joins(between: str, before: Mention, after: Mention, rest: str, opening: bool) -> bool:
    """The two mentions are names of one run: "Lee, Sam", "Lee/Sam", "@lee @sam"; a space alone
    joins handles only ("Ask Lee Sam Chen ..." may be a name the roster splits). "Lee with Sam to
    get a quote" makes both the subject of what follows ("Lee with Sam's help" does not), where
    it opens the line ("Connect Lee with Sam to ..." asks someone else)."""
    if _COMITATIVE.fullmatch(between):
        return opening and _PROMISE_AFTER.match(rest) is not None
    if not _JOINED.fullmatch(between):
        return False
    return bool(between.strip()) or (before.handle and after.handle)


def _task_column(header: list[str]) -> int | None:
    """The column whose header names the task most surely, by the order of `words.TASK_COLUMNS`."""
    ranked = [
        (rank, i)
        for i, h in enumerate(header)
        for rank, w in enumerate(words.TASK_COLUMNS)
        if re.search(rf"\b{w}\b", h)
    ]
    return min(ranked)[1] if ranked else None


_Column = int | None


def _columns(header: list[str], cells: list[str], roster: Roster) -> tuple[_Column, _Column, _Column]:
    """The owner, task and due columns. A header may name only the due date ("Name | Deadline |
    Notes"): a column with a deadline is a list of tasks, so the column naming someone in this row
    is the owner's and the wordiest of the others the task, if it says more than a label does
    ("| Example 1 | @username | Feb 30th |" is a template's sample row)."""
    owner_col = next((i for i, h in enumerate(header) if _OWNER_COLUMN.search(h)), None)
    task_col = _task_column(header)
    due_col = next((i for i, h in enumerate(header) if _DUE_COLUMN.search(h)), None)
    if owner_col is not None and task_col is not None:
        return owner_col, task_col, due_col
    if due_col is None or not _DEADLINE_COLUMN.search(header[due_col]):
        return owner_col, task_col, due_col  # "| Passed by |" in a log of decisions
    others = [i for i in range(len(header)) if i != due_col]
    if owner_col is None:
        owner_col = next((i for i in others if roster.mentions(cells[i])), None)
    if task_col is None and owner_col is not None:
        rest = [i for i in others if i != owner_col and len(cells[i].split()) > _LABEL_WORDS]
        task_col = max(rest, key=lambda i: len(cells[i].split()), default=None)
    return owner_col, task_col, due_col


def _done_row(cells: tuple[str, ...], task_col: int | None) -> bool:
    """Struck through, or a status cell says so; the task's own words may say "done" ("Ask Rochelle
    if the newsletter will be done")."""
    status = [c for i, c in enumerate(cells) if i != task_col]
    return "~~" in "".join(cells) or any(_DONE_ROW.search(c) for c in status)


def _row(
    block: Block, sentences: list[Sentence], roster: Roster, context: BlockContext
) -> Iterator[Candidate]:
    """A table row of an action-item table: the owner column names people, another the task. In
    any other table each cell that names someone is read as a line of its own ("| Budget |
    **ACTION**: Sam to send the draft |")."""
    header = [h.lower() for h in block.header]
    cells = list(block.cells) + [""] * len(header)
    owner_col, task_col, due_col = _columns(header, cells, roster)
    if not sentences or _done_row(block.cells, task_col):
        return
    if owner_col is None or task_col is None:
        for cell in block.cells:
            cell_block = Block(BlockKind.PARAGRAPH, block.section, (TextLine(block.line, cell.strip()),))
            split = split_sentences(cell_block)
            found = [roster.mentions(text) for text, _, _ in split]
            for (text, line, _), mentions in zip(split, found, strict=True) if any(found) else ():
                sentence = Sentence(text, line, block.section, sentences[0].block, block.kind)
                yield prepare(sentence, mentions, context)
        return
    owners = tuple(m.person for m in roster.mentions(cells[owner_col]))
    if not owners:
        return
    task = cells[task_col]
    text = f"{task} (due {cells[due_col]})" if due_col is not None and cells[due_col].strip() else task
    sentence = Sentence(text, block.line, block.section, sentences[0].block, block.kind, None)
    parsed = _as_request(task)
    yield Candidate(sentence, context, parsed, {}, text, (0, len(task)), owners_hint=owners, imperative=True)
