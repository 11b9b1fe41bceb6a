"""Event wordings the lexicon missed (issue 14, session 8, events recall): goods delivered
to a customer abroad (deliveries.py), an asset priced after a long description
(costs.py), a product launched under its name in quotation marks (launches.py), a
closure told in reported speech after another clause, and lexicon families: a hangar
built, a takeover completed by its noun, jobs "supplémentaires", a team formed to a
number, jobs made permanent, posts to be filled, work entrusted in the passive, a tool or
an atlas launched, a secondary establishment created and a liquidation closed for want of
assets (in the lexicon, and in the notices' wording: notices.py); customers abroad named
by peoples and countries the older lists lacked (abroad.py).

Every text here was written for these tests (none comes from an evaluation set); the
company is invented and the title reports nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.notices import notice_event_types
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900000812",
        "Garance Outillage",
        "900000812",
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
    # goods delivered to a customer abroad, named by its people's adjective
    (
        "delivery",
        "fr",
        "Garance Outillage a livré lundi aux chantiers navals grecs la première de ses "
        "trois presses de forge.",
        "export",
    ),
    (
        "delivery",
        "en",
        "Garance Outillage has delivered its first forging press to a Polish shipyard, "
        "the first of three ordered last spring.",
        "export",
    ),
    # a contract with a customer abroad that the older lists of peoples did not name
    (
        "abroad",
        "en",
        "Garance Outillage has won its first order from the Latvian railways.",
        "export",
    ),
    ("abroad", "fr", "Garance Outillage décroche une commande de la marine croate.", "export"),
    # an asset priced after a long description
    (
        "cost",
        "fr",
        "Le bâtiment de Garance Outillage, qui accueillera deux lignes de trempe et un "
        "magasin automatisé, coûtera 9 millions d'euros.",
        "investment",
    ),
    (
        "cost",
        "en",
        "The Garance Outillage warehouse, which will store blades for the whole of "
        "southern Europe and house a small training centre, will cost EUR 9 million.",
        "investment",
    ),
    # a product launched under its name in quotation marks, with an apposition
    (
        "named",
        "fr",
        "Garance Outillage a dévoilé jeudi « Tranchant », une gamme de couteaux pliants "
        "forgés à la main.",
        "innovation",
    ),
    (
        "named",
        "en",
        "Garance Outillage unveiled “Keen”, a folding knife forged by hand in Thiers.",
        "innovation",
    ),
    # a closure in reported speech, after another clause
    (
        "reported",
        "en",
        "Garance Outillage said it had lost its largest customer and would close its "
        "Thiers workshop at the end of the year.",
        "closure",
    ),
    # lexicon families
    (
        "site",
        "fr",
        "Garance Outillage va construire un hangar de stockage à Thiers.",
        "investment",
    ),
    (
        "site",
        "en",
        "Garance Outillage will build a training complex next to its Thiers plant.",
        "investment",
    ),
    (
        "done",
        "fr",
        "Garance Outillage a finalisé vendredi la reprise de la coutellerie Dumas.",
        "acquisition",
    ),
    (
        "more",
        "fr",
        "La nouvelle ligne de Garance Outillage apportera une trentaine d'emplois "
        "supplémentaires à Thiers.",
        "hiring",
    ),
    (
        "team",
        "fr",
        "Garance Outillage va constituer une équipe de 12 affûteurs à Thiers.",
        "hiring",
    ),
    ("team", "en", "Garance Outillage will build a team of 12 sharpeners in Thiers.", "hiring"),
    (
        "team",
        "fr",
        "Une vingtaine d'emplois saisonniers de Garance Outillage seront pérennisés en CDI.",
        "hiring",
    ),
    (
        "more",
        "en",
        "At Garance Outillage, 18 posts will be filled in Thiers by the summer.",
        "hiring",
    ),
    (
        "entrust",
        "fr",
        "Le chantier, confié à Garance Outillage, démarrera en février.",
        "contract",
    ),
    (
        "entrust",
        "en",
        "The works, entrusted to Garance Outillage, will start in February.",
        "contract",
    ),
    (
        "launch",
        "fr",
        "Garance Outillage lance un assistant de réglage pour les affûteurs.",
        "innovation",
    ),
    (
        "launch",
        "en",
        "Garance Outillage has launched an online atlas of French knife makers.",
        "innovation",
    ),
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


# (language, title, text, expected type): the layouts of legal notices as pages show them
NOTICES = [
    (
        "fr",
        "BODACC B - Modifications diverses - GARANCE OUTILLAGE",
        "Annonce n° 812 - Modifications diverses\nGreffe du tribunal de commerce de "
        "Clermont-Ferrand\nGARANCE OUTILLAGE, société par actions simplifiée, RCS 900 000 812.\n"
        "Établissement secondaire créé : 4 rue des Forges, 63300 Thiers.\n",
        "investment",
    ),
    (
        "fr",
        "BODACC A - Procédures collectives - Clermont-Ferrand",
        "Annonce n° 813 - Procédures collectives\nJugement de clôture pour insuffisance "
        "d'actif\nGARANCE OUTILLAGE, société par actions simplifiée, RCS 900 000 812.\n",
        "closure",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "expected"), NOTICES)
def test_notice_layout_reports_its_event(
    registry_enricher: Enricher, language: str, title: str, text: str, expected: str
) -> None:
    assert expected in types(events_of(registry_enricher, text, language, title))


# (family, text, expected types): the regulated wording of notices the registry feed
# gives with their family (notices.py)
NOTICE_WORDINGS = [
    ("modification", "Établissement secondaire créé : 4 rue des Forges, Thiers.", ["investment"]),
    ("modification", "Création d'un établissement secondaire à Thiers.", ["investment"]),
    # A closing for want of assets: an insolvency judgment and the firm's end (session 11
    # kept both; notices.py); every debt paid: neither.
    (
        "collective",
        "Jugement de clôture pour insuffisance d'actif.",
        ["insolvency", "closure"],
    ),
    ("collective", "Jugement de clôture pour extinction du passif.", []),
    ("modification", "Transfert du siège social au 4 rue des Forges.", []),
]


@pytest.mark.parametrize(("family", "text", "expected"), NOTICE_WORDINGS)
def test_notice_wording_gives_its_events(family: str, text: str, expected: list[str]) -> None:
    assert notice_event_types(family, text) == expected


# Close wordings that report no event of the family.
NOT_EVENTS = [
    # goods from a foreign supplier, a delivery at home
    (
        "fr",
        "Les aciers de Garance Outillage sont livrés par un fournisseur allemand.",
        "export",
    ),
    ("en", "Garance Outillage delivered its new press to its Thiers plant.", "export"),
    # a cost that is no asset's
    (
        "fr",
        "La grève, qui a duré trois semaines et bloqué les expéditions, a coûté 2 millions "
        "d'euros à Garance Outillage.",
        "investment",
    ),
    # a plan named in quotation marks
    (
        "fr",
        "Garance Outillage présente « Cap 2030 », son plan stratégique pour les cinq ans.",
        "innovation",
    ),
    # reported speech that still doubts
    (
        "en",
        "Garance Outillage said it had found no buyer and would not rule out closing.",
        "closure",
    ),
]


@pytest.mark.parametrize(("language", "text", "kind"), NOT_EVENTS)
def test_a_close_wording_reports_no_such_event(
    registry_enricher: Enricher, language: str, text: str, kind: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language, TITLE[language]))
