"""``spokes watch``: the live countdown."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Adds ``watch`` to the root command."""
