"""Places (session 12): names the matcher judged mention by mention, read with the whole
text in view (placenamesakes.py), and a few names and cues.

- a town named like a department ("Vienne") placed once by a place in apposition ("some
  30 km south of Lyon") is that town in every plain mention, though the text also names
  the department's own towns;
- a large town's name shared by a small commune of a department the text dwells on is the
  small commune ("Valence" among Moissac and Castelsarrasin is Valence, 82);
- a commune's name put in another department than the commune found, in brackets, in
  apposition or by a town nearby ("Valence (Tarn-et-Garonne)", "Montreuil, near Berck"),
  is that department's commune of the name, or of a longer name (Montreuil-sur-Mer);
- a word the text writes with a number ("Lot 1", "Lot 2") is that word in its bare
  mentions too ("Lot infructueux"), not the Lot;
- "dans le sud de la Manche", "in the south of the Manche": a part of the place is a cue,
  and listed with a subject place ("en Ille-et-Vilaine et dans le sud de la Manche", "en
  Bourgogne-Franche-Comté et dans le Grand Est") it is no place in passing (places.py);
- "le Mont d'Arbois", "col de", "pic de": a summit named after a town is not the town;
- names.csv: "Hermès" (the luxury house, not Hermes in the Oise), "Lamballe" (usual name
  of Lamballe-Armor).

Every text was written for these tests; none comes from an evaluation set. The firms are
not in the test registry, so only the text gives places.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import places_of

CASES = [
    (
        "en-town-apposed-every-mention",
        "Coraplast to close Vienne workshop",
        "Coraplast, a tray maker from Clermont-Ferrand, will shut its workshop in Vienne, "
        "some 25 km south of Lyon, next spring, moving the work to Clermont-Ferrand. "
        "Its chief rival, Polyvienne, is based in Poitiers.\n\n"
        "The mayor of Vienne has asked the firm to find a buyer for the Vienne building.",
        {"63", "38", "86"},
        {"84", "75"},
    ),
    (
        "fr-town-apposed-every-mention",
        "Coraplast fermera son atelier de Vienne",
        "Le fabricant de barquettes Coraplast, basé à Poitiers, fermera au printemps son "
        "atelier de Vienne, à 25 km au sud de Lyon, et rapatriera la production à "
        "Poitiers.\n\n"
        "Le maire de Vienne demande à l'entreprise de chercher un repreneur.",
        {"86", "38"},
        {"75", "84"},
    ),
    (
        "fr-small-town-of-the-department",
        "Les Vergers du Quercy agrandissent leur station à Valence",
        "La coopérative fruitière du Tarn-et-Garonne investira 5 millions d'euros dans sa "
        "station de conditionnement à Valence, entre Moissac et Castelsarrasin.",
        {"82"},
        {"76"},
    ),
    (
        "en-small-town-of-the-department",
        "Quercy fruit cooperative expands packing station in Valence",
        "The Tarn-et-Garonne fruit cooperative will spend €5m on its packing station in "
        "Valence, between Moissac and Castelsarrasin.",
        {"82"},
        {"76"},
    ),
    (
        "fr-tender-lot",
        "Avis d'attribution : transport scolaire du Gard",
        "Objet : transport scolaire, secteur Alès - Uzès.\n"
        "Lot 1 : circuits du bassin d'Alès.\n"
        "Attributaire : CARS DU GARDON SAS, 30100 Alès.\n"
        "Lot 2 : circuits de l'Uzège.\n"
        "Lot infructueux, une nouvelle consultation sera lancée.",
        {"30"},
        {"76"},
    ),
    (
        "en-tender-lot",
        "Contract award notice: Gard school transport",
        "Subject: school transport, Alès - Uzès area.\n"
        "Lot 1: routes around Alès.\n"
        "Awarded to: CARS DU GARDON SAS, 30100 Alès.\n"
        "Lot 2: routes around Uzès.\n"
        "Lot declared void, a new call for tenders will follow.",
        {"30"},
        {"76"},
    ),
    (
        "fr-part-of-department",
        "La laiterie de Fougères embauche",
        "La laiterie coopérative de Fougères, qui collecte son lait en Ille-et-Vilaine et "
        "dans le sud de la Manche, recrute vingt conducteurs de ligne.",
        {"35", "50"},
        {"53", "28"},
    ),
    (
        "en-part-of-department",
        "Fougères dairy hires",
        "The Fougères dairy cooperative, which collects milk in the Ille-et-Vilaine and "
        "in the south of the Manche, is hiring twenty line operators.",
        {"35", "50"},
        {"53", "28"},
    ),
    (
        "en-luxury-house-not-town",
        "Maroquinerie Dulac names new chief executive",
        "Maroquinerie Dulac, the Limoges leather-goods maker, has named Claire Morel, who "
        "ran a workshop at Hermès until last year, as chief executive.",
        {"87"},
        {"75"},
    ),
    (
        "fr-usual-name-lamballe",
        "La coopérative Armorlait recrute",
        "La coopérative laitière Armorlait, dont le siège est à Lamballe, recrute trente "
        "techniciens pour sa nouvelle tour de séchage.",
        {"22"},
        {"53"},
    ),
    (
        "fr-regions-coordinated",
        "Médiroc ouvre une agence à Besançon",
        "Le prestataire de santé à domicile Médiroc, basé à Dijon, ouvre une agence à "
        "Besançon avec douze salariés.\n\n"
        "Fondé en 2009, Médiroc suit 9 000 patients en Bourgogne-Franche-Comté et dans le "
        "Grand Est.",
        {"21", "25"},
        {"27", "44"},
    ),
    (
        "fr-departments-listed-with-a-part",
        "La laiterie de Vitré recrute",
        "La laiterie coopérative de Vitré (Ille-et-Vilaine) recrute vingt conducteurs de "
        "ligne.\n\n"
        "Le site transforme le lait collecté en Ille-et-Vilaine et dans le sud de la Manche.",
        {"35", "50"},
        {"53", "28"},
    ),
    (
        "en-departments-listed-with-a-part",
        "Vitré dairy to hire twenty",
        "The Vitré dairy cooperative, in the Ille-et-Vilaine, is hiring twenty line "
        "operators.\n\n"
        "The plant processes milk collected in the Ille-et-Vilaine and in the south of the "
        "Manche.",
        {"35", "50"},
        {"53", "28"},
    ),
    (
        "fr-summit-named-after-a-town",
        "Hôtellerie Alpaga rachète un hôtel à Megève",
        "Le groupe savoyard Hôtellerie Alpaga a racheté l'Hôtel du Mont d'Arbois, à Megève, "
        "pour 9 millions d'euros.",
        {"74"},
        {"84"},
    ),
    (
        "fr-commune-of-the-bracketed-department",
        "Les Conserves Garonnaises ouvrent un atelier",
        "La conserverie Les Conserves Garonnaises ouvrira en mars un atelier à Valence "
        "(Tarn-et-Garonne), sa deuxième implantation.",
        {"82"},
        {"76"},
    ),
    (
        "en-commune-said-short-near-a-town",
        "Boulangerie Opale opens bakery in Montreuil",
        "Boulangerie Opale will open its fourth bakery in Montreuil, near Berck, in April.",
        {"62"},
        {"32"},
    ),
    # Guards: the department stays the department.
    (
        "en-department-apposed",
        "Polyvienne expands in Châtellerault",
        "Polyvienne, a tray maker in the Vienne, near Poitiers, will add a line at its "
        "Châtellerault plant.",
        {"86"},
        {"75"},
    ),
    (
        "fr-lot-department",
        "Une conserverie du Lot recrute",
        "La conserverie Quercinoise, installée dans le Lot à Gramat, recrute quinze saisonniers.",
        {"46"},
        {"76"},
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "text", "departments", "regions"), CASES, ids=[c[0] for c in CASES]
)
def test_places(
    enricher: Enricher,
    name: str,
    title: str,
    text: str,
    departments: set[str],
    regions: set[str],
) -> None:
    assert places_of(enricher, name, title, text) == (departments, regions)
