"""``spokes demo``: see spokes work in a minute, without touching your own workspace."""

from __future__ import annotations

import typer

from spokes.cli.common import echo, workspace
from spokes.core import status as core_status
from spokes.core.demo import build
from spokes.i18n import t
from spokes.render import incidents as view
from spokes.render import table


def demo(ctx: typer.Context) -> None:
    user_ws = workspace(ctx)
    ws = build(user_ws.now())
    ws.lang = user_ws.lang
    try:
        snapshot = core_status.snapshot(ws.store, ws.config, ws.now())
        colour = table.use_colour()
        echo(t("demo.intro", path=str(ws.root)))
        echo()
        echo(view.status_table(snapshot, ws.tz, colour, table.terminal_width()))
        echo()
        first = snapshot.views[0].incident.id if snapshot.views else "ID"
        echo(t("demo.try", path=str(ws.root), first=first))
    finally:
        ws.close()


def register(app: typer.Typer) -> None:
    app.command("demo", help=t("help.demo"))(demo)
