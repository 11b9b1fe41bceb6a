"""Issue 14 (parts 3, 4 and 6): places found on the text in any language, declared
languages checked against the text, registry companies labelled as companies.

Every text here was written for these tests (none comes from the tuning set)."""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher, EnrichmentResult
from myrtille.enrichment.placenames import default_matcher
from myrtille.enrichment.registry import CompanyRecord
from myrtille.index.base import IndexedDocument
from myrtille.index.matching import field_values
from myrtille.web.ui.documents import highlighted
from tests.enrichment.test_enricher import REGISTRY


def enrich(enricher: Enricher, title: str, text: str, language: str | None) -> EnrichmentResult:
    [result] = enricher.enrich([DocumentInput("t1", title, text, language)])
    assert result.error is None, result.error
    return result


# -- places in any language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "region", "department"),
    [
        (
            "Cable maker adds a shift",
            "A Rennes-headquartered cable maker is adding a night shift to keep up with "
            "orders from wind farm builders, its chief operating officer said.",
            "53",
            "35",
        ),
        (
            "Packaging group expands",
            "The Limoges-based packaging group bought a disused warehouse to store "
            "cardboard, and will hire twelve forklift drivers by the summer.",
            "75",
            "87",
        ),
        (
            "Robotics start-up raises funds",
            "Investors backed a start-up from near Besançon that builds welding robots; "
            "the founders previously worked for a car supplier in the Doubs.",
            "27",
            "25",
        ),
    ],
)
def test_english_adjectival_and_prepositional_places(
    enricher: Enricher, title: str, text: str, region: str, department: str
) -> None:
    result = enrich(enricher, title, text, "en")
    assert region in result.regions and department in result.departments
    # ...and so a subscription to the territory matches the document.
    values = field_values(_indexed(result, title, text))
    assert region in values["region"] and department in values["dept"]


def test_french_elisions_and_hyphenated_names(enricher: Enricher) -> None:
    title = "Une fromagerie d'Aurillac agrandit sa cave"
    text = (
        "La coopérative laitière, qui collecte le lait de l'Aveyron et du Cantal, "
        "investit trois millions d'euros. Un sous-traitant d'Angers fournira les "
        "rayonnages."
    )
    result = enrich(enricher, title, text, "fr")
    assert {"15", "12"} <= set(result.departments)
    assert {"84", "76"} <= set(result.regions)
    # "d'Angers" is read too, though a supplier's town named once beside a subject this
    # strong is left out of the document's places (tests/enrichment/test_place_traps.py).
    found = default_matcher().find(f"{title}\n\n{text}", title_end=len(title))
    assert {n.place.department for n in found} >= {"15", "12", "49"}


def test_a_region_inside_a_commune_name_or_a_compound_is_no_place(enricher: Enricher) -> None:
    result = enrich(
        enricher,
        "Chantier naval : commande record",
        "Le chantier de Châteaubriant-sur-Brière a signé une commande. Le fournisseur de "
        "Montoir-de-Bretagne livrera les tôles depuis la zone portuaire.",
        "fr",
    )
    assert "53" not in result.regions  # "-de-Bretagne" is part of a commune's name


@pytest.mark.parametrize(
    ("title", "text", "language", "absent", "present"),
    [
        (  # Orange the telecom operator, not the town of Vaucluse (84)
            "Fibre : nouveau contrat",
            "L'opérateur Orange Business a signé un contrat de fibre avec une PME "
            "lyonnaise installée à Villeurbanne.",
            "fr",
            "84",
            "69",
        ),
        (  # Laval the person, not the town of Mayenne (53)
            "Nomination chez un équipementier",
            "Le conseil d'administration a nommé Sophie Laval au poste de directrice "
            "financière. L'équipementier emploie 300 personnes à Grenoble.",
            "fr",
            "53",
            "38",
        ),
        (  # "Nice" the English adjective at the head of a sentence, "tours" the noun
            "Factory visits",
            "Nice weather helped the open day. Guided tours of the Dijon plant drew "
            "four hundred visitors, the mustard maker said.",
            "en",
            "06",
            "21",
        ),
        (  # "Tours" capitalised as a noun at the head of a French sentence
            "Tourisme industriel",
            "Tours guidés, ateliers et dégustations : la distillerie de Cognac ouvre ses "
            "chais au public à Saintes, en Charente-Maritime.",
            "fr",
            "37",
            "17",
        ),
    ],
)
def test_ambiguous_names_need_context(
    enricher: Enricher, title: str, text: str, language: str, absent: str, present: str
) -> None:
    result = enrich(enricher, title, text, language)
    assert absent not in result.departments
    assert present in result.departments


