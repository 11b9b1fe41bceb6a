"""Locks that keep several processes (on one machine or several) from doing the same work:
the scheduler lock (one holder runs the time-driven jobs) and one lock per source (one
crawl of a source at a time).

On PostgreSQL they are session-level advisory locks, held by a connection of their own:
when the holder dies its session ends and the lock is free again. On SQLite (one machine)
they are ``flock`` locks on files in the data directory, freed by the kernel when the
holder dies.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from myrtille.config.settings import Settings
from myrtille.config.sources import SourceBase
from myrtille.store.database import Database

log = logging.getLogger("myrtille.service")

SCHEDULER_LOCK = "myrtille:scheduler"
LOCK_DIR = "locks"


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_try_advisory_lock``, from a name."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class Lock:
    """One named, non-blocking, exclusive lock; ``try_acquire`` never waits."""

    def __init__(self, database: Database, data_dir: Path, name: str) -> None:
        self.name = name
        self._postgres = database.dialect == "postgresql"
        self._url = database.url
        self._path = data_dir / LOCK_DIR / f"{hashlib.sha256(name.encode()).hexdigest()[:24]}.lock"
        self._engine: Any = None
        self._connection: Any = None
        self._file: IO[bytes] | None = None
        self._guard = threading.Lock()

    @property
    def held(self) -> bool:
        return self._connection is not None or self._file is not None

    def try_acquire(self) -> bool:
        with self._guard:
            if self.held:
                return True
            return self._acquire_postgres() if self._postgres else self._acquire_file()

    def alive(self) -> bool:
        """Whether the lock is still ours: on PostgreSQL the session may have been cut
        (server restart, network), and with it the lock."""
        with self._guard:
            if self._connection is None:
                return self._file is not None
            try:
                self._connection.execute(text("SELECT 1"))
                return True
            except Exception as exc:
                log.warning("lost the lock %s with its database session: %s", self.name, exc)
                self._close_postgres()
                return False

    def release(self) -> None:
        with self._guard:
            if self._connection is not None:
                try:
                    self._connection.execute(
                        text("SELECT pg_advisory_unlock(:key)"), {"key": lock_key(self.name)}
                    )
                except Exception:
                    log.warning("could not unlock %s; it goes with the session", self.name)
                self._close_postgres()
            if self._file is not None:
                fcntl.flock(self._file, fcntl.LOCK_UN)
                self._file.close()
                self._file = None

    def _acquire_postgres(self) -> bool:
        # A connection of its own, outside any pool, so that the lock lives exactly as
        # long as this session and no other work ever runs (and commits) on it.
        self._engine = self._engine or create_engine(
            self._url, poolclass=NullPool, isolation_level="AUTOCOMMIT"
        )
        connection = self._engine.connect()
        try:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": lock_key(self.name)}
            ).scalar()
        except Exception:
            connection.close()
            raise
        if got:
            self._connection = connection
            return True
        connection.close()
        return False

    def _close_postgres(self) -> None:
        with suppress(Exception):  # the session is gone already; so is the lock
            self._connection.close()
        self._connection = None

    def _acquire_file(self) -> bool:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self._path, "ab")  # noqa: SIM115 - kept open while the lock is held
        try:
            # flock, not fcntl's record locks: two opens in one process exclude each
            # other too, so threads behave like processes.
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def close(self) -> None:
        self.release()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def scheduler_lock(settings: Settings, database: Database) -> Lock:
    return Lock(database, settings.data_dir, SCHEDULER_LOCK)


@contextmanager
def claimed_sources(
    settings: Settings, database: Database, sources: Sequence[SourceBase]
) -> Iterator[list[SourceBase]]:
    """The ``sources`` this process may crawl now: those whose lock it got and that are
    still due once locked (another process may have crawled one between our choice and
    our lock). The locks are held until the block ends."""
    from myrtille.crawlers.runner import due_sources

    with ExitStack() as stack:
        if database.dialect == "postgresql":
            got = _source_locks_postgres(database, sources, stack)
        else:
            got = _source_locks_files(database, settings.data_dir, sources, stack)
        locked = [s for s in sources if s.id in got]
        for source in sources:
            if source.id not in got:
                log.info("source %s is being crawled by another worker; skipped", source.id)
        if locked:
            still_due = {s.id for s in due_sources(settings, database)}
            locked = [s for s in locked if s.id in still_due]
        yield locked


def _source_key(source_id: str) -> str:
    return f"myrtille:source:{source_id}"


def _source_locks_postgres(
    database: Database, sources: Sequence[SourceBase], stack: ExitStack
) -> set[str]:
    # One connection holds all of this run's source locks (not one per source, which
    # would exhaust the server's connections); autocommit, so it idles outside any
    # transaction while the crawl runs.
    connection = database.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    stack.callback(connection.close)
    stack.callback(connection.execute, text("SELECT pg_advisory_unlock_all()"))
    got = set()
    for source in sources:
        key = lock_key(_source_key(source.id))
        if connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar():
            got.add(source.id)
    return got


def _source_locks_files(
    database: Database, data_dir: Path, sources: Sequence[SourceBase], stack: ExitStack
) -> set[str]:
    got = set()
    for source in sources:
        lock = Lock(database, data_dir, _source_key(source.id))
        if lock.try_acquire():
            stack.callback(lock.close)
            got.add(source.id)
    return got
