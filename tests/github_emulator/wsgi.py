"""The WSGI application: authentication, routing, logging, faults, validation, headers, ETags."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import socket
import threading
import traceback
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from werkzeug.wrappers import Request, Response

from . import schemas
from .errors import DOCS, ApiError, not_found, validation_failed
from .faults import (
    BAD_GATEWAY_BODY,
    SECONDARY_RATE_LIMIT_DOCS,
    SECONDARY_RATE_LIMIT_MESSAGE,
    FaultKind,
    FaultPlan,
    FaultRule,
)
from .handlers import Ctx, RateStatus, Reply, resolve
from .payloads import Urls
from .requestlog import LoggedRequest, RequestLog
from .schemas import SchemaFailure
from .state import State, User

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

API_VERSION = "2022-11-28"
UNAUTHENTICATED_LIMIT = 60
PRIMARY_RATE_LIMIT_DOCS = (
    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit"
)


class ConnectionDropped(ConnectionAbortedError):
    """Raised after shutting the client socket down. werkzeug's server treats any ConnectionError as
    "the client went away" and sends nothing, so the client sees the connection close mid-request."""


class RateLimiter:
    """GitHub's primary rate limit: ``limit`` requests per login per hour window."""

    def __init__(self, state: State, limit: int) -> None:
        self._state = state
        self._lock = threading.Lock()
        self.limit = limit
        self._windows: dict[str, tuple[int, int]] = {}  # login -> (reset epoch, used)

    def status(self, login: str | None, *, consume: bool = False) -> RateStatus:
        limit = self.limit if login is not None else UNAUTHENTICATED_LIMIT
        now = int(self._state.clock.now().timestamp())
        key = login or ""
        with self._lock:
            reset, used = self._windows.get(key, (now + 3600, 0))
            if now >= reset:
                reset, used = now + 3600, 0
            if consume:
                used += 1
            self._windows[key] = (reset, used)
        return RateStatus(limit, used, reset)

    def set_used(self, login: str, used: int) -> None:
        status = self.status(login)
        with self._lock:
            self._windows[login] = (status.reset, used)


@dataclass
class Outgoing:
    status: int
    body: bytes
    headers: dict[str, str]


