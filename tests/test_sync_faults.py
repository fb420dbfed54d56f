"""The fault matrix: a sync broken at every request, by every fault, then rerun.

For each request position k of a clean backfill and each fault GitHub can throw at it (an error
before or after the request takes effect, a bad gateway, a dropped connection before or after, an
answer slower than the client's timeout, a secondary rate limit), a fresh emulator breaks request k,
the sync runs, then runs again without faults. Afterwards every item is present exactly once (no
duplicate, nothing lost), the "raised again" news is told exactly once, everything is as a run
without faults leaves it, and a third run writes nothing. A failed run ends with one line that says
what failed and to run it again, and never shows the token.

The same holds for a later run that edits, comments, records and closes on existing issues (a
changed sentence, a mention raised again, progress reported done, an item deleted from its note),
and for a run that closes twins left by two syncs that raced without a shared lock, each broken at
every request by a fault before the request takes effect, one after, and a secondary rate limit.

PyGithub's real HTTP stack talks to the emulator: a read is retried by PyGithub and the run goes on;
so is a request that met a secondary rate limit (GitHub did nothing, and says when to come back); a
write the server may have done is not repeated, and the run stops instead.
"""

from __future__ import annotations

import collections
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from bot import pipeline
from bot.config import Config
from bot.issueindex import issuetext
from bot.syncplan.apply import SyncResult
from tests import syncbed
from tests.github_emulator import GitHubEmulator, body_of

SITE = "team/website"
REPOS = (syncbed.REPO, SITE)
ROUTES = [{"section": "(?i)^website$", "repo": SITE}]

NOTE = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by Friday.

Sam to update the changelog.

## Docs

Lee offered to write the FAQ. Dana will proofread it.

## Website

Priya will fix the header.

Olga will ask about the logo.
"""

LATER = syncbed.RAISED_AGAIN

# For the later run: a sentence changed and one deleted in the first note, and a third meeting that
# reports progress on one item and raises another again (in the second repository).
EDITED = NOTE.replace("Sam to update the changelog.", "Sam to update the changelog and NEWS.").replace(
    "Olga will ask about the logo.\n", ""
)
JUNE = """---
title: Sync
date: 2026-06-03
---

## Docs

Lee finished the FAQ and it is merged.

## Website

Priya will fix the header before the launch.
"""

RAISED_AGAIN = "Raised again at the 2026-05-20 meeting"

# name -> inject() keyword arguments. The config's client timeout is 1 s, so a 1.5 s answer times out.
FAULTS: dict[str, dict[str, Any]] = {
    "500-before": {"kind": "500", "when": "before"},
    "500-after": {"kind": "500", "when": "after"},
    "502": {"kind": "502", "when": "before"},
    "drop-before": {"kind": "drop", "when": "before"},
    "drop-after": {"kind": "drop", "when": "after"},
    "slow-after": {"kind": "slow", "when": "after", "seconds": 1.5},
    "secondary-rate-limit": {"kind": "secondary_rate_limit", "retry_after": 1},
}
# For the later run, one fault before the request takes effect and one after (the backfill's matrix
# shows each kind of fault becomes one of these two for the bot), and a secondary rate limit on its
# edits and closes (PATCH, which PyGithub's GithubRetry does not retry by itself).
LATER_FAULTS = ("500-before", "drop-after", "secondary-rate-limit")
# Positions at once (see matrix): eight wait out slow answers and Retry-After together.
WORKERS = 8


@dataclass(frozen=True)
class IssueState:
    """What a run leaves in one of the bot's issues, numbers and marker order aside."""

    repo: str
    title: str
    state: str
    state_reason: str | None
    labels: tuple[str, ...]
    assignees: tuple[str, ...]
    text: str  # the body without its marker
    aliases: frozenset[str]
    facts: frozenset[str]
    comments: tuple[str, ...]  # the bot's, sorted


Snapshot = dict[str, list[IssueState]]  # main item id -> its issues (more than one is a duplicate)


@dataclass(frozen=True)
class Scenario:
    root: Path  # the checkout the notes live in (links and note scope are relative to it)
    extraction: pipeline.Extraction  # what the run under test syncs
    tracker: dict[str, Any]  # tracker settings besides make_config's
    before: pipeline.Extraction | None  # synced without faults before the run under test
    setup: Callable[[GitHubEmulator], None] | None = None  # then done to the emulator directly
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path) of its clean run
    final: Snapshot = field(default_factory=dict)  # what its clean run leaves

    @property
    def size(self) -> int:
        return len(self.requests)

    @property
    def item_ids(self) -> set[str]:
        return {i.id for i in self.extraction.items} | {i.id for i in (self.before or self.extraction).items}


