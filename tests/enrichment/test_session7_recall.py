"""Event wordings the lexicon missed (issue 14, session 7, events recall): a firm taken
over by name (takeovers.py), amounts written with a currency code or closing a sentence,
a round priced without "de table", an investor leading a round or welcomed into the
capital, a firm sold to a rival, a workforce taken to a number, equipment installed, a
move into new premises, the nouns of naming a head and of appointing administrators, and
the headings of legal notices.

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
        "900000712",
        "Garance Outillage",
        "900000712",
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
WORDINGS = [
    # a firm taken over by name: the verb, the passive of a past sale
    (
        "takeover",
        "fr",
        "Garance Outillage reprend Maurin Découpe, un fabricant de lames installé à Thiers.",
        "acquisition",
    ),
    (
        "takeover",
        "fr",
        "Garance Outillage acquiert Maurin Découpe, un fabricant de lames de Thiers.",
        "acquisition",
    ),
    (
        "takeover",
        "en",
        "Garance Outillage has taken over Maurin Découpe, a blade maker based in Thiers.",
        "acquisition",
    ),
    (
        "takeover",
        "en",
        "Garance Outillage has picked up Maurin Découpe, a blade maker based in Thiers.",
        "acquisition",
    ),
    (
        "takeover",
        "fr",
        "Garance Outillage a été cédée à Vidal Industrie, un groupe lyonnais.",
        "acquisition",
    ),
    (
        "takeover",
        "en",
        "Garance Outillage was sold to Vidal Industrie for an undisclosed sum.",
        "acquisition",
    ),
    # a firm sold to a rival, bought in the passive, by a noun's agent
    (
        "hands",
        "fr",
        "Garance Outillage a été vendue à son principal concurrent.",
        "acquisition",
    ),
    (
        "hands",
        "fr",
        "Garance Outillage, acquise par un industriel lyonnais, garde ses 80 salariés.",
        "acquisition",
    ),
    (
        "hands",
        "fr",
        "La reprise de la coutellerie par Garance Outillage a été signée lundi.",
        "acquisition",
    ),
    ("hands", "en", "Garance Outillage swoops on a smaller blade maker.", "acquisition"),
    (
        "hands",
        "fr",
        "Les juges ont retenu mardi l'offre de reprise de Garance Outillage, qui garde 40 "
        "salariés.",
        "acquisition",
    ),
    # a round: a currency code, a sentence's last "m.", a round priced, an investor leading
    (
        "round",
        "en",
        "Garance Outillage has secured EUR 5m from a group of regional investors.",
        "fundraising",
    ),
    ("round", "en", "Garance Outillage closes EUR 8m round to expand.", "fundraising"),
    ("round", "en", "Garance Outillage has raised EUR 6m.", "fundraising"),
    ("round", "fr", "Garance Outillage boucle un premier tour de 3 M€.", "fundraising"),
    (
        "round",
        "en",
        "A regional fund leads a new round in Garance Outillage, its first outside money.",
        "fundraising",
    ),
    (
        "round",
        "fr",
        "Garance Outillage accueille deux fonds régionaux à son capital.",
        "fundraising",
    ),
    # a workforce taken to a number, jobs brought to a place
    ("staff", "fr", "Garance Outillage porte ses effectifs à 200 personnes.", "hiring"),
    ("staff", "en", "Garance Outillage will take its workforce to 200 by 2028.", "hiring"),
    ("staff", "en", "The Garance Outillage plant means 40 jobs for Thiers.", "hiring"),
    # equipment installed, a move into new premises
    ("equip", "fr", "Garance Outillage s'équipe d'une presse de 800 tonnes.", "investment"),
    (
        "equip",
        "fr",
        "Garance Outillage annonce l'installation d'une ligne de trempe à Thiers.",
        "investment",
    ),
    (
        "equip",
        "en",
        "The installation of a vacuum furnace at Garance Outillage is due in March.",
        "investment",
    ),
    (
        "move",
        "en",
        "Garance Outillage is moving into a new 6,000 square-metre plant in Thiers.",
        "investment",
    ),
    # the head: the noun of naming one, a head leaving "quitte" (the model's lemma)
    (
        "head",
        "fr",
        "La nomination de Lise Vidal à la tête de Garance Outillage prend effet lundi.",
        "leadership",
    ),
    ("head", "fr", "Paul Garance quitte la présidence de Garance Outillage.", "leadership"),
]


@pytest.mark.parametrize(
    ("family", "language", "text", "expected"),
    WORDINGS,
    ids=[f"{w[0]}-{w[1]}-{i}" for i, w in enumerate(WORDINGS)],
)
def test_wording_reports_its_event(
    registry_enricher: Enricher, family: str, language: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, TITLE[language]))


NOTICE_HEAD = (
    "BODACC B n° 20260412 du 02/12/2026 - Annonce n° 318\n{family}\n"
    "Greffe du tribunal de commerce de Clermont-Ferrand\nRCS 900 000 712 Clermont-Ferrand\n"
    "Dénomination : GARANCE OUTILLAGE\nForme juridique : Société par actions simplifiée\n"
    "Activité : fabrication d'outillage\n{body}\n"
)

# (language, title, text, expected type): the layouts of legal and tender notices
NOTICES = [
    (
        "fr",
        "BODACC B - Radiations - GARANCE OUTILLAGE",
        NOTICE_HEAD.format(
            family="Radiations",
            body="Radiation du registre du commerce et des sociétés. Cessation totale d'activité.",
        ),
        "closure",
    ),
    (
        "fr",
        "BODACC B - Modifications - GARANCE OUTILLAGE",
        NOTICE_HEAD.format(
            family="Modifications diverses",
            body="Ouverture d'un établissement secondaire : 4 rue des Forges, 63300 Thiers.",
        ),
        "investment",
    ),
    (
        "fr",
        "BOAMP - Résultat de marché - Outillage des ateliers",
        "Résultat de marché\nPouvoir adjudicateur : Lycée professionnel de Thiers\n"
        "Objet : fourniture d'outillage pour les ateliers\nTitulaire : GARANCE OUTILLAGE\n"
        "Montant : 85 000 euros HT\n",
        "contract",
    ),
    (
        "en",
        "Notice of appointment of administrators - Garance Tools Ltd",
        "Notice of appointment of administrators\nGarance Tools Ltd (Company number 09876543)\n"
        "Nature of business: manufacture of tools\nDate of appointment: 2 December 2026\n",
        "insolvency",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "expected"), NOTICES)
def test_notice_layout_reports_its_event(
    registry_enricher: Enricher, language: str, title: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, title))
