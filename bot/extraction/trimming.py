"""A title's text made fit for an issue list: every bracket and quote closed, at most `MAX_CHARS`
long, cut at a word boundary outside brackets and code, never ending on a function word, and
starting with a capital.
"""

from __future__ import annotations

import re

from bot.extraction import words

MAX_CHARS = 80
# "’" is also an apostrophe ("BD’s slides"), so only double quotes are paired.
_OPENERS = "([{“"
_CLOSERS = {")": "(", "]": "[", "}": "{", "”": "“"}
_ISSUE_URL = re.compile(r"https?://github\.com/([\w.-]+/[\w.-]+)/(?:issues|pull)/(\d+)(?![\w/])(?:#[\w-]+)?")
# What a title neither starts nor ends with: "Lee → draft the FAQ" hands the task over with an arrow.
_PADDING = " ,;:-–—→"
# A status the writer put after the task, in capitals: "Update zlib IN PROCESS", "... - PENDING".
_STATUS = re.compile(r"[\s,.;:-]+(?:IN PROCESS|IN PROGRESS|PENDING|BLOCKED(?: ON .*)?|ONGOING|WIP|OPEN)\W*$")


def finish(title: str) -> str:
    """The title as the issue list shows it."""
    title = balanced(re.sub(r"\s+", " ", short_references(title)))
    title = re.sub(r"\s+", " ", title).strip(_PADDING)
    title = re.sub(r"[\s,]+(?:as well|too|again|accordingly)$", "", title)
    title = _STATUS.sub("", title)
    if len(title) > MAX_CHARS:
        title = cut(title, MAX_CHARS)
    # "... criteria [forms here]": the function word that goes may take a bracket's closer with it.
    title = _content_last(balanced(_content_last(title)))
    return title[:1].upper() + title[1:] if title else title


def _content_last(title: str) -> str:
    parts = title.split(" ")
    # End on a content word: never "... and see whether", "... as", "... to"; but "reach out to
    # her" names whom to reach, and "Reach" alone would not.
    while (
        len(parts) > 1
        and (last := re.sub(r"\W", "", parts[-1]).lower()) in words.FUNCTION_WORDS
        and not (last in words.PERSON_OBJECTS and len(parts) > 2)
    ):
        parts.pop()
    return " ".join(parts).strip(_PADDING)


def short_references(text: str) -> str:
    """An issue's or pull request's address said as GitHub says it in a list: "owner/repo#17"."""
    return _ISSUE_URL.sub(r"\1#\2", text)


def cut(text: str, limit: int) -> str:
    """Cut at the last word boundary before `limit` that is outside brackets and code."""
    end = 0
    depth = 0
    code = False
    for index, char in enumerate(text[: limit + 1]):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "`":
            code = not code
        elif char == " " and depth == 0 and not code:
            end = index
    return text[:end] if end else text[:limit]


def balanced(title: str) -> str:
    """Every bracket and quote closed: a closer without its opener goes, and an aside left open
    ("Draft the charter (still open") is cut off where it opens, unless that leaves nothing to do."""
    openers: list[int] = []
    drop: set[int] = set()
    for index, char in enumerate(title):
        if char in _OPENERS or (char == '"' and not (openers and title[openers[-1]] == '"')):
            openers.append(index)
        elif char in _CLOSERS or char == '"':
            if openers and _CLOSERS.get(char, '"') == title[openers[-1]]:
                openers.pop()
            else:
                drop.add(index)
    if openers and " " in title[: openers[0]].strip() and title[openers[0]] in "([":
        title, openers = title[: openers[0]], []
    drop.update(openers)
    return "".join(c for i, c in enumerate(title) if i not in drop)
