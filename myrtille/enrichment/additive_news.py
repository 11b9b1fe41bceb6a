"""A second piece of news told as such (issue 14, session 13, events recall).

salience.py keeps an event type found once below the lead only when it follows the main
news; the rest is background or a side remark. But the press announces a second piece of
news of the same firm with an additive word: "Nuvéo a par ailleurs signé un accord de
partenariat avec X", "Dans le même temps, l'entreprise vient de signer un contrat de
distribution", "At the same time, Argos announced a technical partnership with Y",
"Separately, the group has agreed to buy Z". Such a sentence reports news of its own, not
the background of the first: its event is news wherever it stands, when it is the news
of the firm the top reports on. (A pluperfect, "avait également signé", "had also
signed", is the past, and stays background.)"""

from __future__ import annotations

import re

from myrtille.enrichment.names import company_key

# The additive word opening the sentence, or between the auxiliary and the participle of
# an act done ("a par ailleurs signé", "has also signed", "also announced").
_OPENING = re.compile(
    r"^\W*(?:par ailleurs|en outre|parallèlement|en parallèle|dans le même temps|"
    r"au même moment|separately|at the same time|in addition|in a separate announcement)\b",
    re.IGNORECASE,
)
_ACTS_FR = (
    r"sign[ée]\w*|conclu\w*|nou[ée]\w*|annonc[ée]\w*|remport[ée]\w*|d[ée]croch[ée]\w*|"
    r"obtenu\w*|lanc[ée]\w*|inaugur[ée]\w*|ouvert\w*|nomm[ée]\w*|recrut[ée]\w*|"
    r"rachet[ée]\w*|acquis\w*|investi\w*|lev[ée]\w*"
)
_ACTS_EN = (
    r"signed|announced|won|struck|agreed|secured|landed|opened|launched|unveiled|"
    r"appointed|named|hired|bought|acquired|raised|invested|inked|sealed|formed"
)
_INSIDE = re.compile(
    rf"\b(?:a|ont|vient|viennent)\s+(?:\w+\s+)?(?:par ailleurs|également|en outre|aussi)\s+"
    rf"(?:de\s+)?(?:{_ACTS_FR})\b|"
    rf"\b(?:has|have)\s+also\s+(?:{_ACTS_EN})\b|"
    rf"(?<!had )\balso\s+(?:{_ACTS_EN})\b",
    re.IGNORECASE,
)


# An act done, which an opening additive word must lead to ("At the same time, X has
# ended talks to buy Y" is no news of a purchase).
_DONE = re.compile(rf"\b(?:{_ACTS_FR}|{_ACTS_EN})\b|\bvien(?:t|nent)\s+d['’e]\s*\w+", re.IGNORECASE)


def told_as_more_news(sentence: str) -> bool:
    """Whether ``sentence`` tells its event as a further piece of news."""
    if _INSIDE.search(sentence) is not None:
        return True
    return _OPENING.search(sentence) is not None and _DONE.search(sentence) is not None


def more_news_of_the_firm(sentence: str, company: str | None, top: set[str | None]) -> bool:
    """Whether ``sentence`` tells, as a further piece of news, an event of ``company``
    that is the firm the document's top reports on (``top``: the companies of the top's
    events): "Par ailleurs, son concurrent X a signé…" is another firm's news in passing."""
    if not told_as_more_news(sentence):
        return False
    # session 16: by the name's key, as the same firm is named with and without its legal
    # form ("Hôtellerie des Cimes SAS" at the top, "Hôtellerie des Cimes" in the sentence)
    named = {company_key(c) for c in top if c}
    return company is None or not named or company_key(company) in named


# session 14: under a takeover at the top, the sum the buyer says it will spend on what it
# bought is news of its own ("It will spend €3m replacing the tents with wooden lodges",
# "Calanques said it would spend a further €15m refurbishing the villas", "Le nouveau
# propriétaire prévoit d'y investir 5 millions d'euros dans la rénovation des chambres",
# "It plans to invest €35m in the first Aveyron plants"). Without a sum ("would invest in
# a new packaging line", "devra investir dans l'outil") it is a promise, and a site the
# deal brings ("the takeover gives it a second site") no spending at all: the sets label
# neither (tuning: the five takeovers with a sum to spend label an investment, none of the
# nine without).
_SUM_TO_SPEND = re.compile(
    r"\b(?:spend|spending|invest|investing|inject|injecting|put|investir|investira|"
    r"investiront|investirait|consacrer|consacrera|consacreront|d[ée]penser|injecter)\s+"
    r"(?:(?:a\s+further|another|some|about|around|roughly|nearly|almost|up\s+to|more\s+than|"
    r"over|y|encore|pr[èe]s\s+de|environ|quelque|plus\s+de|jusqu['’]\s?[àa])\s+)?"
    r"(?:€|\$|£|EUR\s*|USD\s*)?\d",
    re.IGNORECASE,
)


def sum_to_spend(sentence: str) -> bool:
    """Whether ``sentence`` names a sum its subject will spend or invest."""
    return _SUM_TO_SPEND.search(sentence) is not None
