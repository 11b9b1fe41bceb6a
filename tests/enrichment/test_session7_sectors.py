"""Sector recall on text nobody tuned for (issue 14, session 7).

- French plurals: a term also matches its regular plural on the folded text, where the
  lemmatizer leaves a plural as written ("Parfums Delorme", "Activité : Hélicoptères";
  `sector_forms.pluriel`).
- The activity labels of the NAF rev. 2 nomenclature (and of its English counterpart,
  NACE / SIC 2007) name their sector: notices and registers state a firm's trade in those
  words ("Activité : restauration traditionnelle", "Nature of business: electrical
  installation"), and the press borrows them ("une entreprise de génie climatique").

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.sector_forms import pluriel
from tests.enrichment.enriching import sector_codes


def test_french_plurals_of_a_term() -> None:
    assert pluriel("parc eolien") == ["parcs eoliens", "parcs eolien", "parc eoliens"]
    assert pluriel("reseau de chaleur") == [
        "reseaux de chaleurs",
        "reseaux de chaleur",
        "reseau de chaleurs",
    ]
    assert pluriel("telecommunication") == ["telecommunications"]
    assert pluriel("mais") == []


# (sector, title, text): a French brief whose only sector term is a plural the lemmatizer
# leaves as written (a capitalised firm name).
PLURALS: list[tuple[str, str, str]] = [
    (
        "textile_luxury",
        "Grasse : Parfums Delorme agrandit son atelier",
        "La maison Parfums Delorme, installée depuis 1952 sur les hauteurs de Grasse, va "
        "doubler la surface de son atelier de composition et embaucher six personnes.",
    ),
]

# (sector, language, title, text): a notice or a brief stating a firm's trade in the words
# of the nomenclature, and naming no other sector.
LABELS: list[tuple[str, str, str, str]] = [
    (
        "tourism",
        "fr",
        "Annonce légale - Constitution - LE PETIT QUAI",
        "Avis de constitution. Dénomination : LE PETIT QUAI. Forme : SARL au capital de "
        "8 000 euros. Siège : 4 rue des Halles, 56100 Lorient. Activité : restauration "
        "traditionnelle, vente à emporter. Gérance : M. Yann Le Dréau.",
    ),
    (
        "construction",
        "fr",
        "Annonce légale - Cession de fonds",
        "Suivant acte du 2 novembre, la SARL Atelier Morvan a cédé à la SAS Thermi'Ouest un "
        "fonds de commerce de génie climatique et d'installation d'équipements thermiques "
        "exploité à Vannes, moyennant le prix de 95 000 euros.",
    ),
    (
        "construction",
        "fr",
        "Saint-Brieuc : Armor Élec reprise par ses salariés",
        "Spécialisée dans les installations électriques des bâtiments tertiaires, la PME "
        "briochine Armor Élec passe sous le contrôle de ses douze salariés.",
    ),
    (
        "energy",
        "fr",
        "BODACC A - Immatriculation",
        "Dénomination : VOLTALIS ENERGIE LOCALE. Forme : SAS. Activité : commerce "
        "d'électricité et conseil aux collectivités. Adresse : 2 place Carnot, 21000 Dijon.",
    ),
    (
        "transport",
        "fr",
        "Rennes : les Déménagements Guivarc'h changent de mains",
        "La société de services de déménagement Guivarc'h, fondée en 1968, a été rachetée "
        "par son directeur d'exploitation. Elle emploie 23 personnes.",
    ),
    (
        "tourism",
        "en",
        "Notice of appointment of administrators - The Anchor Taverns Ltd",
        "The Anchor Taverns Ltd (company number 11873355). Nature of business: public "
        "houses and bars. Date of appointment: 14 November. Administrators: J. Clarke and "
        "P. Osei, of Clarke Osei LLP.",
    ),
    (
        "construction",
        "en",
        "Notice of winding up - Brightwire Installations Ltd",
        "Brightwire Installations Ltd. Principal activity: electrical installation. "
        "Registered office: 12 Mill Lane, Leeds. A petition to wind up the company was "
        "presented on 3 November.",
    ),
    (
        "energy",
        "en",
        "Notice of incorporation - Solent Power Supply Ltd",
        "Solent Power Supply Ltd was incorporated on 1 October. Nature of business: trade "
        "of electricity. Directors: A. Hale and M. Dunne.",
    ),
    (
        "agrifood",
        "en",
        "Devon ice cream maker changes hands",
        "Moorview Ices, a family-run ice cream maker near Totnes, has been sold to "
        "its production manager, who plans to keep all 14 staff.",
    ),
]

# (sector, language, title, text): everyday trade words, each the text's only sector term.
WORDS: list[tuple[str, str, str, str]] = [
    (
        "digital",
        "en",
        "Grenoble electronics maker hires 40",
        "Valtronic Alpes, a Grenoble electronics maker, will take on 40 technicians this "
        "winter after winning orders from two German clients.",
    ),
    (
        "energy",
        "fr",
        "Le distributeur de gaz Régaz-Sud change de président",
        "Le distributeur de gaz Régaz-Sud a nommé Claire Montel à sa présidence. Elle "
        "succède à Henri Baudouin, parti à la retraite.",
    ),
    (
        "construction",
        "en",
        "Window maker Brightframe expands in Wales",
        "Brightframe, a window maker based in Newport, is adding a second production hall "
        "and 25 jobs.",
    ),
]


@pytest.mark.parametrize(("sector", "title", "text"), PLURALS, ids=[c[1] for c in PLURALS])
def test_a_french_plural_left_as_written(
    enricher: Enricher, sector: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, "fr", title, text) == {sector}


@pytest.mark.parametrize(
    ("sector", "language", "title", "text"), LABELS, ids=[c[2] for c in LABELS]
)
def test_the_nomenclatures_activity_words(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), WORDS, ids=[c[2] for c in WORDS])
def test_everyday_trade_words(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}
