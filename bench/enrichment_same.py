"""Same enrichment before and after a speed change: every field of every tuning document.

Enriches the tuning set (never the held-out set) in four variants and writes every field
of every result (entities, companies, sectors, events with their sentences, amounts and
companies, places, lemmas, language…) to a JSON file; ``--compare`` enriches again and
lists each difference against a file written before the change.

Variants: the service's way (declared languages, batches of 32); without the registry's
sectors and places; languages left to detection, in batches of 7 (other neighbours in a
batch); and with every document dated 2026-06-15, so that the background rule reads the
sentences' dates.

    .venv/bin/python bench/enrichment_same.py --write /tmp/before.json
    # ... the change ...
    .venv/bin/python bench/enrichment_same.py --compare /tmp/before.json
    # a quick look on a sample while working; the whole compare is what counts:
    .venv/bin/python bench/enrichment_same.py --compare /tmp/before.json \
        --variants service --every 4
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VARIANTS = ("service", "text_only", "detected_batch7", "dated")


def snapshot(variants: tuple[str, ...] = VARIANTS, every: int = 1) -> dict[str, dict[str, Any]]:
    from myrtille.config.settings import EnrichmentSettings
    from myrtille.demo.gold import demo_gold_documents, demo_registry
    from myrtille.enrichment.enricher import Enricher
    from myrtille.evaluation.sets import TUNING, find_data_dir, load_set

    documents = [d.input for d in load_set(TUNING, find_data_dir(), demo_gold_documents).documents]
    documents = documents[::every]
    settings = EnrichmentSettings()
    registry = demo_registry()
    service = Enricher(settings, registry)
    text_only = Enricher(
        settings.model_copy(
            update={"registry_implies_sectors": False, "registry_implies_places": False}
        ),
        registry,
        models=service.models,
    )
    dated = datetime(2026, 6, 15, tzinfo=UTC)
    runs = {
        "service": (service, documents, 32),
        "text_only": (text_only, documents, 32),
        "detected_batch7": (
            service,
            [dataclasses.replace(d, language=None) for d in documents],
            7,
        ),
        "dated": (service, [dataclasses.replace(d, published=dated) for d in documents], 32),
    }
    out: dict[str, dict[str, Any]] = {}
    for name in variants:
        enricher, inputs, size = runs[name]
        results = {}
        for start in range(0, len(inputs), size):
            batch = inputs[start : start + size]
            for document, result in zip(batch, enricher.enrich(batch), strict=True):
                results[document.id] = dataclasses.asdict(result)
        out[name] = results
        print(f"{name}: {len(results)} documents", file=sys.stderr)
    return out


def differences(before: dict[str, Any], after: dict[str, Any], whole: bool = True) -> list[str]:
    """Each difference; with ``whole`` false, only over the variants and documents ``after``
    holds (a quick check on a sample of a full snapshot)."""
    found = []
    for variant in VARIANTS if whole else tuple(after):
        old, new = before.get(variant, {}), after.get(variant, {})
        ids = set(old) | set(new) if whole else set(new)
        for doc_id in sorted(ids):
            a, b = old.get(doc_id), new.get(doc_id)
            if a is None or b is None:
                found.append(f"{variant} {doc_id}: only {'after' if a is None else 'before'}")
                continue
            for key in sorted(set(a) | set(b)):
                if a.get(key) != b.get(key):
                    found.append(
                        f"{variant} {doc_id} {key}:\n  before {a.get(key)!r}\n"
                        f"  after  {b.get(key)!r}"
                    )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the snapshot to this file")
    group.add_argument("--compare", type=Path, help="compare with a snapshot written before")
    parser.add_argument(
        "--variants",
        default=",".join(VARIANTS),
        help=f"a quick check: only these variants (comma-separated among {', '.join(VARIANTS)})",
    )
    parser.add_argument(
        "--every", type=int, default=1, help="a quick check: only every n-th document"
    )
    args = parser.parse_args()
    variants = tuple(v for v in args.variants.split(",") if v)
    unknown = sorted(set(variants) - set(VARIANTS))
    if unknown or args.every < 1:
        parser.error(f"unknown variant(s) {unknown}" if unknown else "--every must be 1 or more")
    whole = variants == VARIANTS and args.every == 1
    if args.write and not whole:
        parser.error("a snapshot is written whole: no --variants or --every with --write")
    # Through JSON both ways, so that tuples and lists compare alike.
    current = json.loads(json.dumps(snapshot(variants, args.every), default=str))
    if args.write:
        args.write.write_text(json.dumps(current, ensure_ascii=False), encoding="utf-8")
        print(f"written: {args.write}")
        return 0
    found = differences(json.loads(args.compare.read_text(encoding="utf-8")), current, whole)
    for line in found[:50]:
        print(line)
    documents = sum(len(v) for v in current.values())
    print(f"{len(found)} difference(s) over {documents} results ({len(variants)} variants)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
