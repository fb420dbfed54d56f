"""`actionbot run`: the daemon, a loop on the `schedule` package, started on the config's notes,
logging to stderr, and stopped by SIGINT or SIGTERM.

Two jobs: poll the notes folders and sync the notes that are new or changed since the last poll
(all of them on the first), and check whether an agenda reminder is due. A failed job is logged and
tried again at its next time; SIGINT or SIGTERM stops the loop at once, even in the middle of a wait.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import schedule

from bot import pipeline
from bot.commands import remind, reminder_lines, runlog, runner, status, sync
from bot.config import Config
from bot.notefiles import discover
from bot.review import store, team_model
from bot.wiring import make_tracker

log = logging.getLogger("actionbot")


class Stopped(BaseException):
    """A signal arrived while a job ran. A BaseException, so that no job's `except Exception`
    takes it for the job's own failure and goes on."""


class Daemon:
    def __init__(
        self,
        config: Config,
        paths: list[str],
        root: Path,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        corrections: Path | None = None,
    ) -> None:
        """`corrections`: the corrections file, read at every pass, as people may edit it meanwhile."""
        self.config, self.paths, self.root, self.clock = config, paths, root, clock
        self.corrections = corrections
        self.stopping = threading.Event()
        self.stopped_by: str | None = None  # the signal that asked the loop to stop
        self.busy = False  # a job is running: a signal must end it, not wait for it
        self.runner: threading.Thread | None = None  # the thread running the loop
        self.seen: dict[str, str] = {}  # note path -> digest of its bytes when last synced
        self.follow_up_due = False  # new minutes were synced, and a channel has not had their checklist
        self.scheduler = schedule.Scheduler()

    def sync_changed(self) -> None:
        changed = []
        current: dict[str, str] = {}
        for path in discover(self.paths):
            try:
                current[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except OSError:
                continue
            if self.seen.get(path) != current[path]:
                changed.append(path)
        if not changed:
            log.info("no new or changed notes")
            self._follow_up()
            return
        extraction = self._extract(changed)
        for error in [*extraction.warnings, *extraction.errors]:
            log.warning("%s", error)
        result = sync.run(self.config, extraction, dry_run=False, root=self.root)
        if result.error:
            raise RuntimeError(result.error)
        log.info("synced %d notes: %s", len(changed), runlog.sync_summary(result))
        failed = {error.path for error in extraction.errors}
        # A note that failed is tried again at the next poll; the others are done until they change.
        self.seen.update({path: digest for path, digest in current.items() if path not in failed})
        self.follow_up_due = bool(self.config.reminders.notify)
        self._follow_up()

    def _follow_up(self) -> None:
        """The checklist, when new minutes call for it: its failure is the notice's, not the sync's,
        which is done; it is tried again at the next poll, changed notes or not."""
        if not self.follow_up_due:
            return
        try:
            self.send_follow_up()
        except Exception as error:  # the sync that came before it stands
            log.error("follow-up failed, will try again at the next poll: %s", error)
            return
        self.follow_up_due = False

    def send_follow_up(self) -> None:
        """The checklist for the next meeting, to the channels that have not had it: new notes are
        the minutes of a meeting just held. Sent once per meeting per channel, however often this runs."""
        extraction = self._extract(discover(self.paths))
        now = self.clock()
        meeting = status.report_meeting(extraction, self.config, now)
        if meeting is None:
            return
        tracker = make_tracker(self.config)
        outcome = remind.notify_follow_up(self.config, extraction, tracker, meeting, now, self.root)
        for line in reminder_lines.deliveries(outcome, "the checklist"):
            log.info("follow-up: %s", line)
        if reminder_lines.failed(outcome):
            raise RuntimeError("a channel could not be reached; the checklist is sent to it next time")

    def remind(self) -> None:
        extraction = self._extract(discover(self.paths))
        now = self.clock()
        outcome = remind.remind(
            self.config, extraction, make_tracker(self.config), now, self.root, dry_run=False
        )
        log.info("reminder: %s", reminder_lines.describe(outcome))
        for line in reminder_lines.deliveries(outcome, "the agenda"):
            log.info("reminder: %s", line)
        due = reminder_lines.next_due(outcome, now)
        log.info(
            "next reminder due %s",
            due or "when the notes, their rhythm or meetings.every_days give the next meeting",
        )
        if reminder_lines.failed(outcome):
            raise RuntimeError("a channel could not be reached")

    def schedule_jobs(self) -> None:
        every = self.config.daemon
        self.scheduler.every(max(1, round(every.poll_minutes * 60))).seconds.do(
            self._guarded, self.sync_changed, "sync"
        )
        self.scheduler.every(max(1, round(every.remind_minutes * 60))).seconds.do(
            self._guarded, self.remind, "remind"
        )

    def _guarded(self, job: Callable[[], None], name: str) -> None:
        if self.stopping.is_set():
            return
        self.busy = True
        try:
            job()
        except Exception as error:  # a job's failure must not end the daemon
            log.error("%s failed, will try again at its next time: %s", name, error)
        finally:
            self.busy = False

    def loop(self) -> None:
        self.runner = threading.current_thread()
        self.schedule_jobs()
        try:
            self.scheduler.run_all()
            while not self.stopping.is_set():
                self.scheduler.run_pending()
                idle = self.scheduler.idle_seconds
                self.stopping.wait(timeout=max(0.0, min(idle if idle is not None else 60.0, 60.0)))
        except Stopped:
            pass  # a job was cut short; a sync stopped mid-way is finished by the next run
        if self.stopped_by is not None:
            log.info("received %s, stopping", self.stopped_by)
        log.info("stopped")

    def _extract(self, paths: list[str]) -> pipeline.Extraction:
        corrections = store.load(self.corrections) if self.corrections is not None else []
        # The team model beside the corrections file, read at every pass like it: learn may replace it.
        decision = (
            team_model.load(self.corrections.parent / team_model.FILE_NAME) if self.corrections else None
        )
        return pipeline.extract(paths, self.config, corrections=corrections, decision=decision)

    def stop(self, signum: int | None = None, _frame: FrameType | None = None) -> None:
        # Only flags are set here: a signal can arrive in the middle of a write to the log, and
        # logging from the handler would re-enter that write, fail, and leave the loop running.
        self.stopped_by = signal.Signals(signum).name if signum is not None else None
        self.stopping.set()
        if self.busy and threading.current_thread() is self.runner:
            # Called as a signal handler, inside the job's own thread: a job can wait on a stalled
            # server for minutes, and stopping "at once" means ending it.
            self.busy = False
            raise Stopped


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
