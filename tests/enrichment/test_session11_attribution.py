"""Which company an event belongs to (session 11): a subsidiary a headline names by its
parent's possessive ("Batterix's Calais unit to hire", "l'usine de Calais de Batterix")
is the firm of the document bearing the parent's name and the place, and the article's
firm; a joint venture named by its parents ("Verrand-Kalmo joint venture", "la
coentreprise Verrand-Kalmo") is neither parent; a firm a headline shortens a passive on
("Verrand selected by Rail Nordique to supply …") wins the contract, not its customer; an
article is an unlisted firm's when its title calls it by a trade and a surname ("la
conserverie Le Bihan") or its lead opens on "The Chantiers Navals de …"; an abbreviation
("Q&A", "R&D") is no firm that takes a headline.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Run time: about 10 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import batch_events, check_event_company, registry_firm

BATTERIX = "900001101"
BATTERIX_CALAIS = "900001102"
VERRAND = "900001103"
KALMO = "900001104"
RAIL_NORDIQUE = "900001105"
KERVEN = "900001106"
NAVILOIRE = "900001107"


REGISTRY = [
    registry_firm(BATTERIX, "Batterix", (), "27.20Z", "59", "32"),
    registry_firm(BATTERIX_CALAIS, "Batterix Calais", (), "27.20Z", "62", "32"),
    registry_firm(VERRAND, "Fonderie Verrand", ("Verrand",), "24.51Z", "58", "27"),
    registry_firm(KALMO, "Kalmo Industries", ("Kalmo",), "25.62A", "58", "27"),
    registry_firm(RAIL_NORDIQUE, "Rail Nordique", (), "30.20Z", "59", "32"),
    registry_firm(KERVEN, "Biscuiterie Kerven", ("Kerven",), "10.72Z", "29", "53"),
    registry_firm(NAVILOIRE, "Naviloire", (), "30.11Z", "44", "52"),
]

# (language, title, text, event type, company): the SIREN the event of that type must
# carry, or ("not", SIREN): no event of that type may be that company's.
CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a subsidiary named by its parent's possessive and its place
    (
        "en",
        "Batterix's Calais unit to hire 200 technicians",
        "Batterix Calais, the subsidiary that runs the cell plant, will recruit 200 "
        "technicians next year. Batterix, its parent, is based in Lille.",
        "hiring",
        ("not", BATTERIX),
    ),
    (
        "en",
        "Batterix's new Calais plant commits €300m to a second line",
        "The subsidiary Batterix Calais will spend €300 million on a second production line "
        "at its site, the company said. Batterix, the parent, is listed in Paris.",
        "investment",
        ("not", BATTERIX),
    ),
    (
        "fr",
        "Batteries : l'usine de Calais de Batterix recrutera 150 opérateurs",
        "Batterix Calais, filiale du groupe lillois Batterix, formera elle-même ses nouveaux "
        "opérateurs avec la région.",
        "hiring",
        BATTERIX_CALAIS,
    ),
    # the parent's plant, with no subsidiary of that name in the document: the parent's
    (
        "en",
        "Batterix's Calais plant to hire 80 more",
        "The plant makes cells for delivery vans and city buses.",
        "hiring",
        BATTERIX,
    ),
    # ---- a joint venture named by its parents
    (
        "en",
        "Verrand-Kalmo joint venture approves €40m casting plant",
        "Fonderies du Nivernais, the joint venture set up last year by Verrand and Kalmo "
        "Industries, will build the plant in Nevers.",
        "investment",
        ("not", VERRAND),
    ),
    (
        "fr",
        "La coentreprise Verrand-Kalmo investit 40 millions d'euros à Nevers",
        "La nouvelle fonderie coulera des carters pour l'automobile à partir de 2028.",
        "investment",
        ("not", VERRAND),
    ),
    # the parents setting it up: their partnership
    (
        "en",
        "Verrand sets up joint venture with Kalmo",
        "Fonderie Verrand has signed a joint venture agreement with Kalmo Industries to cast "
        "aluminium housings in Nevers.",
        "partnership",
        VERRAND,
    ),
    # ---- a headline's shortened passive: the firm chosen, not its customer
    (
        "en",
        "Verrand selected by Rail Nordique to supply brake discs for regional trains",
        "The Nevers foundry will cast the discs from 2027 at its existing site.",
        "contract",
        VERRAND,
    ),
    (
        "fr",
        "Freinage : Verrand choisi par Rail Nordique pour équiper ses rames régionales",
        "La fonderie nivernaise coulera les disques à partir de 2027 dans son usine actuelle.",
        "contract",
        VERRAND,
    ),
    (
        "fr",
        "Verrand retenu par Rail Nordique pour fournir les disques de frein des TER",
        "La fonderie nivernaise coulera les disques à partir de 2027 dans son usine actuelle.",
        "contract",
        VERRAND,
    ),
    # ---- an article about an unlisted firm: a trade and a surname, "The Chantiers …"
    (
        "fr",
        "Morlaix : la conserverie Le Bihan embauche après un contrat avec Kerven",
        "Les autoclaves tournent à plein. Pour suivre la commande de la biscuiterie Kerven, "
        "le conserveur recrute dix personnes d'ici au printemps.",
        "hiring",
        ("not", KERVEN),
    ),
    (
        "en",
        "Brest yard wins tug order",
        "The Chantiers Navals de Lanvéoc, a Brest shipyard employing 120 people, has been "
        "awarded a contract by the port authority to build two tugs.\n\nThe yard beat "
        "Naviloire, a larger builder from Nantes. Naviloire declined to comment.",
        "contract",
        ("not", NAVILOIRE),
    ),
    # a registry firm as the headline's complement ("auprès de Y", "from Y"): the name
    # before the verb is the article's firm
    (
        "fr",
        "Le Mans : Usinage Sarthois décroche un contrat de 5 millions d'euros auprès de "
        "Rail Nordique",
        "La commande porte sur des pièces de bogies pour des trains régionaux. Le contrat "
        "court sur quatre ans.",
        "contract",
        ("not", RAIL_NORDIQUE),
    ),
    (
        "en",
        "Rail: Usinages du Morvan lands €5m order with Rail Nordique",
        "The order covers bogie parts for regional trains.\n\nThe contract runs for four "
        "years and will keep the workshop busy until 2030.",
        "contract",
        ("not", RAIL_NORDIQUE),
    ),
    # ---- a stake in "the buyer": the buyer's takeover, not the target's
    (
        "fr",
        "Biscuits : le groupe breton Armoric Gourmet rachète Kerven",
        "Le groupe quimpérois Armoric Gourmet, spécialisé dans les crêpes, a signé le rachat "
        "de la Biscuiterie Kerven, une entreprise de 45 personnes.\n\nKerven gardera sa marque et "
        "son atelier de Pont-Aven. Ses deux fondateurs restent aux commandes de l'atelier et "
        "entrent au capital de l'acheteur.",
        "acquisition",
        ("not", KERVEN),
    ),
    (
        "en",
        "Breton food group Armoric Gourmet buys biscuit maker Kerven",
        "Quimper-based food group Armoric Gourmet, known for its crêpes, has agreed to buy "
        "Biscuiterie Kerven, a firm of 45 people.\n\nKerven will keep its brand and its "
        "bakery in Pont-Aven. Its two founders will stay on to run the bakery and will take a "
        "stake in the buyer.",
        "acquisition",
        ("not", KERVEN),
    ),
    # ---- an abbreviation is no firm: the headline stays the registry firm's
    (
        "en",
        "Naviloire third-quarter results: investor Q&A",
        "Excerpts from the investor Q&A after the results call.\n\nQ: What about staff?\n"
        "A: We will recruit 120 welders in Saint-Nazaire next year.",
        "hiring",
        NAVILOIRE,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("position", range(len(CASES)), ids=[c[1][:48] for c in CASES])
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    check_event_company(CASES[position], results[position])
