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

Each round times both in turns, batch by batch: ``ProcessingStage.run(limit=batch_size)``,
then the same documents (in the order the intake hands them out) through bare
``nlp.pipe``, or the other way round, alternately by batch and by round. The machine's
speed (the CPU time a given piece of work takes, not only the wall clock) drifts by a
fifth within seconds when other work shares its two cores; whole-side phases of 7 s each
put the two sides at different speeds (per-round ``cpu_ratio`` 0.62 to 1.17 for the same
code, session 5), turns of a second keep both at the same. Each phase starts from a
collected heap with the live objects frozen (``gc.collect()``, ``gc.freeze()``, unfrozen
at its end), the same for both sides, and a round's database and stage are released before
the next; ``--no-isolate`` leaves the collector alone, to compare. Models are loaded and the
registry compiled once, before anything is timed. ``ratio`` is our documents/s ÷ the
baseline's (the aim is ≥ 0.85: our own work costs at most 15% on top of spaCy), the median
of the rounds' ratios; ``per_round`` lists each round, with what else happened in each
side's phases: the collector's time and collections, system time, other threads' CPU time,
involuntary context switches and how many CPUs other processes kept busy. Read the ratio,
not the absolute numbers: the machine is shared. ``cpu_ratio`` is the same from the
process's CPU time (both sides' threads counted alike), which other work on the cores
disturbs less than the wall clock; it leaves out time spent waiting for the disk.

    .venv/bin/python bench/processing.py [--copies 4] [--registry 100000] [--rounds 5] [--json]
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
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


class _Side:
    """One side's timed phases in a round, summed, and what else happened meanwhile.

    Each ``with`` block is one phase. With ``isolate``, a phase starts from a collected heap
    with every live object frozen (``gc.collect()`` then ``gc.freeze()``) and unfreezes them
    at its end, for both sides alike: neither pays for the garbage of the phase before, and
    the next phase's collection still reclaims this one's.
    """

    def __init__(self, isolate: bool) -> None:
        self.isolate = isolate
        self.wall = self.cpu = self.thread_cpu = self.sys = self.gc_seconds = 0.0
        self.collections = [0, 0, 0]
        self.switches = 0
        self.machine = [0, 0]  # ticks: busy on the machine, all
        self.os_threads = 0
        self._began = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.gc_seconds += time.perf_counter() - self._began
            self.collections[info["generation"]] += 1

    def __enter__(self) -> _Side:
        if self.isolate:
            gc.collect()
            gc.freeze()
        self._start = (
            resource.getrusage(resource.RUSAGE_SELF),
            _machine_ticks(),
            time.perf_counter(),
            time.process_time(),
            time.thread_time(),
        )
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        wall, cpu, thread_cpu = time.perf_counter(), time.process_time(), time.thread_time()
        gc.callbacks.remove(self._callback)
        usage, machine = resource.getrusage(resource.RUSAGE_SELF), _machine_ticks()
        before, machine_before, wall_before, cpu_before, thread_before = self._start
        self.wall += wall - wall_before
        self.cpu += cpu - cpu_before
        self.thread_cpu += thread_cpu - thread_before
        self.sys += usage.ru_stime - before.ru_stime
        self.switches += usage.ru_nivcsw - before.ru_nivcsw
        self.machine = [
            sum_ + now - then
            for sum_, now, then in zip(self.machine, machine, machine_before, strict=True)
        ]
        self.os_threads = max(self.os_threads, _os_threads())
        if self.isolate:
            gc.unfreeze()

    def figures(self, side: str) -> dict[str, Any]:
        ticks, cpus = os.sysconf("SC_CLK_TCK"), os.cpu_count() or 1
        busy, total = self.machine
        others = (busy / ticks - self.cpu) / (total / ticks / cpus) if total else 0.0
        figures = {
            "seconds": round(self.wall, 3),
            "cpu_seconds": round(self.cpu, 3),
            "sys_seconds": round(self.sys, 3),
            # CPU time of the process's other threads (a native pool would show here).
            "other_threads_cpu_seconds": round(self.cpu - self.thread_cpu, 3),
            "os_threads": self.os_threads,
            "gc_seconds": round(self.gc_seconds, 3),
            "collections": self.collections,
            "rss_mb": round(_rss_mb(), 1),
            # Preempted by other processes, and how many CPUs they kept busy meanwhile.
            "involuntary_switches": self.switches,
            "others_busy_cpus": round(others, 2),
        }
        return {f"{side}_{key}": value for key, value in figures.items()}


