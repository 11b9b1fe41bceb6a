"""Event words that report no event the document is about (issue 14, session 7, precision):
an event named as the news's antecedent or cause ("following its takeover", "grâce à son
partenariat"), an event dated by a year as its modifier ("le rachat de 2019"), a habit
("every summer", "chaque année"), one manager hired, an English site noun qualifying
another noun ("factory tours"), a market abroad as the purpose of money raised, a
customer's closure, firms counted as a pronoun ("some have closed plants"); an
alternative set aside ("rather than build", "au lieu de supprimer", "sans licencier ni
fermer"), a date said with a number in words ("ten years ago") or after a number with a
comma ("hired 1,200 people last year"), firms counted that "are hiring" (a progressive, no
passive); a parent's or a shareholder's event, the speaker's own customers' ("« Nos clients
recrutent »"), a trigger that runs across a quotation mark, a class of firms or a trade as
the subject ("la filière des composites a créé 1 200 emplois"); a condition ("if the
order is confirmed, will hire"), "may", analysts' forecasts, merger talks, a project's
permit; and a pluperfect of reported speech ("said it had received an order") that is no
earlier time.

Every text here was written for these tests (none comes from an evaluation set); the
company is invented, and the title reports nothing.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types
from tests.enrichment.session7_cases import CASES_CONDITIONS, CASES_RELATIVES

REGISTRY = [
    CompanyRecord(
        "900000741",
        "Bruyère Composites",
        "900000741",
        ("Bruyère",),
        None,
        "22.29A",
        "18",
        "24",
        False,
    ),
]

TITLE = {
    "fr": "Bruyère Composites : les nouvelles de la semaine",
    "en": "Bruyère Composites: the week",
}

# (rule, language, text, type that must not be found, type that must be found or None)
CASES = [
    (
        "antecedent",
        "en",
        "Helped by its partnership with a Belgian resin supplier, Bruyère Composites is "
        "hiring 40 technicians in Vierzon.",
        "partnership",
        "hiring",
    ),
    (
        "antecedent",
        "fr",
        "Grâce à son partenariat avec un fournisseur belge de résines, Bruyère Composites "
        "recrute 40 techniciens à Vierzon.",
        "partnership",
        "hiring",
    ),
    (
        "antecedent",
        "en",
        "Following its takeover by a Danish group, Bruyère Composites is hiring 40 "
        "technicians in Vierzon.",
        "acquisition",
        "hiring",
    ),
    (
        "antecedent",
        "fr",
        "Dans la foulée du rachat d'Armor Moules, Bruyère Composites recrute 40 techniciens "
        "à Vierzon.",
        "acquisition",
        "hiring",
    ),
    (
        "year as modifier",
        "fr",
        "Bruyère Composites, sauvée par le rachat de 2018, recrute 40 techniciens à Vierzon.",
        "acquisition",
        "hiring",
    ),
    (
        "year as modifier",
        "en",
        "Bruyère Composites is hiring 40 technicians in Vierzon, where the 2018 takeover by a "
        "Danish group saved the plant.",
        "acquisition",
        "hiring",
    ),
    (
        "habit",
        "en",
        "Every summer, Bruyère Composites hires around thirty seasonal workers for its "
        "Vierzon plant.",
        "hiring",
        None,
    ),
    (
        "habit",
        "fr",
        "Bruyère Composites recrute chaque été une trentaine de saisonniers pour son usine "
        "de Vierzon.",
        "hiring",
        None,
    ),
    (
        "one manager",
        "en",
        "Bruyère Composites has hired a sales director to win customers in Asia.",
        "hiring",
        None,
    ),
    (
        "one manager",
        "fr",
        "Bruyère Composites a recruté un responsable export pour conquérir l'Asie.",
        "hiring",
        None,
    ),
    (
        "site as modifier",
        "en",
        "Bruyère Composites opens factory visits to schools and families in Vierzon.",
        "investment",
        None,
    ),
    (
        "purpose abroad",
        "en",
        "Bruyère Composites has raised EUR 9m from two regional funds to expand into Germany.",
        "export",
        "fundraising",
    ),
    (
        "purpose abroad",
        "fr",
        "Bruyère Composites a levé 9 millions d'euros auprès de deux fonds régionaux pour "
        "s'implanter en Allemagne.",
        "export",
        "fundraising",
    ),
    (
        "customer's closure",
        "fr",
        "Bruyère Composites subit la liquidation judiciaire d'un gros client allemand.",
        "insolvency",
        None,
    ),
    (
        "customer's closure",
        "en",
        "Bruyère Composites lost 15% of its sales with the closure of a large customer in "
        "the car industry.",
        "closure",
        None,
    ),
    (
        "alternative",
        "en",
        "Rather than build a new plant, Bruyère Composites will extend its lease in Vierzon.",
        "investment",
        None,
    ),
    (
        "alternative",
        "fr",
        "Plutôt que de construire une nouvelle usine, Bruyère Composites prolonge son bail à "
        "Vierzon.",
        "investment",
        None,
    ),
    (
        "alternative",
        "en",
        "Instead of cutting jobs, Bruyère Composites has cut working hours.",
        "closure",
        None,
    ),
    (
        "alternative",
        "fr",
        "Au lieu de supprimer des postes, Bruyère Composites réduit le temps de travail.",
        "closure",
        None,
    ),
    (
        "alternative",
        "fr",
        "Bruyère Composites tient bon sans licencier ni fermer de site.",
        "closure",
        None,
    ),
    (
        "alternative",
        "en",
        "Bruyère Composites will neither cut jobs nor close its plant in Vierzon.",
        "closure",
        None,
    ),
    (
        "numbers in words",
        "en",
        "Bruyère Composites posted record sales. Ten years ago, it opened its first plant in "
        "Vierzon.",
        "investment",
        None,
    ),
    (
        "numbers in words",
        "fr",
        "Bruyère Composites affiche des ventes record. Il y a quinze ans, l'entreprise a "
        "ouvert sa première usine à Vierzon.",
        "investment",
        None,
    ),
    (
        "comma in a number",
        "en",
        "Bruyère Composites posted record sales. It hired 1,200 people last year.",
        "hiring",
        None,
    ),
    (
        "progressive",
        "en",
        "Bruyère Composites posted record sales. Several rival mould makers are hiring in Germany.",
        "hiring",
        None,
    ),
    (
        "firms counted",
        "en",
        "Bruyère Composites kept its sales steady this year. Across Europe, demand for "
        "composites is weak, and some have closed plants.",
        "closure",
        None,
    ),
    (
        "firms counted",
        "fr",
        "Bruyère Composites maintient ses ventes cette année. En Europe, la demande de "
        "composites recule, et certains ont fermé des usines.",
        "closure",
        None,
    ),
]


# Conditions and talks, other firms' events (tests/enrichment/session7_cases.py).
CASES += CASES_CONDITIONS + CASES_RELATIVES


@pytest.mark.parametrize(
    ("rule", "language", "text", "absent", "present"),
    CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CASES],
)
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
    if present is not None:
        assert present in found, rule


# A pluperfect after a past verb of saying is the tense of reported speech: the order is
# news, though a year dates the older framework deal beside it.
REPORTED = [
    (
        "en",
        "Bruyère Composites confirmed that it had received a firm order for 300 blade moulds "
        "from a Danish maker, exercising an option in a 2021 framework agreement.",
    ),
    (
        "fr",
        "Bruyère Composites a confirmé qu'elle avait reçu une commande ferme de 300 moules de "
        "pales d'un fabricant danois, en levant une option d'un accord-cadre de 2021.",
    ),
]


@pytest.mark.parametrize(("language", "text"), REPORTED)
def test_reported_speech_is_no_earlier_time(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "contract" in types(events_of(registry_enricher, text, language, TITLE[language]))


# A month without a year is dated by the tense: in a December article, "en mars" with a
# future is next March, not a past March (background.py).
FUTURE_MONTH = [
    ("fr", "Bruyère Composites fermera son usine de Vierzon en mars."),
    ("en", "Bruyère Composites will close its Vierzon plant in March."),
]


@pytest.mark.parametrize(("language", "text"), FUTURE_MONTH)
def test_a_future_month_is_no_earlier_time(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    december = datetime(2026, 12, 6)
    found = types(events_of(registry_enricher, text, language, TITLE[language], december))
    assert "closure" in found
    # said in the past, the same month is last March
    past = text.replace("fermera", "a fermé").replace("will close", "closed")
    found = types(events_of(registry_enricher, past, language, TITLE[language], december))
    assert "closure" not in found
