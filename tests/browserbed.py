"""A real headless Chromium for the page tests: Debian's `chromium` package, driven by playwright for
Python through `executable_path` (playwright's own browser downloads are never used)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
INSTALL_HINT = (
    "Chromium was not found: the browser tests need Debian's chromium package "
    "(`apt-get update && apt-get install -y chromium`, which .ci/run does when it is missing), "
    f"or ${CHROMIUM_ENV} naming a Chromium binary."
)


class ChromiumMissing(Exception):
    pass


def find_chromium(environ: dict[str, str] | None = None) -> Path:
    """$ACTIONBOT_CHROMIUM if set, else `chromium` on the PATH; ChromiumMissing says how to install."""
    environ = dict(os.environ) if environ is None else environ
    named = environ.get(CHROMIUM_ENV)
    found = named if named else shutil.which("chromium", path=environ.get("PATH", ""))
    if not found or not Path(found).is_file() or not os.access(found, os.X_OK):
        raise ChromiumMissing(INSTALL_HINT)
    return Path(found)
