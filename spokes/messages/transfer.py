"""Messages of Data out and back in: `export ics`, `export json`, `import`, `backup`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
