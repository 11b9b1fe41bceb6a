"""Subscription matching: documents/s against 1,000, 10,000 and 100,000 stored
subscriptions of realistic shape, with the key pre-filter and by brute force.

Subscriptions are a mix of ``sector:X region:Y`` (40 %), ``company:SIREN`` (30 %) and
free text of two or three words drawn from the demo articles (30 %); documents are the
demo articles with their gold annotations. For each size: our throughput (``Matcher``),
the brute-force throughput (every subscription evaluated) on the same documents in the
same run, their ratio, and the growth factor of our cost from 10,000 to 100,000
subscriptions (1 = flat, 10 = linear). Both must find the same matches (checked).

    .venv/bin/python bench/matching.py [--sizes 1000 10000 100000] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.index import documents  # noqa: E402
from myrtille.alerts.matcher import CompiledSubscription, Matcher, required_keys  # noqa: E402
from myrtille.demo.corpus import load_corpus  # noqa: E402
from myrtille.index.query import parse  # noqa: E402
from myrtille.index.resolver import CodeResolver  # noqa: E402
from myrtille.pipeline.normalise import words_of  # noqa: E402

SECTORS = [
    "aeronautics",
    "automotive",
    "defence",
    "agrifood",
    "energy",
    "chemicals",
    "construction",
    "digital",
    "health",
    "transport",
    "textile_luxury",
    "tourism",
]
REGIONS = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]


def subscriptions(count: int, rng: random.Random) -> list[CompiledSubscription]:
    corpus = load_corpus()
    sirens = [c["siren"] for c in corpus.companies] + [f"9{n:08d}" for n in range(5000)]
    vocabulary = sorted({w for a in corpus.articles for w in words_of(a.body) if len(w) > 5})
    resolver = CodeResolver()
    out = []
    for n in range(count):
        shape = rng.random()
        if shape < 0.4:
            text = f"sector:{rng.choice(SECTORS)} region:{rng.choice(REGIONS)}"
        elif shape < 0.7:
            text = f"company:{rng.choice(sirens)}"
        else:
            text = " ".join(rng.sample(vocabulary, rng.choice([2, 3])))
        node = parse(text, resolver)
        out.append(CompiledSubscription(n, node, required_keys(node)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--documents", type=int, default=132)
    parser.add_argument(
        "--brute-documents",
        type=int,
        default=20,
        help="documents for the brute-force baseline (it is slow)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(5)
    docs = documents(args.documents)
    results: dict[str, float | int] = {}
    per_doc: dict[int, float] = {}
    for size in args.sizes:
        subs = subscriptions(size, rng)
        matcher = Matcher(subs)
        started = time.perf_counter()
        found = [matcher.match(d) for d in docs]
        ours = (time.perf_counter() - started) / len(docs)
        sample = docs[: args.brute_documents]
        started = time.perf_counter()
        brute = [matcher.match_brute_force(d, subs) for d in sample]
        brute_cost = (time.perf_counter() - started) / len(sample)
        assert brute == found[: len(sample)], "the pre-filter lost or added a match"
        per_doc[size] = ours
        results[f"{size}.docs_per_s"] = round(1 / ours, 1)
        results[f"{size}.brute_docs_per_s"] = round(1 / brute_cost, 2)
        results[f"{size}.ratio_to_brute_force"] = round(brute_cost / ours, 1)
        results[f"{size}.matches_per_doc"] = round(sum(map(len, found)) / len(docs), 1)
        print(f"{size} subscriptions done", file=sys.stderr)
    if 10_000 in per_doc and 100_000 in per_doc:
        results["growth_10k_to_100k"] = round(per_doc[100_000] / per_doc[10_000], 2)
    if args.json:
        print(json.dumps(results))
    else:
        print("== results ==")
        for key, value in results.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
