"""The store: a small interface over one SQL database.

The core writes portable SQL (``?`` placeholders, no dialect features) and goes through
:class:`Store`; each backend's adapter owns what differs (connection, locking, identity
columns). SQLite, one file in the workspace, is the default; PostgreSQL
(:mod:`spokes.store.postgres`) serves a database that many units share.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

Row = dict[str, Any]
Params = Sequence[Any]


class Store(Protocol):
    identity: str  # the column type of a generated integer key in this dialect
    backend: str  # "sqlite" or "postgresql"

    def query(self, sql: str, params: Params = ()) -> list[Row]: ...

    def query_one(self, sql: str, params: Params = ()) -> Row | None: ...

    def scalar(self, sql: str, params: Params = ()) -> Any: ...

    def execute(self, sql: str, params: Params = ()) -> int:
        """Runs one statement; returns the number of rows it changed."""

    def insert(self, sql: str, params: Params = ()) -> Any:
        """Runs an ``INSERT ... RETURNING id`` and returns that id."""

    def transaction(self) -> AbstractContextManager[None]:
        """All or nothing; a write transaction takes the write lock at its start."""

    def next_value(self, counter: str) -> int:
        """The next number of a named counter, inside the current transaction."""

    def make_append_only(self, table: str) -> None:
        """Makes the database itself refuse UPDATE and DELETE on ``table`` (the audit trail)."""

    def tables(self) -> list[str]:
        """The names of the tables in the database, sorted."""

    def after_import(self) -> None:
        """Called after rows were written with their ids kept (import, copy)."""

    def backup(self, target: Path) -> dict[str, int]:
        """Copies the whole database, consistent as of one moment, into the new file ``target``
        (readable by its owner only) while others go on using it; returns the number of rows
        of each table in the copy."""

    def close(self) -> None: ...


def open_store(path: Path, url: str | None = None, migrate: bool = True) -> Store:
    """Opens the workspace's database: the PostgreSQL one ``url`` names, else the SQLite file
    at ``path``; creating and migrating it on first use unless ``migrate`` is false."""
    from spokes.store import migrations

    store: Store
    if url:
        from spokes.store.postgres import PostgresStore  # psycopg only when it is asked for

        store = PostgresStore(url)
    else:
        from spokes.store.sqlite import SQLiteStore

        store = SQLiteStore(path)
    if migrate:
        try:
            migrations.migrate(store)
        except BaseException:
            store.close()
            raise
    return store
