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
# The buyer's field written inside a paragraph, after a sentence's end ("… RCS Annecy 976
# 747 006. Buyer: ALPAGE HOSPITALITY SARL, …"), as a notice's summary runs its fields on.
_RUN_ON_BUYER = re.compile(
    r"(?<=[.;] )(?:acqu[ée]reur|cessionnaire|buyer|purchaser|transferee)[ \t]*:[ \t]*",
    re.IGNORECASE,
)
# A court's plan selling an insolvent firm's business to its buyer ("arrête le plan de
# cession des actifs … au profit de la société X", "adopting a plan for the sale of the
# business (plan de cession) in favour of X SAS"): X bought it, the debtor sold it.
_PLAN_BUYER = re.compile(
    r"(?:plan\s+de\s+cession|plan\s+(?:for|of)\s+(?:the\s+)?sale|sale\s+plan)[^.;\n]{0,200}?"
    r"(?:au\s+profit\s+(?:d[eu]|des)|in\s+favou?r\s+of)\s+"
    r"(?:(?:la\s+)?soci[ée]t[ée]\s+|l['’]entreprise\s+|(?:the\s+)?company\s+)?",
    re.IGNORECASE,
)
# A notice's own words ("Annonce n° 1956", "BODACC A", "Summary of a … notice"), or
# fields one a line ("Dénomination : X", "Court: …"): the text is a notice, whose
# sentences are fields and whose plan of sale names the buyer of every sale it reports.
_NOTICE_WORDS = re.compile(r"\b(?:bodacc|annonce\s+n°|notice)\b", re.IGNORECASE)
_FIELD_LINE = re.compile(r"^[^\n:]{2,40}\s?:\s", re.MULTILINE)
# Where a buyer's written name ends: its legal details after a comma, a bracket, a line.
_NAME_END = re.compile(r"[,;(\n]|\.\s|\s(?:RCS|of|de|being|en\s+cours)\s")


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


def sale_buyer(mentions: list[CompanyMention], text: str, sentence: Span) -> CompanyMention | None:
    """The buyer of the business a notice sells: the firm its buyer's field names
    ("Acquéreur : X", "… Buyer: X SAS, RCS …"), or the court's plan of sale ("plan de
    cession … au profit de la société X"; in the event's sentence, or anywhere in a notice).
    A buyer the registry does not know keeps the sale by its written name: the seller or
    the debtor the notice is about never buys its own business."""
    notice = _NOTICE_WORDS.search(text, 0, 400) or len(_FIELD_LINE.findall(text)) >= 2
    plan = (0, len(text)) if notice else (sentence.start_char, sentence.end_char)
    spans = [(0, len(text), BUYER_FIELD), (0, len(text), _RUN_ON_BUYER), (*plan, _PLAN_BUYER)]
    found = []
    for start, end, pattern in spans:
        for field in pattern.finditer(text, start, end):
            at = field.end()
            named = [m for m in mentions if at <= m.start <= at + _SLACK and m.end > m.start]
            if named:
                found.append(min(named, key=lambda m: m.start))
            elif text[at : at + 1].isupper():
                stop = _NAME_END.search(text, at, at + 80)
                name = text[at : stop.start() if stop else at].strip()
                if name:
                    found.append(CompanyMention(None, name, at, at + len(name), "named"))
    return next((m for m in found if m.company_id), found[0] if found else None)


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


__all__ = ["AWARDEE_FIELD", "BUYER_FIELD", "NAME_FIELD", "field_firm", "notice_firm", "sale_buyer"]
