"""The CLI speaks the language of the process's locale: English, or French when
``LC_ALL``/``LC_MESSAGES``/``LANG`` starts with ``fr`` (see ``texts.locale_language``).
Its texts come from the catalogue; ``make messages`` extracts ``say``/``say_n`` calls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from myrtille import texts

if TYPE_CHECKING:
    from myrtille.index.query import QueryError


def say(msgid: str, **params: Any) -> str:
    """``msgid`` in the CLI's language, ``params`` filled in with ``str.format``."""
    return texts.gettext(texts.locale_language(), msgid, **params)


def say_n(singular: str, plural: str, n: int, **params: Any) -> str:
    """The form for ``n`` of a plural message (``{n}`` is the count)."""
    return texts.ngettext(texts.locale_language(), singular, plural, n, **params)


def query_refused(exc: QueryError) -> str:
    """Why and where the query language refused a query, in the CLI's language."""
    detail = exc.text(texts.locale_language())
    return say(
        "Invalid query: {detail} (at position {position})", detail=detail, position=exc.position + 1
    )
