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
        echo(t("demo.try"))
        for line in _suggestions(str(ws.root), waiting[0].id, drafted):
            echo("  " + line)
    finally:
        ws.close()


def _suggestions(path: str, first: str, drafted: str) -> list[str]:
    """Commands to try in the demo workspace: the same in both languages."""
    import os

    from spokes.workspace import ENV_DATABASE

    # The demo is always a SQLite file of its own: a shared database is left out of it.
    shared = [f"unset {ENV_DATABASE}"] if os.environ.get(ENV_DATABASE) else []
    return [
        f"export SPOKES_HOME={path}",
        *shared,
        'spokes incident open "Sạt lở đất" --unit phuc-khoa --occurred -40m',
        f"spokes incident inform {first} --channel press-release",
        "spokes status",
        "spokes spokesperson list",
        f"spokes fact list {drafted}",
        "spokes statement show 1",
        f'echo "Sạt lở làm 3 người bị thương" | spokes statement check {drafted}',
        "spokes statement export 1 -o thong-cao-1.docx",
        "spokes report day --format html -o bao-cao.html",
        f'spokes press request -u phuc-khoa --from "Báo Lai Châu" --about "Thiệt hại" -i {first}',
        "spokes report annual --details",
        "spokes remind --dry-run",
        "spokes watch",
    ]


def register(app: typer.Typer) -> None:
    app.command("demo", help=t("help.demo"))(demo)
