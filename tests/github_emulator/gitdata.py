"""Seeded repository content: commits as full snapshots of ``{path: bytes}``, in a linear history."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

FileStatus = Literal["added", "removed", "modified"]


def blob_sha(data: bytes) -> str:
    """The git object id of a blob, exactly as ``git hash-object`` computes it."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def tree_sha(entries: Mapping[str, bytes], prefix: str = "") -> str:
    """A stable id for a directory (not git's tree encoding, but deterministic and 40 hex digits)."""
    digest = hashlib.sha1(b"tree")
    for path in sorted(entries):
        if path.startswith(prefix):
            digest.update(path.encode() + b"\0" + blob_sha(entries[path]).encode())
    return digest.hexdigest()


@dataclass(eq=False)
class Commit:
    sha: str
    files: dict[str, bytes]
    message: str
    date: datetime
    author_name: str = "Emulator"
    author_email: str = "emulator@example.com"
    parent: str | None = None

    @property
    def tree(self) -> str:
        return tree_sha(self.files)


@dataclass(frozen=True)
class DirEntry:
    name: str
    path: str
    type: Literal["file", "dir"]
    sha: str
    size: int


@dataclass(frozen=True)
class FileChange:
    filename: str
    status: FileStatus
    sha: str
    additions: int
    deletions: int
    patch: str | None

    @property
    def changes(self) -> int:
        return self.additions + self.deletions


@dataclass
class History:
    """A linear history: ``order`` oldest first, branches point into it."""

    commits: dict[str, Commit] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    branches: dict[str, str] = field(default_factory=dict)

    def resolve(self, ref: str) -> Commit | None:
        """A branch name, a full sha, or an unambiguous sha prefix of at least 7 digits."""
        if ref in self.branches:
            return self.commits[self.branches[ref]]
        if ref in self.commits:
            return self.commits[ref]
        if len(ref) >= 7:
            found = [sha for sha in self.order if sha.startswith(ref)]
            if len(found) == 1:
                return self.commits[found[0]]
        return None

    def position(self, commit: Commit) -> int:
        return self.order.index(commit.sha)

    def between(self, base: Commit, head: Commit) -> list[Commit]:
        """Commits reachable from ``head`` but not from ``base`` (oldest first)."""
        lo, hi = self.position(base), self.position(head)
        return [self.commits[sha] for sha in self.order[lo + 1 : hi + 1]] if hi > lo else []


def make_commit_sha(files: Mapping[str, bytes], message: str, parent: str | None) -> str:
    digest = hashlib.sha1(f"commit\0{parent}\0{message}\0".encode())
    digest.update(tree_sha(files).encode())
    return digest.hexdigest()


def list_directory(files: Mapping[str, bytes], directory: str) -> list[DirEntry] | None:
    """Entries directly under ``directory`` ("" is the root), or None if no such directory."""
    prefix = f"{directory}/" if directory else ""
    entries: dict[str, DirEntry] = {}
    for path, data in files.items():
        if not path.startswith(prefix):
            continue
        name, _, rest = path[len(prefix) :].partition("/")
        child = prefix + name
        if rest:
            entries[name] = DirEntry(name, child, "dir", tree_sha(files, child + "/"), 0)
        else:
            entries[name] = DirEntry(name, child, "file", blob_sha(data), len(data))
    if not entries and directory:
        return None
    return [entries[name] for name in sorted(entries)]


def _text(data: bytes) -> list[str] | None:
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return None


def _patch(old: bytes, new: bytes) -> tuple[int, int, str | None]:
    old_lines, new_lines = _text(old), _text(new)
    if old_lines is None or new_lines is None:
        return 0, 0, None
    diff = list(difflib.unified_diff(old_lines, new_lines, lineterm="", n=3))[2:]  # drop ---/+++ headers
    additions = sum(1 for line in diff if line.startswith("+"))
    deletions = sum(1 for line in diff if line.startswith("-"))
    return additions, deletions, "\n".join(diff)


def diff_files(base: Mapping[str, bytes], head: Mapping[str, bytes]) -> list[FileChange]:
    changes: list[FileChange] = []
    for path in sorted(set(base) | set(head)):
        old, new = base.get(path), head.get(path)
        if old == new:
            continue
        if old is None:
            assert new is not None
            added, removed, patch = _patch(b"", new)
            changes.append(FileChange(path, "added", blob_sha(new), added, removed, patch))
        elif new is None:
            added, removed, patch = _patch(old, b"")
            changes.append(FileChange(path, "removed", blob_sha(old), added, removed, patch))
        else:
            added, removed, patch = _patch(old, new)
            changes.append(FileChange(path, "modified", blob_sha(new), added, removed, patch))
    return changes
