"""Every text a person reads — pages, form errors, states, emails, digests, CLI summaries —
from one gettext catalogue per language (``locale/<lang>/LC_MESSAGES/messages.po``).

msgids are English; the French catalogue is complete (``tests/texts/`` fails on
any untranslated entry). The ``.po`` files are compiled in memory at first use, so a
fresh checkout needs no build step. ``make messages`` extracts new strings from the code
and templates and merges them into both catalogues; see docs/translating.md.

The API, small on purpose:

- ``gettext(lang, msgid, **params)`` and ``ngettext(lang, singular, plural, n, **params)``:
  the translation, then ``str.format(**params)`` (``n`` is passed to plurals as ``{n}``).
- ``jinja_environment(lang, loader)``: a cached Jinja2 environment per (language, loader)
  with ``{% trans %}``/``_()``/``ngettext()`` bound to the catalogue (new style: ``_()``
  takes keyword parameters and escapes them), autoescape on for ``.html`` templates,
  ``StrictUndefined``, and the filters ``format_date``, ``format_datetime`` (with a time
  zone), ``format_number``, ``format_decimal``, ``format_percent`` and the vocabulary
  filters ``sector_label``, ``event_label``, ``region_label``, ``department_label``.
- ``labels(lang)``: the code → name tables of the vocabulary (sector, event, region,
  department) for Python code; ``label(lang, kind, code)`` for one name.
- ``format_*`` functions (module ``myrtille.texts.formats``) for Python code;
  ``sort_key(name)`` orders names as a list in French or English does ("Énergie" among
  the E, not after "Z").
- ``N_(msgid)`` marks a string for extraction that is translated later, by ``gettext``.
- ``LANGUAGES``: the languages with a catalogue; ``language(value)`` narrows any value
  to one of them (French by default); ``locale_language()`` is the language of the
  process's locale (``LC_ALL``/``LC_MESSAGES``/``LANG``: French if it starts with ``fr``,
  else English), the CLI's.

This package sits at the bottom of the import graph: it imports nothing of Myrtille's
but the package data of ``myrtille.config``.
"""

from __future__ import annotations

from myrtille.texts.catalogue import (
    LANGUAGES,
    N_,
    gettext,
    language,
    locale_language,
    ngettext,
    translations,
)
from myrtille.texts.collation import sort_key
from myrtille.texts.formats import (
    format_date,
    format_datetime,
    format_decimal,
    format_number,
    format_percent,
)
from myrtille.texts.rendering import jinja_environment
from myrtille.texts.vocabulary import label, labels

__all__ = [
    "LANGUAGES",
    "N_",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_number",
    "format_percent",
    "gettext",
    "jinja_environment",
    "label",
    "labels",
    "language",
    "locale_language",
    "ngettext",
    "sort_key",
    "translations",
]
