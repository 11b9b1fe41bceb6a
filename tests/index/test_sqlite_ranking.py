"""The SQLite index ranks by bm25 of the OR of the query's phrases, whichever way it finds
the documents: one FTS5 MATCH of the text part (which scores while matching, when that
gives the same score to the bit) or SQL conditions scored apart. And an index of the
previous schema is made anew and says to rebuild it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from myrtille.index.base import SearchRequest
from myrtille.index.matching import matches
from myrtille.index.query import And, Field, Node, Not, Or, Text, parse
from myrtille.index.resolver import CodeResolver
from myrtille.index.sqlite import SQLiteIndex
from myrtille.index.sqlite_fts import plan
from myrtille.index.stems import stem
from myrtille.pipeline.normalise import words_of
from tests.index.corpus import CORPUS
from tests.index.test_contract import queries


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteIndex]:
    backend = SQLiteIndex(tmp_path_factory.mktemp("ranking") / "index.db")
    backend.create()
    backend.index(CORPUS)
    yield backend
    backend.close()


def looked_for(node: Node) -> list[str]:
    """The FTS5 phrases of the words a query looks for, in query order (written here
    independently of the backend, as the ranking's definition)."""
    if isinstance(node, Text):
        # The words as written, or stemmed in French, or in English.
        parts = ("title",) if node.field == "title" else ("title", "text")
        groups = [
            (" ".join(parts), node.words),
            *(
                (" ".join(f"{part}_{lang}" for part in parts), [stem(w, lang) for w in node.words])
                for lang in ("fr", "en")
            ),
        ]
        return [
            "(" + " OR ".join(f'{{{cols}}} : "{" ".join(words)}"' for cols, words in groups) + ")"
        ]
    if isinstance(node, And | Or):
        return [p for item in node.items for p in looked_for(item)]
    return []


def expected_ranking(index: SQLiteIndex, node: Node) -> list[tuple[str, float | None]]:
    """Matching documents as (id, score) in relevance order, straight from SQL."""
    wanted = {d.id for d in CORPUS if matches(node, d)}
    phrases = looked_for(node)
    scores: dict[int, float] = {}
    if phrases:
        scores = dict(
            index.db.execute(
                "SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?", [" OR ".join(phrases)]
            )
        )
    rows = [
        (seq, id_, date)
        for seq, id_, date in index.db.execute("SELECT seq, id, date FROM docs")
        if id_ in wanted
    ]
    rows.sort(key=lambda r: r[0], reverse=True)  # seq DESC, the last tie-breaker
    rows.sort(key=lambda r: r[2] or "", reverse=True)  # date DESC
    rows.sort(key=lambda r: r[2] is None)  # undated last
    if phrases:
        rows.sort(key=lambda r: scores.get(r[0], 0.0))  # bm25 ascending: best first
        rows.sort(key=lambda r: r[0] not in scores)  # unscored last
    return [(id_, -scores[seq] if seq in scores else None) for seq, id_, _ in rows]


def ranking(index: SQLiteIndex, node: Node) -> list[tuple[str, float | None]]:
    result = index.search(SearchRequest(query=node, per_page=100))
    assert result.total == len(result.hits)
    return [(hit.id, hit.score) for hit in result.hits]


# An AND under an OR: FTS5 reports no hits for the phrases of a failed branch, so a
# document matching another branch would score lower if ranked while matching.
BRANCHES = Or(
    (
        And((Text(("plant",), "title"), Text(("groupe",)))),
        Text(("rachete",)),
        Text(("groupe", "de")),
    )
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(queries)
@example(BRANCHES)
@example(And((Text(("aerovolt",)), Not(Text(("toulouse",))), Field("lang", "fr"))))
@example(And((Or((Text(("vernay",)), Text(("marchal",)))), Not(Text(("la",))))))
@example(And((Text(("aerovolt",)), Not(And((Text(("toulouse",)), Text(("absent",))))))))
def test_scores_are_bm25_of_the_phrases_looked_for(index: SQLiteIndex, query: Node) -> None:
    assert ranking(index, query) == expected_ranking(index, query)


@pytest.mark.parametrize(
    "query",
    ["aerovolt toulouse", "usine OR groupe", "(vernay OR marchal) redressement", "usine lang:fr"],
)
def test_parsed_queries_rank_as_defined(index: SQLiteIndex, query: str) -> None:
    node = parse(query, CodeResolver())
    found = ranking(index, node)
    assert found and all(score is not None for _, score in found)
    assert found == expected_ranking(index, node)


# The tables of index schema 2 (FTS5 keeping its own copy of the word streams, facet rows
# as text), as an index written by the previous version has them.
SCHEMA_2 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    url TEXT, title TEXT, source TEXT, language TEXT, cluster TEXT, kind TEXT,
    published_at TEXT, date TEXT, payload TEXT NOT NULL);
CREATE INDEX docs_seq_date ON docs (seq, date);
CREATE TABLE facets (seq INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, label TEXT);
CREATE INDEX facets_seq_value ON facets (seq, field, value, label);
CREATE VIRTUAL TABLE fts USING fts5(title, text, title_fr, text_fr, title_en, text_en,
    tokenize = 'ascii');
INSERT INTO meta VALUES ('schema_version', '2');
INSERT INTO docs (id, payload) VALUES ('old', '{}');
INSERT INTO fts (rowid, title) VALUES (1, 'usine');
"""


def test_an_index_of_schema_2_is_made_anew_and_says_to_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    with sqlite3.connect(path) as connection:
        connection.executescript(SCHEMA_2)
    index = SQLiteIndex(path)
    index.create()
    assert "index schema 2, now 3" in (index.rebuild_needed() or "")
    assert index.count() == 0
    tables = {row[0] for row in index.db.execute("SELECT name FROM sqlite_master")}
    assert "facets" not in tables and {"payloads", "terms", "postings"} <= tables
    index.index(CORPUS)
    index.rebuilt()
    node = parse("aerovolt", CodeResolver())
    result = index.search(SearchRequest(query=node, facets=("lang",), histogram="day"))
    assert {hit.id for hit in result.hits} == {"a1", "a2", "a3"}
    assert {f.value: f.count for f in result.facets["lang"]} == {"fr": 2, "en": 1}
    assert index.rebuild_needed() is None
    index.close()


def test_deleted_documents_leave_nothing_in_the_full_text_index(tmp_path: Path) -> None:
    """The full-text table keeps no copy of the words: a document is removed by giving
    FTS5 its streams again, computed from its payload; FTS5's own check then finds every
    entry of its index accounted for, and the words of a removed document find nothing."""
    index = SQLiteIndex(tmp_path / "index.db")
    index.create()
    index.index(CORPUS)
    index.index(CORPUS[:2])  # replaced: deleted, then written again
    index.delete([CORPUS[2].id])
    index.db.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")
    rows = index.db.execute("SELECT count(*) FROM fts_docsize").fetchone()[0]
    assert rows == index.count() == len(CORPUS) - 1
    gone = " OR ".join(f'"{w}"' for w in words_of(f"{CORPUS[2].title} {CORPUS[2].text}"))
    left = {r[0] for r in index.db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", [gone])}
    live = {r[0] for r in index.db.execute("SELECT seq FROM docs")}
    assert left <= live
    index.close()


def test_a_query_too_deep_for_the_fts5_parser_takes_the_sql_way(index: SQLiteIndex) -> None:
    # "-absent aerovolt (-absent toulouse (… a2's words …))": FTS5's parser stack gives out
    # before SQLite's on these nested exclusions.
    node: Node = Text(("aerovolt",))
    for level in range(25):
        word = ("toulouse", "fonds", "le", "aerovolt")[level % 4]
        node = And((Not(Text(("absent",))), Text((word,)), node))
    expression = plan(node).match
    assert expression is not None
    try:
        index.db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", [expression.text])
    except sqlite3.OperationalError as error:
        assert "fts5" in str(error)
    else:
        pytest.skip("this SQLite's FTS5 parses the whole query: nothing to fall back from")
    assert ranking(index, node) == expected_ranking(index, node)
    assert [hit_id for hit_id, _ in ranking(index, node)] == ["a2"]
