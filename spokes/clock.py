"""The program's one clock, and the conversions between stored and shown times.

Inside, every time is an aware ``datetime`` in UTC. ``SPOKES_NOW`` (ISO 8601 with an offset)
freezes the clock, so tests, demos and reproduced reports all see the same moment.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from spokes.errors import InvalidInput

ENV_NOW = "SPOKES_NOW"


def now() -> datetime:
    """The current moment in UTC, or the frozen one from ``SPOKES_NOW``."""
    frozen = os.environ.get(ENV_NOW)
    if not frozen:
        return datetime.now(UTC).replace(microsecond=0)
    return _frozen(frozen)


@cache
def _frozen(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("clock.bad_now", value=text) from None
    if moment.tzinfo is None:
        # A frozen clock without an offset would silently depend on the machine's TZ.
        raise InvalidInput("clock.now_needs_offset", value=text)
    return moment.astimezone(UTC).replace(microsecond=0)


def is_frozen() -> bool:
    return bool(os.environ.get(ENV_NOW))


@cache
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: 'Asia' is a folder
        raise InvalidInput("clock.bad_zone", zone=name) from None


def to_db(moment: datetime | None) -> str | None:
    """Stored form: UTC, whole seconds, fixed width, so text order is time order."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_db(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text)


def iso_local(moment: datetime | None, tz: ZoneInfo) -> str | None:
    """Machine output: ISO 8601 in the workspace's zone, always with its offset."""
    if moment is None:
        return None
    return moment.astimezone(tz).isoformat(timespec="seconds")
