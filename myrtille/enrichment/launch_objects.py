"""A product launched or unveiled, whatever the product: innovation news (session 10).

The lexicon lists the kinds of product it expects after "lancer", "dévoiler", "launch"
or "unveil" (a range, a model, a device...), but a press release launches whatever its
firm makes: "unveils a turbine casing produced by additive manufacturing", "launches
alcohol-free sparkling wine", "annonce le lancement d'une ligne de baskets", "unveils
Cèdre Nocturne, a woody eau de parfum". What is *not* a product is the shorter list: a
plan, a campaign, a call for tenders, a recruitment drive, a fund, a rocket's launch...
So a verb of unveiling, or of launching, or the noun "launch"/"lancement" followed by
"of"/"de", counts when the noun group after it names no such thing; a name after it
(no common noun) counts when an apposition says what it is ("X, an alcohol-free
sparkling wine", "Nova, son premier robot"), and the apposition names no person.
"""

from __future__ import annotations

import itertools

from spacy.parts_of_speech import ADJ, ADP, ADV, DET, NOUN, NUM, PRON, PROPN, PUNCT, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.doctext import lemmas_of


def _ids(*words: str) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def _listed(words: str) -> frozenset[int]:
    """The ids of a list of folded lemmas written one after another."""
    return _ids(*words.split())


# Folded lemmas: verbs of unveiling (a product, nearly always), of launching (anything),
# and the nouns of launching that take "of"/"de".
_UNVEILING = _ids("devoiler", "unveil")
_LAUNCHING = _ids("lancer", "launch", "commercialiser")
_LAUNCH_NOUNS = _ids("lancement", "launch")
_OPENERS = _UNVEILING | _LAUNCHING | _LAUNCH_NOUNS
_OF = _ids("of", "de", "du", "d'")
# How many words the noun group after the trigger may run before its head.
_GROUP = 7
# What is launched or unveiled and is no product: a plan, a campaign, a call, a drive, a
# procedure, money, a site or works (investment), a firm, a launch vehicle, figures.
_NOT_PRODUCTS = _listed(
    """
    plan programme projet strategie campagne operation initiative feuille rapport
    etude bilan enquete appel offre procedure consultation recrutement
    restructuration greve fonds levee investissement travaux chantier construction
    usine site production fabrication filiale entreprise societe activite
    partenariat concours saison festival salon evenement resultat budget negociation
    discussion reflexion demarche mission fusee satellite lanceur vol tir opa
    emprunt obligation souscription vente cession rappel suppression licenciement
    fermeture action politique reforme audit diagnostic mouvement petition defi
    formation ecole centre agence magasin boutique program project strategy campaign
    report study survey roadmap appeal bid offer tender review investigation probe
    inquiry recruitment drive restructuring strike fund round raise investment work
    works factory plant manufacturing subsidiary company firm business venture
    partnership competition season fair event result figure talk negotiation process
    rocket launcher flight takeover ipo bond sale recall cut closure lawsuit policy
    reform challenge scheme training school center agency store shop office search
    hunt effort pad window recherche candidature alerte signal liaison route
    desserte rescue attack offensive hostilite travail extension agrandissement
    modernisation renovation centrale parc ferme campus tranche phase etape entrepot
    expansion upgrade refurbishment renovation farm park campus phase stage warehouse
    """
)
# Heads of an apposition that name a person, not a product ("Jeanne Roux, its new CEO").
_PEOPLE = _listed(
    """
    directeur directrice president dirigeant fondateur responsable patron gerant
    associe ingenieur chercheur collaborateur salarie director chief ceo head
    founder manager chairman chairwoman executive partner engineer researcher
    employee officer start-up startup entreprise societe company firm group groupe
    subsidiary filiale brand
    """
)
# Words of time, read past in a noun group ("lancé cet automne", "launched today a").
_TIMES = _listed(
    """
    automne ete hiver printemps semaine mois annee an jour matin soir lundi mardi
    mercredi jeudi vendredi samedi dimanche autumn fall summer winter spring week
    month year day morning evening today monday tuesday wednesday thursday friday
    saturday sunday
    """
)
# Auxiliaries before a past participle that is the verb of the clause ("a lancé", "has
# unveiled"); a participle without one qualifies a noun ("un chantier lancé cet
# automne", "the service is launched with a partner").
_HAVE = _ids("avoir", "have")
# Words of a noun group: determiners, adjectives, numbers, possessives, nouns, hyphens.
_IN_GROUP = frozenset((ADJ, ADV, DET, NUM, PRON, NOUN, PROPN))


