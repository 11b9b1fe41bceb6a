"""Which company an event belongs to when its sentence names it by a pronoun, a possessive
or the deal itself (issue 14.2), and when the small models cut or miss the subject's name.

- a subject pronoun is the firm that was the subject of the sentence before ("Kervalis, une
  entreprise de logistique, a racheté le bâtiment. Elle y investira …");
- a new head "of it" ("X en prendra la présidence", "will become its chairman") leads the
  firm the sentence before was about;
- "the deal", "l'opération" is the takeover the document reports: its buyer's;
- a common noun and adjectives before a name are one phrase ("la medtech lyonnaise X");
- a name with pronouns before its verb opens the clause ("Kervalis y investira …"), and a
  nationality before a name ("Le suisse Aldermatt rachète …") does not hide it;
- the firm a buying verb governs is the target ("Sorbex Tools has bought X"), never the
  buyer, even when the buyer's name is no company mention;
- a title whose first firm is a customer ("French Navy orders …") is about the supplier,
  and a title's name that the lead calls a firm ("La société Usinage du Forez …") is one.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented (the registry of ``test_attribution_new.py``). Run time: about 10 s.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.attribution_cases_subjects import ALCARENE, MORVELLE
from tests.enrichment.enriching import batch_events
from tests.enrichment.test_attribution_new import REGISTRY

__all__ = ["REGISTRY"]  # the registry_enricher fixture reads this module's REGISTRY

# (language, title, text, event type, company): the SIREN the event of that type must
# carry, or ("not", SIREN): there is such an event, and none is that company's.
CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a pronoun stands for the subject of the sentence before
    (
        "fr",
        "Thiers : l'ancien site des Forges d'Alcarène a trouvé preneur",
        "Les Forges d'Alcarène ont quitté Thiers. Kervalis, une entreprise de logistique "
        "fondée à Lyon, a racheté le bâtiment en octobre. Elle y investira 3 millions "
        "d'euros.",
        "investment",
        ("not", ALCARENE),
    ),
    (
        "en",
        "New life for the Alcarène plant in Thiers",
        "Forges d'Alcarène has left Thiers. Kervalis, a Lyon logistics firm, bought the "
        "building in October. It will invest €3m there.",
        "investment",
        ("not", ALCARENE),
    ),
    (
        "fr",
        "Les Tissages Morvelle décrochent une commande",
        "Les Tissages Morvelle ont remporté une commande de la SNCF. Ils recruteront 20 "
        "tisserands.",
        "hiring",
        MORVELLE,
    ),
    # ---- a new head "of it": the firm the sentence before was about
    (
        "fr",
        "Les Forges d'Alcarène rachètent les Tissages Morvelle",
        "Les Forges d'Alcarène ont racheté les Tissages Morvelle. Les Tissages Morvelle "
        "garderont leur nom et leur usine de Roanne. Claire Dumas, jusqu'ici directrice "
        "industrielle du groupe, en prendra la présidence.",
        "leadership",
        MORVELLE,
    ),
    (
        "en",
        "Forges d'Alcarène buys Tissages Morvelle",
        "Forges d'Alcarène has bought Tissages Morvelle. Tissages Morvelle will keep its name "
        "and its Roanne mill. Claire Dumas, currently head of operations at Alcarène, will "
        "become its chairman.",
        "leadership",
        MORVELLE,
    ),
    # ---- the deal is the buyer's
    (
        "en",
        "Forges d'Alcarène changes hands",
        "Swiss group Aldermatt has agreed to buy Forges d'Alcarène, a Thiers maker of forged "
        "parts. The deal is the latest in a series of acquisitions of French forges by "
        "foreign groups.",
        "acquisition",
        ("not", ALCARENE),
    ),
    # ---- names the models cut or missed
    (
        "fr",
        "Les Forges d'Alcarène misent sur le textile",
        "La PME roannaise Morvelle lève 3 millions d'euros. Les fonds serviront à recruter.",
        "fundraising",
        MORVELLE,
    ),
    (
        "fr",
        "Les Forges d'Alcarène misent sur le textile",
        "Le fabricant roannais Morvelle lève 3 millions d'euros.",
        "fundraising",
        MORVELLE,
    ),
    (
        "fr",
        "La medtech strasbourgeoise Morvelle obtient le marquage CE",
        "Le pansement sera vendu dans toute l'Union européenne.",
        "innovation",
        MORVELLE,
    ),
    (
        "fr",
        "Les Forges d'Alcarène cèdent leur dépôt de Thiers",
        "Les Forges d'Alcarène ont vendu leur ancien dépôt de Thiers. Kervalis y investira "
        "5 millions d'euros.",
        "investment",
        ("not", ALCARENE),
    ),
    (
        "fr",
        "Le suisse Aldermatt rachète les Forges d'Alcarène",
        "Le groupe suisse Aldermatt a signé l'accord.",
        "acquisition",
        ("not", ALCARENE),
    ),
    # ---- the firm a buying verb governs is its target, never its buyer
    (
        "en",
        "Forges d'Alcarène changes hands",
        "Detroit's Sorbex snaps up Forges d'Alcarène for €30m.",
        "acquisition",
        ("not", ALCARENE),
    ),
    (
        "en",
        "Forges d'Alcarène changes hands",
        "Sorbex Tools has bought Forges d'Alcarène for €30m.",
        "acquisition",
        ("not", ALCARENE),
    ),
    (
        "fr",
        "L'américain Sorbex rachète les Forges d'Alcarène",
        "Les Forges d'Alcarène, spécialiste des pièces forgées installé à Thiers, emploient "
        "120 salariés.",
        "acquisition",
        ("not", ALCARENE),
    ),
    (
        "fr",
        "Sorbex s'offre les Forges d'Alcarène",
        "L'américain Sorbex s'offre les Forges d'Alcarène pour 30 millions d'euros.",
        "acquisition",
        ("not", ALCARENE),
    ),
    # ---- what the title is about
    (
        "en",
        "French Navy orders Alcarène forgings",
        "The French Navy has ordered 400 forged parts from Forges d'Alcarène. The contract "
        "is worth €5m.",
        "contract",
        ALCARENE,
    ),
    (
        "fr",
        "Mécanique : Usinage du Forez en redressement judiciaire",
        "La société Usinage du Forez a été placée en redressement judiciaire. Parmi ses "
        "clients figurent les Forges d'Alcarène. La période d'observation est fixée à six "
        "mois.",
        "insolvency",
        ("not", ALCARENE),
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    assert companies, (title, results[position])
    if isinstance(want, tuple):
        assert want[1] not in companies, (title, results[position])
    else:
        assert want in companies, (title, results[position])
