"""Which company an event belongs to (session 8): a pronoun after a sentence that opens
with a place or a time ("À Figeac, dans la vallée du Lot, X …. Elle recrute") stands for
the firm named after that setting; a notice's buyer field ("Acquéreur :", "Buyer:") names
the buyer of the business its description line sells, and a lot's award line ("Lot 1 -
…: awarded to X") the winner of the contract its title announces; a seller that "found a
buyer" ("j'ai trouvé un repreneur") reports the buyer's takeover, not its own; "le
groupe", "the group" is the firm the sentence before opened with, across a paragraph break
too; a firm in apposition to a complement ("launched with a first partner, the hospital
group X") is not the subject.

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
# carry (None: no registry firm), or ("not", SIREN): no event of that type may be its.
CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a pronoun after a sentence opening with a setting of place or time: the firm
    # named after the setting, not the article's main company
    (
        "fr",
        "Tissages Morvelle : une nouvelle ligne à Roanne",
        "Les Tissages Morvelle investissent 2 millions d'euros dans une ligne de tissage à "
        "Roanne.\n\nÀ une centaine de kilomètres de là, dans la vallée de la Loire, la "
        "Brasserie Vallorin, qui brasse des bières artisanales, a remporté un contrat avec "
        "une chaîne de magasins bio. Elle recrute quinze personnes.",
        "hiring",
        VALLORIN,
    ),
    (
        "en",
        "Tissages Morvelle adds a weaving line in Roanne",
        "Tissages Morvelle is investing €2m in a new weaving line in Roanne.\n\nA hundred "
        "kilometres away, in the Loire valley, Brasserie Vallorin, which brews craft beers, "
        "won a supply contract with a retail chain. It is hiring fifteen people.",
        "hiring",
        VALLORIN,
    ),
    # ---- a notice's buyer field names the buyer of the business its description sells
    (
        "fr",
        "BODACC A - Ventes et cessions - Roanne",
        "Annonce n° 512 - Ventes et cessions\nGreffe du tribunal de commerce de Roanne\n\n"
        "Catégorie de vente : Vente\nDescriptif : Achat d'un fonds de commerce de brasserie, "
        "bar, exploité 4 rue Jean-Jaurès, 42300 Roanne.\nAcquéreur : BRASSERIE VALLORIN, "
        "société par actions simplifiée, 12 quai Saint-Jacques, 35600 Redon.\nPrécédent "
        "exploitant : SARL LE COMPTOIR ROANNAIS.\nPrix : 310 000 euros.",
        "acquisition",
        VALLORIN,
    ),
    (
        "en",
        "BODACC A - Sales and transfers - Roanne",
        "Notice no. 512 - Sales and transfers\nCommercial Court of Roanne\n\nType of act: "
        "sale of a business (fonds de commerce)\nDescription: purchase of a brasserie and bar "
        "business operated at 4 rue Jean-Jaurès, 42300 Roanne.\nBuyer: BRASSERIE VALLORIN "
        "SAS, 12 quai Saint-Jacques, 35600 Redon\nSeller: LE COMPTOIR ROANNAIS SARL\nPrice: "
        "EUR 310,000.",
        "acquisition",
        VALLORIN,
    ),
    # ---- a lot's award line names the winner of the contract the notice's title announces
    (
        "en",
        "BOAMP - Contract award notice - Figeac bridge repairs",
        "Public procurement notice (BOAMP) - Results of the procedure\nContracting authority: "
        "Département du Lot, 46000 Cahors\nSubject: repairs to the Figeac bridge - works\n"
        "Lot 1 - Steel structure: awarded to FORGES D'ALCARENE, 46100 Figeac. Amount: EUR "
        "1,240,000 excl. VAT.\nDate of award: 20 November 2026.",
        "contract",
        ALCARENE,
    ),
    (
        "fr",
        "BOAMP - Avis d'attribution - Réfection du pont de Figeac",
        "Avis d'attribution de marché public\nPouvoir adjudicateur : Département du Lot, "
        "46000 Cahors\nObjet : réfection du pont de Figeac - travaux\nLot 1 - Charpente "
        "métallique : attribué à FORGES D'ALCARÈNE, 46100 Figeac. Montant : 1 240 000 euros "
        "HT.\nDate d'attribution : 20 novembre 2026.",
        "contract",
        ALCARENE,
    ),
    # ---- a seller that found a buyer: the buyer's takeover, not the seller's
    (
        "fr",
        "La Brasserie Vallorin passe dans le giron du groupe Kessler",
        "La Brasserie Vallorin, installée à Redon, est rachetée par le groupe allemand "
        "Kessler Bräu, a-t-on appris mardi.\n\n« Mes enfants ne voulaient pas reprendre. Avec "
        "Kessler, j'ai trouvé un repreneur qui garde les quarante salariés », explique Paul "
        "Guérin, le fondateur.",
        "acquisition",
        ("not", VALLORIN),
    ),
    # ---- "l'entreprise", "the company" opening a paragraph: the firm that opened the
    # paragraph before, which the recogniser may keep in the same sentence
    (
        "fr",
        "Tissages Morvelle : nouvelle usine",
        "Les Tissages Morvelle investissent 3 millions d'euros à Roanne.\n\nLa Brasserie "
        "Vallorin a ouvert l'an dernier une malterie à Redon.\n\nL'entreprise y recrutera "
        "vingt brasseurs.",
        "hiring",
        VALLORIN,
    ),
    (
        "en",
        "Tissages Morvelle builds a new plant",
        "Tissages Morvelle is investing €3m in Roanne.\n\nBrasserie Vallorin opened a malting "
        "plant in Redon last year.\n\nThe company will hire twenty brewers there.",
        "hiring",
        VALLORIN,
    ),
    # ---- "le groupe", "the group": the firm the sentence before opened with, even outside
    # the registry, not the article's main company
    (
        "fr",
        "Tissages Morvelle : nouvelle usine",
        "Les Tissages Morvelle investissent 3 millions d'euros à Roanne. Le brasseur allemand "
        "Kessler Bräu GmbH a ouvert une malterie à Redon l'an dernier. Le groupe y recrutera "
        "vingt brasseurs.",
        "hiring",
        None,
    ),
    (
        "en",
        "Tissages Morvelle builds a new plant",
        "Tissages Morvelle is investing €3m in Roanne. German brewer Kessler Bräu GmbH opened "
        "a malting plant in Redon last year. The group will hire twenty brewers there.",
        "hiring",
        None,
    ),
    # ---- a firm in apposition to a complement after the trigger is not its subject
    (
        "en",
        "Tissages Morvelle launches a connected fabric with the Santéo clinic group",
        "ROANNE, 2 December 2026 - Tissages Morvelle, the Roanne weaver, today launches "
        "Morvelle Care, a fabric that senses bedsores and is woven entirely at its Roanne "
        "mill.\n\nThe fabric is launched with a first partner, the private hospital group "
        "Santéo, which will fit the sheets of its 12 clinics with it over the next eighteen "
        "months under a multi-year agreement.",
        "innovation",
        MORVELLE,
    ),
    # ---- guards: a setting before a firm's own event, and a pronoun after a complement
    (
        "fr",
        "Tissages Morvelle : carnet de commandes plein",
        "À Roanne, les Tissages Morvelle ont signé un contrat avec l'armée. Ils recrutent "
        "trente personnes.",
        "hiring",
        MORVELLE,
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
