"""The README's two commands as a new user copies them, `.ci/run` running the test command first with
nothing before it, and the project's home named where a user looks for it (the README, and the
workflow a user copies from docs/workflow.md)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    """The README's main command and its test command, in that order."""
    return re.findall(r"^```sh\n(.*?)\n```$", README, re.M | re.S)[:2]


@pytest.mark.slow
def test_the_main_command_installs_into_a_virtual_environment_and_runs_from_it(tmp_path: Path) -> None:
    steps = commands()[0].split(" && ")
    assert steps[:2] == ["python3 -m venv .venv", ".venv/bin/pip install -q ."]
    rest = steps[2:]
    # Nothing runs from, or installs into, the system's Python.
    assert [step.split()[0] for step in rest] == [".venv/bin/actionbot"] * 2, rest
    # The commands after the install, run as written from this test's own environment.
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    bin_folder = tmp_path / ".venv" / "bin"
    bin_folder.mkdir(parents=True)
    (bin_folder / "actionbot").symlink_to(Path(sys.executable).parent / "actionbot")
    done = subprocess.run(
        " && ".join(rest), shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "issues created, 0 updated in the local tracker" in done.stdout
    assert "### Follow-up of action items for the 2026-04-01 meeting" in done.stdout


def test_ci_runs_the_readme_test_command_first_with_nothing_installed_before_it() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    run = [line for line in script if line and not line.startswith(("#", "set ", "cd "))]
    assert run[0] == commands()[1]
    assert commands()[1].startswith("python3 -m venv .venv && ")


def test_the_project_names_its_home() -> None:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    home = urls["Source"]
    assert set(urls) >= {"Homepage", "Source", "Issues"} and urls["Issues"] == f"{home}/issues"
    assert f"actionbot lives at <{home}>" in README
    owner_and_name = home.removeprefix("https://github.com/")
    workflow = (ROOT / "docs" / "workflow.md").read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+/actionbot)@FULL_COMMIT_SHA", workflow)
    assert uses and set(uses) == {owner_and_name}
