"""What ``myrtille run`` repairs at start after a kill -9, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from myrtille.index.sqlite import SQLiteIndex
from myrtille.service.runner import recover
from myrtille.store.database import Database
from myrtille.store.schema import Document
from myrtille.store.subscriptions import OutboxItem
from tests.service.test_retention import DAY, NOW, Corpus, settings_with


def test_recover_gives_work_back_and_indexes_the_last_batch(
    database: Database, tmp_path: Path
) -> None:
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    corpus = Corpus(database, index)
    for name in ("first", "second", "third"):
        corpus.add(name, published=NOW - DAY, collected=NOW - DAY)
    claimed = corpus.add("claimed", published=NOW, collected=NOW, status="claimed")
    with database.session() as session:
        session.execute(
            update(Document)
            .where(Document.id == claimed)
            .values(claimed_by="process:killed", claimed_at=NOW - DAY / 24)
        )
    corpus.deliver("first", "sending")
    corpus.deliver("second", "sent", sent_at=NOW)
    # A kill after the batch's commit and before its indexing leaves this.
    index.delete([corpus.ids["third"]])
    assert corpus.in_index() == {"first", "second"}

    recovered = recover(settings_with(tmp_path, None), database, index)

    assert (recovered.claims, recovered.sending, recovered.reindexed) == (1, 1, 1)
    assert corpus.in_index() == {"first", "second", "third"}
    with database.session() as session:
        statuses = dict(session.execute(select(Document.id, Document.status)).all())
        deliveries = sorted(session.scalars(select(OutboxItem.status)))
    assert statuses[corpus.ids["claimed"]] == "pending"
    assert deliveries == ["pending", "sent"]
    # Nothing left to repair: a second start changes nothing.
    again = recover(settings_with(tmp_path, None), database, index)
    assert (again.claims, again.sending, again.reindexed) == (0, 0, 0)
    assert index.count() == 3
    index.close()
