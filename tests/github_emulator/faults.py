"""Fault injection: rules that pick requests (by log index or by predicate) and break them.

Kinds:
  ``"500"`` / ``"502"``        answer with that status instead of the real response.
  ``"drop"``                   close the connection without sending any response.
  ``"slow"``                   wait ``seconds`` and then answer normally (the request does take
                               effect; the client has usually timed out by then).
  ``"secondary_rate_limit"``   403 with GitHub's secondary-rate-limit message and ``Retry-After``.
  ``"422"``                    "Validation Failed", as GitHub refuses a write it will never take
                               (nothing changes; repeating the request gets the same answer).
  ``"corrupt"``                pass the real response body through ``mutate`` before it is
                               validated and sent (to prove that schema validation catches it).

``when="before"`` (default): the fault happens before the request reaches the state, so nothing
changes. ``when="after"`` (500, 502, drop, slow): the request takes effect, then the client gets
the fault instead of the answer -- the case that makes naive retrying bots create duplicates.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from .requestlog import LoggedRequest

When = Literal["before", "after"]


class FaultKind(StrEnum):
    SERVER_ERROR = "500"
    BAD_GATEWAY = "502"
    DROP = "drop"
    SLOW = "slow"
    SECONDARY_RATE_LIMIT = "secondary_rate_limit"
    VALIDATION_FAILED = "422"
    CORRUPT = "corrupt"


_AFTER_OK = {FaultKind.SERVER_ERROR, FaultKind.BAD_GATEWAY, FaultKind.DROP, FaultKind.SLOW}

SECONDARY_RATE_LIMIT_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID {request_id}."
)
SECONDARY_RATE_LIMIT_DOCS = (
    "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api"
    "#about-secondary-rate-limits"
)
BAD_GATEWAY_BODY = (
    b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n"
)


@dataclass(eq=False)
class FaultRule:
    """One injected fault. ``hits`` lists the log indices of the requests it was applied to."""

    kind: FaultKind
    at: int | None = None  # a 0-based index in the request log
    method: str | None = None
    path: str | re.Pattern[str] | None = None  # exact path, or a pattern that must fullmatch
    match: Callable[[LoggedRequest], bool] | None = None
    times: int | None = 1  # how many matching requests to break; None: all of them
    when: When = "before"
    seconds: float = 5.0  # for "slow"
    retry_after: int | None = 1  # for "secondary_rate_limit"; None sends no Retry-After header
    mutate: Callable[[Any], Any] | None = None  # for "corrupt": JSON body -> JSON body
    hits: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.kind = FaultKind(self.kind)
        if self.when not in ("before", "after"):
            raise ValueError(f"when must be 'before' or 'after', not {self.when!r}")
        if self.when == "after" and self.kind not in _AFTER_OK:
            raise ValueError(f"a {self.kind} fault can only happen before the request takes effect")
        if self.kind is FaultKind.CORRUPT and self.mutate is None:
            raise ValueError("a corrupt fault needs mutate=")
        if self.method is not None:
            self.method = self.method.upper()

    @property
    def exhausted(self) -> bool:
        return self.times is not None and len(self.hits) >= self.times

    def matches(self, request: LoggedRequest) -> bool:
        if self.at is not None and request.index != self.at:
            return False
        if self.method is not None and request.method != self.method:
            return False
        if self.path is not None and not any(
            self.path == p if isinstance(self.path, str) else self.path.fullmatch(p)
            for p in (request.path, request.canonical_path)
        ):
            return False
        return self.match is None or self.match(request)


class FaultPlan:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []

    def add(self, rule: FaultRule) -> FaultRule:
        with self._lock:
            self._rules.append(rule)
        return rule

    def take(self, request: LoggedRequest) -> FaultRule | None:
        """The first live rule matching ``request``, which counts as one of its uses."""
        with self._lock:
            for rule in self._rules:
                if not rule.exhausted and rule.matches(request):
                    rule.hits.append(request.index)
                    return rule
        return None

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()
