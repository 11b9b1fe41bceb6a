"""A court or a public body acting on a firm: "the Commercial Court of Tours placed Y into
receivership", "le tribunal de commerce de X a placé Y en redressement judiciaire", "la
préfecture a autorisé Y à …", "la Région accorde à Y une aide …". The body is no firm: the
event is the firm it acts on, named after it in the sentence, never the body's (the NER
takes "The Commercial Court of Tours" for an organisation) nor, when the body is a common
noun, the firm of the sentence before."""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.patterns import fold

# The head words of courts and public bodies, folded: what such a body's name opens on,
# after its article.
_BODY = (
    r"(?:(?:the\s+)?(?:commercial\s+|high\s+|district\s+|regional\s+|appeal\s+|appeals\s+)?"
    r"court|tribunal|cour\s+d'appel|greffe|prefecture|prefet|prefect|"
    r"(?:conseil\s+)?region(?:al\s+council)?|conseil\s+(?:regional|departemental|municipal)|"
    r"departement|metropole|mairie|commune|ville|agglomeration|communaute\s+de\s+communes|"
    r"etat|state|government|gouvernement|ministere|ministry|ministre|minister|"
    r"city\s+council|county\s+council|town\s+hall)\b"
)
_BODY_NAME = re.compile(r"\W*(?:(?:le|la|l'|les|the)\s*)?" + _BODY)
# A body as the clause's subject, before the trigger ("La Région accorde à Y …", "Le
# tribunal a placé Y …"): a definite article is needed, or "l'État" would match "état".
_BODY_SUBJECT = re.compile(r"\W*(?:(?:le|la|l'|les|the)\s*)" + _BODY)


def public_body(mention: CompanyMention) -> bool:
    """Whether an unlisted mention is a court or a public body ("The Commercial Court of
    Tours", "Tribunal de commerce de Lyon", "Région Bretagne")."""
    return mention.company_id is None and _BODY_NAME.match(fold(mention.name)) is not None


def body_subject(text: str, begin: int, trigger_start: int) -> bool:
    """Whether the clause from ``begin`` to the trigger opens on a public body named by a
    common noun ("La Région accorde à …", "The prefecture has authorised …")."""
    return _BODY_SUBJECT.match(fold(text[begin:trigger_start])) is not None


def body_before(
    text: str, begin: int, trigger_start: int, found: CompanyMention | None
) -> int | None:
    """Where the court or public body that is the event's subject ends, if it is one: the
    subject found (``found``, an unlisted name) or, when none was, the clause's opening
    common noun ("La Région accorde à Y …")."""
    if found is not None:
        return found.end if found.end > found.start and public_body(found) else None
    return begin if body_subject(text, begin, trigger_start) else None


# A buyer's complement after a court's sale ("handing X to Y", "cède X à Y", "au profit de
# Y", "in favour of Y", "la reprise de X par Y"), on the text just before its name.
_TO_BUYER = re.compile(
    r"\b(?:to|a|au|aux|au\s+profit\s+d[eu']?|en\s+faveur\s+d[eu']?|in\s+favou?r\s+of|par|by|"
    r"offre\s+(?:de\s+reprise\s+)?d[eu']?|offer\s+(?:from|by|of))"
    r"\s*(?:(?:the|la|le|les|l')\s*)?(?:(?:groupe|group|societe|company)\s+)?$"
)


def sold_to(sentence: Span, after: int, mentions: list[CompanyMention]) -> CompanyMention | None:
    """The buyer a court's judgment hands a firm to, named after ``after`` (the body's
    end): a court's sale is its buyer's takeover, never the firm sold (session 12)."""
    text = text_of(sentence.doc)
    return next(
        (
            m
            for m in mentions
            if m.end > m.start
            and after <= m.start
            and m.end <= sentence.end_char
            and _TO_BUYER.search(fold(text[max(after, m.start - 30) : m.start]))
        ),
        None,
    )


def acted_on(sentence: Span, after: int, mentions: list[CompanyMention]) -> CompanyMention | None:
    """The first firm of the sentence named after ``after`` (the body's end): the firm the
    body acts on, listed or not (an unlisted debtor is not the article's firm)."""
    return next(
        (
            m
            for m in mentions
            if m.end > m.start and after <= m.start and m.end <= sentence.end_char
        ),
        None,
    )
