"""Progress on earlier items, read from later notes: "JonL not had a chance to look at vchan" after
"JonL will add vchan support to ocaml-conduit". Pure.

A later sentence is progress on an earlier item when it opens with one of the item's owners (the
sentence is about them) and either shares two topic words with the item's sentence and title, or
shares one word of the item's title and says it is progressing: a verb of progress ("looked",
"tried", "had a chance", "merged", ...) or the item's own verb again ("regenerate" -> "regenerated").
Common words of minutes ("look", "check", "write", "release") are never topic words, and neither
are the team's everyday words: those used in more than half of its notes ("OCaml" for an OCaml
project). At least one shared word must be in the item's title. Each sentence
goes to the one item it shares most with; a sentence that is itself a new promise of the same people
is a new item (or the "raised again" comment), not progress.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.action_item import ActionItem, Progress
from bot.extraction import words
from bot.notes.meeting import Meeting, Sentence
from bot.people import Roster

_DONE = re.compile(
    r"\b(merged|released|done|fixed|finished|completed|landed|shipped|published|resolved|sorted out)\b",
    re.IGNORECASE,
)
_NOT_YET = re.compile(
    r"\b(not|n't|yet to|still|no longer|never|almost|nearly|once|when|if|will)\b", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]+")
_COMMON = words.FUNCTION_WORDS | words.MINUTE_WORDS
OPENING_WORDS = 4
EVERYDAY_SHARE = 0.5
EVERYDAY_MIN_NOTES = 6  # with fewer notes, which words are everyday ones cannot be told
_PROGRESS = re.compile(
    r"\b(look(ed|ing)?|tri(ed|es)|try(ing)?|start(ed|ing)?|chance|progress\w*|compiles?|works?|working|"
    r"pushed|began|begun|continu\w+)\b",
    re.IGNORECASE,
)


def topic_words(text: str, ignore: Iterable[str] = ()) -> set[str]:
    ignored = {w.lower() for name in ignore for w in _WORD.findall(name)}
    return {
        w.lower()
        for w in _WORD.findall(text)
        if len(w) > 2 and w.lower() not in _COMMON and w.lower() not in ignored
    }


# Past tenses the regular rules ("tag" -> "tagged", "update" -> "updated") do not make.
_IRREGULAR_PAST = {
    "send": ("sent",), "write": ("wrote", "written"), "make": ("made",), "do": ("did", "done"),
    "put": ("put",), "set": ("set",), "run": ("ran",), "give": ("gave", "given"), "take": ("took", "taken"),
    "find": ("found",), "build": ("built",), "get": ("got",), "cut": ("cut",), "lead": ("led",),
}  # fmt: skip


def reports_done(text: str, task: str = "") -> bool:
    """Whether the sentence says the work is done: a word of completion ("merged", "done"), or the
    task's own verb in the past ("Rafa tagged rc1" after "Tag 0.9.0-rc1"), not negated before it."""
    match = _DONE.search(text) or _past_of(task.split()[0] if task.split() else "", text)
    return match is not None and not _NOT_YET.search(text[: match.start()])


def _past_of(verb: str, text: str) -> re.Match[str] | None:
    verb = verb.lower()
    if len(verb) < 2:
        return None
    regular = verb + "d" if verb.endswith("e") else verb + "ed"
    # "tag" -> "tagged", "try" -> "tried"
    forms = {regular, verb + verb[-1] + "ed", verb[:-1] + "ied", *_IRREGULAR_PAST.get(verb, ())}
    return re.search(rf"\b({'|'.join(sorted(map(re.escape, forms)))})\b", text, re.IGNORECASE)


