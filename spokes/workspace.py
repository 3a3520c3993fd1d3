"""Where a workspace lives and what it is: paths, config, language, zone, the store.

``SPOKES_HOME`` names the folder; without it, the platform's user data folder (platformdirs).
The folder, the database (mode 0600) and its schema are created on the first command that
needs the database; ``where``, ``--help`` and a missing config only read defaults.
``SPOKES_DATABASE_URL`` (or ``[database] url`` in the config) puts the records in a shared
PostgreSQL database instead; config and templates stay in the folder.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from spokes import clock, config
from spokes.errors import InvalidInput
from spokes.i18n import Lang
from spokes.store import Store

ENV_HOME = "SPOKES_HOME"
ENV_USER = "SPOKES_USER"
ENV_DATABASE = "SPOKES_DATABASE_URL"
DB_NAME = "spokes.db"
CONFIG_NAME = "config.toml"


def home() -> tuple[Path, str]:
    """The workspace folder and where that choice came from."""
    explicit = os.environ.get(ENV_HOME)
    if explicit:
        return Path(explicit).expanduser(), ENV_HOME
    from platformdirs import user_data_path  # only when no SPOKES_HOME is set

    return user_data_path("spokes", appauthor=False), "platformdirs"


def actor() -> str:
    """Who is acting, for the audit trail: ``SPOKES_USER``, else the operating-system user."""
    explicit = os.environ.get(ENV_USER)
    if explicit:
        return explicit
    import getpass  # only when writing the audit trail

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in a bare container
        return f"uid:{os.getuid()}"


@dataclass
class Workspace:
    root: Path
    root_source: str
    config: config.Config
    lang: Lang = "en"
    lang_source: str = "default"
    own_file: bool = False  # the workspace's SQLite file whatever names a shared database
    _store: Store | None = field(default=None, repr=False)
    _created: bool = field(default=False, repr=False)

    @classmethod
    def load(cls) -> Workspace:
        root, source = home()
        return cls(root=root, root_source=source, config=config.load(root / CONFIG_NAME))

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def database_url(self) -> tuple[str | None, str]:
        """The PostgreSQL database in use and where that choice came from; ``None`` for the
        workspace's own SQLite file."""
        if self.own_file:
            return None, "demo"
        explicit = os.environ.get(ENV_DATABASE, "").strip()
        if explicit:
            from spokes.store.url import is_postgres, redact

            if not is_postgres(explicit):
                raise InvalidInput("store.bad_url", url=redact(explicit), source=ENV_DATABASE)
            return explicit, ENV_DATABASE
        if self.config.database_url:
            return self.config.database_url, "config"
        return None, "default"

    @property
    def backend(self) -> str:
        return "postgresql" if self.database_url[0] else "sqlite"

    @property
    def tz(self) -> ZoneInfo:
        return clock.zone(self.config.timezone)

    @property
    def store(self) -> Store:
        """The database, created and migrated on first use."""
        if self._store is None:
            from spokes.store import open_store

            url, _ = self.database_url
            self._created = not (self.db_path if url is None else self.root).exists()
            self._store = open_store(self.db_path, url)
            if url is not None:  # the records are elsewhere; config and templates stay here
                self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self._store

    def now(self) -> datetime:
        return clock.now()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def abandon(self) -> None:
        """After a refused command: a database this very run created holds nothing of the
        user's, so it goes, and a failed first command leaves no trace."""
        created = self._store is not None and self._created
        self.close()
        if not created:
            return
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # the folder holds something else: keep it
            self.root.rmdir()
