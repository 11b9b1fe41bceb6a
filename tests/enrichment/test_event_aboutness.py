"""What a document is about (issue 14, aboutness.py): a contract lost, a project shelved or
a takeover still negotiated is no event of its kind; a leader elected at the head of a trade
body heads no firm; what is feared has not happened; a distribution deal with a seller
abroad is an export, not a partnership; the plant or building a contract won is for is the
buyer's project, not the supplier's investment.

Every text here was written for these tests (none comes from the tuning, validation or
held-out sets); the companies are invented and put in a registry of their own.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord("900000801", "Brastelle", "900000801", (), None, "49.41A", "21", "27", False),
    CompanyRecord("900000802", "Ondival", "900000802", (), None, "20.16Z", "60", "32", False),
    CompanyRecord("900000803", "Corvenne", "900000803", (), None, "30.11Z", "56", "53", False),
    CompanyRecord("900000804", "Saluzet", "900000804", (), None, "15.20Z", "26", "84", False),
    CompanyRecord("900000805", "Terbaud", "900000805", (), None, "42.11Z", "49", "52", False),
]

# (language, title, text, types expected, types not expected)
CASES = [
    # ---- a contract lost
    (
        "fr",
        "Brastelle ferme son entrepôt de Chenôve",
        "Le transporteur Brastelle fermera fin mars son entrepôt de Chenôve, après la perte "
        "d'un contrat de logistique avec une enseigne de bricolage. Les 30 salariés seront "
        "reclassés à Beaune.",
        {"closure"},
        {"contract"},
    ),
    (
        "en",
        "Brastelle to close Chenôve warehouse",
        "Haulier Brastelle will close its warehouse in Chenôve at the end of March after "
        "losing a logistics contract with a DIY retailer. The 30 staff will move to Beaune.",
        {"closure"},
        {"contract"},
    ),
    # ---- a project put on hold
    (
        "en",
        "Ondival freezes plant expansion, signs research deal",
        "Ondival, the Compiègne resin maker, has put on hold a planned €25m extension of its "
        "plant, blaming weak orders from boat builders. It has also signed a research "
        "partnership with a university laboratory in Amiens.",
        {"partnership"},
        {"investment"},
    ),
    (
        "fr",
        "Ondival met en pause son projet d'usine",
        "Le fabricant de résines Ondival a mis en pause l'extension de son usine de "
        "Compiègne, un projet de 25 millions d'euros, faute de commandes suffisantes. Il a "
        "en revanche signé un partenariat de recherche avec un laboratoire d'Amiens.",
        {"partnership"},
        {"investment"},
    ),
    # ---- a takeover still being negotiated
    (
        "en",
        "Corvenne in exclusive talks for Lorient yard",
        "Corvenne, the Vannes builder of fishing boats, has entered exclusive negotiations to "
        "acquire Chantiers du Blavet, a 60-employee shipyard in Lorient, two people close to "
        "the talks said. Nothing has been signed.",
        set(),
        {"acquisition"},
    ),
    (
        "fr",
        "Corvenne en négociations exclusives pour un chantier lorientais",
        "Le constructeur vannetais Corvenne est entré en négociations exclusives pour racheter "
        "un chantier naval de Lorient de 60 salariés, selon deux sources proches du dossier. "
        "Rien n'est encore signé.",
        set(),
        {"acquisition"},
    ),
    # ---- a trade body's new head
    (
        "fr",
        "Valence : Paul Saluzet élu à la tête de la fédération du commerce",
        "Le chausseur valentinois Paul Saluzet a été élu président de la fédération "
        "départementale du commerce de la Drôme. Il veut peser sur le plan de circulation du "
        "centre-ville.",
        set(),
        {"leadership"},
    ),
    (
        "en",
        "Shoemaker Paul Saluzet to lead Drôme chamber of commerce",
        "Valence shoemaker Paul Saluzet has been elected president of the Drôme chamber of "
        "commerce. He wants the town to review its parking charges.",
        set(),
        {"leadership"},
    ),
    # ---- a distribution deal abroad
    (
        "fr",
        "Saluzet chausse les Italiens",
        "Le chausseur drômois Saluzet a signé un accord de distribution exclusive avec un "
        "grand magasin de Turin, en Italie, où ses bottines seront vendues dès le printemps.",
        {"export"},
        {"partnership"},
    ),
    (
        "en",
        "Saluzet shoes head to Italy",
        "Drôme shoemaker Saluzet has signed a distribution agreement with a department store "
        "in Turin, Italy, which will sell its boots from the spring.",
        {"export"},
        {"partnership"},
    ),
    # ---- the work a contract is for
    (
        "fr",
        "Terbaud décroche le gros œuvre du futur lycée de Cholet",
        "La région a attribué à l'entreprise de travaux publics Terbaud le lot gros œuvre du "
        "futur lycée de Cholet, un marché de 18 millions d'euros.\n\nLa construction du "
        "bâtiment doit démarrer en avril, pour une mise en service de l'établissement prévue "
        "à la rentrée 2028.",
        {"contract"},
        {"investment"},
    ),
    (
        "en",
        "Terbaud wins Cholet school contract",
        "The regional council has awarded Terbaud, a civil engineering firm, an €18m contract "
        "to build the new secondary school in Cholet.\n\nConstruction is due to start in "
        "April and the school is expected to open in September 2028.",
        {"contract"},
        {"investment"},
    ),
]


# What is feared has not happened.
FEARED = [
    (
        "fr",
        "Brastelle ouvre une agence à Dole",
        "Le transporteur Brastelle a ouvert lundi une agence à Dole, dans le Jura. Ses "
        "chauffeurs redoutent la fermeture de l'usine Saluzet voisine, son premier client.",
        set(),
        {"closure"},
    ),
    (
        "en",
        "Brastelle opens Dole branch",
        "Haulier Brastelle opened a branch in Dole, in the Jura, on Monday. Hauliers in the area "
        "fear the closure of the Loue bridge during the works.",
        set(),
        {"closure"},
    ),
]

# Texts wrapped at a fixed width: a line break inside a sentence is no clause's end.
WRAPPED = [
    (
        "en",
        "Ondival shelves its Compiègne extension",
        "Ondival, the Compiègne resin maker, has put on hold a planned EUR 25m\nextension of "
        "its plant, blaming weak orders from boat builders.",
        set(),
        {"investment"},
    ),
    (
        "en",
        "Brastelle shuts Chenôve depot",
        "Haulier Brastelle is closing its depot in Chenôve, Côte-d'Or, on 31 March after losing "
        "the\nregion's school bus contract to a larger rival.",
        {"closure"},
        {"contract"},
    ),
    (
        "fr",
        "Éolien en mer : Terbaud fournira les fondations du parc de l'île d'Yeu",
        "Nantes — Terbaud a été retenue pour fabriquer les fondations du futur parc éolien "
        "au large de l'île d'Yeu, a annoncé lundi le consortium lauréat.\n\nLe contrat porte "
        "sur 40 millions d'euros. La mise en service du parc est attendue en 2030.",
        {"contract"},
        {"investment"},
    ),
]


@pytest.mark.parametrize(
    ("language", "title", "text", "expected", "unexpected"), CASES + FEARED + WRAPPED
)
def test_what_the_document_is_about(
    registry_enricher: Enricher,
    language: str,
    title: str,
    text: str,
    expected: set[str],
    unexpected: set[str],
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert expected <= found
    assert not unexpected & found


def test_a_distribution_partnership_is_both(registry_enricher: Enricher) -> None:
    """A deal the text calls a partnership stays one, and is an export too."""
    found = types(
        events_of(
            registry_enricher,
            "Saluzet has signed a distribution partnership with a department store in Turin, "
            "Italy, which will sell its boots from the spring.",
            "en",
            "Saluzet signs Italian distribution partnership",
        )
    )
    assert {"partnership", "export"} <= found


def test_the_suppliers_own_plant_stays(registry_enricher: Enricher) -> None:
    """A firm that wins a contract and builds a plant of its own for it reports both."""
    found = types(
        events_of(
            registry_enricher,
            "Terbaud a remporté un marché de 40 millions d'euros auprès de la SNCF. Pour "
            "l'honorer, l'entreprise investit 6 millions d'euros dans une nouvelle usine de "
            "préfabrication à Angers.",
            "fr",
            "Terbaud remporte un marché de la SNCF et construit une usine à Angers",
        )
    )
    assert {"contract", "investment"} <= found
