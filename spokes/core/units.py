"""Units: agencies, provinces, communes... a tree of any kinds, each with a code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spokes.clock import to_db
from spokes.core import audit
from spokes.errors import InvalidInput, NotFound, Refused
from spokes.store import Store

if TYPE_CHECKING:
    from spokes.core.inputs import UnitInput

KINDS = ("agency", "province", "district", "commune", "ward", "town", "special-zone", "other")
CSV_COLUMNS = ("code", "name", "kind", "parent")


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str
    parent_code: str | None


def normalise_code(value: str) -> str:
    """Codes match case-insensitively: they are stored in lower case."""
    return value.strip().lower()


def _unit(row: dict[str, Any]) -> Unit:
    return Unit(row["code"], row["name"], row["kind"], row["parent_code"])


def all_units(store: Store) -> list[Unit]:
    return [_unit(row) for row in store.query("SELECT * FROM units ORDER BY code")]


def find(store: Store, code: str) -> Unit | None:
    row = store.query_one("SELECT * FROM units WHERE code = ?", (normalise_code(code),))
    return _unit(row) if row else None


def get(store: Store, code: str) -> Unit:
    """The unit with ``code``, or an error suggesting the closest existing code."""
    unit = find(store, code)
    if unit is None:
        raise NotFound("unit.unknown", code=code, hint=suggest(store, code))
    return unit


def tree_order(found: list[Unit]) -> list[Unit]:
    """Each unit followed by the units under it, depth first; siblings by code."""
    by_parent: dict[str | None, list[Unit]] = {}
    codes = {unit.code for unit in found}
    for unit in found:
        parent = unit.parent_code if unit.parent_code in codes else None
        by_parent.setdefault(parent, []).append(unit)
    ordered: list[Unit] = []

    def walk(parent: str | None) -> None:
        for unit in by_parent.get(parent, []):
            ordered.append(unit)
            walk(unit.code)

    walk(None)
    return ordered


def suggest(store: Store, code: str) -> str:
    import difflib  # only on the error path

    codes = [row["code"] for row in store.query("SELECT code FROM units")]
    close = difflib.get_close_matches(normalise_code(code), codes, n=1, cutoff=0.6)
    return close[0] if close else ""


def children(store: Store, code: str) -> list[Unit]:
    rows = store.query("SELECT * FROM units WHERE parent_code = ? ORDER BY code", (code,))
    return [_unit(row) for row in rows]


def add(store: Store, record: UnitInput, at: datetime) -> Unit:
    with store.transaction():
        if find(store, record.code):
            raise Refused("unit.exists", code=record.code)
        if record.parent:
            get(store, record.parent)
        _insert(store, record, at)
    return Unit(record.code, record.name, record.kind, record.parent)


def _insert(store: Store, record: UnitInput, at: datetime) -> None:
    store.execute(
        "INSERT INTO units (code, name, kind, parent_code, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (record.code, record.name, record.kind, record.parent, to_db(at), to_db(at)),
    )
    audit.record(store, "unit-added", at, unit_code=record.code, **record.model_dump())


def edit(store: Store, code: str, changes: dict[str, Any], at: datetime) -> Unit:
    """Changes name, kind or parent (``parent=None`` detaches it); refuses a cycle."""
    with store.transaction():
        unit = get(store, code)
        if "parent" in changes and changes["parent"] is not None:
            parent = get(store, changes["parent"])
            _refuse_cycle(store, unit.code, parent.code)
            changes["parent"] = parent.code
        updated = {
            "name": changes.get("name", unit.name),
            "kind": changes.get("kind", unit.kind),
            "parent_code": changes.get("parent", unit.parent_code),
        }
        store.execute(
            "UPDATE units SET name = ?, kind = ?, parent_code = ?, updated_at = ? WHERE code = ?",
            (updated["name"], updated["kind"], updated["parent_code"], to_db(at), unit.code),
        )
        before = {"name": unit.name, "kind": unit.kind, "parent_code": unit.parent_code}
        audit.record(store, "unit-edited", at, unit_code=unit.code, before=before, after=updated)
    return Unit(unit.code, updated["name"], updated["kind"], updated["parent_code"])


def _refuse_cycle(store: Store, code: str, parent_code: str) -> None:
    cursor: str | None = parent_code
    while cursor is not None:
        if cursor == code:
            raise Refused("unit.cycle", code=code, parent=parent_code)
        row = store.query_one("SELECT parent_code FROM units WHERE code = ?", (cursor,))
        cursor = row["parent_code"] if row else None


# -- CSV import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int


def read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a units CSV with their line numbers; a BOM (as Excel writes) is accepted."""
    import csv

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput("file.missing", path=str(path)) from None
    except UnicodeDecodeError:
        raise InvalidInput("csv.not_utf8", path=str(path)) from None
    reader = csv.DictReader(text.splitlines())
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in CSV_COLUMNS[:3] if column not in header]
    if missing:
        raise InvalidInput("csv.columns", path=str(path), missing=", ".join(missing))
    reader.fieldnames = header
    rows = []
    for row in reader:
        if any((value or "").strip() for value in row.values() if isinstance(value, str)):
            rows.append((reader.line_num, {k: (v or "") for k, v in row.items() if k}))
    return rows


def check_import(store: Store, path: Path) -> list[UnitInput]:
    """Every row of the file checked before anything is written; all problems reported."""
    from pydantic import ValidationError

    from spokes.core.inputs import UnitInput, problems
    from spokes.i18n import t

    records: list[UnitInput] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for line, row in read_csv(path):
        try:
            record = UnitInput(
                code=row.get("code", ""),
                name=row.get("name", ""),
                kind=row.get("kind", ""),
                parent=row.get("parent") or None,
            )
        except ValidationError as error:
            errors += [t("csv.line", line=line, problem=p) for p in problems(error)]
            continue
        if record.code in seen:
            errors.append(
                t(
                    "csv.line",
                    line=line,
                    problem=t("csv.duplicate", code=record.code, first=seen[record.code]),
                )
            )
        seen[record.code] = line
        records.append(record)
    known = {row["code"] for row in store.query("SELECT code FROM units")} | set(seen)
    for record in records:
        if record.parent and record.parent not in known:
            line = seen[record.code]
            errors.append(
                t("csv.line", line=line, problem=t("unit.unknown_parent", parent=record.parent))
            )
    if errors:
        raise InvalidInput(
            "csv.invalid", path=str(path), count=len(errors), problems="\n".join(errors)
        )
    return _parents_first(records, path)


def _parents_first(records: list[UnitInput], path: Path) -> list[UnitInput]:
    """Orders records so that a parent is written before its children; refuses a cycle."""
    pending = {record.code: record for record in records}
    ordered: list[UnitInput] = []
    while pending:
        ready = [r for r in pending.values() if not r.parent or r.parent not in pending]
        if not ready:
            raise InvalidInput("csv.cycle", path=str(path), codes=", ".join(sorted(pending)))
        for record in ready:
            ordered.append(record)
            del pending[record.code]
    return ordered


def import_units(store: Store, records: list[UnitInput], at: datetime) -> ImportResult:
    added = updated = unchanged = 0
    with store.transaction():
        for record in records:
            existing = find(store, record.code)
            if existing is None:
                _insert(store, record, at)
                added += 1
            elif (existing.name, existing.kind, existing.parent_code) == (
                record.name,
                record.kind,
                record.parent,
            ):
                unchanged += 1
            else:
                edit(store, record.code, record.model_dump(include={"name", "kind", "parent"}), at)
                updated += 1
    return ImportResult(added, updated, unchanged)
