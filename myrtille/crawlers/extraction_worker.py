"""What runs inside an extraction worker process (see crawlers/extraction_pool.py).

The crawl process imports this module only to name its functions, so nothing heavy is
imported at the top: trafilatura is loaded by the workers alone (the fork server preloads
it, so that a worker restarted after a crash or a timeout is ready at once).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from myrtille.crawlers.extracted import ExtractedArticle

# What a worker needs, loaded once in the fork server that starts the workers.
PRELOAD = ["myrtille.crawlers.extraction_worker", "myrtille.crawlers.extraction"]


def started() -> None:
    """Each worker's initializer: the crawl process alone decides when a worker ends."""
    # Ctrl-C reaches the whole process group; the crawl stops gracefully on it, and its
    # workers must finish the pages it still waits for.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        # Killed with the fork server, which ends with the crawl process: no orphan
        # worker goes on after a crawl process killed with -9.
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() == 1:  # the fork server died while this worker started
            os._exit(1)


def ready() -> int:
    """The warm-up task: extraction is loaded and the worker answers. Its pid."""
    import myrtille.crawlers.extraction  # noqa: F401  (preloaded: a lookup)

    return os.getpid()


def extract(html: str, url: str, need_date: bool) -> ExtractedArticle | None:
    from myrtille.crawlers.extraction import extract_article

    return extract_article(html, url, need_date=need_date)