def _json_bytes(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _token(header: str) -> str | None:
    scheme, _, credentials = header.strip().partition(" ")
    if scheme.lower() in ("token", "bearer") and credentials:
        return credentials.strip()
    if scheme.lower() == "basic" and credentials:
        try:
            return base64.b64decode(credentials).decode().partition(":")[2] or None
        except ValueError:
            return None
    return None


class EmulatorApp:
    def __init__(
        self,
        state: State,
        *,
        log: RequestLog,
        faults: FaultPlan,
        rate_limiter: RateLimiter,
        html_url: str,
        stop_event: threading.Event,
        validate: bool = True,
    ) -> None:
        self.state = state
        self.log = log
        self.faults = faults
        self.rate_limiter = rate_limiter
        self.html_url = html_url
        self.stop_event = stop_event
        self.validate = validate
        self.schema_failures: list[SchemaFailure] = []
        self.internal_errors: list[str] = []

    # -- WSGI entry point -------------------------------------------------------------------------

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        raw_path = self._raw_path(environ)
        path = urllib.parse.unquote(raw_path)
        query = urllib.parse.parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        data = request.get_data(cache=True)
        try:
            body: Any = json.loads(data) if data.strip() else None
            bad_json = False
        except ValueError:
            body, bad_json = None, True
        token = _token(request.headers.get("Authorization", ""))
        with self.state.lock:
            actor = self.state.authenticate(token) if token else None
            canonical = self._canonical_path(path)
        entry = self.log.append(
            method=request.method,
            path=path,
            canonical_path=canonical,
            query=dict(query),
            json=body,
            login=actor.login if actor else None,
            headers={k.lower(): v for k, v in request.headers.items() if k.lower() != "authorization"},
        )
        fault = self.faults.take(entry)
        if fault is not None:
            entry.fault = str(fault.kind)

        outgoing: Outgoing | None = None
        if fault is not None and fault.when == "before":
            outgoing = self._fault(fault, entry, environ)
        if outgoing is None:
            outgoing = self._handle(request, raw_path, query, body, bad_json, token, actor, entry, fault)
            if fault is not None and fault.when == "after":
                outgoing = self._fault(fault, entry, environ) or outgoing
        entry.status = outgoing.status
        response = Response(outgoing.body, status=outgoing.status, headers=outgoing.headers)
        return response(environ, start_response)

    @staticmethod
    def _raw_path(environ: WSGIEnvironment) -> str:
        """The path as the client sent it, still percent-encoded (so %2F in a label name survives)."""
        target = environ.get("REQUEST_URI") or environ.get("RAW_URI") or environ.get("PATH_INFO", "/")
        target = target.split("?", 1)[0]
        if "://" in target:  # absolute-form request target
            target = "/" + target.split("://", 1)[1].partition("/")[2]
        return target or "/"

    def _canonical_path(self, path: str) -> str:
        prefix, _, rest = path.partition("/repositories/")
        if prefix or not rest:
            return path
        rid, _, tail = rest.partition("/")
        repo = self.state.repos_by_id.get(int(rid)) if rid.isdigit() else None
        return f"/repos/{repo.full_name}" + (f"/{tail}" if tail else "") if repo else path

    # -- faults -----------------------------------------------------------------------------------

    def _fault(self, fault: FaultRule, entry: LoggedRequest, environ: WSGIEnvironment) -> Outgoing | None:
        """The faulty answer, or None when the request should (then) be answered normally."""
        counted = fault.when == "after"  # the real request was already counted against the rate limit
        if fault.kind is FaultKind.SERVER_ERROR:
            body = {"message": "Server Error", "documentation_url": DOCS, "status": "500"}
            return self._finish(entry, 500, _json_bytes(body), "basic-error", {}, count=not counted)
        if fault.kind is FaultKind.BAD_GATEWAY:
            headers = {
                **self._common_headers(entry),
                **self._rate_headers(entry, consume=not counted),
                "Content-Type": "text/html",
            }
            return Outgoing(502, BAD_GATEWAY_BODY, headers)
        if fault.kind is FaultKind.SECONDARY_RATE_LIMIT:
            message = SECONDARY_RATE_LIMIT_MESSAGE.format(request_id=self._request_id(entry))
            body = {"message": message, "documentation_url": SECONDARY_RATE_LIMIT_DOCS, "status": "403"}
            headers = {} if fault.retry_after is None else {"Retry-After": str(fault.retry_after)}
            return self._finish(entry, 403, _json_bytes(body), "basic-error", headers)
        if fault.kind is FaultKind.VALIDATION_FAILED:
            refused = validation_failed("Issue", "body", "custom", message="body is invalid")
            return self._finish(entry, 422, _json_bytes(refused.body(DOCS)), refused.schema, {})
        if fault.kind is FaultKind.DROP:
            entry.status = None
            sock = environ.get("werkzeug.socket")
            if sock is None:
                raise RuntimeError("cannot drop the connection: the server does not expose its socket")
            with contextlib.suppress(OSError):  # the client may already be gone
                sock.shutdown(socket.SHUT_RDWR)
            raise ConnectionDropped(f"fault injected: dropped request #{entry.index}")
        if fault.kind is FaultKind.SLOW:
            self.stop_event.wait(fault.seconds)
        return None

    # -- normal handling --------------------------------------------------------------------------

    def _handle(
        self,
        request: Request,
        raw_path: str,
        query: list[tuple[str, str]],
        body: Any,
        bad_json: bool,
        token: str | None,
        actor: User | None,
        entry: LoggedRequest,
        fault: FaultRule | None,
    ) -> Outgoing:
        resolved = resolve(request.method, raw_path)
        docs = resolved[0].documentation_url if resolved else DOCS
        try:
            if actor is None:
                raise ApiError(401, "Bad credentials" if token else "Requires authentication")
            rate = self.rate_limiter.status(actor.login)
            if rate.used >= rate.limit and raw_path != "/rate_limit":
                message = f"API rate limit exceeded for user ID {actor.id}."
                raise ApiError(403, message, documentation_url=PRIMARY_RATE_LIMIT_DOCS)
            if resolved is None:
                raise not_found()
            if bad_json:
                raise ApiError(400, "Problems parsing JSON")
            route, params = resolved
            host = request.host_url.rstrip("/")
            with self.state.lock:
                ctx = Ctx(self.state, actor, Urls(host, self.html_url), params, query, body, rate)
                reply = route.handler(ctx)
        except ApiError as e:
            reply = Reply(e.status, e.body(docs), e.schema, e.headers)
        except Exception:
            self.internal_errors.append(f"{request.method} {raw_path}\n{traceback.format_exc()}")
            body = {"message": "emulator internal error", "documentation_url": DOCS, "status": "500"}
            reply = Reply(500, body, "basic-error")

        payload = b"" if reply.body is None else _json_bytes(reply.body)
        if fault is not None and fault.kind is FaultKind.CORRUPT and payload:
            assert fault.mutate is not None
            payload = _json_bytes(fault.mutate(json.loads(payload)))
        return self._finish(entry, reply.status, payload, reply.schema, reply.headers, request)

    def _finish(
        self,
        entry: LoggedRequest,
        status: int,
        payload: bytes,
        schema: str | None,
        extra_headers: dict[str, str],
        request: Request | None = None,
        *,
        count: bool = True,
    ) -> Outgoing:
        """Validate the body, count the request against the rate limit, add headers, answer 304s."""
        if self.validate and payload:
            error = schemas.validate(schema, payload) if schema else "no schema declared for this body"
            if error is not None:
                failure = SchemaFailure(entry.method, entry.path, status, schema or "?", error)
                self.schema_failures.append(failure)
                status, extra_headers = 500, {}
                payload = _json_bytes({
                    "message": f"emulator bug: response failed schema validation: {failure}",
                    "documentation_url": DOCS,
                })  # fmt: skip

        headers = {**self._common_headers(entry), **extra_headers}
        if payload:
            headers["Content-Type"] = "application/json; charset=utf-8"
        if request is not None and request.method == "GET" and status == 200:
            etag = 'W/"' + hashlib.sha256(payload).hexdigest()[:40] + '"'
            headers["ETag"] = etag
            if etag in _etags(request.headers.get("If-None-Match", "")):
                status, payload = 304, b""
                headers.pop("Content-Type", None)
        count = count and status != 304 and entry.path != "/rate_limit"
        headers.update(self._rate_headers(entry, consume=count))
        return Outgoing(status, payload, headers)

    def _common_headers(self, entry: LoggedRequest) -> dict[str, str]:
        return {
            "Cache-Control": "private, max-age=60, s-maxage=60",
            "Vary": "Accept, Authorization, Cookie, X-GitHub-OTP",
            "X-GitHub-Media-Type": "github.v3; format=json",
            "X-GitHub-Api-Version-Selected": API_VERSION,
            "X-GitHub-Request-Id": self._request_id(entry),
            "X-OAuth-Scopes": "repo",
            "X-Accepted-OAuth-Scopes": "repo",
        }

    def _rate_headers(self, entry: LoggedRequest, *, consume: bool) -> dict[str, str]:
        rate = self.rate_limiter.status(entry.login, consume=consume and entry.login is not None)
        return {
            "X-RateLimit-Limit": str(rate.limit),
            "X-RateLimit-Remaining": str(max(rate.limit - rate.used, 0)),
            "X-RateLimit-Reset": str(rate.reset),
            "X-RateLimit-Used": str(rate.used),
            "X-RateLimit-Resource": "core",
        }

    @staticmethod
    def _request_id(entry: LoggedRequest) -> str:
        return f"EMU0:{entry.index:06d}"


def _etags(header: str) -> set[str]:
    tags = {t.strip() for t in header.split(",") if t.strip()}
    return tags | {t.removeprefix("W/") for t in tags} | {f"W/{t}" for t in tags}
