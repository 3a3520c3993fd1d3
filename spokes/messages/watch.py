"""Messages of the live countdown (`spokes watch`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
