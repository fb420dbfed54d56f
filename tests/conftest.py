from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
from spacy.language import Language

from bot.action_item import ActionItem
from bot.extraction.extractor import Extractor
from bot.extraction.nlp import DEFAULT_MODEL, load_model
from bot.notes.meeting import parse_note
from bot.people import Person, Roster
from tests import syncbed
from tests.github_emulator import GitHubEmulator
from tests.mailbed import WebhookServer, webhook_server

# The GitHub emulator's fixtures (`github_emulator`) for every test.
pytest_plugins = ["tests.github_emulator.fixtures"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_NOTES = SHARED / "notes" / "mirage-dev"
SCORER = SHARED / "eval" / "score.py"
STYLES = ROOT / "tests" / "data" / "styles"

TEAM = Roster(
    (
        Person("Priya Raman", "priyar", ("Priya",)),
        Person("Samuel Okafor", "sokafor", ("Sam", "Sammy")),
        Person("Lee Chen", "leechen", ("Lee",)),
        Person("Dana Whitfield", None, ("Dana", "DW")),
        Person("Tom Lindqvist", "tlind", ("TomL", "TL")),
        Person("Tom Garcia", "tgarcia", ("TomG",)),
        Person("Daniel Brooks", "dbrooks", ("Daniel", "DanB")),
    )
)


@pytest.fixture(autouse=True)
def _outside_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot reads GitHub Actions' variables (links, event, summary, outputs). When the tests
    themselves run in Actions, they must see only the runs they stage, never the CI's own."""
    for name in [n for n in os.environ if n.startswith("GITHUB_")]:
        monkeypatch.delenv(name)


class ItemsOf(Protocol):
    """The items of a small note written in a test."""

    def __call__(self, body: str, name: str = "2026-05-06.md") -> list[ActionItem]: ...


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def extractor(nlp: Language) -> Extractor:
    return Extractor(nlp, TEAM)


@pytest.fixture
def items_of(extractor: Extractor) -> ItemsOf:
    def run(body: str, name: str = "2026-05-06.md") -> list[ActionItem]:
        return extractor.extract(parse_note(name, body))

    return run


@pytest.fixture
def repo(github_emulator: GitHubEmulator) -> GitHubEmulator:
    """The emulator with the notes repository (syncbed.REPO) the sync tests write to. A module that
    needs more (a second repository, a user) overrides it with a `repo(repo)` fixture of its own."""
    return syncbed.add_notes_repo(github_emulator)


@pytest.fixture
def hooks() -> Iterator[WebhookServer]:
    """A JSON webhook receiver on loopback: what the notices that reached it said."""
    with webhook_server() as server:
        yield server


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        not DEV_NOTES.is_dir() or not SCORER.is_file(),
        reason="../shared (the MirageOS dev notes and scorer) is not beside this checkout (a user's clone)",
    )
