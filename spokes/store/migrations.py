"""Schema migrations: named, ordered, recorded, one transaction each.

A migration is applied once, when the database opens, and recorded in ``schema_migrations``.
Never edit a migration that has shipped: add a new one. SQL here is portable; the only
dialect-specific piece is the identity column, which each adapter names (``store.identity``).

Times are stored as text in UTC, ``YYYY-MM-DDTHH:MM:SSZ``, so text order is time order.
"""

from __future__ import annotations

from collections.abc import Callable

from spokes.clock import now, to_db
from spokes.store import Store

Migration = tuple[str, Callable[[Store], None]]


def _initial(store: Store) -> None:
    identity = store.identity
    statements = [
        """CREATE TABLE units (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent_code TEXT REFERENCES units (code),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        f"""CREATE TABLE spokespersons (
            id {identity},
            unit_code TEXT NOT NULL REFERENCES units (code),
            role TEXT NOT NULL CHECK (role IN ('regular', 'authorised')),
            name TEXT NOT NULL,
            title TEXT,
            phone TEXT,
            email TEXT,
            valid_from TEXT NOT NULL,
            valid_until TEXT,
            decision TEXT,
            incident_id TEXT,
            granted_by TEXT,
            published_at TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX spokespersons_unit ON spokespersons (unit_code, role, valid_from)",
        """CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            lead_unit TEXT NOT NULL REFERENCES units (code),
            status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
            category TEXT,
            severity TEXT,
            location TEXT,
            occurred_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            decided_at TEXT,
            informed_at TEXT,
            informed_channel TEXT,
            informed_by TEXT,
            informed_note TEXT,
            closed_at TEXT,
            close_note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX incidents_status ON incidents (status, lead_unit)",
        "CREATE INDEX incidents_occurred ON incidents (occurred_at)",
        """CREATE TABLE incident_units (
            incident_id TEXT NOT NULL REFERENCES incidents (id),
            unit_code TEXT NOT NULL REFERENCES units (code),
            PRIMARY KEY (incident_id, unit_code)
        )""",
        f"""CREATE TABLE events (
            id {identity},
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            incident_id TEXT,
            unit_code TEXT,
            detail TEXT NOT NULL
        )""",
        "CREATE INDEX events_incident ON events (incident_id, id)",
        "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    ]
    for statement in statements:
        store.execute(statement)


def _append_only_audit(store: Store) -> None:
    # Enforced by the database, not only by the code: no UPDATE or DELETE of past events.
    store.make_append_only("events")


def _open_incidents_index(store: Store) -> None:
    # `status` reads only open incidents: this index keeps its cost flat as history grows.
    store.execute(
        "CREATE INDEX incidents_open ON incidents (occurred_at, id) WHERE status = 'open'"
    )


def _statements(store: Store) -> None:
    identity = store.identity
    statements = [
        # Misinformation incidents: where the false claim appeared.
        "ALTER TABLE incidents ADD COLUMN source_url TEXT",
        "ALTER TABLE incidents ADD COLUMN platform TEXT",
        # Every change of an incident's facts is a new numbered version holding the whole sheet
        # (JSON), so an old version is read in one row and two writers of the same version
        # collide on the primary key instead of overwriting each other.
        """CREATE TABLE fact_versions (
            incident_id TEXT NOT NULL REFERENCES incidents (id),
            version INTEGER NOT NULL,
            facts TEXT NOT NULL,
            changed TEXT NOT NULL,
            created_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            PRIMARY KEY (incident_id, version)
        )""",
        f"""CREATE TABLE statements (
            id {identity},
            incident_id TEXT NOT NULL REFERENCES incidents (id),
            kind TEXT NOT NULL CHECK (kind IN ('initial', 'update', 'final', 'correction')),
            channel TEXT NOT NULL,
            lang TEXT NOT NULL CHECK (lang IN ('vi', 'en')),
            template TEXT NOT NULL,
            body TEXT NOT NULL,
            fact_version INTEGER NOT NULL,
            edited INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'issued')),
            approved_by TEXT,
            approved_at TEXT,
            approved_version INTEGER,
            issued_at TEXT,
            issued_by TEXT,
            issued_channel TEXT,
            issued_url TEXT,
            override_reason TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX statements_incident ON statements (incident_id, id)",
    ]
    for statement in statements:
        store.execute(statement)


def _reminders(store: Store) -> None:
    # One row per (incident, deadline rule, due time, threshold, channel): the UNIQUE key is the
    # claim, inserted in a write transaction, so two `remind` runs never both send one reminder.
    # `threshold` is in seconds from the due time (negative before it); `channel` is a channel's
    # name, or `hook:EVENT` for a hook `remind` fires once. A corrected incident time gives a
    # new due time, hence new rows: what was sent for the old one no longer counts.
    store.execute(
        f"""CREATE TABLE reminders (
            id {store.identity},
            incident_id TEXT NOT NULL REFERENCES incidents (id),
            rule TEXT NOT NULL,
            due_at TEXT NOT NULL,
            threshold INTEGER NOT NULL,
            channel TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'sent', 'failed', 'skipped')),
            attempts INTEGER NOT NULL,
            claim TEXT,
            claimed_at TEXT NOT NULL,
            done_at TEXT,
            error TEXT,
            UNIQUE (incident_id, rule, due_at, threshold, channel)
        )"""
    )


