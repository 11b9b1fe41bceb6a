"""Event words that report no event the document is about (issue 14, session 9, precision),
read off the false events of news8–10: a team to grow with no number said, staff a
takeover brings, the site a hiring is for, an investor's stake in a round, what a firm
does said in a relative clause, employment contracts taken over in a notice, and the
plant that money just raised is to pay for.

Every text here was written for these tests (none comes from an evaluation set); the
company is invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900000952",
        "Garrigue Optique",
        "900000952",
        ("Garrigue",),
        None,
        "26.70Z",
        "34",
        "76",
        False,
    ),
]

TITLE = {
    "fr": "Garrigue Optique : les nouvelles de la semaine",
    "en": "Garrigue Optique: the week",
}

# (rule, language, text, type that must not be found, type that must be found or None)
CASES = [
    (
        "team without a number",
        "fr",
        "Garrigue Optique, installée à Lunel, va aussi renforcer son équipe commerciale au "
        "cours de l'année, sans donner de chiffre.",
        "hiring",
        None,
    ),
    (
        "team without a number",
        "en",
        "Garrigue Optique, based in Lunel, will use part of the cash to grow its sales staff "
        "over the coming year.",
        "hiring",
        None,
    ),
    (
        "staff a takeover brings",
        "en",
        "Garrigue Optique has taken over Verrerie Salaison, a lens grinder in Sète, adding "
        "48 employees to its workforce.",
        "hiring",
        "acquisition",
    ),
    (
        "staff a takeover brings",
        "fr",
        "Garrigue Optique a racheté Verrerie Salaison, tailleur de verres à Sète, ce qui "
        "porte ses effectifs à 160 salariés.",
        "hiring",
        "acquisition",
    ),
    (
        "the site a hiring is for",
        "fr",
        "Garrigue Optique va recruter 35 techniciens pour sa nouvelle usine de Lunel, qui "
        "ouvrira au printemps.",
        "investment",
        "hiring",
    ),
    (
        "the site a hiring is for",
        "en",
        "Garrigue Optique will hire 35 technicians to staff the new production line at its "
        "Lunel plant.",
        "investment",
        "hiring",
    ),
    (
        "an investor's stake in a round",
        "en",
        "Garrigue Optique has raised EUR 14 million from three investors, including a "
        "Montpellier family office which takes a 20% stake.",
        "acquisition",
        "fundraising",
    ),
    (
        "an investor's stake in a round",
        "fr",
        "Garrigue Optique a levé 14 millions d'euros auprès de trois investisseurs, dont un "
        "family office montpelliérain qui prend une participation minoritaire.",
        "acquisition",
        "fundraising",
    ),
    (
        "what a firm does",
        "fr",
        "Garrigue Optique, qui met au point des verres correcteurs à teinte variable, a levé "
        "14 millions d'euros.",
        "innovation",
        "fundraising",
    ),
    (
        "what a firm does",
        "en",
        "Garrigue Optique, which develops new lenses that darken in sunlight, has raised "
        "EUR 14 million.",
        "innovation",
        "fundraising",
    ),
    (
        "employment contracts",
        "fr",
        "Le tribunal arrête le plan de cession au profit de Garrigue Optique, avec la reprise "
        "de 41 contrats de travail sur 57.",
        "contract",
        None,
    ),
    (
        "employment contracts",
        "en",
        "Garrigue Optique has signed new employment contracts with the 41 staff of the "
        "bakery it bought in Sète.",
        "contract",
        None,
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "absent", "present"), CASES)
def test_no_event_the_document_is_about(
    registry_enricher: Enricher,
    rule: str,
    language: str,
    text: str,
    absent: str,
    present: str | None,
) -> None:
    found = types(events_of(registry_enricher, text, language, title=TITLE[language]))
    assert absent not in found, rule
    if present:
        assert present in found, rule


# A team to grow with a number said is hiring; so is a hiring with no takeover in sight.
KEPT = [
    (
        "fr",
        "Garrigue Optique va renforcer son équipe de 25 ingénieurs d'ici l'été.",
        "hiring",
    ),
    (
        "en",
        "Garrigue Optique will expand its workforce by 25 engineers by the summer.",
        "hiring",
    ),
]


@pytest.mark.parametrize(("language", "text", "kind"), KEPT)
def test_a_counted_team_is_still_hiring(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language, title=TITLE[language]))


MONEY_USE = {
    "fr": (
        "Garrigue Optique lève 14 millions d'euros",
        "Garrigue Optique a levé 14 millions d'euros auprès de deux fonds régionaux.\n\n"
        "La société conçoit des verres correcteurs pour les pilotes. Ses douze salariés "
        "travaillent à Lunel.\n\n"
        "Les fonds serviront à construire un atelier de polissage à Lunel.",
    ),
    "en": (
        "Garrigue Optique raises EUR 14 million",
        "Garrigue Optique has raised EUR 14 million from two regional funds.\n\n"
        "The company designs corrective lenses for pilots. Its twelve staff work in Lunel.\n\n"
        "The money will pay for a new polishing plant in Lunel.",
    ),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_what_the_money_pays_for_is_no_investment(
    registry_enricher: Enricher, language: str
) -> None:
    title, text = MONEY_USE[language]
    found = types(events_of(registry_enricher, text, language, title=title))
    assert found == {"fundraising"}


# (rule, language, text, type that must not be found) — the text is the document's lead.
LEADS = [
    (
        "a span of recent time",
        "fr",
        "Garrigue Optique a racheté trois petits concurrents ces dernières années.",
        "acquisition",
    ),
    (
        "a span of recent time",
        "en",
        "Garrigue Optique has acquired three smaller rivals over the past five years.",
        "acquisition",
    ),
    (
        "the next step of a dated story",
        "fr",
        "Garrigue Optique avait levé 5 millions d'euros en 2021, puis racheté un concurrent "
        "nîmois l'année suivante.",
        "acquisition",
    ),
    (
        "the next step of a dated story",
        "en",
        "Garrigue Optique raised EUR 5 million in 2021, then acquired a rival lens maker in Nîmes.",
        "acquisition",
    ),
    (
        "an elided negation",
        "fr",
        "Garrigue Optique n'a toujours pas besoin de lever des fonds.",
        "fundraising",
    ),
    (
        "needs counted",
        "fr",
        "Garrigue Optique estime ses besoins de recrutement à 40 opticiens l'an prochain.",
        "hiring",
    ),
    (
        "needs counted",
        "en",
        "Garrigue Optique puts its recruitment needs at 40 opticians for next year.",
        "hiring",
    ),
    (
        "a trade with two adjectives",
        "fr",
        "Garrigue Optique s'agrandit. La filière optique et photonique d'Occitanie a recruté "
        "800 techniciens.",
        "hiring",
    ),
    (
        "a trade with two adjectives",
        "en",
        "Garrigue Optique is growing. The optics and photonics industry has hired 800 technicians.",
        "hiring",
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "absent"), LEADS)
def test_no_event_in_the_lead(
    registry_enricher: Enricher, rule: str, language: str, text: str, absent: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title=TITLE[language]))
    assert absent not in found, rule


# A dateline cut off by its full stop ("LUNEL.") is no lead: the lead is the sentence after
# it, and an event said once further down, while the lead reports another, is no news.
DATELINED = {
    "fr": (
        "Garrigue Optique change de directeur",
        "LUNEL. Garrigue Optique a nommé Claire Vidal directrice générale.\n\n"
        "La nouvelle dirigeante vient de l'industrie des verres de contact. Elle connaît bien "
        "les marchés du Sud.\n\n"
        "La société a lancé l'agrandissement de son usine de Lunel.",
    ),
    "en": (
        "Garrigue Optique changes chief executive",
        "LUNEL. Garrigue Optique has appointed Claire Vidal as chief executive.\n\n"
        "The new chief comes from the contact lens industry. She knows southern markets "
        "well.\n\n"
        "The company has meanwhile started work on the extension of its Lunel plant.",
    ),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_dateline_is_no_lead(registry_enricher: Enricher, language: str) -> None:
    title, text = DATELINED[language]
    found = types(events_of(registry_enricher, text, language, title=title))
    assert found == {"leadership"}


# A distribution deal or a supply deal with a seller abroad is an export, not a contract won.
DISTRIBUTION = [
    (
        "fr",
        "Garrigue Optique a signé un contrat de distribution de trois ans avec un importateur "
        "canadien, qui vendra ses lunettes de soleil à Montréal.",
    ),
    (
        "en",
        "Garrigue Optique has signed a distribution agreement with a Belgian retailer, which "
        "will sell its reading glasses in 80 stores in Belgium.",
    ),
]


@pytest.mark.parametrize(("language", "text"), DISTRIBUTION)
def test_a_distribution_deal_abroad_is_an_export(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title=TITLE[language]))
    assert "export" in found and "contract" not in found, found
