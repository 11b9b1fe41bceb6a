"""Processing throughput: documents from the intake to enriched, against bare ``nlp.pipe``.

Two scenarios, each in its own process (so that each reports its own peak memory):

- ``demo``: the registry of the demo (40 companies);
- ``registry``: the same plus ``--registry`` synthetic Sirene companies (default 100,000)
  compiled in.

In each, the demo corpus articles (French and English, ``--copies`` times, each copy made
distinct) are enriched, in ``--rounds`` rounds within one process, two ways:

- ours: ``ProcessingStage.run()`` over a fresh SQLite intake holding them (a new database
  each round, filled before the clock starts): claims, language choice, ``nlp.pipe``,
  registry matching, company linking, sectors, events, places, and the writes of the
  results and of the queue bookkeeping;
- baseline: ``nlp.pipe`` alone over the same texts with the same pipelines (same model,
  same components: parser left out, sentence recogniser on), batch size alike.

Each round times both, ours first in even rounds and the baseline first in odd ones: the
machine's speed drifts by a third within minutes, and two separate phases would time the
two sides at different speeds. Models are loaded and the registry compiled once, before
anything is timed. ``ratio`` is our documents/s ÷ the baseline's (the aim is ≥ 0.85: our
own work costs at most 15% on top of spaCy), the median of the rounds' ratios; ``per_round``
lists each round. Read the ratio, not the absolute numbers: the machine is shared.
``cpu_ratio`` is the same from the process's CPU time (both sides' threads counted alike),
which other work on the cores disturbs less than the wall clock; it leaves out time spent
waiting for the disk.

    .venv/bin/python bench/processing.py [--copies 4] [--registry 100000] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def synthetic_sirene(path: Path, count: int) -> None:
    """``count`` Sirene rows with pronounceable invented names (valid Luhn SIRENs)."""
    from tests.enrichment.test_registry import HEADER, luhn_siren

    rng = random.Random(7)
    syllables = [
        "ver",
        "nay",
        "lu",
        "mor",
        "tal",
        "ric",
        "bel",
        "dor",
        "san",
        "tis",
        "qua",
        "pel",
        "gar",
        "vio",
        "len",
        "sto",
        "bri",
        "mac",
        "flo",
        "zen",
        "cor",
        "mi",
    ]
    forms = [" SAS", " SA", " SARL", "", " INDUSTRIES", " GROUPE"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(count):
            name = "".join(rng.choice(syllables) for _ in range(3)).upper() + rng.choice(forms)
            writer.writerow([luhn_siren(n + 1_000_000), "O", "", "", name, "", "62.01Z", "A"])


def _fresh_state(settings: Any, registry_csvs: list[Path]) -> Any:
    """A migrated database holding the registry: what each round of ours starts from."""
    from myrtille.enrichment.registry import import_sirene, sync_watchlist
    from myrtille.store.database import open_database

    database = open_database(settings.state_url)
    for path in registry_csvs:
        import_sirene(database, path)
    sync_watchlist(database, settings.companies)
    return database


def _fill(intake: Any, corpus: Any, copies: int) -> dict[str, list[str]]:
    """The bench documents into ``intake``; returns the texts bare ``nlp.pipe`` reads."""
    from myrtille.pipeline.document import CollectedDocument

    texts: dict[str, list[str]] = {"fr": [], "en": []}
    for copy in range(copies):
        for article in corpus.articles:
            text = f"{article.summary}\n\n{article.body}\n\nMise à jour n° {copy}."
            intake.add(
                CollectedDocument(
                    url=f"https://bench.example/{copy}/{article.slug}",
                    source_id="bench",
                    title=article.title,
                    text=text,
                    language=article.language,
                )
            )
            texts[article.language].append(f"{article.title}\n\n{text}")
    return texts


def scenario(copies: int, registry_size: int, rounds: int = 3) -> dict[str, Any]:
    from myrtille.config.loading import load_settings
    from myrtille.demo.corpus import data_file, load_corpus
    from myrtille.enrichment.enricher import Enricher
    from myrtille.enrichment.registry import load_registry
    from myrtille.pipeline.intake import Intake
    from myrtille.service.processing import ProcessingStage

    corpus = load_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        registry_csvs = [Path(str(data_file("sirene_demo.csv")))]
        if registry_size:
            big = Path(tmp) / "sirene.csv"
            synthetic_sirene(big, registry_size)
            registry_csvs.append(big)
        started = time.perf_counter()
        first = load_settings(None, env={}, overrides={"data_dir": f"{tmp}/setup"})
        database = _fresh_state(first, registry_csvs)
        # One enricher (models loaded, registry compiled) for every round, as a service
        # keeps it between runs.
        enricher = Enricher(first.enrichment, load_registry(database))
        texts = _fill(Intake(database, first.dedup), corpus, copies)
        database.dispose()
        for language, batch in texts.items():
            # Load the models, compile the registry, and warm both up: the first batches
            # through a fresh pipeline are slower, and neither side should pay for that.
            nlp = enricher.tools(language).nlp
            for _ in nlp.pipe(batch[:64], batch_size=first.enrichment.batch_size):
                pass
        # The language detector's model is loaded once per process, like the pipelines.
        enricher.detector.detect(texts["fr"][0])
        setup = time.perf_counter() - started
        documents = sum(len(v) for v in texts.values())

        def ours(number: int) -> tuple[float, float]:
            # Each round its own fresh database, filled before the clock starts: the story
            # join reads back earlier documents, so a shared one would grow round by round.
            settings = load_settings(None, env={}, overrides={"data_dir": f"{tmp}/r{number}"})
            state = _fresh_state(settings, registry_csvs)
            _fill(Intake(state, settings.dedup), corpus, copies)
            stage = ProcessingStage(settings, state, enricher=enricher)
            wall, cpu = time.perf_counter(), time.process_time()
            report = stage.run()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            assert report.processed == documents and report.failed == 0, report
            state.dispose()
            return wall, cpu

        def bare() -> tuple[float, float]:
            wall, cpu = time.perf_counter(), time.process_time()
            for language, batch in texts.items():
                nlp = enricher.models.get(language)
                with nlp.select_pipes(disable=["myrtille_fold_norm", "myrtille_company_ruler"]):
                    for _ in nlp.pipe(batch, batch_size=first.enrichment.batch_size):
                        pass
            return time.perf_counter() - wall, time.process_time() - cpu

        per_round = []
        for number in range(rounds):
            # Alternate which side goes first: the machine's speed drifts within a round too.
            if number % 2 == 0:
                (ours_wall, ours_cpu), (bare_wall, bare_cpu) = ours(number), bare()
            else:
                (bare_wall, bare_cpu), (ours_wall, ours_cpu) = bare(), ours(number)
            per_round.append(
                {
                    "order": "ours-first" if number % 2 == 0 else "bare-first",
                    "ours_seconds": round(ours_wall, 3),
                    "bare_seconds": round(bare_wall, 3),
                    "ours_cpu_seconds": round(ours_cpu, 3),
                    "bare_cpu_seconds": round(bare_cpu, 3),
                    "ratio": round(bare_wall / ours_wall, 3),
                    "cpu_ratio": round(bare_cpu / ours_cpu, 3),
                }
            )

    def middle(key: str) -> float:
        return statistics.median(r[key] for r in per_round)

    return {
        "documents": documents,
        "registry_companies": registry_size + 40,
        "setup_seconds": round(setup, 2),
        "rounds": len(per_round),
        # Medians over the rounds, each side timed in every round.
        "ours_seconds": middle("ours_seconds"),
        "bare_seconds": middle("bare_seconds"),
        "ours_docs_per_s": round(documents / middle("ours_seconds"), 2),
        "bare_docs_per_s": round(documents / middle("bare_seconds"), 2),
        "ratio": middle("ratio"),
        # The same from the process's CPU time: steadier when other work shares the cores.
        "ours_cpu_seconds": middle("ours_cpu_seconds"),
        "bare_cpu_seconds": middle("bare_cpu_seconds"),
        "cpu_ratio": middle("cpu_ratio"),
        "per_round": per_round,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of the 66 articles")
    parser.add_argument(
        "--registry", type=int, default=100_000, help="synthetic companies for the scale scenario"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of ours and bare, in alternating order"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--scenario", choices=["demo", "registry"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        size = args.registry if args.scenario == "registry" else 0
        print(json.dumps(scenario(args.copies, size, args.rounds)))
        return 0
    results = {}
    for name in ("demo", "registry"):
        print(f"running scenario {name}…", file=sys.stderr)
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--scenario",
                name,
                "--copies",
                str(args.copies),
                "--registry",
                str(args.registry),
                "--rounds",
                str(args.rounds),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode != 0:
            print(child.stderr, file=sys.stderr)
            return 1
        results[name] = json.loads(child.stdout.strip().splitlines()[-1])
    if args.json:
        print(json.dumps(results))
        return 0
    print("== results ==")
    for name, values in results.items():
        for key, value in values.items():
            print(f"{name}.{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
