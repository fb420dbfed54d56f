"""Files the bot did not write, and files outside the repository: `init` and `site` overwrite no one
else's file, and no command reads a note or writes a file through a link that leads outside."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.test_cli import EXAMPLES, actionbot


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(EXAMPLES / "notes", repo / "notes")
    return repo


@pytest.mark.parametrize("existing", [".actionbot.yaml", "actionbot.yml"])
def test_init_refuses_when_another_config_name_is_there(checkout: Path, existing: str) -> None:
    (checkout / existing).write_text("people: []\n", encoding="utf-8")
    run = actionbot("init", "notes", cwd=checkout)
    assert run.returncode == 2 and f"{existing} exists" in run.stderr
    assert not (checkout / "actionbot.yaml").exists()
    # --force writes the config that is read, not a new one that would shadow it.
    forced = actionbot("init", "notes", "--force", cwd=checkout)
    assert forced.returncode == 0, forced.stderr
    assert f"wrote {existing}" in forced.stdout and not (checkout / "actionbot.yaml").exists()
    assert "Margit" in (checkout / existing).read_text(encoding="utf-8")


@pytest.mark.slow
def test_site_refuses_to_overwrite_a_page_it_did_not_write(checkout: Path) -> None:
    (checkout / "actionbot.yaml").write_text((EXAMPLES / "config.yaml").read_text(encoding="utf-8"))
    (checkout / "_site").mkdir()
    (checkout / "_site" / "index.html").write_text("<h1>Our team's home page</h1>\n", encoding="utf-8")
    run = actionbot("site", "_site", "notes", cwd=checkout)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1] == (
        "error: _site/index.html exists and actionbot did not write it: "
        "remove it, or write the page into another folder"
    )
    assert (checkout / "_site" / "index.html").read_text(
        encoding="utf-8"
    ) == "<h1>Our team's home page</h1>\n"
    # Its own page, it refreshes.
    (checkout / "_site" / "index.html").unlink()
    assert actionbot("site", "_site", "notes", cwd=checkout).returncode == 0
    assert actionbot("site", "_site", "notes", cwd=checkout).returncode == 0


def test_a_note_linked_from_outside_the_repository_is_not_read(checkout: Path, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "2026-05-06.md"
    secret.parent.mkdir()
    secret.write_text("# 2026-05-06\n\nPriya will rotate the SECRET-KEY-123 tonight.\n", encoding="utf-8")
    (checkout / "notes" / "2026-05-06.md").symlink_to(secret)
    (checkout / "notes" / "linked").symlink_to(secret.parent, target_is_directory=True)
    # A link that stays inside the repository is read as the file it points at.
    (checkout / "notes" / "again.md").symlink_to(next((checkout / "notes").glob("2026-*.md")))
    (checkout / "actionbot.yaml").write_text((EXAMPLES / "config.yaml").read_text(encoding="utf-8"))
    run = actionbot("extract", "notes", "--json", cwd=checkout)
    assert run.returncode == 1
    assert "SECRET" not in run.stdout and json.loads(run.stdout)
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: notes/2026-05-06.md: is a link to a file outside the repository; not read"]
    # A linked folder is not walked into; named, its notes are links leading outside too.
    named = actionbot("extract", "notes/linked", "--json", cwd=checkout)
    assert named.returncode == 1 and "SECRET" not in named.stdout
    assert "error: notes/linked/2026-05-06.md: is a link to a file outside the repository" in named.stderr


def test_init_does_not_write_through_a_linked_gitignore(checkout: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside-gitignore"
    outside.write_text("*.log\n", encoding="utf-8")
    (checkout / ".gitignore").symlink_to(outside)
    run = actionbot("init", "notes", cwd=checkout)
    assert run.returncode == 0, run.stderr
    assert outside.read_text(encoding="utf-8") == "*.log\n"
    assert (
        "warning: .gitignore is a link to a file outside the repository: add .actionbot/ to it yourself"
        in (run.stderr)
    )


def test_init_does_not_write_the_config_through_a_link_outside(checkout: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    (checkout / "actionbot.yaml").symlink_to(outside)
    run = actionbot("init", "notes", "--force", cwd=checkout)
    assert run.returncode == 2 and not outside.exists()
    assert "actionbot.yaml is a link to a file outside the repository" in run.stderr
