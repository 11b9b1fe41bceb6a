"""Sector rules of session 13, from the sector errors of news8-14 and traps14.

- A trade the lead states (the body's first sentence) outweighs the words of the jobs,
  sites and clients that follow it (`sectors.LEAD_TRADE_WEIGHT`).
- Nouns a text uses for what a firm is, beside "fabricant" and "maker": éditeur,
  négociant, merchant, publisher (`sectors.TRADES_SAID_OF_A_FIRM`).
- A building permit is a step of any firm's project, no evidence of the building trade.
- Everyday words of products and trades that were missing: syrups and marmalade, air
  conditioning, diving centres, digital twins.
- The lead's extra weight chooses the leading sector; it keeps no second sector on one
  mention (`sector_leads.on_lead_weight`).
- "Vitesse de croisière", "cruising speed" say nothing of cruises (`sector_idioms`).

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

# (sector, language, title, text)
Case = tuple[str, str, str, str]

LEAD: list[Case] = [
    (
        "agrifood",
        "fr",
        "Rodez : Vernières embauche",
        "Le fabricant de fromages Vernières va recruter douze chauffeurs-livreurs, "
        "préparateurs de commandes et caristes pour son nouvel entrepôt logistique de Rodez.",
    ),
    (
        "agrifood",
        "en",
        "Dijon firm to hire 20",
        "Gaudrel, a Dijon maker of mustard, will hire 20 truck drivers, order pickers and "
        "forklift operators for its new logistics warehouse near Beaune.",
    ),
]

TRADE_NOUNS: list[Case] = [
    (
        "agrifood",
        "fr",
        "Beaune : Maison Darbel embauche",
        "Le négociant en vins Maison Darbel va recruter douze chauffeurs-livreurs et "
        "caristes pour son nouvel entrepôt de Beaune, qui ouvrira en mars.",
    ),
    (
        "agrifood",
        "en",
        "Reims firm to hire 20",
        "Vaudrel, a Reims merchant of wines and spirits, will hire 20 truck drivers and "
        "forklift operators for its new warehouse in Reims.",
    ),
    (
        "digital",
        "fr",
        "Tours : Infodis recrute",
        "L'éditeur tourangeau de logiciels de paie Infodis va recruter dix commerciaux "
        "pour ses clients hospitaliers et ses cliniques.",
    ),
    (
        "digital",
        "en",
        "Lille firm adds staff",
        "Nordel, a Lille publisher of payroll software, will hire ten sales staff to serve "
        "its hospital and clinic clients.",
    ),
]

PERMITS: list[Case] = [
    (
        "energy",
        "fr",
        "Feu vert pour Thermiva à Dole",
        "Thermiva a obtenu le permis de construire de sa chaufferie au bois à Dole, a "
        "annoncé la société.",
    ),
    (
        "energy",
        "en",
        "Thermiva cleared for Dole plant",
        "Thermiva has obtained the building permit for its biomass heating plant in Dole, "
        "the company said.",
    ),
]

WORDS: list[Case] = [
    (
        "agrifood",
        "fr",
        "Liquidation judiciaire",
        "Dénomination : MAISON ROUSSEL. Activité : fabrication de sirops. Jugement "
        "d'ouverture de liquidation judiciaire.",
    ),
    (
        "agrifood",
        "en",
        "Liquidation notice",
        "Name: ROUSSEL SAS. Activity: manufacture of syrups and marmalade. Judgment opening "
        "judicial liquidation.",
    ),
    (
        "construction",
        "fr",
        "Redressement judiciaire",
        "Dénomination : FRAÎCHEUR SERVICES. Activité : installation et maintenance de "
        "systèmes de climatisation. Jugement d'ouverture de redressement judiciaire.",
    ),
    (
        "construction",
        "en",
        "Receivership notice",
        "Name: COOL AIR SERVICES. Activity: installation and servicing of air conditioning "
        "systems. Judgment opening receivership.",
    ),
    (
        "tourism",
        "fr",
        "Porquerolles : Bleu Lagon recrute",
        "Le centre de plongée Bleu Lagon, à Porquerolles, va recruter six moniteurs pour la "
        "saison prochaine.",
    ),
    (
        "tourism",
        "en",
        "Saint-Gilles dive firm to hire",
        "Blue Reef, a scuba diving centre in Saint-Gilles, will hire six instructors for "
        "next season.",
    ),
    (
        "digital",
        "fr",
        "Simulys lève 4 millions",
        "La PME grenobloise Simulys, qui développe des jumeaux numériques d'usines, a levé "
        "4 millions d'euros.",
    ),
    (
        "digital",
        "en",
        "Twinlab raises €4m",
        "Twinlab, a Grenoble firm that builds digital twins of factories, has raised €4 million.",
    ),
]

SECOND: list[Case] = [
    (
        "aeronautics",
        "en",
        "Figeac firm signs ten-year deal",
        "Electrix, a Figeac maker of gearboxes, will supply the helicopter and aircraft "
        "programmes of the planemaker Aerolia for ten years, the aerospace group said. The "
        "aircraft deal covers 400 helicopters.",
    ),
    (
        "aeronautics",
        "fr",
        "Figeac : Electrix signe pour dix ans",
        "Le fabricant de boîtes de vitesses Electrix, installé à Figeac, équipera les "
        "hélicoptères et les avions de l'avionneur Aérolia pendant dix ans, a annoncé le "
        "groupe aéronautique. Le contrat porte sur 400 hélicoptères.",
    ),
]

IDIOMS: list[Case] = [
    (
        "tourism",
        "fr",
        "Épinal : Valmont embauche",
        "La société Valmont, à Épinal, atteindra sa vitesse de croisière l'an prochain, "
        "avec 40 salariés.",
    ),
    (
        "tourism",
        "en",
        "Épinal firm hires",
        "Valmont, based in Épinal, will reach cruising speed next year with 40 staff.",
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [f"{sector}-{language}-{i}" for i, (sector, language, *_) in enumerate(cases)]


@pytest.mark.parametrize(("sector", "language", "title", "text"), LEAD, ids=_ids(LEAD))
def test_the_trade_the_lead_states_outweighs_jobs_and_sites(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), TRADE_NOUNS, ids=_ids(TRADE_NOUNS)
)
def test_more_nouns_say_what_a_firm_is(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), PERMITS, ids=_ids(PERMITS))
def test_a_building_permit_is_no_building_news(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), WORDS, ids=_ids(WORDS))
def test_everyday_words_of_products_and_trades(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), SECOND, ids=_ids(SECOND))
def test_the_lead_weight_keeps_no_second_sector(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), IDIOMS, ids=_ids(IDIOMS))
def test_a_set_phrase_of_another_sense(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector not in sector_codes(enricher, language, title, text)
