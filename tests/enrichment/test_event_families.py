"""Wording families of events that the lexicon missed in text by other hands (issue 14,
session 4): each family is a way a journalist or a legal notice says the event, in French
and in English where both press write it so.

Every text here was written for these tests (none comes from an evaluation set); the
companies are invented and the titles report nothing, so the wording alone is tested.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

REGISTRY = [
    CompanyRecord(
        "900000701",
        "Brumel Conserves",
        "900000701",
        ("Brumel",),
        None,
        "10.20Z",
        "29",
        "53",
        False,
    ),
]

# (family, language, title, text, expected type)
FAMILIES = [
    # a bond placed with investors is money raised
    (
        "bond",
        "fr",
        "Brumel Conserves : la semaine financière",
        "Le conserveur a émis un emprunt obligataire de 25 millions d'euros, souscrit par "
        "une quarantaine d'investisseurs.",
        "fundraising",
    ),
    (
        "bond",
        "en",
        "Brumel Conserves: the week in finance",
        "The canner has placed a EUR 25 million green bond with about forty investors.",
        "fundraising",
    ),
    # a firm taken over by its name, which opens with a plural trade word
    (
        "reprise",
        "fr",
        "Brumel Conserves, un nouveau chapitre",
        "Brumel Conserves reprend les Salaisons Ménez, à Châteaulin, et leurs vingt salariés.",
        "acquisition",
    ),
    # a sale of goodwill as a notice words it
    (
        "fonds",
        "fr",
        "Annonce n° 77 — Brumel Conserves",
        "Nom : Brumel Conserves. Origine du fonds : achat. Précédent propriétaire exploitant : "
        "SARL Conserverie de l'Odet. Prix : 300 000 EUR.",
        "acquisition",
    ),
    # a competitor absorbed, taken over far from its description
    (
        "absorb",
        "en",
        "Brumel Conserves: news from the quay",
        "Brumel Conserves has taken over Conserverie Le Dantec, a smaller competitor from "
        "Douarnenez, the company said.",
        "acquisition",
    ),
    # a vessel or a machine taken delivery of
    (
        "delivery",
        "fr",
        "Brumel Conserves sur les quais",
        "L'armement de Brumel Conserves a réceptionné jeudi à Concarneau son nouveau "
        "chalutier, construit par un chantier espagnol.",
        "investment",
    ),
    (
        "delivery",
        "en",
        "Brumel Conserves on the quay",
        "Brumel Conserves took delivery on Thursday of a new trawler built in Vigo.",
        "investment",
    ),
    # money put into a plant
    (
        "put",
        "en",
        "Brumel Conserves in Concarneau",
        "Brumel Conserves is putting EUR 3m into a sardine canning line in Concarneau.",
        "investment",
    ),
    # a date said between the verb and the site
    (
        "ferme",
        "fr",
        "Brumel Conserves à Quimperlé",
        "Brumel Conserves fermeront le 30 juin prochain leur atelier de Quimperlé.",
        "closure",
    ),
    # jobs said to be opened
    (
        "open",
        "fr",
        "Brumel Conserves à Concarneau",
        "Chez Brumel Conserves, 30 postes d'opérateurs de ligne seront ouverts au printemps.",
        "hiring",
    ),
    (
        "open",
        "en",
        "Brumel Conserves in Concarneau",
        "At Brumel Conserves, 30 line operator jobs will be opened in the spring.",
        "hiring",
    ),
    # a public service delegated or renewed
    (
        "dsp",
        "fr",
        "Brumel Conserves et la restauration scolaire",
        "La communauté de communes a renouvelé à Brumel Conserves pour cinq ans la délégation "
        "de service public de la restauration scolaire.",
        "contract",
    ),
    (
        "dsp",
        "en",
        "Brumel Conserves and school meals",
        "The county council has renewed Brumel Conserves' school-meals concession for five "
        "more years.",
        "contract",
    ),
    # goods put on a retailer's shelves
    (
        "retail",
        "en",
        "Brumel Conserves on the shelves",
        "Brumel Conserves has signed a distribution agreement with a Belgian supermarket chain "
        "covering 300 stores.",
        # goods put on shelves abroad: the export, as the authors of news4-10 label it
        # (session 9, aboutness.py), not a contract won
        "export",
    ),
    # a product said to be the fruit of years of research
    (
        "research",
        "fr",
        "Brumel Conserves au salon",
        "Brumel Conserves a présenté une conserve sans bisphénol, fruit de trois années de "
        "recherche avec l'Ifremer.",
        "innovation",
    ),
    (
        "research",
        "en",
        "Brumel Conserves at the fair",
        "Brumel Conserves showed a bisphenol-free tin, the result of three years of research "
        "with a marine institute.",
        "innovation",
    ),
    # a product launched with a long description between the verb and the product
    (
        "launch",
        "fr",
        "Brumel Conserves en rayon",
        "Brumel Conserves a lancé cette semaine une petite gamme de maquereaux peu salés.",
        "innovation",
    ),
    (
        "launch",
        "en",
        "Brumel Conserves on the shelves",
        "Brumel Conserves has launched a sugar-free range of tinned mackerel for children.",
        "innovation",
    ),
    # a change of officer as a notice words it
    (
        "notice",
        "fr",
        "Brumel Conserves — Modification",
        "Administration : Président : M. Hervé Guéguen, en remplacement de Mme Nolwenn Caradec.",
        "leadership",
    ),
    (
        "notice",
        "fr",
        "Brumel Conserves — Modification",
        "Modification survenue sur l'administration. Gérant : départ de M. Alain Brumel ; "
        "nomination de Mme Katell Brumel.",
        "leadership",
    ),
    # first goods sent abroad, and countries the older lines did not list
    (
        "ship",
        "fr",
        "Brumel Conserves à Osaka",
        "Les premières palettes de sardines partiront lundi vers Osaka.",
        "export",
    ),
    (
        "ship",
        "en",
        "Brumel Conserves in Hanoi",
        "Brumel Conserves has shipped its first containers of sardines to Hanoi.",
        "export",
    ),
    (
        "ship",
        "en",
        "Brumel Conserves sails",
        "Brumel Conserves sells its tins in Vietnam through an importer in Hanoi.",
        "export",
    ),
]


@pytest.mark.parametrize(
    ("family", "language", "title", "text", "kind"),
    FAMILIES,
    ids=[f"{f[0]}-{f[1]}-{i}" for i, f in enumerate(FAMILIES)],
)
def test_a_family_wording_reports_its_event(
    registry_enricher: Enricher, family: str, language: str, title: str, text: str, kind: str
) -> None:
    found = types(events_of(registry_enricher, text, language, title))
    assert kind in found, (family, found)
