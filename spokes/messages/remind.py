"""Messages of reminders (`spokes remind`), their channels, and hooks."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
