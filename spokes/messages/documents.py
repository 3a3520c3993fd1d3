"""Messages of Statement documents (`statement export`) and the published directory."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
