"""The whole workspace as one JSON document and back (``spokes export json``, ``spokes
import``), and a safe copy of the live database (``spokes backup``).

The document, version 1::

    {
      "format": "spokes-workspace",
      "version": 1,
      "schema": "<the name of the last migration>",
      "units": [
        {"code": "cong-an", "created_at": "2026-11-29T07:00:00Z", ...},
        ...
      ],
      "spokespersons": [...],
      ... every other table of TABLES, in its order
    }

Each table is the list of its rows sorted by primary key, one row per line; each row holds
every column under its name, keys sorted, values exactly as stored: times as UTC text
(``2026-11-29T06:10:00Z``), the JSON columns (``facts``, ``changed``, ``detail``) as their
text. Nothing in it depends on when it was made, so export -> import -> export gives the same
bytes and an import restores every row as it was. The config is not in it: it is a file the
user writes, copied as such.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from spokes.core.drafting import KINDS as STATEMENT_KINDS
from spokes.core.facts import TYPES as FACT_TYPES
from spokes.core.incidents import SEVERITIES
from spokes.core.units import KINDS as UNIT_KINDS
from spokes.errors import InvalidInput, Refused
from spokes.i18n import LANGS, t
from spokes.store import Row, Store

FORMAT = "spokes-workspace"
VERSION = 1

_CODE = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")  # as spokes.core.inputs checks a typed code
_INCIDENT_ID = re.compile(r"(\d{4})-(\d{4,})")
_STORED_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
# One encoder for every row: json.dumps with options builds a new one on each call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


# -- the tables --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """What is wrong with one value: a message key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


Check = Callable[[Any], Problem | None]


