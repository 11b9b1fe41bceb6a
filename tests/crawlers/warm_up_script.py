"""Run by tests/crawlers/test_extraction_warm_up.py in a process of its own (a Twisted
reactor runs once per process): one page extracted by a pool whose first ``argv[1]`` pools
never answer their warm-up (each new pool's warm-up replaced by a task that never ends, in
a real worker process). Prints the extracted title and the pool's log as JSON."""

from __future__ import annotations

import json
import logging
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from twisted.internet import asyncioreactor

asyncioreactor.install()

from twisted.internet import reactor  # noqa: E402

from myrtille.crawlers import extraction_pool  # noqa: E402
from tests.crawlers.pages import article_html  # noqa: E402

STUCK = int(sys.argv[1])
extraction_pool.WARM_UP_SECONDS = 1.0  # the test's setting: the pool's time to start


class StuckPools(extraction_pool.ExtractionPool):
    made = 0

    def _new_executor(self) -> ProcessPoolExecutor:
        executor = super()._new_executor()
        StuckPools.made += 1
        if StuckPools.made <= STUCK:
            # The worker is busy for ever before it can say it is ready.
            self._warming = [executor.submit(time.sleep, 3600)]
        return executor


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def main() -> None:
    log = Lines()
    logging.getLogger("myrtille.crawlers.extraction_pool").addHandler(log)
    pool = StuckPools(1, 0.5)
    pool.start()
    out: dict[str, Any] = {}

    def done(result: Any) -> None:
        out["title"] = getattr(result, "title", None) or repr(result)
        reactor.stop()  # type: ignore[attr-defined]

    html = article_html("Une usine à Montauban", paragraphs=4)
    reactor.callWhenRunning(  # type: ignore[attr-defined]
        lambda: pool.extract(html, "http://example.test/a.html", need_date=False).addBoth(done)
    )
    reactor.run()  # type: ignore[attr-defined]
    pool.close()
    out["log"] = log.lines
    out["pools"] = StuckPools.made
    print(json.dumps(out))


if __name__ == "__main__":
    main()
