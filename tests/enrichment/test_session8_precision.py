"""Event words that report no event of their kind (issue 14, session 8, precision), read
off the false events of text by other hands (news7 first): a word of a firm's name
("Harbourline Partners"), a certificate won, a shortlist, "to go upmarket", a product line
named after its noun, an agreement to merge, a product a deal is signed to develop
together, a slowdown at export, plants spared by a fire, a building permit applied for,
goods bought from a supplier or at an auction (senses.py); a need ("il faut … pour
recruter"), what a project would allow, others' outlook for firms counted loosely, a
merger or a partnership looked for, a present verb "as soon as" (a policy), a step of a
person's career before the news (hypotheses.py); an area or its economy as the subject of
jobs won or lost (area_subjects.py); a span of the firm's
history, "we have always hired" (habitual.py).

Every text here was written for these tests (none comes from an evaluation set); the
company is invented, and the title reports nothing. Each case fails with its rule off
(checked by switching ``other_sense``, ``hypothetical``, ``told_of_an_area`` and the
history spans off); the guards must keep their event.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import batch_events, types

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
        "name",
        "en",
        "US investment firm Harbourline Partners has agreed to buy a majority stake in "
        "Bruyère Composites, a maker of carbon panels based in Vierzon.",
        "partnership",
        "acquisition",
    ),
    (
        "certificate",
        "fr",
        "Bruyère Composites décroche la certification EN 9100 pour ses panneaux en carbone.",
        "contract",
        None,
    ),
    (
        "shortlist",
        "fr",
        "Bruyère Composites fait partie des trois candidats retenus pour fournir les "
        "panneaux des futurs trains régionaux.",
        "contract",
        None,
    ),
    (
        "shortlist",
        "en",
        "Bruyère Composites is among the three bidders selected to supply the panels of "
        "the new regional trains.",
        "contract",
        None,
    ),
    (
        "to-go",
        "en",
        "Bruyère Composites has secured EUR 8m from its banks to go upmarket with "
        "aerospace panels.",
        "closure",
        None,
    ),
    (
        "named-line",
        "en",
        "The new line, Carbone Noir, comprises six panels for racing yachts.",
        "investment",
        None,
    ),
    (
        "named-line",
        "fr",
        "La nouvelle ligne, Carbone Noir, compte six panneaux pour voiliers de course.",
        "investment",
        None,
    ),
    (
        "merger-agreement",
        "fr",
        "Bruyère Composites a signé jeudi un accord pour fusionner avec la société "
        "Vierzon Plastiques.",
        "partnership",
        None,
    ),
    (
        "codevelopment",
        "fr",
        "Bruyère Composites et les Laboratoires Vernet ont signé un accord de "
        "codéveloppement pour un matériau composite recyclable, actuellement en essai "
        "clinique de phase 1.",
        "innovation",
        "partnership",
    ),
    (
        "codevelopment",
        "en",
        "Bruyère Composites and Wetzlar Optik have agreed to jointly develop a new "
        "generation of carbon masts for racing yachts.",
        "innovation",
        None,
    ),
    (
        "export-trend",
        "fr",
        "Bruyère Composites marque le pas à l'export cette année.",
        "export",
        None,
    ),
    (
        "export-trend",
        "en",
        "Bruyère Composites is losing ground on export markets this year.",
        "export",
        None,
    ),
    (
        "damaged",
        "fr",
        "Un incendie a touché l'entrepôt de Bruyère Composites. Les lignes de "
        "fabrication ont été épargnées, mais la production est suspendue.",
        "investment",
        None,
    ),
    (
        "damaged",
        "en",
        "A fire hit the warehouse of Bruyère Composites. The production lines were "
        "spared, but output is suspended.",
        "investment",
        None,
    ),
    (
        "permit",
        "fr",
        "Bruyère Composites a déposé une demande de permis de construire pour un nouvel "
        "atelier de 3 000 m2.",
        "investment",
        None,
    ),
    (
        "permit",
        "en",
        "Bruyère Composites has applied for planning permission for a new workshop of "
        "3,000 square metres.",
        "investment",
        None,
    ),
    (
        "need",
        "fr",
        "« Il faut une taille critique pour recruter ces ingénieurs », explique le "
        "président de Bruyère Composites.",
        "hiring",
        None,
    ),
    (
        "need",
        "en",
        '"It takes scale to hire such engineers," the chairman of Bruyère Composites said.',
        "hiring",
        None,
    ),
    (
        "would-allow",
        "fr",
        "Le projet de Bruyère Composites, chiffré à 9 millions d'euros, permettrait de "
        "créer une trentaine d'emplois.",
        "hiring",
        None,
    ),
    (
        "expecting",
        "en",
        "She expects several composite makers to seek mergers or to cut staff in 2027.",
        "closure",
        None,
    ),
    (
        "seeking",
        "en",
        "Bruyère Composites is now actively seeking a merger with a larger rival.",
        "acquisition",
        None,
    ),
    (
        "seeking",
        "fr",
        "Bruyère Composites cherche un partenariat avec un industriel allemand.",
        "partnership",
        None,
    ),
    (
        "career",
        "fr",
        "Marion Dufour, qui a appris le métier chez un tisseur de Roanne avant de "
        "prendre la tête de l'atelier, forme aujourd'hui deux apprentis chez Bruyère "
        "Composites.",
        "leadership",
        None,
    ),
    (
        "goods-bought",
        "en",
        "Bruyère Composites is investing EUR 7m in a line to weave carbon fibre, a material it "
        "has so far bought from a single supplier in Asia.",
        "acquisition",
        "investment",
    ),
    (
        "goods-bought",
        "fr",
        "Bruyère Composites a racheté aux enchères six autoclaves et deux presses.",
        "acquisition",
        None,
    ),
    (
        "area",
        "fr",
        "Le bassin d'emploi de Vierzon a créé près de 2 000 emplois industriels en dix ans, "
        "selon la chambre de commerce.",
        "hiring",
        None,
    ),
    (
        "area",
        "fr",
        "L'économie du Cher repose sur l'industrie, qui a créé 800 postes l'an passé.",
        "hiring",
        None,
    ),
    (
        "area",
        "en",
        "The Vierzon employment area has created almost 2,000 industrial jobs in ten years.",
        "hiring",
        None,
    ),
    (
        "area",
        "en",
        "The region's manufacturers have been hiring steadily, helped by reshoring.",
        "hiring",
        None,
    ),
    (
        "history",
        "fr",
        "Au fil des ans, la société a embauché des dizaines de techniciens formés sur place.",
        "hiring",
        None,
    ),
    (
        "history",
        "fr",
        "Depuis sa création, Bruyère Composites a multiplié les recrutements.",
        "hiring",
        None,
    ),
    (
        "history",
        "fr",
        "« Nous avons toujours recruté localement », rappelle le fondateur de Bruyère Composites.",
        "hiring",
        None,
    ),
    (
        "history",
        "en",
        "Over the years, the company has hired dozens of locally trained technicians.",
        "hiring",
        None,
    ),
    (
        "history",
        "en",
        '"We have always hired locally," recalls the founder of Bruyère Composites.',
        "hiring",
        None,
    ),
    (
        "as-a-rule",
        "fr",
        "« Nous embauchons dès que nous trouvons les bons profils », assure la DRH de "
        "Bruyère Composites.",
        "hiring",
        None,
    ),
    (
        "as-a-rule",
        "en",
        '"We hire as soon as we find the right people," the HR director of Bruyère '
        "Composites said.",
        "hiring",
        None,
    ),
]

# Close wordings that report their event.
GUARDS = [
    (
        "fr",
        "Après l'incendie, Bruyère Composites investira 5 millions d'euros dans une nouvelle "
        "ligne de fabrication.",
        "investment",
    ),
    (
        "en",
        "Bruyère Composites has won a EUR 5m contract to supply carbon panels to a train maker.",
        "contract",
    ),
    (
        "fr",
        "Bruyère Composites a décroché un contrat de 5 millions d'euros auprès de la SNCF.",
        "contract",
    ),
    (
        "en",
        "Bruyère Composites will hire 30 people at its Vierzon plant next year.",
        "hiring",
    ),
    (
        "fr",
        "Bruyère Composites recrutera 50 personnes dans la région d'ici l'été.",
        "hiring",
    ),
    (
        "en",
        "Bruyère Composites will hire 50 people as soon as the new line is installed.",
        "hiring",
    ),
]


@pytest.fixture(scope="module")
def found(registry_enricher: Enricher) -> list[set[object]]:
    cases = [(lang, TITLE[lang], text) for _, lang, text, *_ in CASES]
    cases += [(lang, TITLE[lang], text) for lang, text, _ in GUARDS]
    return [types(events) for events in batch_events(registry_enricher, cases)]


@pytest.mark.parametrize(
    ("position", "case"), list(enumerate(CASES)), ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_event_word_reports_no_event_of_its_kind(
    found: list[set[object]], position: int, case: tuple
) -> None:
    _, _, _, absent, present = case
    assert absent not in found[position]
    if present is not None:
        assert present in found[position]


@pytest.mark.parametrize(("position", "guard"), list(enumerate(GUARDS)))
def test_close_wording_keeps_its_event(
    found: list[set[object]], position: int, guard: tuple
) -> None:
    assert guard[2] in found[len(CASES) + position]
