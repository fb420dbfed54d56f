"""Links to a note line whose file name holds '#', '?', '%' or a space: the issue body's link is
clickable and, like the overview page's, points at that file."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
from pathlib import Path

from bot.overview.page import render
from tests import syncbed
from tests.github_emulator import GitHubEmulator, body_of
from tests.test_site import ITEMS, the_page

NAME = "2026-05-06 ops #3?v=1 100%.md"
ENCODED = "2026-05-06%20ops%20%233%3Fv%3D1%20100%25.md"


def test_the_issue_links_to_the_note_by_its_encoded_path(
    github_emulator: GitHubEmulator, tmp_path: Path
) -> None:
    github_emulator.add_repo(syncbed.REPO, collaborators=["priyar"])
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / NAME).write_text(syncbed.THREE_ITEMS, encoding="utf-8")
    config = syncbed.make_config(github_emulator, tmp_path / "state")
    result = syncbed.sync(github_emulator, config, syncbed.extract(config, notes), root=tmp_path)
    assert result.error is None and result.created == 3
    body = body_of(next(i for i in github_emulator.issues(syncbed.REPO) if i.title.startswith("Rotate")))
    [address] = re.findall(r"\]\((https://[^)\s]+)\)", body)
    assert address == f"https://github.com/team/notes/blob/main/notes/{ENCODED}#L8"
    parts = urllib.parse.urlsplit(address)
    assert urllib.parse.unquote(parts.path).endswith("/notes/" + NAME) and parts.fragment == "L8"


def test_the_page_links_to_the_note_by_its_encoded_path() -> None:
    renamed = [dataclasses.replace(item, note=f"notes/{NAME}") for item in ITEMS]
    view = the_page(renamed)
    [row] = [i for meeting in view.meetings for i in meeting.items if i.id == "a"]
    assert row.note.url == f"https://github.com/team/notes/blob/main/notes/{ENCODED}#L7"
    assert f'href="https://github.com/team/notes/blob/main/notes/{ENCODED}#L7"' in render(view)
