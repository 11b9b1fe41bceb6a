"""Schemathesis hooks for the API fuzzing suite (``SCHEMATHESIS_HOOKS``, test_api_fuzz.py):
a strategy for the SIREN format the schema names (``myrtille/web/api_schema.py``), and
the two rules between parameters that OpenAPI cannot state, so that the valid requests the
fuzzer sends are valid. Invalid ones are sent all the same, in its negative mode."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import strategies as st

from myrtille.web.api_schema import SIREN_FORMAT


def _siren(digits: str) -> str:
    """``digits`` (8) completed with their Luhn check digit."""
    for last in "0123456789":
        candidate = digits + last
        total = 0
        for position, digit in enumerate(reversed(candidate)):
            value = int(digit) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError("a Luhn digit always exists")


sirens = st.from_regex(r"[0-9]{8}", fullmatch=True).map(_siren)

schemathesis.openapi.format(SIREN_FORMAT, sirens)

# Trends: exactly one of these subjects (docs/api.md).
SUBJECTS = ("company", "sector", "event", "q")


@schemathesis.hook
def filter_query(ctx: Any, query: dict[str, Any] | None) -> bool:
    """Drop the queries that break a rule between parameters, which the schema cannot say:
    /trends takes exactly one subject; /map's ``after`` comes before ``before``, /search's
    ``since`` not after ``until``. Those rules have their own tests (tests/web/test_api.py,
    test_map.py); the coverage phase, which these hooks do not filter, meets their 400
    (tests/web/schemathesis.toml)."""
    path = ctx.operation.path if ctx.operation is not None else ""
    query = query or {}
    if path == "/api/v1/trends":
        return sum(query.get(name) is not None for name in SUBJECTS) == 1
    if path == "/api/v1/map":
        return not _out_of_order(query.get("after"), query.get("before"), strictly=True)
    if path == "/api/v1/search":
        return not _out_of_order(query.get("since"), query.get("until"), strictly=False)
    return True


def _out_of_order(first: object, last: object, strictly: bool) -> bool:
    """Whether two days, both given, break their order."""
    if not (isinstance(first, str) and isinstance(last, str)):
        return False
    return first >= last if strictly else first > last
