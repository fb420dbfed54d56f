"""What the layout of a note says about a block: is it in a list of actions, whose list is it, what
is it about.

- Action context: a heading, bold line, list lead ("Next steps:", "Action Items (AIs):") or list item
  above it that names a list of actions. Every line in one is an assignment to whoever it names.
- Owner header: a list item or heading that only names people ("Omar:", "- Ines") heads the lines
  nested under it: "- Call Sam about pandas" under "Omar:" is Omar's.
- Topic: what the block is about, for titles that say "it": the list item above it, the paragraph
  that introduced its list, else its section.
- Agenda topic: a top-level item of an agenda list ("Sam: libvirt status") names a topic, not a
  promise; what is nested under it is the meeting's discussion and is read as any other text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.extraction import words
from bot.extraction.lines import PRESENTER, Masked, is_only_names, leading, promises_what_follows, words_of
from bot.notes.blocks import Block, BlockKind
from bot.notes.meeting import AGENDA_HEADING
from bot.notes.sentences import CLOCK
from bot.people import Person, Roster

_LABEL_WORDS = "|".join(re.escape(w) for w in sorted(words.ACTION_HEADINGS, key=len, reverse=True))
# "Next steps", "**Action items**", "Action Items (AIs):", "TODO:" — the whole line is the label.
ACTION_LABEL = re.compile(rf"^\W*(?:{_LABEL_WORDS})\b(?:\s*\([^)]*\))?\W*$", re.IGNORECASE)
# A heading that names actions among other words: "Action items for next week", "Next steps and AOB".
# Not "CI Infrastructure (Travis to GitHub Actions?)": the CI service of the forge every team here uses.
ACTION_HEADING = re.compile(rf"(?<![\w-])(?<!github\s)(?:{_LABEL_WORDS})(?![\w-])", re.IGNORECASE)
# "Notes / action items / misc talk", "Agenda points & Actions": the minutes themselves, where
# actions are among what was said.
_MINUTES_TOO = re.compile(r"\b(?:notes|minutes|agenda|talk|discussions?)\b", re.IGNORECASE)
# "- Actually just took another look and approved", "- merged ✔": a follow-up saying it is done; a
# review of actions' status bullet, the word alone: "* COMPLETE". Not "- almost done??".
_COMPLETED = re.compile(rf"\b(?:{'|'.join(words.COMPLETED)})\b|[✔✓☑✅]|^\W*complete\W*$", re.IGNORECASE)
# "### Completed Action Items", "## Done": a section that lists what is done, so no promise in it.
_DONE_SECTION = re.compile(r"^\W*(?:done|completed?|finished|closed)\b", re.IGNORECASE)
_NOT_YET = re.compile(
    r"\b(?:will|'ll|to|should|can|could|need|needs|once|when|if|not|n't|yet|almost|nearly)\b", re.IGNORECASE
)
# A short label a block opens with: "Late notes: ...", "Release post - ...".
_LABEL = re.compile(r"^\W*(?P<label>[A-Z][^:.!?]{2,40}?)\s*(?::|\s[-–—])\s+\S")


@dataclass(frozen=True)
class BlockContext:
    actions: bool  # the block is in a list of actions
    header: tuple[Person, ...]  # the people a list item or heading above it names
    topic: str  # what the block is about, for titles
    # An agenda's item at the top, one `_titled_later`, or one restated by `_agenda_restated`: a
    # topic, not a promise.
    agenda_topic: bool
    reported_done: bool = False  # a line nested under it says it is done ("- merged", "- approved")
    parent: int | None = None  # the block of the list item it is nested under
    nested: bool = False  # list items are nested under it
    roll_call: bool = False  # under a heading that calls the roll: "Attendees", "Introductions"


def block_contexts(blocks: tuple[Block, ...], roster: Roster) -> list[BlockContext]:
    # Each computed in one pass over the note, so that a long note costs in step with its length.
    paths = _heading_paths(blocks)
    before = _items_before(blocks)
    planned, restating = _titled_later(blocks), _agenda_restated(blocks)
    children: dict[int, list[Block]] = {}
    for block in blocks:
        if block.parent is not None:
            children.setdefault(block.parent, []).append(block)
    return [
        _context(
            index,
            blocks,
            paths[index],
            before[index],
            children.get(index, []),
            roster,
            index in planned,
            index in restating,
        )
        for index in range(len(blocks))
    ]


def _titled_later(blocks: tuple[Block, ...]) -> set[int]:
    """The list items that name a topic of the meeting wherever they are nested in an agenda: those
    a heading of the same note restates, give or take a typo and the presenter ("Propose we create
    a js-types repo (Andreas)", then "#### Propose we create a js-types repo" over what was said).
    Not every item of an agenda a "Notes" section follows: release task lists stand in them."""

    headings = {_words_of(b.text) for b in blocks if b.kind is BlockKind.HEADING} - {""}
    return {
        index
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.ITEM and _restated(_words_of(block.text), headings)
    }


def _agenda_restated(blocks: tuple[Block, ...]) -> set[int]:
    """The list items outside the agenda that restate one of its topics: "1. Approve README.md
    (Brian, Henry)" again over what was said of it, as a heading would be."""
    agenda = {
        _words_of(b.text)
        for b in blocks
        if b.kind is BlockKind.ITEM and b.parent is None and AGENDA_HEADING.search(b.section)
    } - {""}
    if not agenda:
        return set()
    return {
        index
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.ITEM
        and not AGENDA_HEADING.search(block.section)
        and _restated(_words_of(block.text), agenda)
    }


def _words_of(text: str) -> str:
    return words_of(_CLOSING_ASIDE_ONLY.sub("", text))


def _restated(item: str, headings: Collection[str]) -> bool:
    """Whether a heading says what the item says, give or take a typo. The quick ratios bound the
    exact one from above, so most pairs are ruled out without it."""
    matcher = difflib.SequenceMatcher(None, item, "")
    for heading in headings:
        matcher.set_seq2(heading)
        if matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9:
            return True
    return False


# A section that is a roll call ("Voting member attendance", "Other Attendees", "Apologies",
# "Introductions", "Attended by", "Voting members of the TAC"), or a heading above it is: its
# lines say who is there ("- [ ] Gordon Bradley, Autodesk"), never what anyone will do.
_ROLL_SECTION = re.compile(
    r"^\W*(?:\w+\W+){0,3}"
    r"(?:attend(?:ance|ees?|ing|ed(?:\s+by)?)|present|participants|apologies|regrets|absent|roll[ -]?call"
    r"|introductions?|voting\s+members)(?:\s+(?:of|from)\s+(?:the\s+)?\w+)?\W*$",
    re.IGNORECASE,
)
_AGENDA_LEAD = re.compile(r"^\W*agenda(?:\s+items?)?\W*$", re.IGNORECASE)


def _heading_paths(blocks: tuple[Block, ...]) -> list[tuple[str, ...]]:
    """The headings each block stands under, outermost first: "## Next steps" then "### Dana"."""
    paths: list[tuple[str, ...]] = []
    open_headings: list[tuple[int, str]] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            while open_headings and open_headings[-1][0] >= block.level:
                open_headings.pop()
            open_headings.append((block.level, block.text))
        paths.append(tuple(text for _, text in open_headings))
    return paths


def _context(
    index: int,
    blocks: tuple[Block, ...],
    headings: tuple[str, ...],
    item_before: str,
    children: list[Block],
    roster: Roster,
    planned: bool = False,
    restates_agenda: bool = False,
) -> BlockContext:
    block = blocks[index]
    ancestors = _ancestors(index, blocks)
    lead = blocks[block.lead] if block.lead is not None else None
    labels = [blocks[i].text for i in ancestors] + ([lead.text] if lead is not None else [])
    # The list's lead line may be under a bold "**ACTION ITEMS:**" that opens its own paragraph.
    titles = (*headings, block.section, *([lead.section] if lead is not None else []))
    actions = any(ACTION_HEADING.search(h) and not _MINUTES_TOO.search(h) for h in titles)
    roll_call = _calls_the_roll(headings or (block.section,))
    # Unticked boxes are a list of actions, except in a roll call ("- [ ] Gerald Morrison - SAP").
    actions = (
        actions or any(ACTION_LABEL.match(t) for t in labels) or (block.checked is False and not roll_call)
    )
    header: tuple[Person, ...] = ()
    for n, ancestor in enumerate(ancestors):
        text = blocks[ancestor].text
        header = _names_only(text, roster) or _presenter(text, roster, n == 0)
        if not header and (header := _marked_for(text, roster) or _promised_for(text, roster)):
            actions = True  # "Action item for Mike/Christian:", "Lee will:" give them what is under it
        if header:
            break
    if not header and lead is not None:
        # "@djdv" alone on the line before the list, or with when they spoke: "@danh 22:35".
        header = _names_only(_STAMP_AFTER.sub("", lead.text), roster)
        if not header and (header := _promised_for(lead.text, roster)):
            actions = True
    if not header:
        # "### Update on content team projects (@Rumyra)", "### Diego - Eric Malm": who presents
        # the section's topic.
        aside = _CLOSING_ASIDE.search(block.section) or _CLOSING_DASH.search(block.section)
        header = _names_only(block.section, roster) or (_names_only(aside[1], roster) if aside else ())
    topic = _own_label(block, roster) or next(
        (blocks[i].text for i in ancestors if not _names_only(blocks[i].text, roster)),
        _lead_topic(lead, roster),
    )
    topic = topic or item_before or block.section
    # An agenda is a heading's, or a list's whose lead line is only "Agenda:".
    agenda = AGENDA_HEADING.search(block.section) or (lead is not None and _AGENDA_LEAD.match(lead.text))
    heads = block.parent is None or planned
    agenda_topic = (
        block.kind is BlockKind.ITEM and ((heads and bool(agenda)) or restates_agenda) and not actions
    )
    done = any(_COMPLETED.search(b.text) and not _NOT_YET.search(b.text) for b in children)
    done = done or any(_DONE_SECTION.match(h) for h in (*headings, block.section))
    return BlockContext(actions, header, topic, agenda_topic, done, block.parent, bool(children), roll_call)


_NOTES_START = re.compile(r"^\W*(?:meeting\s+)?(?:notes|minutes|discussions?)\W*$", re.IGNORECASE)


def _calls_the_roll(headings: tuple[str, ...]) -> bool:
    """ "## Attendees" or "### Steering Committee" right under it; not "### Action items" or
    "### Minutes" under an "## Attending" its writer put at the wrong level."""
    inner = headings[-1]
    if _ROLL_SECTION.match(inner):
        return True
    named = ACTION_HEADING.search(inner) or AGENDA_HEADING.search(inner) or _NOTES_START.match(inner)
    return len(headings) > 1 and _ROLL_SECTION.match(headings[-2]) is not None and not named


def _lead_topic(lead: Block | None, roster: Roster) -> str:
    """ "Release checklist:" or a line standing as a subheading ("Reaching our backers") introduces the
    list as its topic; a sentence before a list does not."""
    if lead is None or ACTION_LABEL.match(lead.text) or lead.text.rstrip()[-1:] in (".", "!", "?", ""):
        return ""
    if _names_only(lead.text, roster):
        return ""  # "@dirkmc" alone over a list says whose it is, not what about
    return lead.text if len(lead.text.split()) <= 8 else ""


def _own_label(block: Block, roster: Roster) -> str:
    """ "- Late notes: Notes are still delayed ...": the block names its own topic."""
    match = _LABEL.match(block.text)
    # "DECISION/ACTION:" marks the line; it names no topic.
    if match is None or ACTION_HEADING.search(match["label"]) or _OWNER_FIELD.fullmatch(match["label"]):
        return ""
    if _names_only(match["label"], roster):
        return ""
    return "" if _a_list_of_people(block.text, roster) else match["label"]


def _items_before(blocks: tuple[Block, ...]) -> list[str]:
    """For each paragraph right after a one-line list item, that item: agendas are often written as
    a bullet per topic with the discussion in paragraphs under it. No heading may stand between
    them, and all of them share one section."""
    found: list[str] = []
    item: Block | None = None
    shared: str | None = None  # the section the item and every block since share, if they do
    for block in blocks:
        short = (
            item is not None and item.parent is None and len(item.lines) == 1 and len(item.text.split()) <= 15
        )
        topical = block.kind is BlockKind.PARAGRAPH and short and shared == block.section
        found.append(item.text if topical and item is not None else "")
        if block.kind is BlockKind.HEADING:
            item = None
        elif block.kind is BlockKind.ITEM:
            item, shared = block, block.section
        elif shared != block.section:
            shared = None
    return found


def _ancestors(index: int, blocks: tuple[Block, ...]) -> list[int]:
    found: list[int] = []
    parent = blocks[index].parent
    while parent is not None and parent not in found:
        found.append(parent)
        parent = blocks[parent].parent
    return found


def _a_list_of_people(text: str, roster: Roster) -> bool:
    """ "Omar:", "Folks with time to review: Ines, Sam,": who, not what about ("Follow up with
    the staff - Ines" is what, and who owns it)."""
    label = _LABEL.match(text)
    rest = text[label.end("label") :].lstrip(" *_") if label is not None else text
    if label is not None and not rest.startswith(":"):
        return False
    return bool(_names_only(rest.strip(" :,;"), roster))


# A status round's time stamp or aside after whose turn it is: "@danh 22:35", "@CGrover (text
# only) 20:58", "@DJDevon3 (missing meeting)".
_STAMP_AFTER = re.compile(rf"(?:\s*\([^()]{{1,30}}\))?(?:\s+\[?{CLOCK}\]?)?\s*$")


def _names_only(text: str, roster: Roster) -> tuple[Person, ...]:
    line = Masked.of(text, roster.mentions(text))
    if not line.mentions or not is_only_names(line):
        return ()
    return tuple(dict.fromkeys(m.person for m in line.mentions))


def _presenter(text: str, roster: Roster, parent: bool = True) -> tuple[Person, ...]:
    """ "Matthias / v3 spec", "Ward: C library slotted for this month", "(@gozala) Proposed ...",
    "Google Summer of Code (Carol)": a list item that gives who speaks, then their topic or what
    they said, or the topic and then who presents it (for the items right under it: deeper, a
    line between may be about something else); what is nested under it goes on with their words."""
    line = Masked.of(text, roster.mentions(text))
    presenter = PRESENTER.match(line.text)
    if presenter is not None:
        return line.people(presenter.start("names"), presenter.end("names"))
    who, colon, rest = text.partition(":")
    if colon and rest.strip() and (people := _names_only(who, roster)):
        return people
    opened = _OPENING_ASIDE.match(text)  # "(@gozala) Proposed changes to ..."
    aside = opened or (_CLOSING_ASIDE.search(text) if parent else None)  # "Summer of Code (Carol)"
    return _names_only(aside[1], roster) if aside is not None else ()


def _marked_for(text: str, roster: Roster) -> tuple[Person, ...]:
    """ "Action item for Mike/Christian:" over a list: whom the writer's mark gives what is under it."""
    line = Masked.of(text, roster.mentions(text))
    lead = leading(line)
    explicit = lead is not None and lead.shape == "action-line" and not line.text[lead.end :].strip(" *_:.")
    return lead.people if explicit and lead is not None else ()


def _promised_for(text: str, roster: Roster) -> tuple[Person, ...]:
    """ "Matthew volunteered to do the following:" over a list: who promised what is in it."""
    return promises_what_follows(Masked.of(text, roster.mentions(text)))


# "Owner(s): Priya, Jun" under a task names whom it is for, not a topic.
_OWNER_FIELD = re.compile(words.OWNER_FIELDS, re.IGNORECASE)
_CLOSING_ASIDE_ONLY = re.compile(r"\s*\([^()]{1,80}\)\W*$")
_OPENING_ASIDE = re.compile(r"^\s*\(([^()]{1,60})\)\s*(?=\w)")
_CLOSING_DASH = re.compile(r"\s[-–—]+\s+([^-–—]+?)\s*$")
_CLOSING_ASIDE = re.compile(r"\w[^()]*\(([^()]{1,60})\)\W*$")
