"""What the live demo shows of the alerts going out: each new .eml file in the mail folder
(no SMTP server configured), or each delivery marked sent in the outbox (SMTP)."""

from __future__ import annotations

from email import policy
from email.parser import BytesHeaderParser
from pathlib import Path

from sqlalchemy import select

from myrtille.store.database import Database
from myrtille.store.schema import Document, utcnow
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription


class MailFolder:
    """New messages written under ``<data_dir>/mail`` since the watch began."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.seen = set(self._files())

    def new(self) -> list[str]:
        lines = []
        for path in sorted(set(self._files()) - self.seen):
            self.seen.add(path)
            with path.open("rb") as handle:
                headers = BytesHeaderParser(policy=policy.default).parse(handle)
            lines.append(f"✉  to {headers['To']}: {headers['Subject']}  ({path})")
        return lines

    def _files(self) -> list[Path]:
        # Files are written as .tmp and renamed: a .eml is always complete.
        return list(self.folder.glob("*.eml")) if self.folder.is_dir() else []


class SentOutbox:
    """Deliveries marked sent since the watch began (alerts and digest entries)."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.since = utcnow()
        self.reported: set[int] = set()

    def new(self) -> list[str]:
        with self.database.session() as session:
            rows = session.execute(
                select(OutboxItem.id, OutboxItem.channel, Subscriber.email, Document.title)
                .join(Subscription, Subscription.id == OutboxItem.subscription_id)
                .join(Subscriber, Subscriber.id == Subscription.subscriber_id)
                .join(Document, Document.id == OutboxItem.document_id)
                .where(OutboxItem.status == "sent", OutboxItem.sent_at >= self.since)
                .order_by(OutboxItem.id)
            ).all()
        fresh = [row for row in rows if row[0] not in self.reported]
        self.reported.update(row[0] for row in fresh)
        return [f"✉  sent to {email} ({channel}): {title}" for _, channel, email, title in fresh]
