"""Another firm's event, told about the subject of the article by its tie to it.

Articles mention what happened to a customer, a supplier or a competitor to explain the
subject's own results ("la liquidation de l'un de ses clients lui coûtera 600 000 euros",
"its larger rival was bought in October"): that event is news of that firm, which the
article is not about, and the subject's words would otherwise claim it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention

# A firm named by its tie to the subject: its customer, supplier, competitor.
_RELATION = (
    r"(?:l['’]\s?un\s+de\s+(?:ses|leurs)|un\s+de\s+(?:ses|leurs)|one\s+of\s+(?:its|their)|"
    r"son|sa|ses|leur|leurs|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:clients?|clientes?|fournisseurs?|concurrente?s?|rivale?s?|sous-traitants?|"
    r"customers?|suppliers?|competitors?|rivals?|subcontractors?)\b"
)
# As the subject, opening the sentence or a part after a colon ("leur concurrent
# doubiste, la fromagerie Jeunet, a été racheté", "One of its customers … went into
# receivership").
_RELATION_SUBJECT = re.compile(
    r"(?:^|[:;\n])\W*(?:(?:mais|et|or|and|but|yet|meanwhile)\s+)?" + _RELATION, re.IGNORECASE
)
# As the complement of an insolvency or closure ("la liquidation de l'un de ses clients").
_RELATION_COMPLEMENT = re.compile(r"\s*(?:de|d['’]|du|des|of)\s*" + _RELATION, re.IGNORECASE)
_PATIENT_KINDS = frozenset({"insolvency", "closure"})


def another_firms(text: str, sentence: Span, trigger: Span, kind: str) -> bool:
    """Whether the event is that of a firm the sentence names by its tie to the subject
    (a customer's insolvency, a competitor's takeover): news of that firm, not of the
    article's. A contract is left alone: "son client Airbus a commandé" is the supplier's."""
    if _RELATION_SUBJECT.search(text[sentence.start_char : trigger.start_char]):
        return True
    return kind in _PATIENT_KINDS and (
        _RELATION_COMPLEMENT.match(text, trigger.end_char, sentence.end_char) is not None
    )


# A firm named only as the complement of another firm's tie to it: "une filiale
# d'Alcarène", "l'un des clients de X", "a subsidiary of X", "X's rival", "former X
# subsidiary Y". The sentence's subject is that other firm.
_TIE_NOUNS = (
    r"(?:filiales?|clients?|clientes?|fournisseurs?|concurrente?s?|rivale?s?|sous-traitants?|"
    r"subsidiar(?:y|ies)|customers?|suppliers?|competitors?|rivals?|subcontractors?|"
    r"partenaires?|partners?)"
)
# The same, as the subject with a possessive ("son partenaire lève des fonds").
POSSESSED_TIE = re.compile(
    r"\W*(?:son|sa|ses|leur|leurs|its|their)\s+(?:[\w-]+\s+)?" + _TIE_NOUNS + r"\b",
    re.IGNORECASE,
)
_TIED_BEFORE = re.compile(
    _TIE_NOUNS + r"\s+(?:[\w-]+\s+)?(?:de|d['’]|du|des|of)\s*"
    r"(?:(?:la|le|les|the)\s+|l['’]\s?)?$",
    re.IGNORECASE,
)
_TIED_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:former|new|main|largest|biggest|french|german|local)\s+)?"
    + _TIE_NOUNS
    + r"\b",
    re.IGNORECASE,
)
TIE_LEMMAS = frozenset(
    {"filiale", "client", "cliente", "fournisseur", "concurrent", "concurrente", "rival"}
    | {"rivale", "sous-traitant", "subsidiary", "customer", "supplier", "competitor"}
    | {"subcontractor", "partenaire", "partner"}
)


def tied(text: str, start: int, end: int) -> bool:
    """Whether the company named at ``text[start:end]`` is named by another firm's tie to
    it (its subsidiary, customer, supplier or rival), which is the one the sentence is
    about."""
    return (
        _TIED_BEFORE.search(text, max(0, start - 60), start) is not None
        or _TIED_AFTER.match(text, end) is not None
    )


# A person's former employer: "former Atlas executive", "a former chief operating officer
# of Atlas", "ex-Atlas", "un ancien d'Atlas", "l'ancien directeur financier de X", "passé
# par X". The firm names where someone worked, not the firm whose event it is.
_FORMER = re.compile(
    r"(?:\b[Ff]ormer|\b[Ee]x-|\b[Aa]ncien(?:ne)?s?|\b[Pp]ass[ée]e?s?\s+par|"
    r"\b[Pp]reviously\s+(?:at|with))"
    # role words only, in lower case: "Former Alcarène subsidiary Ribaud" is another tie
    r"\s*(?:[a-zà-ÿ][\w-]*\s+){0,3}?(?:(?:of|at|with|de|d['’]|du|chez)\s*)?"
    r"(?:(?:la|le|les|the)\s+|l['’]\s?)?$"
)


# Years spent there (session 13): "elle a passé quinze ans dans le marketing chez X",
# "after twelve years at X", "spent a decade with X", "joins from X": a career, told in the
# sentence of a new head's appointment, not the firm the head now leads.
_YEARS_AT = re.compile(
    r"(?:\b(?:pass[ée]e?s?|spent|after|apr[eè]s|worked)\b[^.;!?]{0,25}?"
    r"\b(?:ans?|annees?|années?|years?|decades?|decennies?|décennies?)\b[^.;!?]{0,70}?"
    r"\b(?:chez|at|with|au\s+sein\s+d[eu']?)|\bjoin(?:s|ed|ing)?\s+from)\s*"
    r"(?:(?:la|le|les|the)\s+|l['’]\s?)?$",
    re.IGNORECASE,
)


def former_employer(text: str, start: int) -> bool:
    """Whether the company named at ``text[start:]`` is named as someone's former
    employer ("Tessaly names former Atlas executive as chief executive", "after twelve
    years at Atlas")."""
    return (
        _FORMER.search(text, max(0, start - 50), start) is not None
        or _YEARS_AT.search(text, max(0, start - 130), start) is not None
    )


def instead_of_former(
    text: str,
    sentence: Span,
    trigger: Span,
    former: CompanyMention,
    mentions: list[CompanyMention],
    patient: bool,
) -> CompanyMention | None:
    """The subject when the one found is someone's former employer: the firm that opens
    the clause, or for a change of leader (``patient``) the one the new head leads ("will
    become chief executive of Tessaly"); None (the article's firm) when there is none."""
    others = [
        m
        for m in mentions
        if sentence.start_char <= m.start < sentence.end_char
        and m.end > m.start
        and m.company_id != former.company_id
        and not former_employer(text, m.start)
        and (m.start < trigger.start_char or patient)
    ]
    return others[0] if others else None
