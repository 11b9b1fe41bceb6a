"""Buyers named by a verb of selling or supplying, and everyday trade words (session 16).

- A class of buyers a firm sells or supplies to ("will be sold to hauliers and freight
  forwarders", "vendu aux transporteurs", "supplies several of Basel's pharmaceutical
  plants", "approvisionne les usines pharmaceutiques") is no evidence of the firm's
  sector (`sector_buyers`); a product named after the verb ("supplies landing-gear parts
  to aircraft makers") keeps its sector.
- Trade words missing from the lexicon: footbridges, aero components, plant-based
  protein, bagasse boilers, vanilla, cheese ripening (affinage), spinning mills
  ("filature" in an English text); "cross-Channel" alone (a hiring fair, a customs platform) is
  no transport, cross-Channel freight still is.

Texts written for this module, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import sector_codes

# (sectors, language, title, text)
Case = tuple[set[str], str, str, str]

BUYERS: list[Case] = [
    (
        {"digital"},
        "en",
        "Quaysoft's slot-booking app to be sold to hauliers",
        "Quaysoft, the Le Havre software publisher, said its slot-booking app will be sold "
        "to hauliers, freight forwarders and shipping agents from January.",
    ),
    (
        {"chemicals"},
        "en",
        "Solvent maker supplying Basel pharma plants to expand",
        "Orvalis, a Grenoble chemicals company that supplies several of Basel's "
        "pharmaceutical plants, is to double its solvent recovery capacity. It also "
        "supplies vaccine plants near Lyon.",
    ),
    (
        {"digital"},
        "fr",
        "Planifret : un logiciel de quais vendu aux transporteurs routiers",
        "L'éditeur nantais Planifret a présenté mardi sa plateforme de réservation, qui "
        "sera vendue aux transporteurs routiers et aux commissionnaires de transport dès "
        "le printemps.",
    ),
    (
        {"chemicals"},
        "fr",
        "Solvalis, qui approvisionne les usines pharmaceutiques, s'agrandit",
        "Le chimiste ardéchois Solvalis, qui approvisionne les usines pharmaceutiques de "
        "la vallée du Rhône, va doubler sa capacité de distillation de solvants.",
    ),
]

# The product named after the verb is the firm's trade; a business sold to a group.
NOT_BUYERS: list[Case] = [
    (
        {"aeronautics"},
        "en",
        "Figeac machinist Mecalot hires 30",
        "Mecalot, a Figeac machining firm, supplies landing-gear parts to aircraft makers "
        "and will hire 30 machinists next year.",
    ),
    (
        {"agrifood"},
        "en",
        "Fromagerie Vandoux sold to dairy group",
        "Fromagerie Vandoux, the Jura cheese maker, has been sold to the dairy group "
        "Laiterie Comtoise. Its 40 staff keep their jobs.",
    ),
]

WORDS: list[Case] = [
    (
        {"construction"},
        "en",
        "Bordeaux footbridge goes to Aquitaine firm",
        "The metropolitan authority has picked Garonne Ouvrages to build a 180-metre "
        "footbridge for pedestrians and cyclists, a €9m job.",
    ),
    (
        {"aeronautics"},
        "en",
        "Strike-off notice",
        "THE GAZETTE. Final Gazette notice: compulsory strike-off. The following company "
        "has been struck off the register: AQUITAINE AERO COMPONENTS LIMITED, Company No "
        "12345678, registered office in Bristol.",
    ),
    (
        {"agrifood"},
        "en",
        "Nutrilis completes capital increase",
        "Nutrilis, a producer of plant-based protein ingredients, has raised €4m to finish "
        "its second extrusion line in Laval.",
    ),
    (
        {"energy"},
        "fr",
        "Marie-Galante : 20 millions d'euros pour une chaudière à bagasse",
        "Le syndicat mixte a voté jeudi un investissement de 20 millions d'euros dans une "
        "chaudière à bagasse, qui entrera en service en 2028.",
    ),
    (
        {"agrifood"},
        "fr",
        "Sainte-Rose : les producteurs de vanille s'équipent",
        "La coopérative de Sainte-Rose a inauguré jeudi un séchoir qui traitera dix tonnes "
        "de vanille verte par an.",
    ),
    (
        {"agrifood"},
        "fr",
        "Arbois : Montfleury ouvre un nouvel affinage",
        "Le groupe Montfleury a ouvert à Arbois un affinage de 8 000 meules, qui "
        "emploiera douze personnes.",
    ),
    (
        {"textile_luxury"},
        "en",
        "Client alert: sale plan approved for Filature des Vosges",
        "Debtor: Filature des Vosges SAS, Épinal, in receivership since June. The court "
        "approved the takeover of the spinning business by a local group.",
    ),
    (
        set(),
        "en",
        "Calais jobs fair draws British technicians",
        "Forty employers took stands at a cross-Channel jobs fair in Calais on Saturday, "
        "aimed at British engineers willing to relocate.",
    ),
    (
        {"transport"},
        "en",
        "Dover-Calais freight recovers",
        "Cross-Channel freight rose 4% in October, the port said, as hauliers returned.",
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [
        f"{'-'.join(sorted(codes)) or 'none'}-{language}-{i}"
        for i, (codes, language, *_) in enumerate(cases)
    ]


@pytest.mark.parametrize(("codes", "language", "title", "text"), BUYERS, ids=_ids(BUYERS))
def test_a_class_of_buyers_is_no_evidence(
    enricher: Enricher, codes: set[str], language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == codes


@pytest.mark.parametrize(("codes", "language", "title", "text"), NOT_BUYERS, ids=_ids(NOT_BUYERS))
def test_a_product_or_a_business_sold_keeps_its_sector(
    enricher: Enricher, codes: set[str], language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == codes


@pytest.mark.parametrize(("codes", "language", "title", "text"), WORDS, ids=_ids(WORDS))
def test_everyday_trade_words(
    enricher: Enricher, codes: set[str], language: str, title: str, text: str
) -> None:
    assert sector_codes(enricher, language, title, text) == codes
