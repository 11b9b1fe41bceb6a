"""An order its subject places ("X a passé commande de six rames", "X placed an order for
…"): the subject is the customer, and the order is its supplier's contract (moved here
from ``attribution.py`` in session 12, unchanged, to keep that module short)."""

from __future__ import annotations

from spacy.tokens import Span

from myrtille.enrichment.patterns import fold

_PLACED = frozenset({"passer", "placer", "place", "placed", "placing", "places"})
_ORDER = frozenset({"commande", "commandes", "order", "orders"})


def order_placed(sentence: Span, trigger: Span) -> bool:
    """Whether the trigger is an order its subject places ("a passé commande", "placed an
    order"): the subject is the customer."""
    doc = sentence.doc
    orders = [t.i for t in trigger if t.lower_ in _ORDER]
    window = doc[max(sentence.start, trigger.start - 3) : orders[0]] if orders else []
    # The verb before the order: "La commande, passée par l'agence" is the supplier's.
    return any(fold(t.lemma_) in _PLACED or t.lower_ in _PLACED for t in window)


__all__ = ["order_placed"]
