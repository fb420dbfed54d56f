"""Every text the bot posts to a tracker, built here and only here, and the marker it hides in them.

An issue body is the bot's block between two HTML comments, and whatever people add around it. The
closing comment carries the marker: the item's id and a digest of the source facts the block was
written from, so a rerun knows what it wrote last time without comparing with what people changed.

Text from notes is untrusted: quoted, it can mention only roster logins, cannot reference or close
issues, cannot open HTML comments (a fake marker) and cannot break out of its quote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import urllib.parse
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.action_item import ActionItem, Progress
from bot.issues import Issue
from bot.people import LOGIN

BLOCK_BEGIN = "<!-- actionbot:begin -->"
_MARKER_PREFIX = "<!-- actionbot:end "
_MARKER = re.compile(r"<!-- actionbot:end (\{[^<>]*\}) -->")
# The marker of the bot's agenda issues (bot.followup.agenda writes it): the one index of the bot's
# issues tells them from item issues by it.
AGENDA_MARKER = re.compile(r"<!-- actionbot:agenda (\{[^<>]*\}) -->")
_BLOCK = re.compile(re.escape(BLOCK_BEGIN) + r".*?" + r"<!-- actionbot:end \{[^<>]*\} -->", re.DOTALL)
MAX_TITLE = 256
# GitHub refuses an issue or comment body over 65,536 characters. Note text is cut long before:
# a quote, a task or a progress line to MAX_QUOTE characters (escaping can make it a few times
# longer), the task kept in the marker to MARKER_TASK (more than a title, so the title can be told).
MAX_BODY = 65_536
MAX_QUOTE = 2_000
MARKER_TASK = 300
CUT = "…"
BODY_CUT = "\n\n_(Cut here: GitHub takes {limit:,} characters at most. The notes have the rest.)_"

# Another line of the same note making the same promise (the discussion its action list restates).
RESTATED = "Also said in the same notes: {where}"
RAISED_AGAIN = "Raised again at the {date} meeting ({where}):\n\n{quote}"
REMOVED = (
    "This action item is no longer in its meeting notes ({note}); it may have been done, moved or dropped. "
    "{closing}"
)
REMOVED_CLOSING = "Closing it, as configured (`tracker.close_removed`)."
REMOVED_OPEN = "Leaving it open: close it if it is no longer needed."
IGNORED = (
    "This was marked as not an action item in its meeting notes ({note}), with an `actionbot: ignore` "
    "comment or its id in the config's `ignore:`. {closing}"
)
IGNORED_CLOSING = "Closing it as not planned."
FACT_TAG = "<!-- actionbot:fact {key} -->"


@dataclass(frozen=True)
class Marker:
    id: str
    digest: str
    meeting: str
    note: str
    owners: tuple[str, ...]
    task: str
    facts: tuple[str, ...] = ()
    # Ids of later mentions of the same promise, posted here as comments instead of new issues, and
    # ids the item had before an edit changed them.
    aliases: tuple[str, ...] = field(default=())
    section: str = ""  # absent from markers of versions before it was kept

    def with_fact(self, fact: str) -> Marker:
        return self if fact in self.facts else replace(self, facts=(*self.facts, fact))

    def with_alias(self, item_id: str) -> Marker:
        return self if item_id in self.aliases else replace(self, aliases=(*self.aliases, item_id))

    def render(self) -> str:
        data: dict[str, Any] = {
            "id": self.id,
            "digest": self.digest,
            "meeting": self.meeting,
            "note": _inert_json(self.note),
            "owners": list(self.owners),
            "task": _inert_json(self.task),
            "facts": list(self.facts),
            "aliases": list(self.aliases),
            "section": _inert_json(self.section),
        }
        return _MARKER_PREFIX + json.dumps(data, ensure_ascii=True, separators=(",", ":")) + " -->"


def _inert_json(text: str) -> str:
    # The marker lives in an HTML comment: it must never contain the comment's end, nor angle brackets.
    return text.replace("<", "(").replace(">", ")").replace("--", "-")


def parse_marker(body: str | None) -> Marker | None:
    """The bot's marker in an issue body, or None when there is none or it is malformed. The one
    closing the bot's block counts: a marker a person left behind after deleting the block is
    only read when no block is left."""
    if not body:
        return None
    block = _BLOCK.search(body)
    found = _MARKER.findall(block.group(0) if block else body)
    if not found:
        return None
    try:
        data = json.loads(found[-1])
        return Marker(
            id=str(data["id"]),
            digest=str(data["digest"]),
            meeting=str(data["meeting"]),
            note=str(data.get("note", "")),
            owners=tuple(str(o) for o in data.get("owners", [])),
            task=str(data.get("task", "")),
            facts=tuple(str(f) for f in data.get("facts", [])),
            aliases=tuple(str(a) for a in data.get("aliases", [])),
            section=str(data.get("section", "")),
        )
    except (ValueError, KeyError, TypeError):
        return None


def source_digest(item: ActionItem) -> str:
    """What the block is written from. The line and the file name are left out: the link in the block
    points at the commit the note was read at, so it stays right when the note later changes."""
    facts = [
        " ".join(item.text.split()),
        item.task,
        item.due.isoformat() if item.due else "",
        item.section,
        item.meeting_date.isoformat(),
        *sorted(o.name for o in item.owners),
        *(" ".join(source.text.split()) for source in item.restated),
    ]
    return hashlib.sha256("\x1f".join(facts).encode()).hexdigest()[:16]


def marker_for(item: ActionItem) -> Marker:
    return Marker(
        id=item.id,
        digest=source_digest(item),
        meeting=item.meeting_date.isoformat(),
        note=item.note,
        owners=tuple(o.name for o in item.owners),
        task=_cut(item.task, MARKER_TASK),
        section=_cut(item.section, MARKER_TASK),
    )


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + CUT


def fit(body: str) -> str:
    """A body the bot wrote, cut to what GitHub takes: never inside its block, whose marker the
    next run needs; what follows the block (later mentions, progress) is cut, and says so."""
    if len(body) <= MAX_BODY:
        return body
    block = _BLOCK.search(body)
    keep = block.end() if block else 0
    note = BODY_CUT.format(limit=MAX_BODY)
    return body[: max(keep, MAX_BODY - len(note))] + note


def title(item: ActionItem) -> str:
    return _title(item.task, [o.name for o in item.owners])


def title_from(marker: Marker) -> str:
    """The title the bot gave the issue whose marker this is: if the issue still has it, no person
    has retitled it, and the bot may keep it in step with the task."""
    return _title(marker.task, marker.owners)


def _title(task: str, owners: Collection[str]) -> str:
    return _cut(" ".join(f"{task} ({', '.join(owners)})".split()), MAX_TITLE)


def quoted(body: str) -> str:
    """The sentence the bot's block quotes (inert, as posted), or "" when there is no block."""
    block = _BLOCK.search(body)
    lines = block.group(0).splitlines() if block else []
    return next((line[2:] for line in lines if line.startswith("> ")), "")


