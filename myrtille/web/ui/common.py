"""What every page of the web UI shares: security headers, the Jinja environment (bound
to the language's catalogue: every word a page shows comes from it), link helpers, and
``render``.

Crawled text is untrusted: templates autoescape everything; the few ``Markup`` values a
page passes in are built from escaped pieces (snippets, highlighted entities). Links from
crawled data are kept only when they are http(s).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from babel import Locale
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import FileSystemLoader

from myrtille.index.query import Or, QueryError, parse
from myrtille.pipeline.normalise import web_url
from myrtille.texts import jinja_environment
from myrtille.texts.formats import locale
from myrtille.web import sessions

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Pages reached by a signed token in their URL (links in emails): kept out of caches and
# search engines; they read and set no cookie (the token is their only credential).
TOKEN_PAGE_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}

LANGUAGES = ("fr", "en")

# One loader: pages render through jinja_environment(lang, LOADER), which binds
# {% trans %} and _() to the language's catalogue (myrtille.texts).
LOADER = FileSystemLoader(Path(__file__).parent.parent / "templates")


def language_name(lang: str) -> str:
    """The language's own name ("Français", "English"), for the link to the other one."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def language(value: str | None) -> str:
    return value if value in LANGUAGES else "fr"


def language_label(code: str | None, lang: str) -> str:
    """A document's language named in the reader's ("anglais", "French"); a code Babel
    does not know is shown as given."""
    text = str(code or "")
    return locale(lang).languages.get(text.split("-")[0].split("_")[0].lower()) or text


def source_names(request: Request) -> dict[str, str]:
    """Each configured source's display name by id (its ``name``, else its id); a
    source no longer configured keeps its id."""
    return {source.id: source.label for source in request.app.state.settings.sources}


def other(lang: str) -> str:
    return "en" if lang == "fr" else "fr"


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (no javascript:, data:…)."""
    return web_url(url)


def link(path: str, lang: str, **params: object) -> str:
    """A local URL with its parameters; the language only when not the default."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if lang != "fr":
        query["lang"] = lang
    return path + ("?" + urlencode(query) if query else "")


def term(field: str, value: str) -> str:
    """``field:value`` as the query language reads it back (quoted when needed)."""
    if re.fullmatch(r"[^\s()\"]+", value) and ":" not in value:
        return f"{field}:{value}"
    return f'{field}:"{value.replace(chr(34), " ")}"'


def narrowed(query: str, *terms: str) -> str:
    """``query`` and ``terms`` all required: "a OR b sector:x" would narrow only b, so a
    top-level OR is grouped first."""
    query = query.strip()
    if query and terms:
        try:
            if isinstance(parse(query), Or):
                query = f"({query})"
        except QueryError:
            pass  # shown as an error by the page; nothing to group
    return " ".join(part for part in (query, *terms) if part)


def query_error(q: str, error: QueryError, lang: str) -> dict[str, Any]:
    """The parser's message in the page's language, with the faulty character pointed at
    (``_query_error.html``)."""
    at = error.position or 0
    return {
        "message": error.text(lang),
        "position": at + 1,
        "before": q[:at],
        "at": q[at : at + 1] or " ",
        "after": q[at + 1 :],
    }


def render(
    request: Request,
    template: str,
    lang: str,
    status: int = 200,
    token_page: bool = False,
    **context: Any,
) -> HTMLResponse:
    """A page of the UI: the header knows who is signed in; forms get the CSRF field.
    A ``token_page`` (behind a link in an email) reads no session and sets no cookie."""
    agent = None if token_page else sessions.signed_in(request)
    here = request.url.path
    html = (
        jinja_environment(lang, LOADER)
        .get_template(template)
        .render(
            lang=lang,
            home=link("/search", lang),
            nav={
                "search": link("/search", lang),
                "companies": link("/companies", lang),
                "trends": link("/trends", lang),
                "map": link("/map", lang),
                "sources": link("/sources", lang),
                "subscriptions": link("/agent/subscriptions", lang),
                "portfolios": link("/agent/portfolios", lang),
                "sign_in": link("/signin", lang, next=here if here != "/signin" else None),
                "sign_out": "/signout",
            },
            agent=agent,
            csrf="" if token_page else sessions.csrf_field(request),
            switch=context.pop("switch", link(here, other(lang))),
            switch_name=language_name(other(lang)),
            **context,
        )
    )
    if token_page:
        return HTMLResponse(html, status, headers=SECURITY_HEADERS | TOKEN_PAGE_HEADERS)
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    sessions.set_csrf_cookie(request, response)
    return response


def message(
    request: Request, lang: str, status: int, title: str, text: str, **context: Any
) -> HTMLResponse:
    return render(
        request, "message.html", lang, status=status, title=title, message=text, **context
    )
