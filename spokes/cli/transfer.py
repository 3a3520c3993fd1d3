"""Data out and back in: ``spokes export ics|json``, ``spokes import``, ``spokes backup``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer

from spokes.cli.common import echo, workspace
from spokes.i18n import language, t
from spokes.workspace import Workspace

export_app = typer.Typer(no_args_is_help=True)

OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", help=t("help.opt.export_output"), metavar="FILE"),
]


def register(app: typer.Typer) -> None:
    """Adds ``export`` (a group), ``import`` and ``backup`` to the root command."""
    app.add_typer(export_app, name="export", help=t("help.export"))
    app.command("import", help=t("help.import"))(import_)
    app.command("backup", help=t("help.backup"))(backup)


def _check(ws: Workspace, output: str | None) -> None:
    """The ``-o`` file is checked before any work (see spokes.cli.output)."""
    from spokes.cli import output as out

    out.target(output, ws)


def counts_text(counts: Mapping[str, int]) -> str:
    return t(
        "transfer.counts",
        units=counts.get("units", 0),
        persons=counts.get("spokespersons", 0),
        incidents=counts.get("incidents", 0),
        statements=counts.get("statements", 0),
        events=counts.get("events", 0),
    )


def _emit(ws: Workspace, data: bytes, output: str | None) -> bool:
    """Writes ``data`` to the file ``output``, or to standard output; True for a file."""
    from spokes.cli import output as out

    path = out.target(output, ws)
    if path is None:
        echo(data.decode("utf-8").removesuffix("\n"))
        return False
    out.write_files([(path, data)], ws)
    return True


@export_app.command("ics", help=t("help.export.ics"))
def export_ics(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help=t("help.opt.export_open"))] = False,
    output: OutputOpt = None,
) -> None:
    from spokes.core import calendar

    ws = workspace(ctx)
    _check(ws, output)
    made = calendar.export(ws.store, ws.config, ws.now(), open_only)
    if _emit(ws, made.ics, output):
        echo(t("transfer.ics_written", count=made.deadlines, incidents=made.incidents, path=output))


@export_app.command("json", help=t("help.export.json"))
def export_json(ctx: typer.Context, output: OutputOpt = None) -> None:
    from spokes.core import transfer

    ws = workspace(ctx)
    _check(ws, output)
    document = transfer.export(ws.store)
    if _emit(ws, document.dumps().encode("utf-8"), output):
        echo(t("transfer.json_written", path=output, counts=counts_text(document.counts())))


def import_(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help=t("help.arg.import_file"), show_default=False, metavar="FILE")
    ],
) -> None:
    from spokes.cli.editor import read_text_file
    from spokes.core import transfer

    ws = workspace(ctx)
    # The whole file is read and checked before the database is even opened.
    document = transfer.parse(read_text_file(file), file)
    counts = transfer.load(ws.store, document, ws.root)
    echo(t("transfer.imported", path=file, home=ws.root, counts=counts_text(counts)))


def backup(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help=t("help.arg.backup_file"), show_default=False, metavar="FILE")
    ],
    force: Annotated[bool, typer.Option("--force", help=t("help.opt.backup_force"))] = False,
) -> None:
    from spokes.cli import output as out
    from spokes.core import transfer

    ws = workspace(ctx)
    target = Path(file).expanduser()
    if not (force and target.is_file()) or out.is_workspace_file(target, ws):
        out.check_target(target, ws)
    copy = transfer.backup(ws.store, target, force, out.workspace_files(ws))
    echo(t("transfer.backed_up", path=file, size=_size(copy.size), counts=counts_text(copy.counts)))


def _size(size: int) -> str:
    """``48 KB``, ``1.2 MB`` (``1,2 MB`` in Vietnamese, whose decimal mark is a comma)."""
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    text = f"{size / (1024 * 1024):.1f} MB"
    return text.replace(".", ",") if language() == "vi" else text
