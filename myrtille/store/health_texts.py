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

from myrtille.exceptions import SourceError
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
    "redirect_refused": N_("{url} redirected to {target}, refused: {reason}"),
    "poll_not_started": N_("the poll could not start ({error})"),
    # The reasons inside "article pages could not be used (…)": a list of these.
    "counted": "{reason} ×{count}",
    "page_not_html": N_("not an HTML page ({kind})"),
    "no_article_text": N_("no extractable article text"),
    "extraction_timed_out": N_(
        "extraction took longer than crawl.extraction_timeout allows and was stopped"
    ),
    "extraction_crashed": N_("extraction crashed on this page"),
    # Crawl machinery (crawlers/child.py, runner.py, pipelines.py).
    "internal_error": N_(
        "an internal error lost what the crawl was doing ({error}); see the crawl log"
    ),
    "internal_error_at": N_(
        "an internal error lost what the crawl was doing while handling {url} ({error}); "
        "see the crawl log"
    ),
    "stopped_early": N_("the crawl stopped early ({reason})"),
    "process_ended": N_(
        "the crawl process ended before this source finished ({ending}); "
        "it will be tried again at its next interval; see {log}"
    ),
    "process_ended_tail": N_(
        "the crawl process ended before this source finished ({ending}); "
        "it will be tried again at its next interval; see {log}: {tail}"
    ),
    "process_stalled": N_(
        "the crawl process sent no sign of progress for {seconds} s (crawl.stall_timeout) and "
        "was stopped before this source finished; it will be tried again at its next "
        "interval; see {log}"
    ),
    "exit_code": N_("exit code {code}"),
    "killed_by": N_("killed by {signal}"),
    "intake_lost": (
        N_(
            "could not store {n} of {total} documents in the intake: {url} ({error}); "
            "it is not marked seen, so the next crawl tries it again (see the crawl log)"
        ),
        N_(
            "could not store {n} of {total} documents in the intake; first: {url} ({error}); "
            "they are not marked seen, so the next crawl tries them again "
            "(see the crawl log for each one)"
        ),
    ),
    # Listings (spiders/site.py, feed.py, sitemap.py, opendata.py).
    "listing_not_html": N_("the listing page {url} is not an HTML page"),
    "no_article_links": N_("no article links found on {url}; check the link rules"),
    "more_links": N_("more than {max} new links; the rest waits for the next crawl"),
    "more_entries": N_("more than {max} new entries; the rest waits for the next crawl"),
    "more_urls": N_("more than {max} new URLs; the rest waits for the next crawl"),
    "entry_without_link": N_("entry '{entry}' has no link; skipped"),
    "undated_entries": (
        N_("{n} entry has no date in the feed; the page's date is used when it has one"),
        N_("{n} entries have no date in the feed; the page's date is used when it has one"),
    ),
    "more_sitemaps": N_("the sitemap index lists more than {max} sitemaps; the rest were not read"),
    "sitemap_at": N_("{url}: {problem}"),
    "records_unreadable": N_(
        "the records API answered something unreadable at offset {offset}: {detail}"
    ),
    "record_without_id": N_("a record without an id was skipped"),
    # Feeds and sitemaps that cannot be read (crawlers/feeds.py, sitemaps.py, doctype.py).
    "feed_parser_failed": N_("feedparser could not read the feed ({detail})"),
    "feed_is_html": N_("the URL returned an HTML page, not a feed"),
    "feed_is_html_advertises": N_(
        "the URL returned an HTML page, not a feed; the page advertises a feed at {url}"
    ),
    "feed_empty": N_("the feed is empty (0 bytes of content)"),
    "feed_unreadable": N_("not a readable RSS or Atom feed"),
    "feed_unreadable_because": N_("not a readable RSS or Atom feed: {detail}"),
    "feed_entries_capped": N_(
        "the feed has {n} entries; only the first {max} were read (crawl.max_feed_entries)"
    ),
    "feed_declarations_ignored": N_(
        "the feed's DOCTYPE (or entity) declarations were ignored: declared entities are "
        "never expanded, references to them are kept as written"
    ),
    "feed_not_well_formed": (
        N_("the feed is not well-formed XML ({detail}); {n} entry read anyway"),
        N_("the feed is not well-formed XML ({detail}); {n} entries read anyway"),
    ),
    "feed_entities_unsafe": N_(
        "the feed declares entities in a way that could not be removed safely (an "
        "unusual character encoding); it was not read. Feeds need no DOCTYPE: ask the "
        "publisher to remove it, or to serve the feed in UTF-8"
    ),
    "feed_doctype_unclosed": N_(
        "the feed's DOCTYPE declaration never ends (an unclosed quote, comment or '['); "
        "the feed was not read"
    ),
    "sitemap_gzip_corrupt": N_("the sitemap is gzip-compressed but corrupt ({detail})"),
    "sitemap_too_large": N_(
        "the sitemap decompresses to more than the size cap of {max_size} bytes"
    ),
    "sitemap_empty": N_("the sitemap is empty"),
    "sitemap_not_xml": N_("the sitemap is not XML"),
    "sitemap_not_xml_because": N_("the sitemap is not XML ({detail})"),
    "sitemap_is_html": N_("the URL returned an HTML page, not a sitemap"),
    "sitemap_root": N_("not a sitemap: the document's root element is <{kind}>"),
    "sitemap_not_well_formed": N_(
        "the sitemap is not well-formed XML ({detail}); read what could be read"
    ),
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


def _value(value: Any, lang: str | None) -> Any:
    """A parameter as shown: a coded text rendered, a list of them joined by commas."""
    if isinstance(value, dict):
        return shown(value, lang)
    if isinstance(value, list):
        return ", ".join(str(_value(v, lang)) for v in value)
    return value


def _render(lang: str | None, code: str, params: dict[str, Any]) -> str:
    """The text of ``code`` in ``lang`` (None: the English msgid itself)."""
    values = {k: _value(v, lang) for k, v in params.items()}
    entry = HEALTH_TEXTS[code]
    if isinstance(entry, tuple):
        n = int(values.pop("n"))
        if lang is None:
            return (entry[0] if n == 1 else entry[1]).format(n=n, **values)
        return ngettext(lang, entry[0], entry[1], n, **values)
    return entry.format(**values) if lang is None else gettext(lang, entry, **values)


def said(code: str, /, **params: Any) -> dict[str, Any]:
    """A coded text, to store with ``stored`` or to nest as another's parameter."""
    return {"say": code, **params}


def stored(text: dict[str, Any]) -> str:
    """The English sentence and the code behind it, as the text column keeps them."""
    return f"{english(text)}{SEPARATOR}{json.dumps(text, ensure_ascii=False)}"


def unreadable(code: str, /, **params: Any) -> SourceError:
    """A SourceError whose message is a coded text, raised by the feed and sitemap readers."""
    text = said(code, **params)
    return SourceError(english(text), text=text)


def health_of(error: SourceError) -> str:
    """A SourceError as its source's health stores it: coded when it has a code."""
    return stored(error.text) if error.text else str(error)


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
