"""The GitHub Actions edge: the event that started the run, the notes it changed, and what the run
tells Actions back (the job summary, warnings as workflow commands, the step's outputs).

Which notes an event changed, read from the checkout with git (so it costs nothing from the API):

- push: `git diff --name-only --diff-filter=AMR <before> <after>`, the files added, modified or
  renamed (under their new name) by the pushed commits. Deleted notes are not read: their items'
  issues stay as they are until a full sync.
- pull_request: the same between the base and the head, from their merge base (`base...head`).
- When there is nothing to compare with, the notes of the run's own commit (`after`, else
  `GITHUB_SHA`) against its first parent: a new branch (`before` is all zeros), a force push or a
  shallow clone (`before` is not in the checkout's history), a pull request whose commits are not
  fetched, and every other event (`workflow_dispatch`, `schedule`). A new branch pushed with
  several commits is judged by its last one only; the weekly full sync of the example workflow
  catches the rest.
- When even that is unknown (a root commit, a clone too shallow to hold the parent, not a git
  checkout): every note. Reading a note that did not change costs time, never a write, since a
  sync of an unchanged note plans nothing.

Only what a run writes itself comes from here; everything else in the bot works outside Actions
just the same.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from bot.action_item import ActionItem
from bot.notes.meeting import NoteError
from bot.people import Roster

# GitHub refuses a step summary over 1 MiB; keep well under it, since other steps may write too.
SUMMARY_LIMIT = 512 * 1024
SUMMARY_CUT = "\n\n_(Cut here: the job summary has a size limit. The job's log has all of it.)_\n"
UNKNOWN_OWNER = (
    "{who} owns {items} but is not in people: add them (and their GitHub login) so that their issues "
    "can be assigned to them"
)
# A given name the notes use for an owner that several people's names start with.
SHARED_NAME = (
    "{who} owns {items} but is not in people: {holders} share that name and the note's attendees do "
    "not say which one it is; list the attendees, or give one of them the alias"
)
# Object names only: anything else from an event payload could be read by git as an option.
_SHA = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
_ZERO = re.compile(r"^0+$")


class ActionsError(Exception):
    pass


def active(env: Mapping[str, str] = os.environ) -> bool:
    return env.get("GITHUB_ACTIONS") == "true"


@dataclass(frozen=True)
class Event:
    name: str  # GITHUB_EVENT_NAME: push, pull_request, workflow_dispatch, schedule, ...
    payload: Mapping[str, Any]
    sha: str  # GITHUB_SHA: the commit the run checked out


def load_event(env: Mapping[str, str] = os.environ) -> Event:
    path, name = env.get("GITHUB_EVENT_PATH"), env.get("GITHUB_EVENT_NAME")
    if not path or not name:
        raise ActionsError(
            "the notes an event changed are known only inside GitHub Actions "
            "(GITHUB_EVENT_PATH and GITHUB_EVENT_NAME are not set)"
        )
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ActionsError(f"cannot read the event payload {path}: {error}") from None
    if not isinstance(payload, dict):
        raise ActionsError(f"the event payload {path} is not a JSON object")
    return Event(name, payload, env.get("GITHUB_SHA", ""))


@dataclass(frozen=True)
class Changes:
    files: frozenset[Path] | None  # absolute paths; None stands for every note
    why: str  # for the log and the summary: "changed by the push 1a2b3c4..5d6e7f8"

    def select(self, notes: Iterable[str]) -> list[str]:
        """The notes among `notes` (paths from the working directory) that the event changed."""
        if self.files is None:
            return list(notes)
        return [note for note in notes if Path(note).resolve() in self.files]


def changes(event: Event, checkout: Path) -> Changes:
    """The files the event changed in the checkout; see the module's docstring for the rules."""
    git = _Git(checkout)
    payload = event.payload
    if event.name == "push":
        before, after = _field(payload, "before"), _field(payload, "after") or event.sha
        if _ZERO.match(after):
            return Changes(frozenset(), "the push deleted the branch")
        if not before or _ZERO.match(before):
            return _own_commit(git, after, "a new branch")
        if not git.has(before):
            return _own_commit(git, after, "a force push (the earlier tip is not in this checkout)")
        files = git.changed(before, after)
        if files is None:
            return _own_commit(git, after, "a push whose commits are not in this checkout")
        return Changes(files, f"changed by the push {before[:7]}..{after[:7]}")
    if event.name in ("pull_request", "pull_request_target"):
        base = _field(payload, "pull_request", "base", "sha")
        head = _field(payload, "pull_request", "head", "sha")
        files = git.changed(f"{base}...{head}") if _SHA.match(base) and _SHA.match(head) else None
        if files is None:
            # GITHUB_SHA is then the merge commit, whose first parent is the base.
            return _own_commit(git, event.sha, "a pull request whose commits are not in this checkout")
        return Changes(files, f"changed by pull request #{_field(payload, 'pull_request', 'number') or '?'}")
    return _own_commit(git, event.sha, f"a {event.name} run")


