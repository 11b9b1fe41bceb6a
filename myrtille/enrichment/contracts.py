"""Contracts said from the customer's side: "la DGA a notifié à X un marché", "EDF awarded
X a contract", "a attribué à la société X un contrat", "has picked X to supply … under a
contract". The contract is the supplier's news, and the supplier is named after the
customer's verb, as its recipient or its object (``attribution.py``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

# Triggers said from the customer's side: the supplier is named after them.
CUSTOMER_WORDS = frozenset(
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


def customer_verb(sentence: Span, trigger: Span, begin: int) -> Token | None:
    """A customer's verb in the trigger's clause before it, governing a contract named as
    a noun ("a attribué à X un contrat", "has picked X to supply … under a contract")."""
    for token in sentence:
        if begin <= token.idx and token.i < trigger.start and customer_word(token):
            return token
    return None


def customer_word(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (
        token.norm_ in CUSTOMER_WORDS or token.lemma_ in CUSTOMER_WORDS
    )


def customer_side(trigger: Span) -> bool:
    """Whether the trigger opens with a customer's verb ("attribue", "awarded"); "order"
    as a noun ("won an order") is the supplier's side."""
    return customer_word(trigger[0])
