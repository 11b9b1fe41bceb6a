"""What a chaos run is judged on: what was published, stored, indexed, recorded in the
outbox ledger, and what the SMTP server and the webhook receiver actually received.

A duplicate is one outbox row (one subscription, story and channel) received twice on
its channel. The one documented window (docs/reliability.md) is a row the receiver had
already accepted when the process sending it was killed, or whose record the database
refused (a full disk, its restart), before the ledger recorded it: ``in_window`` reads
that off the receivers and the ledger after each such fault; those rows, and only those,
may arrive twice (raw). Deduplicated by the id every send of a row carries (email
``Message-ID``, webhook ``webhook-id``), nothing may be repeated.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from myrtille.store.database import Database
from myrtille.store.schema import Document
from myrtille.store.subscriptions import OutboxItem
from tests.alerts.test_webhook import PostServer
from tests.chaos.newsroom import MailRecorder, Newsroom, webhook_ids

_MAIL_ROW = re.compile(r"<alert\.(\d+)\.")
_HOOK_ROW = re.compile(r"msg_(\d+)$")


def received_rows(mail: MailRecorder, hooks: PostServer) -> dict[str, Counter[int]]:
    """Outbox row id -> times received, per channel, from what the servers got."""
    email: Counter[int] = Counter()
    for message_id, n in mail.message_ids().items():
        found = _MAIL_ROW.match(message_id)
        email[int(found.group(1)) if found else -1] += n
    webhook: Counter[int] = Counter()
    for hook_id, n in webhook_ids(hooks).items():
        found = _HOOK_ROW.match(hook_id)
        webhook[int(found.group(1)) if found else -1] += n
    return {"email": email, "webhook": webhook}


def ledger(database: Database) -> list[OutboxItem]:
    with database.session() as session:
        rows = list(session.scalars(select(OutboxItem)))
        session.expunge_all()
        return rows


def in_window(
    database: Database,
    mail: MailRecorder,
    hooks: PostServer,
    fault: datetime,
    under_way: Collection[int] = (),
) -> set[int]:
    """Rows whose copies on the receivers the ledger does not account for, read after a
    fault at ``fault``: received and not recorded as sent; or received twice and recorded
    only after the fault. The second kind is the window's row once another dispatcher has
    sent it again and recorded it: the fault's copy (accepted, never recorded) plus the
    recorded one. A killed process's locks go with it, so another dispatcher takes the
    row back at its next run (within a second), and that can come before this read or
    between two reads. A row recorded before the fault is never in it, however many
    copies arrived: what reached a receiver was accounted for then.

    ``under_way``: the rows claimed ("sending") when the database cut every session (a
    restart). The one a dispatcher was sending then lost its lock with its session, and
    another may send it again even once its first copy is recorded: each that a receiver
    has counts."""
    got = received_rows(mail, hooks)
    recorded = {row.id: row for row in ledger(database) if row.status == "sent"}
    window = set()
    for counts in got.values():
        for row_id, copies in counts.items():
            if row_id <= 0:
                continue
            row = recorded.get(row_id)
            recorded_at = row.sent_at if row is not None else None
            sent_again = copies > 1 and recorded_at is not None and recorded_at >= fault
            if row is None or row_id in under_way or sent_again:
                window.add(row_id)
    return window


def claimed(database: Database) -> set[int]:
    """The rows claimed now ("sending"): read just before the database is restarted."""
    return {row.id for row in ledger(database) if row.status == "sending"}


@dataclass
class Audit:
    published: int = 0
    stored: int = 0
    stored_twice: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    not_done: Counter[str] = field(default_factory=Counter)
    indexed: int = 0
    indexed_twice: int = 0
    not_indexed: int = 0
    stories: int = 0
    rows: int = 0
    rows_not_sent: list[str] = field(default_factory=list)
    stories_without_row: list[str] = field(default_factory=list)
    received: int = 0
    lost: list[int] = field(default_factory=list)
    unknown: int = 0
    raw_duplicates: list[int] = field(default_factory=list)
    duplicates_outside_window: list[int] = field(default_factory=list)

    def problems(self) -> list[str]:
        found = []
        for name in (
            "stored_twice",
            "missing",
            "not_done",
            "rows_not_sent",
            "stories_without_row",
            "lost",
            "duplicates_outside_window",
        ):
            if getattr(self, name):
                found.append(f"{name}: {getattr(self, name)}")
        if self.indexed_twice or self.not_indexed or self.unknown:
            found.append(
                f"index twice {self.indexed_twice}, not indexed {self.not_indexed}, "
                f"unknown messages {self.unknown}"
            )
        return found


def audit(
    newsroom: Newsroom,
    database: Database,
    index_file: Path,
    mail: MailRecorder,
    hooks: PostServer,
    window: set[int],
    channels: tuple[str, ...] = ("email", "webhook"),
) -> Audit:
    result = Audit(published=len(newsroom.articles))
    with database.session() as session:
        documents = session.execute(
            select(Document.id, Document.url, Document.status, Document.cluster_id)
        ).all()
    by_path = Counter(url.split("127.0.0.1", 1)[-1].split("/", 1)[-1] for _, url, _, _ in documents)
    for article in newsroom.articles:
        n = by_path[article.path.lstrip("/")]
        if n == 0:
            result.missing.append(article.path)
        elif n > 1:
            result.stored_twice.append(article.path)
    result.stored = len(documents)
    result.not_done = Counter(status for _, _, status, _ in documents if status != "done")
    done = {doc_id for doc_id, _, status, _ in documents if status == "done"}
    index = sqlite3.connect(index_file)
    try:
        ids = [row[0] for row in index.execute("SELECT id FROM docs")]
        fts = index.execute("SELECT count(*) FROM fts").fetchone()[0]
    finally:
        index.close()
    result.indexed = len(set(ids))
    result.indexed_twice = len(ids) - len(set(ids)) + abs(fts - len(ids))
    result.not_indexed = len(done - set(ids)) + len(set(ids) - done)

    stories = {cluster for _, _, status, cluster in documents if status == "done"}
    result.stories = len(stories)
    rows = ledger(database)
    result.rows = len(rows)
    result.rows_not_sent = [f"#{r.id} {r.channel} {r.status}" for r in rows if r.status != "sent"]
    have = {(r.cluster_id, r.channel) for r in rows}
    result.stories_without_row = [
        f"{story} {channel}"
        for story in stories
        for channel in channels
        if (story, channel) not in have
    ]
    got = received_rows(mail, hooks)
    result.received = sum(sum(c.values()) for c in got.values())
    result.unknown = sum(c.get(-1, 0) for c in got.values())
    for row in rows:
        n = got.get(row.channel, Counter())[row.id]
        if n == 0:
            result.lost.append(row.id)
        elif n > 1:
            result.raw_duplicates.append(row.id)
            if row.id not in window or n > 2:
                result.duplicates_outside_window.append(row.id)
    return result
