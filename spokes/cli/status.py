"""``spokes status``: the at-a-glance timer."""

from __future__ import annotations

from typing import Annotated

import typer

from spokes.cli.common import echo, frozen_note, print_json, workspace
from spokes.core import status as core_status
from spokes.errors import ExitCode
from spokes.i18n import t
from spokes.render import incidents as view
from spokes.render import table


def status(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=t("help.opt.unit"))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    check: Annotated[bool, typer.Option("--check", help=t("help.opt.check"))] = False,
) -> None:
    ws = workspace(ctx)
    snapshot = core_status.snapshot(ws.store, ws.config, ws.now(), unit)
    if as_json:
        print_json(view.status_json(snapshot, ws.tz))
    else:
        colour = table.use_colour()
        echo(view.status_table(snapshot, ws.tz, colour, table.terminal_width()))
        note = frozen_note()
        if note:
            echo(table.paint(note, "dim", colour))
    if check and snapshot.any_overdue:
        raise typer.Exit(ExitCode.OVERDUE)


def register(app: typer.Typer) -> None:
    app.command("status", help=t("help.status"))(status)
