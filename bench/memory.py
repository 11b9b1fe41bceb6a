"""Memory of the service: ``myrtille run`` with both spaCy models (French and English)
and a 100,000-company registry, while it processes a few documents.

A fresh data directory gets the demo registry plus ``--registry`` synthetic Sirene
companies (``bench/processing.py``'s generator) and ``--documents`` demo articles, half
French, half English, in its intake; then ``myrtille run`` starts on a free port. The
resident memory of its whole process tree (the service and any child it starts) is
sampled from ``/proc`` every 0.2 s until the intake is empty and a little after, then
the service is stopped with SIGTERM. Reported: the peak of the sampled sum, and each
process's own high-water mark (``VmHWM``). Aim: under 1.2 GB.

``--feed``: the service also polls the demo site's eco-regions feed (served here) every
15 s, so that its crawl child (kept warm, and the process it forks for each crawl) is in
the tree; sampling goes on until that source has been crawled twice. The sum of RSS counts
the pages the crawl shares with the warm child twice; ``peak_tree_pss_mb`` (proportional
set size, ``/proc/PID/smaps_rollup``) counts them once.

    .venv/bin/python bench/memory.py [--registry 100000] [--documents 20] [--feed] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.processing import synthetic_sirene  # noqa: E402

AIM_MB = 1200


def _status(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM and Pss of one process, in kB (empty when it is gone)."""
    out = {}
    for name in ("status", "smaps_rollup"):
        try:
            lines = Path(f"/proc/{pid}/{name}").read_text().splitlines()
        except OSError:
            return {}
        for line in lines:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Pss"):
                out[key] = int(value.split()[0])
    return out


def _tree(pid: int) -> list[int]:
    """The process and its descendants, from the kernel's children lists."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                continue
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _prepare(data_dir: Path, registry: int, count: int) -> None:
    from myrtille.config.loading import load_settings
    from myrtille.demo.corpus import data_file, load_corpus
    from myrtille.enrichment.registry import import_sirene
    from myrtille.pipeline.document import CollectedDocument
    from myrtille.pipeline.intake import Intake
    from myrtille.store.database import open_database

    settings = load_settings(None, env={}, overrides={"data_dir": str(data_dir)})
    database = open_database(settings.state_url)
    import_sirene(database, Path(str(data_file("sirene_demo.csv"))))
    if registry:
        big = data_dir / "sirene.csv"
        synthetic_sirene(big, registry)
        import_sirene(database, big)
        big.unlink()
    articles = load_corpus().articles
    french = [a for a in articles if a.language == "fr"][: count - count // 2]
    english = [a for a in articles if a.language == "en"][: count // 2]
    intake = Intake(database, settings.dedup)
    for article in [*french, *english]:
        intake.add(
            CollectedDocument(
                url=f"https://bench.example/{article.slug}",
                source_id="bench",
                title=article.title,
                text=f"{article.summary}\n\n{article.body}",
                language=article.language,
            )
        )
    database.dispose()


def _pending(data_dir: Path) -> int:
    import sqlite3

    with sqlite3.connect(data_dir / "myrtille.db") as connection:
        row = connection.execute(
            "SELECT count(*) FROM document WHERE status IN ('pending', 'claimed')"
        ).fetchone()
    return int(row[0])


def _crawls(data_dir: Path) -> int:
    import sqlite3

    with sqlite3.connect(data_dir / "myrtille.db") as connection:
        row = connection.execute("SELECT coalesce(sum(runs), 0) FROM source_state").fetchone()
    return int(row[0])


def _feed_config(data_dir: Path, feed_url: str) -> Path:
    config = data_dir / "myrtille.yaml"
    config.write_text(
        f"data_dir: {data_dir}\n"
        "crawl:\n  autothrottle: false\n"
        "sources:\n  - id: eco-regions\n    kind: feed\n"
        f"    url: {feed_url}\n    interval: 15s\n",
        encoding="utf-8",
    )
    return config


def measure(
    registry: int, count: int, timeout: float, feed: bool = False
) -> dict[str, float | int | bool]:
    from myrtille.demo.corpus import load_corpus
    from myrtille.demo.httpserver import RouteServer
    from myrtille.demo.site import FEED_PATHS, DemoSite

    with tempfile.TemporaryDirectory() as tmp, RouteServer() as site:
        data_dir = Path(tmp)
        _prepare(data_dir, registry, count)
        env = {**os.environ, "MYRTILLE_DATA_DIR": str(data_dir)}
        command = [str(Path(sys.executable).parent / "myrtille"), "run"]
        if feed:
            site.routes.update(DemoSite(load_corpus(), site.base_url).routes())
            config = _feed_config(data_dir, site.url(FEED_PATHS["eco-regions"]))
            command[1:1] = ["--config", str(config)]
        service = subprocess.Popen(
            [*command, "--port", str(_free_port())],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        started = time.monotonic()
        peak_kb, pss_kb, hwm_kb, processes, done_at = 0, 0, {}, 0, None
        try:
            while time.monotonic() - started < timeout and service.poll() is None:
                pids = _tree(service.pid)
                statuses = {pid: _status(pid) for pid in pids}
                peak_kb = max(peak_kb, sum(s.get("VmRSS", 0) for s in statuses.values()))
                pss_kb = max(pss_kb, sum(s.get("Pss", 0) for s in statuses.values()))
                for pid, status in statuses.items():
                    hwm_kb[pid] = max(hwm_kb.get(pid, 0), status.get("VmHWM", 0))
                processes = max(processes, len(pids))
                crawled = not feed or _crawls(data_dir) >= 2
                if done_at is None and crawled and _pending(data_dir) == 0:
                    done_at = time.monotonic()
                if done_at is not None and time.monotonic() - done_at > 5:
                    break  # the batch is done and the matcher, alerts and index ran
                time.sleep(0.2)
        finally:
            service.send_signal(signal.SIGTERM)
            try:
                _, stderr = service.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                service.kill()
                _, stderr = service.communicate()
        if done_at is None:
            print(stderr.decode(errors="replace")[-3000:], file=sys.stderr)
    peak_mb = round(peak_kb / 1024, 1)
    return {
        "registry_companies": registry + 40,
        "documents": count,
        "processed": done_at is not None,
        "seconds_to_processed": round((done_at or time.monotonic()) - started, 1),
        "processes": processes,
        "peak_tree_rss_mb": peak_mb,
        "peak_tree_pss_mb": round(pss_kb / 1024, 1),
        "feed": feed,
        "max_process_hwm_mb": round(max(hwm_kb.values(), default=0) / 1024, 1),
        "sum_process_hwm_mb": round(sum(hwm_kb.values()) / 1024, 1),
        "under_aim": peak_mb < AIM_MB,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=600, help="seconds")
    parser.add_argument("--feed", action="store_true", help="also poll a local feed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure(args.registry, args.documents, args.timeout, args.feed)
    if args.json:
        print(json.dumps(results))
    else:
        print("== results ==")
        for key, value in results.items():
            print(f"{key}: {value}")
    return 0 if results["processed"] else 1


if __name__ == "__main__":
    sys.exit(main())
