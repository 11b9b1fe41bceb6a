"""Event words told in passing (issue 14, session 10, aboutness), read off the false events
of news11 and news8–10: a peer's news after a contrast ("n'est pas seule à", "is not the
only", "Elsewhere"), jobs in a clause opened by "sans", a rival's past growth in a relative
clause, the hires said again without a number, jobs a study expects across a trade, and a
contract's value told as an investment.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900001013",
        "Combe Rousse Composites",
        "900001013",
        ("Combe Rousse",),
        None,
        "22.29A",
        "07",
        "84",
        False,
    ),
]

TITLE = {
    "fr": "Combe Rousse Composites : les nouvelles de la semaine",
    "en": "Combe Rousse Composites: the week",
}

# (rule, language, text, type that must not be found)
CASES = [
    (
        "a peer after 'n'est pas seule à'",
        "fr",
        "Combe Rousse Composites produit des coques de bateaux à Aubenas.\n\n"
        "L'entreprise n'est pas seule à accélérer. Le mouliste Plasturgie du Vivarais a "
        "embauché 35 personnes depuis le printemps.",
        "hiring",
    ),
    (
        "a peer after 'is not the only'",
        "en",
        "Combe Rousse Composites makes boat hulls in Aubenas.\n\n"
        "It is not the only local supplier to have grown this year. Vivarais Moulage, a "
        "mould maker, has won a EUR 2 million contract from a shipyard in Sète.",
        "contract",
    ),
    (
        "a peer after 'Elsewhere'",
        "en",
        "Combe Rousse Composites makes boat hulls in Aubenas.\n\n"
        "Elsewhere, a mould maker from Privas has hired 30 people since the spring.",
        "hiring",
    ),
    (
        "a peer after 'Ailleurs'",
        "fr",
        "Combe Rousse Composites produit des coques de bateaux à Aubenas.\n\n"
        "Ailleurs, un mouliste de Privas a recruté 30 personnes depuis le printemps.",
        "hiring",
    ),
    (
        "a plan with no date set",
        "fr",
        "Combe Rousse Composites, à Aubenas, parle de 80 emplois supplémentaires à terme, "
        "sans calendrier précis de recrutement.",
        "hiring",
    ),
    (
        "a plan with no date set",
        "en",
        "Combe Rousse Composites will create 80 jobs in Aubenas in the long run, without "
        "giving a timetable.",
        "hiring",
    ),
    (
        "a plan with no date set",
        "fr",
        "Combe Rousse Composites va agrandir son atelier d'Aubenas, sans calendrier à ce stade.",
        "investment",
    ),
    (
        "a plant's output sold under a power purchase agreement",
        "en",
        "Half of the park's output is sold under a 20-year power purchase agreement with a "
        "dairy cooperative.",
        "contract",
    ),
    (
        "a team hired with no number",
        "fr",
        "Combe Rousse Composites ouvrira un showroom à Lyon et y recrutera une équipe commerciale.",
        "hiring",
    ),
    (
        "the builders' jobs",
        "en",
        "Work on the new Aubenas workshop starts in March and the building contractors will "
        "employ up to 120 people at the peak of the works.",
        "hiring",
    ),
    (
        "staff abroad",
        "en",
        "Combe Rousse Composites has created a Moroccan subsidiary, Combe Maroc, which will "
        "employ 150 people at first.",
        "hiring",
    ),
    (
        "staff abroad",
        "fr",
        "Combe Rousse Composites ouvre un bureau à Madrid et y emploiera 12 personnes.",
        "hiring",
    ),
    (
        "a standing habit of hiring",
        "fr",
        "« Nous recrutons en permanence : nous étions 40 il y a trois ans, nous sommes 95 "
        "aujourd'hui », explique le président de Combe Rousse Composites.",
        "hiring",
    ),
    (
        "a joint venture that exists already",
        "en",
        "Combe Rousse Composites holds 60% of the joint venture; the shipyard, which holds the "
        "rest, will run the moulding line.",
        "partnership",
    ),
    (
        "a court officer appointed",
        "en",
        "Administrator: Maître Odile Ferrand, Privas, appointed to carry out the deeds "
        "required for the transfer.",
        "leadership",
    ),
    (
        "a rival's past growth in a relative clause",
        "fr",
        "Chez Vivarais Moulage, on relativise. La société, qui a doublé ses effectifs en trois "
        "ans, dit concentrer ses moyens sur les coques de voiliers.",
        "hiring",
    ),
    (
        "a rival's past growth in a relative clause",
        "en",
        "At Vivarais Moulage, the mood is calm. The company, which has doubled its workforce "
        "in three years, says it is focusing on sailing boats.",
        "hiring",
    ),
    (
        "the hires said again without a number",
        "fr",
        "Combe Rousse Composites, à Aubenas, modernise son atelier. Les recrutements du "
        "nouvel atelier concerneront surtout des profils de stratifieurs.",
        "hiring",
    ),
    (
        "the hires said again without a number",
        "en",
        "Combe Rousse Composites is modernising its Aubenas workshop. The new hires will "
        "mostly be laminators and quality inspectors.",
        "hiring",
    ),
    (
        "jobs a study expects across a trade",
        "fr",
        "Selon l'observatoire régional de l'emploi, 4 000 recrutements sont attendus l'an "
        "prochain dans la plasturgie de la région.",
        "hiring",
    ),
    (
        "jobs a study expects across a trade",
        "en",
        "About 4,000 people will be recruited next year in the region's plastics trade, a "
        "survey by the trade association expects.",
        "hiring",
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "absent"), CASES)
def test_no_event_told_in_passing(
    registry_enricher: Enricher, rule: str, language: str, text: str, absent: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title=TITLE[language]))
    assert absent not in found, rule


# The firm's own hiring stays: a number of people, in its own clause, with no contrast.
KEPT = [
    ("fr", "Combe Rousse Composites va recruter 45 stratifieurs à Aubenas d'ici à l'été."),
    ("en", "Combe Rousse Composites will hire 45 laminators in Aubenas by the summer."),
    (
        "fr",
        "Combe Rousse Composites, à Aubenas, recrutera 45 stratifieurs. Les recrutements "
        "débuteront au printemps.",
    ),
    (
        "en",
        "Combe Rousse Composites, which makes boat hulls, will hire 45 laminators in "
        "Aubenas this year.",
    ),
]


@pytest.mark.parametrize(("language", "text"), KEPT)
def test_the_firms_own_hiring_stays(registry_enricher: Enricher, language: str, text: str) -> None:
    assert "hiring" in types(events_of(registry_enricher, text, language, title=TITLE[language]))


CONTRACT_VALUE = {
    "fr": (
        "Combe Rousse Composites remporte le marché des pontons du port d'Aubenas",
        "Combe Rousse Composites a été retenue par la communauté de communes pour construire "
        "les pontons flottants du port de plaisance. Le contrat, d'une durée de dix ans, "
        "représente un investissement d'environ 9 millions d'euros pour la collectivité.",
    ),
    "en": (
        "Combe Rousse Composites wins the Aubenas marina pontoon contract",
        "Combe Rousse Composites has been chosen by the local council to build the floating "
        "pontoons of the marina. The ten-year contract represents an investment of about "
        "EUR 9 million for the council.",
    ),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_contracts_value_is_no_investment(registry_enricher: Enricher, language: str) -> None:
    title, text = CONTRACT_VALUE[language]
    found = types(events_of(registry_enricher, text, language, title=title))
    assert found == {"contract"}


EXPORT_DEAL = (
    "Combe Rousse Composites vend ses coques en Corée",
    "Combe Rousse Composites, installée à Aubenas, a signé un accord d'exportation avec un "
    "distributeur coréen portant sur quarante coques par an.",
)


def test_an_export_deal_is_no_partnership(registry_enricher: Enricher) -> None:
    title, text = EXPORT_DEAL
    found = types(events_of(registry_enricher, text, "fr", title=title))
    assert "partnership" not in found
    assert "export" in found


PARTNERS = {
    "fr": (
        "Combe Rousse Composites s'allie à un chantier naval pour des coques recyclables",
        "Combe Rousse Composites et le chantier Navalu ont signé un partenariat de cinq ans. "
        "Les deux entreprises mettront en commun leurs bureaux d'études.\n\n"
        "Un premier prototype de coque recyclable doit être présenté au salon nautique de "
        "2027. Le procédé de recyclage a été mis au point par le chantier.",
    ),
    "en": (
        "Combe Rousse Composites and Navalu join forces on recyclable hulls",
        "Combe Rousse Composites and the Navalu shipyard today announced a five-year "
        "partnership to develop a new generation of recyclable hulls.\n\n"
        "A first prototype is due to be unveiled at the 2027 boat show. The recycling process "
        "was developed by the shipyard.",
    ),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_what_partners_will_develop_is_no_launch(
    registry_enricher: Enricher, language: str
) -> None:
    title, text = PARTNERS[language]
    found = types(events_of(registry_enricher, text, language, title=title))
    assert found == {"partnership"}


def test_a_joint_venture_set_up_is_a_partnership(registry_enricher: Enricher) -> None:
    text = (
        "Combe Rousse Composites and the Navalu shipyard have formed a joint venture to build "
        "recyclable hulls in Aubenas."
    )
    assert "partnership" in types(events_of(registry_enricher, text, "en", title=TITLE["en"]))
