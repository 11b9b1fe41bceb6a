"""The gettext catalogues, compiled in memory from the ``.po`` files at first use."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from importlib import resources
from io import BytesIO
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
DOMAIN = "messages"


def language(value: str | None) -> str:
    """``value`` if it names a catalogue ("en", "en-GB", "fr_FR"...), else French."""
    head = (value or "").replace("-", "_").split("_", 1)[0].lower()
    return head if head in LANGUAGES else DEFAULT_LANGUAGE


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the process's locale asks for, as every POSIX command reads it:
    ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``; French when it starts with ``fr``,
    English otherwise (the CLI's language)."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:  # the first one set decides, as in setlocale(3)
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


@cache
def translations(lang: str) -> Translations:
    """The compiled catalogue of ``lang`` (English msgids fall through as themselves)."""
    lang = language(lang)
    path = resources.files("myrtille.texts").joinpath(f"locale/{lang}/LC_MESSAGES/{DOMAIN}.po")
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    # use_fuzzy=False: a fuzzy entry is a guess by `pybabel update`, never shown to people.
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def N_(msgid: str) -> str:
    """Marks ``msgid`` for extraction where it is translated later (tables of labels)."""
    return msgid


def gettext(lang: str, msgid: str, **params: Any) -> str:
    text = translations(lang).gettext(msgid)
    return text.format(**params) if params else text


def ngettext(lang: str, singular: str, plural: str, n: int, **params: Any) -> str:
    """The plural form of ``lang`` for ``n`` (French: 0 and 1 are singular)."""
    text = translations(lang).ngettext(singular, plural, n)
    return text.format(n=n, **params)
