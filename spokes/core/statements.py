"""Statements: drafted from the fact sheet, approved against one fact version, issued once,
by the lead unit's spokesperson only.

A statement's life: ``draft`` -> ``approved`` (pins the fact version) -> ``issued``. When the
facts change after approval the approval is *stale*: it must be approved again. A draft
nobody has edited by hand follows the facts: it is re-rendered whenever they change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from spokes.clock import from_db, to_db
from spokes.core import audit, drafting, facts
from spokes.core.incidents import CHANNELS as ISSUE_CHANNELS
from spokes.core.incidents import Incident, check_choice
from spokes.core.incidents import get as get_incident
from spokes.core.spokespersons import authorisations_at, on_duty, regular_at
from spokes.core.units import get as get_unit
from spokes.errors import InvalidInput, NotFound, Refused, SpokesError
from spokes.store import Store
from spokes.text import same_name, tidy_or_none

State = Literal["draft", "approved", "stale", "issued"]
STATES: tuple[State, ...] = ("draft", "approved", "stale", "issued")


@dataclass(slots=True)
class Statement:
    id: int
    incident_id: str
    kind: str
    channel: str
    lang: str
    template: str
    body: str
    fact_version: int
    edited: bool
    status: str
    approved_by: str | None
    approved_at: datetime | None
    approved_version: int | None
    issued_at: datetime | None
    issued_by: str | None
    issued_channel: str | None
    issued_url: str | None
    override_reason: str | None
    created_at: datetime
    updated_at: datetime

    def state(self, current_version: int) -> State:
        if self.status == "issued":
            return "issued"
        if self.status == "approved":
            return "approved" if self.approved_version == current_version else "stale"
        return "draft"


def _statement(row: dict[str, Any]) -> Statement:
    created, updated = from_db(row["created_at"]), from_db(row["updated_at"])
    assert created is not None and updated is not None
    return Statement(
        id=row["id"],
        incident_id=row["incident_id"],
        kind=row["kind"],
        channel=row["channel"],
        lang=row["lang"],
        template=row["template"],
        body=row["body"],
        fact_version=row["fact_version"],
        edited=bool(row["edited"]),
        status=row["status"],
        approved_by=row["approved_by"],
        approved_at=from_db(row["approved_at"]),
        approved_version=row["approved_version"],
        issued_at=from_db(row["issued_at"]),
        issued_by=row["issued_by"],
        issued_channel=row["issued_channel"],
        issued_url=row["issued_url"],
        override_reason=row["override_reason"],
        created_at=created,
        updated_at=updated,
    )


def parse_id(text: str | int) -> int:
    """``12``, ``#12`` and ``s12`` all name statement 12."""
    cleaned = str(text).strip().lstrip("#").lower().removeprefix("s")
    if not cleaned.isdecimal() or int(cleaned) > 2**63 - 1:  # past any stored id
        raise InvalidInput("statement.bad_id", id=text)
    return int(cleaned)


def get(store: Store, statement_id: str | int) -> Statement:
    key = parse_id(statement_id)
    row = store.query_one("SELECT * FROM statements WHERE id = ?", (key,))
    if row is None:
        raise NotFound("statement.unknown", id=statement_id)
    return _statement(row)


def for_incident(store: Store, incident_id: str) -> list[Statement]:
    rows = store.query("SELECT * FROM statements WHERE incident_id = ? ORDER BY id", (incident_id,))
    return [_statement(row) for row in rows]


# -- drafting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """How a statement is to be written: kind, channel, language, and optionally a template."""

    kind: str | None
    channel: str
    lang: str
    template: str | None = None


@dataclass(frozen=True)
class Workshop:
    """What rendering needs besides the database: the zone and the user's template folder."""

    tz: ZoneInfo
    templates: Path | None


def _choice(value: str, choices: tuple[str, ...], key: str) -> str:
    chosen = check_choice(value, choices, key)
    assert chosen is not None
    return chosen


def default_kind(store: Store, incident: Incident) -> str:
    """Misinformation is answered by a correction; else the first statement is the initial
    information and the ones after it are updates."""
    if incident.category == "misinformation":
        return "correction"
    return "update" if issued_for(store, incident.id) else "initial"