@dataclass(frozen=True)
class PullRequest:
    number: int
    fork: bool  # from another repository: its job's token cannot write, so it gets no comment


def pull_request(event: Event, repository: str) -> PullRequest | None:
    """The pull request a `pull_request` event is about, if it is one; `repository` is the one the
    workflow runs in (GITHUB_REPOSITORY)."""
    if event.name != "pull_request":
        return None
    number = _field(event.payload, "pull_request", "number")
    if not number.isdigit():
        return None
    head = _field(event.payload, "pull_request", "head", "repo", "full_name")
    return PullRequest(int(number), fork=head.lower() != repository.lower())


def pushed_commit(event: Event) -> str | None:
    """The commit a push to a branch made it point at (a merge's commit), if it is one."""
    after = _field(event.payload, "after") or event.sha
    return after if event.name == "push" and _SHA.match(after) and not _ZERO.match(after) else None


def _field(payload: Mapping[str, Any], *keys: str) -> str:
    value: Any = payload
    for key in keys:
        value = value.get(key) if isinstance(value, Mapping) else None
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""


def _own_commit(git: _Git, commit: str, reason: str) -> Changes:
    files = git.changed(f"{commit}^", commit) if _SHA.match(commit) else None
    if files is None:
        return Changes(None, f"{reason}: every note, as the commit's parent is not in this checkout")
    return Changes(files, f"{reason}: the notes changed by its commit {commit[:7]}")


class _Git:
    def __init__(self, checkout: Path) -> None:
        self.checkout = checkout

    def _run(self, *args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(self.checkout), *args],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="surrogateescape",
                check=False,
                timeout=60,
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    def has(self, commit: str) -> bool:
        return bool(_SHA.match(commit)) and self._run("cat-file", "-e", f"{commit}^{{commit}}") is not None

    def changed(self, *revisions: str) -> frozenset[Path] | None:
        """Files added, modified or renamed between the revisions (absolute), or None if git cannot tell."""
        if not all(_SHA.match(r.removesuffix("^")) or _range(r) for r in revisions):
            return None
        top = self._run("rev-parse", "--show-toplevel")
        listed = self._run("diff", "--name-only", "--diff-filter=AMR", "-z", *revisions, "--")
        if top is None or listed is None:
            return None
        root = Path(top.strip())
        return frozenset((root / name).resolve() for name in listed.split("\0") if name)


def _range(revision: str) -> bool:
    base, dots, head = revision.partition("...")
    return bool(dots) and bool(_SHA.match(base)) and bool(_SHA.match(head))


# -- what the run tells Actions ------------------------------------------------------------------


def foreign_ref(branch: str, env: Mapping[str, str] = os.environ) -> str | None:
    """The ref a push ran on, when it is not the configured notes branch: notes on other branches,
    rebased or not, are not synced until they reach it (so a branch never opens a second issue)."""
    if not active(env) or env.get("GITHUB_EVENT_NAME") != "push":
        return None
    ref = env.get("GITHUB_REF") or _pushed_ref(env)
    return None if ref in (None, f"refs/heads/{branch}") else ref


def _pushed_ref(env: Mapping[str, str]) -> str | None:
    try:
        return _field(load_event(env).payload, "ref") or None
    except ActionsError:
        return None


