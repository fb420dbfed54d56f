"""The `actionbot` command run in the test's own process: the same typer app, arguments, working
folder and environment as `python -m bot`, without starting Python and loading spaCy again for
every call. Tests of what only a process shows (signals, two processes racing, a workflow step's
shell) start one instead."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app


@dataclass(frozen=True)
class Ran:
    """What a run printed and how it ended, named as `subprocess.CompletedProcess` names them."""

    returncode: int
    stdout: str
    stderr: str


def actionbot(*args: str, cwd: Path, env: Mapping[str, str] | None = None) -> Ran:
    """`actionbot ARGS` in `cwd`; `env`, when given, is the whole environment (as for a process)."""
    environment = dict(env) if env is not None else dict(os.environ)
    # CliRunner sets the variables it is given and keeps the others: unset those the run must not see.
    unset = {name: None for name in os.environ if name not in environment}
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(app, list(args), env={**unset, **environment}, catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)
