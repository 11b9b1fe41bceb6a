"""English event words in another sense: "hire" for renting, "close" for near (issue 14,
session 15).

Read off news14 and news16 (two authors): "canoe hire on the Dordogne", "car hire",
"bike-hire scheme", "equipment hire firm" rent things out, hiring no one; "the
neighbourhoods closest to the site", "closer to the plant", "homes close to the
factory" say how near, closing nothing.
"""

from __future__ import annotations

from spacy.tokens import Span

# Nouns of renting after "hire": "hire car", "hire company".
_RENTED = frozenset(
    {
        "car",
        "cars",
        "company",
        "companies",
        "firm",
        "firms",
        "shop",
        "shops",
        "fleet",
        "business",
        "businesses",
        "service",
        "services",
        "scheme",
        "schemes",
        "charge",
        "charges",
        "cost",
        "costs",
        "fee",
        "fees",
        "desk",
        "agreement",
        "purchase",
        "boat",
        "boats",
        "bike",
        "bikes",
        "van",
        "vans",
    }
)
_NEAR = frozenset({"closest", "closer", "close"})
_NEAR_AFTER = frozenset({"to", "by"})


def near_sense(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the English ``kind`` trigger names renting or nearness (see the module's
    docstring); ``text``: the document's text (unused: the tokens say it)."""
    first = trigger[0]
    if first.lang_ != "en":
        return False
    doc = sentence.doc
    if kind == "hiring" and first.lower_ == "hire" and len(trigger) == 1:
        # the noun, not the verb ("Refuge des Cimes hires 120", "plans to hire 30")
        before = doc[first.i - 1] if first.i > sentence.start else None
        after = doc[first.i + 1] if first.i + 1 < sentence.end else None
        if after is not None and (after.like_num or after.pos_ in ("DET", "NUM", "PRON")):
            return False  # "will hire 30 people", "hire the", "hire them"
        # right after a singular noun, with no modal or "to" between: a noun, whatever the
        # tagger says ("canoe hire" is often read as a verb; "suppliers hire" is one)
        if (
            first.tag_ in ("NN", "VB", "VBP")
            and before is not None
            and before.tag_ in ("NN", "NNP")
            and (before.text.islower() or before.i == sentence.start)
        ):
            return True  # "canoe hire", "car hire"
        return after is not None and after.lower_ in _RENTED  # "hire car", "hire company"
    if kind == "closure" and first.lower_ in _NEAR:
        after = doc[first.i + 1] if first.i + 1 < len(doc) else None
        if first.lower_ != "close":
            return True  # "closest to the site", "closer to the plant"
        return after is not None and after.lower_ in _NEAR_AFTER and first.pos_ in ("ADJ", "ADV")
    return False
