"""Issue 14, session 18, speed: the story join's two reads (pipeline/stories.py) are built
once and given their values when run; the database receives the SQL and the values that a
statement built each time, as before, sends (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import String, and_, cast, event, or_

from myrtille.pipeline.stories import _linked_within, _of_documents, _reports_of
from myrtille.store.database import Database
from myrtille.store.schema import Document, Enrichment

EARLIEST, LATEST = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 9, tzinfo=UTC)


@contextmanager
def _sent(database: Database) -> Iterator[list[tuple[str, Any]]]:
    """The statements and values handed to the database's driver meanwhile."""
    sent: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append(_positional(statement, parameters))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def _positional(statement: str, parameters: Any) -> tuple[str, Any]:
    """The statement with its named placeholders (PostgreSQL's driver) made positional and
    their values in order: the names differ, what the database receives does not."""
    if isinstance(parameters, dict):
        names = re.findall(r"%\((\w+)\)s", statement)
        return re.sub(r"%\((\w+)\)s", "?", statement), tuple(parameters[n] for n in names)
    return statement, tuple(parameters)


def _built_each_time(sirens: list[str]) -> Any:
    """The read of the stored reports as join_across_languages built it each time."""
    linked = or_(*(cast(Enrichment.companies, String).like(f'%"{s}"%') for s in sirens))
    dated = or_(
        Document.published_at.between(EARLIEST, LATEST),
        and_(Document.published_at.is_(None), Document.collected_at.between(EARLIEST, LATEST)),
    )
    return _reports_of().where(and_(linked, dated))


@pytest.mark.parametrize("count", [1, 2, 8, 32])
def test_the_linked_reports_are_read_with_the_sql_and_values_built_each_time(
    database: Database, count: int
) -> None:
    sirens = [f"{100000000 + 37 * i}" for i in range(count)]
    values: dict[str, Any] = {f"siren_{i}": f'%"{s}"%' for i, s in enumerate(sirens)}
    values.update(published_from=EARLIEST, published_to=LATEST)
    values.update(collected_from=EARLIEST, collected_to=LATEST)
    with database.session() as session, _sent(database) as sent:
        session.execute(_built_each_time(sirens)).all()
        session.execute(_linked_within(count), values).all()
    assert len(sent) == 2
    assert sent[0] == sent[1]
    # The statement is made once for a count, and it differs from one count to another.
    assert _linked_within(count) is _linked_within(count)
    assert _linked_within(count) is not _linked_within(count * 2)


@pytest.mark.parametrize("ids", [["a"], ["doc-2", "doc-1", "doc-3"]])
def test_the_new_reports_are_read_with_the_sql_and_values_built_each_time(
    database: Database, ids: list[str]
) -> None:
    with database.session() as session, _sent(database) as sent:
        session.execute(_reports_of().where(Document.id.in_(ids))).all()
        session.execute(_of_documents(), {"ids": ids}).all()
    assert len(sent) == 2
    assert sent[0] == sent[1]
