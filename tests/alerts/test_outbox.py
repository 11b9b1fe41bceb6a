"""The outbox written a batch at a time (``write_matches``), on SQLite and PostgreSQL: one
row per (subscription, story, channel), the story's later documents folded in as "also
reported by", in order, each once; and a worker that loses the race for a row folds into
it instead of failing its batch."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import pytest
from sqlalchemy import insert, select, text

from myrtille.alerts.matcher import CompiledSubscription
from myrtille.alerts.outbox import write_matches
from myrtille.index.base import IndexedDocument
from myrtille.index.query import Text
from myrtille.store.database import Database
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription

SUBSCRIPTIONS = [
    CompiledSubscription(n, Text(("x",)), None, channels)
    for n, channels in enumerate([("email",), ("email", "webhook"), ("stream",)], start=1)
]


def make_subscriptions(database: Database) -> None:
    with database.session() as session:
        session.add(Subscriber(id=1, email="pme@exemple.fr"))
        session.flush()
        session.execute(
            insert(Subscription),
            [{"id": s.id, "subscriber_id": 1, "name": "s", "query": "x"} for s in SUBSCRIPTIONS],
        )
        session.commit()


def document(n: int, cluster: int) -> IndexedDocument:
    return IndexedDocument(
        id=f"d{n}",
        url=f"https://a.example/{n}",
        title=f"Article {n}",
        text="",
        source=f"source{n % 3}",
        cluster=f"c{cluster}",
    )


def stored(database: Database) -> dict[tuple[int, str, str], tuple[str, list[str]]]:
    with database.session() as session:
        return {
            (row.subscription_id, row.cluster_id, row.channel): (
                row.document_id,
                [item["id"] for item in row.also_reported_by],
            )
            for row in session.scalars(select(OutboxItem))
        }


def test_batches_give_one_row_per_story_and_fold_the_rest_in_order(database: Database) -> None:
    """Random batches against the meaning of the outbox, kept in a dict: the first
    document of a story owns its row, every other one is listed once, in arrival order."""
    make_subscriptions(database)
    rng = random.Random(16)
    expected: dict[tuple[int, str, str], tuple[str, list[str]]] = {}
    queued = folded = 0
    for _batch in range(12):
        batch = []
        for _ in range(rng.randrange(1, 8)):
            # A replayed document (same id) sometimes: it must not be listed again.
            n = rng.randrange(30)
            doc = document(n, cluster=n % 6)
            batch.append((doc, rng.sample(SUBSCRIPTIONS, rng.randrange(0, 3))))
        for doc, subscriptions in batch:
            for subscription in subscriptions:
                for channel in subscription.channels:
                    key = (subscription.id, doc.cluster or doc.id, channel)
                    if key not in expected:
                        expected[key] = (doc.id, [])
                        queued += 1
                    elif doc.id != expected[key][0] and doc.id not in expected[key][1]:
                        expected[key][1].append(doc.id)
                        folded += 1
        with database.session() as session:
            report = write_matches(session, batch)
            session.commit()
        queued -= report.queued
        folded -= report.folded
    assert stored(database) == expected
    assert (queued, folded) == (0, 0)
    with database.session() as session:
        row = next(r for r in session.scalars(select(OutboxItem)) if r.also_reported_by)
    assert row.status == "pending" and row.attempts == 0 and row.next_attempt_at is not None
    listed: dict[str, Any] = row.also_reported_by[0]
    number = int(listed["id"][1:])
    assert listed == {
        "id": f"d{number}",
        "source": f"source{number % 3}",
        "url": f"https://a.example/{number}",
        "title": f"Article {number}",
    }


def test_a_worker_that_loses_the_race_for_a_row_folds_into_it(
    database: Database, state_url: str
) -> None:
    """Two workers write the same story's row at once: the second waits for the first's
    commit, then folds its document into the row (before: a unique-key error)."""
    if not state_url.startswith("postgresql"):
        pytest.skip("SQLite takes one writer at a time: no two batches overlap")
    make_subscriptions(database)
    subscription = SUBSCRIPTIONS[0]
    outcome: list[Any] = []
    with database.session() as first:
        write_matches(first, [(document(1, cluster=1), [subscription])])
        pid = first.execute(text("select pg_backend_pid()")).scalar_one()

        def second_worker() -> None:
            try:
                with database.session() as second:
                    batch = [(document(2, cluster=1), [subscription])]
                    outcome.append(write_matches(second, batch))
                    second.commit()
            except Exception as exc:  # reported by the assertion below
                outcome.append(exc)

        worker = threading.Thread(target=second_worker)
        worker.start()
        with database.engine.connect() as watcher:
            # The second worker's insert waits on the first's uncommitted row.
            while not watcher.execute(
                text(
                    "select count(*) from pg_locks w join pg_locks h "
                    "on w.transactionid = h.transactionid and not w.granted and h.granted "
                    "where h.pid = :pid"
                ),
                {"pid": pid},
            ).scalar_one():
                watcher.rollback()
                time.sleep(0.01)
        first.commit()
    worker.join()
    assert [(r.queued, r.folded) for r in outcome] == [(0, 1)]
    assert stored(database) == {(1, "c1", "email"): ("d1", ["d2"])}
