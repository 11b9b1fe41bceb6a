"""The UI's answers to a wrong address, method or parameter, and to an internal error:
pages in the reader's language (``?lang=``), never the framework's English JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from myrtille.texts import gettext
from myrtille.web.ui.common import language, message


def _lang(request: Request) -> str:
    return language(request.query_params.get("lang"))


def not_found(request: Request) -> HTMLResponse:
    lang = _lang(request)
    text = gettext(
        lang,
        "There is no page at {path}. Check the address, or start again from the search.",
        path=request.url.path,
    )
    return message(request, lang, 404, gettext(lang, "Page not found"), text)


def method_not_allowed(request: Request, headers: Mapping[str, str] | None) -> HTMLResponse:
    lang = _lang(request)
    text = gettext(
        lang,
        "This page does not answer a {method} request; follow a link or use the page's form.",
        method=request.method,
    )
    response = message(request, lang, 405, gettext(lang, "Method not allowed"), text)
    if headers and "Allow" in headers:
        response.headers["Allow"] = headers["Allow"]
    return response


def invalid_request(request: Request, errors: Sequence[dict[str, Any]]) -> HTMLResponse:
    lang = _lang(request)
    names = sorted({str(e.get("loc", ("", "?"))[-1]) for e in errors})
    text = gettext(
        lang,
        "The address holds a value this page cannot use ({names}). Check the address, "
        "or start again from the search.",
        names=", ".join(names),
    )
    return message(request, lang, 422, gettext(lang, "Invalid address"), text)


def internal_error(request: Request) -> HTMLResponse:
    lang = _lang(request)
    text = gettext(
        lang,
        "Something went wrong on our side; nothing was changed. Try again in a moment; if "
        "it happens again, tell the operator (the server log says what failed).",
    )
    return message(request, lang, 500, gettext(lang, "Internal error"), text)


def http_error(request: Request, status: int, headers: Mapping[str, str] | None) -> HTMLResponse:
    if status == 405:
        return method_not_allowed(request, headers)
    if status == 404:
        return not_found(request)
    if status >= 500:
        return internal_error(request)
    response = invalid_request(request, [])
    response.status_code = status
    return response