def request(
    store: Store, incident: Incident, shape: Shape, workshop: Workshop, at: datetime
) -> drafting.Request:
    lead = get_unit(store, incident.lead_unit)
    involved = tuple(get_unit(store, code).name for code in incident.involves)
    return drafting.Request(
        incident=incident,
        lead_name=lead.name,
        involved=involved,
        sheet=facts.sheet(store, incident),
        speaker=on_duty(store, incident.lead_unit, at, incident.id),
        kind=shape.kind or default_kind(store, incident),
        channel=shape.channel,
        lang=shape.lang,
        template=shape.template,
        at=at,
        tz=workshop.tz,
    )


def draft(
    store: Store, incident_id: str, shape: Shape, workshop: Workshop, at: datetime
) -> tuple[Statement, drafting.Rendered]:
    """Renders a new draft from the current fact sheet and records the version it used."""
    if shape.kind is not None:
        _choice(shape.kind, drafting.KINDS, "statement.bad_kind")
    channel = _choice(shape.channel, drafting.CHANNELS, "statement.bad_channel")
    with store.transaction():
        incident = get_incident(store, incident_id)
        wanted = Shape(
            shape.kind and shape.kind.strip().lower(), channel, shape.lang, shape.template
        )
        req = request(store, incident, wanted, workshop, at)
        rendered = drafting.render(req, workshop.templates)
        if shape.kind is None and req.kind == "update" and _changes_issued(store, req, rendered):
            # The facts now differ from figures already issued: only a correction may say so.
            req = replace(req, kind="correction")
            rendered = drafting.render(req, workshop.templates)
        new_id = store.insert(
            "INSERT INTO statements (incident_id, kind, channel, lang, template, body,"
            " fact_version, edited, status, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'draft', ?, ?) RETURNING id",
            (
                incident.id,
                req.kind,
                channel,
                req.lang,
                shape.template or rendered.template,
                rendered.text,
                req.sheet.version,
                to_db(at),
                to_db(at),
            ),
        )
        audit.record(
            store,
            "statement-drafted",
            at,
            incident_id=incident.id,
            unit_code=incident.lead_unit,
            statement=new_id,
            kind=req.kind,
            channel=channel,
            lang=req.lang,
            fact_version=req.sheet.version,
            missing=list(rendered.missing),
        )
    return get(store, new_id), rendered


def _changes_issued(store: Store, req: drafting.Request, rendered: drafting.Rendered) -> bool:
    from spokes.core import conflicts  # the figure parser: only when something was issued

    issued = issued_for(store, req.incident.id)
    vocabulary = conflicts.vocabulary(req.sheet)
    return bool(conflicts.against_issued(rendered.text, issued, vocabulary))


@dataclass(frozen=True)
class Followed:
    """What a change of the facts did to the statements that follow them."""

    rewritten: tuple[int, ...] = ()
    failed: tuple[tuple[int, SpokesError], ...] = ()  # a template that no longer renders
    stale: tuple[int, ...] = ()  # approved for older facts: to be approved again


def change_facts(
    store: Store,
    workshop: Workshop,
    at: datetime,
    change: Callable[[], tuple[facts.Sheet, bool]],
) -> tuple[facts.Sheet, bool, Followed]:
    """Runs one change of the facts (``facts.set_fact`` and the like) and, in the same
    transaction, makes the drafts nobody edited follow it: one set of facts, always."""
    with store.transaction():
        sheet, changed = change()
        followed = follow_facts(store, sheet, workshop, at) if changed else Followed()
    return sheet, changed, followed


