"""``spokes status``: the at-a-glance timer."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from spokes.cli.common import echo, workspace
from spokes.cli.fastpath import status_output
from spokes.errors import ExitCode
from spokes.i18n import t


def status(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=t("help.opt.unit"))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    check: Annotated[bool, typer.Option("--check", help=t("help.opt.check"))] = False,
) -> None:
    text, overdue = status_output(workspace(ctx), unit, as_json, sys.stdout)
    echo(text)
    if check and overdue:
        raise typer.Exit(ExitCode.OVERDUE)


def register(app: typer.Typer) -> None:
    app.command("status", help=t("help.status"))(status)