def _os_threads() -> int:
    return len(os.listdir("/proc/self/task"))


def _machine_ticks() -> tuple[int, int]:
    with open("/proc/stat", encoding="ascii") as handle:
        values = [int(v) for v in handle.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values[:8]) - idle, sum(values[:8])


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


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


def _fill(intake: Any, corpus: Any, copies: int) -> list[tuple[str, str]]:
    """The bench documents into ``intake``; returns the (language, text) bare ``nlp.pipe``
    reads, in the order the intake hands them out."""
    from myrtille.pipeline.document import CollectedDocument

    texts: list[tuple[str, str]] = []
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
            texts.append((article.language, f"{article.title}\n\n{text}"))
    return texts


def scenario(
    copies: int, registry_size: int, rounds: int = 5, isolate: bool = True
) -> dict[str, Any]:
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
        ordered = _fill(Intake(database, first.dedup), corpus, copies)
        texts = {lang: [text for code, text in ordered if code == lang] for lang in ("fr", "en")}
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
        documents = len(ordered)

        def prepare(number: int) -> tuple[Any, Any]:
            # Each round its own fresh database, filled before either side's clock starts:
            # the story join reads back earlier documents, so a shared one would grow round
            # by round.
            settings = load_settings(None, env={}, overrides={"data_dir": f"{tmp}/r{number}"})
            state = _fresh_state(settings, registry_csvs)
            _fill(Intake(state, settings.dedup), corpus, copies)
            return state, ProcessingStage(settings, state, enricher=enricher)

        size = first.enrichment.batch_size
        chunks = [ordered[start : start + size] for start in range(0, documents, size)]

        def ours(stage: Any, chunk: list[tuple[str, str]]) -> None:
            report = stage.run(limit=len(chunk))
            assert report.processed == len(chunk) and report.failed == 0, report

        def bare(_: Any, chunk: list[tuple[str, str]]) -> None:
            for language in ("fr", "en"):
                nlp = enricher.models.get(language)
                batch = [text for lang, text in chunk if lang == language]
                with nlp.select_pipes(disable=["myrtille_fold_norm", "myrtille_company_ruler"]):
                    for _ in nlp.pipe(batch, batch_size=size):
                        pass

        per_round = []
        for number in range(rounds):
            state, stage = prepare(number)
            sides = {"ours": _Side(isolate), "bare": _Side(isolate)}
            # A batch of ours, then the same documents through bare nlp.pipe (or the other
            # way round, alternately by batch and by round): the machine's speed drifts
            # within seconds, so the two sides are timed in turns of about a second.
            for index, chunk in enumerate(chunks):
                order = [("ours", ours), ("bare", bare)]
                if (number + index) % 2:
                    order.reverse()
                for side, run in order:
                    with sides[side]:
                        run(stage, chunk)
            assert stage.run().processed == 0
            # Nothing of this round outlives it (the next phase's collection reclaims it).
            state.dispose()
            del state, stage
            mine, theirs = sides["ours"], sides["bare"]
            per_round.append(
                {
                    "ratio": round(theirs.wall / mine.wall, 3),
                    "cpu_ratio": round(theirs.cpu / mine.cpu, 3),
                    **mine.figures("ours"),
                    **theirs.figures("bare"),
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
        "--rounds", type=int, default=5, help="rounds of ours and bare, in alternating order"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--no-isolate",
        action="store_true",
        help="no gc.collect()/gc.freeze() before each timed phase (to see what they change)",
    )
    parser.add_argument("--scenario", choices=["demo", "registry"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        size = args.registry if args.scenario == "registry" else 0
        print(json.dumps(scenario(args.copies, size, args.rounds, not args.no_isolate)))
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
                *(["--no-isolate"] if args.no_isolate else []),
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
