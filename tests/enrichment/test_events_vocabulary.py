"""Economic events as the press writes them, in French and English: everyday wordings of
each type, the company each event belongs to, background facts and denials.

Every text here was written for these tests (none comes from the tuning or held-out sets);
the companies are invented and put in a registry of their own.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

LORVAL = "900000101"
KERVAN = "900000102"
OPTIWAVE = "900000103"
REGISTRY = [
    CompanyRecord(
        LORVAL, "Forges de Lorval", LORVAL, ("Lorval",), None, "24.51Z", "54", "44", False
    ),
    CompanyRecord(
        KERVAN, "Menuiseries Kervan", KERVAN, ("Kervan",), None, "16.23Z", "29", "53", False
    ),
    CompanyRecord(OPTIWAVE, "Optiwave", OPTIWAVE, (), None, "26.70Z", "38", "84", False),
]


# One sentence per everyday wording: each must report its event on its own.
WORDINGS = [
    # fundraising
    ("fr", "fundraising", "La jeune pousse a réuni 3 millions d'euros auprès de fonds régionaux."),
    ("fr", "fundraising", "Le fabricant de trottinettes boucle un tour de table avec deux fonds."),
    ("fr", "fundraising", "La société a finalisé un financement de 9 millions d'euros."),
    ("en", "fundraising", "The app maker has secured £6m in fresh funding from venture investors."),
    ("en", "fundraising", "The start-up pulled in $25m from investors led by a pension fund."),
    # acquisition
    ("fr", "acquisition", "La scierie vosgienne tombe dans l'escarcelle d'un groupe allemand."),
    ("fr", "acquisition", "Le transporteur s'empare d'un concurrent normand."),
    ("fr", "acquisition", "Le laboratoire a jeté son dévolu sur un façonnier espagnol."),
    ("fr", "acquisition", "Annonce légale : vente de fonds de commerce de boulangerie à Quimper."),
    ("en", "acquisition", "The packaging group snapped up a family-run rival in Yorkshire."),
    ("en", "acquisition", "The insurer agreed to buy a smaller competitor for £90m."),
    ("en", "acquisition", "The hauliers have agreed a merger with a Dutch carrier."),
    # investment
    ("fr", "investment", "L'industriel injecte 7 millions d'euros dans son usine de Vesoul."),
    ("fr", "investment", "La coopérative pose la première pierre de sa future usine de pâtes."),
    ("en", "investment", "The brewer is pouring €18m into a new bottling line."),
    ("en", "investment", "The retailer broke ground on a new distribution centre near Reims."),
    # closure
    ("fr", "closure", "La biscuiterie met la clé sous la porte après soixante ans."),
    ("fr", "closure", "La papeterie fermera ses portes en juin et supprimera 70 postes."),
    ("en", "closure", "The tyre maker is axing 250 jobs at its Dundee plant."),
    ("en", "closure", "The pottery will shut its factory, with the loss of 60 jobs."),
    # hiring
    ("fr", "hiring", "L'équipementier cherche à pourvoir 40 postes de soudeurs et de monteurs."),
    ("fr", "hiring", "Le centre d'appels va créer 120 emplois d'ici l'été."),
    ("en", "hiring", "The games studio is taking on 35 new staff in Dundee."),
    ("en", "hiring", "The bank is looking to fill 80 vacancies at its Leeds hub."),
    # insolvency
    ("fr", "insolvency", "Jugement d'ouverture d'une procédure de redressement judiciaire."),
    ("fr", "insolvency", "Le tribunal a prononcé une liquidation judiciaire simplifiée."),
    ("fr", "insolvency", "L'imprimerie a déposé le bilan, faute de commandes."),
    ("en", "insolvency", "The furniture chain has gone into administration."),
    ("en", "insolvency", "The housebuilder went bust, owing suppliers £12m."),
    ("en", "insolvency", "The fashion brand appointed administrators on Friday."),
    # contract
    ("fr", "contract", "Avis d'attribution : marché de fourniture de mobilier scolaire."),
    ("fr", "contract", "Le chantier naval a décroché une commande de trois navires."),
    ("en", "contract", "The boatyard has landed a contract to build two research vessels."),
    ("en", "contract", "The engineer clinched a deal worth €40m to supply pumps."),
    # partnership
    ("fr", "partnership", "Les deux fabricants s'allient pour produire des pompes à chaleur."),
    ("en", "partnership", "The two software firms have joined forces on payroll tools."),
    ("en", "partnership", "The carmaker struck a deal with a Korean battery maker."),
    # innovation
    ("fr", "innovation", "L'entreprise a déposé un brevet pour son procédé de tri du textile."),
    ("fr", "innovation", "La start-up dévoile un capteur qui mesure l'humidité des grains."),
    ("en", "innovation", "The firm has filed a patent for its cable-recycling process."),
    ("en", "innovation", "The toolmaker rolled out a new range of cordless drills."),
    # leadership
    ("fr", "leadership", "Sophie Garnier prend les rênes de la coopérative laitière."),
    ("fr", "leadership", "Le fondateur cède sa place à son fils à la tête de l'entreprise."),
    ("en", "leadership", "The group appointed a new finance director on Monday."),
    ("en", "leadership", "The chairman quits as the board prepares a shake-up."),
    # export
    ("fr", "export", "La fromagerie expédie désormais ses tommes vers le Japon."),
    ("fr", "export", "Le fabricant ouvre une filiale aux États-Unis."),
    ("en", "export", "The distillery has started shipping its gin to Canada."),
    ("en", "export", "The shoemaker is expanding into the Japanese market."),
]


@pytest.mark.parametrize(("language", "kind", "text"), WORDINGS)
def test_everyday_wordings(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language))


# Sentences that use the same words without reporting the event.
NOT_EVENTS = [
    ("fr", "contract", "Les élus attendent les résultats de l'appel d'offres régional."),
    ("en", "contract", "The council will publish a call for tenders in the spring."),
    ("fr", "fundraising", "Optiwave dément préparer une levée de fonds."),
    ("en", "acquisition", "Optiwave could buy a rival if prices fall, analysts say."),
    ("fr", "closure", "La direction n'envisage pas de fermer l'usine de Brest."),
    ("en", "closure", "The company denied it would close the plant."),
]


@pytest.mark.parametrize(("language", "kind", "text"), NOT_EVENTS)
def test_denials_hypotheses_and_calls_are_not_events(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language))


def company_of(events: list[dict[str, object]], kind: str) -> object:
    [event] = [e for e in events if e["type"] == kind]
    return event["siren"]


ATTRIBUTIONS = [
    # the subject, with another registry company as the object
    ("fr", "acquisition", "Les Forges de Lorval rachètent les Menuiseries Kervan.", LORVAL),
    ("en", "acquisition", "Forges de Lorval has acquired Menuiseries Kervan.", LORVAL),
    # passive and noun: the buyer, after par/by
    ("fr", "acquisition", "Les Menuiseries Kervan ont été rachetées par Optiwave.", OPTIWAVE),
    ("fr", "acquisition", "Le rachat des Menuiseries Kervan par Optiwave est bouclé.", OPTIWAVE),
    ("en", "acquisition", "Menuiseries Kervan was acquired by Optiwave for €8m.", OPTIWAVE),
    # a complement ("auprès de", "from") is not the subject
    ("en", "contract", "Optiwave won a €3m order from Forges de Lorval.", OPTIWAVE),
    # a customer gives a contract: it goes to the supplier named after the verb
    ("fr", "contract", "Lorval attribue à Optiwave un marché de 2 millions d'euros.", OPTIWAVE),
    ("en", "contract", "Forges de Lorval awarded Optiwave a £2m contract.", OPTIWAVE),
    # the subject of a relative clause's antecedent, not the company inside the clause
    (
        "fr",
        "fundraising",
        "Optiwave, fournisseur des Forges de Lorval, lève 5 millions d'euros.",
        OPTIWAVE,
    ),
]


@pytest.mark.parametrize(("language", "kind", "text", "siren"), ATTRIBUTIONS)
def test_the_event_goes_to_the_subject(
    registry_enricher: Enricher, language: str, kind: str, text: str, siren: str
) -> None:
    assert company_of(events_of(registry_enricher, text, language), kind) == siren


def test_a_partnership_is_news_of_both_partners(registry_enricher: Enricher) -> None:
    """Since session 13 (partners.py) the partner joined by "avec" shares the event."""
    text = "Optiwave noue un partenariat avec les Forges de Lorval."
    events = events_of(registry_enricher, text, "fr")
    assert {e["siren"] for e in events if e["type"] == "partnership"} == {OPTIWAVE, LORVAL}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le groupe suédois Nordhem rachète les Menuiseries Kervan."),
        ("en", "Swedish group Nordhem has agreed to buy Menuiseries Kervan."),
    ],
)
def test_a_subject_outside_the_registry_keeps_its_event(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    """The buyer is not in the registry: the takeover is not the target's event."""
    events = [e for e in events_of(registry_enricher, text, language) if e["type"] == "acquisition"]
    assert events and all(e["siren"] != KERVAN for e in events)


