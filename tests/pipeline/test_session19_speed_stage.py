"""Session 19, speed: the statements the processing stage runs every batch (the claim, the
stale claims given back, the completion, the stored rows, the versions of subscriptions and
portfolios, the story join's read of stories and alerts) are built once and given their
values when run; the database receives the SQL and the values that a statement built each
time, as before, sends (SQLite and PostgreSQL). The join takes the batch's own reports
as read rather than decoding their rows a second time."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from myrtille.alerts.subscriptions import subscriptions_version
from myrtille.enrichment.stored_portfolios import portfolios_version
from myrtille.pipeline import intake_queue
from myrtille.pipeline.stories import (
    _alerted,
    _created,
    _linked_within,
    _of_documents,
    _reports,
)
from myrtille.service.processing import _new_rows, _stored, stored_versions
from myrtille.store.companies import Portfolio
from myrtille.store.database import Database
from myrtille.store.schema import Document, Enrichment, StoryCluster
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription
from tests.pipeline.test_session18_speed_stories import _sent

NOW = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
IDS = ["doc-2", "doc-1", "doc-3"]


def _documents(database: Database) -> None:
    """Three documents, two stories, and the enrichment of two of them."""
    with database.session() as session:
        for story in ("story-a", "story-b"):
            session.add(StoryCluster(id=story, title=story))
        session.flush()
        for number, story in enumerate(["story-a", "story-b", "story-a"], start=1):
            session.add(
                Document(
                    id=f"doc-{number}",
                    url=f"https://paper.example/{number}",
                    source_id="paper",
                    title="Usine",
                    text="Texte.",
                    content_hash=f"hash-{number}",
                    cluster_id=story,
                    status="claimed" if number < 3 else "pending",
                    claimed_by="process:0123456789abcdef",
                    claimed_at=NOW,
                    published_at=NOW,
                )
            )
        session.flush()
        for number, language in ((1, "fr"), (2, "en")):
            session.add(Enrichment(**_row(f"doc-{number}", language)))


def _row(document_id: str, language: str | None) -> dict[str, Any]:
    return dict(
        document_id=document_id,
        language=language,
        language_source="declared",
        entities=[{"text": "Aérovolt", "label": "ORG", "start": 0, "end": 8}],
        companies=[{"name": "AEROVOLT SAS", "siren": "919985002", "mentions": 2}],
        sectors=[],
        events=[{"type": "fundraising", "siren": "919985002", "amount": 12e6}],
        regions=["76"],
        departments=["31"],
        places=[],
        title_lemmas="aerovolt lever",
        text_lemmas="usine",
        truncated=False,
        model=None if language is None else f"{language}_model",
        processed_at=NOW,
    )


def _plain(value: Any) -> Any:
    """A value as sent: PostgreSQL's driver wraps JSON (``Json``, equal only to itself)."""
    return ("json", value.obj) if type(value).__name__ == "Json" else value


@contextmanager
def _rolled_back(database: Database) -> Iterator[Session]:
    """A session whose writes are undone, so that both forms of a write find the same rows."""
    session = Session(database.engine)
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def _same_as_built(
    database: Database,
    built: Callable[[], Any],
    once: Any,
    values: Any,
    run: str = "execute",
    rows: bool = False,
) -> None:
    """``once`` given ``values`` sends what ``built()`` sends (given the same ``rows``)."""
    sent = []
    for statement, arguments in ((built(), (values,) if rows else ()), (once, (values,))):
        with _rolled_back(database) as session, _sent(database) as this:
            result = getattr(session, run)(statement, *arguments)
            if run == "scalars":
                list(result)
        sent.append([(sql, tuple(map(_plain, values))) for sql, values in this])
    assert len(sent[0]) == 1
    assert sent[0] == sent[1]


@pytest.mark.parametrize("limit", [1, 32])
def test_the_claim_is_sent_as_built_each_time(database: Database, limit: int) -> None:
    _documents(database)
    locked = database.supports_skip_locked

    def pending() -> Any:
        statement = (
            select(Document.id)
            .where(Document.status == "pending")
            .order_by(Document.collected_at, Document.id)
            .limit(limit)
        )
        return statement.with_for_update(skip_locked=True) if locked else statement

    _same_as_built(database, pending, intake_queue._pending(limit, locked), {}, "scalars")
    token = "process:feedfacecafebeef"
    _same_as_built(
        database,
        lambda: (
            update(Document)
            .where(Document.id.in_(IDS), Document.status == "pending")
            .values(
                status="claimed", claimed_by=token, claimed_at=NOW, attempts=Document.attempts + 1
            )
            .execution_options(synchronize_session=False)
        ),
        intake_queue._claiming(),
        {"ids": IDS, "token": token, "now": NOW},
    )
    _same_as_built(
        database,
        lambda: (
            select(Document)
            .where(Document.claimed_by == token, Document.status == "claimed")
            .order_by(Document.collected_at, Document.id)
        ),
        intake_queue._claimed(),
        {"token": token},
        "scalars",
    )
    assert intake_queue._pending(limit, locked) is intake_queue._pending(limit, locked)


