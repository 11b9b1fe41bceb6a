"""Event wordings of sales, mergers, ended proceedings and denials (issue 14.2): a sale is
the buyer's takeover, a merger notice reports an acquisition, the end of liquidation
proceedings is a closure and no insolvency, and some words deny or rent rather than report.

Every text here was written for these tests (none comes from the tuning or held-out sets);
the companies are invented and put in a registry of their own.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of

SELLER = "900000401"
BUYER = "900000402"
REGISTRY = [
    CompanyRecord(
        SELLER, "Dorvane Chimie", SELLER, ("Dorvane",), None, "20.14Z", "69", "84", False
    ),
    CompanyRecord(BUYER, "Velsor Industrie", BUYER, ("Velsor",), None, "70.10Z", "33", "75", False),
]


def pairs(events: list[dict[str, object]]) -> set[tuple[object, object]]:
    return {(e["type"], e["siren"]) for e in events}


SALES = [
    ("fr", "Dorvane Chimie a cédé sa filiale de vernis à Velsor Industrie.", BUYER),
    ("en", "Dorvane Chimie has sold its varnish unit to Velsor Industrie.", BUYER),
    ("fr", "Dorvane Chimie a cédé sa filiale de vernis à un fonds d'investissement.", None),
    ("en", "Dorvane Chimie sold its varnish subsidiary to a private equity fund.", None),
]


@pytest.mark.parametrize(("language", "text", "buyer"), SALES)
def test_a_sale_is_the_buyers_acquisition(
    registry_enricher: Enricher, language: str, text: str, buyer: str | None
) -> None:
    found = pairs(events_of(registry_enricher, text, language))
    assert ("acquisition", buyer) in found and ("acquisition", SELLER) not in found, found


# (language, text, expected types, types that must not be found)
WORDINGS = [
    # staff taken on from a closed firm: hiring, no takeover
    (
        "fr",
        "Velsor Industrie reprend trente salariés de la fonderie liquidée.",
        set(),
        {"acquisition"},
    ),
    # the end of liquidation proceedings before a strike-off: a closure, no insolvency
    (
        "fr",
        "Jugement de clôture de la procédure de liquidation judiciaire pour insuffisance "
        "d'actif à l'égard de la SARL Menuiserie Vadot. Radiation du registre du commerce.",
        {"closure"},
        {"insolvency"},
    ),
    (
        "en",
        "Menuiserie Vadot SARL. Removal from the trade and companies register following the "
        "closure of liquidation proceedings for insufficient assets.",
        {"closure"},
        {"insolvency"},
    ),
    (
        "en",
        "The sole shareholder of Vadot Conseil SARL has decided the early dissolution of the "
        "company and its amicable liquidation.",
        {"closure"},
        {"insolvency"},
    ),
    # a merger by absorption; "dissoute sans liquidation" is no insolvency
    (
        "fr",
        "Aux termes d'un traité de fusion du 2 octobre, la société Fromages Vadot fera apport "
        "de son patrimoine à la société Laiteries Rousse. La société absorbée sera dissoute "
        "sans liquidation.",
        {"acquisition"},
        {"insolvency"},
    ),
    (
        "en",
        "Under a merger by absorption, Fromages Vadot will transfer all its assets to "
        "Laiteries Rousse and be dissolved without liquidation.",
        {"acquisition"},
        {"insolvency"},
    ),
    # a sale plan decided by the court in receivership
    (
        "fr",
        "Jugement du 4 novembre arrêtant le plan de cession de la SAS Cartonnages Vadot, "
        "12 rue des Forges, 21000 Dijon, au profit de la SAS Emballages Rousse.",
        {"acquisition"},
        set(),
    ),
    (
        "en",
        "The commercial court has approved the sale plan for Cartonnages Vadot, in "
        "receivership since June.",
        # the receivership opened in June is background: the news is the takeover
        # (session 9, notices.sale_plan_only)
        {"acquisition"},
        {"insolvency"},
    ),
    # renting, not hiring; a listing ruled out
    (
        "en",
        "Subject: washing and hire of linen and uniforms for the hospital. Awarded to "
        "Blanchisserie Vadot SAS.",
        set(),
        {"hiring"},
    ),
    (
        "fr",
        "Son président écarte pour l'instant toute introduction en Bourse.",
        set(),
        {"fundraising"},
    ),
    # a possibility others raise; seats are no head office
    (
        "fr",
        "Un tract syndical évoquait la fermeture de l'usine de Lisieux.",
        set(),
        {"closure"},
    ),
    ("fr", "Les rames recevront de nouveaux sièges et la climatisation.", set(), {"investment"}),
    # staff carried over from the previous operator: no job created
    (
        "en",
        "Velsor Industrie will take on the 35 employees of the current operator.",
        set(),
        {"hiring"},
    ),
    (
        "fr",
        "Velsor Industrie intégrera les 35 salariés de l'actuel prestataire.",
        set(),
        {"hiring"},
    ),
    # vehicles and machines bought, a facility priced, a business bought whole
    ("en", "Velsor Industrie is buying twelve electric coaches for €4.8m.", {"investment"}, set()),
    (
        "fr",
        "Velsor Industrie achète douze autocars électriques pour 4,8 millions d'euros.",
        {"investment"},
        set(),
    ),
    ("en", "The cognac house has opened a €5m visitor centre in Jarnac.", {"investment"}, set()),
    (
        "en",
        "Velsor Industrie has bought a 220-pitch campsite near Bonifacio.",
        {"acquisition"},
        set(),
    ),
]


@pytest.mark.parametrize(("language", "text", "expected", "absent"), WORDINGS)
def test_wordings(
    registry_enricher: Enricher, language: str, text: str, expected: set[str], absent: set[str]
) -> None:
    found = {e["type"] for e in events_of(registry_enricher, text, language)}
    assert expected <= found and not (absent & found), found


# What the money just raised pays for, said once below the lead, is the round's purpose,
# not an investment the document reports (session 9: the authors who write to the held-out
# set's brief never count it; salience.py).
MONEY_USE = [
    (
        "fr",
        "La jeune pousse Graminor lève 4 millions d'euros",
        "Graminor, qui fabrique des farines de pois chiche à Niort, a bouclé un tour de table "
        "de 4 millions d'euros auprès de fonds régionaux.\n\n"
        "Cette levée doit financer une unité de production pilote à Chauray.",
    ),
    (
        "en",
        "Chickpea flour start-up Graminor raises €4m",
        "Graminor, which makes chickpea flour in Niort, has raised €4m from regional funds.\n\n"
        "The money will pay for a pilot plant in Chauray.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), MONEY_USE)
def test_what_the_money_raised_pays_for_is_the_rounds_purpose(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    [result] = registry_enricher.enrich([DocumentInput("d1", title, text, language)])
    assert {e["type"] for e in result.events} == {"fundraising"}, result.events


# A customer's verb far from the contract it gives ("a attribué jeudi au constructeur X le
# marché", "a confié à X la rénovation"): the supplier's contract.
AWARDS = [
    (
        "fr",
        "Le conseil métropolitain a attribué jeudi au constructeur Velsor "
        "Industrie le marché de fourniture de quinze rames.",
    ),
    (
        "fr",
        "La Région a confié à Velsor Industrie la rénovation de trente rames régionales, "
        "pour 38 millions d'euros.",
    ),
    (
        "en",
        "The metropolitan council on Thursday awarded rail maker Velsor Industrie the "
        "contract to supply fifteen trams.",
    ),
]


@pytest.mark.parametrize(("language", "text"), AWARDS)
def test_an_award_is_the_suppliers_contract(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert ("contract", BUYER) in pairs(events_of(registry_enricher, text, language))


# A part that happens at the time of a past one is the past too.
AT_THAT_TIME = [
    (
        "fr",
        "Le laboratoire avait ouvert quarante postes en 2024, lors du lancement de sa "
        "gamme pédiatrique.",
    ),
    (
        "en",
        "The laboratory had opened 40 posts in 2024, at the time of the launch of its new range.",
    ),
]


@pytest.mark.parametrize(("language", "text"), AT_THAT_TIME)
def test_what_happened_at_the_time_of_a_past_event_is_background(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "innovation" not in {e["type"] for e in events_of(registry_enricher, text, language)}