def progress_of(
    items: Iterable[ActionItem], meetings: Iterable[Meeting], roster: Roster
) -> dict[str, list[Progress]]:
    """Later-note lines about each item, by item id, oldest first."""
    meetings = sorted(meetings, key=lambda m: m.date)
    items = list(items)
    everyday = _everyday_words(meetings)
    contexts = {item.id: _context(item, roster, everyday) for item in items}
    promised = {(item.note, item.line, o.name) for item in items for o in item.owners}
    # A sentence can only be about an item of a person it names that shares a word of its title:
    # looking up those items, not every item, keeps the cost in step with the notes.
    by_owner_word: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(items):
        for owner in item.owners:
            for word in contexts[item.id][1]:
                by_owner_word.setdefault((owner.name, word), []).append(index)
    found: dict[str, list[Progress]] = {}
    for meeting in meetings:
        people = roster.with_attendees(meeting.attendees)
        for sentence in meeting.sentences:
            named = _subjects(sentence.text, people)
            if not named:
                continue
            words = topic_words(sentence.text, _all_spellings(roster, named))
            candidates = sorted(
                {i for name in named for w in words for i in by_owner_word.get((name, w), [])}
            )
            best = _best_item(
                sentence, meeting, named, words, [items[i] for i in candidates], contexts, promised
            )
            if best is not None:
                found.setdefault(best.id, []).append(
                    Progress(
                        best.id,
                        meeting.date,
                        meeting.path,
                        sentence.line,
                        sentence.text,
                        reports_done(sentence.text, best.task),
                    )
                )
    return found


def _best_item(
    sentence: Sentence,
    meeting: Meeting,
    named: set[str],
    words: set[str],
    items: list[ActionItem],
    contexts: dict[str, tuple[set[str], set[str]]],
    promised: set[tuple[str, int, str]],
) -> ActionItem | None:
    best: tuple[int, ActionItem] | None = None
    for item in items:
        if item.meeting_date >= meeting.date:
            continue
        owners = {o.name for o in item.owners}
        if not owners & named or any((meeting.path, sentence.line, name) in promised for name in owners):
            continue
        context, title = contexts[item.id]
        shared = words & context
        if shared & title and (len(shared) >= 2 or _progressing(sentence.text, item)):
            score = len(shared)
            if (
                best is None
                or score > best[0]
                or (score == best[0] and item.meeting_date > best[1].meeting_date)
            ):
                best = (score, item)
    return best[1] if best else None


def _progressing(text: str, item: ActionItem) -> bool:
    if _PROGRESS.search(text) or _DONE.search(text):
        return True
    verb = item.task.split()[0].lower() if item.task else ""
    return len(verb) >= 3 and any(w.lower().startswith(verb[:-1] if verb.endswith("e") else verb)
                                  for w in _WORD.findall(text))  # fmt: skip


def _subjects(text: str, people: Roster) -> set[str]:
    """The people a sentence opens with ("JonL not had a chance ...", "Mindy and Jon tried ..."), or
    names in brackets at its end ("The backport is done (Jonas).")."""
    if text.startswith("Attendees"):
        return set()
    opening = len(" ".join(text.split()[:OPENING_WORDS]))
    closing = _CLOSING_BRACKET.search(text)
    return {
        m.person.name
        for m in people.mentions(text)
        if m.start < opening or (closing is not None and m.start >= closing.start())
    }


_CLOSING_BRACKET = re.compile(r"\([^()]*\)\W*$")


def _all_spellings(roster: Roster, names: set[str]) -> list[str]:
    spellings: list[str] = []
    for person in roster.people:
        if person.name in names:
            spellings.extend(person.spellings)
    return spellings or list(names)


def _context(item: ActionItem, roster: Roster, everyday: set[str]) -> tuple[set[str], set[str]]:
    ignore = _all_spellings(roster, {o.name for o in item.owners})
    return (
        topic_words(item.text + " " + item.task, ignore) - everyday,
        topic_words(item.task, ignore) - everyday,
    )


def _everyday_words(meetings: list[Meeting]) -> set[str]:
    if len(meetings) < EVERYDAY_MIN_NOTES:
        return set()
    notes_using: dict[str, int] = {}
    for meeting in meetings:
        for word in {w for s in meeting.sentences for w in topic_words(s.text)}:
            notes_using[word] = notes_using.get(word, 0) + 1
    return {word for word, count in notes_using.items() if count > len(meetings) * EVERYDAY_SHARE}
