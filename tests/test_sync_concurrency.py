"""Two syncs started together on the same notes open each issue once.

How: a workflow's concurrency group serialises runs of that one workflow only; a CLI run (a person's,
another workflow's, a cron on some machine) is not in the group. So the bot serialises syncs itself,
with a file lock in the state folder (bot/lock.py) held from reading the tracker to the last write
(bot/commands/sync.py): the second sync waits, then plans against what the first one wrote.

Each race here is made certain, not likely: the first issue-creating request is held in the emulator
until the second sync says it is waiting for the lock, and every create is slowed, so the second
sync is waiting while the first is still creating. Without a shared lock
(two state folders) the same race opens every issue twice; the next run closes the younger copies.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import yaml

from bot.lock import WAITING
from bot.syncplan.apply import SyncResult
from tests import syncbed
from tests.conftest import ROOT
from tests.github_emulator import GitHubEmulator, LoggedRequest

NOTE = syncbed.FIVE_ITEMS
ISSUES = 5
CREATE = re.compile(r"/repos/[^/]+/[^/]+/issues")  # fullmatch: opening an issue, not commenting
LISTING = f"/repos/{syncbed.REPO}/issues"
WAIT = 60.0  # seconds any wait in these tests may take before it counts as a hang


@pytest.fixture
def repo(github_emulator: GitHubEmulator) -> GitHubEmulator:
    github_emulator.add_repo(syncbed.REPO, collaborators=["priyar", "sokafor", "leechen"])
    return github_emulator


def write_notes(root: Path) -> Path:
    notes = root / "notes"
    notes.mkdir(parents=True)
    (notes / "2026-05-06.md").write_text(NOTE, encoding="utf-8")
    return notes


def said_waiting(logs: Iterable[Path]) -> bool:
    """Whether a sync's stderr says it is waiting for the lock another sync holds."""
    return any(log.exists() and WAITING in log.read_text(encoding="utf-8") for log in logs)


def hold_first_create(emu: GitHubEmulator, until: Callable[[], bool], seconds: float) -> threading.Event:
    """Hold the first issue-creating request until `until()` (then slow every create by `seconds`).
    Returns an event set once the condition was seen, so the test can tell a hold from a timeout."""
    seen = threading.Event()

    def gate(_: LoggedRequest) -> bool:
        if not seen.is_set():
            deadline = time.monotonic() + WAIT
            while not until() and time.monotonic() < deadline:
                time.sleep(0.02)
            if until():
                seen.set()
        return True

    emu.inject("slow", method="POST", path=CREATE, match=gate, when="before", seconds=seconds, times=None)
    return seen


def creates_and_listings(emu: GitHubEmulator) -> tuple[list[int], list[int]]:
    requests = emu.requests
    creates = [r.index for r in requests if r.method == "POST" and CREATE.fullmatch(r.canonical_path)]
    listings = [r.index for r in requests if r.method == "GET" and r.canonical_path == LISTING]
    return creates, listings


def assert_each_item_once(emu: GitHubEmulator) -> None:
    ids = syncbed.item_ids_in(emu)
    assert len(ids) == ISSUES and Counter(ids).most_common(1)[0][1] == 1, ids


