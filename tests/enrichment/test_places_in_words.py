"""Issue 14 (parts 3 and 5): places said by their inhabitants' names, small communes,
rivers, passing mentions, and sectors said in words, in French and English.

Every text here was written for these tests (none comes from the tuning set)."""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher, EnrichmentResult
from myrtille.enrichment.geography import Gazetteer
from myrtille.enrichment.placenames import default_matcher


def enrich(enricher: Enricher, title: str, text: str, language: str) -> EnrichmentResult:
    [result] = enricher.enrich([DocumentInput("w1", title, text, language)])
    assert result.error is None, result.error
    return result


# -- demonyms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "language", "regions", "departments"),
    [
        (
            "Le biscuitier rennais Galettor double sa production",
            "L'entreprise investit quatre millions d'euros dans une ligne de cuisson. Les "
            "Rennais la connaissent pour ses galettes au beurre salé.",
            "fr",
            {"53"},
            {"35"},
        ),
        (
            "Une coopérative normande rachète une laiterie",
            "La coopérative reprend la laiterie et ses 60 salariés. Les éleveurs normands "
            "y livreront leur lait dès le mois prochain.",
            "fr",
            {"28"},
            set(),
        ),
        (
            # Prefectures' inhabitants' names that no suffix gives (build_demonyms.py).
            "Le chocolatier strasbourgeois Kessler ouvre une boutique",
            "La maison, fondée en 1952, emploiera six vendeuses. Sa nouvelle boutique ouvrira "
            "en mars.",
            "fr",
            {"44"},
            {"67"},
        ),
        (
            "Un transporteur ajaccien commande dix autocars",
            "La compagnie renouvelle sa flotte pour 3 millions d'euros. Les élus rochelais "
            "ont visité ses ateliers en octobre.",
            "fr",
            {"94", "75"},
            {"2A", "17"},
        ),
        (
            "Alsatian winemakers hit by hail",
            "Hailstorms destroyed a fifth of the harvest in several Alsatian villages, the "
            "growers' union said on Monday.",
            "en",
            {"44"},
            set(),
        ),
        (
            "Parisian bakery chain opens 20 shops",
            "The Parisian chain will open twenty bakeries by the end of the year and hire "
            "140 people, its founder said.",
            "en",
            {"11"},
            {"75"},
        ),
    ],
)
def test_inhabitants_names_give_their_place(
    enricher: Enricher,
    title: str,
    text: str,
    language: str,
    regions: set[str],
    departments: set[str],
) -> None:
    result = enrich(enricher, title, text, language)
    assert set(result.regions) == regions and set(result.departments) == departments


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        (
            "Nomination chez un fabricant de meubles",
            "Le conseil d'administration a nommé Julie Normand directrice générale. "
            "Normand dirigeait jusqu'ici les achats du groupe.",
            "fr",
        ),
        (
            "Furniture maker names new chief",
            "The board appointed Daniel Breton as chief executive. Breton previously ran "
            "the group's purchasing department.",
            "en",
        ),
    ],
)
def test_an_inhabitants_name_in_a_persons_name_is_no_place(
    enricher: Enricher, title: str, text: str, language: str
) -> None:
    result = enrich(enricher, title, text, language)
    assert result.regions == [] and result.departments == []


# -- small communes -------------------------------------------------------------------------


def test_small_communes_with_a_cue_a_bracket_or_a_neighbour() -> None:
    matcher = default_matcher()

    def found(text: str) -> set[tuple[str, str | None]]:
        return {(n.place.code, n.place.department) for n in matcher.find(text)}

    # One commune of that name, after a cue, in either language.
    assert ("41106", "41") in found("L'usine de confitures installée à Lamotte-Beuvron ferme.")
    assert ("41106", "41") in found("The jam factory in Lamotte-Beuvron is closing.")
    # Two Bazancourts (Marne, Oise): the department in brackets, or a neighbour, decides.
    assert ("51043", "51") in found("La sucrerie de Bazancourt (Marne) embauche.")
    assert ("60049", "60") in found("Un hangar agricole à Bazancourt (Oise) a brûlé.")
    assert ("51043", "51") in found("Une bioraffinerie à Bazancourt, près de Reims.")
    assert found("Une bioraffinerie à Bazancourt va ouvrir.") == set()
    # A hamlet named like a first name or written in capitals is not taken after a cue.
    assert found("Le prix a été remis à Marie lors de la cérémonie.") == set()
    assert found("Exports to the EU rose; in EU markets prices fell.") == set()
    # No cue, no bracket, no neighbour: the name alone is not enough.
    assert found("Lamotte-Beuvron reste une commune rurale.") == set()


