"""Spokespersons over time: one regular spokesperson per unit at any moment, and written,
time-limited authorisations (Decree 244/2026/NĐ-CP, Art. 3).

A regular term runs from ``valid_from`` until the next assignment (``valid_until`` NULL while
current). An authorisation has both ends, may be limited to one incident, and its holder may
not authorise anyone else (Art. 3.6).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from spokes.clock import from_db, to_db
from spokes.core import audit
from spokes.core.units import Unit, all_units, get, tree_order
from spokes.errors import InvalidInput, NotFound, Refused
from spokes.store import Store
from spokes.text import same_name
from spokes.workspace import actor

if TYPE_CHECKING:
    from spokes.core.inputs import PersonInput

Publication = Literal["published", "late", "unpublished", "overdue"]


@dataclass(slots=True)
class Spokesperson:
    id: int
    unit_code: str
    role: Literal["regular", "authorised"]
    name: str
    title: str | None
    phone: str | None
    email: str | None
    valid_from: datetime
    valid_until: datetime | None
    decision: str | None
    incident_id: str | None
    granted_by: str | None
    published_at: datetime | None

    def contact(self) -> dict[str, str | None]:
        return {"name": self.name, "title": self.title, "phone": self.phone, "email": self.email}

    def publication(self, at: datetime, within: timedelta) -> Publication:
        """Whether the designation is on the e-portal yet (Art. 3.3: within 24 hours)."""
        due = self.publish_due(within)
        if self.published_at is not None and self.published_at <= at:
            return "published" if self.published_at <= due else "late"
        return "overdue" if at > due else "unpublished"

    def publish_due(self, within: timedelta) -> datetime:
        return self.valid_from + within


def _person(row: dict[str, Any]) -> Spokesperson:
    valid_from = from_db(row["valid_from"])
    assert valid_from is not None
    return Spokesperson(
        id=row["id"],
        unit_code=row["unit_code"],
        role=row["role"],
        name=row["name"],
        title=row["title"],
        phone=row["phone"],
        email=row["email"],
        valid_from=valid_from,
        valid_until=from_db(row["valid_until"]),
        decision=row["decision"],
        incident_id=row["incident_id"],
        granted_by=row["granted_by"],
        published_at=from_db(row["published_at"]),
    )


_VALID_AT = "valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)"


def regular_at(store: Store, unit_code: str, at: datetime) -> Spokesperson | None:
    row = store.query_one(
        f"SELECT * FROM spokespersons WHERE unit_code = ? AND role = 'regular' AND {_VALID_AT}",
        (unit_code, to_db(at), to_db(at)),
    )
    return _person(row) if row else None


def regulars_at(store: Store, at: datetime) -> dict[str, Spokesperson]:
    """Every unit's regular spokesperson at ``at``, in one query (for status and lists)."""
    rows = store.query(
        f"SELECT * FROM spokespersons WHERE role = 'regular' AND {_VALID_AT}",
        (to_db(at), to_db(at)),
    )
    return {row["unit_code"]: _person(row) for row in rows}


def authorisations_at(
    store: Store, at: datetime, unit_code: str | None = None
) -> list[Spokesperson]:
    sql = f"SELECT * FROM spokespersons WHERE role = 'authorised' AND {_VALID_AT}"
    params: list[Any] = [to_db(at), to_db(at)]
    if unit_code is not None:
        sql += " AND unit_code = ?"
        params.append(unit_code)
    # An expression, not the column: sorting must not make SQLite walk the unit index over
    # every past grant (`+unit_code` says the same to SQLite, but PostgreSQL has no unary +).
    order = " ORDER BY unit_code || '', valid_from"
    return [_person(row) for row in store.query(sql + order, params)]


def latest_regular(store: Store, unit_code: str) -> Spokesperson | None:
    """The unit's most recent regular designation, even one that starts later."""
    row = store.query_one(
        "SELECT * FROM spokespersons WHERE unit_code = ? AND role = 'regular'"
        " ORDER BY valid_from DESC LIMIT 1",
        (unit_code,),
    )
    return _person(row) if row else None


