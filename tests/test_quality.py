"""Extraction quality, measured with the project's scorer on annotated notes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from bot.config import Config
from bot.extract import Extractor
from bot.notefiles import discover, load_meeting
from tests.conftest import DEV_NOTES, SCORER, STYLES, needs_shared

BAR = 0.90


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(nlp: Any, folder: Path) -> list[dict[str, Any]]:
    config = Config.model_validate(yaml.safe_load((folder / "roster.yaml").read_text(encoding="utf-8")))
    extractor = Extractor(nlp, config.roster)
    items = []
    for path in discover([str(folder)]):
        items.extend(item.as_json() for item in extractor.extract(load_meeting(path, 1_000_000)))
    return items


@needs_shared()
def test_dev_notes_meet_the_bar(nlp: Any) -> None:
    gold = json.loads((DEV_NOTES / "gold.json").read_text(encoding="utf-8"))
    result, _, _ = scorer().score(gold, predictions(nlp, DEV_NOTES))
    assert result["precision"] >= BAR and result["recall"] >= BAR, result


@needs_shared()
def test_other_minute_styles_meet_the_bar(nlp: Any) -> None:
    gold = json.loads((STYLES / "gold.json").read_text(encoding="utf-8"))
    result, _, _ = scorer().score(gold, predictions(nlp, STYLES))
    assert result["precision"] >= BAR and result["recall"] >= BAR, result