def test_the_gazetteer_knows_every_commune_by_its_code() -> None:
    gazetteer = Gazetteer.default()
    assert gazetteer.by_code("commune:41106") is not None
    assert len(gazetteer.small) > 30_000


# -- rivers, compass points abroad, one-department regions ---------------------------------


@pytest.mark.parametrize(
    ("title", "text", "language", "departments"),
    [
        (
            "Valence : un chantier de bateaux électriques",
            "À Valence (Drôme), dans la vallée du Rhône, un chantier construit des bateaux "
            "de promenade électriques.",
            "fr",
            {"26"},
        ),
        (
            "Amiens : un biscuitier exporte",
            "Le biscuitier d'Amiens exporte désormais vers l'Afrique du Nord.",
            "fr",
            {"80"},
        ),
        (
            "Hydro plant on the Rhône to be upgraded",
            "The operator will replace the turbines of its plant on the Rhône at Montélimar, "
            "in the Drôme, by 2029.",
            "en",
            {"26"},
        ),
        (
            "Martinique : une distillerie passe au solaire",
            "La distillerie installe des panneaux solaires en Martinique.",
            "fr",
            {"972"},
        ),
    ],
)
def test_rivers_and_compass_points_are_no_departments(
    enricher: Enricher, title: str, text: str, language: str, departments: set[str]
) -> None:
    assert set(enrich(enricher, title, text, language).departments) == departments


# -- passing mentions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "language", "regions"),
    [
        (
            "Nancy : un fabricant de radiateurs embauche",
            "Le fabricant de radiateurs va recruter 50 soudeurs dans son usine de Nancy.\n\n"
            "La direction, installée à Paris, prévoit aussi une nouvelle ligne. Un client "
            "lyonnais a déjà passé commande.",
            "fr",
            {"44"},
        ),
        (
            "Grenoble sensor maker to double its staff",
            "The Grenoble company will hire 40 engineers this year.\n\n"
            "It showed its sensors at a trade fair in Paris last week and has a customer in "
            "Lille.",
            "en",
            {"84"},
        ),
        (
            "Paris : les hôtels affichent complet",
            "Les hôtels de Paris affichent complet pour le salon.\n\nDes visiteurs "
            "viennent aussi de Lyon.",
            "fr",
            {"11"},
        ),
        (
            "Les ports de Bretagne et de Normandie investissent",
            "Les ports investissent dans le froid.\n\nEn Bretagne et en Normandie, les "
            "criées modernisent leurs quais.",
            "fr",
            {"53", "28"},
        ),
    ],
)
def test_a_place_named_once_in_passing_is_not_the_subject(
    enricher: Enricher, title: str, text: str, language: str, regions: set[str]
) -> None:
    assert set(enrich(enricher, title, text, language).regions) == regions


# -- sectors said in words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "language", "sector"),
    [
        (
            "Concarneau : la criée s'agrandit",
            "Les mareyeurs de la criée réclamaient plus de place. Le poisson débarqué par "
            "les pêcheurs sera désormais trié sous un hangar réfrigéré.",
            "fr",
            "agrifood",
        ),
        (
            "New ro-pax ship for Channel route",
            "The ferry operator ordered a ro-pax vessel for its cross-channel service; the "
            "ship will also carry freight trailers.",
            "en",
            "transport",
        ),
        (
            "Jura : la centrale hydroélectrique de Vouglans modernisée",
            "L'exploitant remplace les turbines du barrage, qui alimente 60 000 foyers.",
            "fr",
            "energy",
        ),
    ],
)
def test_a_sector_said_in_words(
    enricher: Enricher, title: str, text: str, language: str, sector: str
) -> None:
    assert sector in {s["code"] for s in enrich(enricher, title, text, language).sectors}
