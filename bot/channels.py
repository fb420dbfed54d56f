"""Notification channels as the config writes them: apprise URLs whose secrets are `${VARIABLE}`
references to the environment, never the secrets themselves. Pure, apart from reading the
environment mapping it is given.

A channel is known by a digest of the URL as written, so the record of what was sent to it (kept in
the agenda issue) holds no address, and the record survives a change of password.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlsplit

_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
# Query arguments apprise reads secrets from; their values must be references too.
_SECRET_ARGUMENTS = frozenset(
    {"pass", "password", "token", "secret", "key", "apikey", "api_key", "webhook", "access_token"}
)


class ChannelError(ValueError):
    """A channel URL that cannot be used; the message never holds a secret's value."""


@dataclass(frozen=True)
class Channel:
    url: str  # as written in the config, with ${VARIABLE} references: safe to show

    @property
    def key(self) -> str:
        return hashlib.sha256(self.url.encode()).hexdigest()[:12]

    @property
    def variables(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_REFERENCE.findall(self.url)))

    def resolve(self, environ: Mapping[str, str]) -> Resolved:
        """The URL with its references filled in from `environ`, and the secrets it now holds."""
        missing = [name for name in self.variables if not environ.get(name)]
        if missing:
            raise ChannelError(", ".join(f"${name}" for name in missing) + " is not set")
        whole = _REFERENCE.fullmatch(self.url)
        if whole:
            # The whole URL is the secret (a Slack or Discord webhook): used as it is.
            value = environ[whole.group(1)]
            return Resolved(value, (value,))
        secrets = tuple(environ[name] for name in self.variables)
        # Inside a URL a value is percent-encoded, so a password holding '@' or '/' stays one part.
        url = _REFERENCE.sub(lambda m: quote(environ[m.group(1)], safe=""), self.url)
        return Resolved(url, secrets + tuple(quote(s, safe="") for s in secrets))


@dataclass(frozen=True)
class Resolved:
    url: str
    secrets: tuple[str, ...]

    def scrub(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret:
                text = text.replace(secret, "***")
        return text


def check_url(url: str) -> str:
    """`url` if it is a channel URL that holds no secret in clear, else a ChannelError saying why."""
    if _REFERENCE.fullmatch(url.strip()):
        return url.strip()
    parts = urlsplit(url)
    if not parts.scheme or "://" not in url:
        raise ChannelError(f"'{_shown(url)}' is not a URL such as mailtos://user@host?to=someone@example.com")
    if parts.password is not None and not _REFERENCE.fullmatch(parts.password):
        raise ChannelError(
            f"the password in '{_shown(url)}' is written in the config: "
            "write ${VARIABLE} and set that environment variable instead"
        )
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name.lower() in _SECRET_ARGUMENTS and value and not _REFERENCE.fullmatch(value):
            raise ChannelError(
                f"'{name}=' in '{_shown(url)}' is written in the config: "
                "write ${VARIABLE} and set that environment variable instead"
            )
    return url


def _shown(url: str) -> str:
    """The URL with any clear password masked: even an error about a secret must not repeat it."""
    parts = urlsplit(url)
    if parts.password is not None:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return re.sub(r"([?&](?:" + "|".join(_SECRET_ARGUMENTS) + r")=)[^&]*", r"\1***", url, flags=re.IGNORECASE)