def follow_facts(store: Store, sheet: facts.Sheet, workshop: Workshop, at: datetime) -> Followed:
    """Re-renders every statement nobody has edited by hand and nobody has issued. An
    approved one keeps its approval, which is now stale. A template that fails leaves that
    statement's text as it was, reported, and never undoes the facts."""
    incident = get_incident(store, sheet.incident_id)
    rewritten: list[int] = []
    failed: list[tuple[int, SpokesError]] = []
    for statement in for_incident(store, incident.id):
        if statement.edited or statement.status == "issued":
            continue
        shape = Shape(statement.kind, statement.channel, statement.lang, None)
        req = request(store, incident, shape, workshop, at)
        try:
            rendered = drafting.render(_with_template(req, statement), workshop.templates)
        except SpokesError as error:
            failed.append((statement.id, error))
            continue
        store.execute(
            "UPDATE statements SET body = ?, fact_version = ?, updated_at = ? WHERE id = ?",
            (rendered.text, req.sheet.version, to_db(at), statement.id),
        )
        rewritten.append(statement.id)
    stale = [
        item.id for item in for_incident(store, incident.id) if item.state(sheet.version) == "stale"
    ]
    return Followed(tuple(rewritten), tuple(failed), tuple(stale))


def _with_template(req: drafting.Request, statement: Statement) -> drafting.Request:
    # A statement drafted with --template keeps it; a default one finds its template again.
    builtin_names = {statement.channel, f"{statement.kind}-{statement.channel}"}
    chosen = None if statement.template in builtin_names else statement.template
    return replace(req, template=chosen)


# -- editing and approval -------------------------------------------------------------------


def editable(store: Store, statement_id: str | int) -> Statement:
    """The statement, if its text may still change: an issued one is final."""
    statement = get(store, statement_id)
    if statement.status == "issued":
        raise Refused("statement.issued_is_final", id=statement.id, at=statement.issued_at)
    return statement


def edit(store: Store, statement_id: str | int, body: str, at: datetime) -> tuple[Statement, bool]:
    """Replaces the text by hand: it stops following the facts, and an approval is undone."""
    text = body.strip()
    if not text:
        raise InvalidInput("statement.empty_text")
    text += "\n"
    with store.transaction():
        statement = editable(store, statement_id)
        if text == statement.body:
            return statement, False
        version = facts.latest_version(store, statement.incident_id)
        store.execute(
            "UPDATE statements SET body = ?, edited = 1, status = 'draft', fact_version = ?,"
            " approved_by = NULL, approved_at = NULL, approved_version = NULL, updated_at = ?"
            " WHERE id = ?",
            (text, version, to_db(at), statement.id),
        )
        audit.record(
            store,
            "statement-edited",
            at,
            incident_id=statement.incident_id,
            statement=statement.id,
            was_approved=statement.status == "approved",
        )
    return get(store, statement.id), True


def approve(store: Store, statement_id: str | int, by: str, at: datetime) -> Statement:
    """Pins the current fact version: the statement is approved as true of these facts."""
    approver = tidy_or_none(by)
    if not approver:
        raise InvalidInput("statement.approver_empty")
    with store.transaction():
        statement = get(store, statement_id)
        version = facts.latest_version(store, statement.incident_id)
        state = statement.state(version)
        if state == "issued":
            raise Refused("statement.issued_is_final", id=statement.id, at=statement.issued_at)
        if state == "approved":
            raise Refused(
                "statement.already_approved",
                id=statement.id,
                by=statement.approved_by,
                at=statement.approved_at,
            )
        store.execute(
            "UPDATE statements SET status = 'approved', approved_by = ?, approved_at = ?,"
            " approved_version = ?, updated_at = ? WHERE id = ?",
            (approver, to_db(at), version, to_db(at), statement.id),
        )
        audit.record(
            store,
            "statement-approved",
            at,
            incident_id=statement.incident_id,
            statement=statement.id,
            by=approver,
            fact_version=version,
            reapproved=state == "stale",
        )
    return get(store, statement.id)


# -- issue ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    """``statement issue``: when, on which channel, by whom, and an override reason."""

    at: datetime
    channel: str | None = None
    by: str | None = None
    override: str | None = None
    url: str | None = None  # where it is published, for the referral note of other units


@dataclass(frozen=True)
class Outcome:
    statement: Statement
    speaker: str
    overridden: tuple[str, ...]  # the reasons it would have been refused, when overridden
    stopped_clock: bool


Checker = Callable[[Statement, Incident, list[Statement]], list[SpokesError]]


class Reasons:
    """Why a statement cannot be issued, shown in the user's language when printed."""

    def __init__(self, errors: list[SpokesError]) -> None:
        self.errors = errors

    def __format__(self, spec: str) -> str:
        return "; ".join(error.render() for error in self.errors)