def block(
    item: ActionItem,
    marker: Marker,
    link: str,
    roster_logins: Collection[str],
    restated_links: Sequence[str] = (),
) -> str:
    """The bot's part of an issue body: `restated_links` link the item's other lines (`restated`)."""
    owners = ", ".join(
        f"@{o.github} ({o.name})" if o.github and o.github.lower() in roster_logins else o.name
        for o in item.owners
    )
    lines = [
        BLOCK_BEGIN,
        f"**Task:** {safe_inline(item.task, roster_logins)}",
        f"**Owners:** {owners}",
    ]
    if item.due:
        lines.append(f"**Due:** {item.due.isoformat()}")
    lines += [
        "",
        quote(item.text, roster_logins),
        "",
        f"From the {item.meeting_date.isoformat()} meeting, section "
        f"*{safe_inline(item.section or 'notes', roster_logins)}*: {safe_link(link)}",
    ]
    for source, where in zip(item.restated, restated_links, strict=True):
        lines += ["", RESTATED.format(where=safe_link(where)), "", quote(source.text, roster_logins)]
    lines.append(marker.render())
    return "\n".join(lines)


def body_with_block(body: str, new_block: str) -> str:
    """`body` with the bot's block replaced, everything people wrote around it left as it was. When
    people deleted the block, it goes back at the top, and any marker they left is taken away: two
    markers would leave the next run reading the stale one."""
    if _BLOCK.search(body):
        return _BLOCK.sub(lambda _: new_block, body, count=1)
    rest = _MARKER.sub("", body).strip("\n")
    return new_block + ("\n\n" + rest if rest.strip() else "")


