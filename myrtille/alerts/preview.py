"""What a subscription would have matched lately: its query over the last days, newest
first, so that a subscriber can judge a query before being alerted by it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from myrtille.index.base import Hit, IndexBackend, SearchRequest
from myrtille.index.query import And, DateBound, ValueResolver, parse

DEFAULT_DAYS = 30
DEFAULT_LIMIT = 20


@dataclass
class PreviewResult:
    total: int
    hits: list[Hit] = field(default_factory=list)
    # The first day searched (UTC): documents filed on or after it.
    since: date | None = None


def preview(
    index: IndexBackend,
    query_text: str,
    resolver: ValueResolver | None,
    days: int = DEFAULT_DAYS,
    limit: int = DEFAULT_LIMIT,
    now: datetime | None = None,
) -> PreviewResult:
    """The documents of the last ``days`` days the query matches, newest first.

    Raises ``QueryError`` (with its position) when the query is not valid."""
    if days < 1:
        raise ValueError("days must be at least 1")
    if limit < 1:
        raise ValueError("limit must be at least 1")
    node = parse(query_text, resolver)
    since = ((now or datetime.now(UTC)).astimezone(UTC) - timedelta(days=days)).date()
    result = index.search(
        SearchRequest(query=And((node, DateBound("after", since))), sort="date", per_page=limit)
    )
    return PreviewResult(total=result.total, hits=list(result.hits), since=since)
