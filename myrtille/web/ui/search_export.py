"""``/search/export``: the search page's results as a CSV or JSON Lines file.

The page shows one page of results to anyone; the export streams every match, so it is
for signed-in agents (as the API's export is for API keys). The rows are the API's
(``index/export.py``, columns in docs/api.md).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from myrtille.index.export import ExportFormat
from myrtille.web.api import ApiError, export_response, search_query, state
from myrtille.web.sessions import require_signed_in
from myrtille.web.ui.common import language, link

router = APIRouter(include_in_schema=False)


def export_links(query: str, lang: str) -> list[dict[str, str]]:
    """The two links the search page shows to a signed-in agent."""
    return [
        {
            "format": format,
            "name": name,
            "href": link("/search/export", lang, q=query, format=format),
        }
        for format, name in (("csv", "CSV"), ("jsonl", "JSON Lines"))
    ]


@router.get("/search/export")
def search_export(
    request: Request, q: str = "", format: ExportFormat = "csv", lang: str | None = None
) -> Response:
    require_signed_in(request)
    chosen = language(lang)
    app = state(request)
    try:
        node = search_query(q, app.resolver)
    except ApiError:
        # The search page shows where the query is wrong and how to write it.
        return RedirectResponse(link("/search", chosen, q=q), status_code=303)
    return export_response(app.index.scan(node), format, "search")
