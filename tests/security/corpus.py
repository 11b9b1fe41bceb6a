"""The hostile-inputs corpus (tests/corpora/) served by a real local server and crawled
through the real entry point, once per test session: one feed source per feed file, one
open-data source per records file, and a feed whose entries lead to every HTML page.

The bounds are the ones stated in docs/security.md ("Hostile inputs corpus"), enforced by
the settings below: a small text cap makes any blow-up visible at once."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from myrtille.config.settings import Settings
from myrtille.demo.httpserver import Route, RouteServer
from myrtille.pipeline.document import TRUNCATION_NOTE
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from tests.conftest import make_settings
from tests.corpora.build import case_bytes, manifest
from tests.corpora.spec import with_canary
from tests.crawlers.canaries import Canary
from tests.crawlers.pages import rss
from tests.crawlers.test_hostile_feeds import measured_crawl

# The caps the corpus crawl runs with (small, so that an expansion the guards missed shows).
CAPS = {"max_entry_text": 5_000, "max_document_text": 20_000, "max_title": 200}
# Bounds per reader call, per corpus file (docs/security.md).
READER_SECONDS = 10.0
READER_PEAK_MB = 100.0
# Bounds on the whole corpus crawl (one crawl child for every source).
CRAWL_SECONDS = 120.0
CRAWL_PEAK_MB = 600.0
# What a crash looks like on a source's health, as opposed to a named problem.
CRASH_SIGNS = ("an internal error", "the crawl process ended", "the crawl stopped early")


def source_id(kind: str, file: str) -> str:
    stem = file.split("/", 1)[1].rsplit(".", 1)[0]
    return f"{kind[:4]}-{stem}"[:64]


@dataclass
class CorpusCrawl:
    settings: Settings
    result: dict[str, Any]
    canary_connections: int
    base_url: str
    documents: dict[str, Any]

    def outcome(self, kind: str, file: str) -> dict[str, Any]:
        return self.result["outcomes"][source_id(kind, file)]

    def stored_by(self, source: str) -> list[Any]:
        return [d for d in self.documents.values() if d.source_id == source]


def serve_corpus(server: RouteServer, canary_origin: str) -> list[dict[str, Any]]:
    """Routes for every corpus file of the crawled kinds; returns the sources."""
    sources: list[dict[str, Any]] = []
    for kind in ("feeds", "html", "opendata"):
        for entry in manifest(kind):
            file = str(entry["file"])
            body = with_canary(case_bytes(kind, file.split("/", 1)[1]), canary_origin)
            server.routes["/" + file] = Route(body, str(entry["content_type"]), conditional=False)
            if kind == "feeds":
                sources.append(
                    {"id": source_id(kind, file), "kind": "feed", "url": server.url("/" + file),
                     "fetch_articles": False}
                )  # fmt: skip
            elif kind == "opendata":
                sources.append(
                    {"id": source_id(kind, file), "kind": "opendata", "preset": "bodacc",
                     "url": server.url("/" + file), "max_records": 500}
                )  # fmt: skip
    pages = [str(e["file"]) for e in manifest("html")]
    items = [{"title": f"Page {p}", "link": server.url("/" + p)} for p in pages]
    server.routes["/html-pages.xml"] = Route(rss(items).encode(), "application/rss+xml")
    sources.append(
        {"id": "html-pages", "kind": "feed", "url": server.url("/html-pages.xml"),
         "fetch_articles": True, "max_articles": len(pages)}
    )  # fmt: skip
    return sources


def crawl_corpus(data_dir: Path) -> Iterator[CorpusCrawl]:
    canary = Canary(http=True)
    try:
        with RouteServer() as server:
            sources = serve_corpus(server, f"http://127.0.0.1:{canary.port}")
            settings = make_settings(data_dir, sources, parallel_sources=16, **CAPS)
            result = measured_crawl(settings)
            database = open_database(settings.state_url)
            try:
                documents = {d.url: d for d in Intake(database).documents()}
            finally:
                database.dispose()
            yield CorpusCrawl(settings, result, canary.connections, server.base_url, documents)
    finally:
        canary.close()


def text_problem(value: str | None, cap: int) -> str | None:
    """Why a stored text is not acceptable: not valid UTF-8, holding NUL, or over its cap."""
    if value is None:
        return None
    try:
        value.encode("utf-8", errors="strict")
    except UnicodeEncodeError as exc:
        return f"not valid UTF-8: {exc}"
    if "\x00" in value:
        return "holds a NUL character"
    if len(value) > cap + len(TRUNCATION_NOTE) + 10:
        return f"{len(value)} characters, over the cap of {cap}"
    return None


def crash_in(outcome: dict[str, Any]) -> str | None:
    for text in [outcome.get("error") or "", *outcome.get("warnings", [])]:
        if any(sign in text for sign in CRASH_SIGNS):
            return text
    return None


READER_CHILD = """
import json, sys, time
from pathlib import Path
from tests.corpora.build import case_bytes, manifest
from tests.security.readers import READERS

def status_kb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0

kind = sys.argv[1]
reader = READERS[kind]
for entry in manifest(kind):
    body = case_bytes(kind, str(entry["file"]).split("/", 1)[1])
    Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again from here
    before = status_kb("VmRSS")
    started = time.monotonic()
    try:
        reader(body, entry)
        failure = None
    except Exception as exc:  # reported, judged by the test
        failure = type(exc).__module__ + "." + type(exc).__name__ + ": " + str(exc)[:300]
    seconds = time.monotonic() - started
    peak_mb = (status_kb("VmHWM") - before) / 1024
    print(json.dumps({"file": entry["file"], "seconds": seconds, "peak_mb": peak_mb,
                      "failure": failure}), flush=True)
"""


def reader_runs(kind: str) -> dict[str, dict[str, Any]]:
    """Every corpus file of ``kind`` through its reader function, in a child process: the
    time per file, how far the process's resident memory peaked above where it was before
    the file (Linux's VmHWM, reset per file), and the exception if one escaped."""
    done = subprocess.run(
        [sys.executable, "-c", READER_CHILD, kind],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr[-3000:]
    runs = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {run["file"]: run for run in runs}
