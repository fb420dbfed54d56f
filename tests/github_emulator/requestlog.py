"""The record of every request the emulator received, in arrival order."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class LoggedRequest:
    index: int  # 0-based position in the log since the last reset_log()
    method: str
    path: str  # decoded path as sent, e.g. /repositories/1000002/issues on a Link-followed page
    canonical_path: str  # the same with /repositories/{id} spelled /repos/{owner}/{repo}
    query: dict[str, str]  # last value of each query parameter
    json: Any  # the parsed request body, None when there was none
    login: str | None  # the user the token belongs to; None when unauthenticated
    status: int | None = None  # None while in flight, and for dropped connections
    fault: str | None = None  # the fault kind injected into this request, if any
    headers: dict[str, str] = field(default_factory=dict)  # request headers, lower-cased names

    @property
    def is_write(self) -> bool:
        return self.method not in ("GET", "HEAD")


class RequestLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[LoggedRequest] = []

    def append(self, **fields: Any) -> LoggedRequest:
        with self._lock:
            entry = LoggedRequest(index=len(self._entries), **fields)
            self._entries.append(entry)
            return entry

    def entries(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._entries)

    def reset(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