def start() -> GitHubEmulator:
    emu = GitHubEmulator().start()
    syncbed.add_notes_repo(emu)
    emu.add_repo(SITE, collaborators=["priyar"])
    return emu


@contextmanager
def emulator() -> Iterator[GitHubEmulator]:
    emu = start()
    try:
        yield emu
    finally:
        emu.stop()
    emu.assert_healthy()


def run(
    emu: GitHubEmulator, scenario: Scenario, state: Path, extraction: pipeline.Extraction | None = None
) -> SyncResult:
    config = syncbed.make_config(emu, state, **scenario.tracker)
    return syncbed.sync(emu, config, extraction or scenario.extraction, root=scenario.root)


def prepare(emu: GitHubEmulator, scenario: Scenario, state: Path) -> None:
    if scenario.before is not None:
        assert run(emu, scenario, state, scenario.before).error is None
    if scenario.setup is not None:
        scenario.setup(emu)
    emu.reset_log()


def snapshot(emu: GitHubEmulator) -> Snapshot:
    found: Snapshot = {}
    for repo in REPOS:
        for issue in emu.issues(repo):
            marker = issuetext.parse_marker(issue.body)
            if marker is None or issue.user.login != emu.login:
                continue
            comments = emu.comments(repo, issue.number)
            found.setdefault(marker.id, []).append(
                IssueState(
                    repo=repo,
                    title=issue.title,
                    state=issue.state,
                    state_reason=issue.state_reason,
                    labels=tuple(sorted(label.name for label in issue.labels)),
                    assignees=tuple(sorted(user.login for user in issue.assignees)),
                    text=body_of(issue).replace(marker.render(), "<marker>"),
                    aliases=frozenset(marker.aliases),
                    facts=frozenset(marker.facts),
                    comments=tuple(sorted(c.body for c in comments if c.user.login == emu.login)),
                )
            )
    return found


def raised_again(issue: IssueState) -> int:
    """How often an issue tells a later mention: in the body it opened with, or in a comment."""
    return issue.text.count(RAISED_AGAIN) + sum(c.startswith(RAISED_AGAIN) for c in issue.comments)


def is_closed_duplicate(issue: IssueState) -> bool:
    return issue.state_reason == "not_planned" and any(c.startswith("Duplicate of #") for c in issue.comments)


def live(states: list[IssueState]) -> list[IssueState]:
    return [s for s in states if not is_closed_duplicate(s)]


def carriers(final: Snapshot) -> collections.Counter[str]:
    """How many live issues carry each item id, as their own or as a later mention's."""
    carried: collections.Counter[str] = collections.Counter()
    for item_id, states in final.items():
        for issue in live(states):
            carried.update({item_id, *issue.aliases})
    return carried


def comparable(issue: IssueState) -> IssueState:
    """An issue as compared with a run without faults. One difference is let through: a run stopped
    between closing a removed item as not planned and recording that in its marker leaves it
    unrecorded, since the plan leaves issues closed as not planned alone. Closing first is the
    lesser evil (the other order leaves the item open for good); the facts only matter if someone
    reopens the issue, and then the next run closes it again, without a second comment, or if the
    item comes back (then the issue is told so, but not reopened)."""
    if issue.state == "closed" and issue.state_reason == "not_planned":
        recorded = {issuetext.REMOVED_FACT, issuetext.CLOSED_PREFIX + issuetext.REMOVED_FACT}
        return replace(issue, facts=issue.facts - recorded)
    return issue


def clean(scenario: Scenario, state: Path) -> Scenario:
    """The scenario with the requests and the outcome of its run without faults."""
    with emulator() as emu:
        prepare(emu, scenario, state)
        result = run(emu, scenario, state)
        assert result.error is None
        requests = [(r.method, r.canonical_path) for r in emu.requests]
        final = snapshot(emu)
        emu.reset_log()
        assert run(emu, scenario, state).error is None and emu.writes() == []
    assert set(carriers(final).values()) == {1}
    return replace(scenario, requests=requests, final=final)


