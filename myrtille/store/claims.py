"""Claims whose holder is alive, as other processes can see it (PostgreSQL).

A process that claims work (intake documents, outbox deliveries) holds, for as long as
the claim lasts, a session-level advisory lock ``(namespace, key)`` on a connection of its
own. When it dies, even by ``kill -9``, its session ends and the lock goes with it: other
workers find the claim without a holder and give it back at once, instead of after the
claim's stale age (an hour for documents, 15 minutes for deliveries). The lock is taken
before the claim commits and let go after the work's own commit, so a committed claim
without its lock means a dead holder, or a holder whose session the database cut (a
restart cuts them all) while it lives on: that one takes each lock again before using
its claim (``keep``), and leaves the claim to whoever holds it by then.

On SQLite there is nothing to hold: one machine, and ``myrtille run`` gives every claim
back at start; the stale ages stay the rule for workers there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from contextlib import suppress
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from myrtille.store.database import Database

log = logging.getLogger(__name__)

# Advisory lock namespaces (the first int4 of pg_advisory_lock(int4, int4)).
INTAKE = 0x4D590001
OUTBOX = 0x4D590002


class ClaimHolds:
    """The locks of one process's claims, on a connection of their own (opened when first
    needed, opened again after the database went away)."""

    def __init__(self, database: Database) -> None:
        self.enabled = database.dialect == "postgresql"
        self._url = database.url
        self._engine: Any = None
        self._connection: Any = None
        # The keys the session of ``_connection`` holds: none once it is dropped.
        self._held: set[tuple[int, int]] = set()
        self._guard = threading.Lock()

    def hold(self, namespace: int, keys: Iterable[int]) -> bool:
        """Hold ``keys``; False when they could not be held (the claims are then
        protected by their age only, as before). ``holding`` says which were: a key
        another live session holds is not taken."""
        if not self.enabled:
            return False
        keys = list(keys)
        with self._guard:
            for attempt in (1, 2):
                try:
                    connection = self._connect()
                    for key in keys:
                        # Never waits: a key another session holds is that session's claim.
                        if connection.execute(
                            text("SELECT pg_try_advisory_lock(:ns, :key)"),
                            {"ns": namespace, "key": key},
                        ).scalar():
                            self._held.add((namespace, key))
                    return True
                except Exception as exc:  # a connection the database cut: one new try
                    self._drop()
                    if attempt == 2:
                        log.warning("could not hold claims (%s); their age protects them", exc)
        return False

    def holding(self, namespace: int, keys: Iterable[int]) -> list[int]:
        """Those of ``keys`` this process holds (as far as it knows: see ``keep``)."""
        return [key for key in keys if (namespace, key) in self._held]

    def keep(self, namespace: int, key: int) -> bool:
        """Whether ``key`` is still held, taken again when the database cut the session
        that held it (a restart cuts every session, and its locks go with it while this
        process lives on: other processes would take its claims for a dead one's). False
        when another session holds it now: the claim is not this process's any more.
        Raises when the database cannot be reached (nor then can the claim be used)."""
        if not self.enabled:
            return True
        with self._guard:
            if self._connection is not None:
                try:
                    self._connection.execute(text("SELECT 1"))
                except Exception:
                    self._drop()
            if (namespace, key) in self._held:
                return True
            taken = self._connect().execute(
                text("SELECT pg_try_advisory_lock(:ns, :key)"), {"ns": namespace, "key": key}
            )
            if not taken.scalar():
                return False
            self._held.add((namespace, key))
            return True

    def let_go(self, namespace: int, keys: Iterable[int]) -> None:
        if not self.enabled or self._connection is None:
            return
        with self._guard:
            try:
                for key in keys:
                    if (namespace, key) in self._held:
                        self._held.discard((namespace, key))
                        self._connection.execute(
                            text("SELECT pg_advisory_unlock(:ns, :key)"),
                            {"ns": namespace, "key": key},
                        )
            except Exception:
                # Its session is gone, and with it every lock it held.
                self._drop()

    def close(self) -> None:
        with self._guard:
            self._drop()
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    def _connect(self) -> Any:
        if self._connection is None:
            self._engine = self._engine or create_engine(
                self._url, poolclass=NullPool, isolation_level="AUTOCOMMIT"
            )
            self._connection = self._engine.connect()
        return self._connection

    def _drop(self) -> None:
        self._held.clear()
        if self._connection is not None:
            # Already broken, maybe: nothing else to close then.
            with suppress(Exception):
                self._connection.close()
            self._connection = None


def held(session: Session, namespace: int) -> set[int]:
    """The keys of ``namespace`` some live session holds now (PostgreSQL only)."""
    rows = session.execute(
        text(
            "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND objsubid = 2 AND classid = :ns"
        ),
        {"ns": namespace},
    )
    return {int(row[0]) for row in rows}


class Unsettled:
    """Claims this process made and could not settle because the database refused a write
    (a full disk, a lost connection): the work is this process's own, so it gives them
    back at its next run instead of leaving them to their stale age. Keyed by database,
    each claim with the claim moments it may carry (a later claim has another)."""

    def __init__(self) -> None:
        self._owed: dict[str, list[tuple[Any, list[Any]]]] = {}
        self._guard = threading.Lock()

    def add(self, database: Database, claims: Iterable[tuple[Any, list[Any]]]) -> None:
        with self._guard:
            self._owed.setdefault(str(database.url), []).extend(claims)

    def take(self, database: Database) -> list[tuple[Any, list[Any]]]:
        with self._guard:
            return self._owed.pop(str(database.url), [])


# The outbox's: dispatchers are made per run, the process outlives them.
UNSETTLED_OUTBOX = Unsettled()
