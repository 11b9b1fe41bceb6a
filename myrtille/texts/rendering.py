"""Jinja2 environments bound to one language's catalogue, with the formatting filters."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import cache
from typing import Any

from jinja2 import BaseLoader, Environment, StrictUndefined, select_autoescape

import myrtille.texts.formats as formats
from myrtille.texts.catalogue import language, translations
from myrtille.texts.vocabulary import label


@cache
def jinja_environment(lang: str, loader: BaseLoader) -> Environment:
    """One environment per (language, loader): pass the same loader object each time
    (a module-level one) so that templates are compiled once per language.

    Templates use ``{% trans %}…{% endtrans %}``, ``_("…", name=value)`` and
    ``ngettext("one %(num)s", "%(num)s many", n)`` (Jinja's new-style gettext: parameters
    as ``%(name)s``, escaped in HTML); ``lang`` is a global."""
    lang = language(lang)
    environment = Environment(
        loader=loader,
        extensions=["jinja2.ext.i18n"],
        # HTML escapes everything; plain-text parts (emails' .txt) must not be escaped.
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "xml"), default_for_string=True, default=False
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    environment.globals["lang"] = lang

    def format_date(
        value: date | datetime | None, tz: str | tzinfo | None = None, style: str = ""
    ) -> str:
        return formats.format_date(value, lang, tz, style)

    def format_datetime(value: datetime | None, tz: str | tzinfo | None = None) -> str:
        return formats.format_datetime(value, lang, tz)

    def format_number(value: int | float | None) -> str:
        return formats.format_number(value, lang)

    def format_decimal(value: float | None, digits: int = 2) -> str:
        return formats.format_decimal(value, lang, digits)

    def format_percent(value: float | None, digits: int = 1) -> str:
        return formats.format_percent(value, lang, digits)

    def vocabulary(kind: str) -> Any:
        return lambda code: label(lang, kind, code)

    environment.filters.update(
        format_date=format_date,
        format_datetime=format_datetime,
        format_number=format_number,
        format_decimal=format_decimal,
        format_percent=format_percent,
        sector_label=vocabulary("sector"),
        event_label=vocabulary("event"),
        region_label=vocabulary("region"),
        department_label=vocabulary("department"),
    )
    return environment
