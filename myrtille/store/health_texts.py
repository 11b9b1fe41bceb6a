"""What the crawler writes on a source's health (``source_state``), in words of the catalogue.

A health text is stored as its English sentence, then U+001F, then its code and
parameters as JSON: readers that know nothing of this (logs, the API, an older release,
a database browser) read the sentence; pages and the CLI render the code in the reader's
language (``shown``). Parameters are data — URLs, remote servers' and URL rules' reasons —
and a parameter may itself be a coded text (a fetch problem inside "… for URL"). A text
stored before codes existed, or by a writer that has none, is shown as written.
"""

from __future__ import annotations

import json
from typing import Any

from myrtille.texts import N_, gettext, ngettext

SEPARATOR = "\x1f"
# Codes whose texts read after a label ("Refused links: …"); ``shown`` writes the label
# unless the page shows it beside the text itself.
LABELS = {"refused_links": N_("Refused links:")}

# code -> msgid, or (singular, plural) counted by the parameter ``n``.
HEALTH_TEXTS: dict[str, str | tuple[str, str]] = {
    "refused_links": (
        N_("{n} link from the source's content was not followed; last: {last}"),
        N_("{n} links from the source's content were not followed; last: {last}"),
    ),
    "not_stored": N_("Document not stored: {url} ({reason})"),
    "article_failures": (
        N_("{n} article page could not be used ({reasons})"),
        N_("{n} article pages could not be used ({reasons})"),
    ),
    "article_failures_summaries": (
        N_("{n} article page could not be used ({reasons}); the feed summary was used for {used}"),
        N_("{n} article pages could not be used ({reasons}); the feed summary was used for {used}"),
    ),
    "failed_for": N_("{problem} for {url}"),
    "failed_at": N_("{problem} ({url})"),
    # Fetch problems (crawlers/failures.py).
    "http_not_found": N_("HTTP {status} not found"),
    "http_gone": N_("HTTP {status} gone"),
    "http_denied": N_("HTTP {status} access denied"),
    "http_too_many": N_("HTTP {status} too many requests"),
    "http_server_error": N_("HTTP {status} server error"),
    "http_other": N_("HTTP {status}"),
    "timed_out": N_("timed out"),
    "timed_out_after": N_("timed out after {seconds}s"),
    "too_large": N_("the answer is larger than the size cap"),
    "cancelled": N_("download cancelled"),
    "connection_refused": N_("connection refused"),
    "dns": N_("host name not found (DNS)"),
    "closed_early": N_("the connection closed before a complete answer"),
    "robots": N_("blocked by robots.txt"),
    "redirect_loop": N_("too many redirects (a redirect loop?)"),
    "not_allowed": N_("request not allowed ({detail})"),
    "dropped": N_("request dropped ({detail})"),
    "cannot_connect": N_("cannot connect ({detail})"),
    "other": "{detail}",  # an error no code describes: its own words, shown as written
}


def _render(lang: str | None, code: str, params: dict[str, Any]) -> str:
    """The text of ``code`` in ``lang`` (None: the English msgid itself)."""
    values = {k: shown(v, lang) if isinstance(v, dict) else v for k, v in params.items()}
    entry = HEALTH_TEXTS[code]
    if isinstance(entry, tuple):
        n = int(values.pop("n"))
        if lang is None:
            return (entry[0] if n == 1 else entry[1]).format(n=n, **values)
        return ngettext(lang, entry[0], entry[1], n, **values)
    return entry.format(**values) if lang is None else gettext(lang, entry, **values)


def said(code: str, **params: Any) -> dict[str, Any]:
    """A coded text, to store with ``stored`` or to nest as another's parameter."""
    return {"say": code, **params}


def stored(text: dict[str, Any]) -> str:
    """The English sentence and the code behind it, as the text column keeps them."""
    return f"{english(text)}{SEPARATOR}{json.dumps(text, ensure_ascii=False)}"


def english(text: dict[str, Any] | str) -> str:
    return shown(text, None)


def code_of(text: str) -> str | None:
    """The code of a stored health text; None for one stored as plain words."""
    coded = text.partition(SEPARATOR)[2]
    try:
        value = json.loads(coded) if coded else None
    except ValueError:
        return None
    return str(value.get("say")) if isinstance(value, dict) else None


def shown(text: dict[str, Any] | str | None, lang: str | None, *, labelled: bool = True) -> str:
    """A stored (or nested) health text in ``lang``; English when ``lang`` is None.
    ``labelled=False`` leaves out the label of a labelled code (the page shows it)."""
    if text is None:
        return ""
    if isinstance(text, str):
        sentence, _, coded = text.partition(SEPARATOR)
        try:
            text = json.loads(coded) if coded else sentence
        except ValueError:
            return sentence
        if isinstance(text, str) or not isinstance(text, dict):
            return sentence
    params = dict(text)
    code = str(params.pop("say", ""))
    if code not in HEALTH_TEXTS:  # written by a newer release: its English words
        return str(params.get("detail", code))
    words = _render(lang, code, params)
    if labelled and code in LABELS:
        label = LABELS[code] if lang is None else gettext(lang, LABELS[code])
        return f"{label} {words}"
    return words
