"""The press register: press conferences and briefings, requests from the press and their
answers, false reports in the press and the written responses to them.

These are the records the annual report (:mod:`spokes.core.annual`) counts, kept as the work
happens (Decree 244/2026 Art. 6, 7 and 10). Every write checks its input in full, then writes
the record and its audit event in one transaction; nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

from spokes.clock import from_db, to_db
from spokes.core import audit
from spokes.core.incidents import CHANNELS, check_choice
from spokes.core.incidents import get as get_incident
from spokes.core.statements import get as get_statement
from spokes.core.units import get as get_unit
from spokes.errors import InvalidInput, NotFound, Refused
from spokes.store import Store
from spokes.text import tidy_or_none

if TYPE_CHECKING:
    from spokes.core.conflicts import Finding
    from spokes.core.facts import Sheet

EventKind = Literal["conference", "briefing"]
EVENT_KINDS: tuple[EventKind, ...] = ("conference", "briefing")

# What the Press Law lets a spokesperson withhold (Luật Báo chí 2016, Art. 38.3, as Decree
# 244/2026 Art. 4.3 asks a refusal to say why). Any other reason is written out in full.
REFUSAL_GROUNDS = (
    "state-secret",
    "private-secret",
    "under-investigation",
    "inspection-pending",
    "complaint-pending",
    "draft-not-cleared",
)
OTHER_GROUND = "other"
MAX_TEXT = 10_000  # a claim or a subject is a few lines; a pasted article is cut at the door


MAX_ID = 2**63 - 1  # the largest id either database stores


def _required(value: str | None, key: str) -> str:
    cleaned = _optional(value)
    if cleaned is None:
        raise InvalidInput(key)
    return cleaned


def _optional(value: str | None) -> str | None:
    cleaned = tidy_or_none(value)
    if cleaned is not None and len(cleaned) > MAX_TEXT:
        raise InvalidInput("press.too_long", limit=f"{MAX_TEXT:,}")
    return cleaned


def parse_id(text: str | int, key: str) -> int:
    """``3`` and ``#3`` name record 3."""
    cleaned = str(text).strip().lstrip("#")
    if not cleaned.isdecimal() or not 1 <= int(cleaned) <= MAX_ID:
        raise InvalidInput(key, id=text)
    return int(cleaned)


def _incident_ids(store: Store, ids: list[str]) -> list[str]:
    found: list[str] = []
    for incident_id in ids:
        incident = get_incident(store, incident_id)
        if incident.id not in found:
            found.append(incident.id)
    return found


# -- press conferences and briefings -------------------------------------------------------


@dataclass(frozen=True)
class PressEvent:
    id: int
    kind: EventKind
    unit_code: str
    at: datetime
    topic: str | None
    organiser: str | None
    online: bool
    incidents: tuple[str, ...]


@dataclass(frozen=True)
class EventInput:
    kind: EventKind
    unit: str
    at: datetime
    topic: str | None = None
    organiser: str | None = None
    online: bool = False
    incidents: tuple[str, ...] = ()


def record_event(store: Store, item: EventInput, now: datetime) -> PressEvent:
    topic = _optional(item.topic)
    organiser = _optional(item.organiser)
    with store.transaction():
        unit = get_unit(store, item.unit)
        linked = _incident_ids(store, list(item.incidents))
        event_id = store.insert(
            "INSERT INTO press_events (kind, unit_code, at, topic, organiser, online, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (item.kind, unit.code, to_db(item.at), topic, organiser, int(item.online), to_db(now)),
        )
        for incident_id in linked:
            store.execute(
                "INSERT INTO press_event_incidents (event_id, incident_id) VALUES (?, ?)",
                (event_id, incident_id),
            )
        audit.record(
            store,
            f"press-{item.kind}-recorded",
            now,
            unit_code=unit.code,
            record=event_id,
            at=to_db(item.at),
            topic=topic,
            organiser=organiser,
            online=item.online,
            incidents=linked,
        )
    return get_event(store, event_id)


