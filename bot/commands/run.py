"""The run command: the daemon (`bot.daemon`) started on the config's notes, logging to stderr, and
stopped by SIGINT or SIGTERM."""

from __future__ import annotations

import logging
import signal
from pathlib import Path

from bot.commands import runner
from bot.config import Config
from bot.daemon import Daemon, log


def command(paths: list[str] | None, config: Path | None) -> None:
    runner.run(
        config, lambda job: serve(job.settings, paths or job.settings.notes.paths, job.root, job.corrections)
    )


def serve(config: Config, paths: list[str], root: Path, corrections: Path | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    daemon = Daemon(config, paths, root, corrections=corrections)
    signal.signal(signal.SIGINT, daemon.stop)
    signal.signal(signal.SIGTERM, daemon.stop)
    log.info("watching %s", ", ".join(paths))
    daemon.loop()
