"""``spokes demo``: see spokes work in a minute, without touching your own workspace."""

from __future__ import annotations

import sys

import typer

from spokes.cli.common import echo, workspace
from spokes.cli.fastpath import status_output
from spokes.core import incidents, statements
from spokes.core.demo import build
from spokes.i18n import t


def demo(ctx: typer.Context) -> None:
    user_ws = workspace(ctx)
    ws = build(user_ws.now())
    ws.lang = user_ws.lang
    try:
        text, _ = status_output(ws, None, False, sys.stdout)
        echo(t("demo.intro", path=str(ws.root)))
        echo()
        echo(text)
        echo()
        # Suggest informing an incident that still waits for its initial information.
        waiting = [item for item in incidents.select(ws.store) if item.informed_at is None]
        drafted = statements.get(ws.store, 1).incident_id
        echo(t("demo.try", path=str(ws.root), first=waiting[0].id, drafted=drafted))
    finally:
        ws.close()


def register(app: typer.Typer) -> None:
    app.command("demo", help=t("help.demo"))(demo)