@dataclass(frozen=True)
class Column:
    name: str
    check: Check
    nullable: bool = False
    refers_to: str | None = None  # the table whose (one-column) key this column names


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    unique: tuple[tuple[str, ...], ...] = ()  # other UNIQUE constraints of the table

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def shown(value: Any) -> str:
    """A value as JSON, cut short: an error message stays one readable line."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def _text(value: Any) -> Problem | None:
    if isinstance(value, str):
        return None
    return Problem("transfer.problem.text", {"value": shown(value)})


def _is_integer(value: Any, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _integer(minimum: int) -> Check:
    def check(value: Any) -> Problem | None:
        if _is_integer(value, minimum):
            return None
        return Problem("transfer.problem.integer", {"value": shown(value), "minimum": minimum})

    return check


def _whole(value: Any) -> Problem | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return None
    return Problem("transfer.problem.whole", {"value": shown(value)})


def _pattern(pattern: re.Pattern[str], key: str) -> Check:
    def check(value: Any) -> Problem | None:
        if isinstance(value, str) and pattern.fullmatch(value):
            return None
        return Problem(key, {"value": shown(value)})

    return check


def is_stored_time(value: Any) -> bool:
    if not isinstance(value, str) or not _STORED_TIME.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)  # the pattern lets 2026-13-45 through
    except ValueError:
        return False
    return True


def _time(value: Any) -> Problem | None:
    if is_stored_time(value):
        return None
    return Problem("transfer.problem.time", {"value": shown(value)})


def _choice(choices: tuple[object, ...]) -> Check:
    def check(value: Any) -> Problem | None:
        # Compared with their types: JSON's true must not pass for the flag 1.
        if any(value == choice and type(value) is type(choice) for choice in choices):
            return None
        listed = ", ".join(str(choice) for choice in choices)
        return Problem("transfer.problem.choice", {"value": shown(value), "choices": listed})

    return check


def _json_text(kind: type, key: str) -> Check:
    def check(value: Any) -> Problem | None:
        try:
            if isinstance(value, str) and isinstance(json.loads(value), kind):
                return None
        except (ValueError, RecursionError):  # not JSON, or absurdly deep
            pass
        return Problem(key, {"value": shown(value)})

    return check


def _good_fact(item: Any) -> bool:
    if not isinstance(item, dict) or item.get("type") not in FACT_TYPES:
        return False
    value = item.get("value")
    if item["type"] == "count":
        return _is_integer(value, 0)
    if item["type"] == "time":
        return is_stored_time(value)
    return isinstance(value, str)


def _facts(value: Any) -> Problem | None:
    """A saved fact sheet: ``{"deaths": {"type": "count", "value": 2}, ...}``."""
    try:
        sheet = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        sheet = None
    if isinstance(sheet, dict) and all(_good_fact(item) for item in sheet.values()):
        return None
    return Problem("transfer.problem.facts")


TEXT, TIME = _text, _time
CODE = _pattern(_CODE, "transfer.problem.code")
INCIDENT = _pattern(_INCIDENT_ID, "transfer.problem.incident_id")
ID = _integer(1)


def _note(name: str) -> Column:
    return Column(name, TEXT, nullable=True)


def _moment(name: str, nullable: bool = False) -> Column:
    return Column(name, TIME, nullable=nullable)


# Every table but schema_migrations, in the order an import writes them (the tables a row
# refers to come first). A migration that adds a table or a column must add it here:
# tests/test_transfer.py compares this with the database.
TABLES: tuple[Table, ...] = (
    Table(
        "units",
        ("code",),
        (
            Column("code", CODE),
            Column("name", TEXT),
            Column("kind", _choice(UNIT_KINDS)),
            Column("parent_code", CODE, nullable=True, refers_to="units"),
            _moment("created_at"),
            _moment("updated_at"),
        ),
    ),
    Table(
        "spokespersons",
        ("id",),
        (
            Column("id", ID),
            Column("unit_code", CODE, refers_to="units"),
            Column("role", _choice(("regular", "authorised"))),
            Column("name", TEXT),
            _note("title"),
            _note("phone"),
            _note("email"),
            _moment("valid_from"),
            _moment("valid_until", nullable=True),
            _note("decision"),
            Column("incident_id", INCIDENT, nullable=True, refers_to="incidents"),
            _note("granted_by"),
            _moment("published_at", nullable=True),
            _moment("created_at"),
        ),
    ),
    Table(
        "incidents",
        ("id",),
        (
            Column("id", INCIDENT),
            Column("title", TEXT),
            Column("lead_unit", CODE, refers_to="units"),
            Column("status", _choice(("open", "closed"))),
            _note("category"),
            Column("severity", _choice(SEVERITIES), nullable=True),
            _note("location"),
            _moment("occurred_at"),
            _moment("received_at"),
            _moment("decided_at", nullable=True),
            _moment("informed_at", nullable=True),
            _note("informed_channel"),
            _note("informed_by"),
            _note("informed_note"),
            _moment("closed_at", nullable=True),
            _note("close_note"),
            _moment("created_at"),
            _moment("updated_at"),
            _note("source_url"),
            _note("platform"),
        ),
    ),
    Table(
        "incident_units",
        ("incident_id", "unit_code"),
        (
            Column("incident_id", INCIDENT, refers_to="incidents"),
            Column("unit_code", CODE, refers_to="units"),
        ),
    ),
    Table(
        "fact_versions",
        ("incident_id", "version"),
        (
            Column("incident_id", INCIDENT, refers_to="incidents"),
            Column("version", ID),
            Column("facts", _facts),
            Column("changed", _json_text(list, "transfer.problem.json_list")),
            _moment("created_at"),
            Column("actor", TEXT),
        ),
    ),
    Table(
        "statements",
        ("id",),
        (
            Column("id", ID),
            Column("incident_id", INCIDENT, refers_to="incidents"),
            Column("kind", _choice(STATEMENT_KINDS)),
            Column("channel", TEXT),
            Column("lang", _choice(LANGS)),
            Column("template", TEXT),
            Column("body", TEXT),
            Column("fact_version", _integer(0)),
            Column("edited", _choice((0, 1))),
            Column("status", _choice(("draft", "approved", "issued"))),
            _note("approved_by"),
            _moment("approved_at", nullable=True),
            Column("approved_version", _integer(0), nullable=True),
            _moment("issued_at", nullable=True),
            _note("issued_by"),
            _note("issued_channel"),
            _note("issued_url"),
            _note("override_reason"),
            _moment("created_at"),
            _moment("updated_at"),
        ),
    ),
    Table(
        "events",
        ("id",),
        (
            Column("id", ID),
            _moment("at"),
            Column("actor", TEXT),
            Column("kind", TEXT),
            Column("incident_id", INCIDENT, nullable=True, refers_to="incidents"),
            Column("unit_code", CODE, nullable=True, refers_to="units"),
            Column("detail", _json_text(dict, "transfer.problem.json_object")),
        ),
    ),
    Table("counters", ("name",), (Column("name", TEXT), Column("value", _integer(0)))),
    Table(
        "reminders",
        ("id",),
        (
            Column("id", ID),
            Column("incident_id", INCIDENT, refers_to="incidents"),
            Column("rule", TEXT),
            _moment("due_at"),
            Column("threshold", _whole),  # seconds from the due time, negative before it
            Column("channel", TEXT),
            Column("outcome", _choice(("pending", "sent", "failed", "skipped"))),
            Column("attempts", _integer(0)),
            _note("claim"),
            _moment("claimed_at"),
            _moment("done_at", nullable=True),
            _note("error"),
        ),
        unique=(("incident_id", "rule", "due_at", "threshold", "channel"),),
    ),
    Table(
        "press_events",
        ("id",),
        (
            Column("id", ID),
            Column("kind", _choice(("conference", "briefing"))),
            Column("unit_code", CODE, refers_to="units"),
            _moment("at"),
            _note("topic"),
            _note("organiser"),
            Column("online", _choice((0, 1))),
            _moment("created_at"),
        ),
    ),
    Table(
        "press_event_incidents",
        ("event_id", "incident_id"),
        (
            Column("event_id", ID, refers_to="press_events"),
            Column("incident_id", INCIDENT, refers_to="incidents"),
        ),
    ),
    Table(
        "press_requests",
        ("id",),
        (
            Column("id", ID),
            Column("unit_code", CODE, refers_to="units"),
            Column("outlet", TEXT),
            _moment("received_at"),
            Column("about", TEXT),
            Column("incident_id", INCIDENT, nullable=True, refers_to="incidents"),
            _moment("due_at", nullable=True),
            _moment("answered_at", nullable=True),
            Column("outcome", _choice(("replied", "refused")), nullable=True),
            _note("channel"),
            Column("statement_id", ID, nullable=True, refers_to="statements"),
            _note("refusal_ground"),
            _note("refusal_reason"),
            _moment("created_at"),
            _moment("updated_at"),
        ),
    ),
    Table(
        "press_corrections",
        ("id",),
        (
            Column("id", ID),
            Column("unit_code", CODE, refers_to="units"),
            Column("outlet", TEXT),
            _moment("published_at"),
            Column("claim", TEXT),
            _note("url"),
            Column("incident_id", INCIDENT, nullable=True, refers_to="incidents"),
            _moment("responded_at", nullable=True),
            _note("document"),
            _moment("created_at"),
            _moment("updated_at"),
        ),
    ),
    Table(
        "annual_reports",
        ("year",),
        (
            Column("year", _integer(1900)),
            _note("difficulties"),
            _note("proposals"),
            _moment("sent_at", nullable=True),
            _note("sent_document"),
            _moment("updated_at"),
        ),
    ),
)
TABLE_NAMES = tuple(table.name for table in TABLES)


def schema() -> str:
    """The database schema this program writes: the name of its last migration."""
    from spokes.store.migrations import MIGRATIONS

    return MIGRATIONS[-1][0]


# -- export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    tables: dict[str, list[Row]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}

    def dumps(self) -> str:
        """The text: a header, then each table with one row per line."""
        parts = [f'  "format": "{FORMAT}"', f'  "version": {VERSION}', f'  "schema": "{schema()}"']
        for name in TABLE_NAMES:
            rows = [_ENCODER.encode(row) for row in self.tables[name]]
            body = "[\n    " + ",\n    ".join(rows) + "\n  ]" if rows else "[]"
            parts.append(f'  "{name}": {body}')
        return "{\n" + ",\n".join(parts) + "\n}\n"


def export(store: Store) -> Document:
    """The whole workspace, as stored: ``.dumps()`` gives the JSON described above."""
    # One transaction: a change committed between two tables' reads would make a file whose
    # rows refer to rows it does not hold, which no import would take.
    with store.transaction():
        return Document({table.name: _rows(store, table) for table in TABLES})


def _rows(store: Store, table: Table) -> list[Row]:
    rows = store.query(f"SELECT * FROM {table.name} ORDER BY {', '.join(table.key)}")
    # A column added by a migration but not to TABLES would be exported yet never imported.
    assert not rows or sorted(rows[0]) == sorted(table.names), f"TABLES lags {table.name}"
    return rows


# -- import: reading and checking the whole file ---------------------------------------------


def parse(text: str, path: str) -> Document:
    """The document in ``text``, every record checked; :class:`InvalidInput` names the first
    problem found (the file, the record, its field)."""
    raw = _json(text, path)
    _check_header(raw, path)
    document = Document({name: raw[name] for name in TABLE_NAMES})
    _Checker(path, document.tables).run()
    return document


def _json(text: str, path: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:  # RecursionError: absurdly deep nesting
        line, column = getattr(error, "lineno", 1), getattr(error, "colno", 1)
        raise InvalidInput("transfer.not_json", path=path, line=line, column=column) from None


def _check_header(raw: Any, path: str) -> None:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InvalidInput("transfer.bad_format", path=path)
    version = raw.get("version")
    if version != VERSION or isinstance(version, bool):
        raise InvalidInput(
            "transfer.bad_version", path=path, version=shown(version), supported=VERSION
        )
    from spokes.store.migrations import MIGRATIONS

    known = [name for name, _ in MIGRATIONS]
    if raw.get("schema") not in known:
        raise InvalidInput(
            "transfer.bad_schema",
            path=path,
            schema=shown(raw.get("schema")),
            current=shown(schema()),
        )
    if raw["schema"] != schema():
        # An export of an older spokes: a table added since then was empty in it. A column
        # added since then is named as missing by the record checks.
        for name in TABLE_NAMES:
            raw.setdefault(name, [])
    for key in raw:
        if key not in ("format", "version", "schema", *TABLE_NAMES):
            raise InvalidInput("transfer.unknown_key", path=path, key=shown(key))
    for name in TABLE_NAMES:
        if not isinstance(raw.get(name), list):
            raise InvalidInput("transfer.bad_table", path=path, table=name)


class _Checker:
    """Checks every record: its fields, then unique keys, then references, then the unit tree
    and the incident counters. The first problem stops it."""

    def __init__(self, path: str, tables: dict[str, list[Row]]) -> None:
        self.path = path
        self.tables = tables
        self.keys: dict[str, set[Any]] = {}

    def run(self) -> None:
        for table in TABLES:
            self._fields(table)
        for table in TABLES:
            self._unique(table)
        for table in TABLES:
            self._references(table)
        self._unit_tree()
        self._counters()

    def _records(self, name: str) -> Iterator[tuple[int, Row]]:
        return enumerate(self.tables[name])

    def fail(self, table: str, index: int, column: str | None, problem: Problem) -> InvalidInput:
        record = f"{table}[{index}]{_key_of(table, self.tables[table][index])}"
        text = t(problem.key, **problem.params)
        if column is None:
            return InvalidInput("transfer.bad_row", path=self.path, record=record, problem=text)
        return InvalidInput(
            "transfer.bad_record", path=self.path, record=record, field=column, problem=text
        )

    def _fields(self, table: Table) -> None:
        for index, row in self._records(table.name):
            if not isinstance(row, dict):
                raise self.fail(table.name, index, None, Problem("transfer.problem.not_object"))
            for column in table.columns:
                problem = _field_problem(column, row)
                if problem is not None:
                    raise self.fail(table.name, index, column.name, problem)
            if len(row) != len(table.columns):  # every column is in it: the others are extra
                extra = sorted(set(row) - set(table.names))[0]
                raise self.fail(table.name, index, extra, Problem("transfer.problem.unknown"))

    def _unique(self, table: Table) -> None:
        for columns in (table.key, *table.unique):
            seen = self._distinct(table.name, columns)
            if columns == table.key and len(columns) == 1:
                self.keys[table.name] = {key for (key,) in seen}

    def _distinct(self, table: str, columns: tuple[str, ...]) -> set[tuple[Any, ...]]:
        first: dict[tuple[Any, ...], int] = {}
        for index, row in self._records(table):
            key = tuple(row[name] for name in columns)
            if key in first:
                other = f"{table}[{first[key]}]"
                problem = Problem(
                    "transfer.problem.duplicate", {"columns": ", ".join(columns), "other": other}
                )
                raise self.fail(table, index, columns[-1], problem)
            first[key] = index
        return set(first)

    def _references(self, table: Table) -> None:
        for index, row in self._records(table.name):
            for column in table.columns:
                value = row[column.name]
                if (
                    column.refers_to
                    and value is not None
                    and value not in self.keys[column.refers_to]
                ):
                    problem = Problem(
                        "transfer.problem.reference",
                        {"value": shown(value), "table": column.refers_to},
                    )
                    raise self.fail(table.name, index, column.name, problem)

    def _unit_tree(self) -> None:
        parents = {row["code"]: row["parent_code"] for row in self.tables["units"]}
        for index, row in self._records("units"):
            seen, code = {row["code"]}, row["parent_code"]
            # Up the tree until the top, or until a unit already passed: this one again is
            # a cycle through it; another one is a cycle above it, named at that unit.
            while code is not None and code not in seen:
                seen.add(code)
                code = parents[code]
            if code == row["code"]:
                problem = Problem("transfer.problem.cycle", {"value": shown(row["parent_code"])})
                raise self.fail("units", index, "parent_code", problem)

    def _counters(self) -> None:
        counters = {row["name"]: row["value"] for row in self.tables["counters"]}
        for index, row in self._records("incidents"):
            found = _INCIDENT_ID.fullmatch(row["id"])
            assert found is not None  # checked with the fields
            name, number = f"incident-{found.group(1)}", int(found.group(2))
            if counters.get(name, 0) < number:
                problem = Problem("transfer.problem.counter", {"counter": name, "number": number})
                raise self.fail("incidents", index, "id", problem)


def _field_problem(column: Column, row: Row) -> Problem | None:
    if column.name not in row:
        return Problem("transfer.problem.missing")
    value = row[column.name]
    if value is None:
        return None if column.nullable else Problem("transfer.problem.null")
    return column.check(value)


def _key_of(table: str, row: Any) -> str:
    """`` (code "phuc-khoa")``: the record's key, when it has one to show."""
    spec = next(item for item in TABLES if item.name == table)
    if not isinstance(row, dict) or any(name not in row for name in spec.key):
        return ""
    return " (" + ", ".join(f"{name} {shown(row[name])}" for name in spec.key) + ")"


