"""What to tell someone who searches an index that holds nothing yet: a fresh
installation's first search should say what to run, not just "no results"."""

from __future__ import annotations

from myrtille.index.base import IndexBackend
from myrtille.texts import N_, gettext

EMPTY_INDEX_HINT = (
    "the index holds no documents yet: run 'myrtille crawl' to collect the sources, "
    "then 'myrtille process' to enrich and index what was collected"
)


# The CLI's words (docs/cli.md); the API keeps the English above, with the backend's reason.
HINTS = {
    "empty": N_(
        "Hint: the index holds no documents yet: run {crawl} to collect the sources, "
        "then {process} to enrich and index what was collected."
    ),
    "rebuild": N_(
        "Hint: the index was made by an older version of Myrtille and emptied when this "
        "version opened it: run {rebuild} to fill it again from the state database."
    ),
}


def empty_index_hint_in(index: IndexBackend, lang: str) -> str:
    """``empty_index_hint`` as a sentence in ``lang``, from the catalogue."""
    if index.rebuild_needed() is None:
        return gettext(lang, HINTS["empty"], crawl="'myrtille crawl'", process="'myrtille process'")
    if lang == "en":  # the backend's own reason names the schema versions, in English
        return f"Hint: {empty_index_hint(index)}."
    return gettext(lang, HINTS["rebuild"], rebuild="'myrtille index rebuild'")


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
