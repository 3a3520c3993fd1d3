"""Access per unit on PostgreSQL, enforced by the database itself.

The office's role owns the tables (it ran the migrations) and may do everything. A unit's
spokesperson connects as a role of their own, mapped to their unit in ``unit_roles``
(``spokes db grant UNIT ROLE``). Such a role:

- reads every table (grants: SELECT);
- writes only what spokes writes for an incident or a press record: incidents, their facts,
  statements, reminders, the press register, the audit trail and the id counters (grants);
- and of those, only the rows of an incident its unit leads or a record of its unit: row-level
  security checks every new row; a trigger refuses an UPDATE or DELETE of another unit's row
  with an error (row-level security alone would quietly change no row: "UPDATE 0").

The directory (units, spokespersons), the annual report and the mapping itself stay read-only
for it. So a user with ``psql`` and a unit's password cannot go around it either.

Every function names its schema in ``search_path``: a role that put a table ``unit_roles`` of
its own first in its path (a temporary one, say) must not be able to answer these questions.
"""

from __future__ import annotations

from spokes.store import Store

# table -> (the column that says whose row it is, what that column holds)
OWNED: dict[str, tuple[str, str]] = {
    "incidents": ("lead_unit", "unit"),
    "incident_units": ("incident_id", "incident"),
    "fact_versions": ("incident_id", "incident"),
    "statements": ("incident_id", "incident"),
    "reminders": ("incident_id", "incident"),
    "press_events": ("unit_code", "unit"),
    "press_event_incidents": ("event_id", "press_event"),
    "press_requests": ("unit_code", "unit"),
    "press_corrections": ("unit_code", "unit"),
    "events": ("incident_id", "event"),
}

# What a unit's role may do besides reading: exactly the writes spokes makes for it.
WRITES: dict[str, str] = {
    "incidents": "INSERT, UPDATE",
    "incident_units": "INSERT, UPDATE, DELETE",
    "fact_versions": "INSERT",
    "statements": "INSERT, UPDATE",
    "reminders": "INSERT, UPDATE",
    "press_events": "INSERT, UPDATE",
    "press_event_incidents": "INSERT",
    "press_requests": "INSERT, UPDATE",
    "press_corrections": "INSERT, UPDATE",
    "events": "INSERT",
    "counters": "INSERT, UPDATE",  # incident ids are numbered across the whole database
}


def quote(name: str) -> str:
    """An SQL identifier, quoted: a role's name is the user's text."""
    return '"' + name.replace('"', '""') + '"'


def _schema(store: Store) -> str:
    return str(store.scalar("SELECT current_schema()"))


def _owner_of(kind: str, column: str) -> str:
    """The SQL that gives the unit a row belongs to, from the row's own ``column``."""
    if kind == "incident":
        return f"spokes_incident_unit({column})"
    if kind == "press_event":
        return f"spokes_press_event_unit({column})"
    if kind == "event":  # an audit entry: its incident's unit, else the unit it names
        return f"COALESCE(spokes_incident_unit({column}), unit_code)"
    return column


def install(store: Store) -> None:
    """The functions, policies and triggers (migration 0009_unit_roles, PostgreSQL only)."""
    path = f"SET search_path = {quote(_schema(store))}, pg_temp"
    functions = [
        f"""CREATE FUNCTION spokes_is_unit_role() RETURNS boolean LANGUAGE sql STABLE {path}
            AS $$ SELECT EXISTS (SELECT 1 FROM unit_roles WHERE role = current_user) $$""",
        f"""CREATE FUNCTION spokes_may_write(unit text) RETURNS boolean LANGUAGE sql STABLE
            {path} AS $$ SELECT NOT spokes_is_unit_role() OR EXISTS (
                SELECT 1 FROM unit_roles WHERE role = current_user AND unit_code = unit) $$""",
        f"""CREATE FUNCTION spokes_incident_unit(incident text) RETURNS text LANGUAGE sql
            STABLE {path} AS $$ SELECT lead_unit FROM incidents WHERE id = incident $$""",
        f"""CREATE FUNCTION spokes_press_event_unit(event bigint) RETURNS text LANGUAGE sql
            STABLE {path} AS $$ SELECT unit_code FROM press_events WHERE id = event $$""",
        # TG_ARGV: the row's owning column and what it holds (see OWNED).
        f"""CREATE FUNCTION spokes_guard() RETURNS trigger LANGUAGE plpgsql {path} AS $$
            DECLARE
                value text := to_jsonb(OLD) ->> TG_ARGV[0];
                unit text;
            BEGIN
                IF spokes_is_unit_role() THEN
                    unit := CASE TG_ARGV[1]
                        WHEN 'incident' THEN spokes_incident_unit(value)
                        WHEN 'press_event' THEN spokes_press_event_unit(value::bigint)
                        WHEN 'event' THEN COALESCE(spokes_incident_unit(value),
                                                   to_jsonb(OLD) ->> 'unit_code')
                        ELSE value END;
                    IF NOT spokes_may_write(unit) THEN
                        RAISE EXCEPTION 'role % may not % a record of unit %',
                            current_user, TG_OP, COALESCE(unit, '-')
                            USING ERRCODE = 'insufficient_privilege';
                    END IF;
                END IF;
                IF TG_OP = 'DELETE' THEN
                    RETURN OLD;
                END IF;
                RETURN NEW;
            END $$""",
    ]
    for statement in functions:
        store.execute(statement)
    for table, (column, kind) in OWNED.items():
        _protect(store, table, column, kind)


def _protect(store: Store, table: str, column: str, kind: str) -> None:
    owner = _owner_of(kind, column)
    for statement in (
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)",
        f"CREATE POLICY {table}_insert ON {table} FOR INSERT"
        f" WITH CHECK (spokes_may_write({owner}))",
        # USING (true): the guard trigger sees another unit's row and refuses it out loud.
        f"CREATE POLICY {table}_update ON {table} FOR UPDATE USING (true)"
        f" WITH CHECK (spokes_may_write({owner}))",
        f"CREATE POLICY {table}_delete ON {table} FOR DELETE USING (true)",
        f"CREATE TRIGGER {table}_unit_guard BEFORE UPDATE OR DELETE ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION spokes_guard('{column}', '{kind}')",
    ):
        store.execute(statement)


def role_exists(store: Store, role: str) -> dict[str, object] | None:
    return store.query_one(
        "SELECT rolname AS name, rolsuper AS superuser, rolbypassrls AS bypass"
        " FROM pg_roles WHERE rolname = ?",
        (role,),
    )


def grant(store: Store, role: str) -> None:
    """The privileges of a unit's role on every table there is now."""
    schema, who = quote(_schema(store)), quote(role)
    store.execute(f"GRANT USAGE ON SCHEMA {schema} TO {who}")
    store.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {who}")
    store.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {who}")
    for table, privileges in WRITES.items():
        store.execute(f"GRANT {privileges} ON {table} TO {who}")


def revoke(store: Store, role: str) -> None:
    """Takes back every privilege :func:`grant` gave (the role speaks for no unit any more)."""
    schema, who = quote(_schema(store)), quote(role)
    store.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {who}")
    store.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {who}")
    store.execute(f"REVOKE ALL ON SCHEMA {schema} FROM {who}")


def regrant(store: Store) -> None:
    """After a migration: every unit role gets its privileges on the tables it added."""
    for row in store.query("SELECT DISTINCT role FROM unit_roles ORDER BY role"):
        if role_exists(store, row["role"]):
            grant(store, row["role"])
