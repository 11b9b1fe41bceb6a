"""Session 20, speed: the story join of the processing stage takes the batch's own reports
from what the stage has just stored (their story and dates read, their JSON not read back
and decoded), reads when each story was made as columns, and writes a batch's merges with
statements built once; the reports, the merges and the stories are those of before
(SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from sqlalchemy import select, update

from myrtille.pipeline.stories import (
    Enriched,
    _merge,
    _merge_all,
    _of_documents,
    _placed_reports,
    _reports,
    join_across_languages,
)
from myrtille.pipeline.story_merges import _moving
from myrtille.store.database import Database
from myrtille.store.schema import Document, Enrichment, StoryCluster
from tests.pipeline.test_session16_speed import _state
from tests.pipeline.test_session16_speed import _stories as _numbered_stories
from tests.pipeline.test_session19_speed_stage import _documents, _rolled_back

IDS = ["doc-2", "doc-1", "doc-3"]


def _stored(database: Database) -> dict[str, Enriched]:
    """What the stage stored of doc-1 and doc-2 (``_documents``), as it held it."""
    with database.session() as session:
        rows = session.scalars(select(Enrichment)).all()
        return {
            row.document_id: (row.language, list(row.companies), list(row.events)) for row in rows
        }


def test_the_batch_s_reports_are_those_read_back(database: Database) -> None:
    _documents(database)
    enriched = _stored(database)
    with database.session() as session:
        read = [r for r in _reports(session, _of_documents(), {"ids": IDS}) if r]
        made = _placed_reports(session, IDS, enriched)
    assert [r.document_id for r in read] == ["doc-1", "doc-2"]
    assert made == read
    # doc-3 has no enrichment row: neither read nor made (not in ``enriched``).


def test_the_batch_s_reports_take_the_story_the_database_holds_now(database: Database) -> None:
    """Another worker's join may have moved a document since its claim: the report says
    where the document is now, as the rows read back did."""
    _documents(database)
    enriched = _stored(database)
    with database.session() as session:
        session.execute(update(Document).where(Document.id == "doc-1").values(cluster_id="story-b"))
        made = _placed_reports(session, IDS, enriched)
        read = [r for r in _reports(session, _of_documents(), {"ids": IDS}) if r]
    # In the order the database gives (neither read asks for one: PostgreSQL gives its
    # updated row last to both).
    assert sorted(made, key=lambda r: r.document_id) == sorted(read, key=lambda r: r.document_id)
    assert {r.document_id: r.cluster_id for r in made} == {"doc-1": "story-b", "doc-2": "story-b"}


def test_what_was_stored_gives_the_reports_of_what_is_read_back(database: Database) -> None:
    """The values the stage holds, and the same after their JSON round trip (tuples become
    lists, amounts stay the numbers they were): one report either way; a document without
    a linked firm makes none."""
    _documents(database)
    held: dict[str, Enriched] = {
        "doc-1": (
            "fr",
            [{"name": "A", "siren": "919985002"}],
            [{"type": "fundraising", "amount": 12e6, "span": (0, 4)}],
        ),
        "doc-2": (
            "en-GB",
            [{"name": "A", "siren": 919985002}],
            [{"type": "fundraising", "amount": 12_000_000}],
        ),
        "doc-3": ("fr", [{"name": "B"}], [{"type": "closure"}]),
    }
    round_trip = {
        key: (language, json.loads(json.dumps(companies)), json.loads(json.dumps(events)))
        for key, (language, companies, events) in held.items()
    }
    with database.session() as session:
        made = _placed_reports(session, IDS, held)
        again = _placed_reports(session, IDS, round_trip)
    assert [r.document_id for r in made] == ["doc-1", "doc-2"]
    assert [r.language for r in made] == ["fr", "en"]
    assert [r.sirens for r in made] == [frozenset({"919985002"})] * 2
    assert [dataclasses.replace(r, events=()) for r in made] == [
        dataclasses.replace(r, events=()) for r in again
    ]
    # The events compare alike (same_story reads type, siren, amount and currency only).
    assert [[(e["type"], e.get("amount")) for e in r.events] for r in made] == [
        [(e["type"], e.get("amount")) for e in r.events] for r in again
    ]


def _joined(database: Database, enriched: dict[str, Enriched] | None) -> tuple[Any, ...]:
    """The join of doc-1 and doc-2, rolled back: what it reports and the state it leaves."""
    with _rolled_back(database) as session:
        report = join_across_languages(session, ["doc-1", "doc-2"], 3, enriched)
        documents = session.execute(select(Document.id, Document.cluster_id)).all()
        stories = session.execute(select(StoryCluster.id, StoryCluster.size)).all()
    return report.merged, report.moved, sorted(documents), sorted(stories)


def test_the_join_given_what_was_stored_does_what_it_did_reading_it_back(
    database: Database,
) -> None:
    _documents(database)
    enriched = _stored(database)
    read_back = _joined(database, None)
    assert _joined(database, enriched) == read_back
    # The two reports tell one story: story-b (made second) joins story-a.
    merged, moved, documents, stories = read_back
    assert merged == 1 and moved == {"doc-2"}
    assert dict(documents) == {"doc-1": "story-a", "doc-2": "story-a", "doc-3": "story-a"}
    assert stories == [("story-a", 3)]
    # Told of different events, the same documents tell two stories: the values given are
    # what the join reads (no read back behind them).
    other = dict(enriched)
    other["doc-2"] = ("en", enriched["doc-2"][1], [{"type": "closure", "siren": "919985002"}])
    assert _joined(database, other)[0] == 0


# Merges of stories 0 to 5 (test_session16_speed's), in order: a chain, one, five (one
# story twice a winner), each count padded to a power of two by _merge_all.
MERGE_LISTS = [
    [(1, 2), (0, 1), (3, 4)],
    [(4, 5)],
    [(0, 1), (0, 2), (3, 4), (3, 5), (0, 3)],
]


@pytest.mark.parametrize("merges", MERGE_LISTS)
def test_merges_written_at_once_leave_what_one_after_another_leave(
    database: Database, merges: list[tuple[int, int]]
) -> None:
    _numbered_stories(database, "seq")
    _numbered_stories(database, "all")
    with database.session() as session:
        one_by_one: set[str] = set()
        for winner, loser in merges:
            one_by_one |= _merge(session, f"seq{winner}", f"seq{loser}")
    with database.session() as session:
        at_once = _merge_all(session, [(f"all{w}", f"all{lo}") for w, lo in merges])
    assert _state(database, "all") == _state(database, "seq")
    assert {d[3:] for d in at_once} == {d[3:] for d in one_by_one}
    assert at_once  # every list moves documents


def test_the_merges_statement_is_built_once_a_count() -> None:
    assert _moving(4) is _moving(4)
    assert _moving(4) is not _moving(8)
    # One WHEN a merge: the padding repeats the last pair, never drops one.
    assert str(_moving(4)).count("WHEN") == 4
