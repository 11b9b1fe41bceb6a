"""The fields of a legal notice that name the firm an event belongs to.

A notice is written in labelled fields, not in sentences: "Attributaire : X SAS" (the
contract's winner), "Dénomination : X" (the firm the notice is about), "Acquéreur : X"
(the buyer of a business, "fonds de commerce"). The recogniser often makes one sentence of
several fields, and a notice's title ("BOAMP - Avis d'attribution", "Contract award
notice") or its description line ("Descriptif : Achat d'un fonds de commerce …") reports
the event without naming its firm: the field names it, wherever it stands in the notice.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention

# A notice's field that names the firm a contract went to ("Attributaire : X SAS",
# "Titulaire du marché : X", "Name and address of the contractor: X", "Awarded to: X", a
# lot's line "Lot 1 - Travaux maritimes : attribué à X", "Lot 2 - Roadworks: awarded to X").
AWARDEE_FIELD = re.compile(
    r"\b(?:attributaire|titulaire(?:\s+du\s+march[ée])?|contractor|awarded\s+to|"
    r"successful\s+(?:tenderer|bidder)|winning\s+(?:tenderer|bidder))\s*:\s*"
    r"|:\s*(?:awarded\s+to|attribu[ée]e?\s+(?:à|a|au)(?:\s+la\s+soci[ée]t[ée])?)\s+",
    re.IGNORECASE,
)
# A registry notice's field that names the firm the notice is about ("Dénomination :
# Orvane SAS", "Raison sociale : …", "Company name: …"): the court's registry office and
# the officers named in the other fields are no subjects.
NAME_FIELD = re.compile(
    r"\b(?:d[ée]nomination(?:\s+sociale)?|raison\s+sociale|company\s+name|registered\s+name)"
    r"\s*:\s*",
    re.IGNORECASE,
)
# A notice's field that names the buyer of a business, at the start of its line
# ("Acquéreur : X SAS", "Cessionnaire : X", "Buyer: X", "Purchaser: X"); the seller's
# field ("Précédent exploitant :", "Seller:") names the firm that sold.
BUYER_FIELD = re.compile(
    r"^[ \t]*(?:acqu[ée]reur|cessionnaire|nouvel\s+exploitant|buyer|purchaser|transferee)"
    r"[ \t]*:[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
# How far after a field's colon its firm's name may start (a legal form, quotes).
_SLACK = 4


def field_firm(
    sentence: Span, mentions: list[CompanyMention], text: str, field_name: re.Pattern[str]
) -> CompanyMention | None:
    """The company a notice's field names in the trigger's sentence (a notice's fields are
    one sentence to the recogniser): the buyer's and the object's fields may name other
    firms or places before it."""
    return _named_after(field_name, mentions, text, sentence.start_char, sentence.end_char)


def notice_firm(
    mentions: list[CompanyMention], text: str, field_name: re.Pattern[str], start: int = 0
) -> CompanyMention | None:
    """The company such a field after ``start`` names, anywhere in the notice: of several
    (a notice's lots, each with its winner), the first the registry knows."""
    named = _named(field_name, mentions, text, start, len(text))
    return next((m for m in named if m.company_id), named[0] if named else None)


def _named_after(
    field_name: re.Pattern[str], mentions: list[CompanyMention], text: str, start: int, end: int
) -> CompanyMention | None:
    named = _named(field_name, mentions, text, start, end)
    return named[0] if named else None


def _named(
    field_name: re.Pattern[str], mentions: list[CompanyMention], text: str, start: int, end: int
) -> list[CompanyMention]:
    """The company each such field between ``start`` and ``end`` names, in order."""
    named = []
    for field in field_name.finditer(text, start, end):
        at = field.end()
        found = [m for m in mentions if at <= m.start <= at + _SLACK and m.end > m.start]
        if found:
            named.append(min(found, key=lambda m: m.start))
    return named


__all__ = ["AWARDEE_FIELD", "BUYER_FIELD", "NAME_FIELD", "field_firm", "notice_firm"]