@pytest.mark.parametrize(
    ("text", "language", "department"),
    [
        ("Le sous-traitant installé à Laval recrute quarante soudeurs.", "fr", "53"),
        ("The Laval (Mayenne) plant is hiring forty welders.", "en", "53"),
        ("The cosmetics firm moved its laboratory to Nice last year.", "en", "06"),
        ("Le constructeur ouvre un atelier à Orange, dans le Vaucluse.", "fr", "84"),
    ],
)
def test_ambiguous_names_count_in_context(
    enricher: Enricher, text: str, language: str, department: str
) -> None:
    result = enrich(enricher, "Industrie", text, language)
    assert department in result.departments


# -- languages checked ----------------------------------------------------------------------


def test_a_wrong_declared_language_is_corrected(enricher: Enricher) -> None:
    result = enrich(
        enricher,
        "La conserverie reprend ses recrutements",
        "Après deux années difficiles, la conserverie familiale annonce qu'elle va "
        "embaucher une vingtaine d'opérateurs pour sa nouvelle ligne de production, "
        "financée en partie par la région et par ses clients de la grande distribution.",
        "en",  # the CMS template's <html lang="en">
    )
    assert result.language == "fr" and result.language_source == "corrected"
    english = enrich(
        enricher,
        "Cannery resumes hiring",
        "After two difficult years, the family-owned cannery says it will hire about "
        "twenty operators for its new production line, partly funded by the region.",
        "fr-FR",
    )
    assert english.language == "en" and english.language_source == "corrected"


def test_a_declared_language_is_kept_when_the_text_agrees_or_is_too_short(
    enricher: Enricher,
) -> None:
    agrees = enrich(
        enricher,
        "Cannery resumes hiring",
        "After two difficult years, the family-owned cannery says it will hire about "
        "twenty operators for its new production line.",
        "en-GB",
    )
    assert agrees.language == "en" and agrees.language_source == "declared"
    short = enrich(enricher, "Brève", "Usine rachetée.", "en")
    assert short.language == "en" and short.language_source == "declared"


# -- labels ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def place_named_company(enricher: Enricher) -> Enricher:
    """A registry company named after a region, which the NER takes for a place."""
    record = CompanyRecord(
        "902000011", "Bretagne Câbles", "902000011", (), None, "27.32Z", "29", "53", False
    )
    return Enricher(
        enricher.settings,
        [*REGISTRY, record],
        sectors=enricher.sector_lexicon,
        events=enricher.event_lexicon,
        models=enricher.models,
    )


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        (
            "Bretagne Câbles investit à Brest",
            "Bretagne Câbles va agrandir son usine de Brest. Bretagne Câbles emploie "
            "120 salariés dans le Finistère.",
            "fr",
        ),
        (
            "Bretagne Câbles expands in Brest",
            "Bretagne Câbles will extend its plant in Brest, where it employs 120 people.",
            "en",
        ),
    ],
)
def test_a_registry_company_is_labelled_a_company(
    place_named_company: Enricher, title: str, text: str, language: str
) -> None:
    result = enrich(place_named_company, title, text, language)
    assert "902000011" in {c["siren"] for c in result.companies}
    labels = {(e["field"], e["start"]): e["label"] for e in result.entities}
    assert labels[("title", 0)] == "ORG" and labels[("text", 0)] == "ORG"
    # The document page shows it as a company, in words...
    page = highlighted(title, result.entities, "title", "fr")
    assert page.startswith('<mark class="ent-ORG" title="Entreprise">Bretagne Câbles</mark>')
    # ...and the org: facet lists it, not the place: facet.
    values = field_values(_indexed(result, title, text))
    assert "bretagne cables" in values["org"] and "bretagne cables" not in values["place"]


def _indexed(result: EnrichmentResult, title: str, text: str) -> IndexedDocument:
    return IndexedDocument(
        id=result.document_id,
        url="https://news.example/1",
        source="s",
        title=title,
        text=text,
        language=result.language,
        entities=result.entities,
        companies=result.companies,
        sectors=[s["code"] for s in result.sectors],
        events=result.events,
        regions=result.regions,
        departments=result.departments,
    )
