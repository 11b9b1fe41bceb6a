"""What a firm "won" is not always a contract: the lexicon reads the bare verbs
"décroche", "remporte" (and "remporter … ligne") as contract triggers, since titles drop
the object ("Verlande décroche 12 M€ auprès de la SNCF"), but a firm also wins a credit line,
a loan, a grant, a prize or a label ("décroche une ligne de crédit", "remporte le trophée de
l'innovation", "lands a €5m loan"). When the first noun after the winning verb is one of
those, the contract trigger is dropped (a loan is not made a fundraising here either)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from myrtille.enrichment.product_terms import product_terms

# Verbs a firm wins something with (folded lemmas and surface forms).
WIN_VERBS = frozenset(
    {
        "decrocher",
        "decroche",
        "decrochee",
        "remporter",
        "remporte",
        "remportee",
        "gagner",
        "rafler",
        "empocher",
        "obtenir",
        "win",
        "won",
        "land",
        "landed",
        "secure",
        "clinch",
        "bag",
        "obtain",
    }
)
# Things won that are no contract: money lent or granted, distinctions (folded lemmas).
NOT_CONTRACTS = frozenset(
    {
        "pret",
        "emprunt",
        "credit",
        "subvention",
        "prix",
        "trophee",
        "label",
        "recompense",
        "distinction",
        "medaille",
        "titre",
        "loan",
        "grant",
        "subsidy",
        "prize",
        "award",
        "trophy",
        "medal",
        "accolade",
        "title",
    }
)
# A credit line named by its first noun ("une ligne de crédit", "a line of credit").
_LINES = frozenset({"ligne", "line"})
# Amount words between the verb and its object ("a €5m loan", "un prêt de 2 M€").
_AMOUNT_WORDS = frozenset({"m", "mn", "bn", "million", "millions", "milliard", "k", "m€", "meur"})
_SKIPPED_POS = ("DET", "NUM", "ADJ", "SYM", "PUNCT", "ADV")


def won_objects(doc: Doc, triggers: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``triggers`` (label, start, end) without the contract triggers opened by a winning
    verb whose object is a loan, a grant, a prize or a label, and (session 14) without the
    export triggers that name goods ("export cables", product_terms.py)."""
    return [
        (label, start, end)
        for label, start, end in product_terms(doc, triggers)
        if not (label.endswith(":contract") and _wins_no_contract(doc, start))
    ]


def _wins_no_contract(doc: Doc, start: int) -> bool:
    verb = doc[start]
    if verb.norm_ not in WIN_VERBS and verb.lemma_ not in WIN_VERBS:
        return False
    noun = _object_noun(doc, start)
    if noun is None:
        return False
    if noun.lemma_ in _LINES or noun.norm_ in _LINES:
        # "ligne de crédit", "line of credit"
        following = [t.lemma_ for t in doc[noun.i + 1 : noun.i + 3]]
        return "credit" in following
    return noun.lemma_ in NOT_CONTRACTS or noun.norm_ in NOT_CONTRACTS


def _object_noun(doc: Doc, verb: int) -> Token | None:
    """The first noun after the verb in its sentence, past articles, figures and amounts."""
    for token in doc[verb + 1 : min(verb + 7, len(doc))]:
        if token.is_sent_start:
            return None
        if token.pos_ in _SKIPPED_POS or token.like_num or token.norm_ in _AMOUNT_WORDS:
            continue
        if token.pos_ in ("NOUN", "PROPN"):
            return token
        return None
    return None