def get_event(store: Store, event_id: int) -> PressEvent:
    row = store.query_one("SELECT * FROM press_events WHERE id = ?", (event_id,))
    if row is None:
        raise NotFound("press.unknown_event", id=event_id)
    links = store.query(
        "SELECT incident_id FROM press_event_incidents WHERE event_id = ? ORDER BY incident_id",
        (event_id,),
    )
    return _event(row, tuple(link["incident_id"] for link in links))


def _event(row: dict[str, Any], incidents: tuple[str, ...]) -> PressEvent:
    at = from_db(row["at"])
    assert at is not None
    return PressEvent(
        id=row["id"],
        kind=row["kind"],
        unit_code=row["unit_code"],
        at=at,
        topic=row["topic"],
        organiser=row["organiser"],
        online=bool(row["online"]),
        incidents=incidents,
    )


def events_between(store: Store, start: datetime, end: datetime) -> list[PressEvent]:
    """Conferences and briefings held from ``start`` (included) to ``end`` (excluded)."""
    rows = store.query(
        "SELECT * FROM press_events WHERE at >= ? AND at < ? ORDER BY at, id",
        (to_db(start), to_db(end)),
    )
    links: dict[int, list[str]] = {}
    for link in store.query(
        "SELECT l.event_id, l.incident_id FROM press_event_incidents l"
        " JOIN press_events e ON e.id = l.event_id WHERE e.at >= ? AND e.at < ?"
        " ORDER BY l.incident_id",
        (to_db(start), to_db(end)),
    ):
        links.setdefault(link["event_id"], []).append(link["incident_id"])
    return [_event(row, tuple(links.get(row["id"], ()))) for row in rows]


# -- requests from the press ---------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    id: int
    unit_code: str
    outlet: str
    received_at: datetime
    about: str
    incident_id: str | None
    due_at: datetime | None
    answered_at: datetime | None
    outcome: Literal["replied", "refused"] | None
    channel: str | None
    statement_id: int | None
    refusal_ground: str | None
    refusal_reason: str | None

    def waited(self, now: datetime) -> int:
        """Seconds from the request to its answer, or to ``now`` while it waits."""
        return int(((self.answered_at or now) - self.received_at).total_seconds())

    def overdue(self, now: datetime) -> bool:
        if self.due_at is None:
            return False
        return (self.answered_at or now) > self.due_at


@dataclass(frozen=True)
class RequestInput:
    unit: str
    outlet: str
    at: datetime
    about: str
    incident: str | None = None
    due: datetime | None = None


def record_request(store: Store, item: RequestInput, now: datetime) -> Request:
    outlet = _required(item.outlet, "press.outlet_required")
    about = _required(item.about, "press.about_required")
    if item.due is not None and item.due < item.at:
        raise Refused("press.due_before_request")
    with store.transaction():
        unit = get_unit(store, item.unit)
        incident_id = get_incident(store, item.incident).id if item.incident else None
        request_id = store.insert(
            "INSERT INTO press_requests (unit_code, outlet, received_at, about, incident_id,"
            " due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                unit.code,
                outlet,
                to_db(item.at),
                about,
                incident_id,
                to_db(item.due),
                to_db(now),
                to_db(now),
            ),
        )
        audit.record(
            store,
            "press-request-recorded",
            now,
            incident_id=incident_id,
            unit_code=unit.code,
            record=request_id,
            outlet=outlet,
            received_at=to_db(item.at),
            about=about,
            due_at=to_db(item.due),
        )
    return get_request(store, request_id)


def get_request(store: Store, request_id: str | int) -> Request:
    key = parse_id(request_id, "press.bad_request_id")
    row = store.query_one("SELECT * FROM press_requests WHERE id = ?", (key,))
    if row is None:
        raise NotFound("press.unknown_request", id=request_id)
    return _request(row)


def _request(row: dict[str, Any]) -> Request:
    received = from_db(row["received_at"])
    assert received is not None
    return Request(
        id=row["id"],
        unit_code=row["unit_code"],
        outlet=row["outlet"],
        received_at=received,
        about=row["about"],
        incident_id=row["incident_id"],
        due_at=from_db(row["due_at"]),
        answered_at=from_db(row["answered_at"]),
        outcome=row["outcome"],
        channel=row["channel"],
        statement_id=row["statement_id"],
        refusal_ground=row["refusal_ground"],
        refusal_reason=row["refusal_reason"],
    )


