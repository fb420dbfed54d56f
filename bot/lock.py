"""One sync at a time per state folder: two runs started together take turns, so neither can open
an issue the other is opening. (A CI concurrency group only serialises runs of one workflow.)

filelock takes an OS lock on every platform (fcntl here, msvcrt on Windows), so the CLI starts
anywhere and a crashed run's lock goes with its process."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock
from filelock import Timeout as _Timeout

log = logging.getLogger("actionbot")
WAITING = "waiting for another sync to finish"


class LockTimeout(Exception):
    pass


@contextmanager
def sync_lock(state_dir: Path, timeout: float = 600.0, what: str = "sync") -> Iterator[None]:
    """`what` names the work that takes turns: "sync", or "remind" (two reminders at once would each
    open the agenda issue and send each notice)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / f"{what}.lock"
    lock = FileLock(path, is_singleton=False, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except _Timeout:
        # Said once, so a person whose sync seems to hang knows why.
        log.warning("%s (%s)", WAITING.replace("sync", what), path)
        try:
            lock.acquire(timeout=timeout)
        except _Timeout:
            raise LockTimeout(f"another {what} has held {path} for {timeout:.0f}s") from None
    try:
        yield
    finally:
        lock.release()
