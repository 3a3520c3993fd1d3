"""``spokes report``: the end-of-day status table and the period report."""

from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True)
