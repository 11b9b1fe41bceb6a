"""The service's locks: the scheduler lock (one holder runs the time-driven jobs) and the
sources a crawl run may take (one crawl of a source at a time). The locks themselves are
``store/locks.py``'s, which the web app's "poll now" takes too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager

from myrtille.config.settings import Settings
from myrtille.config.sources import SourceBase
from myrtille.store.database import Database
from myrtille.store.locks import Lock, lock_sources

log = logging.getLogger("myrtille.service")

SCHEDULER_LOCK = "myrtille:scheduler"


def scheduler_lock(settings: Settings, database: Database) -> Lock:
    return Lock(database, settings.data_dir, SCHEDULER_LOCK)


@contextmanager
def claimed_sources(
    settings: Settings, database: Database, sources: Sequence[SourceBase]
) -> Iterator[list[SourceBase]]:
    """The ``sources`` this process may crawl now: those whose lock it got and that are
    still due once locked (another process may have crawled one between our choice and
    our lock). The locks are held until the block ends."""
    from myrtille.crawlers.runner import due_sources

    with ExitStack() as stack:
        got = lock_sources(database, settings.data_dir, [s.id for s in sources], stack)
        locked = [s for s in sources if s.id in got]
        for source in sources:
            if source.id not in got:
                log.info("source %s is being crawled by another worker; skipped", source.id)
        if locked:
            still_due = {s.id for s in due_sources(settings, database)}
            locked = [s for s in locked if s.id in still_due]
        yield locked
