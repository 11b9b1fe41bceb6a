"""Everyday wordings of events the rules missed (issue 14, session 13, events recall): a
firm bought as a treat in the compound past ("s'est offert le fabricant X"), a stake sized
by its share of the capital ("la reprise de 100 % du capital de X"), a going concern sold
(English summaries of notices), doors shut in the infinitive ("va fermer ses portes."), a
liquidation closed for want of assets (in English), a new shareholder welcomed, a round
bagged, a site extended ("étend son site"), a service handed over ("confie sa logistique
à X", "a retenu X pour l'ensemble de son transport"), a contract carried off ("a emporté
le marché", "rafle le marché"), a supply deal inked, a head replaced at the top ("remplace X à la
direction"), a head tapped to lead the firm.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import VERLANDE, VERLANDE_TITLE, events_of, types

REGISTRY = [VERLANDE]

TITLE = VERLANDE_TITLE

# (language, text, expected type)
WORDINGS = [
    # bought as a treat, in the compound past; a stake sized by its share of the capital
    (
        "fr",
        "Verlande Industries s'est offert le fabricant de moules Marnier Outillage.",
        "acquisition",
    ),
    (
        "fr",
        "Verlande Industries a annoncé la reprise de 100 % du capital de Marnier Outillage.",
        "acquisition",
    ),
    ("fr", "Verlande Industries reprend 70 % du capital de la PME Marnier.", "acquisition"),
    # a going concern sold, as English summaries of notices write it
    (
        "en",
        "Nature: sale of a going concern. Buyer: Verlande Industries, registered in Lyon.",
        "acquisition",
    ),
    # doors shut, in the infinitive
    ("fr", "Verlande Industries va fermer ses portes.", "closure"),
    ("fr", "L'atelier de Verlande Industries doit fermer ses portes à la fin du mois.", "closure"),
    # a liquidation closed for want of assets, in English
    (
        "en",
        "Verlande Industries: closing of the liquidation proceedings for want of assets.",
        "closure",
    ),
    # a new shareholder welcomed, a round bagged
    ("fr", "Verlande Industries accueille un nouvel actionnaire, le fonds Demeter.", "fundraising"),
    ("en", "Verlande Industries bags €5m in a Series A.", "fundraising"),
    ("en", "Verlande Industries welcomes a new shareholder, the Demeter fund.", "fundraising"),
    # a site extended
    ("fr", "Verlande Industries étend son site de Roanne.", "investment"),
    # a service handed over, a firm kept for it
    ("fr", "La laiterie Bressane confie sa logistique à Verlande Industries.", "contract"),
    (
        "fr",
        "La brasserie a retenu Verlande Industries pour l'ensemble de son transport.",
        "contract",
    ),
    # a contract carried off or swept up
    ("fr", "Verlande Industries a emporté le marché de la cantine centrale.", "contract"),
    ("fr", "Verlande Industries rafle le marché de l'entretien des routes.", "contract"),
    # a supply deal inked
    ("en", "Verlande Industries inks a deal with a carmaker to supply 40 robots.", "contract"),
    # a head replaced at the firm's top, a head tapped to lead it
    (
        "fr",
        "Claire Dubois remplace Paul Martin à la direction de Verlande Industries.",
        "leadership",
    ),
    ("en", "Verlande Industries taps Claire Dubois to lead the company.", "leadership"),
]


@pytest.mark.parametrize(("language", "text", "expected"), WORDINGS)
def test_wording_reports_its_event(
    registry_enricher: Enricher, language: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, TITLE[language]))


# Close wordings that report no event of the family.
NOT_EVENTS = [
    # a share of sales, not of the capital; a break offered to oneself
    ("fr", "Verlande Industries annonce une reprise de 5 % de ses ventes.", "acquisition"),
    ("fr", "Verlande Industries s'est offert une belle progression cette année.", "acquisition"),
    # doors shut on a weekday, to investors
    ("fr", "Verlande Industries va fermer ses portes le dimanche.", "closure"),
    ("fr", "Verlande Industries ne veut pas fermer ses portes aux investisseurs.", "closure"),
    # a grant awarded for works is no contract
    (
        "en",
        "Verlande Industries was awarded a €2m grant for the renovation of its plant.",
        "contract",
    ),
    # a liquidation closed because the debts are paid
    (
        "en",
        "Verlande Industries: closing of the liquidation proceedings, all debts having been paid.",
        "closure",
    ),
    # a market extended, a firm prevailing on its market
    ("fr", "Verlande Industries étend son réseau de distributeurs.", "investment"),
    ("fr", "Verlande Industries l'emporte sur le marché des robots.", "contract"),
    # a round led by an investor tapped to lead it is no head
    ("en", "Verlande Industries taps Demeter to lead its Series A round.", "leadership"),
]


@pytest.mark.parametrize(("language", "text", "absent"), NOT_EVENTS)
def test_close_wording_reports_no_event(
    registry_enricher: Enricher, language: str, text: str, absent: str
) -> None:
    assert absent not in types(events_of(registry_enricher, text, language, TITLE[language]))
