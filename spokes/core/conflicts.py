"""The conflict check: the figures of a text against the fact sheet, and against what the
incident's issued statements already said.

"The same event is never described differently by different sectors or localities" (the
seed, point 3). Each figure found in a text is *confirmed* when it agrees with the facts, a
*conflict* when it does not, and *unknown* when it cannot be tied to a fact that is recorded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from spokes.core import audit, facts
from spokes.core.figures import DEFAULT_VOCABULARY, Figure, Unit, Vocabulary, extract, normalise
from spokes.errors import Refused, SpokesError
from spokes.store import Store

if TYPE_CHECKING:
    from spokes.core.incidents import Incident
    from spokes.core.statements import Checker, Statement

Verdict = Literal["conflict", "confirmed", "unknown"]
Value = int | tuple[int, int] | tuple[int, int, int | None]


@dataclass(frozen=True)
class Finding:
    verdict: Verdict
    figure: Figure
    expected: Value | None = None  # the fact's value in the figure's shape
    statement: int | None = None  # when the figure contradicts an issued statement


def vocabulary(sheet: facts.Sheet) -> Vocabulary:
    """The built-in words, plus the words of the incident's custom count and time facts."""
    custom = [fact for fact in sheet.effective().values() if not fact.standard and fact.words]
    return DEFAULT_VOCABULARY.with_custom(
        counts={fact.key: fact.words for fact in custom if fact.type == "count"},
        times={fact.key: fact.words for fact in custom if fact.type == "time"},
    )


def expected(fact: facts.Fact, figure: Figure, tz: ZoneInfo) -> Value | None:
    """The fact's value in the shape of the figure: a count, an (hour, minute), a date."""
    if figure.kind == "count":
        return fact.value if fact.type == "count" and isinstance(fact.value, int) else None
    if not isinstance(fact.value, datetime):
        return None
    local = fact.value.astimezone(tz)
    if figure.kind == "time":
        return (local.hour, local.minute)
    return (local.day, local.month, local.year)


def agrees(figure: Figure, value: Value) -> bool:
    if figure.kind == "date" and isinstance(figure.value, tuple) and isinstance(value, tuple):
        day, month, year = figure.value  # type: ignore[misc]  # a date figure has three parts
        return (day, month) == value[:2] and (year is None or year == value[2])  # type: ignore[misc]
    return figure.value == value


# What each standard count counts. A figure written with another noun ("45 người phải di dời"
# against a fact counting households) speaks of something else and is not compared.
UNITS: dict[str, Unit] = {
    "deaths": "person",
    "injured": "person",
    "missing": "person",
    "evacuated": "household",
    "houses_damaged": "house",
}


def comparable(figure: Figure) -> bool:
    """Whether a figure states the whole of its fact: not a part ("4 người bị thương nhẹ") nor
    an estimate ("hơn 100 hộ"), and counting what the fact counts."""
    if figure.partial:
        return False
    unit = UNITS.get(figure.key or "")
    return unit is None or figure.unit is None or figure.unit == unit


def check_text(text: str, sheet: facts.Sheet, tz: ZoneInfo) -> list[Finding]:
    known = sheet.effective()
    findings: list[Finding] = []
    for figure in extract(text, vocabulary(sheet)):
        fact = known.get(figure.key) if figure.key and comparable(figure) else None
        value = expected(fact, figure, tz) if fact else None
        if value is None:
            findings.append(Finding("unknown", figure))
        else:
            verdict: Verdict = "confirmed" if agrees(figure, value) else "conflict"
            findings.append(Finding(verdict, figure, value))
    return findings


def settled(figure: Figure) -> bool:
    """Whether a figure states something that happened, which a later statement may only
    change by correcting it: a count, or when the incident occurred. The time of the next
    update, and custom times, move with every update by design."""
    if figure.key is None or not comparable(figure):
        return False
    return figure.kind == "count" or figure.key == "occurred_at"


def against_issued(text: str, issued: list[Statement], vocab: Vocabulary) -> list[Finding]:
    """Settled figures of ``text`` that differ from what an issued statement said."""
    said: dict[tuple[str, str], tuple[Figure, int]] = {}
    for statement in issued:  # oldest first: the latest statement's figure wins
        for figure in extract(statement.body, vocab):
            if settled(figure):
                said[(figure.key or "", figure.kind)] = (figure, statement.id)
    findings: list[Finding] = []
    for figure in extract(text, vocab):
        earlier = said.get((figure.key, figure.kind)) if settled(figure) and figure.key else None
        if earlier and not agrees(figure, earlier[0].value):
            findings.append(Finding("conflict", figure, earlier[0].value, earlier[1]))
    return findings


class Described:
    """Conflicting figures as one readable phrase, in the language in force when printed."""

    def __init__(self, findings: list[Finding], sheet: facts.Sheet) -> None:
        self.findings = findings
        self.sheet = sheet

    def __format__(self, spec: str) -> str:
        from spokes.i18n import language

        lang = language()
        parts = []
        for finding in self.findings:
            key = finding.figure.key or "?"
            name = facts.label(key, lang, self.sheet.effective())
            parts.append(f"{name}: «{finding.figure.text}» ≠ {show(finding.expected)}")
        return "; ".join(parts)


def show(value: Value | None) -> str:
    """A value as people write it: ``3``, ``13:10``, ``29/11/2026``."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return str(value)
    if len(value) == 2:
        return f"{value[0]:02d}:{value[1]:02d}"
    day, month, year = value  # the three parts of a date
    return f"{day:02d}/{month:02d}" + (f"/{year}" if year else "")


def record_found(
    store: Store, incident_id: str, text: str, findings: list[Finding], at: datetime
) -> bool:
    """Records, once per distinct text, that a text contradicting the facts was found: the
    day report counts these. Returns whether it was new. Runs in the caller's transaction."""
    conflicts = [finding for finding in findings if finding.verdict == "conflict"]
    if not conflicts:
        return False
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]
    seen = store.query(
        "SELECT detail FROM events WHERE incident_id = ? AND kind = 'conflicts-found'",
        (incident_id,),
    )
    if any(json.loads(row["detail"]).get("digest") == digest for row in seen):
        return False
    figures = [
        {"fact": c.figure.key, "found": c.figure.text, "expected": show(c.expected)}
        for c in conflicts
    ]
    audit.record(
        store, "conflicts-found", at, incident_id=incident_id, digest=digest, figures=figures
    )
    return True


def issue_checker(store: Store, tz: ZoneInfo) -> Checker:
    """What ``statement issue`` checks: the text agrees with the current facts, and a
    statement that changes a figure already issued is a correction."""

    def check(
        statement: Statement, incident: Incident, issued: list[Statement]
    ) -> list[SpokesError]:
        sheet = facts.sheet(store, incident)
        errors: list[SpokesError] = []
        conflicts = [f for f in check_text(statement.body, sheet, tz) if f.verdict == "conflict"]
        if conflicts:
            errors.append(
                Refused("statement.contradicts_facts", figures=Described(conflicts, sheet))
            )
        if statement.kind != "correction":
            changed = against_issued(statement.body, issued, vocabulary(sheet))
            if changed:
                errors.append(
                    Refused("statement.changes_issued", figures=Described(changed, sheet))
                )
        return errors

    return check
