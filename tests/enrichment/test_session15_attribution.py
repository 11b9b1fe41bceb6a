"""Which company an event belongs to (session 15): a subsidiary, not its parent.

- "The subsidiary", "la filiale", "la nouvelle filiale" as the subject ("To meet the
  volumes, the subsidiary's board signed off on …") is the firm the document introduced as
  a subsidiary, also after its name ("X, the group's production subsidiary", "X, la filiale
  du groupe Y"), not the parent the article is about (anaphora.created_firm).
- A subsidiary whose name runs on past the registry's name it bears ("a créé une filiale,
  Morvan Antilles") is a firm of its own: "la nouvelle filiale recrute" is not the parent's
  (anaphora._longer_name).
- A title naming the group over a lead whose first firm, in its second sentence, is the
  subsidiary bearing the group's name ("Calais : Batterix lance 200 recrutements" over "…
  Batterix Calais, la filiale du groupe, cherche à recruter …") is the subsidiary's news
  (units._lead_subsidiary; session 13 asked the firm to open the lead).

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Each case fails with its rule switched off; the guards pass either way.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import batch_events, registry_firm

BATTERIX = "900015001"
BATTERIX_CALAIS = "900015002"
MORVAN = "900015003"
TRELAN = "900015004"

REGISTRY = [
    registry_firm(BATTERIX, "Batterix SAS", ("Batterix",), "27.20Z", "59", "32"),
    registry_firm(
        BATTERIX_CALAIS, "Batterix Calais SAS", ("Batterix Calais",), "27.20Z", "62", "32"
    ),
    registry_firm(
        MORVAN, "Laboratoires Morvan SA", ("Laboratoires Morvan", "Morvan"), "21.20Z", "37", "24"
    ),
    registry_firm(
        TRELAN, "Trélan Industrie SAS", ("Trélan Industrie", "Trélan"), "28.29B", "44", "52"
    ),
]

# (language, title, text, kind, the firm it belongs to, a firm it must not go to)
CASES = [
    (
        "en",
        "Batterix signs ten-year cell supply deal with Dutch bus maker",
        "Lille-based battery maker Batterix has signed a ten-year agreement to supply cells "
        "to a Dutch bus maker, the company said on Monday. Deliveries will come from Batterix "
        "Calais, the group's assembly subsidiary.\n\n"
        "Batterix expects the first buses to run in 2028. To meet the volumes, the "
        "subsidiary's board last week approved a €90 million outlay for a third assembly "
        "line.",
        "investment",
        BATTERIX_CALAIS,
        BATTERIX,
    ),
    (
        "fr",
        "Batterix signe un contrat de dix ans avec un carrossier néerlandais",
        "Le fabricant lillois de batteries Batterix a signé un contrat de dix ans avec un "
        "carrossier néerlandais. Les cellules sortiront de Batterix Calais, la filiale "
        "d'assemblage du groupe.\n\n"
        "Batterix compte livrer les premiers lots en 2028. Pour suivre, la filiale investira "
        "90 millions d'euros dans une troisième ligne d'assemblage.",
        "investment",
        BATTERIX_CALAIS,
        BATTERIX,
    ),
    (
        "fr",
        "Santé : les Laboratoires Morvan ouvrent une filiale aux Antilles",
        "Le façonnier tourangeau Laboratoires Morvan s'implante aux Antilles. Le groupe a créé "
        "une filiale, Morvan Antilles, à Baie-Mahault.\n\n"
        "La nouvelle filiale lance dès à présent le recrutement de 25 personnes, dont des "
        "pharmaciens et des opérateurs.",
        "hiring",
        None,
        MORVAN,
    ),
    (
        "en",
        "Laboratoires Morvan opens a Caribbean arm",
        "Tours-based contract drug maker Laboratoires Morvan has set up a subsidiary, Morvan "
        "Caribbean Services, in Guadeloupe.\n\n"
        "The new subsidiary is recruiting 25 people, including pharmacists and operators.",
        "hiring",
        None,
        MORVAN,
    ),
    (
        "fr",
        "Calais : Batterix lance une vague de 200 recrutements",
        "Les candidats ont fait la queue dès 8 heures devant le forum de l'emploi. Batterix "
        "Calais, la filiale du fabricant de batteries Batterix, cherche à recruter 200 "
        "opérateurs d'ici l'été.\n\n"
        "Les postes sont ouverts en CDI.",
        "hiring",
        BATTERIX_CALAIS,
        BATTERIX,
    ),
    (
        "en",
        "Batterix launches hiring drive for 200 at Calais",
        "Job seekers queued from 8 am outside the town's job fair on Tuesday. Batterix Calais, "
        "the battery maker's assembly subsidiary, wants to recruit 200 operators by the "
        "summer.\n\n"
        "All the jobs are permanent.",
        "hiring",
        BATTERIX_CALAIS,
        BATTERIX,
    ),
]

# Guards: the parent's own news stays the parent's.
GUARDS = [
    (
        "en",
        "Batterix to hire 150 at its Lille head office",
        "Batterix, which set up a subsidiary in Calais last year, will hire 150 engineers at "
        "its Lille head office.\n\n"
        "The company said its subsidiary would not be affected.",
        "hiring",
        BATTERIX,
        None,
    ),
    (
        "fr",
        "Trélan Industrie rachète la filiale d'un concurrent",
        "Trélan Industrie a racheté la filiale nantaise d'un concurrent allemand. Trélan "
        "investira 5 millions d'euros dans le site.",
        "investment",
        TRELAN,
        None,
    ),
]

ALL = CASES + GUARDS


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, ALL)


@pytest.mark.parametrize("position", range(len(ALL)), ids=[c[1][:48] for c in ALL])
def test_subsidiary_not_parent(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want, not_want = ALL[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    assert companies, (title, results[position])
    if want is not None:
        assert want in companies, (title, results[position])
    if not_want is not None:
        assert not_want not in companies, (title, results[position])
