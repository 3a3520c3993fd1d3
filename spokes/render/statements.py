"""Statements and conflict-check results as tables, text and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from spokes.clock import iso_local
from spokes.core import facts
from spokes.core.statements import Statement

if TYPE_CHECKING:  # the figure parser compiles many patterns: imported only by `check`
    from spokes.core.conflicts import Finding
    from spokes.core.sms import SmsSize
from spokes.i18n import language, t
from spokes.render import table, timefmt


def statement_json(statement: Statement, version: int, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "id": statement.id,
        "incident": statement.incident_id,
        "kind": statement.kind,
        "channel": statement.channel,
        "lang": statement.lang,
        "template": statement.template,
        "state": statement.state(version),
        "fact_version": statement.fact_version,
        "current_fact_version": version,
        "edited": statement.edited,
        "approved_by": statement.approved_by,
        "approved_at": iso_local(statement.approved_at, tz),
        "approved_version": statement.approved_version,
        "issued_at": iso_local(statement.issued_at, tz),
        "issued_by": statement.issued_by,
        "issued_channel": statement.issued_channel,
        "issued_url": statement.issued_url,
        "override_reason": statement.override_reason,
        "created_at": iso_local(statement.created_at, tz),
        "updated_at": iso_local(statement.updated_at, tz),
        "text": statement.body,
    }


_STATE_STYLES = {"draft": None, "approved": "green", "stale": "yellow", "issued": "cyan"}


def statement_table(items: list[Statement], version: int, tz: ZoneInfo) -> str:
    now = None
    rows = [
        [
            str(item.id),
            t(f"statement.kind.{item.kind}"),
            item.channel,
            item.lang,
            t(f"statement.state.{item.state(version)}"),
            str(item.fact_version),
            timefmt.when(item.issued_at or item.updated_at, tz, now),
        ]
        for item in items
    ]
    styles = [_STATE_STYLES[item.state(version)] for item in items]
    columns = [
        table.Column(t("col.id"), align="right"),
        table.Column(t("col.kind")),
        table.Column(t("col.channel")),
        table.Column(t("col.lang")),
        table.Column(t("col.state")),
        table.Column(t("col.facts"), align="right"),
        table.Column(t("col.updated")),
    ]
    return table.render(columns, rows, styles, table.use_colour(), table.terminal_width())


def statement_card(statement: Statement, version: int, tz: ZoneInfo) -> str:
    state = statement.state(version)
    lines = [
        t(
            "statement.card_head",
            id=statement.id,
            incident=statement.incident_id,
            kind=t(f"statement.kind.{statement.kind}"),
            channel=statement.channel,
            lang=statement.lang,
        ),
        t(
            "statement.card_state",
            state=t(f"statement.state.{state}"),
            version=statement.fact_version,
        ),
    ]
    if statement.edited:
        lines.append(t("statement.card_edited"))
    if statement.approved_by:
        lines.append(
            t(
                "statement.card_approved",
                by=statement.approved_by,
                at=timefmt.full(statement.approved_at, tz),
                version=statement.approved_version,
            )
        )
    if state == "stale" and not statement.edited:
        lines.append(t("statement.card_stale", version=statement.fact_version))
    if statement.issued_at:
        lines.append(
            t(
                "statement.card_issued",
                by=statement.issued_by or "—",
                at=timefmt.full(statement.issued_at, tz),
                channel=statement.issued_channel or "—",
                url=statement.issued_url or "",
            ).rstrip()
        )
    if statement.override_reason:
        lines.append(t("statement.card_override", reason=statement.override_reason))
    rule = "─" * 60
    return "\n".join([*lines, rule, statement.body.rstrip(), rule])


def missing_line(missing: tuple[str, ...] | list[str]) -> str | None:
    if not missing:
        return None
    lang = language()
    return t("statement.missing", facts=", ".join(facts.label(key, lang) for key in missing))


def sms_line(size: SmsSize) -> str:
    if size.fits_one:
        return t(
            "statement.sms_fits", length=size.length, limit=size.single_limit, enc=size.encoding
        )
    return t(
        "statement.sms_parts",
        length=size.length,
        limit=size.single_limit,
        enc=size.encoding,
        parts=size.parts,
    )


def sms_json(size: SmsSize) -> dict[str, Any]:
    return {
        "encoding": size.encoding,
        "length": size.length,
        "single_limit": size.single_limit,
        "parts": size.parts,
    }


# -- the conflict check ---------------------------------------------------------------------


def finding_json(finding: Finding, sheet: facts.Sheet) -> dict[str, Any]:
    from spokes.core.conflicts import show

    figure = finding.figure
    key = figure.key
    return {
        "kind": figure.kind,
        "fact": key,
        "label": facts.label(key, language(), sheet.effective()) if key else None,
        "found": show(figure.value),
        "expected": show(finding.expected) if finding.expected is not None else None,
        "statement": finding.statement,
        "text": figure.text,
        "context": figure.context,
        "start": figure.start,
        "end": figure.end,
    }


def check_json(findings: list[Finding], sheet: facts.Sheet) -> dict[str, Any]:
    grouped: dict[str, list[dict[str, Any]]] = {"conflicts": [], "confirmed": [], "unknown": []}
    names = {"conflict": "conflicts", "confirmed": "confirmed", "unknown": "unknown"}
    for finding in findings:
        grouped[names[finding.verdict]].append(finding_json(finding, sheet))
    return {"incident": sheet.incident_id, "fact_version": sheet.version, **grouped}


def check_text(findings: list[Finding], sheet: facts.Sheet) -> str:
    lines: list[str] = []
    for verdict, mark in (("conflict", "✗"), ("confirmed", "✓"), ("unknown", "?")):
        found = [f for f in findings if f.verdict == verdict]
        lines.append(t(f"check.heading.{verdict}", count=len(found)))
        for finding in found:
            lines.append(f"  {mark} {_finding_line(finding, sheet)}")
            lines.append(f"      «{finding.figure.context}»")
    summary = sum(f.verdict == "conflict" for f in findings)
    lines.append(t("check.summary_conflicts" if summary else "check.summary_ok", count=summary))
    return "\n".join(lines)


def _finding_line(finding: Finding, sheet: facts.Sheet) -> str:
    from spokes.core.conflicts import show

    figure = finding.figure
    name = facts.label(figure.key, language(), sheet.effective()) if figure.key else "—"
    if finding.verdict == "conflict":
        return t("check.conflict", fact=name, found=figure.text, expected=show(finding.expected))
    if finding.verdict == "confirmed":
        return t("check.confirmed", fact=name, found=figure.text)
    if figure.key:
        return t("check.unknown_fact", fact=name, found=figure.text)
    return t("check.unknown", found=figure.text)