def write_summary(*blocks: str, env: Mapping[str, str] = os.environ) -> None:
    """Append Markdown to the job summary (only inside Actions)."""
    path = env.get("GITHUB_STEP_SUMMARY")
    if not active(env) or not path:
        return
    text = "\n\n".join(block.strip("\n") for block in blocks if block.strip()) + "\n\n"
    if len(text.encode("utf-8")) > SUMMARY_LIMIT:
        kept = text.encode("utf-8")[:SUMMARY_LIMIT].decode("utf-8", errors="ignore")
        text = kept[: kept.rfind("\n")] + SUMMARY_CUT
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def set_outputs(values: Mapping[str, int | str], env: Mapping[str, str] = os.environ) -> None:
    """The step's outputs (only inside Actions), one `name=value` line each."""
    path = env.get("GITHUB_OUTPUT")
    if not active(env) or not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        for name, value in values.items():
            if "\n" in str(value) or "\r" in str(value):
                raise ValueError(f"output {name} must be one line")
            handle.write(f"{name}={value}\n")


@dataclass(frozen=True)
class Annotation:
    """A warning shown on a line of a file in the run's summary and a pull request's diff."""

    file: str
    line: int | None
    message: str

    def command(self) -> str:
        if not self.file:  # about the run, not a note
            return f"::warning::{_escape_data(self.message)}"
        where = f"file={_escape_property(self.file)}" + (f",line={self.line}" if self.line else "")
        return f"::warning {where}::{_escape_data(self.message)}"


def warn(annotations: Iterable[Annotation], stream: TextIO | None = None) -> None:
    """Workflow commands (only inside Actions). On stderr, which the runner reads for commands too,
    so that stdout stays exactly what `--json` promises."""
    if not active():
        return
    out = stream or sys.stderr
    for annotation in annotations:
        out.write(annotation.command() + "\n")
    out.flush()


def note_warnings(errors: Iterable[NoteError], env: Mapping[str, str] = os.environ) -> list[Annotation]:
    return [Annotation(_in_workspace(e.path, env), e.line, e.message) for e in errors]


def unknown_owners(
    items: Iterable[ActionItem], roster: Roster, env: Mapping[str, str] = os.environ
) -> list[Annotation]:
    """One warning per owner not in the config's people (an attendee, an @login, a name the notes
    give), on the line of their first item, with how many items they own."""
    first: dict[str, ActionItem] = {}
    counts: Counter[str] = Counter()
    for item in items:
        for owner in item.owners:
            if roster.person(owner.name) or (owner.github and roster.by_login(owner.github)):
                continue
            who = f"@{owner.github}" if owner.github == owner.name else owner.name
            first.setdefault(who, item)
            counts[who] += 1
    warnings = []
    for who, item in first.items():
        owned = f"{counts[who]} item" + ("s" if counts[who] > 1 else "")
        holders = roster.sharing(who)
        message = (
            SHARED_NAME.format(who=who, items=owned, holders=" and ".join(p.name for p in holders))
            if len(holders) > 1
            else UNKNOWN_OWNER.format(who=who, items=owned)
        )
        warnings.append(Annotation(_in_workspace(item.note, env), item.line, message))
    return warnings


def _in_workspace(path: str, env: Mapping[str, str]) -> str:
    """The path from the repository's root, which is how Actions places an annotation."""
    workspace = env.get("GITHUB_WORKSPACE")
    if workspace:
        try:
            return Path(path).resolve().relative_to(Path(workspace).resolve()).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()


_BREAKS = {"\u0085", "\u2028", "\u2029"}


def printable(text: str) -> str:
    """Text from notes, paths or GitHub, fit to echo in a log the runner reads: a newline in it
    would start a line, and a line starting with "::" is a workflow command. Control characters
    and line separators are shown escaped ("\\n"), everything else as it is."""
    return "".join(repr(c)[1:-1] if unicodedata.category(c) == "Cc" or c in _BREAKS else c for c in text)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def notes_markdown(notes: list[str], why: str, shown: int = 20) -> str:
    """Which notes the run read, and why those, for the job summary."""
    if not notes:
        return f"No notes to read ({why})."
    names = ", ".join(f"`{_in_workspace(n, os.environ).replace('`', '')}`" for n in notes[:shown])
    more = f" and {len(notes) - shown} more" if len(notes) > shown else ""
    return f"Notes read ({why}): {names}{more}."
