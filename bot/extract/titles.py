"""Short imperative titles for action items: "Anil will reply to the email" -> "Reply to the Netmap email".

A title is the promised verb phrase, without who promised it, the modal, fillers, the due date and
subordinate "when/once/if" clauses, with the verb in its base form. Where the sentence alone says too
little ("Mindy will consider that"), the section it stands in names the topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_WORDS = 10
_DROPPED_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "expl", "punct", "preconj"})
_FILLERS = frozenset(
    {"then", "also", "just", "probably", "hopefully", "perhaps", "maybe", "soon", "now", "still", "properly",
     "too", "already", "first", "again", "really", "anyway", "only", "actually", "definitely", "both"}
)  # fmt: skip
# "once it is merged" is when, not what; "check if we need a release" keeps its "if": it is the object.
_SUBORDINATORS = frozenset({"when", "once", "as", "because", "after", "before", "until", "since", "while"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Head nouns that only make sense with the topic under discussion: "reply to the email".
_UNDERSPECIFIED = frozenset(
    {"email", "mail", "thread", "issue", "pr", "patch", "post", "proposal", "question", "discussion",
     "request", "idea", "doc", "document", "plan", "draft", "change", "changes", "one", "thing", "stuff"}
)  # fmt: skip
_GENERIC_SECTIONS = re.compile(
    r"^(notes?|minutes|aob|any other business|other business|other|misc\w*|discussion|agenda|general|"
    r"updates?|action items?|actions?|next steps|to-?dos?|--+)?$",
    re.IGNORECASE,
)
_GLUE_BEFORE = re.compile(
    r"^[\s,/&:;@\-–—]*(?:(?:and|to|will|should|can|must|is going to)\b\s*)*", re.IGNORECASE
)
_GLUE_AFTER = re.compile(
    r"[\s,/&:;\-–—(]*(?:owners?|assigned to|assignee|by|who)?\s*[:]?[\s,/&:;\-–—()]*$", re.IGNORECASE
)


def title_from(
    root: Token,
    name_of: Callable[[Token], str | None],
    section: str,
    due_span: tuple[int, int] | None,
    start: int = 0,
) -> str:
    keep = sorted((t for t in _phrase(root, due_span) if t.i >= start), key=lambda t: t.i)
    keep = _outside_brackets(keep)
    while keep and keep[-1].dep_ == "cc":
        keep.pop()  # "and" whose other half was left out
    if not keep:
        return ""
    words: list[str] = []
    for index, token in enumerate(keep):
        text = name_of(token) or token.text
        if index == 0 and token.tag_.startswith("VB"):
            text = token.lemma_
        if index < len(keep) - 1:
            # Where words were left out between two kept ones, a space stands for them.
            text += token.whitespace_ if keep[index + 1].i == token.i + 1 else " "
        words.append(text)
    title = _shorten("".join(words).strip(" ,;:-"))
    return _capitalise(_with_topic(title, section))


def _phrase(root: Token, due_span: tuple[int, int] | None) -> list[Token]:
    kept: list[Token] = [root]
    for child in root.children:
        if _dropped(child, due_span):
            continue
        kept.extend(t for t in child.subtree if not _in_span(t, due_span))
    return kept


def _dropped(child: Token, due_span: tuple[int, int] | None) -> bool:
    if child.dep_ == "punct" and _glued(child):
        return False  # part of a word: "team/website", "re-run"
    if child.dep_ in _DROPPED_DEPS:
        return True
    if child.dep_ == "advmod" and child.lower_ in _FILLERS:
        return True
    if child.dep_ in ("advcl", "npadvmod") and any(t.lower_ in _SUBORDINATORS for t in child.lefts):
        return True
    if child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
        return True  # someone else's promise in the same sentence
    return _in_span(child, due_span) and all(_in_span(t, due_span) for t in child.subtree)


def _outside_brackets(tokens: list[Token]) -> list[Token]:
    """Asides in brackets ("(e.g. on ARM)", "(see #12)") do not belong in a title."""
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text in "([":
            depth += 1
        elif token.text in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(token)
    return kept


def _glued(token: Token) -> bool:
    doc = token.doc
    before = token.i > 0 and not doc[token.i - 1].whitespace_
    return before and not token.whitespace_ and token.i + 1 < len(doc) and not doc[token.i + 1].is_punct


def _in_span(token: Token, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= token.idx < span[1]


def _shorten(title: str) -> str:
    words = title.split()
    if len(words) <= MAX_WORDS:
        return title
    cut = words[:MAX_WORDS]
    # End on a content word rather than "of the" or "and".
    while cut and cut[-1].lower() in {
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "for",
        "with",
        "in",
        "on",
        "at",
    }:
        cut.pop()
    return " ".join(cut)


def _with_topic(title: str, section: str) -> str:
    """Name the topic from the section when the title leans on "this"/"that" or says only a verb."""
    topic = section.strip()
    if _GENERIC_SECTIONS.match(topic) or topic.lower() in title.lower():
        return title
    words = title.split()
    if len(words) == 1:
        return f"{title} ({topic})"
    if len(words) <= 4 and any(w.lower() in _DEMONSTRATIVES for w in words):
        return " ".join(topic if w.lower() in _DEMONSTRATIVES else w for w in words)
    last = words[-1].lower()
    if len(words) <= 4 and len(topic.split()) <= 2 and last in _UNDERSPECIFIED and words[-2].lower() == "the":
        # "reply to the email" under "Netmap": the email the section is about.
        return " ".join([*words[:-1], topic, words[-1]])
    return title


def _capitalise(title: str) -> str:
    return title[:1].upper() + title[1:] if title else title


def fallback_title(original: str, owner_spans: list[tuple[int, int]]) -> str:
    """The title of an explicitly marked item: its text without the owners and the words that join them."""
    text = original
    for start, end in sorted(owner_spans, reverse=True):
        text = text[:start] + " " + text[end:]
    text = re.sub(
        r"^\s*(?:action(?:\s+items?)?|todo|ai|task)\s*(?:\([^)]*\))?\s*[:\-–—]\s*", "", text, flags=re.I
    )
    text = _GLUE_BEFORE.sub("", text)
    text = re.sub(r"\(\s*(?:owners?|assigned to|assignee|who)?\s*:?\s*\)", "", text, flags=re.IGNORECASE)
    text = _GLUE_AFTER.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return _capitalise(_shorten(text))
