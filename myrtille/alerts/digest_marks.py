"""The marks of sent digests, written a group at a time: the watermark row (``digest_run``)
of each digest and its outbox rows marked sent.

A transaction per digest cost a sixth of a digest run's time. Here the marks of up to
``MARKS`` digests sent (or of those sent within ``MARKS_SECONDS``) go in one transaction:
a crash between a send and its mark sends that digest again at the next run — it is never
lost — and the group bounds how many. The caller writes what it holds at the end of each
chunk of subscribers and on any error.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, insert, update
from sqlalchemy.exc import IntegrityError

from myrtille.store.database import Database
from myrtille.store.schema import utcnow
from myrtille.store.subscriptions import DigestRun, OutboxItem

MARKS = 100
MARKS_SECONDS = 1.0
_RECORD_RUN = insert(DigestRun.__table__)
_OUTBOX = OutboxItem.__table__
_MARK_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("row_id"))
    .values(
        status="sent",
        sent_at=bindparam("now", type_=_OUTBOX.c.sent_at.type),
        attempts=_OUTBOX.c.attempts + 1,
    )
)


@dataclass(frozen=True)
class _Mark:
    subscriber_id: int
    slot: str
    row_ids: list[int]
    items: int
    sent_at: datetime


class DigestMarks:
    """Marks of one digest run (one frequency), added by the threads that send and
    written by the run's own thread."""

    def __init__(self, database: Database, frequency: str) -> None:
        self.database = database
        self.frequency = frequency
        self._lock = threading.Lock()
        self._held: list[_Mark] = []
        self._since = 0.0

    def add(self, subscriber_id: int, slot: str, row_ids: list[int], items: int) -> None:
        """A digest sent (or found empty) for ``slot``: its rows are marked sent."""
        mark = _Mark(subscriber_id, slot, row_ids, items, utcnow())
        with self._lock:
            if not self._held:
                self._since = time.monotonic()
            self._held.append(mark)

    def write_if_due(self) -> None:
        with self._lock:
            due = len(self._held) >= MARKS or (
                bool(self._held) and time.monotonic() - self._since >= MARKS_SECONDS
            )
        if due:
            self.write()

    def write(self) -> None:
        """Write the marks held, in one transaction; if one of them cannot be (a digest
        run by someone else for the same slot), each on its own, then raise."""
        with self._lock:
            marks, self._held = self._held, []
        if not marks:
            return
        try:
            self._write(marks)
        except IntegrityError:
            failed: IntegrityError | None = None
            for mark in marks:
                try:
                    self._write([mark])
                except IntegrityError as exc:
                    failed = failed or exc
            if failed is not None:
                raise failed from None

    def _write(self, marks: list[_Mark]) -> None:
        with self.database.session() as session:
            # Statements built once, run on the connection: thousands of rows a run.
            connection = session.connection()
            connection.execute(
                _RECORD_RUN,
                [
                    {
                        "subscriber_id": mark.subscriber_id,
                        "frequency": self.frequency,
                        "slot": mark.slot,
                        "items": mark.items,
                        "sent_at": mark.sent_at,
                    }
                    for mark in marks
                ],
            )
            rows = [{"row_id": i, "now": mark.sent_at} for mark in marks for i in mark.row_ids]
            if rows:
                connection.execute(_MARK_SENT, rows)
