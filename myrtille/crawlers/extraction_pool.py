"""Article extraction in worker processes, beside the fetching.

trafilatura holds the GIL for a page's whole extraction (a few milliseconds); in the
crawl's process it would take turns with Scrapy on one core. Here the spider hands each
page to a pool of processes (``crawl.extraction_workers``, by default one core fewer than
the machine has, at least one) and waits on a Deferred, so the reactor goes on fetching.

- One pool per crawl process, shared by all its spiders; its workers start with the first
  article page asked for (a crawl that fetches none, a re-poll answered 304, starts none).
  Workers come from a fork server that loaded extraction once: a worker replaced after a
  crash or a timeout is ready in milliseconds. They import extraction only, never the
  crawl's database, settings or Scrapy.
- Two pages per worker are in the workers' hands (one extracted, one queued, so that a
  worker never waits for the reactor to hand it the next). A page's timeout
  (``crawl.extraction_timeout``) runs from when it is among the oldest pages in hand, one
  per worker: the workers take pages in order, so it counts its own extraction only. The
  pages waiting for a worker are held by Scrapy as requests in flight, which it bounds
  (see crawlers/extraction_middleware.py), so memory stays bounded.
- A page whose extraction outlives the timeout fails with ``ExtractionFailed("timed_out")``;
  its worker is killed and the pool replaced, and the other pages in the workers' hands
  are given again to the new pool, each once (until session 8 every other one was
  dropped: its Deferred never fired and the crawl waited for it for ever).
- A worker that dies (a crash in a C library, the kernel's OOM killer) takes the pool with
  it, and every page in the workers' hands is suspect: each is extracted again, alone,
  in a new pool. One that kills that pool too fails with ``ExtractionFailed("crashed")``.
- A new pool whose workers have not all answered their warm-up within
  ``max(timeout, WARM_UP_SECONDS)`` while pages wait is replaced once, then given up (the
  rest of the crawl extracts in its own process): a pool that never starts must not leave
  the crawl waiting for ever. (The hang in CI right after a timeout's replacement, which
  this rule was first meant for, was the dropped page above.)
- ``extraction_workers: 0`` extracts in the crawl's process, as before (no timeout).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import types
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from myrtille.crawlers import extraction_worker
from myrtille.exceptions import ExtractionFailed

if TYPE_CHECKING:
    from twisted.internet.defer import Deferred
    from twisted.internet.interfaces import IDelayedCall

    from myrtille.config.settings import CrawlSettings
    from myrtille.crawlers.extracted import ExtractedArticle

logger = logging.getLogger(__name__)
# Pages in the workers' hands per worker: the one extracted and the next.
PER_WORKER = 2
# Starting workers from the fork server takes milliseconds, and the first start (the fork
# server loading extraction) a few seconds on a loaded machine.
WARM_UP_SECONDS = 30.0


def default_workers() -> int:
    """One core fewer than this process may use (the crawl keeps one), at least one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores - 1)


@dataclass(eq=False)
class _Page:
    html: str
    url: str
    need_date: bool
    result: Deferred[ExtractedArticle | None]
    # In a worker's hands when a worker died: from now on it is extracted alone.
    suspect: bool = False
    future: Future[Any] | None = field(default=None, repr=False)
    timer: IDelayedCall | None = field(default=None, repr=False)