def after_block(body: str, text: str) -> str:
    """`body` with `text` right after the bot's block."""
    block = _BLOCK.search(body)
    if block is None or not text:
        return body + text
    return body[: block.end()] + text + body[block.end() :]


def unassignable_note(names: Collection[str]) -> str:
    return "" if not names else "\n\nNot assignable in this repository: " + ", ".join(sorted(names)) + "."


def raised_again(item: ActionItem, link: str, roster_logins: Collection[str]) -> str:
    return (
        RAISED_AGAIN.format(
            date=item.meeting_date.isoformat(), where=safe_link(link), quote=quote(item.text, roster_logins)
        )
        + "\n"
        + FACT_TAG.format(key=raised_fact(item))
    )


def raised_again_section(item: ActionItem, link: str, roster_logins: Collection[str]) -> str:
    """The same news for an issue opened in the run that reads both meetings: part of its body."""
    heading = RAISED_AGAIN.format(
        date=item.meeting_date.isoformat(), where=safe_link(link), quote=""
    ).rstrip()
    return f"\n\n{heading}\n\n{quote(item.text, roster_logins)}"


def raised_fact(item: ActionItem) -> str:
    return f"raised:{item.meeting_date.isoformat()}:{item.id}"


def removed(note: str, closing: bool, fact: str) -> str:
    text = REMOVED.format(note=safe_inline(note, ()), closing=REMOVED_CLOSING if closing else REMOVED_OPEN)
    return text + "\n" + FACT_TAG.format(key=fact)


def ignored(note: str, closing: bool, fact: str) -> str:
    text = IGNORED.format(note=safe_inline(note, ()), closing=IGNORED_CLOSING if closing else "")
    return text.rstrip() + "\n" + FACT_TAG.format(key=fact)


def restored(item: ActionItem, link: str, reopening: bool, fact: str) -> str:
    text = RESTORED.format(where=safe_link(link), reopening=RESTORED_REOPENING if reopening else "")
    return text.rstrip() + "\n" + FACT_TAG.format(key=fact)


# An item can leave its note and come back more than once: each round has facts of its own, counted
# by the returns recorded so far ("removed", then "removed:2" after the first return, ...).
REMOVED_FACT = "removed"
RESTORED = "This action item is back in its meeting notes ({where}). {reopening}"
RESTORED_REOPENING = "Reopening it, as the bot closed it when it was gone."


def _round(marker: Marker) -> int:
    return 1 + sum(fact.startswith("restored:") for fact in marker.facts)


def removal_fact(marker: Marker) -> str:
    """The fact that this round's "no longer in its notes" was told."""
    number = _round(marker)
    return REMOVED_FACT if number == 1 else f"{REMOVED_FACT}:{number}"


def closed_removed_fact(marker: Marker) -> str:
    """The fact that the bot closed the issue in this round, because its item was gone."""
    return CLOSED_PREFIX + removal_fact(marker)


CLOSED_PREFIX = "closed-"


def restored_fact(marker: Marker) -> str:
    return f"restored:{_round(marker)}"


