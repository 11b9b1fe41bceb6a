"""Sectors named beside the news, and everyday words of a trade (session 8).

- A product's users are no evidence: "un utilitaire électrique destiné aux artisans et
  aux livreurs", "an electric van aimed at plumbers and delivery drivers" name clients,
  not the firm's trade (`sector_asides.aimed_at`).
- A sector named in one sentence only (no trade stated, not in the title, no company
  registered in it) is an aside when another sector is named more widely: the farms that
  supply a biogas unit, however many words that sentence lists (`sector_asides.aside`).
- The only sector a text names as its own is what it is about, even when it also names
  a class of clients ("chemical companies", "des groupes chimiques").
- Everyday words: mushrooms, bagged salads, cycle routes, school transport by coach,
  IT integrators.

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.sector_asides import aimed_at
from tests.enrichment.enriching import sector_codes

# (sector, language, title, text)
Case = tuple[str, str, str, str]

AIMED: list[Case] = [
    (
        "automotive",
        "fr",
        "Cholet : Mobelec dévoile sa camionnette",
        "La jeune entreprise choletaise Mobelec a présenté jeudi son premier véhicule "
        "utilitaire électrique, destiné aux artisans et aux livreurs de colis. Il sera "
        "produit à Cholet dès 2028.",
    ),
    (
        "automotive",
        "en",
        "Cholet start-up Mobelec shows its first model",
        "Mobelec, a young company based in Cholet, on Thursday showed its first electric "
        "van, aimed at plumbers and delivery drivers. It will be built in Cholet from 2028.",
    ),
]

ASIDES: list[Case] = [
    (
        "energy",
        "en",
        "Méthavert commissions its second unit near Rennes",
        "Méthavert has commissioned its second biogas plant at Montauban-de-Bretagne, west "
        "of Rennes. The EUR 11 million unit will inject 22 GWh of biomethane a year into the "
        "gas grid.\n\nIt will take slurry and maize silage from 28 livestock farmers, a dairy "
        "cooperative and a sugar beet grower.\n\nMéthavert plans three more units in "
        "Brittany by 2029.",
    ),
    (
        "energy",
        "fr",
        "Méthavert met en service sa deuxième unité près de Rennes",
        "Méthavert a mis en service sa deuxième unité de méthanisation à "
        "Montauban-de-Bretagne, à l'ouest de Rennes. L'installation de 11 millions d'euros "
        "injectera 22 GWh de biométhane par an dans le réseau de gaz.\n\nElle recevra le "
        "lisier de 28 éleveurs laitiers, les pulpes d'une sucrerie et les déchets d'une "
        "conserverie de légumes.\n\nMéthavert prévoit trois autres unités en Bretagne d'ici "
        "2029.",
    ),
]

SOLE: list[Case] = [
    (
        "aeronautics",
        "en",
        "Blagnac machine shop Aérocomp to hire 20",
        "Aérocomp will hire 20 machinists in Blagnac this winter, as its helicopter orders "
        "have doubled in two years. The company also hopes to sell to chemical companies "
        "from next year.",
    ),
    (
        "aeronautics",
        "fr",
        "Blagnac : l'atelier Aérocomp va embaucher 20 personnes",
        "Aérocomp va embaucher 20 usineurs à Blagnac cet hiver, ses commandes "
        "d'hélicoptères ayant doublé en deux ans. L'entreprise espère aussi vendre à des "
        "groupes chimiques dès l'an prochain.",
    ),
]

WORDS: list[Case] = [
    (
        "agrifood",
        "en",
        "Limousin firm Champilim raises EUR 3m",
        "Champilim, based near Limoges, has raised EUR 3 million to double its growing "
        "rooms for brown and shiitake mushrooms.",
    ),
    (
        "agrifood",
        "fr",
        "Nantes : Verdimaraîche ferme une ligne",
        "Verdimaraîche arrêtera en mars la production de salades en sachet dans son "
        "atelier de Rezé. Les 30 salariés seront reclassés.",
    ),
    (
        "tourism",
        "en",
        "Cartoloire publishes a Loire guide for families",
        "Cartoloire has published a guide listing 1,200 km of cycle routes along the Loire "
        "for visiting families.",
    ),
    (
        "tourism",
        "fr",
        "Le département inaugure 80 km le long du canal",
        "Le conseil départemental a inauguré une véloroute de 80 km le long du canal de "
        "Nantes à Brest, qui doit attirer 150 000 cyclistes par an.",
    ),
    (
        "transport",
        "en",
        "Contract notice - Loiret, 9 lots",
        "Contracting authority: Département du Loiret. Subject: school transport services "
        "by coach, 9 lots. Time limit for receipt of tenders: 12 January.",
    ),
    (
        "digital",
        "fr",
        "Rennes : Systalis recrute 30 personnes",
        "L'intégrateur de systèmes rennais Systalis va recruter 30 techniciens et "
        "ingénieurs d'ici l'été.",
    ),
    (
        "digital",
        "en",
        "Rennes: Systalis to hire 30",
        "Systalis, a Rennes systems integrator, will hire 30 technicians and engineers by "
        "the summer.",
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [f"{language}-{title}" for _, language, title, _ in cases]


@pytest.mark.parametrize(("sector", "language", "title", "text"), AIMED, ids=_ids(AIMED))
def test_a_products_users_are_not_its_makers_sector(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), ASIDES, ids=_ids(ASIDES))
def test_a_sector_named_in_one_sentence_is_an_aside(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), SOLE, ids=_ids(SOLE))
def test_the_only_sector_named_as_the_firms_own(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


@pytest.mark.parametrize(("sector", "language", "title", "text"), WORDS, ids=_ids(WORDS))
def test_everyday_words_of_a_trade(
    enricher: Enricher, sector: str, language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == {sector}


def test_users_are_read_across_a_list_but_not_across_a_sentence(enricher: Enricher) -> None:
    nlp = enricher.tools("fr").nlp
    doc = nlp("Un utilitaire destiné aux artisans, aux commerçants et aux livreurs.")
    assert aimed_at(doc, [t.text for t in doc].index("livreurs"))
    doc = nlp("Le véhicule est destiné à la ville. Les livreurs l'attendent.")
    assert not aimed_at(doc, [t.text for t in doc].index("livreurs"))
