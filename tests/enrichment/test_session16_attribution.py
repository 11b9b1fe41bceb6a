"""Which company an event belongs to (session 16): documents about a firm outside the
registry, columns of briefs, a lead that names its firm one sentence late, a release's
defined terms, a subsidiary in apposition.

- A press release whose "About X" / "À propos de X" lines name only unlisted firms is the
  issuer's: a sentence naming no firm ("L'hôtel créera 30 emplois") is not the registry
  partner's it names (``outside_firms``); nor is the news of a registry firm's unit abroad
  that a title names ("Appointment of Administrators: X UK Limited").
- A column of briefs by its title ("La lettre du club : les nouvelles d'octobre",
  "Business briefs") whose items open on heading lines: a sentence naming no firm is its
  item's firm's, not the first item's (``roundups``).
- A lead's first sentence describing a firm by an indefinite article ("A Breton cider maker
  is to build …") that the next sentence names: the firm named (``indefinite_firms``).
- A release's defined term ('X (the "Company")', "the Board") is the issuer, not a firm
  named "Company" (``honorifics``, ``parsed_subject``).
- "X, la filiale logistique du groupe Y, a inauguré …": X's, which the parser took for the
  apposition's (``parsed_subject._apposed_to``).

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Each case fails with its rule switched off; the guards pass either way.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import events_of, registry_firm

VERLYNE = "900016001"
KERVAL = "900016002"
TALMONT = "900016003"
TALMONT_LOG = "900016004"
BRUYERE = "900016005"

REGISTRY = [
    registry_firm(VERLYNE, "Verlyne SAS", ("Verlyne",), "27.20Z", "59", "32"),
    registry_firm(
        KERVAL, "Cidrerie Kerval SAS", ("Cidrerie Kerval", "Kerval"), "11.03Z", "29", "53"
    ),
    registry_firm(TALMONT, "Talmont SAS", ("Talmont",), "49.41A", "85", "52"),
    registry_firm(
        TALMONT_LOG, "Talmont Logistique SAS", ("Talmont Logistique",), "52.10B", "85", "52"
    ),
    registry_firm(
        BRUYERE, "Hôtellerie de la Bruyère SAS", ("Hôtellerie de la Bruyère",), "55.10Z", "74", "84"
    ),
]

# (language, title, text, kind, document kind, the SIREN it belongs to or None, or ("all",
# SIREN) when every event of that type is that firm's; a SIREN it must not go to)
CASES = [
    (
        "fr",
        "Communiqué — Saint-Gilles : un hôtel rénové et un accord avec Hôtellerie de la Bruyère",
        "COMMUNIQUÉ\n\nSaint-Gilles-les-Bains, le 3 novembre 2026\n\n"
        "Résidences Lagon Bleu engage 14 millions d'euros dans la rénovation de son hôtel "
        "de Saint-Gilles, qui restera ouvert pendant les travaux.\n\n"
        "À la réouverture, l'hôtel créera 25 emplois supplémentaires.\n\n"
        "Par ailleurs, Résidences Lagon Bleu et Hôtellerie de la Bruyère ont signé un accord "
        "de réservation commune.\n\n"
        "À propos de Résidences Lagon Bleu\n\n"
        "Groupe familial réunionnais fondé en 1988, Résidences Lagon Bleu exploite trois hôtels.",
        "hiring",
        "article",
        None,
        BRUYERE,
    ),
    (
        "en",
        "Cork: Hôtellerie de la Bruyère to sell bread from a new bakery",
        "Cork, 4 November 2026 – Harbourline Foods today announced a €9 million bakery on the "
        "outskirts of Cork, supplying its own shops and those of its partner Hôtellerie de la "
        "Bruyère in the Alps.\n\n"
        "The bakery will create 40 jobs when it opens next autumn.\n\n"
        "About Harbourline Foods\n\n"
        "Founded in 1996, Harbourline Foods runs 30 bakeries across Ireland.",
        "hiring",
        "article",
        None,
        BRUYERE,
    ),
    (
        "en",
        "Appointment of Administrators: Verlyne UK Limited",
        "THE GAZETTE\nCorporate Insolvency | Appointment of Administrators\n\n"
        "VERLYNE UK LIMITED\n(Company Number 13370021)\n"
        "Nature of Business: Manufacture of batteries\n\n"
        "Date of appointment: 2 November 2026\n"
        "Administrators: Peter Hale and Joanna Wren, of Wren Hale LLP, Leeds\n\n"
        "Further details: The Company is a subsidiary of Verlyne SAS, Lille, France, which is "
        "not subject to any insolvency proceedings.",
        "insolvency",
        "notice",
        None,
        VERLYNE,
    ),
    (
        "fr",
        "Liquidation judiciaire pour Verlyne Italia SRL",
        "Le tribunal de Turin a prononcé mardi la liquidation judiciaire de la société, "
        "faute de commandes.\n\n"
        "Sa maison mère, le fabricant lillois de batteries Verlyne, n'est pas concernée.",
        "insolvency",
        "article",
        None,
        VERLYNE,
    ),
    (
        "fr",
        "La lettre du club d'entreprises du Trégor : les nouvelles d'octobre",
        "Chaque mois, la lettre du club fait le point sur la vie des entreprises membres.\n\n"
        "**Cidrerie Kerval remporte un prix**\n\n"
        "La Cidrerie Kerval a reçu la médaille d'or du concours régional pour son cidre brut.\n\n"
        "**Innovation**\n\n"
        "La jeune pousse Brevalis, installée à Lannion, a mis au point un capteur de "
        "fermentation. Cinq ingénieurs seront recrutés d'ici l'été.\n\n"
        "**Agenda**\n\n"
        "Notre soirée des adhérents aura lieu le 20 novembre à Perros-Guirec.",
        "hiring",
        "article",
        None,
        KERVAL,
    ),
    (
        "en",
        "Business briefs: news from the Cornwall chamber's members",
        "Every month we round up news from across our membership.\n\n"
        "**Cidrerie Kerval opens Truro shop**\n\n"
        "Breton cider maker Cidrerie Kerval has opened its first shop in Truro.\n\n"
        "**New members**\n\n"
        "Seabright Optics, a Falmouth lens grinder, has joined the chamber. The firm will "
        "hire twelve technicians next year.\n\n"
        "**Diary**\n\n"
        "Our autumn dinner takes place on 20 November in Truro.",
        "hiring",
        "article",
        None,
        KERVAL,
    ),
    (
        "en",
        "Breton cider maker picks Somerset for new cellar",
        "A Breton cider maker has chosen Somerset for its first cellar outside France, in a "
        "£6m investment that will create 20 jobs.\n\n"
        "Cidrerie Kerval confirmed on Monday that it will build the cellar near Taunton.",
        "investment",
        "article",
        KERVAL,
        None,
    ),
    (
        "fr",
        "Vendée : 30 emplois dans une nouvelle usine",
        "Un fabricant vendéen de remorques va investir 20 millions d'euros dans une nouvelle "
        "usine à La Roche-sur-Yon.\n\n"
        "Il s'agit de Talmont, qui emploie déjà 400 personnes dans le département.",
        "investment",
        "article",
        TALMONT,
        None,
    ),
    (
        "en",
        "Verlyne reports first-half results",
        'Lille, 4 November 2026 – Verlyne (the "Company"), a maker of battery packs, today '
        "reports its results for the six months to 30 June.\n\n"
        "Since July the Company has recruited 35 production technicians at its Lille plant.",
        "hiring",
        "article",
        VERLYNE,
        None,
    ),
    (
        "fr",
        "La Roche-sur-Yon : un entrepôt de 30 000 m² inauguré",
        "Les premiers camions sont arrivés lundi. Talmont Logistique, la filiale "
        "d'entreposage du transporteur vendéen Talmont, a inauguré sa plateforme de La "
        "Roche-sur-Yon, un investissement de 25 millions d'euros.",
        "investment",
        "article",
        ("all", TALMONT_LOG),
        None,
    ),
]

# Guards: a release whose "About" names the registry firm stays its own; an indefinite firm
# that the next sentence does not name stays another firm.
GUARDS = [
    (
        "en",
        "Verlyne to build a second pack line",
        "Lille, 4 November 2026 – Verlyne today announced a €12 million second assembly line "
        "at its Lille plant.\n\n"
        "The line will create 60 jobs next year.\n\n"
        "About Verlyne\n\nFounded in 2015, Verlyne designs battery packs for buses.",
        "hiring",
        "article",
        VERLYNE,
        None,
    ),
    (
        "fr",
        "Vendée : un transporteur en liquidation",
        "Un transporteur vendéen a été placé en liquidation judiciaire mardi.\n\n"
        "Talmont, le leader local, n'est pas concerné et poursuit ses recrutements.",
        "insolvency",
        "article",
        None,
        TALMONT,
    ),
]

ALL = CASES + GUARDS


@pytest.mark.parametrize("position", range(len(ALL)), ids=[c[1][:48] for c in ALL])
def test_event_company(registry_enricher: Enricher, position: int) -> None:
    language, title, text, kind, document, want, not_want = ALL[position]
    found = events_of(registry_enricher, text, language, title, kind=document)
    companies = [e["siren"] for e in found if e["type"] == kind]
    assert companies, (title, found)
    if isinstance(want, tuple):  # every event of that type is that firm's
        assert set(companies) == {want[1]}, (title, found)
    elif want is not None:
        assert want in companies, (title, found)
    if not_want is not None:
        assert not_want not in companies, (title, found)
