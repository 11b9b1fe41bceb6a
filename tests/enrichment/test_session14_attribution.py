"""Which company an event belongs to (session 14).

- A round-up sets each firm's news in an item of its own, opened by a place and a dash
  ("Vannes – La Fromagerie du Golfe recrute."), a place in capitals ("LORIENT. …") or a
  heading that is the firm's name ("NORVELLE" over "The glassmaker said it would hire …"):
  a sentence of an item that names no firm is its item's firm's, not the article's main
  company's (roundups.py).
- A new leader who is the subject of a clause ("La nouvelle directrice devra accélérer la
  plateforme lancée avec Z", "The new chief executive will have to expand the service
  built with Z"): the firm named in what the leader will do is not the one they lead
  (parsed_subject.py).
- A paragraph opened by a place and a dash ("Granville – Boussole décroche …",
  "PONT-AUDEMER — Verrerie X, a glassworks, has signed …"): the place is no subject, and
  a common-word name after it is written as a name (roundups.opening_end, written_names).
- A registry notice's field line that names no firm ("Président : Mme X, en remplacement
  de M. Y") is the firm its "Dénomination :" field names (roundups.field_line_firm).

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Each case fails with its rule switched off; the guards pass either way.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from tests.enrichment.enriching import batch_events, check_event_company, registry_firm

VALTRIM = "900014001"
NORVELLE = "900014002"
KERMADEC = "900014003"
ORSALINE = "900014004"
BRISCAN = "900014005"
TALMONT = "900014006"
BOUSSOLE = "900014007"
CASTELANE = "900014008"


REGISTRY = [
    registry_firm(VALTRIM, "Valtrim SAS", ("Valtrim",), "30.20Z", "59", "32"),
    registry_firm(NORVELLE, "Verreries Norvelle SA", ("Norvelle",), "23.13Z", "62", "32"),
    registry_firm(
        KERMADEC, "Voileries Kermadec SARL", ("Voileries Kermadec",), "13.92Z", "56", "53"
    ),
    registry_firm(ORSALINE, "Orsaline SAS", ("Orsaline",), "58.29C", "35", "53"),
    registry_firm(BRISCAN, "Briscan SA", ("Briscan",), "62.01Z", "69", "84"),
    registry_firm(TALMONT, "Vortalis SAS", ("Vortalis",), "58.29C", "75", "11"),
    # a name that is also a common word (a compass): linked only where written as a name
    registry_firm(BOUSSOLE, "Boussole SAS", ("Boussole",), "30.11Z", "50", "28"),
    registry_firm(CASTELANE, "Parfums Castelane SAS", ("Parfums Castelane",), "20.42Z", "06", "93"),
]

_EN_HEADED = (
    "LILLE, March 3 (Wire) - The following is a round-up of company news from northern "
    "France on Tuesday.\n\n"
    "VALTRIM\n"
    "The Douai-based rail equipment maker said it had won a 40 million euro contract to "
    "refurbish suburban trains for the regional authority.\n\n"
    "NORVELLE\n"
    "The glassmaker said it would hire 120 workers at its Arras plant next year as it "
    "restarts a second furnace. Most of the posts are for operators.\n\n"
    "MARKET CONTEXT\n"
    "Factory employment in the region was flat over the year, the statistics office said."
)
_FR_DASHED = (
    "Lorient – Voileries Kermadec investit 3 millions d'euros dans un nouvel atelier de "
    "découpe. Le chantier débutera en avril.\n\n"
    "Vannes – La Fromagerie du Golfe recrute. La fromagerie va embaucher douze salariés "
    "pour sa nouvelle ligne de conditionnement d'ici à l'été.\n\n"
    "Quimper – La Brûlerie Penhors baisse le rideau. Le torréfacteur a fermé définitivement "
    "sa boutique de la rue Kéréon samedi, faute de repreneur.\n\n"
    "Brest – Le salon de la mer ouvre ses portes jeudi au parc des expositions."
)

CASES: list[tuple[str, str, str, str, object]] = [
    # a heading that is a firm's name opens its item
    ("en", "NORTHERN COMPANIES - Valtrim, Norvelle", _EN_HEADED, "hiring", NORVELLE),
    # guard: the first item's firm keeps its own news
    ("en", "NORTHERN COMPANIES - Valtrim, Norvelle", _EN_HEADED, "contract", VALTRIM),
    # a place and a dash open each item; an item's firm outside the registry
    ("fr", "L'éco de la semaine en Bretagne", _FR_DASHED, "hiring", ("not", KERMADEC)),
    ("fr", "L'éco de la semaine en Bretagne", _FR_DASHED, "closure", ("not", KERMADEC)),
    # guard: the first item's own firm
    ("fr", "L'éco de la semaine en Bretagne", _FR_DASHED, "investment", KERMADEC),
    # a brief's place and dash before a common-word name: the firm, linked
    (
        "fr",
        "La semaine en Normandie",
        "Cherbourg – Les Vedettes Morvan recrutent dix soudeurs pour leur atelier.\n\n"
        "Granville – Boussole décroche l'entretien des vedettes de la préfecture maritime. "
        "Le chantier naval a remporté un contrat de quatre ans.\n\n"
        "Avranches – La Fromagerie du Mont ferme sa boutique. Le magasin a fermé samedi.",
        "contract",
        BOUSSOLE,
    ),
    # a wire dateline run into an unlisted firm's name: the subject, not the customer
    (
        "en",
        "Risle valley glassworks to make bottles for Parfums Castelane",
        "PONT-AUDEMER — Verrerie des Marettes, a glassworks in the Risle valley, has signed "
        "a five-year supply contract with Parfums Castelane, the Grasse fragrance house, the "
        "glassmaker said on Monday.",
        "contract",
        ("not", CASTELANE),
    ),
    # a new leader's plans name a partner, not the firm they lead
    (
        "fr",
        "Rennes : Orsaline change de directrice générale",
        "L'éditeur de logiciels Orsaline, basé à Rennes, a nommé Anne Le Bihan au poste de "
        "directrice générale. Elle succède à Paul Riou. Venue du secteur bancaire, la "
        "nouvelle directrice générale, 47 ans, devra accélérer le déploiement de la "
        "plateforme lancée avec Briscan l'an dernier.",
        "leadership",
        ("not", BRISCAN),
    ),
    (
        "en",
        "Orsaline names a new chief executive",
        "Rennes software publisher Orsaline has appointed Anne Le Bihan as chief executive. "
        "She succeeds Paul Riou. The new chief executive, a former banker, will have to "
        "expand the hosted service built with Briscan last year.",
        "leadership",
        ("not", BRISCAN),
    ),
    # guard: a new leader named as the head of a firm ("de Briscan") is that firm's
    (
        "fr",
        "Lyon : changement de direction chez un éditeur",
        "Le conseil de surveillance a désigné Marc Vial. Le nouveau directeur général de "
        "Briscan, 52 ans, prendra ses fonctions en janvier.",
        "leadership",
        BRISCAN,
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("position", range(len(CASES)), ids=[c[1][:48] for c in CASES])
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    check_event_company(CASES[position], results[position])


_NOTICE = (
    "Annonce n° 2026-90311\n\n"
    "Greffe du tribunal de commerce de Paris\n\n"
    "Modifications générales\n\n"
    "RCS Paris 900 014 006\n\n"
    "Dénomination : VORTALIS\n\n"
    "Forme : société par actions simplifiée\n\n"
    "Adresse : 12 rue de Provence, 75009 Paris\n\n"
    "Administration : modification du président. Président : M. Hugo Ferrand, en "
    "remplacement de Mme Claire Dumas.\n\n"
    "Capital : modification du capital social, porté de 500 000,00 EUR à 800 000,00 EUR "
    "par incorporation de réserves.\n\n"
    "Date d'effet : 1er mars 2027."
)


def test_notice_field_line_is_the_named_firms(registry_enricher: Enricher) -> None:
    """A notice's officer line is the firm its name field names."""
    [result] = registry_enricher.enrich(
        [
            DocumentInput(
                "n1",
                "BODACC B – Greffe du tribunal de commerce de Paris – Modifications diverses",
                _NOTICE,
                "fr",
                kind="notice",
            )
        ]
    )
    leaders = [e["siren"] for e in result.events if e["type"] == "leadership"]
    assert leaders and TALMONT in leaders, result.events


_GUARD_INTERTITLES = (
    "Voileries Kermadec, le fabricant de voiles de Lorient, prépare une année chargée.\n\n"
    "Un carnet de commandes plein\n"
    "Les commandes des chantiers de plaisance ont progressé de 20 % cette année.\n\n"
    "Des embauches\n"
    "L'entreprise va recruter quinze couturiers d'ici au printemps.\n\n"
    "Un nouvel atelier\n"
    "Un atelier de 2 000 mètres carrés sera construit à Lanester."
)


def test_intertitles_are_no_round_up(registry_enricher: Enricher) -> None:
    """Guard: an article's intertitles name no firm; its sections stay the firm's."""
    events = batch_events(
        registry_enricher,
        [("fr", "Voileries Kermadec recrute à Lorient", _GUARD_INTERTITLES)],
    )[0]
    hiring = [e["siren"] for e in events if e["type"] == "hiring"]
    assert hiring and set(hiring) == {KERMADEC}, events