def test_stale_claims_are_given_back_as_built_each_time(database: Database) -> None:
    _documents(database)
    before = NOW + timedelta(minutes=5)
    _same_as_built(
        database,
        lambda: (
            update(Document)
            .where(Document.status == "claimed", Document.claimed_at < before)
            .values(status="pending", claimed_by=None, claimed_at=None)
        ),
        intake_queue._stale(),
        {"before": before},
    )


@pytest.mark.parametrize(("status", "error"), [("done", None), ("pending", None), ("failed", "x")])
def test_a_status_is_set_as_built_each_time(
    database: Database, status: str, error: str | None
) -> None:
    _documents(database)
    _same_as_built(
        database,
        lambda: (
            update(Document)
            .where(Document.id.in_(IDS))
            .values(
                status=status,
                error=error,
                claimed_by=None if status == "pending" else Document.claimed_by,
            )
            .execution_options(synchronize_session=False)
        ),
        intake_queue._setting_status(status == "pending"),
        {"ids": IDS, "new_status": status, "new_error": error},
    )


def test_the_stored_rows_are_read_and_written_as_built_each_time(database: Database) -> None:
    _documents(database)
    _same_as_built(
        database,
        lambda: select(Enrichment.document_id).where(Enrichment.document_id.in_(IDS)),
        _stored(),
        {"ids": IDS},
        "scalars",
    )
    # A language and a model unknown (None) too: the ORM's bulk insert leaves such a
    # column out of the rows; either way the column is NULL (below).
    rows = [_row("doc-3", None)]
    _same_rows = []
    for statement in (insert(Enrichment), _new_rows()):
        with _rolled_back(database) as session:
            session.execute(statement, [dict(r) for r in rows])
            stored = session.execute(
                select(*Enrichment.__table__.c).where(Enrichment.document_id == "doc-3")
            ).all()
            _same_rows.append([tuple(r) for r in stored])
    assert len(_same_rows[0]) == 1
    assert _same_rows[0] == _same_rows[1]
    rows = [_row("doc-3", "fr")]
    _same_as_built(database, lambda: insert(Enrichment), _new_rows(), rows, rows=True)


def test_the_stories_and_their_alerts_are_read_as_built_each_time(database: Database) -> None:
    _documents(database)
    stories = {"story-b", "story-a"}
    # Session 20: their creation times as columns, no longer the stories as objects.
    _same_as_built(
        database,
        lambda: select(StoryCluster.id, StoryCluster.created_at).where(
            StoryCluster.id.in_(stories)
        ),
        _created(),
        {"ids": list(stories)},
    )
    _same_as_built(
        database,
        lambda: select(OutboxItem.id).where(OutboxItem.cluster_id.in_(sorted(stories))).limit(1),
        _alerted(),
        {"ids": sorted(stories)},
        "scalar",
    )


def test_the_versions_read_at_once_are_those_read_apart(database: Database) -> None:
    before = stored_versions(database)
    assert before == (subscriptions_version(database), portfolios_version(database))
    with database.session() as session:
        subscriber = Subscriber(email="veille@example.org", confirmed_at=NOW)
        session.add(subscriber)
        session.flush()
        session.add(Subscription(subscriber_id=subscriber.id, name="usines", query="usine"))
        session.add(Portfolio(name="clients"))
    after = stored_versions(database)
    assert after == (subscriptions_version(database), portfolios_version(database))
    assert after != before


def test_the_batch_s_own_reports_are_taken_as_read(database: Database) -> None:
    _documents(database)
    values: dict[str, Any] = {"siren_0": '%"919985002"%'}
    values.update(published_from=NOW - timedelta(days=3), published_to=NOW + timedelta(days=3))
    values.update(collected_from=NOW - timedelta(days=3), collected_to=NOW + timedelta(days=3))
    with database.session() as session:
        # A batch in two languages: each of its documents may join the other's story.
        ids = ["doc-1", "doc-2"]
        new = [r for r in _reports(session, _of_documents(), {"ids": ids}) if r]
        known = _reports(session, _linked_within(1), values, against=new)
        # The same reports for documents outside the batch: each row decoded.
        others = [dataclasses.replace(r, document_id=f"other-{r.document_id}") for r in new]
        decoded = _reports(session, _linked_within(1), values, against=others)
    assert sorted(r.document_id for r in new) == ids
    assert sorted(r.document_id for r in known if r) == ids
    assert known == decoded
    assert all(any(r is n for n in new) for r in known)  # taken as read
    assert not any(r is n for r in decoded for n in new)