def test_two_cli_processes_started_together_open_each_issue_once(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    notes = write_notes(tmp_path)
    state = tmp_path / "state"
    config = tmp_path / "actionbot.yml"
    tracker = {
        "kind": "github",
        "repo": syncbed.REPO,
        "api_url": repo.url,
        "token_env": "ACTIONBOT_TEST_TOKEN",
        "state_dir": str(state),
        "seconds_between_writes": 0,
        # The first create is held until the second process is inside the lock, which can take the
        # second process's whole start (loading spaCy): longer than 5 s on a busy machine.
        "timeout": 30,
    }
    config.write_text(yaml.safe_dump({"people": syncbed.PEOPLE, "tracker": tracker}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["ACTIONBOT_TEST_TOKEN"] = repo.token
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])  # this checkout
    logs = [tmp_path / f"stderr-{n}.txt" for n in range(2)]
    seen = hold_first_create(repo, lambda: said_waiting(logs), seconds=0.5)
    command = [sys.executable, "-m", "bot", "sync", str(notes), "--config", str(config), "--json"]
    with logs[0].open("w") as first, logs[1].open("w") as second:
        processes = [
            subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=log, text=True)
            for log in (first, second)
        ]
        try:
            stdouts = [p.communicate(timeout=2 * WAIT)[0] for p in processes]
            outputs = list(zip(stdouts, (log.read_text() for log in logs), strict=True))
        finally:
            for process in processes:
                if process.poll() is None:  # a hang: end these two, then fail
                    process.kill()
                    process.communicate()
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, f"exit {process.returncode}\nstdout:\n{out}\nstderr:\n{err}"
    assert seen.is_set(), "the second process never reached the lock while the first was creating"
    # One opened all five, the other found them (the runs' plans, as --json prints them).
    created = sorted(json.loads(out)["created"] for out, _ in outputs)
    assert created == [0, ISSUES]
    # The lock serialised them: the second listing of the issues came after the first run's creates.
    creates, listings = creates_and_listings(repo)
    assert len(creates) == ISSUES and len(listings) == 2
    assert listings[0] < min(creates) and max(creates) < listings[1]
    assert_each_item_once(repo)


def test_two_syncs_in_one_process_sharing_a_state_folder_take_turns(
    repo: GitHubEmulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    notes = write_notes(tmp_path)
    config = syncbed.make_config(repo, tmp_path / "state", timeout=10)
    extraction = syncbed.extract(config, notes)
    seen = hold_first_create(
        repo, lambda: any(WAITING in r.getMessage() for r in caplog.records), seconds=0.3
    )
    results: list[SyncResult] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def sync() -> None:
        try:
            start.wait()
            results.append(syncbed.sync(repo, config, extraction, root=tmp_path))
        except BaseException as error:  # reported by the test below
            errors.append(error)

    with syncbed.token(repo):  # set once around both, so neither thread unsets it under the other
        threads = [threading.Thread(target=sync) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=2 * WAIT)
    assert not errors and len(results) == 2
    assert seen.is_set(), "the second sync never reached the lock while the first was creating"
    assert [r.error for r in results] == [None, None]
    assert sorted(r.created for r in results) == [0, ISSUES]
    creates, listings = creates_and_listings(repo)
    assert len(creates) == ISSUES and len(listings) == 2
    assert listings[0] < min(creates) and max(creates) < listings[1]
    assert_each_item_once(repo)
    repo.reset_log()
    with syncbed.token(repo):
        assert syncbed.sync(repo, config, extraction, root=tmp_path).error is None
    assert repo.writes() == []


def test_without_a_shared_lock_the_race_opens_twins_and_the_next_run_closes_them(
    repo: GitHubEmulator, tmp_path: Path
) -> None:
    """Why the lock: two syncs with their own state folders both plan before either creates."""
    notes = write_notes(tmp_path)
    configs = [syncbed.make_config(repo, tmp_path / f"state-{n}", timeout=10) for n in range(2)]
    extraction = syncbed.extract(configs[0], notes)
    seen = hold_first_create(repo, lambda: len(creates_and_listings(repo)[1]) >= 2, seconds=0)
    results: list[SyncResult] = []
    start = threading.Barrier(2)

    def sync(n: int) -> None:
        start.wait()
        results.append(syncbed.sync(repo, configs[n], extraction, root=tmp_path))

    with syncbed.token(repo):
        threads = [threading.Thread(target=sync, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=2 * WAIT)
    assert seen.is_set() and [r.created for r in results] == [ISSUES, ISSUES]
    ids = syncbed.item_ids_in(repo)
    assert len(ids) == 2 * ISSUES and set(Counter(ids).values()) == {2}
    repo.clear_faults()
    with syncbed.token(repo):
        healed = syncbed.sync(repo, configs[0], extraction, root=tmp_path)
    assert healed.error is None and healed.updated == ISSUES  # one close per younger twin
    open_ids = [i for i, issue in zip(ids, repo.issues(syncbed.REPO), strict=True) if issue.state == "open"]
    assert sorted(open_ids) == sorted(set(ids))
    for issue in repo.issues(syncbed.REPO, state="closed"):
        assert issue.state_reason == "not_planned"
        [comment] = repo.comments(syncbed.REPO, issue.number)
        assert comment.body.startswith("Duplicate of #")
