"""The command line's conventions: help without Python types, choices listed, -h, --version, an
example in every command's help."""

from __future__ import annotations

import itertools
import re

import pytest
import typer
from typer.testing import CliRunner

from bot.cli import app

COMMANDS = sorted(typer.main.get_group(app).commands)
PYTHON_TYPES = re.compile(r"<(?:bool|str|int|float|path|list\[[^\]]*\]|[a-z_]+\|[a-z_|]+)>|list\[|NoneType")


def help_of(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "-h"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_covered() -> None:
    assert COMMANDS == [
        "close",
        "extract",
        "init",
        "items",
        "learn",
        "remind",
        "reopen",
        "report",
        "run",
        "site",
        "sync",
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_types_and_an_example(command: str) -> None:
    text = help_of(command)
    assert not PYTHON_TYPES.search(text), text
    [example] = re.findall(r"Example: (actionbot .+)", text)
    assert example.split()[1] == command
    assert "-h, --help" in text or re.search(r"--help\s+-h", text)


def test_choices_and_metavars_are_listed() -> None:
    text = help_of("report")
    assert "[markdown|json]" in text and "DATE|NOTE" in text and "FILE" in text and "ISO-TIME" in text
    assert "NAME" in help_of("items") and "ID|N" in help_of("close")


def test_top_level_help_and_version() -> None:
    text = help_of()
    assert not PYTHON_TYPES.search(text) and "--version" in text
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and re.fullmatch(r"actionbot \d+\.\d+\.\d+\S*\n", result.output)


def test_a_wrong_choice_names_the_choices() -> None:
    result = CliRunner().invoke(app, ["report", "--format", "html"], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and "markdown" in result.output and "json" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_text_breaks_only_where_the_terminal_ends(command: str) -> None:
    """A docstring's line breaks are where its source lines ended, not where a sentence does."""
    result = CliRunner().invoke(app, [command, "-h"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    description = result.output.split("╭")[0].splitlines()[3:]  # after the usage line
    for line, following in itertools.pairwise(description):
        if line.strip() and following.strip():
            # The next line's first word would not have fitted on this one.
            assert len(line.rstrip()) + 1 + len(following.split()[0]) > 79, (line, following)