def requests(store: Store, open_only: bool = False, unit: str | None = None) -> list[Request]:
    """Requests oldest first; ``open_only`` keeps those still waiting for an answer."""
    where, params = [], []
    if open_only:
        where.append("answered_at IS NULL")
    if unit is not None:
        where.append("unit_code = ?")
        params.append(get_unit(store, unit).code)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = store.query(f"SELECT * FROM press_requests{clause} ORDER BY received_at, id", params)
    return [_request(row) for row in rows]


def requests_between(store: Store, start: datetime, end: datetime) -> list[Request]:
    rows = store.query(
        "SELECT * FROM press_requests WHERE received_at >= ? AND received_at < ?"
        " ORDER BY received_at, id",
        (to_db(start), to_db(end)),
    )
    return [_request(row) for row in rows]


@dataclass(frozen=True)
class Answer:
    at: datetime
    channel: str | None = None
    statement: str | None = None
    refuse: str | None = None  # a ground of REFUSAL_GROUNDS, or the reason in words


def refusal(text: str) -> tuple[str, str | None]:
    """``(ground, reason)``: a known ground by its name, any other text as the reason."""
    cleaned = _required(text, "press.refusal_reason_required")
    key = cleaned.lower()
    if key in REFUSAL_GROUNDS:
        return key, None
    if key == OTHER_GROUND:  # "other" says nothing: the law asks for the reason itself
        raise InvalidInput("press.refusal_reason_required")
    return OTHER_GROUND, cleaned


def answer(store: Store, request_id: str | int, item: Answer, now: datetime) -> Request:
    """A reply to a request (or a refusal with its reason): once, not before the request."""
    if item.refuse is not None and (item.channel or item.statement):
        raise InvalidInput("press.reply_or_refuse")
    ground, reason = refusal(item.refuse) if item.refuse is not None else (None, None)
    channel = check_choice(item.channel, CHANNELS, "press.bad_channel")
    with store.transaction():
        request = get_request(store, request_id)
        if request.answered_at is not None:
            raise Refused("press.already_answered", id=request.id, at=request.answered_at)
        if item.at < request.received_at:
            raise Refused("press.reply_before_request", id=request.id, at=request.received_at)
        statement_id = _reply_statement(store, request, item.statement, item.at)
        outcome = "refused" if ground else "replied"
        store.execute(
            "UPDATE press_requests SET answered_at = ?, outcome = ?, channel = ?,"
            " statement_id = ?, refusal_ground = ?, refusal_reason = ?, updated_at = ?"
            " WHERE id = ?",
            (
                to_db(item.at),
                outcome,
                channel,
                statement_id,
                ground,
                reason,
                to_db(now),
                request.id,
            ),
        )
        audit.record(
            store,
            f"press-request-{outcome}",
            now,
            incident_id=request.incident_id,
            unit_code=request.unit_code,
            record=request.id,
            at=to_db(item.at),
            channel=channel,
            statement=statement_id,
            ground=ground,
            reason=reason,
        )
    return get_request(store, request.id)


def _reply_statement(
    store: Store, request: Request, statement: str | None, at: datetime
) -> int | None:
    """The issued statement a reply points to: issued by the time of the reply, and of the
    request's incident when it has one."""
    if statement is None:
        return None
    found = get_statement(store, statement)
    if found.status != "issued" or found.issued_at is None:
        raise Refused("press.statement_not_issued", id=found.id)
    if found.issued_at > at:
        raise Refused("press.statement_after_reply", id=found.id, at=found.issued_at)
    if request.incident_id and found.incident_id != request.incident_id:
        raise Refused(
            "press.statement_other_incident",
            id=found.id,
            incident=found.incident_id,
            expected=request.incident_id,
        )
    return found.id


# -- false reports and the written responses -----------------------------------------------


