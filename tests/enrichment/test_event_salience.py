"""The events a document is about, not every event word in it (issue 14, salience.py): an
event told once deep in the body of an article whose title or lead reports another event is
a side remark; the title's and the lead's events, events developed over several sentences,
the jobs and new heads that follow the news, and the events of a feature whose top reports
none stay. Words that describe a firm rather than report an event ("une PME innovante",
"its R&D team", "overseas departments") report nothing anywhere.

Every text here was written for these tests (none comes from the tuning, validation or
held-out sets); the companies are invented and put in a registry of their own.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.event_salience_wordings import WORDING_CASES

REGISTRY = [
    CompanyRecord("900000301", "Morvelec", "900000301", (), None, "27.32Z", "18", "24", False),
    CompanyRecord(
        "900000302",
        "Câbleries d'Ardane",
        "900000302",
        ("Ardane",),
        None,
        "27.32Z",
        "18",
        "24",
        False,
    ),
    CompanyRecord("900000303", "Quenoa", "900000303", (), None, "26.51A", "44", "52", False),
    CompanyRecord(
        "900000304", "Kerlenn Naval", "900000304", ("Kerlenn",), None, "30.11Z", "29", "53", False
    ),
    CompanyRecord("900000305", "Oxalyne", "900000305", (), None, "72.11Z", "44", "52", False),
    CompanyRecord("900000306", "Tivolis", "900000306", (), None, "62.01Z", "35", "53", False),
]

# (language, title, text, event types the document is about, event types it only mentions)
CASES = [
    # ---- French: the title's event, a side event once deep in the body
    (
        "fr",
        "Morvelec rachète les Câbleries d'Ardane",
        "Le groupe berruyer Morvelec a finalisé le rachat des Câbleries d'Ardane, à Vierzon, "
        "pour un montant non communiqué.\n\nArdane, qui emploie 140 salariés, fabrique des "
        "câbles pour les parcs éoliens. Le site produit aussi des gaines pour le ferroviaire. "
        "L'entreprise travaille en partenariat avec plusieurs écoles d'ingénieurs de la région.",
        {"acquisition"},
        {"partnership"},
    ),
    (
        "fr",
        "La start-up nantaise Quenoa lève 8 millions d'euros",
        "Quenoa, qui conçoit des capteurs de qualité de l'air, a bouclé un tour de table de "
        "8 millions d'euros mené par un fonds régional.\n\nFondée en 2019, la société emploie "
        "25 personnes à Nantes. Ses capteurs équipent déjà des écoles et des bureaux. La jeune "
        "pousse mise sur un nouveau procédé de mesure des particules fines, mis au point avec "
        "un laboratoire de l'université.",
        {"fundraising"},
        {"innovation", "partnership"},
    ),
    (
        "fr",
        "Fermeture de l'usine de Tulle : 85 postes supprimés",
        "Le fabricant d'emballages Brossat va fermer son usine de Tulle d'ici juin, a annoncé "
        "la direction aux représentants du personnel.\n\nLa production sera regroupée à "
        "Brive, sur le site principal du groupe. Les salariés se verront proposer un "
        "reclassement. Le site de Brive dispose d'une ligne de production récente et de "
        "capacités de stockage importantes.",
        {"closure"},
        {"investment"},
    ),
    (
        "fr",
        "Nouveau directeur général chez le chaudronnier Talmont",
        "Le chaudronnier Talmont Industrie a nommé Claire Vasseur au poste de directrice "
        "générale. Elle remplace le fondateur, qui conserve la présidence du conseil.\n\n"
        "L'entreprise, installée près de Cholet, fabrique des cuves pour l'agroalimentaire. "
        "Elle réalise une partie de ses ventes à l'international, surtout en Belgique. Son "
        "bureau d'études travaille avec un consortium d'industriels sur le stockage de "
        "l'hydrogène.",
        {"leadership"},
        {"export", "partnership"},
    ),
    (
        "fr",
        "La fromagerie Bréval décroche un contrat avec une enseigne nationale",
        "La fromagerie Bréval, dans le Cantal, a signé un contrat de trois ans avec une "
        "enseigne de la grande distribution pour ses tommes et ses bleus.\n\nLa coopérative "
        "collecte le lait de 90 exploitations. Elle transforme chaque année 20 millions de "
        "litres. Depuis sa création, elle s'est dotée d'un outil industriel moderne et d'une "
        "cave d'affinage innovante.",
        {"contract"},
        {"innovation", "investment"},
    ),
    (
        "fr",
        "Le transporteur Galvan placé en redressement judiciaire",
        "Le tribunal de commerce de Poitiers a placé en redressement judiciaire les "
        "Transports Galvan, qui emploient 120 chauffeurs.\n\nL'entreprise souffre de la "
        "hausse du prix du gazole. Une période d'observation de six mois s'ouvre. Son "
        "dirigeant, qui doit prendre sa retraite l'an prochain, espère trouver un "
        "partenaire.",
        {"insolvency"},
        {"leadership"},
    ),
    # ---- English: the headline's event, a side event once deep in the body
    (
        "en",
        "Lyon valve maker Cordane bought by US group Halvern",
        "Halvern, an American industrial group, has agreed to buy Cordane, a Lyon-based maker "
        "of industrial valves, for an undisclosed sum.\n\nCordane employs 210 people at two "
        "sites near Lyon. Its valves are used in chemical plants and water networks. The "
        "company has a long-standing partnership with a local engineering school.",
        {"acquisition"},
        {"partnership"},
    ),
    (
        "en",
        "Kerlenn Naval wins €40m navy contract",
        "Brest shipyard Kerlenn Naval has won a €40m contract to build four patrol boats for "
        "the French navy.\n\nThe yard employs 300 people. Its hulls are made of aluminium. "
        "Kerlenn is known for innovation in hull design and fuel-efficient propulsion.",
        {"contract"},
        {"innovation"},
    ),
    (
        "en",
        "Nantes biotech Oxalyne raises €15m",
        "Oxalyne, which develops treatments for rare kidney diseases, has raised €15m from a "
        "group of specialist investors.\n\nThe company was founded in 2020 by two "
        "researchers. Its research and development team is based in Saint-Herblain. Most of "
        "its staff hold doctorates.",
        {"fundraising"},
        {"innovation"},
    ),
    (
        "en",
        "Caen dairy Lactaline to close its Vire plant",
        "Lactaline will close its plant in Vire at the end of March, the Caen-based dairy "
        "group said on Tuesday.\n\nProduction will move to its other sites in Normandy. The "
        "group's largest plant, in Saint-Lô, runs three production lines for butter and "
        "cream.",
        {"closure"},
        {"investment"},
    ),
    (
        "en",
        "Rennes software firm Tivolis names new chief executive",
        "Tivolis has appointed Marc Le Goff as chief executive, replacing its co-founder.\n\n"
        "The firm sells billing software to regional banks. Several of its customers belong "
        "to a consortium of mutual insurers. It employs 90 people in Rennes.",
        {"leadership"},
        {"partnership"},
    ),
    (
        "en",
        "Limoges porcelain maker Aubrac enters receivership",
        "Aubrac, a Limoges porcelain maker founded in 1898, has been placed in receivership "
        "by the local commercial court.\n\nThe company employs 60 people. Demand for its "
        "tableware has fallen. The firm sells part of its output to hotels in the French "
        "overseas departments.",
        {"insolvency"},
        {"export"},
    ),
    # ---- the news told in the body: a feature whose top reports no event
    (
        "fr",
        "À Cholet, la chaussure reprend des couleurs",
        "Le fabricant Pelletan va investir 6 millions d'euros dans un nouvel atelier de "
        "piqûre à Cholet.\n\nLa marque vend ses mocassins dans 200 boutiques. Elle recrutera "
        "40 personnes d'ici l'été.",
        {"investment", "hiring"},
        set(),
    ),
    (
        "en",
        "A quiet revolution in Alsace's breweries",
        "Craft beer is changing the way Alsace drinks.\n\nIn Schiltigheim, the brewer Hoppel "
        "is investing €12m in a new brewhouse that will triple its capacity. The project "
        "will create 30 jobs.",
        {"investment", "hiring"},
        set(),
    ),
    (
        "fr",
        "Les vergers de la Drôme face au gel",
        "Le gel de la semaine dernière a détruit une partie des fleurs d'abricotiers.\n\nLa "
        "coopérative Valdrôme a annoncé la fermeture de sa station de conditionnement de "
        "Loriol. Cette fermeture entraînera la suppression de 22 postes.",
        {"closure"},
        set(),
    ),
    # ---- an event developed over several sentences is the news wherever it is
    (
        "en",
        "Tivolis reports record year",
        "Tivolis posted record revenue last year, driven by new bank customers.\n\nThe "
        "Rennes firm also said it is opening an office in Montreal. The Montreal office "
        "will serve banks in Quebec, and a second subsidiary in Toronto should follow, "
        "the company expects, as it expands into North America.",
        {"export"},
        set(),
    ),
    # ---- follow-ups: the jobs and the new head that come with the news
    (
        "fr",
        "Morvelec investit 20 millions d'euros à Bourges",
        "Morvelec va investir 20 millions d'euros dans une nouvelle usine de transformateurs "
        "à Bourges.\n\nLe bâtiment de 12 000 mètres carrés sera livré fin 2027. L'entreprise "
        "recrutera 80 techniciens et opérateurs.",
        {"investment", "hiring"},
        set(),
    ),
    (
        "en",
        "Halvern completes takeover of Cordane",
        "Halvern has completed its acquisition of Cordane, the Lyon valve maker.\n\nThe "
        "American group will keep the Cordane brand. Sophie Arnaud, its head of European "
        "operations, has been appointed chief executive of Cordane.",
        {"acquisition", "leadership"},
        set(),
    ),
]
# Then the cases about wording, kept in their own module (same tuple, same order).
CASES += WORDING_CASES


def event_types(enricher: Enricher, title: str, text: str, language: str) -> set[str]:
    [result] = enricher.enrich([DocumentInput("d1", title, text, language)])
    assert result.error is None, result.error
    return {str(e["type"]) for e in result.events}


@pytest.mark.parametrize(
    ("language", "title", "text", "news", "passing"),
    CASES,
    ids=[f"{c[0]}-{c[1][:40]}" for c in CASES],
)
def test_events_the_document_is_about(
    registry_enricher: Enricher,
    language: str,
    title: str,
    text: str,
    news: set[str],
    passing: set[str],
) -> None:
    found = event_types(registry_enricher, title, text, language)
    assert news <= found, f"missed {news - found} in {found}"
    assert not found & passing, f"reported {found & passing}, mentioned in passing"
