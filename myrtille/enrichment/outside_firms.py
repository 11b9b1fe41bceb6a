"""A document about a firm outside the registry, whatever registry firm it names (session 16).

An event whose sentence names no firm ("L'hôtel créera 30 emplois", "Date of appointment:
1 November 2026") is the news of the firm the document is about. Two kinds of document are
about a firm the registry does not hold, although a registry firm is named in them, and
the main-company reckoning would give it that registry firm:

- a press release whose "À propos de X" / "About X" lines (the issuer's boilerplate) name
  firms none of which is the registry's: the release is the issuer's, and a registry firm
  it names is a partner, a customer or a supplier ("Hôtels X et Y ont signé …, À propos
  d'Hôtels X");
- a document whose title names a registry firm's foreign unit, its name run on by a
  country and a legal form ("Appointment of Administrators: Cellvia UK Limited",
  "Companies House filings: Maison Lefevre UK Ltd", "Cellvia Maroc SARL en liquidation"):
  the unit is a firm of its own, its parent only its shareholder.

Such an event is no registry firm's (``UNKNOWN``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.parsed_subject import UNKNOWN
from myrtille.enrichment.patterns import fold

# "About X", "À propos de X", "À propos d'X", "A propos de la X": a line of its own, or the
# opening of the boilerplate paragraph ("About X: founded in …", "À propos de X — Créée …").
_ABOUT = re.compile(
    r"^[ \t]*(?:About\s+|[ÀA]\s+propos\s+(?:de\s+(?:la\s+|l['’]\s?)?|d['’]\s?|des\s+|du\s+))"
    r"(?P<name>[A-ZÀ-ÖØ-Ý][^\n:.;–—]{1,60}?)[ \t]*(?:$|[:.;]\s|\s[–—-]\s)",
    re.MULTILINE,
)
# A registry name run on by a country and, or, a legal form: a unit abroad.
_COUNTRY = (
    r"(?:UK|U\.K\.|Deutschland|Germany|Italia|Italy|Espa[nñ]a|Iberia|Benelux|Belgi(?:um|que)"
    r"|Nederland|Suisse|Schweiz|Maroc|Morocco|Tunisie|Alg[ée]rie|USA|US|North\s+America"
    r"|Americas?|Canada|China|Asia|Japan|India|Ireland|Polska|Polska|Romania|Portugal)"
)
_FOREIGN_FORM = (
    r"(?:Ltd\.?|Limited|GmbH|Inc\.?|LLC|S\.?r\.?l\.?|S\.?p\.?A\.?|B\.?V\.?|AG|Pty|plc|Corp\.?"
    r"|SARL|SA|SAS|SL|S\.L\.|Sp\.\s?z\s?o\.o\.)"
)
_UNIT_ABROAD = re.compile(
    rf"\s+(?:{_COUNTRY}(?:\s+{_FOREIGN_FORM})?|(?!SAS\b|SA\b|SARL\b){_FOREIGN_FORM})(?![\w-])",
    re.IGNORECASE,
)


def outside_firm(text: str, mentions: list[CompanyMention]) -> CompanyMention | None:
    """``UNKNOWN`` when the document is about a firm outside the registry although it names
    registry firms (an unlisted issuer's press release, a registry firm's unit abroad); ``None``
    otherwise (the article's main company stands)."""
    listed = [m for m in mentions if m.company_id is not None and m.end > m.start]
    if not listed:
        return None
    if _unit_abroad_titled(text, listed) or _unlisted_issuer(text, listed):
        return UNKNOWN
    return None


def unit_abroad(text: str, mention: CompanyMention) -> CompanyMention | None:
    """The unit abroad a registry firm's name names when a country or a foreign legal form
    runs it on ("Cellvia UK Limited", "MAISON LEFEVRE UK LTD", "Verlyne Italia Srl"): a firm
    of its own, outside the registry; ``None`` for the firm itself."""
    after = _UNIT_ABROAD.match(text, mention.end)
    # Upper case, or capitalised: "Cellvia UK", "CELLVIA UK LIMITED", not "Cellvia us".
    if after is None or not after.group().strip()[:1].isupper():
        return None
    return CompanyMention(
        None, text[mention.start : after.end()], mention.start, after.end(), "named"
    )


def _unit_abroad_titled(text: str, listed: list[CompanyMention]) -> bool:
    """Whether the title's first registry firm is named as a unit abroad ("… : Cellvia UK
    Limited"), which is then the document's subject."""
    title_end = text.find("\n")
    first = min(listed, key=lambda m: m.start)
    if title_end >= 0 and first.start >= title_end:
        return False
    return unit_abroad(text, first) is not None


def _unlisted_issuer(text: str, listed: list[CompanyMention]) -> bool:
    """Whether the release's "About" lines name firms and none of them is a registry firm
    (named there, or by the words of a registry firm's name the document writes)."""
    issuers = _issuers(text)
    if not issuers:
        return False
    for start, end, name in issuers:
        if any(m.start < end and start < m.end for m in listed):
            return False
        words = _words(name)
        if any(words <= _words(m.name) or _words(m.name) <= words for m in listed):
            return False
    return True


@lru_cache(maxsize=16)
def _issuers(text: str) -> tuple[tuple[int, int, str], ...]:
    """The firms the "About" lines name: (start, end, name), below the title."""
    title_end = max(text.find("\n"), 0)
    return tuple(
        (found.start("name"), found.end("name"), found.group("name"))
        for found in _ABOUT.finditer(text, title_end)
    )


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", fold(name)) if len(w) > 1)


__all__ = ["outside_firm", "unit_abroad"]
