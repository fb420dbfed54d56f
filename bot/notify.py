"""Sending a notice (the agenda, the follow-up checklist) to the team's channels with apprise: mail
over SMTP, Slack, Matrix, Zulip, Discord, Teams, JSON webhooks, one URL each.

The notice is Markdown. apprise renders it per channel: HTML with a plain-text alternative for mail,
Markdown as it is for chat. Each channel is sent on its own, so one that fails (a wrong password, a
server down) neither stops the others nor is taken for sent: the caller records only the sent ones.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import re
import signal
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import apprise

from bot.channels import Channel, ChannelError, check_url
from bot.mail import mail_html


@dataclass(frozen=True)
class Notice:
    """What is sent to every channel: apprise renders the Markdown as each channel needs."""

    title: str
    markdown: str
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Delivery:
    """What sending to one channel came to: `error` is None when it was sent."""

    channel: Channel
    error: str | None = None  # one line, with every secret masked

    @property
    def sent(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Attachment:
    """A file sent with a notice (the meeting's .ics invitation), written to disk only to be sent."""

    filename: str
    content: bytes


def channels(urls: Iterable[str]) -> list[Channel]:
    return [Channel(check_url(url)) for url in urls]


# How long one channel may take to send one notice, unless the config says otherwise.
SEND_SECONDS = 60.0


def deliver(
    notice: Notice, targets: Iterable[Channel], environ: Mapping[str, str], deadline: float = SEND_SECONDS
) -> list[Delivery]:
    targets = list(targets)
    if not targets:
        return []
    with tempfile.TemporaryDirectory(prefix="actionbot-notice-") as folder:
        files = []
        for attachment in notice.attachments:
            path = Path(folder) / attachment.filename
            path.write_bytes(attachment.content)
            files.append(str(path))
        return [_send_within(deadline, notice, channel, files, environ) for channel in targets]


def _send_within(
    deadline: float, notice: Notice, channel: Channel, files: list[str], environ: Mapping[str, str]
) -> Delivery:
    """`_send` in a process of its own, ended when `deadline` seconds have passed. A server that
    trickles its greeting a byte at a time never trips a socket timeout, and apprise's own deadline
    only stops waiting for its worker thread, which then keeps the process alive: only a process
    can be stopped from outside, and its sockets go with it."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return _send(notice, channel, files, environ)  # Windows: no fork, so no hard deadline
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(
        target=_send_in_child, args=(sender, deadline, notice, channel, files, dict(environ)), daemon=True
    )
    worker.start()
    sender.close()
    try:
        if receiver.poll(deadline):
            error: str | None = receiver.recv()
            return Delivery(channel, error)
        return Delivery(channel, f"did not finish within {deadline:g} s, so it was stopped")
    except EOFError:
        return Delivery(channel, "the send ended without saying how it went")
    finally:
        # Also when a signal stops the caller mid-wait (`actionbot run` on SIGTERM).
        worker.kill()
        worker.join()
        receiver.close()


def _send_in_child(
    pipe: Connection,
    deadline: float,
    notice: Notice,
    channel: Channel,
    files: list[str],
    environ: Mapping[str, str],
) -> None:
    # The parent's handlers (the daemon's stop) are not this process's; and should the parent die
    # before it can end this one, the alarm still does, at the deadline.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.alarm(math.ceil(deadline) + 1)
    pipe.send(_send(notice, channel, files, environ).error)
    pipe.close()


def _send(notice: Notice, channel: Channel, files: list[str], environ: Mapping[str, str]) -> Delivery:
    try:
        resolved = channel.resolve(environ)
    except ChannelError as error:
        return Delivery(channel, str(error))
    with _apprise_log() as said:
        sender = apprise.Apprise()
        if not sender.add(resolved.url):
            return Delivery(channel, "apprise does not understand this URL")
        # Mail gets HTML of our own making (see bot.mail); chat gets the Markdown as it is.
        body, body_format = plain_links(notice.markdown), apprise.NotifyFormat.MARKDOWN
        if _is_mail(resolved.url):
            body, body_format = mail_html(body), apprise.NotifyFormat.HTML
        try:
            sent = sender.notify(
                title=notice.title,
                body=body,
                body_format=body_format,
                attach=apprise.AppriseAttachment(files) if files else None,
            )
        except Exception as error:  # one channel's fault must not keep the notice from the others
            return Delivery(channel, resolved.scrub(f"{type(error).__name__}: {error}"))
    if sent:
        return Delivery(channel)
    reason = " ".join(" ".join(line.split()) for line in said) or "the channel refused the message"
    return Delivery(channel, resolved.scrub(reason))


def _is_mail(url: str) -> bool:
    return url.lower().startswith(("mailto:", "mailtos:"))


class _Lines(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # The cause (an SMTP 535, a refused connection) is only in a debug line beside the warning.
        if record.levelno >= logging.WARNING or "Exception:" in message:
            self.lines.append(message)


@contextmanager
def _apprise_log() -> Iterator[list[str]]:
    """apprise says why a send failed only in its log: its warnings are kept here, to be scrubbed of
    secrets and said once, instead of reaching the application's log as they are."""
    logger = logging.getLogger("apprise")
    lines: list[str] = []
    handler = _Lines(lines)
    propagate, level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        logger.setLevel(level)


def plain_links(markdown: str) -> str:
    """Markdown links spelled out as "text (<url>)": mail's plain-text part, which apprise derives
    from the HTML, would otherwise keep the text and lose where it points."""
    return re.sub(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)", r"\1 (<\2>)", markdown)
