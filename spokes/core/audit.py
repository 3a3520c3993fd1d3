"""The append-only audit trail: who did what, and when. Rows are inserted, never changed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from spokes.clock import from_db, to_db
from spokes.store import Store
from spokes.workspace import actor


@dataclass(frozen=True)
class Event:
    id: int
    at: datetime
    actor: str
    kind: str
    incident_id: str | None
    unit_code: str | None
    detail: dict[str, Any]


def record(
    store: Store,
    kind: str,
    at: datetime,
    /,
    *,
    incident_id: str | None = None,
    unit_code: str | None = None,
    **detail: Any,
) -> None:
    store.execute(
        "INSERT INTO events (at, actor, kind, incident_id, unit_code, detail)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            to_db(at),
            actor(),
            kind,
            incident_id,
            unit_code,
            json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        ),
    )


def for_incident(store: Store, incident_id: str) -> list[Event]:
    rows = store.query("SELECT * FROM events WHERE incident_id = ? ORDER BY id", (incident_id,))
    return [_event(row) for row in rows]


def _event(row: dict[str, Any]) -> Event:
    at = from_db(row["at"])
    assert at is not None
    return Event(
        id=row["id"],
        at=at,
        actor=row["actor"],
        kind=row["kind"],
        incident_id=row["incident_id"],
        unit_code=row["unit_code"],
        detail=json.loads(row["detail"]),
    )
