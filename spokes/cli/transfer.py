"""Data out and back in: ``spokes export ics|json``, ``spokes import``, ``spokes backup``."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Adds ``export`` (a group), ``import`` and ``backup`` to the root command."""
