"""Two languages, Vietnamese and English, for every line the program prints.

Messages live in :mod:`spokes.messages` as ``key: (english, vietnamese)`` pairs, side by side,
so a missing translation shows in review. The language is chosen once per run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from spokes.messages import MESSAGES

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")
ENV_LANG = "SPOKES_LANG"

_current: Lang = "en"
_zone: ZoneInfo | None = None  # times inside messages are shown in the workspace's zone


def normalise(value: str | None) -> Lang | None:
    """``vi``, ``VI``, ``vi_VN.UTF-8`` all mean Vietnamese; anything unknown means no choice."""
    if not value:
        return None
    head = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    if head == "vi":
        return "vi"
    if head == "en":
        return "en"
    return None


def system_language() -> Lang | None:
    """The locale's language, by POSIX precedence: ``LC_ALL``, ``LC_MESSAGES``, ``LANG``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "vi" if normalise(value) == "vi" else None
    return None


def resolve(option: str | None, configured: str | None) -> tuple[Lang, str]:
    """The language for this run and where it came from (shown by ``spokes where``)."""
    candidates = (
        ("--lang", option),
        (ENV_LANG, os.environ.get(ENV_LANG)),
        ("config", configured),
    )
    for source, value in candidates:
        lang = normalise(value)
        if lang:
            return lang, source
    lang = system_language()
    if lang:
        return lang, "locale"
    return "en", "default"


def set_language(lang: Lang) -> None:
    global _current
    _current = lang


def language() -> Lang:
    return _current


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Messages in ``lang`` for a while, whatever this run's language is: a reminder speaks the
    workspace's language, a frame of ``spokes watch`` its own."""
    previous = _current
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def set_zone(zone: ZoneInfo) -> None:
    global _zone
    _zone = zone


def _shown(value: Any) -> Any:
    if isinstance(value, datetime) and _zone is not None:
        from spokes.render.timefmt import full  # imports this module: only when needed

        return full(value, _zone)
    return value


def t(key: str, /, **params: Any) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    english, vietnamese = MESSAGES[key]
    text = vietnamese if _current == "vi" else english
    if not params:
        return text
    return text.format(**{name: _shown(value) for name, value in params.items()})
