"""``spokes db``: the state of the database, its migrations, a copy to another backend, and
which database role speaks for which unit (PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from spokes.clock import to_db
from spokes.errors import InvalidInput, Refused
from spokes.store import Store, migrations
from spokes.store.url import is_postgres


@dataclass(frozen=True)
class Status:
    backend: str
    location: str  # the file, or the URL without its password
    applied: list[str]
    pending: list[str]
    counts: dict[str, int]
    roles: list[tuple[str, str]]  # (role, unit), PostgreSQL only

    @property
    def version(self) -> str | None:
        return self.applied[-1] if self.applied else None


def status(store: Store, location: str) -> Status:
    from spokes.core.transfer import TABLE_NAMES

    applied = migrations.applied(store)
    tables = set(store.tables())
    counts = {
        name: int(store.scalar(f"SELECT COUNT(*) FROM {name}"))
        for name in TABLE_NAMES
        if name in tables
    }
    roles: list[tuple[str, str]] = []
    if "unit_roles" in tables:
        rows = store.query("SELECT role, unit_code FROM unit_roles ORDER BY role, unit_code")
        roles = [(row["role"], row["unit_code"]) for row in rows]
    return Status(store.backend, location, applied, migrations.pending(store), counts, roles)


# -- copy ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Copied:
    target: str
    counts: dict[str, int]
    size: int  # bytes of the JSON export both sides gave


def copy_to(source: Store, to: str, protected: tuple[Path, ...], home: Path) -> Copied:
    """:func:`copy` into the database ``to`` names; a SQLite file this made and could not
    fill is removed again."""
    from contextlib import closing

    path = Path(to).expanduser()
    made = not is_postgres(to) and not path.exists()
    try:
        target, shown = open_target(to, protected)
        with closing(target):
            return copy(source, target, shown, home)
    except BaseException:
        if made:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise


def open_target(to: str, protected: tuple[Path, ...]) -> tuple[Store, str]:
    """The store ``to`` names (a PostgreSQL URL or a SQLite file), migrated, and how to show
    it. A file must be new or an empty spokes database; never one of the workspace's own."""
    from spokes.store import open_store
    from spokes.store.url import redact

    if is_postgres(to):
        return open_store(Path(), to), redact(to)
    path = Path(to).expanduser()
    if path.is_dir():
        raise InvalidInput("transfer.is_folder", path=str(path))
    if not path.parent.is_dir():
        raise InvalidInput("transfer.no_folder", path=str(path.parent))
    for own in protected:
        if path.exists() and own.exists() and path.samefile(own):
            raise Refused("transfer.protected", path=str(path))
    if path.exists() and path.stat().st_size and not _is_spokes_file(path):
        raise Refused("db.not_spokes_file", path=str(path))
    return open_store(path), str(path)


def _is_spokes_file(path: Path) -> bool:
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            found = db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            ).fetchone()
    except sqlite3.DatabaseError:
        return False
    return found is not None


def copy(source: Store, target: Store, shown: str, home: Path) -> Copied:
    """Every record of ``source`` into the empty ``target``, ids kept; then checked: the same
    number of rows in every table, and the JSON export of both byte for byte the same. A copy
    that does not check out is rolled back: the target is left as it was."""
    from spokes.core import transfer

    document = transfer.export(source)  # one consistent moment of the source
    expected = document.dumps()
    with target.transaction():
        held = {
            name: int(target.scalar(f"SELECT COUNT(*) FROM {name}"))
            for name in ("units", "incidents")
        }
        if any(target.scalar(f"SELECT COUNT(*) FROM {name}") for name in transfer.TABLE_NAMES):
            raise Refused("db.target_not_empty", target=shown, **held)
        transfer.load(target, document, home)
        counts = {
            name: int(target.scalar(f"SELECT COUNT(*) FROM {name}"))
            for name in transfer.TABLE_NAMES
        }
        if counts != document.counts():
            wrong = [name for name in counts if counts[name] != document.counts()[name]]
            raise Refused("db.copy_mismatch", target=shown, tables=", ".join(wrong))
        if transfer.export(target).dumps() != expected:
            raise Refused("db.copy_mismatch", target=shown, tables="JSON")
    return Copied(shown, counts, len(expected.encode("utf-8")))


# -- access per unit -------------------------------------------------------------------------


def _postgres_only(store: Store) -> None:
    if store.backend != "postgresql":
        raise Refused("db.grant_needs_postgres")


def _check_role(store: Store, role: str) -> None:
    from spokes.store import access

    found = access.role_exists(store, role)
    if found is None:
        raise Refused("db.no_role", role=role, quoted=access.quote(role))
    if role == store.scalar("SELECT current_user"):
        raise Refused("db.role_is_office", role=role)
    if found["superuser"] or found["bypass"]:
        raise Refused("db.role_bypasses", role=role)


def grant(store: Store, unit_code: str, role: str, now: datetime, actor: str) -> bool:
    """Lets ``role`` write the records of ``unit_code`` (and only those); False when it
    already could."""
    from spokes.core import audit, units
    from spokes.store import access

    _postgres_only(store)
    with store.transaction():
        units.get(store, unit_code)
        _check_role(store, role)
        exists = store.scalar(
            "SELECT 1 FROM unit_roles WHERE role = ? AND unit_code = ?", (role, unit_code)
        )
        if not exists:
            store.execute(
                "INSERT INTO unit_roles (role, unit_code, granted_at, granted_by)"
                " VALUES (?, ?, ?, ?)",
                (role, unit_code, to_db(now), actor),
            )
            audit.record(store, "access-granted", now, unit_code=unit_code, role=role)
        access.grant(store, role)  # again when it existed: a table added since then
    return not exists


def revoke(store: Store, unit_code: str, role: str, now: datetime) -> list[str]:
    """Takes from ``role`` the records of ``unit_code``; returns the units it still speaks
    for (none: every privilege is taken back)."""
    from spokes.core import audit, units
    from spokes.store import access

    _postgres_only(store)
    with store.transaction():
        units.get(store, unit_code)
        removed = store.execute(
            "DELETE FROM unit_roles WHERE role = ? AND unit_code = ?", (role, unit_code)
        )
        if not removed:
            raise Refused("db.not_granted", role=role, unit=unit_code)
        audit.record(store, "access-revoked", now, unit_code=unit_code, role=role)
        left = [
            row["unit_code"]
            for row in store.query(
                "SELECT unit_code FROM unit_roles WHERE role = ? ORDER BY unit_code", (role,)
            )
        ]
        if not left and access.role_exists(store, role):
            access.revoke(store, role)
    return left
