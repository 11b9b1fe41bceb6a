"""The preview a subscription page shows under its form: what the query matched over the
last 30 days, newest first, as the page's template expects it (agents' and public pages)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request

from myrtille.alerts.preview import DEFAULT_DAYS, DEFAULT_LIMIT, preview
from myrtille.texts import format_date
from myrtille.web.api import state
from myrtille.web.ui.common import link, source_names


def preview_of(
    request: Request, query: str, lang: str, limit: int = DEFAULT_LIMIT
) -> dict[str, Any]:
    """The template context of the preview; raises ``QueryError`` on an invalid query."""
    app = state(request)
    found = preview(app.index, query, app.resolver, days=DEFAULT_DAYS, limit=limit)
    names = source_names(request)
    return {
        "days": DEFAULT_DAYS,
        "since": format_date(found.since, lang) if found.since else "",
        "total": found.total,
        "hits": [
            {
                "title": hit.title or hit.id,
                "href": link(f"/documents/{quote(hit.id, safe='')}", lang),
                "source": names.get(hit.source, hit.source),
                "date": format_date(hit.published_at, lang),
            }
            for hit in found.hits
        ],
    }
