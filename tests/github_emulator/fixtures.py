"""pytest fixtures for the GitHub emulator.

Use the ready-made fixture (both spellings work from ``tests/conftest.py``)::

    from tests.github_emulator.fixtures import github_emulator  # noqa: F401
    # or: pytest_plugins = ["tests.github_emulator.fixtures"]

    def test_something(github_emulator):
        github_emulator.add_repo("octo/meetings", collaborators=["alice"])
        gh = github_emulator.github()  # PyGithub client, no throttling, no retries

Configure it by defining a ``github_emulator_config`` fixture returning ``GitHubEmulator`` keyword
arguments (e.g. ``{"tokens": {"tok-alice": "alice"}, "login": "mybot"}``), or build your own
fixture, with any name and scope, from the factory::

    gh_emu = make_github_emulator_fixture(name="gh_emu", scope="module", login="mybot")

Every fixture stops the server at teardown and then fails the test if any response did not match
GitHub's schema or any handler crashed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Literal

import pytest

from .emulator import GitHubEmulator

Scope = Literal["session", "package", "module", "class", "function"]


def serve(config: dict[str, Any]) -> Iterator[GitHubEmulator]:
    """Start an emulator, yield it, stop it, then assert it stayed healthy."""
    emulator = GitHubEmulator(**config).start()
    try:
        yield emulator
    finally:
        emulator.stop()
    emulator.assert_healthy()


@pytest.fixture(name="github_emulator")  # explicit, so it keeps its name when imported under an alias
def github_emulator(request: pytest.FixtureRequest) -> Iterator[GitHubEmulator]:
    """A running :class:`GitHubEmulator`; configured by a ``github_emulator_config`` fixture if any."""
    try:
        config: dict[str, Any] = dict(request.getfixturevalue("github_emulator_config"))
    except pytest.FixtureLookupError:
        config = {}
    yield from serve(config)


def make_github_emulator_fixture(
    *, name: str | None = None, scope: Scope = "function", **config: Any
) -> Callable[..., Iterator[GitHubEmulator]]:
    """A fixture (called ``name``, default: the variable you assign it to) serving an emulator."""

    @pytest.fixture(scope=scope, name=name)
    def _github_emulator() -> Iterator[GitHubEmulator]:
        yield from serve(config)

    return _github_emulator