def checkout(root: Path, notes: dict[str, str]) -> None:
    folder = root / "notes"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, text in notes.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def backfill(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    """Two meetings into two empty repositories. The notes are extracted once for the module (spaCy
    is the slow part), and every scenario syncs that same extraction."""
    root = tmp_path_factory.mktemp("backfill")
    checkout(root, {"2026-05-06.md": NOTE, "2026-05-20.md": LATER})
    config = Config.model_validate({"people": syncbed.PEOPLE})  # extraction reads the people only
    extraction = syncbed.extract(config, root / "notes")
    assert not extraction.errors
    scenario = clean(Scenario(root, extraction, {"routes": ROUTES}, None), root / "clean-state")
    # What the matrix needs: issues in two repositories, and a later mention folded into the first
    # issue (told once, in the body it opens with).
    assert {states[0].repo for states in scenario.final.values()} == set(REPOS)
    assert len(scenario.item_ids) == len(scenario.final) + 1
    assert sum(raised_again(s[0]) for s in scenario.final.values()) == 1
    return scenario


@pytest.fixture(scope="module")
def later_run(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    """After that backfill: the first note edited (one sentence changed, one deleted) and a third
    meeting, with removed items and items reported done closed."""
    root = tmp_path_factory.mktemp("later")
    config = Config.model_validate({"people": syncbed.PEOPLE})
    checkout(root, {"2026-05-06.md": NOTE, "2026-05-20.md": LATER})
    before = syncbed.extract(config, root / "notes")
    checkout(root, {"2026-05-06.md": EDITED, "2026-05-20.md": LATER, "2026-06-03.md": JUNE})
    after = syncbed.extract(config, root / "notes")
    assert not before.errors and not after.errors
    tracker = {"routes": ROUTES, "close_removed": True, "close_on_done": True}
    scenario = clean(Scenario(root, after, tracker, before), root / "clean-state")
    writes = collections.Counter(method for method, _ in scenario.requests if method != "GET")
    assert writes == {"PATCH": 6, "POST": 3}  # an edit; three comments, each recorded; two closes
    return scenario


@pytest.fixture(scope="module")
def twins(backfill: Scenario, tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    """After the backfill, the first issue of each repository opened a second time, as two syncs
    racing without a shared lock leave them: the run closes each younger twin, with a comment."""

    def open_twins(emu: GitHubEmulator) -> None:
        for repo in REPOS:
            first = emu.issues(repo)[0]
            emu.create_issue(
                repo, first.title, body=first.body, labels=[label.name for label in first.labels]
            )

    fresh = replace(backfill, before=backfill.extraction, setup=open_twins, requests=[], final={})
    scenario = clean(fresh, tmp_path_factory.mktemp("twins") / "clean-state")
    assert sum(is_closed_duplicate(s) for states in scenario.final.values() for s in states) == len(REPOS)
    assert [method for method, _ in scenario.requests if method != "GET"] == ["POST", "PATCH"] * len(REPOS)
    return scenario


def problems_after(
    emu: GitHubEmulator, scenario: Scenario, state: Path, fault: str, k: int
) -> tuple[list[str], str | None]:
    """Break request k of the scenario's run with `fault`, run, rerun, run a third time; what went
    wrong, and the message of the faulty run (None when it succeeded)."""
    prepare(emu, scenario, state)
    spec = dict(FAULTS[fault])
    method, path = scenario.requests[k]
    rule = emu.inject(spec.pop("kind"), at=k, **spec)
    problems: list[str] = []
    try:
        first = run(emu, scenario, state)
    except Exception as crash:  # the sync must report, never raise
        return [f"{fault} at #{k} {method} {path}: the faulty run raised {crash!r}"], None
    if rule.hits != [k]:
        problems.append(f"the fault hit requests {rule.hits}, not [{k}]")
    error = first.error
    must_fail = method != "GET" and fault != "secondary-rate-limit"
    if must_fail and error is None:
        problems.append("the faulty run reported success")
    if not must_fail and error is not None:
        problems.append(f"the faulty run failed instead of retrying: {error}")
    if error is not None:
        if "\n" in error:
            problems.append(f"the message is not one line: {error!r}")
        if not error.startswith("sync stopped after") or "GitHub" not in error:
            problems.append(f"the message does not say what failed: {error!r}")
        if "Run it again" not in error:
            problems.append(f"the message does not say to run again: {error!r}")
        if emu.token in error:
            problems.append("the message shows the token")

    emu.clear_faults()
    second = run(emu, scenario, state)
    if second.error is not None:
        problems.append(f"the rerun failed: {second.error}")

    final = snapshot(emu)
    twice = sorted(i for i, states in final.items() if len(live(states)) > 1)
    if twice:
        problems.append(f"issues opened twice: {twice}")
    if set(final) != set(scenario.final):
        problems.append(f"issues missing: {sorted(set(scenario.final) - set(final))}")
        problems.append(f"issues not expected: {sorted(set(final) - set(scenario.final))}")
    carried = carriers(final)
    wrong = {i: carried[i] for i in sorted(scenario.item_ids) if carried[i] != 1}
    if wrong:
        problems.append(f"items not carried by exactly one issue (id: issues): {wrong}")
    raised = sum(raised_again(s) for states in final.values() for s in live(states))  # twins copy bodies
    if raised != 1:
        problems.append(f"'{RAISED_AGAIN}' told {raised} times, not once")
    for item_id, states in sorted(final.items()):
        expected = scenario.final.get(item_id, [])
        if len(states) != len(expected):
            problems.append(f"{len(states)} issues for {item_id}, not {len(expected)} as without faults")
            continue
        for got, want in zip(states, expected, strict=True):
            got, want = comparable(got), comparable(want)
            if got != want:
                fields = [f for f in IssueState.__dataclass_fields__ if getattr(got, f) != getattr(want, f)]
                problems.append(f"issue {item_id} differs from a run without faults in {fields}: {got}")

    emu.reset_log()
    third = run(emu, scenario, state)
    writes = [(w.method, w.canonical_path) for w in emu.writes()]
    if third.error is not None or writes:
        problems.append(f"the third run wrote {writes} (error: {third.error})")
    return [f"{fault} at #{k} {method} {path}: {p}" for p in problems], error


def position(scenario: Scenario, state: Path, fault: str, k: int) -> tuple[list[str], str | None]:
    with emulator() as emu:
        return problems_after(emu, scenario, state / str(k), fault, k)


def matrix(scenario: Scenario, state: Path, fault: str) -> None:
    # The positions run side by side, each against its own emulator and state folder: most of a slow
    # or rate-limited run is waiting. Every emulator has the same token, set once around them all so
    # that no run unsets it under another.
    with syncbed.token(GitHubEmulator()), ThreadPoolExecutor(WORKERS) as pool:  # not started: its token only
        outcomes = list(pool.map(lambda k: position(scenario, state, fault, k), range(scenario.size)))
    failures = [problem for problems, _ in outcomes for problem in problems]
    assert not failures, f"{len(failures)} problem(s) over {scenario.size} positions:\n" + "\n".join(failures)
    # Every write stopped its run, and nothing else did (reads and rate limits were retried).
    writes = sum(method != "GET" for method, _ in scenario.requests)
    stopped = sum(error is not None for _, error in outcomes)
    assert stopped == (0 if fault == "secondary-rate-limit" else writes)


@pytest.mark.slow
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_backfill_broken_at_any_request_ends_complete_after_a_rerun(
    backfill: Scenario, tmp_path: Path, fault: str
) -> None:
    matrix(backfill, tmp_path, fault)


@pytest.mark.slow
@pytest.mark.parametrize("fault", LATER_FAULTS)
def test_a_later_run_broken_at_any_request_ends_complete_after_a_rerun(
    later_run: Scenario, tmp_path: Path, fault: str
) -> None:
    matrix(later_run, tmp_path, fault)


@pytest.mark.slow
@pytest.mark.parametrize("fault", LATER_FAULTS)
def test_closing_twins_broken_at_any_request_ends_complete_after_a_rerun(
    twins: Scenario, tmp_path: Path, fault: str
) -> None:
    matrix(twins, tmp_path, fault)


@pytest.mark.slow
def test_a_failed_runs_message_never_shows_the_token(backfill: Scenario, tmp_path: Path) -> None:
    last_write = max(k for k, (method, _) in enumerate(backfill.requests) if method != "GET")
    messages = []
    for fault in ("500-before", "500-after", "502", "drop-before", "drop-after", "slow-after"):
        with emulator() as emu:
            problems, error = problems_after(emu, backfill, tmp_path / fault, fault, last_write)
            token = emu.token
        assert not problems and error is not None
        messages.append(error)
    assert not [m for m in messages if token in m or token[4:16] in m], messages
