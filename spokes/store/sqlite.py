"""The SQLite adapter: the embedded default, one file in the workspace."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spokes.errors import Refused
from spokes.store import Params, Row


class SQLiteStore:
    identity = "INTEGER PRIMARY KEY"
    backend = "sqlite"
    busy_seconds = 10.0  # how long a writer waits for another to finish before giving up

    def __init__(self, path: Path) -> None:
        self.path = path
        _create_private(path)
        # Autocommit mode: transactions are explicit, begun by `transaction()` only.
        self._db = sqlite3.connect(path, isolation_level=None, timeout=self.busy_seconds)
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute(f"PRAGMA busy_timeout = {int(self.busy_seconds * 1000)}")
        # WAL lets a reader (status, watch) run while a writer commits.
        self._db.execute("PRAGMA journal_mode = WAL")
        self._depth = 0

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        cursor = self._db.execute(sql, params)
        names = _names(cursor)
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def query_one(self, sql: str, params: Params = ()) -> Row | None:
        cursor = self._db.execute(sql, params)
        row = cursor.fetchone()
        return dict(zip(_names(cursor), row, strict=True)) if row is not None else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self._db.execute(sql, params).fetchone()
        return row[0] if row is not None else None

    def execute(self, sql: str, params: Params = ()) -> int:
        return self._db.execute(sql, params).rowcount

    def insert(self, sql: str, params: Params = ()) -> Any:
        row = self._db.execute(sql, params).fetchone()
        return row[0] if row is not None else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:  # nested: part of the enclosing transaction
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        # IMMEDIATE takes the write lock now, so two writers queue instead of deadlocking.
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            # Another process has held the write lock for all of busy_seconds: not a bug.
            busy = Refused("store.busy", path=str(self.path), seconds=int(self.busy_seconds))
            raise busy from None
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def next_value(self, counter: str) -> int:
        changed = self.execute("UPDATE counters SET value = value + 1 WHERE name = ?", (counter,))
        if not changed:
            self.execute("INSERT INTO counters (name, value) VALUES (?, 1)", (counter,))
        return int(self.scalar("SELECT value FROM counters WHERE name = ?", (counter,)))

    def make_append_only(self, table: str) -> None:
        for action in ("UPDATE", "DELETE"):
            self.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}"
                f" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
            )

    def tables(self) -> list[str]:
        return sorted(_table_names(self._db))

    def after_import(self) -> None:
        """Nothing to do: SQLite's next generated id is always the largest one plus one."""

    def backup(self, target: Path) -> dict[str, int]:
        # Exclusive and 0600 from the start: the copy must be new, and it holds names and phones.
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        copy = sqlite3.connect(target)
        try:
            # The online backup API reads one committed snapshot, whoever else reads or writes.
            self._db.backup(copy)
            # One self-contained file: in WAL mode the copy would need a -wal file beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
            return _row_counts(copy)
        finally:
            copy.close()

    def close(self) -> None:
        self._db.close()


def _names(cursor: sqlite3.Cursor) -> list[str]:
    # Plain tuples zipped with the column names: twice as fast as sqlite3.Row, then dict().
    return [column[0] for column in cursor.description]


def _table_names(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [name for (name,) in rows]


def _row_counts(db: sqlite3.Connection) -> dict[str, int]:
    names = _table_names(db)
    return {name: db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def _create_private(path: Path) -> None:
    """Creates the database file readable by its owner only: it holds names and phones."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
