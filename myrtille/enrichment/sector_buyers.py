"""Sectors a text names as the buyers of a firm's goods, by a verb of selling or supplying.

"The service will be sold to hauliers and freight forwarders", "un logiciel vendu aux
transporteurs", "a chemicals company that supplies Cork's pharmaceutical plants", "la PME
fournit les laboratoires pharmaceutiques": the sector named is the buyers', not the
seller's, like a product's users (`sector_asides.aimed_at`) or its clients
(`sector_clients`); it is no evidence. In news17 (read for the first time in session 16)
a customs-software firm got transport and a solvent maker health so.

Only a class of buyers counts, a plural ("hauliers", "pharma plants"): "sold to dairy
group Lactalis" names the buyer of a business, whose trade is the news. Straight after
the verb the buyers need "to"/"à" ("sold to", "vendu aux"); a direct object is the buyer
only with a verb of supplying and a noun of firms or sites ("supplies … plants",
"approvisionne les usines automobiles"), since "supplies engine parts" names the product.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from myrtille.enrichment.sector_cues import CueWords, cues_of

# Verbs (folded lemmas) whose "to"/"à" names the buyers: "sold to", "vend aux".
SELL_VERBS = frozenset(
    {"sell", "supply", "deliver", "market", "vendre", "livrer", "fournir", "commercialiser"}
)
# Verbs whose direct object may be the buyers: "supplies the plants", "fournit les usines".
SUPPLY_VERBS = frozenset({"supply", "fournir", "approvisionner"})
# Their French forms, which the tagger often reads as nouns ("qui approvisionne les
# usines": lemma "approvisionne"); not "fournisseur", a trade.
SUPPLY_FORMS = (
    *("fournit", "fournissent", "fournira", "fourniront", "fournissait", "fournissaient"),
    *("approvisionne", "approvisionnent", "approvisionnera", "approvisionneront"),
    *("approvisionnait", "approvisionnaient"),
)
# Sectors whose suppliers the press files under their buyers' industry: "supplies
# carmakers", "fournit les avionneurs" is automotive or aeronautics news.
SUPPLY_CHAINS = frozenset({"automotive", "aeronautics", "defence"})
TO_LINKS = frozenset({"to", "à", "au", "aux"})
# Nouns (folded lemmas) of the firms and sites that buy: "pharma plants", "usines".
BUYER_NOUNS = frozenset(
    {
        *("plant", "factory", "site", "mill", "hospital", "clinic", "laboratory", "lab"),
        *("maker", "manufacturer", "producer", "group", "company", "firm", "operator"),
        *("usine", "site", "laboratoire", "hopital", "clinique", "fabricant", "groupe"),
        *("constructeur", "industriel", "producteur", "exploitant", "entreprise"),
    }
)
# What may stand between the verb (or its "to") and the buyers: articles, adjectives,
# numbers, names and possessives ("several of Cork's"), a list's commas, conjunctions
# and at most two of its earlier nouns ("hauliers, freight forwarders and exporters").
BETWEEN_TAGS = ("DET", "ADJ", "NUM", "PROPN", "CCONJ", "PART")
BETWEEN_WORDS = frozenset({",", "of", "'s", "de", "des", "d'", "du"})
LIST_NOUNS = 2
# Articles that open another phrase after a noun ("à ses clients des logiciels").
OBJECT_ARTICLES = frozenset({"des", "les", "un", "une", "the", "a", "an"})
REACH = 8
# The reading holds at a verb of supplying (or its form) within REACH, or at a "to" right
# after a verb of selling (`_sold`: up to two words before it): `sector_cues`.
SOLD_READ = 2
BUYER_CUES = CueWords(lemmas=SUPPLY_VERBS | SELL_VERBS, lowers=SUPPLY_FORMS)


def _plural(token: Token) -> bool:
    return "Plur" in token.morph.get("Number") or token.tag_ in ("NNS", "NNPS")


def _buyer_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether the term holds a plural noun of firms or sites, or stands right after one
    ("les usines pharmaceutiques") or before it ("pharma plants")."""
    tokens = doc[max(start - 1, 0) : end + 1]
    return any(t.lemma_ in BUYER_NOUNS and _plural(t) for t in tokens)


def bought_by(doc: Doc, start: int, end: int, code: str = "") -> bool:
    """Whether the term at ``start:end`` (of sector ``code``) names the class of buyers a
    firm sells or supplies to (see the module)."""
    if code in SUPPLY_CHAINS or not cues_of(doc).near(BUYER_CUES, start - REACH - SOLD_READ, start):
        return False
    last = doc[end - 1]
    following = doc[end] if end < len(doc) else None
    if not (_plural(last) or (following is not None and _plural(following))):
        return False
    nouns = 0
    for i in range(start - 1, max(start - REACH - 1, -1), -1):
        token = doc[i]
        if (
            token.pos_ in ("VERB", "AUX") and token.lemma_ in SUPPLY_VERBS
        ) or token.lower_ in SUPPLY_FORMS:
            return _buyer_noun(doc, start, end)
        if token.lower_ in TO_LINKS and token.pos_ == "ADP":
            return _sold(doc, i)
        if token.pos_ in BETWEEN_TAGS or token.lower_ in BETWEEN_WORDS:
            continue
        if token.pos_ == "NOUN" and _opens_object(doc, i + 1):
            # "fournit à ses clients des logiciels": the noun before the term ends the
            # buyers' phrase, and the term is the direct object, the product.
            return False
        if token.pos_ == "NOUN" and nouns < LIST_NOUNS:
            nouns += 1
            continue
        return False
    return False


def _opens_object(doc: Doc, i: int) -> bool:
    """Whether an article at ``i`` opens a new phrase right after a noun (no comma or
    conjunction between: a list of buyers would have one)."""
    return i < len(doc) and (doc[i].pos_ == "DET" or doc[i].lower_ in OBJECT_ARTICLES)


def _sold(doc: Doc, to: int) -> bool:
    """Whether a verb of selling stands right before "to" (an adverb may come between:
    "sold directly to")."""
    for token in reversed(doc[max(to - SOLD_READ, 0) : to]):
        if token.pos_ in ("VERB", "AUX") and token.lemma_ in SELL_VERBS:
            return True
        if token.pos_ != "ADV":
            return False
    return False
