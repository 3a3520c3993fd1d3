"""``spokes db``: status, migrate, copy, grant, revoke."""

from __future__ import annotations

from contextlib import closing
from typing import Annotated, Any

import typer

from spokes.cli.common import echo, print_json, workspace
from spokes.i18n import t
from spokes.store import Store
from spokes.workspace import Workspace, actor

app = typer.Typer(no_args_is_help=True)

UnitArg = Annotated[str, typer.Argument(help=t("help.arg.db_unit"), show_default=False)]
RoleArg = Annotated[str, typer.Argument(help=t("help.arg.db_role"), show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help=t("help.opt.json"))]


def _location(ws: Workspace) -> str:
    from spokes.store.url import redact

    url, _ = ws.database_url
    return str(ws.db_path) if url is None else redact(url)


def _unmigrated(ws: Workspace) -> Store | None:
    """The database as it is, not migrated; None for a SQLite file not made yet."""
    from spokes.store import open_store

    url, _ = ws.database_url
    if url is None and not ws.db_path.exists():
        return None
    return open_store(ws.db_path, url, migrate=False)


@app.command("status", help=t("help.db.status"))
def status(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    from spokes.core import database
    from spokes.store import migrations

    ws = workspace(ctx)
    store = _unmigrated(ws)
    if store is None:
        pending = [name for name, _ in migrations.MIGRATIONS]
        found = database.Status(ws.backend, _location(ws), [], pending, {}, [])
    else:
        with closing(store):
            found = database.status(store, _location(ws))
    if as_json:
        print_json(_status_json(found))
        return
    _echo_status(found)


def _status_json(found: Any) -> dict[str, Any]:
    return {
        "backend": found.backend,
        "database": found.location,
        "version": found.version,
        "applied": found.applied,
        "pending": found.pending,
        "counts": found.counts,
        "roles": [{"role": role, "unit": unit} for role, unit in found.roles],
    }


def _echo_status(found: Any) -> None:
    from spokes.store import migrations

    none = t("db.status.none")
    rows = [
        (t("db.status.backend"), found.backend),
        (t("db.status.location"), found.location),
        (t("db.status.version"), found.version or none),
        (t("db.status.applied"), f"{len(found.applied)}/{len(migrations.MIGRATIONS)}"),
        (t("db.status.pending"), ", ".join(found.pending) or none),
    ]
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        echo(f"{label + ':':<{width}} {value}")
    if found.pending:
        echo(t("db.status.pending_hint"))
    echo(t("db.status.records") + ":" + ("" if found.counts else f" {none}"))
    for name, count in found.counts.items():
        echo(f"  {name:<24} {count:>8}")
    if found.backend == "postgresql":
        echo(t("db.status.roles") + ":" + ("" if found.roles else f" {none}"))
        for role, unit in found.roles:
            echo(f"  {role:<24} {unit}")


@app.command("migrate", help=t("help.db.migrate"))
def migrate(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    from spokes.store import migrations

    ws = workspace(ctx)
    from spokes.store import open_store

    url, _ = ws.database_url
    with closing(open_store(ws.db_path, url, migrate=False)) as store:
        done = migrations.migrate(store)
        version = migrations.applied(store)[-1]
    if as_json:
        print_json({"applied": done, "version": version})
    elif done:
        echo(t("db.migrated", count=len(done), location=_location(ws), names=", ".join(done)))
    else:
        echo(t("db.up_to_date", location=_location(ws), version=version))


@app.command("copy", help=t("help.db.copy"))
def copy(
    ctx: typer.Context,
    to: Annotated[
        str, typer.Option("--to", help=t("help.opt.db_to"), metavar="URL|FILE", show_default=False)
    ],
) -> None:
    from spokes.cli import output as out
    from spokes.cli.transfer import counts_text
    from spokes.core import database
    from spokes.errors import Refused
    from spokes.store.url import is_postgres, redact

    ws = workspace(ctx)
    url, _ = ws.database_url
    if url is not None and is_postgres(to) and to.strip() == url.strip():
        raise Refused("db.copy_same", target=redact(to))
    protected = out.workspace_files(ws) if url is None else ()
    copied = database.copy_to(ws.store, to, protected, ws.root)
    key = "db.copied" if is_postgres(to) else "db.copied_file"
    echo(t(key, target=copied.target, counts=counts_text(copied.counts), size=copied.size))


@app.command("grant", help=t("help.db.grant"))
def grant(ctx: typer.Context, unit: UnitArg, role: RoleArg) -> None:
    from spokes.core import database

    ws = workspace(ctx)
    added = database.grant(ws.store, unit, role, ws.now(), actor())
    echo(t("db.granted" if added else "db.already_granted", role=role, unit=unit))


@app.command("revoke", help=t("help.db.revoke"))
def revoke(ctx: typer.Context, unit: UnitArg, role: RoleArg) -> None:
    from spokes.core import database

    ws = workspace(ctx)
    left = database.revoke(ws.store, unit, role, ws.now())
    if left:
        echo(t("db.revoked", role=role, unit=unit, left=", ".join(left)))
    else:
        echo(t("db.revoked_all", role=role, unit=unit))
