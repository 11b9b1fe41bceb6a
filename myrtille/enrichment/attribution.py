"""Which company an event belongs to: the subject of the trigger's clause.

The pipelines run without the dependency parser (it would cost more than the whole rest of
the enrichment), so the subject is found from word order, which French and English press
sentences keep simple: the subject is the first company named in the trigger's clause
before the trigger, unless it is a complement ("avec X", "auprès de X", "selon X", "with
X", "from X"). Two turns reverse the order:

- an acquisition in the passive or as a noun ("X est racheté par Y", "l'acquisition de X
  par Y", "X was acquired by Y") belongs to the buyer Y, the agent after "par"/"by"
  (gold convention: an acquisition is the acquirer's event);
- a contract given by a customer ("la DGA attribue à X un marché", "EDF awards X a
  contract", "commandé à X") belongs to the supplier that receives it, named after the
  trigger, unless the trigger is itself passive ("X a été retenu par la DGA").

A company that is the subject is chosen whether it is in the registry or not: an event of
an unlisted company is not given to a listed one named beside it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.background import clause_of
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.patterns import fold

# What may stand between a preposition and a company name: "du", "de la", "à la
# société", "by the Lyon-based".
_NOUN_PHRASE = (
    r"\s*(?:d[e']\s*|du\s+|des\s+)?"
    r"(?:(?:l'|la|le|les|the|son|sa|ses|its|their|leur|ce|cette|un|une|a|an)\s*"
    r"(?:[\w-]+\s+){0,2})?$"
)
# Words just before a company that make it a complement, not the clause's subject.
_COMPLEMENT = re.compile(
    r"\b(?:avec|aupres|chez|selon|pour|contre|face\s+a|vers|sur|via|de\s+la\s+part|"
    r"aux\s+cotes|with|from|for|according\s+to|against|alongside|versus|vs|at|to|into|in|of|"
    r"on|par|by|a|au|aux)" + _NOUN_PHRASE
)
_AGENT = re.compile(r"\b(?:par|by)" + _NOUN_PHRASE)
_RECIPIENT = re.compile(r"\b(?:a|au|aux|to)" + _NOUN_PHRASE)
_PASSIVE = re.compile(
    r"\b(?:ete|est|sont|etait|sera|seront|was|were|been|is|are|be|being|being)\s+\S*\s*$"
)
# Triggers said from the customer's side: the supplier is named after them.
_CUSTOMER_WORDS = frozenset(
    {
        "attribuer",
        "attribue",
        "attribuee",
        "confier",
        "confie",
        "confiee",
        "commander",
        "commande",
        "commandee",
        "choisir",
        "choisi",
        "choisie",
        "retenir",
        "retenu",
        "retenue",
        "selectionner",
        "selectionne",
        "selectionnee",
        "notifier",
        "award",
        "awarded",
        "select",
        "selected",
        "choose",
        "chose",
        "chosen",
        "pick",
        "picked",
        "hand",
        "handed",
        "give",
        "gave",
        "given",
        "entrust",
        "entrusted",
        "tap",
        "tapped",
        "order",
        "ordered",
    }
)
_LOOKBEHIND = 40


def _before(doc_text: str, mention: CompanyMention) -> str:
    return fold(doc_text[max(0, mention.start - _LOOKBEHIND) : mention.start])


def subject_of(
    sentence: Span, trigger: Span, kind: str, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """The company the event that ``trigger`` reports in ``sentence`` belongs to, if named."""
    text = sentence.doc.text
    inside = [m for m in mentions if sentence.start_char <= m.start and m.end <= sentence.end_char]
    if not inside:
        return None
    begin, end = clause_of(sentence, trigger)
    # Companies after the trigger's first word ("attribue à X un marché" is one trigger).
    after = [m for m in inside if m.start >= trigger[0].idx + len(trigger[0]) and m.start < end]
    before_trigger = fold(text[max(begin, trigger.start_char - _LOOKBEHIND) : trigger.start_char])
    passive = _PASSIVE.search(before_trigger) is not None
    if kind == "acquisition":
        agents = [m for m in after if _AGENT.search(_before(text, m))]
        if agents:
            return agents[0]
    if kind == "contract" and not passive and _customer_side(trigger):
        recipients = [m for m in after if _RECIPIENT.search(_before(text, m))]
        plain = [m for m in after if not _AGENT.search(_before(text, m))]
        if recipients or plain:
            return (recipients or plain)[0]
    # The subject: the first company of the clause before the trigger; a relative or an
    # apposition before the verb ("Vernay, qui …, a signé") leaves it the first of the
    # sentence before the trigger.
    before = [m for m in inside if m.end <= trigger.start_char]
    subjects = [m for m in before if not _COMPLEMENT.search(_before(text, m))]
    in_clause = [m for m in subjects if m.start >= begin]
    if in_clause:
        return in_clause[0]
    if subjects:
        return subjects[0]
    later = [m for m in inside if m.start >= trigger.start_char]
    plain_later = [m for m in later if not _COMPLEMENT.search(_before(text, m))]
    return (plain_later or later or before)[0] if (later or before) else None


def _customer_side(trigger: Span) -> bool:
    """Whether the trigger opens with a customer's verb ("attribue", "awarded"); "order"
    as a noun ("won an order") is the supplier's side."""
    verb = trigger[0]
    return verb.pos_ in ("VERB", "AUX") and (
        verb.norm_ in _CUSTOMER_WORDS or verb.lemma_ in _CUSTOMER_WORDS
    )
