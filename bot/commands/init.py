"""The init command: actionbot.yaml written from the notes (the guessing is `bot.scaffold`'s), and
the bot's state kept out of git. It reads no config, so it runs outside the commands' frame."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot import scaffold
from bot.commands import runner
from bot.config import DEFAULT_CONFIG_NAMES, NotesConfig
from bot.notefiles import OUTSIDE, discover, leaves, load_meeting
from bot.notes.meeting import NoteError


def command(paths: list[str] | None, force: bool) -> None:
    # The config that would be read, if there is one: a new actionbot.yaml would shadow .actionbot.yaml.
    names = [Path(name) for name in DEFAULT_CONFIG_NAMES]
    target = next((name for name in names if name.is_file() or name.is_symlink()), names[0])
    if leaves(target, Path.cwd()):
        raise runner.fail(f"{target} {OUTSIDE}: the config is written inside the repository only")
    if target.exists() and not force:
        raise runner.fail(f"{target} exists: edit it, or run `actionbot init --force` to write it again")
    folders = paths or ["notes"]
    meetings = []
    for note in discover(folders):
        try:
            meetings.append(load_meeting(note, NotesConfig().max_bytes, Path.cwd()))
        except NoteError as error:
            runner.say_error(str(error))
    if not meetings:
        raise runner.fail(
            "no notes could be read in " + ", ".join(folders) + ": name the folder that holds them"
        )
    target.write_text(scaffold.config_text(meetings, folders, _remote_repo()), encoding="utf-8")
    _ignore_state()
    people = len(scaffold.people(meetings))
    sys.stdout.write(
        f"wrote {target} from {len(meetings)} notes ({people} people); check its people and meetings\n"
    )


def _ignore_state() -> None:
    """.actionbot/ added to .gitignore, unless the file is outside the repository."""
    ignore = Path(".gitignore")
    before = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
    after = scaffold.with_gitignore_entry(before)
    if after != before and leaves(ignore, Path.cwd()):
        sys.stderr.write(f"warning: {ignore} {OUTSIDE}: add {scaffold.GITIGNORE_ENTRY} to it yourself\n")
    elif after != before:
        ignore.write_text(after, encoding="utf-8")


def _remote_repo() -> str | None:
    try:
        url = subprocess.run(
            ["git", "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return scaffold.repo_of_remote(url)