PROGRESS = "Progress reported at the {date} meeting ({where}){done}:\n\n{quote}"


def progress_fact(note: Progress) -> str:
    digest = hashlib.sha256(" ".join(note.text.split()).encode()).hexdigest()[:10]
    return f"progress:{note.meeting.isoformat()}:{digest}"


def progress_comment(note: Progress, roster_logins: Collection[str]) -> str:
    text = PROGRESS.format(
        date=note.meeting.isoformat(),
        where=safe_link(f"{note.note}:{note.line}"),
        done=", reported done" if note.done else "",
        quote=quote(note.text, roster_logins),
    )
    return text + "\n" + FACT_TAG.format(key=progress_fact(note))


def progress_section(notes: list[Progress], roster_logins: Collection[str]) -> str:
    lines = ["", "", "Progress reported at later meetings:"]
    for note in notes:
        done = " (reported done)" if note.done else ""
        lines.append(f"- {note.meeting.isoformat()}{done}: {safe_inline(note.text, roster_logins)}")
    return "\n".join(lines)


def has_fact(comment_body: str, key: str) -> bool:
    return FACT_TAG.format(key=key) in comment_body


def label_for_meeting(prefix: str, date: dt.date) -> str:
    return f"{prefix}{date.isoformat()}"


# -- making note text safe to post ----------------------------------------------------------------

# GitHub links "@login" (and "@org/team") and "#12", "owner/repo#12", "GH-12" wherever the rendered
# text has them, and Markdown decides what the rendered text is: "\@x", "_@x_" or a backslash
# before a backtick all render a plain "@x". So rather than reason about Markdown, the text is made
# inert by construction: an invisible WORD JOINER goes after every "@" that does not start a
# roster login, and before the digits of every reference, so no rendering of it links anything.
# (A link whose address has "@name" or "#12" in it loses it; that is the price.)
_JOINER = "\u2060"
_AT = re.compile(rf"@({LOGIN})?(/)?")
_NUMBERED = re.compile(r"(#|GH-)(?=\d)", re.IGNORECASE)


def safe_inline(text: str, roster_logins: Collection[str]) -> str:
    """Note text made inert for one line of Markdown: no HTML, no backticks, no mention but of a
    roster login, no reference; cut to MAX_QUOTE characters."""
    text = _cut(" ".join(text.split()), MAX_QUOTE)
    text = text.replace("`", "'")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _NUMBERED.sub(lambda m: m.group(1) + _JOINER, text)

    def mention(match: re.Match[str]) -> str:
        login, team = match.group(1), match.group(2)
        if login and login.lower() in roster_logins and not team:
            return match.group(0)
        return "@" + _JOINER + match.group(0)[1:]

    return _AT.sub(mention, text)


def quote(text: str, roster_logins: Collection[str]) -> str:
    return "> " + safe_inline(text, roster_logins)


def safe_link(link: str) -> str:
    """A link to a note line, whose path people named: its address percent-encoded past anything
    Markdown reads in one, its text inert like a quote's."""
    if re.match(r"^https?://\S+$", link):
        address = urllib.parse.quote(link, safe=":/#@%?=&~+,;!$")
        name = safe_inline(urllib.parse.unquote(address.rsplit("/", 1)[-1]), ())
        return f"[{name.replace('[', '(').replace(']', ')')}]({address})"
    return "`" + " ".join(link.split()).replace("`", "'") + "`"


def is_agenda(body: str) -> bool:
    """Whether the body is one of the bot's agenda issues."""
    return AGENDA_MARKER.search(body) is not None


def marked(issues: Iterable[Issue]) -> Iterator[tuple[Issue, Marker | None]]:
    """The one index of the bot's issues by marker: each issue with the item marker it carries (None
    for an agenda issue's or a body people rewrote); agenda issues are left out."""
    for issue in issues:
        marker = parse_marker(issue.body)
        if marker is not None or not is_agenda(issue.body):
            yield issue, marker
