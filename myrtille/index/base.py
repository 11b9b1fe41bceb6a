"""The index backend interface, and the documents and results that cross it.

Backends (``sqlite.py``, ``elasticsearch.py``) translate the query AST of ``query.py``;
``matching.py`` evaluates it against one document and defines what a query means.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from myrtille.index.query import Node

FACET_FIELDS = ("company", "sector", "event", "region", "dept", "source", "lang")
# Values a facet lists unless a request asks for more (the map asks for every department).
FACET_LIMIT = 20
# Documents a scan reads per round trip: what an export holds in memory at a time.
SCAN_BATCH = 500
# Ids ``get_many`` asks for per round trip (under SQLite's 999 bound variables of old).
GET_MANY_BATCH = 500
Sort = Literal["relevance", "date"]
Interval = Literal["day", "week", "month"]


@dataclass
class IndexedDocument:
    """A collected and enriched document as the index keeps it."""

    id: str
    url: str
    title: str
    text: str
    source: str
    kind: str = "article"
    language: str | None = None
    published_at: datetime | None = None
    collected_at: datetime | None = None
    cluster: str | None = None
    summary: str | None = None
    # Folded lemmas of the title and the text (space-separated), from the enrichment.
    title_lemmas: str = ""
    text_lemmas: str = ""
    entities: list[dict[str, Any]] = field(default_factory=list)
    companies: list[dict[str, Any]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)

    @property
    def date(self) -> datetime | None:
        """The date the document is filed under: published, else collected."""
        return self.published_at or self.collected_at


@dataclass
class SearchRequest:
    query: Node
    sort: Sort = "relevance"
    page: int = 1
    per_page: int = 20
    facets: Sequence[str] = ()
    facet_limit: int = FACET_LIMIT
    histogram: Interval | None = None
    # Results as the index stood at this point (returned by the first page): later pages
    # stay consistent while new documents arrive.
    as_of: int | None = None


@dataclass
class Hit:
    id: str
    title: str
    url: str
    published_at: datetime | None
    source: str
    language: str | None
    cluster: str | None
    snippet: str
    score: float | None = None


@dataclass
class FacetCount:
    value: str
    count: int
    label: str | None = None


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    page: int
    per_page: int
    as_of: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    histogram: list[tuple[str, int]] = field(default_factory=list)


class IndexBackend(ABC):
    """What every index backend does; the contract suite runs against each."""

    name: str = ""

    @abstractmethod
    def create(self) -> None:
        """Create or migrate the index structures (idempotent)."""

    @abstractmethod
    def index(self, documents: Sequence[IndexedDocument]) -> int:
        """Add or replace documents by id, in one batch; returns how many were written."""

    @abstractmethod
    def delete(self, ids: Sequence[str]) -> int: ...

    @abstractmethod
    def get(self, document_id: str) -> IndexedDocument | None: ...

    @abstractmethod
    def get_many(self, ids: Sequence[str]) -> dict[str, IndexedDocument]:
        """The stored documents of ``ids`` by id, in one round trip per batch rather than
        one per document; ids not in the index are left out."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResult: ...

    @abstractmethod
    def scan(
        self, query: Node, *, as_of: int | None = None, batch_size: int = SCAN_BATCH
    ) -> Iterator[IndexedDocument]:
        """Every document matching ``query`` (as the index stood at ``as_of``, default:
        when the scan begins), newest first as ``sort="date"`` orders them, undated
        last. Read ``batch_size`` at a time, so that memory stays bounded however many
        match; the count is the ``total`` of the same search."""

    @abstractmethod
    def same_story(self, document_id: str, limit: int = 20) -> list[Hit]:
        """Other documents of the document's story cluster ("more like this story")."""

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def clear(self) -> None:
        """Remove every document (before a rebuild)."""

    @abstractmethod
    def delete_older_than(self, cutoff: datetime, keep: Collection[str] = ()) -> int:
        """Delete the documents filed (published, else collected) before ``cutoff``,
        except the ids in ``keep``; undated documents stay. Returns how many went."""

    def rebuild_needed(self) -> str | None:
        """Why the index must be rebuilt from the state database before it can answer
        (it was made by an older version of Myrtille and emptied), else None."""
        return None

    def rebuilt(self) -> None:  # noqa: B027 (optional for backends that migrate in place)
        """Forget ``rebuild_needed``: a rebuild has just filled the index."""

    def optimise(self, *, forcemerge: bool = False) -> None:  # noqa: B027 (optional)
        """Compact the index after deletions, where the backend gains from it."""

    def close(self) -> None:  # noqa: B027 (optional for backends without resources)
        """Release connections."""
