"""Real servers on loopback for the notification tests: an SMTP server (aiosmtpd) that requires
STARTTLS and then AUTH, with a throwaway certificate authority (trustme), and an HTTP server that
records the webhooks it is sent."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass(frozen=True)
class Mail:
    mail_from: str
    to: tuple[str, ...]
    message: EmailMessage
    over_tls: bool
    login: str | None

    def part(self, content_type: str) -> str:
        for part in self.message.walk():
            if part.get_content_type() == content_type and not part.get_filename():
                return str(part.get_content())
        raise AssertionError(f"no {content_type} part in the mail")

    def attachment(self, filename: str) -> bytes:
        for part in self.message.walk():
            if part.get_filename() == filename:
                payload = part.get_payload(decode=True)
                assert isinstance(payload, bytes)
                return payload
        raise AssertionError(f"no attachment {filename}")


@dataclass
class SmtpServer:
    port: int
    ca_file: Path
    login: str
    password: str
    mails: list[Mail] = field(default_factory=list)


class _Inbox:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        message = message_from_bytes(content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        self.server.mails.append(
            Mail(
                str(envelope.mail_from),
                tuple(envelope.rcpt_tos),
                message,
                session.ssl is not None,
                login,
            )
        )
        return "250 OK"


def _free_port() -> int:
    # aiosmtpd cannot be asked for port 0; the window between closing this socket and its bind is tiny.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(tmp_path: Path, login: str, password: str) -> Iterator[SmtpServer]:
    ca = trustme.CA()
    certificate = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    ca_file = tmp_path / "test-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    server = SmtpServer(_free_port(), ca_file, login, password)

    def authenticate(
        smtp: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        good = isinstance(data, LoginPassword) and (data.login, data.password) == (
            login.encode(),
            password.encode(),
        )
        return AuthResult(success=good, handled=False, auth_data=data)

    controller = Controller(
        _Inbox(server),
        hostname="127.0.0.1",
        port=server.port,
        server_hostname="127.0.0.1",
        tls_context=context,
        require_starttls=True,
        auth_require_tls=True,
        auth_required=True,
        authenticator=authenticate,
    )
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


@dataclass(frozen=True)
class Hook:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class WebhookServer:
    port: int
    hooks: list[Hook] = field(default_factory=list)
    failures_left: int = 0  # answer 503 this many times before accepting
    delay: float = 0.0  # seconds each answer takes, as a slow service's does

    def url(self, path: str = "/hook") -> str:
        return f"json://127.0.0.1:{self.port}{path}"


@contextmanager
def webhook_server() -> Iterator[WebhookServer]:
    state = WebhookServer(0)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            payload = self.rfile.read(length)
            time.sleep(state.delay)
            if state.failures_left > 0:
                state.failures_left -= 1
                self.send_response(503)
                self.end_headers()
                return
            state.hooks.append(Hook(self.path, dict(self.headers.items()), json.loads(payload)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = int(http.server_address[1])
    # serve_forever looks for shutdown() every poll_interval: 0.5 s by default, half of it per test.
    thread = threading.Thread(target=http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        http.shutdown()
        http.server_close()


@dataclass
class TricklingServer:
    port: int
    connections: int = 0


@contextmanager
def trickling_smtp_server(every: float = 0.5) -> Iterator[TricklingServer]:
    """An SMTP server that never finishes its greeting: "220 " and then one byte every `every`
    seconds. Each byte resets a client's socket timeout, so only a deadline on the whole send ends it."""
    state = TricklingServer(0)
    done = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    state.port = int(listener.getsockname()[1])

    def trickle(connection: socket.socket) -> None:
        with connection:
            try:
                connection.sendall(b"220 ")
                while not done.wait(every):
                    connection.sendall(b"x")
            except OSError:
                return  # the client gave up

    def accept() -> None:
        while not done.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            state.connections += 1
            threading.Thread(target=trickle, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield state
    finally:
        done.set()
        listener.close()