def issue(
    store: Store, statement_id: str | int, order: Issue, check: Checker, now: datetime
) -> Outcome:
    """Issues an approved, current statement spoken by the lead unit's spokesperson (or an
    authorised person) whose figures agree with the facts and with what was already issued.
    ``--override`` issues anyway and records why. Issued once, whatever runs at the same time."""
    channel = order.channel and check_choice(order.channel, ISSUE_CHANNELS, "statement.bad_channel")
    override = tidy_or_none(order.override)
    with store.transaction():
        statement = get(store, statement_id)
        if statement.status == "issued":
            raise Refused("statement.already_issued", id=statement.id, at=statement.issued_at)
        incident = get_incident(store, statement.incident_id)
        if order.at < incident.occurred_at:
            raise InvalidInput("incident.informed_before_occurred")
        speaker, reasons = _speaker(store, incident, order)
        reasons += _reasons(store, statement, incident, order.at, check)
        if reasons and not override:
            raise Refused("statement.cannot_issue", id=statement.id, reasons=Reasons(reasons))
        channel = channel or statement.channel
        _mark_issued(store, statement, order, channel, speaker, override, now)
        stopped = _stop_clock(store, incident, statement, order.at, channel, speaker, now)
        audit.record(
            store,
            "statement-issued",
            now,
            incident_id=incident.id,
            unit_code=incident.lead_unit,
            statement=statement.id,
            issued_at=to_db(order.at),
            channel=channel,
            url=tidy_or_none(order.url),
            by=speaker,
            override=override,
            overridden=_rendered(reasons, override),
        )
    return Outcome(get(store, statement.id), speaker, tuple(_rendered(reasons, override)), stopped)


def issued_for(store: Store, incident_id: str) -> list[Statement]:
    """The incident's issued statements, oldest first."""
    rows = store.query(
        "SELECT * FROM statements WHERE incident_id = ? AND status = 'issued'"
        " ORDER BY issued_at, id",
        (incident_id,),
    )
    return [_statement(row) for row in rows]


def _reasons(
    store: Store, statement: Statement, incident: Incident, at: datetime, check: Checker
) -> list[SpokesError]:
    """Why the statement may not be issued now, beyond who speaks."""
    reasons = _state_reasons(store, statement)
    if statement.approved_at is not None and at < statement.approved_at:
        reasons.append(Refused("statement.before_approval", at=statement.approved_at))
    issued = issued_for(store, incident.id)
    if statement.kind == "initial" and issued:
        reasons.append(Refused("statement.second_initial", id=statement.id, first=issued[0].id))
    if incident.status == "closed" and statement.kind in ("initial", "update"):
        reasons.append(Refused("statement.incident_closed", id=incident.id))
    return reasons + check(statement, incident, issued)


def _rendered(reasons: list[SpokesError], override: str | None) -> list[str]:
    return [error.render() for error in reasons] if override else []


def _state_reasons(store: Store, statement: Statement) -> list[SpokesError]:
    version = facts.latest_version(store, statement.incident_id)
    state = statement.state(version)
    if state == "draft":
        return [Refused("statement.not_approved", id=statement.id)]
    if state == "stale":
        return [
            Refused(
                "statement.stale",
                id=statement.id,
                approved=statement.approved_version,
                current=version,
            )
        ]
    return []


def _speaker(store: Store, incident: Incident, order: Issue) -> tuple[str, list[SpokesError]]:
    """Who speaks, and why they may not: only the lead unit's regular spokesperson at that
    moment, or a person holding a valid authorisation of the lead unit for it. Somebody must
    be named, even with ``--override``: the record says who spoke."""
    lead = incident.lead_unit
    if order.by is None:
        person = on_duty(store, lead, order.at, incident.id)
        if person is None:
            raise Refused("statement.no_speaker", unit=lead, at=order.at)
        return person.name, []
    name = tidy_or_none(order.by)
    if not name:
        raise InvalidInput("statement.speaker_empty")
    regular = regular_at(store, lead, order.at)
    if regular is not None and same_name(regular.name, name):
        return regular.name, []
    grants = [g for g in authorisations_at(store, order.at, lead) if same_name(g.name, name)]
    for grant in grants:
        if grant.incident_id in (None, incident.id):
            return grant.name, []
    if grants:
        other = grants[0].incident_id
        return name, [Refused("statement.authorised_elsewhere", name=name, other=other)]
    return name, [_not_speaker(store, name, lead, order.at)]


