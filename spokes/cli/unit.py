"""``spokes unit ...``: the directory of units (agencies, communes...)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from spokes.cli.common import echo, print_json, workspace
from spokes.core import incidents, spokespersons, units
from spokes.core.units import KINDS, Unit
from spokes.errors import InvalidInput
from spokes.i18n import t
from spokes.render import table
from spokes.render.incidents import speaker_name

app = typer.Typer(no_args_is_help=True)

CodeArg = Annotated[str, typer.Argument(help=t("help.arg.unit"), show_default=False)]
KIND_HELP = t("help.opt.kind", kinds=" | ".join(KINDS))


def unit_json(unit: Unit) -> dict[str, Any]:
    return {"code": unit.code, "name": unit.name, "kind": unit.kind, "parent": unit.parent_code}


def kind_label(kind: str) -> str:
    return t(f"kind.{kind}")


@app.command("add", help=t("help.unit.add"))
def add(
    ctx: typer.Context,
    code: CodeArg,
    name: Annotated[str, typer.Argument(help=t("help.arg.unit_name"), show_default=False)],
    kind: Annotated[str, typer.Option("--kind", "-k", help=KIND_HELP)],
    parent: Annotated[str | None, typer.Option("--parent", "-p", help=t("help.opt.parent"))] = None,
) -> None:
    from spokes.core.inputs import UnitInput, build

    ws = workspace(ctx)
    record = build(UnitInput, code=code, name=name, kind=kind, parent=parent)
    unit = units.add(ws.store, record, ws.now())
    echo(t("unit.added", code=unit.code, name=unit.name, kind=kind_label(unit.kind)))


@app.command("list", help=t("help.unit.list"))
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
) -> None:
    ws = workspace(ctx)
    found = units.all_units(ws.store)
    if as_json:
        print_json([unit_json(unit) for unit in found])
        return
    if not found:
        echo(t("unit.none"))
        return
    columns = [
        table.Column(t("col.code")),
        table.Column(t("col.name"), shrink=True),
        table.Column(t("col.kind")),
        table.Column(t("col.parent")),
    ]
    rows = [
        [u.code, u.name, kind_label(u.kind), u.parent_code or ""] for u in units.tree_order(found)
    ]
    echo(table.render(columns, rows, colour=table.use_colour(), max_width=table.terminal_width()))


@app.command("show", help=t("help.unit.show"))
def show(
    ctx: typer.Context,
    code: CodeArg,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
) -> None:
    ws = workspace(ctx)
    unit = units.get(ws.store, code)
    now = ws.now()
    speaker = spokespersons.regular_at(ws.store, unit.code, now)
    kids = units.children(ws.store, unit.code)
    open_count = incidents.count_open(ws.store, unit.code)
    if as_json:
        data = unit_json(unit)
        data["children"] = [kid.code for kid in kids]
        data["spokesperson"] = speaker.contact() if speaker else None
        data["open_incidents"] = open_count
        print_json(data)
        return
    who = speaker_name(speaker)
    lines = [
        f"{unit.code}  {unit.name}",
        f"  {t('col.kind')}: {kind_label(unit.kind)}",
        f"  {t('col.parent')}: {unit.parent_code or '—'}",
        f"  {t('col.children')}: {', '.join(kid.code for kid in kids) or '—'}",
        f"  {t('col.spokesperson')}: {who}",
        f"  {t('col.open_incidents')}: {open_count}",
    ]
    echo("\n".join(lines))


@app.command("edit", help=t("help.unit.edit"))
def edit(
    ctx: typer.Context,
    code: CodeArg,
    name: Annotated[str | None, typer.Option("--name", help=t("help.arg.unit_name"))] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help=KIND_HELP)] = None,
    parent: Annotated[str | None, typer.Option("--parent", "-p", help=t("help.opt.parent"))] = None,
    no_parent: Annotated[bool, typer.Option("--no-parent", help=t("help.opt.no_parent"))] = False,
) -> None:
    from spokes.core.inputs import UnitInput, build

    if parent is not None and no_parent:
        raise typer.BadParameter(t("unit.parent_and_no_parent"), param_hint="--no-parent")
    ws = workspace(ctx)
    current = units.get(ws.store, code)
    checked = build(
        UnitInput,
        code=current.code,
        name=name if name is not None else current.name,
        kind=kind if kind is not None else current.kind,
        parent=parent,
    )
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = checked.name
    if kind is not None:
        changes["kind"] = checked.kind
    if parent is not None:
        changes["parent"] = checked.parent
    if no_parent:
        changes["parent"] = None
    if not changes:
        raise InvalidInput("unit.nothing_to_change")
    unit = units.edit(ws.store, current.code, changes, ws.now())
    echo(t("unit.edited", code=unit.code, name=unit.name))


@app.command("import", help=t("help.unit.import"))
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help=t("help.arg.csv"), show_default=False)],
) -> None:
    ws = workspace(ctx)
    records = units.check_import(ws.store, path)
    result = units.import_units(ws.store, records, ws.now())
    echo(t("unit.imported", added=result.added, updated=result.updated, unchanged=result.unchanged))
