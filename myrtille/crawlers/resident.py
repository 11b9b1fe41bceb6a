"""The crawl child a service keeps warm: started once, fed the due sources of each crawl.

A one-shot crawl child (``runner.run_crawl``) pays for Python, Scrapy and the settings
at every crawl: 1.8 s on a quiet machine, 10-20 s on a loaded one, which is most of a
new article's way to its alert. The resident child (``child.resident``) pays for them
once, then forks one process per crawl from its warm state; that process runs the crawl
exactly as a one-shot child would (its own reactor, DNS pins and memory, gone when the
crawl ends), so what a crawl records, and what a killed crawl records, are unchanged.

A resident child that dies is started again at the next crawl; one that dies mid-crawl
leaves its unfinished sources recorded as killed, as a one-shot child would.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Sequence

from myrtille.config.settings import Settings
from myrtille.config.sources import SourceBase
from myrtille.crawlers.runner import (
    CrawlReport,
    EventHandler,
    SourceOutcome,
    read_events,
    record_unfinished,
)
from myrtille.crawlers.watchdog import StallWatchdog, stall_limit
from myrtille.store.database import Database

log = logging.getLogger("myrtille.crawlers")

# How long a resident child may take to stop once asked (its crawl, if any, ends first).
STOP_SECONDS = 30.0


class ResidentCrawler:
    """Crawls through one warm child process; one crawl at a time (callers wait)."""

    def __init__(self, settings: Settings, database: Database) -> None:
        self.settings = settings
        self.database = database
        self.log_dir = settings.data_dir / "logs"
        self.log_path = self.log_dir / "crawl.log"
        self.stderr_path = self.log_dir / "crawl-stderr.log"
        self._child: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        """The resident child's process id, while it runs."""
        child = self._child
        return child.pid if child is not None and child.poll() is None else None

    def crawl(
        self, sources: Sequence[SourceBase], on_event: EventHandler | None = None
    ) -> CrawlReport:
        """Crawl ``sources`` (as ``run_crawl`` does); never raises for a source's failure."""
        outcomes = {s.id: SourceOutcome(s.id) for s in sources}
        if not sources:
            return CrawlReport(outcomes, 0, self.log_path)
        request = json.dumps({"sources": [s.id for s in sources]}) + "\n"
        finished: set[str] = set()
        stalled = None
        with self._lock:
            child, exit_code = self._hand_over(request)
            if child is not None:
                assert child.stdout is not None
                # A crawl that sends nothing for so long is killed with the resident child
                # (crawlers/watchdog.py), which the next crawl starts again.
                with StallWatchdog(child, stall_limit(self.settings.crawl)) as watchdog:
                    for event in read_events(watchdog.lines(child.stdout), outcomes, finished):
                        if event.get("event") == "crawl_ended":
                            exit_code = int(event["exit_code"])
                            break
                        if on_event:
                            on_event(event)
                    else:  # the resident child itself died mid-crawl
                        exit_code = self._reap(child)
                stalled = watchdog.limit if watchdog.stalled else None
        assert exit_code is not None
        record_unfinished(
            self.database,
            sources,
            finished,
            exit_code,
            self.stderr_path,
            self.log_path,
            outcomes,
            stalled=stalled,
        )
        return CrawlReport(outcomes, exit_code, self.log_path)

    def close(self) -> None:
        """Stop the resident child (end of its input), killing it if it lingers."""
        with self._lock:
            child, self._child = self._child, None
            if child is None:
                return
            try:
                assert child.stdin is not None
                child.stdin.close()
            except OSError:
                pass  # gone already
            try:
                child.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                log.warning("the crawl child did not stop within %d s: killed", STOP_SECONDS)
                child.kill()
                child.wait()
            if child.stdout is not None:
                child.stdout.close()

    def _hand_over(self, request: str) -> tuple[subprocess.Popen[str] | None, int | None]:
        """The running child that accepted ``request``, or (None, its exit code) when even
        a new child could not take it. A child that died between two crawls (killed
        while idle) is replaced once: no crawl of it was lost."""
        code: int | None = None
        for attempt in (1, 2):
            child = self._running()
            try:
                assert child.stdin is not None and child.stdout is not None
                child.stdin.write(request)
                child.stdin.flush()
                if json.loads(child.stdout.readline() or "{}").get("event") == "crawl_accepted":
                    return child, None
            except (OSError, ValueError):  # a broken pipe, or a dying child's last words
                pass
            code = self._reap(child)
            if attempt == 1:
                log.warning("the crawl child had ended (%s) between crawls: restarted", code)
        return None, code

    def _running(self) -> subprocess.Popen[str]:
        child = self._child
        if child is not None and child.poll() is not None:
            log.warning("the crawl child had ended (%s) between crawls: restarted", child.poll())
            self._reap(child)
            child = None
        if child is None:
            child = self._child = self._start()
        return child

    def _start(self) -> subprocess.Popen[str]:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with self.stderr_path.open("ab") as stderr:
            child = subprocess.Popen(
                [sys.executable, "-m", "myrtille.crawlers.child", "--resident"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                encoding="utf-8",
            )
        assert child.stdin is not None
        # The settings go down the pipe, not into a file: they hold the secrets.
        child.stdin.write(self.settings.model_dump_json() + "\n")
        child.stdin.flush()
        return child

    def _reap(self, child: subprocess.Popen[str]) -> int:
        """The exit code of a child that ended, or that broke the protocol (killed)."""
        if child.poll() is None:
            child.kill()
        for stream in (child.stdin, child.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        code = child.wait()
        if self._child is child:
            self._child = None
        return code
