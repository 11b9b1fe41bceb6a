"""The lead: the body's first sentence, where a text says what its firm is.

A news text opens on its subject ("Le distributeur de pièces détachées automobiles X va
recruter 40 préparateurs de commandes…", "Lumion Verre, a maker of insulating glass
panels, will build a plant…"): a trade stated there is what the text is about, more
than the words of its jobs, sites or clients that follow ("order pickers", "warehouse",
"a site next to a rail line"). A trade stated later is often another firm's (a client,
a buyer, a former employer).
"""

from __future__ import annotations

from typing import Any, Protocol

from spacy.tokens import Doc

from myrtille.enrichment.doctext import sentence_of


def lead_sentence(doc: Doc, title_end: int) -> tuple[int, int]:
    """(start, end) token offsets of the body's first sentence; (0, 0) with no body."""
    for token in doc:
        if token.idx >= title_end and not token.is_space:
            sentence = sentence_of(doc, token.i)
            return max(sentence.start, token.i), sentence.end
    return 0, 0


class Weighed(Protocol):
    score: float
    evidence: list[dict[str, Any]]


# What a lead's trade weighs over any stated trade (`sectors.LEAD_TRADE_WEIGHT`,
# `sectors.TRADE_WEIGHT`; not imported: sectors imports this module).
LEAD_EXTRA = 1.5


def on_lead_weight(score: Weighed, threshold: float) -> bool:
    """Whether a sector beside the leading one reaches ``threshold`` only through the
    lead's extra weight: that weight chooses which sector leads; it keeps no second
    sector on one mention ("a maker of gearboxes for helicopters": the gearboxes' sector
    beside aeronautics). Session 13: tuning fp 83 -> 79 (without the registry 96 -> 93),
    tp unchanged."""
    leads = any(e.get("where") == "lead" for e in score.evidence)
    return leads and score.score - LEAD_EXTRA < threshold
