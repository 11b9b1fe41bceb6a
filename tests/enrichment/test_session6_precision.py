"""Event words that report no event of their kind (issue 14, session 6, precision): a bid
withdrawn or rejected, a project under study, a difficulty to recruit, a person hired as a
leader or staff described by how they were hired, a registered office moved, a market
opened by a product's approval, export figures, a product still to be developed, a
distribution deal abroad (no partnership), "launch" naming a trade, a title that counts
insolvencies.

Every text here was written for these tests (none comes from an evaluation set); the
company is invented, and the title reports nothing unless the case is about the title.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900000737",
        "Garance Outillage",
        "900000737",
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

# (rule, language, text, type that must not be found, type that must be found or None)
CASES = [
    (
        "withdrawn",
        "en",
        "Garance Outillage was liquidated on Monday after the only takeover bid, from a "
        "Spanish toolmaker, was withdrawn.",
        "acquisition",
        "insolvency",
    ),
    (
        "withdrawn",
        "fr",
        "L'offre de rachat de Garance Outillage par un outilleur espagnol a été retirée vendredi.",
        "acquisition",
        None,
    ),
    (
        "rejected",
        "en",
        "Garance Outillage's board has rejected a takeover bid from a larger German rival.",
        "acquisition",
        None,
    ),
    (
        "rejected",
        "fr",
        "Le conseil de Garance Outillage a rejeté l'offre de rachat d'un concurrent allemand.",
        "acquisition",
        None,
    ),
    (
        "under study",
        "en",
        "Garance Outillage has a new factory under consideration near Clermont-Ferrand.",
        "investment",
        None,
    ),
    (
        "under study",
        "fr",
        "Garance Outillage a une nouvelle usine à l'étude près de Clermont-Ferrand.",
        "investment",
        None,
    ),
    (
        "difficulty",
        "en",
        "Garance Outillage is closing its office in Thiers and bringing the staff back to "
        "Clermont-Ferrand, citing difficulty recruiting in the valley.",
        "hiring",
        None,
    ),
    (
        "difficulty",
        "fr",
        "Garance Outillage, qui emploie 60 personnes, peine toujours à recruter des régleurs "
        "qualifiés.",
        "hiring",
        None,
    ),
    (
        "person hired",
        "en",
        "Garance Outillage has hired Julie Marchand, until now treasurer of a steelmaker, as "
        "its finance director.",
        "hiring",
        None,
    ),
    (
        "person hired",
        "fr",
        "Garance Outillage a recruté Julie Marchand, jusqu'ici trésorière d'un sidérurgiste, "
        "comme directrice financière.",
        "hiring",
        None,
    ),
    (
        "registered office",
        "fr",
        "GARANCE OUTILLAGE\nSociété par actions simplifiée au capital de 50 000 euros\n"
        "Ancien siège social : 3 rue des Forges, 63000 Clermont-Ferrand\n"
        "Nouveau siège social : 12 avenue Lavoisier, 63100 Clermont-Ferrand\n"
        "Transfert de siège décidé par l'associé unique le 2 novembre 2026.",
        "investment",
        None,
    ),
    (
        "registered office",
        "en",
        "Garance Outillage SAS has moved its registered office, its sole shareholder decided. "
        "The company's new headquarters are at 12 avenue Lavoisier, Clermont-Ferrand.",
        "investment",
        None,
    ),
    (
        "market opened by an approval",
        "en",
        "Garance Outillage's surgical bone drill has received FDA clearance, opening the US "
        "market to the device.",
        "export",
        "innovation",
    ),
    (
        "market opened by an approval",
        "fr",
        "La perceuse chirurgicale de Garance Outillage a reçu le feu vert de la FDA, ce qui lui "
        "ouvre le marché américain.",
        "export",
        "innovation",
    ),
    (
        "staff hired",
        "en",
        "Garance Outillage, a Thiers toolmaker with 60 employees, most of them recruited in the "
        "valley, makes blades for the food industry.",
        "hiring",
        None,
    ),
    (
        "staff hired",
        "fr",
        "Garance Outillage, coutelier de Thiers qui emploie 60 salariés, dont une partie "
        "recrutée en apprentissage, fabrique des lames pour l'agroalimentaire.",
        "hiring",
        None,
    ),
    (
        "export figures",
        "en",
        "Garance Outillage's exports to Germany and Italy, its two largest foreign markets, "
        "both fell last year.",
        "export",
        None,
    ),
    (
        "export figures",
        "fr",
        "Les ventes à l'export de Garance Outillage, vers l'Allemagne et l'Italie surtout, "
        "progressent de 6 % sur l'année.",
        "export",
        None,
    ),
    (
        "product still to develop",
        "en",
        "Garance Outillage has raised €2m from a regional fund to develop its grinding "
        "software for small workshops.",
        "innovation",
        None,
    ),
    (
        "product still to develop",
        "fr",
        "Garance Outillage a levé 2 millions d'euros pour développer son logiciel d'affûtage "
        "destiné aux petits ateliers.",
        "innovation",
        None,
    ),
    (
        "launch as a noun",
        "en",
        "Garance Outillage, a Kourou launch services firm, will hire 40 technicians next year.",
        "innovation",
        "hiring",
    ),
]


@pytest.mark.parametrize(
    ("rule", "language", "text", "absent", "present"),
    CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CASES],
)
def test_no_event_of_its_kind(
    registry_enricher: Enricher,
    rule: str,
    language: str,
    text: str,
    absent: str,
    present: str | None,
) -> None:
    found = types(events_of(registry_enricher, text, language, title=TITLE[language]))
    assert absent not in found, rule
    if present is not None:
        assert present in found, rule


# (language, title, text about firms in general, text about the registry's firm)
STATISTICS = [
    (
        "fr",
        "Défaillances d'entreprises : le Puy-de-Dôme au-dessus de la moyenne",
        "Ce sont surtout les petites entreprises du bâtiment qui ont été placées en "
        "redressement ou en liquidation judiciaire cette année.",
        "Garance Outillage a été placée en redressement judiciaire lundi.",
    ),
    (
        "en",
        "Company insolvencies in the Auvergne rise for a third year",
        "Most of the cases concerned small building firms placed in receivership, the court "
        "registry said.",
        "Garance Outillage was placed in receivership on Monday.",
    ),
]


@pytest.mark.parametrize(("language", "title", "general", "named"), STATISTICS)
def test_a_title_that_counts_insolvencies_reviews_figures(
    registry_enricher: Enricher, language: str, title: str, general: str, named: str
) -> None:
    assert "insolvency" not in types(events_of(registry_enricher, general, language, title))
    # the registry's firm named in such a review is still news
    assert "insolvency" in types(events_of(registry_enricher, named, language, title))


# (language, title reporting an export, text of a distribution deal abroad)
DISTRIBUTION = [
    (
        "en",
        "Garance Outillage ships knives to Japan",
        "Garance Outillage has shipped its first knives to Japan after signing a distribution "
        "agreement with a Tokyo importer.",
    ),
    (
        "fr",
        "Garance Outillage exporte ses couteaux vers l'Espagne",
        "Garance Outillage a signé un accord de distribution avec une centrale d'achat de la "
        "région de Valence, en Espagne, qui référencera ses couteaux dans 200 magasins.",
    ),
]


@pytest.mark.parametrize(("language", "title", "text"), DISTRIBUTION)
def test_a_distribution_deal_abroad_is_no_partnership(
    registry_enricher: Enricher, language: str, title: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert "partnership" not in found
    assert "export" in found
