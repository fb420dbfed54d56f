"""Where the annotated corpora and the shared scorer are, and which files a corpus's config names:
what the quality benchmark and the decision's training both read, so neither imports the other."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from bot.config import load_config
from bot.notefiles import discover

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
DEFAULT_CORPORA = [
    *sorted(p.parent for p in (SHARED / "notes").glob("*/gold.json")),
    ROOT / "tests/data/styles",
]


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_files(folder: Path) -> tuple[Path, list[str]]:
    config = folder / "config.yaml"
    if not config.exists():
        config = folder / "roster.yaml"
    # As the pipeline reads them: the config's `notes.paths` ("notes/*" names files without a
    # suffix too), relative to the corpus.
    configured = [
        p for p in discover(str(folder / p) for p in load_config(config).notes.paths) if Path(p).is_file()
    ]
    notes = folder / "notes" if (folder / "notes").is_dir() else folder
    return config, configured or discover([str(notes)])
