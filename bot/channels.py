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
from urllib.parse import parse_qsl, quote, unquote, urlsplit

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
            # The whole URL is the secret (a Slack or Discord webhook): used as it is, and an error
            # quoting any part of it (urllib3 names the path it tried) must not show that part.
            value = environ[whole.group(1)]
            return Resolved(value, (value, *_private_parts(value)))
        secrets = tuple(environ[name] for name in self.variables)
        # Inside a URL a value is percent-encoded, so a password holding '@' or '/' stays one part.
        url = _REFERENCE.sub(lambda m: quote(environ[m.group(1)], safe=""), self.url)
        quoted = tuple(quote(s, safe="") for s in secrets)
        # A webhook's path is its key even when the config writes it: errors never name it.
        return Resolved(url, secrets + quoted + _path_parts(url))


# A part this short is no key, and masking it would garble every error that holds the letters.
_SHORTEST_SECRET = 4


def _path_parts(url: str) -> tuple[str, ...]:
    path = urlsplit(url).path
    parts = [path, unquote(path), *(p for p in path.split("/") if len(p) >= _SHORTEST_SECRET)]
    return tuple(p for p in parts if len(p.strip("/")) >= _SHORTEST_SECRET)


def _private_parts(url: str) -> tuple[str, ...]:
    """Every part of a URL after its scheme and host: user, password, path, query values, fragment.
    The host is kept, so an error still says which server failed."""
    parts = urlsplit(url)
    found = [parts.username or "", parts.password or "", parts.fragment, parts.query]
    found += [value for _, value in parse_qsl(parts.query, keep_blank_values=True)]
    found += [unquote(p) for p in found]
    return tuple(p for p in found if len(p) >= _SHORTEST_SECRET) + _path_parts(url)


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
    # apprise reads a '+' in a query as itself (a header's mark), not as a space.
    for name, value in parse_qsl(parts.query.replace("+", "%2B"), keep_blank_values=True):
        if _secret_argument(name) and value and not _REFERENCE.fullmatch(value):
            raise ChannelError(
                f"'{name}=' in '{_shown(url)}' is written in the config: "
                "write ${VARIABLE} and set that environment variable instead"
            )
    if _service_secret_in_clear(url):
        raise ChannelError(
            f"a {parts.scheme}:// URL holds its service's secret (a webhook id, key or token) written in the "
            "config: write each part as ${VARIABLE}, or the whole URL as one, and set the variables instead"
        )
    return url


def _secret_argument(name: str) -> bool:
    # apprise sends `+Name=value` as an HTTP header: "+X-Api-Token" carries a token as surely as "token".
    lowered = name.lower()
    if lowered.startswith("+"):
        return any(word in lowered for word in ("token", "key", "secret", "auth", "pass", "signature"))
    return lowered in _SECRET_ARGUMENTS


_PLACEHOLDER = "actionbotreference"
_URL_PARTS = re.compile(r"[/?&=:@#]+")


def _service_secret_in_clear(url: str) -> bool:
    """Whether a part apprise itself keeps private for this service (Discord's webhook token,
    Slack's three tokens, a Teams workflow's signature) is written in clear rather than as a
    ${VARIABLE}. apprise knows which parts each of its services keeps secret: it masks them when
    it shows the URL with privacy on, so the parts that differ between the two renderings are them."""
    import apprise  # here, not at the top: only a config that names channels pays its import

    count = iter(range(len(url)))
    stand_in = _REFERENCE.sub(lambda _: f"{_PLACEHOLDER}{next(count)}", url)
    service = apprise.Apprise.instantiate(stand_in)
    if not service:
        return False  # a URL apprise cannot read is refused when it is sent, naming no part of it
    clear = _URL_PARTS.split(service.url(privacy=False))  # type: ignore[no-untyped-call]
    private = _URL_PARTS.split(service.url(privacy=True))  # type: ignore[no-untyped-call]
    if len(clear) != len(private):
        return False
    pairs = zip(clear, private, strict=True)
    return any(shown != hidden and _PLACEHOLDER not in shown for shown, hidden in pairs)


def _shown(url: str) -> str:
    """The URL with any clear password masked: even an error about a secret must not repeat it."""
    parts = urlsplit(url)
    if parts.password is not None:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return re.sub(
        r"([?&](?:" + "|".join(_SECRET_ARGUMENTS) + r"|\+[^=&]*)=)[^&]*", r"\1***", url, flags=re.IGNORECASE
    )
