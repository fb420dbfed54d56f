"""The `actionbot` command run in the test's own process: the same typer app, arguments, working
folder and environment as `python -m bot`, without starting Python and loading spaCy again for
every call. Tests of what only a process shows (signals, two processes racing, a workflow step's
shell, everything any library prints or logs) start one instead."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from unittest import mock

from rich.console import Console
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
    with contextlib.chdir(cwd), consoles_made_in(environment):
        result = CliRunner().invoke(app, list(args), env={**unset, **environment}, catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)


@contextlib.contextmanager
def consoles_made_in(environment: Mapping[str, str]) -> Iterator[None]:
    """The bot's consoles remade as a process started in `environment` makes them: rich reads the
    width (COLUMNS) and the colours (FORCE_COLOR, TTY_COMPATIBLE, NO_COLOR) when a console is made,
    which for a module's console is at import, once per test process."""
    made: list[tuple[ModuleType, str, Console]] = []
    with mock.patch.dict(os.environ, environment, clear=True):
        for name, module in list(sys.modules.items()):
            if name.split(".")[0] != "bot" or module is None:
                continue
            for attribute, value in list(vars(module).items()):
                if isinstance(value, Console):
                    made.append((module, attribute, value))
                    setattr(module, attribute, Console(stderr=value.stderr))
    try:
        yield
    finally:
        for module, attribute, console in made:
            setattr(module, attribute, console)
