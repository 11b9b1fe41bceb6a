"""Wording families of events that the lexicon missed in text by other hands (issue 14,
session 6): a head hired or named to a post, the head replaced, a firm taken over under
its trade-word name, a firm chosen to make something, a lot of a public tender, works
priced after a long object, premises bought by area, a site to be built, research done
together, "funding" read as a verb, a new owner, new equipment, a brand-new building,
staff let go, a product introduced.

Every text here was written for these tests (none comes from an evaluation set); the
company is invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900000612",
        "Garance Outillage",
        "900000612",
        ("Garance",),
        None,
        "25.73A",
        "63",
        "84",
        False,
    ),
]

TITLE = {
    "fr": "Garance Outillage : les nouvelles de la semaine",
    "en": "Garance Outillage: the week",
}

# (family, language, text, expected type)
FAMILIES = [
    # a head hired or named to a post, a long description between
    (
        "appoint",
        "en",
        "Garance Outillage has recruited Paul Vidal, until now plant manager at a German "
        "machine-tool group, as its chief operating officer.",
        "leadership",
    ),
    (
        "appoint",
        "fr",
        "Garance Outillage a recruté Paul Vidal au poste de directeur industriel.",
        "leadership",
    ),
    # the head replaced
    (
        "replace",
        "en",
        "At Garance Outillage, Claire Morin replaces founder Henri Garance at the top.",
        "leadership",
    ),
    (
        "replace",
        "fr",
        "Chez Garance Outillage, Claire Morin remplace le fondateur Henri Garance.",
        "leadership",
    ),
    # a firm taken over under its trade-word name
    (
        "firmword",
        "fr",
        "Garance Outillage annonce la reprise des Forges Maurin, à Ambert.",
        "acquisition",
    ),
    (
        "firmword",
        "en",
        "Garance Outillage has taken over Forges Maurin, a blade maker in Ambert.",
        "acquisition",
    ),
    (
        "tradeword",
        "en",
        "Garance Outillage has taken over the Coutellerie du Pont, a blade maker in Thiers.",
        "acquisition",
    ),
    (
        "tradeword",
        "en",
        "Garance Outillage takes over a small Jura dairy.",
        "acquisition",
    ),
    # a firm chosen to make something for a customer
    (
        "chosen",
        "en",
        "A Lyon carmaker has picked Garance Outillage to manufacture its press tools.",
        "contract",
    ),
    (
        "chosen",
        "fr",
        "Un équipementier lyonnais a retenu Garance Outillage pour fabriquer ses outils de presse.",
        "contract",
    ),
    # a lot of a public tender
    (
        "lot",
        "en",
        "Garance Outillage has been awarded the metalwork lot of the new Clermont hospital.",
        "contract",
    ),
    (
        "lot",
        "fr",
        "Garance Outillage a obtenu le lot serrurerie du futur hôpital de Clermont.",
        "contract",
    ),
    # works priced after a long object; premises bought by area
    (
        "works",
        "fr",
        "Garance Outillage va moderniser sa forge et son magasin pour 3 millions d'euros.",
        "investment",
    ),
    (
        "works",
        "en",
        "Garance Outillage will upgrade its forging shop and grinding line for €3m.",
        "investment",
    ),
    (
        "works",
        "fr",
        "Garance Outillage a acheté 12 hectares à la sortie de Thiers.",
        "investment",
    ),
    (
        "works",
        "en",
        "Garance Outillage has bought 12 hectares on the edge of Thiers.",
        "investment",
    ),
    # a site to be built, named first
    (
        "built",
        "fr",
        "L'atelier de trempe de Garance Outillage sera construit à Thiers d'ici l'été.",
        "investment",
    ),
    (
        "built",
        "en",
        "Garance Outillage's heat-treatment workshop is being built on the edge of Thiers.",
        "investment",
    ),
    # research done together, teams pooled
    (
        "research",
        "fr",
        "Garance Outillage et l'université Clermont Auvergne mènent une recherche "
        "collaborative sur les aciers à lame.",
        "partnership",
    ),
    (
        "research",
        "fr",
        "Garance Outillage et deux couteliers de Thiers mettent leurs forges en commun.",
        "partnership",
    ),
    (
        "research",
        "en",
        "Garance Outillage and a Clermont university lab have started collaborative research "
        "on blade steels.",
        "partnership",
    ),
    (
        "research",
        "en",
        "Garance Outillage and two Thiers cutlers will pool their forging teams.",
        "partnership",
    ),
    # "funding" read as the verb "fund"; money from shareholders
    (
        "funding",
        "en",
        "Garance Outillage has completed a €10m funding round.",
        "fundraising",
    ),
    (
        "funding",
        "en",
        "Garance Outillage brought in €3m from its shareholders.",
        "fundraising",
    ),
    # a new owner
    (
        "control",
        "fr",
        "Le fonds Siparex devient l'actionnaire majoritaire de Garance Outillage.",
        "acquisition",
    ),
    (
        "control",
        "en",
        "Garance Outillage has been sold to private equity firm Siparex.",
        "acquisition",
    ),
    # new equipment installed, a building brand new or sized, floor space doubled
    (
        "equip",
        "fr",
        "Garance Outillage s'installe dans une usine flambant neuve à Thiers.",
        "investment",
    ),
    (
        "equip",
        "fr",
        "Garance Outillage a installé une ligne de trempe dans son atelier de Thiers.",
        "investment",
    ),
    (
        "equip",
        "fr",
        "Garance Outillage va doubler la surface de son atelier.",
        "investment",
    ),
    (
        "equip",
        "en",
        "Garance Outillage has installed a new heat-treatment line in Thiers.",
        "investment",
    ),
    (
        "equip",
        "en",
        "Garance Outillage will double the size of its workshop.",
        "investment",
    ),
    (
        "equip",
        "en",
        "Garance Outillage has opened a 3,000 sq m workshop in Thiers.",
        "investment",
    ),
    # staff let go, production stopped
    (
        "part",
        "fr",
        "Garance Outillage se sépare de 30 salariés.",
        "closure",
    ),
    (
        "part",
        "en",
        "Garance Outillage is letting go of 30 workers.",
        "closure",
    ),
    (
        "part",
        "en",
        "Garance Outillage will stop making knives in Thiers.",
        "closure",
    ),
    # a product introduced or brought to market
    (
        "introduce",
        "en",
        "Garance Outillage has introduced a new knife made from recycled steel.",
        "innovation",
    ),
    (
        "introduce",
        "en",
        "Garance Outillage is bringing a connected pruning shear to market.",
        "innovation",
    ),
]


@pytest.mark.parametrize(
    ("family", "language", "text", "kind"),
    FAMILIES,
    ids=[f"{f[0]}-{f[1]}-{i}" for i, f in enumerate(FAMILIES)],
)
def test_a_family_wording_reports_its_event(
    registry_enricher: Enricher, family: str, language: str, text: str, kind: str
) -> None:
    found = types(events_of(registry_enricher, text, language, TITLE[language]))
    assert kind in found, (family, found)


# Close wordings that report no event of the family.
NOT_EVENTS = [
    ("en", "Garance Outillage's new press replaces three older machines.", "leadership"),
    ("fr", "La presse de Garance Outillage remplace trois machines anciennes.", "leadership"),
    ("en", "Garance Outillage sells a lot of knives to restaurants.", "contract"),
    ("en", "The Garance Outillage factory, built in 1962, sits by the river.", "investment"),
    ("en", "Garance Outillage has sold 5,000 knives to a Swiss company.", "acquisition"),
    ("en", "Garance Outillage ended up making a profit last year.", "closure"),
    ("en", "Garance Outillage has installed solar panels on the roof of its office.", "investment"),
]


@pytest.mark.parametrize(("language", "text", "kind"), NOT_EVENTS)
def test_a_close_wording_reports_no_such_event(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language, TITLE[language]))
