"""A state said of a firm in apposition: "la Brasserie X, en redressement judiciaire
depuis mars", "X, placée en liquidation", "X, in administration since May", "X, which
went into receivership". The insolvency is that firm's, whatever the clause's subject
(a buyer, a customer) does.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.doctext import text_of

# Between a firm's name and an insolvency trigger in apposition to it: a comma or an
# opening bracket, and at most a relative pronoun with its verb, an adverb or a participle
# of placing ("placée", "mise", "déjà", "elle-même", "which was placed", "itself").
_APPOSED = re.compile(
    r"\s*(?:SAS|SARL|SA|SNC|Ltd|plc)?\s*[,(—–]\s*"
    r"(?:(?:qui|which|that)\s+(?:est|était|a\s+été|avait\s+été|is|was|has\s+been|had\s+been|"
    r"went|entered|filed)?\s*)?"
    r"(?:(?:elle-même|lui-même|déjà|alors|désormais|itself|already|then|now)\s+)?"
    r"(?:(?:plac[ée]e?s?|mise?s?|plong[ée]e?s?|plac(?:ed)?|put)\s+)?(?:(?:en|in|into|under)\s+)?$",
    re.IGNORECASE,
)


def qualified_firm(text: str, trigger: Span, inside: list[CompanyMention]) -> CompanyMention | None:
    """The firm named just before an insolvency trigger set in apposition to it."""
    before = [m for m in inside if m.end > m.start and m.end <= trigger.start_char]
    if not before:
        return None
    firm = max(before, key=lambda m: m.end)
    if _APPOSED.match(text[firm.end : trigger.start_char]) is None:
        return None
    return firm


# A verbless headline's state ("Pruneaux Lacoste en redressement judiciaire", "Acme Homes
# into administration") after a name that no mention covers.
_STATED = re.compile(
    r"\s*(?:(?:plac[ée]e?s?|mise?s?|goes|enters|placed|put)\s+)?(?:en|in|into|under)\s+$",
    re.IGNORECASE,
)
# A court, subject of the clause that puts a firm in a state ("le tribunal de commerce
# d'Agen a placé en redressement judiciaire X", "the court put X into administration").
_COURT = re.compile(r"\b(?:tribunal|tribunaux|court|juges?|judges?)\b", re.IGNORECASE)
_INTO = frozenset({"en", "in", "into", "under"})  # a trigger's own first word
_LEADING = frozenset({"de", "d'", "d’", "du", "des", "of", "la", "le", "l'", "l’", "les", "the"})
_NOT_DEBTORS = frozenset({"GPE", "LOC", "DATE", "TIME", "MONEY", "CARDINAL", "PERCENT"})


def named_debtor(
    sentence: Span, trigger: Span, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """The firm outside the registry an insolvency names without any mention: the name
    that opens a verbless headline's clause before the state ("…, Pruneaux Lacoste en
    redressement judiciaire"), or the name after the trigger when a court is the
    subject ("le tribunal a placé en redressement judiciaire Pruneaux Lacoste")."""
    doc = sentence.doc
    text = text_of(doc)
    tokens = [t for t in sentence if not t.is_space]
    before = [t for t in tokens if t.i < trigger.start]
    # The name just before the state, opening its clause.
    end = len(before)
    while end and not _name_word(before[end - 1]):
        end -= 1
    start = end
    while start and _name_word(before[start - 1]):
        start -= 1
    if start < end and (start == 0 or before[start - 1].text in ",;:—–|"):
        run = before[start:end]
        between = text[run[-1].idx + len(run[-1]) : trigger.start_char]
        into = not between.strip() and trigger[0].lower_ in _INTO
        if into or _STATED.fullmatch(between):
            return _unlisted(run, mentions)
    # A court's clause: the name right after the trigger.
    court = _COURT.search(text, sentence.start_char, trigger.start_char)
    if court is None:
        return None
    after = [t for t in tokens if t.i >= trigger.end]
    while after and after[0].lower_ in _LEADING:
        after = after[1:]
    run = []
    for token in after:
        if not _name_word(token):
            break
        run.append(token)
    if run:
        return _unlisted(run, mentions)
    # None after it: the firm named last before the court ("X rescues builder Y as court
    # orders liquidation", "X a repris Y, que le tribunal avait placée en liquidation").
    firms = [m for m in mentions if sentence.start_char <= m.start and m.end <= court.start()]
    return max(firms, key=lambda m: m.start) if len(firms) > 1 else None


def _name_word(token: Token) -> bool:
    return (
        token.text[:1].isupper()
        and token.is_alpha
        and token.pos_ in ("PROPN", "NOUN", "X")
        and token.ent_type_ not in _NOT_DEBTORS
    )


def _unlisted(run: list[Token], mentions: list[CompanyMention]) -> CompanyMention | None:
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    if any(m.company_id for m in overlapping):
        return None  # a registry firm: the other rules read it
    if overlapping:
        return overlapping[0]  # the NER's own firm outside the registry
    return CompanyMention(None, text_of(run[0].doc)[start:end], start, end, "named")


__all__ = ["named_debtor", "qualified_firm"]
