"""Subscription matching: documents/s against 1,000, 10,000 and 100,000 stored
subscriptions, in two scenarios (``bench/matching_scenarios.py``): ``random`` (sector +
region, a company, or random words) and ``agencies`` (sector × region × event
combinations, departments, companies and portfolios, as agencies set them). Documents
are the demo articles with their gold annotations.

For each scenario and size: our throughput (in CPU time) (``Matcher``, the shared query graph), the
throughput of the matcher before it (``bench/matching_before.py``) on the same documents
in the same run and their ratio, the brute-force throughput (every subscription
evaluated) on a sample, the matches a document, the distinct queries and graph nodes,
and the growth of our cost from 10,000 to 100,000 subscriptions (1 = flat, 10 = linear).
All three must find the same matches (checked). At the largest size, the floor: writing
each document's outbox rows alone, in SQLite (``bench/outbox_floor.py``: ours, the outbox
before issue 16 on the first documents, and a bare bulk insert; the same rows, checked).

    .venv/bin/python bench/matching.py [--sizes 1000 10000 100000]
        [--scenarios random agencies] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.index import documents  # noqa: E402
from bench.matching_before import MatcherBefore  # noqa: E402
from bench.matching_scenarios import SCENARIOS  # noqa: E402
from bench.outbox_floor import floors  # noqa: E402
from myrtille.alerts.matcher import CompiledSubscription, Matcher  # noqa: E402
from myrtille.index.base import IndexedDocument  # noqa: E402
from myrtille.index.matching import matches, view  # noqa: E402


def brute_force(document: IndexedDocument, subs: list[CompiledSubscription]) -> list[int]:
    """Every subscription evaluated: the baseline the pre-filter is measured against."""
    seen = view(document)
    return sorted(s.id for s in subs if matches(s.query, seen))


def timed(match: Callable[[IndexedDocument], list[int]], docs: list[IndexedDocument]) -> float:
    """CPU seconds a document, the best of two passes: matching is one thread's work, and
    the CI machines are shared (wall time counts the other jobs' turns too)."""
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        for document in docs:
            match(document)
        best = min(best, (time.process_time() - started) / len(docs))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--scenarios", nargs="+", default=list(SCENARIOS), choices=SCENARIOS)
    parser.add_argument("--documents", type=int, default=132)
    parser.add_argument(
        "--brute-documents",
        type=int,
        default=5,
        help="documents for the brute-force check (it is slow)",
    )
    parser.add_argument(
        "--outbox-before-documents",
        type=int,
        default=10,
        help="documents for the outbox before issue 16 (it is slow)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docs = documents(args.documents)
    results: dict[str, float | int] = {}
    for scenario in args.scenarios:
        rng = random.Random(5)
        per_doc: dict[int, float] = {}
        for size in args.sizes:
            subs = SCENARIOS[scenario](size, rng)
            ours, before = Matcher(subs), MatcherBefore(subs)
            found = [ours.match(d) for d in docs]
            assert [before.match(d) for d in docs] == found, "the graph lost or added a match"
            sample = docs[: args.brute_documents]
            brute = [brute_force(d, subs) for d in sample]
            assert brute == found[: len(sample)], "the pre-filter lost or added a match"
            cost, cost_before = timed(ours.match, docs), timed(before.match, docs)
            per_doc[size] = cost
            name = f"{scenario}.{size}"
            results[f"{name}.docs_per_s"] = round(1 / cost, 1)
            results[f"{name}.before_docs_per_s"] = round(1 / cost_before, 1)
            results[f"{name}.ratio_to_before"] = round(cost_before / cost, 1)
            results[f"{name}.matches_per_doc"] = round(sum(map(len, found)) / len(docs), 1)
            results[f"{name}.distinct_queries"] = len(ours.subscribers_of)
            results[f"{name}.graph_nodes"] = len(ours.graph)
            if size == max(args.sizes):
                written = floors(docs, found, ours.get, args.outbox_before_documents)
                results.update({f"{name}.{key}": value for key, value in written.items()})
            print(f"{scenario}: {size} subscriptions done", file=sys.stderr)
        if 10_000 in per_doc and 100_000 in per_doc:
            results[f"{scenario}.growth_10k_to_100k"] = round(per_doc[100_000] / per_doc[10_000], 2)
    if args.json:
        print(json.dumps(results))
    else:
        print("== results ==")
        for key, value in results.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
