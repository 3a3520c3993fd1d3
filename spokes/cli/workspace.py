"""``spokes init`` and ``spokes where``: set up a workspace, and say where everything is."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from spokes import clock, config, i18n
from spokes.cli.common import echo, print_json, workspace
from spokes.i18n import t
from spokes.text import tidy
from spokes.workspace import Workspace, actor


def init(
    ctx: typer.Context,
    org: Annotated[str | None, typer.Option("--org", help=t("help.opt.org"))] = None,
    place: Annotated[str | None, typer.Option("--place", help=t("help.opt.place"))] = None,
    tz: Annotated[str | None, typer.Option("--tz", help=t("help.opt.tz"))] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=t("help.opt.config_lang"))] = None,
) -> None:
    ws = workspace(ctx)
    changes: dict[str, Any] = {}
    if org is not None:
        changes["org"] = tidy(org)
    if place is not None:
        changes["place"] = tidy(place)
    if tz is not None:
        clock.zone(tz)  # refuses an unknown zone before anything is written
        changes["timezone"] = tz
    if lang is not None:
        chosen = i18n.normalise(lang)
        if chosen is None:
            raise typer.BadParameter(t("lang.unknown", value=lang), param_hint="--lang")
        changes["lang"] = chosen
    updated = ws.config.with_changes(**changes)
    existed = ws.config_path.exists()
    config.save(updated, ws.config_path)
    ws.config = updated
    # The new config speaks from now on, unless --lang or SPOKES_LANG says otherwise.
    ws.lang, ws.lang_source = i18n.resolve(ctx.find_root().obj.lang, updated.lang)
    i18n.set_language(ws.lang)
    ws.store  # creates and migrates the database now, so `where` shows it  # noqa: B018
    echo(t("init.updated" if existed else "init.created", path=str(ws.root)))
    echo(t("init.next"))


def where(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
) -> None:
    ws = workspace(ctx)
    facts = _facts(ws)
    if as_json:
        print_json(facts)
        return
    labels = {key: t(f"where.{key}") for key in facts if key != "rules"}
    width = max(len(label) for label in labels.values()) + 1
    for key, label in labels.items():
        echo(f"{label + ':':<{width}} {_shown(facts[key])}")
    echo(t("where.rules") + ":")
    for rule in facts["rules"]:
        echo(f"  {rule['name']:<24} {rule['from']:<9} +{rule['within']:<5} {rule['citation']}")
        filters = [f"{key}={','.join(rule[key])}" for key in _FILTERS if rule[key]]
        if filters:
            echo(f"  {'':<24} {t('where.only')}: {'; '.join(filters)}")


_FILTERS = ("categories", "severities", "unit_kinds")


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("where.yes") if value else t("where.no")
    return str(value)


def _facts(ws: Workspace) -> dict[str, Any]:
    from spokes.store import migrations

    db_exists = ws.db_path.exists()
    applied = None
    if db_exists:
        applied = len(migrations.applied(ws.store))
    return {
        "home": str(ws.root),
        "home_source": ws.root_source,
        "config": str(ws.config_path),
        "config_exists": ws.config_path.exists(),
        "database": str(ws.db_path),
        "database_exists": db_exists,
        "schema": f"{applied}/{len(migrations.MIGRATIONS)}" if applied is not None else None,
        "org": ws.config.org,
        "place": ws.config.place,
        "timezone": ws.config.timezone,
        "language": ws.lang,
        "language_source": ws.lang_source,
        "now": clock.iso_local(ws.now(), ws.tz),
        "clock": "SPOKES_NOW" if clock.is_frozen() else "system",
        "user": actor(),
        "warning_window": config.duration_text(ws.config.warning),
        "publish_within": config.duration_text(ws.config.publish_within),
        "rules": [
            {
                "name": rule.name,
                "from": rule.starts,
                "within": config.duration_text(rule.within),
                "citation": rule.citation,
                **{key: list(getattr(rule, key)) for key in _FILTERS},
            }
            for rule in ws.config.rules
        ],
    }


def register(app: typer.Typer) -> None:
    app.command("init", help=t("help.init"))(init)
    app.command("where", help=t("help.where"))(where)
