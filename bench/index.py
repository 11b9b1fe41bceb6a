"""SQLite index: indexing throughput and query latency at 100,000 documents.

Documents are the demo articles (their text, gold companies, sectors, events, places),
copied with variations (a different id, date, source and a few words) up to ``--docs``.

- indexing: documents/s into a fresh SQLite index, in batches of 500 (one transaction
  each), as the processing stage writes them;
- queries, p50 and p95 over ``--repeats`` runs each, first page of 20, total counted:
  a two-word query; the same with four facets and a day histogram; a field-only query
  (``sector:… region:…``); and, as the baseline measured in the same run on the same
  database, a plain FTS5 ``MATCH`` of the same two words with a count and 20 rows.
  ``ratio`` = baseline p50 ÷ ours p50 (1 = as fast as bare FTS5).

Check (exit 1 when it fails): the two-word search finds as many documents as the bare
``MATCH`` and its first page has the bare top 20's bm25 scores, so both did the same work.

    .venv/bin/python bench/index.py [--docs 100000] [--repeats 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from myrtille.demo.corpus import load_corpus  # noqa: E402
from myrtille.index.base import FACET_FIELDS, IndexedDocument, SearchRequest  # noqa: E402
from myrtille.index.query import parse  # noqa: E402
from myrtille.index.resolver import CodeResolver  # noqa: E402
from myrtille.index.sqlite import SQLiteIndex  # noqa: E402
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


def timed(function, repeats: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, float | int] = {"documents": args.docs}
    print(f"building {args.docs} documents…", file=sys.stderr)
    docs = documents(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        index = SQLiteIndex(Path(tmp) / "index.db")
        index.create()
        started = time.perf_counter()
        for i in range(0, len(docs), 500):
            index.index(docs[i : i + 500])
        elapsed = time.perf_counter() - started
        results["index_seconds"] = round(elapsed, 1)
        results["index_docs_per_s"] = round(args.docs / elapsed)
        results["db_mb"] = round((Path(tmp) / "index.db").stat().st_size / 2**20)
        print(f"indexed in {elapsed:.1f}s", file=sys.stderr)
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
        for name, request in cases.items():
            p50, p95 = timed(lambda r=request: index.search(r), args.repeats)
            results[f"{name}_p50_ms"], results[f"{name}_p95_ms"] = round(p50, 2), round(p95, 2)
        db = index.db

        def bare() -> None:
            db.execute("SELECT count(*) FROM fts WHERE fts MATCH 'usine emploi'").fetchone()
            db.execute(
                "SELECT rowid FROM fts WHERE fts MATCH 'usine emploi' ORDER BY rank LIMIT 20"
            ).fetchall()

        p50, p95 = timed(bare, args.repeats)
        results["bare_fts_p50_ms"], results["bare_fts_p95_ms"] = round(p50, 2), round(p95, 2)
        results["ratio_two_words"] = round(p50 / results["two_words_p50_ms"], 3)  # type: ignore[operator]
        ours = index.search(cases["two_words"])
        results["total_two_words"] = ours.total
        bare_total = db.execute(
            "SELECT count(*) FROM fts WHERE fts MATCH 'usine emploi'"
        ).fetchone()
        bare_scores = [
            -score
            for (score,) in db.execute(
                "SELECT rank FROM fts WHERE fts MATCH 'usine emploi' ORDER BY rank LIMIT 20"
            )
        ]
        index.close()
    failed = []
    if ours.total != bare_total[0]:
        failed.append(f"two words: {ours.total} found, bare FTS5 finds {bare_total[0]}")
    if [hit.score for hit in ours.hits] != bare_scores:
        failed.append("two words: the first page's scores are not the bare top 20's")
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
