"""Which company an event belongs to (session 10): a firm outside the registry keeps its
event, not the registry firm named beside it, when it is called by a company word that
opens its name or precedes it ("Compagnie du Mont Blanc", "la jeune pousse X"), when it
is the lead's subject under a title that names no firm ("Lift operator names new chief"),
when it is the name a verbless headline puts in a state ("…, X en redressement
judiciaire") or the name a court's clause places in receivership ("le tribunal a placé en
redressement judiciaire X", "the court put X into administration"), or the firm named
last before a court's clause ("X rescues builder Y as court orders liquidation"); a firm
designated as a buyer ("X a été désigné repreneur") keeps the takeover; a name after a
courtesy title ("replacing Mr Paul Morvelle") is a person's, not the registry firm of
that surname.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 10 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import ALCARENE, MORVELLE, VALLORIN
from tests.enrichment.enriching import batch_events, check_event_company
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, company): the SIREN the event of that type must
# carry, or ("not", SIREN): no event of that type may be that company's.
CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a company word opens or precedes the unlisted firm's name
    (
        "fr",
        "Bordeaux : les Tissages Morvelle changent de directeur, Navella mise sur l'électrique",
        "Les Tissages Morvelle ont un nouveau directeur général, Marc Laborde, depuis le 1er "
        "décembre.\n\nSur la rive droite, la jeune pousse Navella, installée à Lormont, a "
        "présenté mardi le prototype de sa navette fluviale électrique. Le bateau fera des "
        "essais jusqu'en mars. La société, qui compte quinze salariés, revendique deux "
        "brevets sur son système de recharge.",
        "innovation",
        ("not", MORVELLE),
    ),
    (
        "en",
        "Alpine business news: a taproom and a gondola",
        "Brasserie Vallorin has opened a second taproom in Annecy.\n\nIn Chamonix, Compagnie "
        "des Remontées Blanches has unveiled a prototype of a solar-powered gondola cabin. "
        "The cabin will be tested until March. The company, which employs 15 people, has "
        "filed two patents on its battery system.",
        "innovation",
        ("not", VALLORIN),
    ),
    # a name's opening word ("Chantiers", "Ateliers") is a name, not "the company"
    (
        "fr",
        "Brest : un chantier naval construira un bateau électrique",
        "Les Chantiers navals de Kerhuon, à Brest, ont remporté la commande d'un catamaran "
        "électrique de 150 places pour le compte des Forges d'Alcarène, qui transporteront "
        "leurs salariés entre deux sites.",
        "contract",
        ("not", ALCARENE),
    ),
    # ---- a title naming no firm over a lead whose subject is outside the registry
    (
        "en",
        "Lift operator names new chief as ski season opens",
        "Compagnie du Mont Blanc, which runs the ski lifts at Chamonix, has appointed Julien "
        "Perrin as managing director, the company said on Friday.\n\nBookings look solid "
        "across the valley. Brasserie Vallorin, the Rennes brewer, said its sales of winter "
        "beers were up 8% on last year. Vallorin sells most of them in ski resorts.",
        "leadership",
        ("not", VALLORIN),
    ),
    (
        "fr",
        "Un nouveau directeur pour l'exploitant des remontées mécaniques",
        "Compagnie des Remontées du Semnoz, qui exploite le domaine skiable, a nommé Julie "
        "Perrin au poste de directrice générale, a annoncé la société vendredi.\n\nLes "
        "réservations sont bonnes dans la vallée. Les Forges d'Alcarène, à Thiers, ont vu "
        "leurs ventes de couteaux progresser de 8 %. Alcarène en vend le tiers dans les "
        "stations.",
        "leadership",
        ("not", ALCARENE),
    ),
    # ---- the firm a verbless headline or a court's clause puts in receivership
    (
        "fr",
        "Pruneau : les Forges d'Alcarène exportent, Pruneaux Lacoste en redressement judiciaire",
        "Les Forges d'Alcarène ont signé un contrat avec un client japonais.\n\nÀ trente "
        "kilomètres de là, le tribunal de commerce d'Agen a placé mardi en redressement "
        "judiciaire Pruneaux Lacoste, à Villeneuve-sur-Lot.",
        "insolvency",
        ("not", ALCARENE),
    ),
    (
        "en",
        "Brasserie Vallorin signs Japanese deal; Dunmore Foods into administration",
        "Brasserie Vallorin has signed a supply contract with a Japanese retailer.\n\nIn "
        "Leeds, the High Court on Tuesday placed into administration Dunmore Foods, a maker "
        "of frozen desserts.",
        "insolvency",
        ("not", VALLORIN),
    ),
    (
        "en",
        "Vallorin rescues Vendée builder Océane Homes as court orders liquidation",
        "Rennes brewer Brasserie Vallorin has bought the assets of a Vendée house-builder "
        "to house its new bottling line, preserving 130 jobs.",
        "insolvency",
        ("not", VALLORIN),
    ),
    # ---- a firm designated as the buyer keeps the takeover
    (
        "fr",
        "Textile : Tissages Morvelle reprend la Filature Chazal",
        "Le tisseur roannais Tissages Morvelle a été désigné jeudi repreneur de la Filature "
        "Chazal par le tribunal de commerce de Saint-Étienne. Son offre prévoit la reprise de "
        "31 des 44 salariés.",
        "acquisition",
        MORVELLE,
    ),
    (
        "fr",
        "Coutellerie : les Forges d'Alcarène reprennent Lames du Forez",
        "Les Forges d'Alcarène ont été désignées mardi repreneur des Lames du Forez par le "
        "tribunal de commerce de Clermont-Ferrand, qui a retenu leur offre.",
        "acquisition",
        ALCARENE,
    ),
    # ---- a customer's passive choice: the winner is the subject, not the agent
    (
        "fr",
        "Cholet : une PME de mécanique en croissance",
        "Mécanique Aéro Vendéenne, sous-traitant installé dans la zone sud de Cholet, a été "
        "retenue par les Forges d'Alcarène pour usiner pendant cinq ans des pièces en titane.",
        "contract",
        ("not", ALCARENE),
    ),
    (
        "en",
        "Le Mans machining firm grows",
        "Sarthe Precision, a subcontractor based south of Le Mans, has been selected by "
        "Forges d'Alcarène to machine titanium parts for five years under a EUR 14m contract.",
        "contract",
        ("not", ALCARENE),
    ),
    # ---- a name after a courtesy title is a person's
    (
        "en",
        "Notice: change of president at Brasserie Vallorin",
        "Brasserie Vallorin SAS, RCS Rennes 900 000 303. By decision of the general meeting "
        "of 14 November 2026, Ms Claire Dubois was appointed president of the company, "
        "replacing Mr Paul Morvelle, who has resigned.",
        "leadership",
        ("not", MORVELLE),
    ),
    (
        "fr",
        "Annonce légale : changement de président chez Brasserie Vallorin",
        "BRASSERIE VALLORIN, SAS au capital de 50 000 euros, RCS Rennes 900 000 303. Par "
        "décision de l'assemblée générale du 14 novembre 2026, Mme Claire Dubois a été nommée "
        "présidente en remplacement de M. Paul Morvelle, démissionnaire.",
        "leadership",
        ("not", MORVELLE),
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    check_event_company(CASES[position], results[position])
