"""Roles of the words before an event's trigger that tell a clause's subject from a
complement: a connective that opens the sentence, a capitalised name before the trigger, a
firm named inside a relative clause; and the words that name a takeover's buyer by its role
("le repreneur", "au capital de l'acheteur") or the deal itself ("l'opération") (split out
of ``attribution.py``)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.firmnames import connective

_RELATIVES = frozenset({"qui", "que", "qu'", "dont", "which", "who", "whose", "that", "whom"})


# Takeover wordings whose subject is the firm taken over, the buyer their complement
# ("s'adosse au groupe Y", "passe dans le giron / sous le contrôle / sous la bannière de
# Y", "tombe dans l'escarcelle de Y"; "X change de mains", "X changes hands").
TARGET_SIDE = frozenset(
    {"adosser", "giron", "escarcelle", "pavillon", "banniere", "passer", "mains", "hands"}
)
# Verbs of a sale, whose subject is the seller ("céder", "vendre", "sell", "offload").
SELLING = frozenset({"ceder", "vendre", "vend", "sell", "sold", "offload", "divest"})
# A seller finding its buyer ("j'ai trouvé un repreneur", "the family found a buyer"): the
# takeover is the buyer's, whoever the subject is.
FOUND = frozenset({"trouver", "trouve", "designer", "find", "found", "finds"})
BUYER_NOUNS = frozenset({"repreneur", "repreneurs", "acquereur", "buyer", "buyers", "acquirer"})


# A subject that names the buyer of a takeover by its role ("le repreneur", "the new owner").
BUYER_SUBJECT = re.compile(
    r"\W*(?:(?:le|la|l'|the|son|sa|its|leur|their)\s*)"
    r"(?:(?:repreneur|acquereur|cessionnaire|racheteur|buyer|acquirer|acquiror)\b|"
    r"(?:nouvel(?:le)?|nouveau|new)\s+(?:proprietaire|actionnaire|owner|shareholder)s?\b)"
)
# The buyer as the complement of a stake ("entrent au capital de l'acheteur", "take a
# stake in the buyer").
OF_BUYER = re.compile(
    r"\W*(?:de|d'|du|of|in)\s*(?:(?:l'|le|la|the|son|sa|its)\s*)"
    r"(?:acheteur|acquereur|repreneur|racheteur|buyer|acquirer|acquiror)\b"
)
# A subject that names the takeover itself ("the deal", "l'opération"), before an
# acquisition word of its clause: the takeover the document reports, whose buyer it is.
DEAL_SUBJECT = re.compile(
    r"\W*(?:le|la|l'|cette|ce|the|this)\s*"
    r"(?:operation|transaction|deal|takeover|transaction|purchase)\b"
)


# A sentence opening with a name that an apposition calls a firm ("Dentelles du Détroit,
# une jeune entreprise fondée par …", "Brightfield, a Leeds start-up, …"; moved here from
# ``attribution.py`` in session 13).
NAMED_FIRM = re.compile(
    r"\W*[A-ZÉÈÀ][\w'’&-]*(?:\s+(?:(?:d[eu]s?|de\s+la|la|le|l['’]|et|&|of|the|and)\s+)?"
    r"[A-ZÉÈÀ][\w'’&-]*)*\s*,\s*(?:un|une|la|le|l['’]\s?|a|an|the)\s*(?:[\w-]+\s+){0,3}?"
    r"(?:entreprise|soci[ée]t[ée]|start-up|startup|pme|jeune\s+pousse|firm|company|business|"
    r"maker|fabricant|groupe|group|sp[ée]cialiste|specialist)\b"
)


def connective_opening(sentence: Span) -> bool:
    """Whether the sentence opens with a connective before its comma ("Instead, the group
    …", "Ensuite, l'entreprise …"), which is no firm's name in apposition."""
    first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
    return first is not None and connective(first)


def named_before(sentence: Span, begin: int, trigger: Span) -> bool:
    """Whether the trigger's clause names someone before it with a capitalised name
    ("L'américain Sorbex rachète …"), not a pronoun or a common noun ("L'entreprise
    rachète …")."""
    return any(
        t.idx >= begin
        and t.text[:1].isupper()
        and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.idx > begin and not t.is_sent_start))
        for t in sentence
        if t.i < trigger.start
    )


def object_before(sentence: Span, mention: CompanyMention) -> bool:
    """Whether ``mention`` stands in a relative clause before it ("…, qui compte les
    Tissages Morvelle parmi ses clients, va recruter", "whose customers include X"): an
    object there, not the subject."""
    segment = [t for t in sentence if t.idx < mention.start]
    for position in range(len(segment) - 1, -1, -1):
        if segment[position].text in ",;:()—–":
            opening = segment[position + 1 : position + 2]
            return bool(opening) and opening[0].lower_ in _RELATIVES
    return False
