"""SQLite index: size, indexing throughput and query latency at 100,000 documents, against
bare FTS5 and against the index of schema 2 (``index_v2.py``) in the same run.

Documents are the demo articles (their text, gold companies, sectors, events, places),
copied with variations (a different id, date, source and a few words) up to ``--docs``.

- indexing: documents/s into a fresh index, in batches of 500 (one transaction each), as
  the processing stage writes them; the same documents into the schema 2 index;
- size: bytes a document (file after a WAL checkpoint), ours ÷ schema 2's
  (``size_ratio``), and where they go, per table and index (``dbstat``);
- queries, p50 and p95 over ``--repeats`` runs each (wall-clock and this thread's CPU
  time, the cases taken in turn), first page of 20, total counted: a two-word query; the
  same with four facets and a day histogram (also on the schema 2 index); a field-only
  query (``sector:… region:…``); and, as the baseline on the same database, a plain FTS5
  ``MATCH`` of the same two words with a count and 20 rows. ``…_p95_vs_bare`` = p95 ÷
  the baseline's p95 (1 = as fast as bare FTS5).

Checks (exit 1 when one fails): the two-word search finds what a bare ``MATCH`` of its
FTS5 expression finds, its first page with that ``MATCH``'s top 20 bm25 scores (both did
the same work); and old and new give the same results (total, page with scores and
snippets, facets, histogram) on ``--compare-full`` random searches at ``--docs`` and on
``--compare`` random searches at ``--compare-docs`` (``index_compare.py``).

    .venv/bin/python bench/index.py [--docs 100000] [--repeats 40] [--compare 3000] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.index_compare import Vocabulary, compare  # noqa: E402
from bench.index_v2 import IndexV2  # noqa: E402
from myrtille.demo.corpus import load_corpus  # noqa: E402
from myrtille.index.base import (  # noqa: E402
    FACET_FIELDS,
    IndexedDocument,
    SearchRequest,
    SearchResult,
)
from myrtille.index.query import Node, parse  # noqa: E402
from myrtille.index.resolver import CodeResolver  # noqa: E402
from myrtille.index.sqlite import SQLiteIndex  # noqa: E402
from myrtille.index.sqlite_fts import plan  # noqa: E402
from myrtille.pipeline.normalise import words_of  # noqa: E402

FILLER = (
    "marché",
    "croissance",
    "industrie",
    "territoire",
    "emploi",
    "projet",
    "export",
    "innovation",
    "client",
    "commande",
    "production",
    "atelier",
    "région",
    "usine",
)


def documents(count: int) -> list[IndexedDocument]:
    rng = random.Random(11)
    corpus = load_corpus()
    names = {c["siren"]: c["name"] for c in corpus.companies}
    bases = []
    for article in corpus.articles:
        gold = article.gold
        bases.append(
            IndexedDocument(
                id="",
                url="",
                title=article.title,
                text=f"{article.summary}\n\n{article.body}",
                source=article.outlet,
                language=article.language,
                companies=[
                    {
                        "name": names.get(str(c), str(c)),
                        "siren": str(c) if str(c).isdigit() else None,
                    }
                    for c in gold.get("companies", [])
                ],
                sectors=list(gold.get("sectors", [])),
                events=[{"type": e["type"]} for e in gold.get("events", [])],
                regions=list(gold.get("regions", [])),
                departments=list(gold.get("departments", [])),
                entities=[
                    {"text": p, "label": "PER", "start": 0, "end": 0, "field": "text"}
                    for p in gold.get("people", [])
                ],
            )
        )
    start = datetime(2025, 1, 1, tzinfo=UTC)
    out = []
    for n in range(count):
        base = bases[n % len(bases)]
        extra = " ".join(rng.choice(FILLER) for _ in range(8))
        text = f"{base.text} {extra} n{n}"
        out.append(
            replace(
                base,
                id=f"d{n:07d}",
                url=f"https://bench.example/{n}",
                text=text,
                source=f"{base.source}-{n % 7}",
                published_at=start + timedelta(minutes=17 * n),
                title_lemmas=" ".join(words_of(base.title)),
                text_lemmas=" ".join(words_of(text)),
                cluster=f"c{n % 5000}",
            )
        )
    return out


def build(index, docs: list[IndexedDocument]) -> float:  # type: ignore[no-untyped-def]
    """Seconds to write ``docs`` in batches of 500, as the processing stage does."""
    started = time.perf_counter()
    for i in range(0, len(docs), 500):
        index.index(docs[i : i + 500])
    index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


def where_bytes_go(db: sqlite3.Connection, count: int) -> dict[str, int]:
    """Bytes a document, per table and index (with their FTS5 shadow tables), from dbstat."""
    return {
        name: round(size / count)
        for name, size in db.execute(
            "SELECT name, sum(pgsize) AS s FROM dbstat GROUP BY name ORDER BY s DESC"
        )
        if size / count >= 1
    }


def timed(cases: dict[str, Callable[[], object]], repeats: int) -> dict[str, dict[str, float]]:
    """p50 and p95 (ms) of each case, in wall-clock time and in this thread's CPU time,
    the cases taken in turn so that a busy moment of a shared machine falls on all of
    them alike. CPU time is what a loaded machine does not inflate (SQLite works in the
    calling thread)."""
    samples: dict[str, dict[str, list[float]]] = {n: {"": [], "cpu_": []} for n in cases}
    for _ in range(repeats):
        for name, function in cases.items():
            started, cpu = time.perf_counter(), time.thread_time()
            function()
            samples[name]["cpu_"].append((time.thread_time() - cpu) * 1000)
            samples[name][""].append((time.perf_counter() - started) * 1000)
    found: dict[str, dict[str, float]] = {}
    for name, kinds in samples.items():
        for kind, times in kinds.items():
            times.sort()
            found.setdefault(name, {})[f"{kind}p50_ms"] = round(statistics.median(times), 2)
            p95 = times[max(0, math.ceil(len(times) * 0.95) - 1)]
            found[name][f"{kind}p95_ms"] = round(p95, 2)
    return found


def same_as_bare(db: sqlite3.Connection, query: Node, ours: SearchResult) -> list[str]:
    """Whether a search found what a bare MATCH of its FTS5 expression finds, with the
    same best 20 scores: the search did the same work as the baseline, no less."""
    expression = plan(query).match
    assert expression is not None
    (total,) = db.execute(
        "SELECT count(*) FROM fts WHERE fts MATCH ?", [expression.text]
    ).fetchone()
    scores = [
        -score
        for (score,) in db.execute(
            "SELECT rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 20", [expression.text]
        )
    ]
    failed = []
    if ours.total != total:
        failed.append(f"two words: {ours.total} found, a bare MATCH finds {total}")
    if [hit.score for hit in ours.hits] != scores:
        failed.append("two words: the first page's scores are not the bare top 20's")
    return failed


def compared(  # type: ignore[no-untyped-def]
    results: dict[str, object], name: str, old, new, vocab: Vocabulary, count: int
) -> list[str]:
    """Old and new on ``count`` random searches; the differences, as check failures."""
    if not count:
        return []
    print(f"{name}: {count} random searches, old and new…", file=sys.stderr)
    differences, spent = compare(old.search, new.search, vocab, count)
    results[f"{name}_searches"] = count
    results[f"{name}_documents"] = new.count()
    results[f"{name}_old_seconds"] = round(spent["old"], 1)
    results[f"{name}_new_seconds"] = round(spent["new"], 1)
    results[f"{name}_differences"] = len(differences)
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--compare-full", type=int, default=200, help="random searches, old vs new")
    parser.add_argument("--compare", type=int, default=3000, help="the same on --compare-docs")
    parser.add_argument("--compare-docs", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, object] = {"documents": args.docs}
    print(f"building {args.docs} documents…", file=sys.stderr)
    docs = documents(args.docs)
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        index = SQLiteIndex(Path(tmp) / "index.db")
        index.create()
        old = IndexV2(Path(tmp) / "index_v2.db")
        for name, target in (("index", index), ("old_index", old)):
            elapsed = build(target, docs)
            size = (Path(tmp) / f"{'index' if target is index else 'index_v2'}.db").stat().st_size
            results[f"{name}_seconds"] = round(elapsed, 1)
            results[f"{name}_docs_per_s"] = round(args.docs / elapsed)
            results[f"{name}_bytes_per_doc"] = round(size / args.docs)
            print(f"{name}: built in {elapsed:.1f}s", file=sys.stderr)
        results["size_ratio"] = round(
            results["index_bytes_per_doc"] / results["old_index_bytes_per_doc"],  # type: ignore[operator]
            3,
        )
        results["bytes_per_doc_by_table"] = where_bytes_go(index.db, args.docs)
        results["old_bytes_per_doc_by_table"] = where_bytes_go(old.db, args.docs)
        resolver = CodeResolver()
        two = parse("usine emploi", resolver)
        fields = parse("sector:energy region:occitanie", resolver)
        cases = {
            "two_words": SearchRequest(two),
            "two_words_facets_histogram": SearchRequest(
                two, facets=FACET_FIELDS[:4], histogram="day"
            ),
            "fields_only": SearchRequest(fields, sort="date"),
        }
        db = index.db

        def bare() -> None:
            db.execute("SELECT count(*) FROM fts WHERE fts MATCH 'usine emploi'").fetchone()
            db.execute(
                "SELECT rowid FROM fts WHERE fts MATCH 'usine emploi' ORDER BY rank LIMIT 20"
            ).fetchall()

        runs: dict[str, Callable[[], object]] = {"bare_fts": bare}
        runs.update({name: (lambda r=request: index.search(r)) for name, request in cases.items()})
        runs["old_two_words_facets_histogram"] = lambda: old.search(
            cases["two_words_facets_histogram"]
        )
        for name, figures in timed(runs, args.repeats).items():
            results.update({f"{name}_{figure}": value for figure, value in figures.items()})
        for name in ("two_words", "two_words_facets_histogram", "old_two_words_facets_histogram"):
            for kind in ("", "cpu_"):
                results[f"{name}_{kind}p95_vs_bare"] = round(
                    results[f"{name}_{kind}p95_ms"]  # type: ignore[operator]
                    / results[f"bare_fts_{kind}p95_ms"],
                    2,
                )
        results["ratio_two_words"] = round(
            results["bare_fts_p50_ms"] / results["two_words_p50_ms"],  # type: ignore[operator]
            3,
        )
        ours = index.search(cases["two_words"])
        results["total_two_words"] = ours.total
        failed += same_as_bare(db, two, ours)
        vocab = Vocabulary(docs[:500], docs[0].date, docs[-1].date)  # type: ignore[arg-type]
        failed += compared(results, "compared", old, index, vocab, args.compare_full)
        index.close()
        old.db.close()
        if args.compare:
            # Thousands of searches on a smaller pair: a search of most of 100,000
            # documents takes the old index a second.
            small = docs[: args.compare_docs]
            index = SQLiteIndex(Path(tmp) / "small.db")
            index.create()
            old = IndexV2(Path(tmp) / "small_v2.db")
            build(index, small)
            build(old, small)
            failed += compared(results, "compared_small", old, index, vocab, args.compare)
            index.close()
            old.db.close()
    if args.json:
        print(json.dumps(results))
    else:
        print("== results ==")
        for key, value in results.items():
            print(f"{key}: {value}")
    for failure in failed:
        print(f"check failed: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
