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
from myrtille.enrichment.notices import AWARD_FAMILIES, notice_event_types

# A notice's field that names the firm a contract went to ("Attributaire : X SAS",
# "Titulaire du marché : X", "Name and address of the contractor: X", "Awarded to: X", a
# lot's line "Lot 1 - Travaux maritimes : attribué à X", "Lot 2 - Roadworks: awarded to X").
AWARDEE_FIELD = re.compile(
    r"\b(?:attributaire|titulaire(?:\s+du\s+march[ée])?|contractor|awardee|awarded\s+to|"
    r"successful\s+(?:tenderer|bidder)|winning\s+(?:tenderer|bidder))\s*:\s*"
    r"|:\s*(?:awarded\s+to|attribu[ée]e?\s+(?:à|a|au)(?:\s+la\s+soci[ée]t[ée])?)\s+",
    re.IGNORECASE,
)
# A registry notice's field that names the firm the notice is about ("Dénomination :
# Orvane SAS", "Raison sociale : …", "Company name: …"): the court's registry office and
# the officers named in the other fields are no subjects. BODACC's trader's field names it
# too ("Commerçant : HÔTELLERIE DES CIMES", "Trader: X"; session 15), above a seller's field
# that a sale's notice may run into its description line.
NAME_FIELD = re.compile(
    r"\b(?:d[ée]nomination(?:\s+sociale)?|raison\s+sociale|company\s+name|registered\s+name|"
    r"commer[çc]ant|trader)"
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
# A new firm's officer or sole partner, when a firm ("Président : Cellvia SAS",
# "Associé unique : X", "President: X SAS").
_PARENT_FIELD = re.compile(
    r"\b(?:pr[ée]sident|g[ée]rant|associ[ée]\s+unique|president|manager|sole\s+shareholder)"
    r"\s*:\s*",
    re.IGNORECASE,
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
    r"(?:(?:plan\s+de\s+cession|plan\s+(?:for|of)\s+(?:the\s+)?sale|sale\s+plan|"
    r"ordonn\w*\s+la\s+cession|cession\s+(?:[\w'’]+\s+){0,3}?ordonn[ée]e)[^.;\n]{0,200}?"
    r"(?:au\s+profit\s+(?:d[eu]|des)|in\s+favou?r\s+of)"
    # "the court approved the sale of the business to X" (session 10).
    r"|approv\w*\s+the\s+sale\s+of\s+(?:the\s+|its\s+)?(?:business|assets|company|firm)"
    r"[^.;\n]{0,120}?\sto)\s+"
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
    buyer = _buyer(mentions, text, plan)
    if buyer is None and notice and _BUSINESS_BOUGHT.search(text):
        # "Catégorie de vente : Achat d'un fonds par une personne morale … Dénomination :
        # X": the firm the notice is about bought the business (session 11).
        return notice_firm(mentions, text, NAME_FIELD)
    return buyer


# A notice of a business bought by the firm it is about (BODACC's "Achat d'un fonds par
# une personne morale", "Origine du fonds : fonds acquis par achat", the seller's field
# "Précédent propriétaire exploitant :"; "Purchase of a business by a legal entity",
# "Previous owner:"): its name field names the buyer, its seller's field the seller.
_BUSINESS_BOUGHT = re.compile(
    r"\bachat d['’]un fonds\b|\bfonds acquis par achat\b|"
    r"\bpr[ée]c[ée]dent\s+(?:propri[ée]taire\s+)?exploitant\s*:|"
    r"\bpurchase of (?:a|the) business\b|\bbusiness (?:acquired|bought) by purchase\b|"
    r"\bprevious (?:owner|operator)(?:\s+and operator)?\s*:",
    re.IGNORECASE,
)


def notice_owners(
    family: str,
    notice: str,
    mentions: list[CompanyMention],
    text: str,
    main: tuple[str | None, str | None],
    names: dict[str, str],
) -> list[tuple[str, str | None, str | None]]:
    """(event type, company id, company name) of each event of a structured notice, one
    whose record gives its ``family`` (its wording ``notice``; ``text``, the document's
    text the ``mentions`` are placed in): the notice's company (``main``), but a court's
    sale plan is its buyer's acquisition (notices.py), the buyer the whole notice names,
    linked or by its written name; the debtor the notice is about never buys its own
    business, and a plan that names no buyer gives its acquisition to no firm."""
    kinds = notice_event_types(family, notice)
    if family in AWARD_FAMILIES:
        # The winner the award's fields name ("Attributaire : X", "Titulaire : X"), or no
        # firm: the notice's buyer awards the contract, it does not win it.
        winner = notice_firm(mentions, text, AWARDEE_FIELD)
        won = (
            (winner.company_id, names.get(winner.company_id or "", winner.name)) if winner else None
        )
        return [(kind, *(won or (None, None))) for kind in kinds]
    if family == "creation":
        # A firm created by a firm ("Président : Cellvia SAS"): the parent's investment
        # (session 11); the parent the registry knows, not the new firm itself.
        parents = _named(_PARENT_FIELD, mentions, text, 0, len(text))
        parent = next((m for m in parents if m.company_id and m.company_id != main[0]), None)
        if parent is not None:
            main = (parent.company_id, names.get(parent.company_id or "", parent.name))
    if family != "collective" or "acquisition" not in kinds:
        return [(kind, *main) for kind in kinds]
    buyer = _buyer(mentions, text, (0, len(text)))
    sold = (buyer.company_id, names.get(buyer.company_id or "", buyer.name)) if buyer else None
    return [(kind, *(sold or (None, None) if kind == "acquisition" else main)) for kind in kinds]


def _buyer(
    mentions: list[CompanyMention], text: str, plan: tuple[int, int]
) -> CompanyMention | None:
    spans = [(0, len(text), BUYER_FIELD), (0, len(text), _RUN_ON_BUYER), (*plan, _PLAN_BUYER)]
    found = []
    for start, end, pattern in spans:
        for field in pattern.finditer(text, start, end):
            at = field.end()
            # The buyer's name may begin inside the field's words ("au profit de la Société
            # Bretonne …": the mention starts at "Société").
            named = [
                m
                for m in mentions
                if (at <= m.start <= at + _SLACK or m.start < at < m.end) and m.end > m.start
            ]
            if named:
                found.append(_whole_capitals(min(named, key=lambda m: m.start), text))
            elif text[at : at + 1].isupper():
                stop = _NAME_END.search(text, at, at + 80)
                name = text[at : stop.start() if stop else at].strip()
                if name:
                    found.append(CompanyMention(None, name, at, at + len(name), "named"))
    return next((m for m in found if m.company_id), found[0] if found else None)


# A name in capitals run on ("FILATURES DU FOREZ, avec …"): the recogniser often cuts it
# at a word it takes for a place ("FILATURES" | "FOREZ").
_CAPITALS = re.compile(r"(?:[ \t]+[A-ZÀ-ÖØ-Þ0-9&'’.-]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9&'’.-]*(?![\w]))+")


def _whole_capitals(mention: CompanyMention, text: str) -> CompanyMention:
    """An unlinked buyer written in capitals, with the capitals words after the recogniser's
    cut up to the name's end (a comma, its registration); a linked one as it is."""
    if mention.company_id or not mention.name.isupper():
        return mention
    stop = _NAME_END.search(text, mention.end, mention.end + 80)
    more = _CAPITALS.match(text, mention.end, stop.start() if stop else mention.end + 80)
    if more is None:
        return mention
    end = more.end()
    return CompanyMention(None, text[mention.start : end], mention.start, end, mention.how)


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


__all__ = [
    "AWARDEE_FIELD",
    "BUYER_FIELD",
    "NAME_FIELD",
    "field_firm",
    "notice_firm",
    "notice_owners",
    "sale_buyer",
]
