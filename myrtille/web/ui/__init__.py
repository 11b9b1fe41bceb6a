"""The web UI: server-rendered pages in French and English, no JavaScript.

Public pages (search, documents, trends) need no account; agents' pages (sources' poll
button, subscriptions for firms) need a session (``sessions.py``); SMEs reach their own
subscriptions through signed links (``web/subscriber.py``).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from myrtille.texts import gettext, ngettext
from myrtille.web.rate_limits import PublicPagesLimited, public_pages_limit
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
# The pages anyone may read without signing in: counted per client address
# (web.rate_limits.public_pages). Sign-in has its own throttle, agents' pages a session.
PUBLIC = (
    search,
    search_export,
    documents,
    companies,
    trends,
    trends_compare,
    map,
    sources,
    subscribe,
)
LIMITED = [Depends(public_pages_limit)]
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
    router.include_router(module.router, dependencies=LIMITED if module in PUBLIC else [])


def install(app: FastAPI) -> None:
    """Add the UI's routes and the answers to its two flow-control exceptions."""
    app.include_router(router)

    @app.exception_handler(SignInRequired)
    async def sign_in_first(request: Request, exc: SignInRequired) -> Response:
        lang = language(request.query_params.get("lang"))
        return RedirectResponse(
            link("/signin", lang, next=exc.next_url), status_code=303, headers=SECURITY_HEADERS
        )

    @app.exception_handler(PublicPagesLimited)
    async def too_many_pages(request: Request, exc: PublicPagesLimited) -> Response:
        lang = language(request.query_params.get("lang"))
        wait = exc.wait_seconds
        text = ngettext(
            lang,
            "Too many pages asked for from your connection: try again in {n} second.",
            "Too many pages asked for from your connection: try again in {n} seconds.",
            wait,
        )
        response = message(request, lang, 429, gettext(lang, "Too many requests"), text)
        response.headers["Retry-After"] = str(wait)
        return response

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, exc: CsrfFailed) -> Response:
        lang = language(request.query_params.get("lang"))
        expired = gettext(
            lang,
            "This form has expired or did not come from this page. Reload the page and try again.",
        )
        return message(request, lang, 403, gettext(lang, "Action refused"), expired)