def assign(
    store: Store,
    unit_code: str,
    person: PersonInput,
    valid_from: datetime,
    decision: str | None,
    at: datetime,
) -> Spokesperson:
    """Makes ``person`` the unit's regular spokesperson from ``valid_from``; the previous
    one's term ends at that moment."""
    with store.transaction():
        unit = get(store, unit_code)
        latest = latest_regular(store, unit.code)
        if latest is not None and valid_from <= latest.valid_from:
            raise Refused(
                "person.assign_before_current",
                unit=unit.code,
                name=latest.name,
                since=latest.valid_from,
            )
        store.execute(
            "UPDATE spokespersons SET valid_until = ?"
            " WHERE unit_code = ? AND role = 'regular' AND valid_until IS NULL",
            (to_db(valid_from), unit.code),
        )
        new_id = store.insert(
            "INSERT INTO spokespersons (unit_code, role, name, title, phone, email, valid_from,"
            " decision, created_at) VALUES (?, 'regular', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (*_contact(unit, person), to_db(valid_from), decision, to_db(at)),
        )
        audit.record(
            store,
            "spokesperson-assigned",
            at,
            unit_code=unit.code,
            person=person.model_dump(),
            valid_from=to_db(valid_from),
            decision=decision,
            previous=latest.name if latest else None,
        )
    return _by_id(store, new_id)


def _contact(unit: Unit, person: PersonInput) -> tuple[Any, ...]:
    return (unit.code, person.name, person.title, person.phone, person.email)


def _by_id(store: Store, person_id: int) -> Spokesperson:
    row = store.query_one("SELECT * FROM spokespersons WHERE id = ?", (person_id,))
    assert row is not None
    return _person(row)


def mark_published(
    store: Store, unit_code: str, published_at: datetime, at: datetime
) -> Spokesperson:
    """Records that the unit's current designation is on the e-portal (Art. 3.3)."""
    with store.transaction():
        unit = get(store, unit_code)
        current = latest_regular(store, unit.code)
        if current is None:
            raise NotFound("person.none_to_publish", unit=unit.code)
        if published_at < current.valid_from:
            raise InvalidInput(
                "person.published_before_term", name=current.name, since=current.valid_from
            )
        if current.published_at is not None:
            raise Refused(
                "person.already_published",
                unit=unit.code,
                name=current.name,
                at=current.published_at,
            )
        store.execute(
            "UPDATE spokespersons SET published_at = ? WHERE id = ?",
            (to_db(published_at), current.id),
        )
        audit.record(
            store,
            "spokesperson-published",
            at,
            unit_code=unit.code,
            name=current.name,
            published_at=to_db(published_at),
        )
    return _by_id(store, current.id)


@dataclass(frozen=True)
class Authorisation:
    unit_code: str
    person: PersonInput
    valid_from: datetime
    valid_until: datetime
    incident_id: str | None
    document: str | None
    granted_by: str | None


def authorise(store: Store, grant: Authorisation, at: datetime) -> Spokesperson:
    """A written, time-limited authorisation; refused when the grantor is only authorised."""
    if grant.valid_until <= grant.valid_from:
        raise InvalidInput("person.until_before_from")
    with store.transaction():
        unit = get(store, grant.unit_code)
        if grant.incident_id is not None:
            _require_incident(store, grant.incident_id, unit.code)
        grantor = grant.granted_by or actor()  # whoever runs the command, unless named
        _refuse_authorised_grantor(store, unit.code, grantor, grant.valid_from)
        _refuse_duplicate(store, unit.code, grant)
        new_id = store.insert(
            "INSERT INTO spokespersons (unit_code, role, name, title, phone, email, valid_from,"
            " valid_until, decision, incident_id, granted_by, created_at)"
            " VALUES (?, 'authorised', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                *_contact(unit, grant.person),
                to_db(grant.valid_from),
                to_db(grant.valid_until),
                grant.document,
                grant.incident_id,
                grantor,
                to_db(at),
            ),
        )
        audit.record(
            store,
            "spokesperson-authorised",
            at,
            unit_code=unit.code,
            incident_id=grant.incident_id,
            person=grant.person.model_dump(),
            valid_from=to_db(grant.valid_from),
            valid_until=to_db(grant.valid_until),
            document=grant.document,
            granted_by=grantor,
        )
    return _by_id(store, new_id)