def _not_speaker(store: Store, name: str, lead: str, at: datetime) -> SpokesError:
    # Say whose spokesperson they are, if anyone's: the common mistake is the wrong unit.
    for row in store.query(
        "SELECT DISTINCT unit_code, name FROM spokespersons WHERE unit_code != ?", (lead,)
    ):
        if same_name(row["name"], name):
            return Refused(
                "statement.speaker_of_other_unit", name=name, other=row["unit_code"], unit=lead
            )
    return Refused("statement.not_speaker", name=name, unit=lead, at=at)


def _mark_issued(
    store: Store,
    statement: Statement,
    order: Issue,
    channel: str,
    speaker: str,
    override: str | None,
    now: datetime,
) -> None:
    # Conditional on not yet issued: with two runs at the same moment, one changes the row.
    changed = store.execute(
        "UPDATE statements SET status = 'issued', issued_at = ?, issued_by = ?,"
        " issued_channel = ?, issued_url = ?, override_reason = ?, updated_at = ?"
        " WHERE id = ? AND status != 'issued'",
        (
            to_db(order.at),
            speaker,
            channel,
            tidy_or_none(order.url),
            override,
            to_db(now),
            statement.id,
        ),
    )
    if changed != 1:
        raise Refused("statement.already_issued", id=statement.id, at=order.at)


def _stop_clock(
    store: Store,
    incident: Incident,
    statement: Statement,
    at: datetime,
    channel: str | None,
    speaker: str,
    now: datetime,
) -> bool:
    """The first statement issued is the initial information: it stops the clock."""
    if incident.informed_at is not None or incident.status == "closed":
        return False
    channel = channel or (statement.channel if statement.channel in ISSUE_CHANNELS else None)
    store.execute(
        "UPDATE incidents SET informed_at = ?, informed_channel = ?, informed_by = ?,"
        " informed_note = ?, updated_at = ? WHERE id = ?",
        (to_db(at), channel, speaker or None, f"statement {statement.id}", to_db(now), incident.id),
    )
    audit.record(
        store,
        "incident-informed",
        now,
        incident_id=incident.id,
        unit_code=incident.lead_unit,
        informed_at=to_db(at),
        channel=channel,
        by=speaker or None,
        statement=statement.id,
    )
    return True


# -- referral -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Referral:
    incident: str
    unit: str
    lang: str
    text: str


def referral(
    store: Store, incident_id: str, unit_code: str, lang: str, workshop: Workshop, at: datetime
) -> Referral:
    """The note that points another unit's press enquiries to the single focal point: who
    speaks, how to reach them, where the official statement is published."""
    incident = get_incident(store, incident_id)
    unit = get_unit(store, unit_code)
    if unit.code == incident.lead_unit:
        raise Refused("statement.refer_to_lead", unit=unit.code, id=incident.id)
    issued = issued_for(store, incident.id)
    latest = issued[-1] if issued else None
    req = request(store, incident, Shape("initial", "press-release", lang), workshop, at)
    extra = {
        "unit": unit.name,
        "issued": _issued_context(latest, lang, workshop.tz) if latest else None,
    }
    shaped = replace(req, template="referral", extra=extra)
    rendered = drafting.render(shaped, workshop.templates)
    return Referral(incident.id, unit.code, lang, rendered.text)


def _issued_context(statement: Statement, lang: str, tz: ZoneInfo) -> dict[str, str]:
    from spokes.dates import in_text

    assert statement.issued_at is not None
    channel = statement.issued_channel or statement.channel
    return {
        "at": in_text(statement.issued_at, tz, lang),
        "channel": drafting.channel_name(channel, lang),
        "url": statement.issued_url or "",
        "id": str(statement.id),
    }