@dataclass(frozen=True)
class Correction:
    id: int
    unit_code: str
    outlet: str
    published_at: datetime
    claim: str
    url: str | None
    incident_id: str | None
    responded_at: datetime | None
    document: str | None


@dataclass(frozen=True)
class CorrectionInput:
    unit: str
    outlet: str
    published: datetime
    claim: str
    url: str | None = None
    incident: str | None = None


def record_correction(store: Store, item: CorrectionInput, now: datetime) -> Correction:
    outlet = _required(item.outlet, "press.outlet_required")
    claim = _required(item.claim, "press.claim_required")
    url = _optional(item.url)
    with store.transaction():
        unit = get_unit(store, item.unit)
        incident_id = get_incident(store, item.incident).id if item.incident else None
        correction_id = store.insert(
            "INSERT INTO press_corrections (unit_code, outlet, published_at, claim, url,"
            " incident_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                unit.code,
                outlet,
                to_db(item.published),
                claim,
                url,
                incident_id,
                to_db(now),
                to_db(now),
            ),
        )
        audit.record(
            store,
            "press-correction-recorded",
            now,
            incident_id=incident_id,
            unit_code=unit.code,
            record=correction_id,
            outlet=outlet,
            published_at=to_db(item.published),
            claim=claim,
            url=url,
        )
    return get_correction(store, correction_id)


def get_correction(store: Store, correction_id: str | int) -> Correction:
    key = parse_id(correction_id, "press.bad_correction_id")
    row = store.query_one("SELECT * FROM press_corrections WHERE id = ?", (key,))
    if row is None:
        raise NotFound("press.unknown_correction", id=correction_id)
    return _correction(row)


def _correction(row: dict[str, Any]) -> Correction:
    published = from_db(row["published_at"])
    assert published is not None
    return Correction(
        id=row["id"],
        unit_code=row["unit_code"],
        outlet=row["outlet"],
        published_at=published,
        claim=row["claim"],
        url=row["url"],
        incident_id=row["incident_id"],
        responded_at=from_db(row["responded_at"]),
        document=row["document"],
    )


def corrections_between(store: Store, start: datetime, end: datetime) -> list[Correction]:
    rows = store.query(
        "SELECT * FROM press_corrections WHERE published_at >= ? AND published_at < ?"
        " ORDER BY published_at, id",
        (to_db(start), to_db(end)),
    )
    return [_correction(row) for row in rows]


def check_claim(store: Store, correction: Correction, tz: ZoneInfo, at: datetime) -> Checked | None:
    """The statements' conflict check run on the false report, against its incident's fact
    sheet: the figures it gets wrong, which the written response will correct. A
    contradiction is recorded as `statement check` records one (the day report counts it)."""
    if correction.incident_id is None:
        return None
    from spokes.core import conflicts, facts  # the figure parser: only when there is a claim

    sheet = facts.sheet(store, get_incident(store, correction.incident_id))
    findings = conflicts.check_text(correction.claim, sheet, tz)
    with store.transaction():
        conflicts.record_found(store, correction.incident_id, correction.claim, findings, at)
    return Checked(sheet, findings)


@dataclass(frozen=True)
class Checked:
    sheet: Sheet
    findings: list[Finding]


def respond(
    store: Store, correction_id: str | int, at: datetime, document: str | None, now: datetime
) -> Correction:
    """The written response demanding correction or apology (Art. 7.6): once, not before the
    false report was published."""
    number = _optional(document)
    with store.transaction():
        correction = get_correction(store, correction_id)
        if correction.responded_at is not None:
            raise Refused("press.already_responded", id=correction.id, at=correction.responded_at)
        if at < correction.published_at:
            raise Refused(
                "press.response_before_publication", id=correction.id, at=correction.published_at
            )
        store.execute(
            "UPDATE press_corrections SET responded_at = ?, document = ?, updated_at = ?"
            " WHERE id = ?",
            (to_db(at), number, to_db(now), correction.id),
        )
        audit.record(
            store,
            "press-correction-responded",
            now,
            incident_id=correction.incident_id,
            unit_code=correction.unit_code,
            record=correction.id,
            at=to_db(at),
            document=number,
        )
    return get_correction(store, correction.id)