def _require_incident(store: Store, incident_id: str, unit_code: str) -> None:
    """The incident exists and concerns the unit: it leads it or is involved in it."""
    row = store.query_one("SELECT lead_unit FROM incidents WHERE id = ?", (incident_id,))
    if row is None:
        raise NotFound("incident.unknown", id=incident_id, hint="")
    involved = store.scalar(
        "SELECT 1 FROM incident_units WHERE incident_id = ? AND unit_code = ?",
        (incident_id, unit_code),
    )
    if row["lead_unit"] != unit_code and not involved:
        raise Refused("person.incident_of_other_unit", id=incident_id, unit=unit_code)


def _refuse_authorised_grantor(store: Store, unit_code: str, grantor: str, at: datetime) -> None:
    regular = regular_at(store, unit_code, at)
    if regular is not None and same_name(regular.name, grantor):
        return
    for holder in authorisations_at(store, at):
        if same_name(holder.name, grantor):
            raise Refused(
                "person.authorised_cannot_authorise",
                name=holder.name,
                unit=holder.unit_code,
                until=holder.valid_until,
            )


def _refuse_duplicate(store: Store, unit_code: str, grant: Authorisation) -> None:
    """The same person, for the same unit and incident, in an overlapping window: once."""
    rows = store.query(
        "SELECT * FROM spokespersons WHERE unit_code = ? AND role = 'authorised'"
        " AND valid_from < ? AND valid_until > ?",
        (unit_code, to_db(grant.valid_until), to_db(grant.valid_from)),
    )
    for held in map(_person, rows):
        if same_name(held.name, grant.person.name) and held.incident_id == grant.incident_id:
            raise Refused(
                "person.duplicate_authorisation",
                name=held.name,
                unit=unit_code,
                since=held.valid_from,
                until=held.valid_until,
            )


@dataclass(frozen=True)
class DirectoryEntry:
    unit: Unit
    regular: Spokesperson | None
    authorised: tuple[Spokesperson, ...]


def directory(store: Store, at: datetime, unit_code: str | None = None) -> list[DirectoryEntry]:
    """Every unit (or one) with its spokesperson at ``at``: units with none are included."""
    units = [get(store, unit_code)] if unit_code else tree_order(all_units(store))
    regulars = regulars_at(store, at)
    grants = authorisations_at(store, at, units[0].code if unit_code and units else None)
    return [
        DirectoryEntry(
            unit,
            regulars.get(unit.code),
            tuple(g for g in grants if g.unit_code == unit.code),
        )
        for unit in units
    ]


def on_duty(
    store: Store, unit_code: str, at: datetime, incident_id: str | None = None
) -> Spokesperson | None:
    """Who speaks for the unit at ``at``: the regular spokesperson, else an authorised one."""
    return OnDuty(store, at).speaker(unit_code, incident_id)


class OnDuty:
    """Who speaks for each unit at one moment, read once for many incidents (status)."""

    def __init__(self, store: Store, at: datetime) -> None:
        self._store, self._at = store, at
        self._regulars = regulars_at(store, at)
        self._grants: list[Spokesperson] | None = None  # read only when a unit has no regular

    def speaker(self, unit_code: str, incident_id: str | None = None) -> Spokesperson | None:
        regular = self._regulars.get(unit_code)
        if regular is not None:
            return regular
        if self._grants is None:
            self._grants = authorisations_at(self._store, self._at)
        for grant in self._grants:
            if grant.unit_code == unit_code and grant.incident_id in (None, incident_id):
                return grant
        return None


def unpublished(store: Store, at: datetime) -> list[Spokesperson]:
    """Current regular designations not yet on the e-portal."""
    return [p for p in regulars_at(store, at).values() if p.published_at is None]
