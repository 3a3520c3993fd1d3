"""The fact sheet as a table and as JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from spokes.clock import iso_local
from spokes.core.facts import STANDARD, Fact, Sheet, label, ordered
from spokes.i18n import language, t
from spokes.render import table, timefmt


def value_text(fact: Fact, tz: ZoneInfo) -> str:
    if isinstance(fact.value, datetime):
        return timefmt.full(fact.value, tz)
    return str(fact.value)


def fact_json(fact: Fact, tz: ZoneInfo) -> dict[str, Any]:
    value: Any = iso_local(fact.value, tz) if isinstance(fact.value, datetime) else fact.value
    return {
        "key": fact.key,
        "type": fact.type,
        "value": value,
        "label": {"vi": fact.label_in("vi"), "en": fact.label_in("en")},
        "words": list(fact.words),
        "source": fact.source,
    }


def sheet_json(sheet: Sheet, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "incident": sheet.incident_id,
        "version": sheet.version,
        "created_at": iso_local(sheet.created_at, tz),
        "by": sheet.actor,
        "changed": list(sheet.changed),
        "facts": {fact.key: fact_json(fact, tz) for fact in ordered(sheet.effective())},
        "missing": sheet.missing(),
    }


def sheet_header(sheet: Sheet, title: str, tz: ZoneInfo) -> str:
    if sheet.version == 0:
        return t("fact.header_empty", id=sheet.incident_id, title=title)
    return t(
        "fact.header",
        id=sheet.incident_id,
        title=title,
        version=sheet.version,
        at=timefmt.full(sheet.created_at, tz),
        by=sheet.actor,
    )


def sheet_table(sheet: Sheet, tz: ZoneInfo) -> str:
    """Every standard key (the missing ones marked), then the custom ones."""
    lang = language()
    known = sheet.effective()
    rows: list[list[str]] = []
    styles: list[str | None] = []
    for key in [*STANDARD, *sorted(k for k in known if k not in STANDARD)]:
        fact = known.get(key)
        if fact is None:
            rows.append([key, label(key, lang), t("fact.missing_value"), ""])
            styles.append("dim")
            continue
        note = t("fact.from_incident") if fact.source == "incident" else ""
        if not fact.standard:
            note = t("fact.custom_note", type=t(f"fact.type.{fact.type}"))
        rows.append([key, fact.label_in(lang), value_text(fact, tz), note])
        styles.append(None)
    columns = [
        table.Column(t("col.key")),
        table.Column(t("col.label"), shrink=True),
        table.Column(t("col.value"), shrink=True),
        table.Column(t("col.note")),
    ]
    return table.render(columns, rows, styles, table.use_colour(), table.terminal_width())