class ExtractionPool:
    """Extracts article pages in worker processes; ``extract`` returns a Deferred that
    fires in the reactor's thread. Close it once the reactor has stopped."""

    def __init__(self, workers: int, timeout: float) -> None:
        self.workers = workers
        self.timeout = timeout
        self._executor: ProcessPoolExecutor | None = None
        self._warming: list[Future[int]] = []
        self._hooked = False  # the warm-ups wake the pool up when they end
        self._ready = False
        self._waiting: deque[_Page] = deque()
        self._running: list[_Page] = []
        self._closed = False
        self._warm_up_timer: IDelayedCall | None = None
        self._late_warm_ups = 0  # pools in a row that did not start in time

    @classmethod
    def from_settings(cls, crawl: CrawlSettings) -> ExtractionPool:
        workers = crawl.extraction_workers
        return cls(
            default_workers() if workers is None else workers,
            crawl.extraction_timeout.total_seconds(),
        )

    def __deepcopy__(self, memo: dict[int, Any]) -> ExtractionPool:
        # Handed to Scrapy in its settings, which each crawler copies: all share this one.
        return self

    @property
    def in_process(self) -> bool:
        return self.workers == 0 or self._closed

    # -- life ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the workers, if not yet (they load extraction while pages download)."""
        if self.workers and self._executor is None:
            self._executor = self._new_executor()

    def close(self) -> None:
        """Stop the workers; pages still waiting fail (the crawl is over)."""
        self._closed = True
        self._disarm_warm_up()
        busy = bool(self._running)
        for page in [*self._running, *self._waiting]:
            self._settle(page)
            page.result.errback(ExtractionFailed("crashed"))
        self._running.clear()
        self._waiting.clear()
        if self._executor is not None:
            if busy:  # a crawl stopped mid-way: no page is waited for any more
                _kill_workers(self._executor)
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _new_executor(self) -> ProcessPoolExecutor:
        self._disarm_warm_up()  # each new pool has its own time to start
        context = _worker_context()
        executor = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=extraction_worker.started
        )
        self._ready = self._hooked = False
        with _blank_main():
            # One warm-up task per worker starts every worker now (they start on demand).
            self._warming = [executor.submit(extraction_worker.ready) for _ in range(self.workers)]
        return executor

    # -- extraction ------------------------------------------------------------------

    def extract(self, html: str, url: str, *, need_date: bool) -> Deferred[ExtractedArticle | None]:
        """The page's article (None: no article text); fails with ``ExtractionFailed``
        when its worker timed out or died, and with extraction's own errors."""
        from twisted.internet.defer import Deferred, maybeDeferred

        if self.in_process:
            from myrtille.crawlers.extraction import extract_article

            return maybeDeferred(extract_article, html, url, need_date=need_date)
        page = _Page(html, url, need_date, Deferred())
        self._waiting.append(page)
        self._pump()
        return page.result

    def _pump(self) -> None:
        """Hand waiting pages to the workers, PER_WORKER each; a suspect page alone."""
        while self._waiting and not self._closed and (self._ready or self._check_ready()):
            head = self._waiting[0]
            alone = any(page.suspect for page in self._running)
            full = len(self._running) >= self.workers * PER_WORKER
            if alone or full or (head.suspect and self._running):
                break
            self._submit(self._waiting.popleft())
        self._arm()
        if self._waiting and not self._closed and not self._ready and self.workers:
            self._arm_warm_up()

    def _arm(self) -> None:
        """Start the timeout of the pages now in a worker: the oldest, one per worker."""
        from twisted.internet import reactor

        for page in self._running[: self.workers]:
            if page.timer is None:
                page.timer = reactor.callLater(self.timeout, self._timed_out, page)  # type: ignore[attr-defined]

    def _check_ready(self) -> bool:
        """True once every worker answered its warm-up; until then, wake up when one does
        (the reactor runs by then: a page is being extracted)."""
        if not all(f.done() for f in self._warming):
            if not self._hooked:
                self._hooked = True
                for future in self._warming:
                    future.add_done_callback(self._from_worker_thread(lambda _f: self._pump()))
            return False
        failed = [f for f in self._warming if f.exception() is not None]
        if failed:
            self._give_up(failed[0].exception())
            return False
        self._warming = []
        self._ready = True
        self._late_warm_ups = 0
        self._disarm_warm_up()
        return True

    def _arm_warm_up(self) -> None:
        """Pages wait for a pool still starting: it has until then to answer."""
        from twisted.internet import reactor

        if self._warm_up_timer is None:
            delay = max(self.timeout, WARM_UP_SECONDS)
            self._warm_up_timer = reactor.callLater(delay, self._warm_up_late)  # type: ignore[attr-defined]

    def _disarm_warm_up(self) -> None:
        if self._warm_up_timer is not None and self._warm_up_timer.active():
            self._warm_up_timer.cancel()
        self._warm_up_timer = None

    def _warm_up_late(self) -> None:
        self._warm_up_timer = None
        if self._ready or self._closed or not self._waiting or not self.workers:
            return
        self._late_warm_ups += 1
        if self._late_warm_ups > 1:
            self._give_up(TimeoutError("extraction workers did not start"))
            return
        logger.warning("extraction workers did not start in time: pool replaced")
        self._restart(suspects=[])
        self._pump()

    def _submit(self, page: _Page) -> None:
        assert self._executor is not None
        try:
            with _blank_main():
                future = self._executor.submit(
                    extraction_worker.extract, page.html, page.url, page.need_date
                )
        except BrokenProcessPool:
            self._waiting.appendleft(page)
            self._restart(suspects=[])
            return
        except OSError as exc:  # no process could be started (memory, process limit)
            self._waiting.appendleft(page)
            self._give_up(exc)
            return
        page.future = future
        self._running.append(page)
        future.add_done_callback(self._from_worker_thread(lambda f: self._finished(page, f)))

    def _finished(self, page: _Page, future: Future[Any]) -> None:
        if page.future is not future:  # from a pool already replaced: the page went on
            return
        self._settle(page)
        error = future.exception()
        if isinstance(error, BrokenProcessPool):
            self._worker_died(page)
        elif error is not None:
            page.result.errback(error)  # extraction's own error, as in the crawl's process
        else:
            page.result.callback(future.result())
        self._pump()

    def _timed_out(self, page: _Page) -> None:
        page.timer = None
        self._settle(page)
        logger.warning("extraction of %s took over %g s: worker stopped", page.url, self.timeout)
        page.result.errback(ExtractionFailed("timed_out"))
        # The others did nothing wrong: they start again in the new pool, as they were.
        self._restart(suspects=[])
        self._pump()

    def _worker_died(self, page: _Page) -> None:
        in_hands = [page, *self._running]
        for other in in_hands[1:]:  # a copy: settling removes each from self._running
            self._settle(other)
        guilty = [p for p in in_hands if p.suspect]  # it was alone: it killed its worker
        for culprit in guilty:
            logger.warning("extraction of %s made its worker die", culprit.url)
            culprit.result.errback(ExtractionFailed("crashed"))
        for suspect in in_hands:
            suspect.suspect = True
        self._restart(suspects=[p for p in in_hands if p not in guilty])

    def _restart(self, suspects: list[_Page]) -> None:
        """A new pool; the pages that were in the workers' hands go first."""
        in_hands = list(self._running)  # a copy: settling removes each from self._running
        for page in in_hands:
            self._settle(page)
        self._waiting.extendleft(reversed([*suspects, *in_hands]))
        old, self._executor = self._executor, None
        if old is not None:
            _kill_workers(old)
            old.shutdown(wait=False, cancel_futures=True)
        if not self._closed:
            self._executor = self._new_executor()

    def _settle(self, page: _Page) -> None:
        """The page is no longer in a worker's hands."""
        page.future = None
        if page.timer is not None and page.timer.active():
            page.timer.cancel()
        page.timer = None
        if page in self._running:
            self._running.remove(page)

    def _give_up(self, error: BaseException | None) -> None:
        """No worker can be had: the rest of the crawl extracts in its own process."""
        logger.error("extraction workers unavailable (%r): extracting in the crawl process", error)
        waiting = list(self._waiting)
        self._waiting.clear()
        old, self._executor = self._executor, None
        self.workers = 0
        if old is not None:
            # A worker left alive keeps the executor's thread, which the interpreter joins at
            # exit, waiting: the crawl process would not end.
            _kill_workers(old)
            old.shutdown(wait=False, cancel_futures=True)
        for page in waiting:
            self.extract(page.html, page.url, need_date=page.need_date).chainDeferred(page.result)

    @staticmethod
    def _from_worker_thread(call: Callable[[Future[Any]], None]) -> Callable[[Future[Any]], None]:
        """A future's callback runs in the executor's thread; ours run in the reactor's."""
        from twisted.internet import reactor

        return lambda future: reactor.callFromThread(call, future)  # type: ignore[attr-defined]


def _worker_context() -> multiprocessing.context.BaseContext:
    """A fork server that preloads extraction where there is one; else plain spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(extraction_worker.PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


@contextmanager
def _blank_main() -> Iterator[None]:
    """multiprocessing runs the parent's ``__main__`` module again in every new worker:
    here the crawl child, with the settings, the database and scipy (seconds and 100 MB
    a worker). While workers start, it is shown an empty one."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _kill_workers(executor: ProcessPoolExecutor) -> None:
    # Python 3.14 has executor.kill_workers(); before it, its own table of processes.
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.kill()
