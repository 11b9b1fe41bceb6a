"""What a chaos run is judged on: what was published, stored, indexed, recorded in the
outbox ledger, and what the SMTP server and the webhook receiver actually received.

A duplicate is one outbox row (one subscription, story and channel) received twice on
its channel. The one documented window (docs/reliability.md) is a row the receiver had
already accepted when the process sending it was killed, or whose record a full disk
refused, before the ledger recorded it: ``in_window`` reads that off the receivers and
the ledger right after each such kill, and once the full disk has room again; those rows,
and only those, may arrive twice (raw). Deduplicated by the id every send of
a row carries (email ``Message-ID``, webhook ``webhook-id``), nothing may be repeated.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
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


def in_window(database: Database, mail: MailRecorder, hooks: PostServer) -> set[int]:
    """Rows a receiver has and the ledger does not record as sent (read after a kill of
    the process sending them: nothing changes the ledger for them meanwhile; or once a
    full disk has room again: every refused record is behind us, and its row waits for
    the dispatch job's next try)."""
    got = received_rows(mail, hooks)
    sent = {row.id for row in ledger(database) if row.status == "sent"}
    return {row for counts in got.values() for row in counts if row not in sent and row > 0}


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