# -- import: writing -------------------------------------------------------------------------


def load(store: Store, document: Document, home: Path) -> dict[str, int]:
    """Writes a checked document into an empty workspace, in one transaction, every id kept."""
    with store.transaction():
        _refuse_unless_empty(store, home)
        for table in TABLES:
            rows = document.tables[table.name]
            sql = (
                f"INSERT INTO {table.name} ({', '.join(table.names)})"
                f" VALUES ({', '.join('?' for _ in table.names)})"
            )
            ordered = _parents_first(rows) if table.name == "units" else rows
            for row in ordered:
                store.execute(sql, [row[name] for name in table.names])
        # Rows keep their ids: PostgreSQL's sequences move past them (SQLite needs nothing).
        store.after_import()
    return document.counts()


def _refuse_unless_empty(store: Store, home: Path) -> None:
    counts = {name: int(store.scalar(f"SELECT COUNT(*) FROM {name}")) for name in TABLE_NAMES}
    if any(counts.values()):
        raise Refused(
            "transfer.not_empty",
            home=str(home),
            units=counts["units"],
            incidents=counts["incidents"],
        )


def _parents_first(rows: list[Row]) -> list[Row]:
    """Units ordered so that each parent is written before its children (foreign keys)."""
    by_code = {row["code"]: row for row in rows}
    ordered: list[Row] = []
    done: set[str] = set()

    def add(row: Row) -> None:
        if row["code"] in done:
            return
        parent = row["parent_code"]
        if parent is not None:
            add(by_code[parent])
        done.add(row["code"])
        ordered.append(row)

    for row in rows:
        add(row)
    return ordered


