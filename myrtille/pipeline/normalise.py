"""Canonical URLs, stable document ids and content hashes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that only track the reader; they never change the article.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "xtor",
        "xts",
        "ns_source",
        "ns_mchannel",
        "ns_campaign",
        "ito",
        "at_medium",
        "at_campaign",
        "at_platform",
        "at_send_date",
        "cmpid",
        "ocid",
        "spm",
        "ref_src",
        "oly_enc_id",
        "oly_anon_id",
        "vero_id",
        "rss",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_")
DEFAULT_PORTS = {"http": 80, "https": 443}
MIN_TEXT_FOR_HASH = 200


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Scheme and host lowercased, default port, fragment and tracking parameters removed,
    query sorted: two spellings of one article give one URL.

    Never raises: a URL that cannot be normalised (a bad port, broken brackets) is given
    back stripped, as written; ``url_refusal`` says why the intake will not store it."""
    try:
        return _normalised(url)
    except ValueError:
        return url.strip()


def _normalised(url: str) -> str:
    """``canonical_url``, raising ValueError on a URL that cannot be normalised."""
    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    ]
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # an IPv6 literal: urlsplit took its brackets off, the netloc needs them
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS.get(parts.scheme.lower())) else f"{host}:{port}"
    path = parts.path or "/"
    rebuilt = urlunsplit((parts.scheme.lower(), netloc, path, urlencode(query), ""))
    return canonicalize_url(rebuilt, keep_fragments=False)


WEB_SCHEMES = ("http", "https")
_URL_CONTROLS = re.compile(r"[\s\x00-\x1f\x7f]")


def url_refusal(url: str) -> str | None:
    """Why ``url`` cannot be a document's URL, or None when it is an absolute http(s) URL.

    A ``javascript:`` or ``data:`` link stored as a document URL would be handed to every
    reader (API, webhooks, exports, the UI) as a link to click."""
    text = url.strip()
    if _URL_CONTROLS.search(text):
        return "the URL holds spaces or control characters"
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        return f"the URL cannot be parsed ({exc})"
    if parts.scheme.lower() not in WEB_SCHEMES:
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        return f"{shown} is not http(s); only http and https URLs are stored"
    if not parts.hostname:
        return "the URL has no host"
    try:
        _normalised(text)
    except ValueError as exc:
        return f"the URL cannot be normalised ({exc})"
    return None


def web_url(url: str | None) -> str | None:
    """``url`` when it may be shown as a link (absolute http(s)), else None: the one check
    of every output (API, webhooks, exports, UI) for documents stored before the rule."""
    if not url or url_refusal(url) is not None:
        return None
    return url.strip()


def web_mentions(mentions: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The "also reported by" entries as outputs hand them out: each URL through
    ``web_url`` (an outbox row written before the rule may hold a ``javascript:`` one)."""
    return [{**m, "url": web_url(m.get("url"))} if "url" in m else dict(m) for m in mentions]


def _site(host: str) -> str:
    labels = host.lower().removeprefix("www.").split(".")
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


def preferred_url(fetched_url: str, declared_canonical: str | None) -> str:
    """The page's rel=canonical when it points into the same site, else the fetched URL.

    A page is untrusted: a canonical pointing at another site would let it claim (and
    overwrite) that site's article id, so it is ignored.
    """
    fetched = canonical_url(fetched_url)
    if not declared_canonical:
        return fetched
    try:
        declared = _normalised(declared_canonical)
    except ValueError:
        return fetched
    fetched_host = urlsplit(fetched).hostname or ""
    declared_parts = urlsplit(declared)
    if declared_parts.scheme not in ("http", "https") or not declared_parts.hostname:
        return fetched
    if _site(declared_parts.hostname) != _site(fetched_host):
        return fetched
    return declared


def document_id(canonical: str) -> str:
    """Stable id from the canonical URL: the same article always gets the same id."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def url_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode-normalised, lowercased, single-spaced text; the basis of hashes and shingles."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(title: str, text: str, canonical: str) -> str:
    """Hash of what the reader reads. Short texts are hashed with their title and URL so that
    empty or boilerplate bodies do not make unrelated documents look identical."""
    body = normalise_text(text)
    basis = (
        body if len(body) >= MIN_TEXT_FOR_HASH else f"{canonical}\n{normalise_text(title)}\n{body}"
    )
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold_text(text: str) -> str:
    """Casefolded, accents removed: the form every search comparison uses."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> list[str]:
    """Folded words: runs of letters and digits; everything else separates. The index,
    the query parser and the in-memory evaluator all split text this way."""
    return _WORD.findall(fold_text(text))