def _spokespersons_validity_index(store: Store) -> None:
    # Who speaks *now* is asked on every `status` and every `watch` read: past designations and
    # expired authorisations pile up over the years, and without this index each read scans
    # them all (3.7 ms at 20,000 rows, 0.1 ms with it).
    store.execute("CREATE INDEX spokespersons_until ON spokespersons (valid_until, role)")


def _press_register(store: Store) -> None:
    # The records behind the annual report (Decree 244/2026 Art. 10): press conferences and
    # briefings, requests from the press and their answers, false reports and the written
    # responses to them; and the report's own text and sending, per year.
    identity = store.identity
    statements = [
        f"""CREATE TABLE press_events (
            id {identity},
            kind TEXT NOT NULL CHECK (kind IN ('conference', 'briefing')),
            unit_code TEXT NOT NULL REFERENCES units (code),
            at TEXT NOT NULL,
            topic TEXT,
            organiser TEXT,
            online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX press_events_at ON press_events (at)",
        """CREATE TABLE press_event_incidents (
            event_id INTEGER NOT NULL REFERENCES press_events (id),
            incident_id TEXT NOT NULL REFERENCES incidents (id),
            PRIMARY KEY (event_id, incident_id)
        )""",
        f"""CREATE TABLE press_requests (
            id {identity},
            unit_code TEXT NOT NULL REFERENCES units (code),
            outlet TEXT NOT NULL,
            received_at TEXT NOT NULL,
            about TEXT NOT NULL,
            incident_id TEXT REFERENCES incidents (id),
            due_at TEXT,
            answered_at TEXT,
            outcome TEXT CHECK (outcome IN ('replied', 'refused')),
            channel TEXT,
            statement_id INTEGER REFERENCES statements (id),
            refusal_ground TEXT,
            refusal_reason TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX press_requests_received ON press_requests (received_at)",
        f"""CREATE TABLE press_corrections (
            id {identity},
            unit_code TEXT NOT NULL REFERENCES units (code),
            outlet TEXT NOT NULL,
            published_at TEXT NOT NULL,
            claim TEXT NOT NULL,
            url TEXT,
            incident_id TEXT REFERENCES incidents (id),
            responded_at TEXT,
            document TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX press_corrections_published ON press_corrections (published_at)",
        """CREATE TABLE annual_reports (
            year INTEGER PRIMARY KEY,
            difficulties TEXT,
            proposals TEXT,
            sent_at TEXT,
            sent_document TEXT,
            updated_at TEXT NOT NULL
        )""",
    ]
    for statement in statements:
        store.execute(statement)


def _periodic_indexes(store: Store) -> None:
    # `status` asks, for each unit a periodic duty binds, when it last informed the press: by
    # unit then time, so that it reads that unit's rows only (54 ms -> under 1 ms beside
    # 100,000 incidents of other units).
    store.execute("CREATE INDEX incidents_lead_informed ON incidents (lead_unit, informed_at)")
    store.execute("CREATE INDEX press_events_unit ON press_events (unit_code, at)")


def _unit_roles(store: Store) -> None:
    # Which database role speaks for which unit (`spokes db grant`). On PostgreSQL the database
    # itself then keeps each such role to its own unit's records (spokes.store.access); on
    # SQLite, one file on one computer, the table stays empty.
    store.execute(
        """CREATE TABLE unit_roles (
            role TEXT NOT NULL,
            unit_code TEXT NOT NULL REFERENCES units (code),
            granted_at TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            PRIMARY KEY (role, unit_code)
        )"""
    )
    if store.backend == "postgresql":
        from spokes.store import access

        access.install(store)


MIGRATIONS: list[Migration] = [
    ("0001_initial", _initial),
    ("0002_append_only_audit", _append_only_audit),
    ("0003_open_incidents_index", _open_incidents_index),
    ("0004_facts_and_statements", _statements),
    ("0005_reminders", _reminders),
    ("0006_spokespersons_validity_index", _spokespersons_validity_index),
    ("0007_press_register", _press_register),
    ("0008_periodic_indexes", _periodic_indexes),
    ("0009_unit_roles", _unit_roles),
]


def applied(store: Store) -> list[str]:
    if "schema_migrations" not in store.tables():
        return []
    return [row["name"] for row in store.query("SELECT name FROM schema_migrations ORDER BY name")]


def pending(store: Store) -> list[str]:
    done = set(applied(store))
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(store: Store, migrations: list[Migration] | None = None) -> list[str]:
    """Applies the pending migrations in order; returns the names it applied."""
    steps = MIGRATIONS if migrations is None else migrations
    done = set(applied(store))
    waiting = [(name, step) for name, step in steps if name not in done]
    if not waiting:  # every run: no DDL, which a unit's role may not run anyway
        return []
    with store.transaction():
        store.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
    for name, step in waiting:
        with store.transaction():
            # Re-checked under the write lock: another process may have just applied it.
            if store.scalar("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)):
                continue
            step(store)
            store.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (name, to_db(now())),
            )
    if store.backend == "postgresql" and "unit_roles" in store.tables():
        from spokes.store import access

        with store.transaction():
            access.regrant(store)  # a table a migration added is readable by unit roles too
    return [name for name, _ in waiting]