# -- files -----------------------------------------------------------------------------------


def _check_target(path: Path, protected: tuple[Path, ...]) -> None:
    if path.is_dir():
        raise InvalidInput("transfer.is_folder", path=str(path))
    if not path.parent.is_dir():
        raise InvalidInput("transfer.no_folder", path=str(path.parent))
    for own in protected:
        if path.exists() and own.exists() and path.samefile(own):
            raise Refused("transfer.protected", path=str(path))


def _temporary(path: Path) -> Path:
    """A new file beside ``path``: the rename that replaces ``path`` stays on one file system."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)  # left by a crash of a process with the same id
    return temporary


@dataclass(frozen=True)
class Copy:
    """What ``backup`` wrote."""

    path: Path
    size: int
    counts: dict[str, int]


def backup(store: Store, target: Path, force: bool, protected: tuple[Path, ...]) -> Copy:
    """A consistent copy of the live database in ``target``, written beside it then renamed,
    so that ``target`` is never half written."""
    if store.backend != "sqlite":
        store.backup(target)  # PostgreSQL refuses, naming the file given, before any is made
    _check_target(target, protected)
    if target.exists() and not force:
        raise Refused("transfer.backup_exists", path=str(target))
    temporary = _temporary(target)
    try:
        counts = store.backup(temporary)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InvalidInput(
            "transfer.write_failed", path=str(target), reason=error.strerror
        ) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return Copy(target, target.stat().st_size, counts)
