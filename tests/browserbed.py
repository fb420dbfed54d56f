"""A real headless Chromium for the page tests, driven by playwright for Python through
`executable_path`, and found or installed by the tests themselves, so that the README's test command
needs nothing installed before it.

A Chromium is looked for as $ACTIONBOT_CHROMIUM, then on the PATH, then as playwright's own download;
else it is installed: first with `python -m playwright install chromium` (a download from a CDN that
some networks block), then with the system's package manager where the user may install packages
(Debian's `chromium`, as root or with sudo that asks no password). Only when all of that fails do the
tests fail, saying what was tried and what is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

CHROMIUM_ENV = "ACTIONBOT_CHROMIUM"
# No network of its own (updates, sync, field trials, QUIC probes) and nothing a container lacks.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The names distributions give the binary.
PATH_NAMES = ("chromium", "chromium-browser")
INSTALL_HINT = (
    "install Chromium (`apt-get install -y chromium` on Debian or Ubuntu) or set "
    f"${CHROMIUM_ENV} to a Chromium binary, then rerun"
)
# The xdist workers share one installation: the first to need it installs, the others wait for it.
_LOCK = Path(tempfile.gettempdir()) / "actionbot-chromium.lock"
_INSTALL_SECONDS = 900


class ChromiumMissing(Exception):
    pass


@dataclass(frozen=True)
class Installer:
    name: str
    command: Sequence[str]


def find_chromium(environ: Mapping[str, str] | None = None, playwright_own: Path | None = None) -> Path:
    """$ACTIONBOT_CHROMIUM if set, else a Chromium on the PATH, else playwright's own download."""
    environ = os.environ if environ is None else environ
    named = environ.get(CHROMIUM_ENV)
    if named:
        if not _runnable(Path(named)):
            raise ChromiumMissing(f"${CHROMIUM_ENV} names {named}, which is not an executable file")
        return Path(named)
    for name in PATH_NAMES:
        found = shutil.which(name, path=environ.get("PATH", ""))
        if found:
            return Path(found)
    if playwright_own is not None and _runnable(playwright_own):
        return playwright_own
    raise ChromiumMissing(
        f"no Chromium: ${CHROMIUM_ENV} is not set, none of {', '.join(PATH_NAMES)} is on the PATH, "
        "and playwright has not downloaded its own"
    )


def _runnable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def installers(environ: Mapping[str, str] | None = None) -> list[Installer]:
    """The ways to get a Chromium on this machine, in the order they are tried."""
    environ = os.environ if environ is None else environ
    ways = [Installer("playwright", [sys.executable, "-m", "playwright", "install", "chromium"])]
    if shutil.which("apt-get", path=environ.get("PATH", "")):
        apt = "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium"
        if os.geteuid() == 0:
            ways.append(Installer("apt-get", ["sh", "-c", apt]))
        elif shutil.which("sudo", path=environ.get("PATH", "")):
            ways.append(Installer("sudo apt-get", ["sudo", "-n", "sh", "-c", apt]))
    return ways


def obtain_chromium(
    find: Callable[[], Path], ways: Sequence[Installer], log: Callable[[str], None] = print
) -> Path:
    """A Chromium `find` sees, installing one the first way that works; else ChromiumMissing
    saying what each way answered."""
    with FileLock(_LOCK):
        try:
            return find()
        except ChromiumMissing as missing:
            tried = [str(missing)]
        for way in ways:
            log(f"Chromium for the page tests: trying {way.name} ({' '.join(way.command)})")
            failure = _run(way)
            if failure is None:
                try:
                    return find()
                except ChromiumMissing as still:
                    failure = f"it succeeded, yet {still}"
            tried.append(f"{way.name}: {failure}")
    raise ChromiumMissing("; ".join(tried) + f". To run the page tests, {INSTALL_HINT}.")


def _run(way: Installer) -> str | None:
    """None when the installer succeeded, else the last line it said."""
    try:
        done = subprocess.run(
            list(way.command), capture_output=True, text=True, timeout=_INSTALL_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    if done.returncode == 0:
        return None
    said = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
    # apt-get says why on an "E:" line after its progress; playwright on an "Error:" line.
    errors = [line for line in said if line.startswith("E:") or "error" in line.lower()]
    reason = (errors or said or [""])[0][:200]
    return f"exit {done.returncode}" + (f" ({reason})" if reason else "")


def playwright_own_chromium() -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path)


def chromium() -> Path:
    """The Chromium the page tests use, installed first when the machine has none."""
    own = playwright_own_chromium()
    return obtain_chromium(lambda: find_chromium(playwright_own=own), installers())
