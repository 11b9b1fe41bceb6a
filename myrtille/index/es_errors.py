"""What the Elasticsearch backend raises, and the cluster's reasons put into words.

The split decides what is retried (see ``myrtille.exceptions``): a 4xx answer is an
``ElasticsearchError`` (retrying will not fix it), an unreachable or busy cluster an
``IndexUnavailable`` (transient), refused documents of a bulk a ``BulkItemsFailed``
(per item: the others were written).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from elasticsearch import ApiError

from myrtille.exceptions import ItemError, MyrtilleError, TransientError


class ElasticsearchError(MyrtilleError):
    """The cluster refused a request that retrying will not fix (a 4xx answer)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)


class IndexUnavailable(TransientError):
    """The cluster could not be reached or stayed busy after the client's retries."""


@dataclass(frozen=True)
class ItemFailure:
    id: str
    status: int | str
    reason: str


class BulkItemsFailed(ItemError):
    """Some documents of a batch were refused; the others were written. Each failure
    names the document id and the cluster's reason."""

    def __init__(self, failures: Sequence[ItemFailure], written: int) -> None:
        self.failures = list(failures)
        self.written = written
        shown = "; ".join(f"{f.id}: {f.reason}" for f in self.failures[:20])
        more = f" (and {len(self.failures) - 20} more)" if len(self.failures) > 20 else ""
        super().__init__(
            f"{len(self.failures)} document(s) not indexed, {written} written: {shown}{more}"
        )


def _describe(detail: dict[str, Any]) -> str:
    """``type: reason``, and what caused it when the cluster says."""
    reason = f"{detail.get('type')}: {detail.get('reason')}"
    caused = detail.get("caused_by")
    if isinstance(caused, dict) and caused.get("reason"):
        reason += f" (caused by {caused.get('type')}: {caused.get('reason')})"
    return reason


def error_reason(error: ApiError) -> str:
    """The reason of a refused request, from the error body when it has one."""
    body = error.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return _describe(body["error"])
    return str(error.message)


def item_reason(info: dict[str, Any]) -> str:
    """The reason of one refused item of a bulk answer."""
    error = info.get("error")
    if isinstance(error, dict):
        return _describe(error)
    return str(error or info.get("result") or "unknown error")


def error_type(error: ApiError) -> str | None:
    body = error.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return str(body["error"].get("type"))
    return None
