"""Run by tests/crawlers/test_extraction_requeue.py in a process of its own (a Twisted
reactor runs once per process): a real pool is handed slow pages (seconds of trafilatura
each) then ordinary ones, all in one go, so that several pages are in the workers' hands
when the pool is replaced. Prints what became of each page as JSON: its title,
``failed: <reason>``, or ``lost`` when its Deferred had not fired after LIMIT seconds
(a crawl would have waited for it for ever); and the errors Twisted logged.

Usage: ``python -m tests.crawlers.requeue_script MODE WORKERS TIMEOUT SLOW ORDINARY``;
MODE ``timeout``: the slow page outlives TIMEOUT; ``kill``: once every page is in the
workers' hands, one worker is killed with SIGKILL (as the OOM killer would)."""

from __future__ import annotations

import json
import os
import signal
import sys
from typing import Any

from twisted.internet import asyncioreactor

asyncioreactor.install()

from twisted.internet import reactor, task  # noqa: E402
from twisted.python import log  # noqa: E402
from twisted.python.failure import Failure  # noqa: E402

from myrtille.crawlers.extraction_pool import ExtractionPool  # noqa: E402
from tests.crawlers.pages import article_html  # noqa: E402
from tests.crawlers.test_extraction_pool import slow_page  # noqa: E402

# A generous wait for the pages still out: a new pool and a few pages take seconds.
LIMIT = 240.0
TITLES = ["Une usine à Montauban", "A plant closes in Leeds", "Un rachat à Brest"]


def main() -> None:
    mode, workers, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    slow, ordinary = int(sys.argv[4]), int(sys.argv[5])
    pool = ExtractionPool(workers, timeout)
    pool.start()
    # The slow pages of a kill are read twice (again alone after it): smaller ones.
    blocks = 40_000 if mode == "timeout" else 8_000
    pages = {f"http://example.test/slow-{n}.html": slow_page(blocks).decode() for n in range(slow)}
    for n in range(ordinary):
        pages[f"http://example.test/{n}.html"] = article_html(TITLES[n % 3], paragraphs=4)
    out: dict[str, Any] = {"pages": dict.fromkeys(pages, "lost"), "errors": []}
    log.addObserver(
        lambda event: (
            out["errors"].append(log.textFromEventDict(event)) if event.get("isError") else None
        )
    )

    def settled(result: Any, url: str) -> None:
        if isinstance(result, Failure):
            error = result.value
            out["pages"][url] = f"failed: {getattr(error, 'reason', repr(error))}"
        else:
            out["pages"][url] = "extracted: " + str(getattr(result, "title", None))
        if "lost" not in out["pages"].values():
            reactor.stop()  # type: ignore[attr-defined]

    def hand_over() -> None:
        for url, html in pages.items():
            pool.extract(html, url, need_date=False).addBoth(settled, url)

    def kill_when_all_in_hands() -> None:
        if len(pool._running) == len(pages) and pool._executor is not None:
            os.kill(next(iter(pool._executor._processes)), signal.SIGKILL)
            killing.stop()

    reactor.callWhenRunning(hand_over)  # type: ignore[attr-defined]
    if mode == "kill":
        killing = task.LoopingCall(kill_when_all_in_hands)
        killing.start(0.01)  # no event says "all in hand" from outside the pool
    reactor.callLater(LIMIT, reactor.stop)  # type: ignore[attr-defined]
    reactor.run()  # type: ignore[attr-defined]
    pool.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
