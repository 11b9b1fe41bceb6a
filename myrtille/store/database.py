"""Connecting to the state database and keeping its schema current."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from myrtille.exceptions import ConfigError
from myrtille.store import company_words  # noqa: F401 (keeps company_word in step)

SQLITE_BUSY_TIMEOUT_MS = 30_000
# pg_advisory_xact_lock key of schema migrations ("myrtille" in ASCII).
MIGRATION_LOCK_KEY = 0x6D797274696C6C65

log = logging.getLogger("myrtille.store")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers go on while one writer commits; the busy timeout waits out that writer.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _quiet_alembic() -> None:
    """Alembic says "Context impl SQLiteImpl." at INFO each time a process opens the
    state: noise on every console. Our own line says when the schema changed; a logging
    configuration that gives the "alembic" logger a level of its own is kept."""
    alembic = logging.getLogger("alembic")
    if alembic.level == logging.NOTSET:
        alembic.setLevel(logging.WARNING)


class Database:
    """The state database of one Myrtille installation."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ConfigError(
                f"'{url}' is not a database URL",
                key="database_url",
                hint="e.g. sqlite:////path/myrtille.db or postgresql+psycopg://user@host/db",
            ) from None
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        self.url = parsed
        self.dialect = parsed.get_backend_name()
        kwargs: dict[str, Any] = {"echo": echo}
        if self.dialect == "sqlite":
            if parsed.database:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = create_engine(parsed, **kwargs)
        except (NoSuchModuleError, ModuleNotFoundError) as exc:
            raise ConfigError(
                f"no driver for '{parsed.drivername}': {exc}",
                key="database_url",
                hint="install the extra, e.g. pip install 'myrtille[postgres]'",
            ) from None
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def supports_skip_locked(self) -> bool:
        return self.dialect == "postgresql"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic)."""
        _quiet_alembic()  # before the import: importing alembic logs its plugins
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext

        config = Config()
        config.set_main_option(
            "script_location", str(resources.files("myrtille.store") / "migrations")
        )
        try:
            with self._migration_lock(), self.engine.begin() as connection:
                if self.dialect == "postgresql":
                    # Released with this transaction: processes starting together on an
                    # empty database migrate one after the other (the next finds it done).
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                config.attributes["connection"] = connection
                before = MigrationContext.configure(connection).get_current_revision()
                command.upgrade(config, "head")
                after = MigrationContext.configure(connection).get_current_revision()
        except OperationalError as exc:
            raise ConfigError(
                f"cannot open the state database {self.url!r}: {exc.orig}",
                key="database_url",
                hint="check that the server runs and the URL is right",
            ) from None
        if after != before:
            log.info("state schema upgraded from %s to %s", before or "nothing", after)

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """On a SQLite file, an exclusive lock on a file beside it for the migration (the
        kernel frees it if the process dies); PostgreSQL locks inside the transaction."""
        path = self.engine.url.database if self.dialect == "sqlite" else None
        if not path or path == ":memory:" or path.startswith("file:"):
            yield
            return
        with open(f"{path}.migrate-lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Connect and migrate: what every command does before touching state."""
    database = Database(url)
    database.migrate()
    return database