def launched_products(doc: Doc) -> list[tuple[str, int, int]]:
    """Innovation triggers (label, start, end): a verb of unveiling or launching, or the
    noun "launch"/"lancement" and its "of"/"de", whose object is a product."""
    lemmas = lemmas_of(doc)
    found = []
    # the openers' lemmas picked out of the column at C speed: a Token for those only
    for i in itertools.compress(itertools.count(), map(_OPENERS.__contains__, lemmas)):
        lemma = lemmas[i]
        token = doc[i]
        if (lemma in _UNVEILING or lemma in _LAUNCHING) and token.pos == VERB:
            if not _active(doc, lemmas, i):
                continue
            begin = i + 1
        elif lemma in _LAUNCH_NOUNS and token.pos == NOUN:
            if i + 1 >= len(doc) or lemmas[i + 1] not in _OF:
                continue
            begin = i + 2
        else:
            continue
        if _is_product(doc, lemmas, begin):
            found.append(("event:innovation", i, i + 1))
    return found


def _is_product(doc: Doc, lemmas: list[int], begin: int) -> bool:
    """Whether the noun group from ``begin`` names a product: its common nouns are none
    of the things that are launched and are no product; a name alone needs an apposition
    that says what it is."""
    nouns, names, end = _group(doc, begin)
    # French puts the head first and its complement after "de" ("une ligne de baskets"):
    # the complement is read too ("une ligne de production" is no product).
    if end + 1 < len(doc) and lemmas[end] in _OF and doc.lang_ == "fr":
        more, _, end = _group(doc, end + 1)
        nouns = nouns + more
    if any(lemmas[n] in _NOT_PRODUCTS for n in nouns):
        return False
    if nouns and any(doc[n].pos == NOUN for n in nouns):
        return True
    if not names or end >= len(doc) or doc[end].text != ",":
        return False
    # "Bulle Zéro, an alcohol-free sparkling wine", "Nova, son premier robot".
    apposed, _, _ = _group(doc, end + 1)
    heads = [n for n in apposed if doc[n].pos == NOUN]
    return bool(heads) and not any(
        lemmas[n] in _NOT_PRODUCTS or lemmas[n] in _PEOPLE for n in heads
    )


def _active(doc: Doc, lemmas: list[int], i: int) -> bool:
    """Whether the verb at ``i`` is a clause's verb in the active voice: no past
    participle, or one after "avoir"/"have" (adverbs between)."""
    token = doc[i]
    if token.tag_ != "VBN" and "Part" not in token.morph.get("VerbForm"):
        return True
    j = i - 1
    while j >= 0 and doc[j].pos == ADV:
        j -= 1
    return j >= 0 and lemmas[j] in _HAVE


def _group(doc: Doc, begin: int) -> tuple[list[int], list[int], int]:
    """The common nouns and the names of the noun group starting at ``begin`` (a few
    words at most), and where it ends."""
    lemmas = lemmas_of(doc)
    nouns: list[int] = []
    names: list[int] = []
    j = begin
    while j < len(doc) and j < begin + _GROUP:
        token = doc[j]
        if token.pos == PUNCT and token.text in "-–":
            j += 1
            continue
        # A participle inside the group ("sparkling wine", "wood-fired oven"), not a new
        # clause.
        participle = token.pos == VERB and token.tag_ in ("VBG", "VBN")
        if participle and j + 1 < len(doc) and doc[j + 1].pos in (NOUN, ADJ):
            j += 1
            continue
        if token.pos not in _IN_GROUP or (token.pos == ADP):
            break
        if token.pos == NOUN and lemmas[j] in _TIMES:
            j += 1
            continue
        if token.pos == NOUN:
            nouns.append(j)
        elif token.pos == PROPN:
            names.append(j)
        j += 1
    return nouns, names, j
