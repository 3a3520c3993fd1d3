"""Database URLs: which backend one names, and the same URL safe to print.

A password may sit in a URL (``postgresql://user:secret@host/db``), in its query
(``?password=secret``) or in a libpq key=value string (``password=secret``). Nothing the
program prints, in a message, an error or a traceback, shows it: every text that may quote
the URL goes through :func:`redact` or :func:`scrub`.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

SCHEMES = ("postgresql://", "postgres://")
HIDDEN = "***"
_KEYWORD_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)", re.IGNORECASE)


def is_postgres(url: str) -> bool:
    return url.strip().lower().startswith(SCHEMES)


def passwords(url: str) -> list[str]:
    """Every password the URL holds, as written and decoded, longest first (for scrubbing)."""
    found: set[str] = set()
    try:
        parts = urlsplit(url)
        if parts.password:
            found.update({parts.password, unquote(parts.password)})
        for key, value in parse_qsl(parts.query, keep_blank_values=True):
            if key.lower() == "password" and value:
                found.add(value)
    except ValueError:  # a malformed URL: what a key=value reading finds is still hidden
        pass
    for match in _KEYWORD_PASSWORD.finditer(url):
        found.add(match.group(2).strip("'"))
    return sorted((item for item in found if item), key=len, reverse=True)


def redact(url: str) -> str:
    """The URL with its password, wherever it is written, replaced by ``***``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return scrub(url, url)
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.split(':', 1)[0]}:{HIDDEN}@{host}"
    query = "&".join(
        f"{key}={HIDDEN}" if key.lower() == "password" else f"{key}={value}"
        for key, value in (item.partition("=")[::2] for item in parts.query.split("&") if item)
    )
    shown = parts._replace(netloc=netloc, query=query).geturl()
    return scrub(shown, url)  # a password also written elsewhere in the URL


def scrub(text: str, url: str | None) -> str:
    """``text`` (an error message, say) without any password of ``url`` in it."""
    if not url:
        return text
    for secret in passwords(url):
        text = text.replace(secret, HIDDEN)
    return _KEYWORD_PASSWORD.sub(lambda m: m.group(1) + HIDDEN, text)
