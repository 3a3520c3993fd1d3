"""``spokes remind``: reminders before each deadline, sent once, for cron and systemd timers."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Adds ``remind`` (with ``remind log``) to the root command."""