BACKGROUND = [
    ("fr", "fundraising", "Optiwave, qui avait levé 4 millions d'euros l'an dernier, recrute."),
    ("fr", "fundraising", "En 2019, Optiwave a levé 2 millions d'euros auprès de ses clients."),
    ("fr", "acquisition", "Les Forges de Lorval avaient précédemment racheté un laminoir."),
    ("fr", "investment", "L'entreprise a déjà investi 3 millions d'euros dans son usine."),
    ("en", "fundraising", "Optiwave, which raised €4m last year, is now hiring."),
    ("en", "acquisition", "Forges de Lorval had previously bought a rolling mill."),
    ("en", "investment", "The company is already building a €9m plant near Grenoble."),
    ("en", "fundraising", "Optiwave raised €3m in 2019 from its first customers."),
]


@pytest.mark.parametrize(("language", "kind", "text"), BACKGROUND)
def test_background_facts_are_not_news(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    title = "Optiwave : le point sur l'activité" if language == "fr" else "Optiwave update"
    assert kind not in types(events_of(registry_enricher, text, language, title=title))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Optiwave a levé 6 millions d'euros en mars auprès de deux fonds."),
        ("en", "Optiwave raised €6m in March from two funds."),
    ],
)
def test_a_month_before_the_articles_is_background_unless_in_the_title(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    june, march = datetime(2026, 6, 10, tzinfo=UTC), datetime(2026, 3, 20, tzinfo=UTC)
    neutral = "Optiwave : les capteurs" if language == "fr" else "Optiwave's sensors"
    # Written in June about March: background; written in March: the news itself.
    assert "fundraising" not in types(
        events_of(registry_enricher, text, language, title=neutral, published=june)
    )
    assert "fundraising" in types(
        events_of(registry_enricher, text, language, title=neutral, published=march)
    )
    # The article is about it when its title says so.
    assert "fundraising" in types(
        events_of(registry_enricher, "Détails.", language, title=text, published=june)
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Optiwave emploie déjà 40 personnes et va recruter 25 techniciens."),
        ("en", "Optiwave, which already employs 40 people, will hire 25 technicians."),
        ("fr", "Optiwave recrutera 25 techniciens en 2027."),
    ],
)
def test_past_words_elsewhere_in_the_sentence_do_not_hide_news(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    assert "hiring" in types(events_of(registry_enricher, text, language))
