"""The press register's records as lines, a table and JSON (one shape per record, everywhere)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from spokes.clock import iso_local
from spokes.core.press import Correction, PressEvent, Request
from spokes.i18n import t
from spokes.render import table, timefmt


def event_json(event: PressEvent, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "id": event.id,
        "kind": event.kind,
        "unit": event.unit_code,
        "at": iso_local(event.at, tz),
        "topic": event.topic,
        "organiser": event.organiser,
        "online": event.online,
        "incidents": list(event.incidents),
    }


def event_line(event: PressEvent, tz: ZoneInfo) -> str:
    key = "press.conference_recorded" if event.kind == "conference" else "press.briefing_recorded"
    line = t(key, id=event.id, unit=event.unit_code, at=timefmt.full(event.at, tz))
    if event.online:
        line += " " + t("press.online")
    if event.incidents:
        line += " " + t("press.linked", incidents=", ".join(event.incidents))
    return line


def ground_label(ground: str | None, reason: str | None) -> str | None:
    """A refusal's reason as people read it: a ground by its name in the law, or the words."""
    if reason:
        return reason
    return t(f"press.ground.{ground}") if ground else None


def request_json(request: Request, tz: ZoneInfo, now: datetime) -> dict[str, Any]:
    return {
        "id": request.id,
        "unit": request.unit_code,
        "outlet": request.outlet,
        "received_at": iso_local(request.received_at, tz),
        "about": request.about,
        "incident": request.incident_id,
        "due_at": iso_local(request.due_at, tz),
        "state": _state(request),
        "answered_at": iso_local(request.answered_at, tz),
        "waited_seconds": request.waited(now),
        "overdue": request.overdue(now),
        "channel": request.channel,
        "statement": request.statement_id,
        "refusal": (
            {
                "ground": request.refusal_ground,
                "reason": ground_label(request.refusal_ground, request.refusal_reason),
            }
            if request.outcome == "refused"
            else None
        ),
    }


def _state(request: Request) -> str:
    return request.outcome or "open"


def request_line(request: Request, tz: ZoneInfo) -> str:
    line = t(
        "press.request_recorded",
        id=request.id,
        unit=request.unit_code,
        outlet=request.outlet,
        at=timefmt.full(request.received_at, tz),
    )
    if request.due_at:
        line += " " + t("press.request_due", due=timefmt.full(request.due_at, tz))
    return line


def answer_line(request: Request, tz: ZoneInfo) -> str:
    at = timefmt.full(request.answered_at, tz)
    waited = timefmt.duration(request.waited(request.answered_at or request.received_at))
    if request.outcome == "refused":
        reason = ground_label(request.refusal_ground, request.refusal_reason)
        return t("press.refused", id=request.id, at=at, reason=reason, waited=waited)
    line = t("press.replied", id=request.id, at=at, waited=waited)
    if request.statement_id:
        line += " " + t("press.replied_statement", statement=request.statement_id)
    return line


def requests_table(
    found: list[Request],
    tz: ZoneInfo,
    now: datetime,
    colour: bool,
    width: int | None,
    open_only: bool,
) -> str:
    if not found:
        return t("press.no_open_requests" if open_only else "press.no_requests")
    columns = [
        table.Column("#", "right"),
        table.Column(t("press.col.unit"), drop=2),
        table.Column(t("press.col.outlet"), shrink=True),
        table.Column(t("press.col.about"), shrink=True),
        table.Column(t("press.col.received"), drop=3),
        table.Column(t("press.col.waited"), "right"),
        table.Column(t("press.col.answer")),
    ]
    rows, styles = [], []
    for item in found:
        rows.append(
            [
                str(item.id),
                item.unit_code,
                item.outlet,
                item.about,
                timefmt.when(item.received_at, tz, now),
                timefmt.duration(item.waited(now)),
                _answer_cell(item, tz, now),
            ]
        )
        styles.append("red" if item.overdue(now) and item.answered_at is None else None)
    return table.render(columns, rows, styles, colour, width)


def _answer_cell(item: Request, tz: ZoneInfo, now: datetime) -> str:
    if item.answered_at is None:
        if item.due_at is None:
            return t("press.state.open")
        key = "press.state.overdue" if item.overdue(now) else "press.state.due"
        return t(key, due=timefmt.when(item.due_at, tz, now))
    key = "press.state.refused" if item.outcome == "refused" else "press.state.replied"
    return t(key, at=timefmt.when(item.answered_at, tz, now))


def correction_json(correction: Correction, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "id": correction.id,
        "unit": correction.unit_code,
        "outlet": correction.outlet,
        "published_at": iso_local(correction.published_at, tz),
        "claim": correction.claim,
        "url": correction.url,
        "incident": correction.incident_id,
        "responded_at": iso_local(correction.responded_at, tz),
        "document": correction.document,
    }


def correction_line(correction: Correction, tz: ZoneInfo) -> str:
    return t(
        "press.correction_recorded",
        id=correction.id,
        unit=correction.unit_code,
        outlet=correction.outlet,
        at=timefmt.full(correction.published_at, tz),
    )


def response_line(correction: Correction, tz: ZoneInfo) -> str:
    line = t("press.responded", id=correction.id, at=timefmt.full(correction.responded_at, tz))
    if correction.document:
        line += " " + t("press.response_document", document=correction.document)
    return line
