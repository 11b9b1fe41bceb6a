"""The web UI: server-rendered pages in French and English, no JavaScript.

Public pages (search, documents, trends) need no account; agents' pages (sources' poll
button, subscriptions for firms) need a session (``sessions.py``); SMEs reach their own
subscriptions through signed links (``web/subscriber.py``).
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from myrtille.texts import gettext
from myrtille.web.sessions import CsrfFailed, SignInRequired
from myrtille.web.ui import (
    companies,
    documents,
    map,
    portfolios,
    search,
    search_export,
    signin,
    sources,
    subscribe,
    subscriptions,
    trends,
    trends_compare,
)
from myrtille.web.ui.common import SECURITY_HEADERS, language, link, message

router = APIRouter(include_in_schema=False)
for module in (
    search,
    search_export,
    documents,
    companies,
    signin,
    trends,
    trends_compare,
    map,
    sources,
    subscriptions,
    subscribe,
    portfolios,
):
    router.include_router(module.router)


def install(app: FastAPI) -> None:
    """Add the UI's routes and the answers to its two flow-control exceptions."""
    app.include_router(router)

    @app.exception_handler(SignInRequired)
    async def sign_in_first(request: Request, exc: SignInRequired) -> Response:
        lang = language(request.query_params.get("lang"))
        return RedirectResponse(
            link("/signin", lang, next=exc.next_url), status_code=303, headers=SECURITY_HEADERS
        )

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, exc: CsrfFailed) -> Response:
        lang = language(request.query_params.get("lang"))
        expired = gettext(
            lang,
            "This form has expired or did not come from this page. Reload the page and try again.",
        )
        return message(request, lang, 403, gettext(lang, "Action refused"), expired)
