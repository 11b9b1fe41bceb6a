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
    """The form for ``n`` of a plural message; ``{n}`` is the count written as the
    language writes numbers ("1 500" / "1,500")."""
    lang = texts.locale_language()
    return (
        texts.translations(lang)
        .ngettext(singular, plural, n)
        .format(n=texts.format_number(n, lang), **params)
    )


def number(n: int) -> str:
    """A count as the CLI's language writes it ("12 345" / "12,345")."""
    return texts.format_number(n, texts.locale_language())


def query_refused(exc: QueryError) -> str:
    """Why and where the query language refused a query, in the CLI's language."""
    detail = exc.text(texts.locale_language())
    return say(
        "Invalid query: {detail} (at position {position})", detail=detail, position=exc.position + 1
    )
