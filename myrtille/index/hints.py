"""What to tell someone who searches an index that holds nothing yet: a fresh
installation's first search should say what to run, not just "no results"."""

from __future__ import annotations

from myrtille.index.base import IndexBackend

EMPTY_INDEX_HINT = (
    "the index holds no documents yet: run 'myrtille crawl' to collect the sources, "
    "then 'myrtille process' to enrich and index what was collected"
)


def empty_index_hint(index: IndexBackend) -> str:
    """What to run when the index is empty: a rebuild when this version of Myrtille
    emptied an index an older one made, else the first crawl and processing."""
    reason = index.rebuild_needed()
    if reason is None:
        return EMPTY_INDEX_HINT
    return (
        f"the index was {reason}: run 'myrtille index rebuild' to fill it again from the "
        "state database"
    )


def index_is_empty(index: IndexBackend, total: int) -> bool:
    """True when nothing matched because there is nothing at all (not for a query that
    matches nothing): the index is counted only then."""
    return total == 0 and index.count() == 0
