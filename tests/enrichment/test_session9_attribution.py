"""Which company an event belongs to (session 9): the buyer of a business a notice sells
(its buyer's field run on in a paragraph, "… Buyer: X SAS, RCS …", or the court's plan of
sale, "plan de cession … au profit de la société X", "in favour of X") keeps the sale even
outside the registry, never the seller or the debtor the notice is about; "la start-up
grenobloise X" names a firm, as "la start-up X" does, when adjectives stand between; a
parsed subject that is a capitalised noun after its determiner ("Les Chaudronneries du
Lignon ont décroché …"), a name after a dateline the parser took for the subject
("FOUCARMONT — X, a glassworks …, has signed …"), a name the NER took for a person's with
a company word in apposition ("Henri Delaunay, a glassworks …"), or a firm before a
company word in apposition that the parser took for the subject ("X, une PME familiale, a
signé …") is a firm outside the registry, not the registry client named after it.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 10 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import MORVELLE, VALLORIN
from tests.enrichment.enriching import batch_events, check_event_company
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, company): the SIREN the event of that type must
# carry, or ("not", SIREN): no event of that type may be that company's.
CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a notice's buyer keeps the sale, outside the registry too: not the seller's
    (
        "en",
        "BODACC summary: sale of a Redon bar business",
        "BODACC A, sales and transfers (summary). Sale of a business (fonds de commerce) by "
        "private deed dated 3 October 2026, registered at the Vannes tax office. Seller: "
        "BRASSERIE VALLORIN SAS, RCS Rennes 900 000 303. Buyer: LES BIERES DU PORHOET SARL, "
        "RCS Vannes 912 345 678, 2 place du Marché, 56800 Ploërmel. Business sold: bar and "
        "taproom operated at Redon. Price: EUR 240,000.",
        "acquisition",
        ("not", VALLORIN),
    ),
    (
        "fr",
        "BODACC A - Ventes et cessions - Redon",
        "Annonce n° 4410 - Ventes et cessions\nGreffe du tribunal de commerce de Rennes\n\n"
        "Catégorie de vente : Vente\nDescriptif : Cession d'un fonds de commerce de bar et "
        "de dégustation de bières, exploité 9 quai Duguay-Trouin, 35600 Redon.\nAcquéreur : "
        "LA CAVE DU MAIL, société à responsabilité limitée, RCS Vannes 912 345 678.\n"
        "Vendeur : BRASSERIE VALLORIN, RCS Rennes 900 000 303.\nPrix : 240 000 euros.",
        "acquisition",
        ("not", VALLORIN),
    ),
    (
        "fr",
        "BODACC A - Procédures collectives - Roanne",
        "Annonce n° 3121 - Procédures collectives\nGreffe du tribunal de commerce de Roanne\n\n"
        "RCS Roanne 900 000 302\nDénomination : TISSAGES MORVELLE\nActivité : tissage de "
        "soieries\n\nJugement du 02/12/2026 arrêtant le plan de cession des actifs de la "
        "société (redressement judiciaire ouvert le 04/05/2026) au profit de la société "
        "FILATURE DU PILAT, SAS, RCS Saint-Étienne 987 654 321, avec reprise de 22 salariés "
        "sur 30.",
        "acquisition",
        ("not", MORVELLE),
    ),
    (
        "en",
        "BODACC: court approves sale plan for Tissages Morvelle",
        "Summary of a BODACC A notice (collective proceedings).\nCourt: Commercial court of "
        "Roanne.\nCompany: TISSAGES MORVELLE, RCS Roanne 900 000 302.\nJudgment of 2 December "
        "2026 adopting a plan for the sale of the business in favour of PILAT SPINNING SAS, "
        "of Saint-Étienne, which keeps 22 of the 30 employees.",
        "acquisition",
        ("not", MORVELLE),
    ),
    # ---- "la start-up grenobloise X": a firm, and the article is its own
    (
        "fr",
        "Grenoble : Fibrotex lève 4 millions d'euros",
        "La start-up grenobloise Fibrotex, qui recycle les chutes de tissu en isolant, a "
        "bouclé une levée de fonds de 4 millions d'euros. Elle compte parmi ses premiers "
        "clients les Tissages Morvelle, à Roanne.\n\nL'entreprise va recruter douze "
        "techniciens d'ici l'été pour sa ligne pilote.",
        "hiring",
        ("not", MORVELLE),
    ),
    # ---- a capitalised noun after its determiner, subject of the clause: a firm
    (
        "fr",
        "Yssingeaux : une commande de cuves",
        "Les Chaudronneries du Lignon, à Yssingeaux, ont décroché la commande de vingt "
        "cuves pour le compte des Tissages Morvelle. L'atelier emploie 40 personnes.",
        "contract",
        ("not", MORVELLE),
    ),
    # ---- a dateline the parser took for the subject: the name after it is the subject
    (
        "en",
        "New amber bottles for a Breton brewer",
        "FOUCARMONT — Verrerie de la Yères, a glassworks in the Yères valley specialising "
        "in amber beer bottles, has signed a four-year supply contract with Brasserie "
        "Vallorin, the Redon brewer, the glassmaker said on Monday.",
        "contract",
        ("not", VALLORIN),
    ),
    # ---- a name the NER took for a person's, with a company word in apposition: a firm
    (
        "en",
        "New amber bottles for a Breton brewer",
        "Henri Delaunay, a glassworks in the Bresle valley, has signed a four-year supply "
        "contract with Brasserie Vallorin, the Redon brewer, the glassmaker said.",
        "contract",
        ("not", VALLORIN),
    ),
    (
        "fr",
        "Des bouteilles ambrées pour une brasserie bretonne",
        "Henri Delaunay, une verrerie de la vallée de la Bresle, a signé un contrat de "
        "fourniture de quatre ans avec la Brasserie Vallorin.",
        "contract",
        ("not", VALLORIN),
    ),
    # ---- a company word with an indefinite article that the parser made the subject: the
    # firm named before it, in apposition
    (
        "fr",
        "Morlaix : un verrier signe avec une brasserie",
        "Kerlouan Verres, une PME familiale installée près de Morlaix, a signé un contrat "
        "de fourniture de quatre ans avec la Brasserie Vallorin, qui lui achètera un "
        "million de bouteilles par an.",
        "contract",
        ("not", VALLORIN),
    ),
    # ---- guards: the registry firm as the subject, and a firm's own generic words
    (
        "fr",
        "Roanne : les Tissages Morvelle décrochent une commande",
        "Les Tissages Morvelle ont décroché une commande de 3 000 mètres de velours pour le "
        "compte d'un constructeur ferroviaire.",
        "contract",
        MORVELLE,
    ),
    (
        "en",
        "Grenoble start-up Fibrotex raises EUR 4m",
        "Grenoble start-up Fibrotex, which turns textile offcuts into insulation, has raised "
        "EUR 4 million. Its first customers include Tissages Morvelle in Roanne. The company "
        "will hire twelve technicians by the summer.",
        "hiring",
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
