"""An owner who leaves by selling the firm (issue 14, session 13, precision).

A takeover often comes with its seller's exit: "Its founder retires as part of the deal",
"The former owners said they were retiring", "Paul Marin prend sa retraite et cède
l'entreprise à Verlande", "le fondateur part à la retraite à l'occasion de la cession". The
firm changes hands, not leaders within one owner: the sets' authors give such a document
the buyer's acquisition only (one event per takeover), never a change of leader, while
every true leadership event of the tuning set that names a retirement says who succeeds,
with no sale in its sentence. In small firms a handover is very often a sale (the French
regional press's "transmission d'entreprise", the founder's retirement being its cause),
so the rule is about that genre, not one document.

A departure word in the trigger (retires, steps down, part à la retraite, passe la main)
and, in the same sentence, the sale that carries it: "as part of the deal", "the former
owners", "sold the business", "cède l'entreprise", "à l'occasion de la cession", "les
cédants". "Cède les rênes" or "passe la main à sa fille" hand over the management, not the
firm, and stay leadership.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# A leader leaving, in the trigger's own words.
_DEPARTURE = re.compile(
    r"\b(?:retir\w*|retraite|step(?:s|ped|ping)?\s+down|quitt\w*|d[ée]part|leav\w*|left|"
    r"passe\w*\s+la\s+main|hand\w*\s+over)\b",
    re.IGNORECASE,
)
# The sale that carries the departure, anywhere in the sentence.
_SALE = re.compile(
    r"\bas\s+part\s+of\s+the\s+(?:deal|sale|takeover|acquisition|transaction|buyout|"
    r"disposal)\b|"
    r"\b(?:with|after|following)\s+the\s+(?:sale|takeover|disposal)\b|"
    r"\b(?:former|previous|outgoing)\s+(?:owners?|shareholders?)\b|\bsellers?\b|"
    r"\b(?:sold|sells?|selling)\s+(?:the|his|her|their|its)\s+(?:business|company|firm|"
    r"group|stake|shares|workshop|plant|estate)\b|"
    r"\b(?:anciens?|pr[ée]c[ée]dents?)\s+propri[ée]taires?\b|\bc[ée]dants?\b|"
    r"\b(?:[àa]\s+l['’]\s?occasion|dans\s+le\s+cadre|au\s+moment|lors)\s+de\s+(?:la|cette)\s+"
    r"(?:cession|vente|reprise|transmission)\b|"
    r"\bapr[èe]s\s+(?:la|cette)\s+(?:cession|vente|reprise)\b|"
    r"\b(?:c[èe]d\w*|vend\w*|a\s+c[ée]d[ée]|a\s+vendu|transm\w+)\s+(?:l['’]\s?|son\s+|sa\s+|"
    r"ses\s+|leur\s+|la\s+|le\s+|les\s+)(?:entreprise|soci[ée]t[ée]|affaire|groupe|parts|"
    r"capital|atelier|usine|domaine|fonds)\b",
    re.IGNORECASE,
)


def seller_exit(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the leadership ``trigger`` is an owner leaving by selling the firm, said in
    the same ``sentence`` (see the module's docstring); ``text``: the document's text."""
    if kind != "leadership" or not _DEPARTURE.search(trigger.text):
        return False
    return _SALE.search(text, sentence.start_char, sentence.end_char) is not None
