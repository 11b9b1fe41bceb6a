"""Named locks that keep several processes (on one machine or several) from doing the same
work: the scheduler lock (one holder runs the time-driven jobs) and one lock per source
(one crawl of a source at a time, whether the crawl job or an agent's "poll now" asks).

On PostgreSQL they are session-level advisory locks, held by a connection of their own:
when the holder dies its session ends and the lock is free again. On SQLite (one machine)
they are ``flock`` locks on files in the data directory, freed by the kernel when the
holder dies. They live here, below the service and the web app, because both take them.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import threading
from collections.abc import Iterable, Sequence
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import IO, Any

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from myrtille.store.database import Database

log = logging.getLogger("myrtille.service")

LOCK_DIR = "locks"


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_try_advisory_lock``, from a name."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def source_lock_name(source_id: str) -> str:
    return f"myrtille:source:{source_id}"


class Lock:
    """One named, non-blocking, exclusive lock; ``try_acquire`` never waits."""

    def __init__(self, database: Database, data_dir: Path, name: str) -> None:
        self.name = name
        self._postgres = database.dialect == "postgresql"
        self._url = database.url
        self._path = lock_path(data_dir, name)
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


def lock_path(data_dir: Path, name: str) -> Path:
    return data_dir / LOCK_DIR / f"{hashlib.sha256(name.encode()).hexdigest()[:24]}.lock"


def source_lock(database: Database, data_dir: Path, source_id: str) -> Lock:
    return Lock(database, data_dir, source_lock_name(source_id))


def lock_sources(
    database: Database, data_dir: Path, sources: Sequence[str], stack: ExitStack
) -> set[str]:
    """Lock what it can of ``sources`` (ids) until ``stack`` closes; the ids it got."""
    if database.dialect != "postgresql":
        got = set()
        for source_id in sources:
            lock = source_lock(database, data_dir, source_id)
            if lock.try_acquire():
                stack.callback(lock.close)
                got.add(source_id)
        return got
    # One connection holds all of this run's source locks (not one per source, which
    # would exhaust the server's connections); autocommit, so it idles outside any
    # transaction while the crawl runs.
    connection = database.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    stack.callback(connection.close)
    stack.callback(connection.execute, text("SELECT pg_advisory_unlock_all()"))
    got = set()
    for source_id in sources:
        key = lock_key(source_lock_name(source_id))
        if connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar():
            got.add(source_id)
    return got


def sources_locked(database: Database, data_dir: Path, sources: Iterable[str]) -> set[str]:
    """The ``sources`` (ids) some process is crawling now, as far as their locks tell."""
    if database.dialect == "postgresql":
        # pg_locks shows a bigint advisory key as its high and low 32 bits (objsubid 1).
        with database.engine.connect() as connection:
            held = {
                (int(row[0]) << 32) | int(row[1])
                for row in connection.execute(
                    text(
                        "SELECT classid, objid FROM pg_locks WHERE locktype = 'advisory' "
                        "AND objsubid = 1 AND granted AND database = "
                        "(SELECT oid FROM pg_database WHERE datname = current_database())"
                    )
                )
            }
        return {s for s in sources if lock_key(source_lock_name(s)) % 2**64 in held}
    return {s for s in sources if _file_locked(lock_path(data_dir, source_lock_name(s)))}


def _file_locked(path: Path) -> bool:
    # A shared probe: it waits for nobody and stops no other reader; a crawl that tries
    # the lock in the same instant finds it taken and leaves the source to its next run.
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False
