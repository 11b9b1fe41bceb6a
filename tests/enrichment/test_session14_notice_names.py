"""The firms a legal notice names in its fields, session 14 (notice_names.py).

The companies shown for a notice (the enricher's ``companies``) are its name fields'
firms, whole and as written ("Dénomination : MÉTALLERIE DU LANDY", "Attributaire : X",
"Company: X SAS", "Debtor: X, …"), found or not by the recogniser; never a field's label
("Dénomination", "Forme", "Activité"), a register's reference or the court; a name the
recogniser ran into the next line stops at its end.

Every notice here was written for these tests (invented firms and courts).
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord

CORDERIE = "916000011"  # Corderie du Ponant, the only registry firm here
REGISTRY = [
    CompanyRecord(CORDERIE, "Corderie du Ponant", CORDERIE, (), None, "13.94Z", "29", "53", False)
]
LABELS = {"dénomination", "forme", "activité", "adresse", "radiation", "company", "name", "debtor"}


def _companies(enricher: Enricher, language: str, title: str, text: str) -> list[str]:
    [result] = enricher.enrich([DocumentInput("n1", title, text, language, kind="notice")])
    assert result.error is None, result.error
    return [c["name"] for c in result.companies]


NOTICES = [
    (
        "fr",
        "BODACC A – Procédures collectives – Saint-Denis",
        "Annonce n° 7731\nGreffe du tribunal de commerce de Bobigny\n"
        "RCS Bobigny 916 000 029\nDénomination : MÉTALLERIE DU LANDY\nForme : SARL\n"
        "Activité : serrurerie, métallerie\nAdresse : 5 rue du Landy, 93200 Saint-Denis\n"
        "Jugement du 24 novembre 2026 prononçant la liquidation judiciaire.\n",
        "MÉTALLERIE DU LANDY",
    ),
    (
        "fr",
        "BODACC B – Radiation – Lorient",
        "Annonce n° 5521\nRCS Lorient 916 000 037\nDénomination sociale : Voilerie des Glénan\n"
        "Forme : société par actions simplifiée\nActivité : confection de voiles\n"
        "Radiation du registre du commerce et des sociétés à compter du 12 novembre 2026.\n",
        "Voilerie des Glénan",
    ),
    (
        "fr",
        "BOAMP – Avis d'attribution – Entretien des digues",
        "Avis d'attribution de marché - Travaux\nAcheteur : Communauté de communes du Lac\n"
        "Objet : entretien des digues et des berges.\n"
        "Attributaire : TERRASSEMENTS DU VAL DE DRÔME, SAS, 3 chemin des Saules, 26400 Crest.\n"
        "Montant : 845 000 euros HT.\n",
        "TERRASSEMENTS DU VAL DE DRÔME",
    ),
    (
        "en",
        "Notice summary: company struck off",
        "Summary of a BODACC B notice.\nCompany: Brasserie des Trois Becs SAS\n"
        "Registered office: Saillans (Drôme)\nActivity: brewing of craft beers\n"
        "The company was deregistered on 10 November 2026.\n",
        "Brasserie des Trois Becs SAS",
    ),
    (
        "en",
        "Legal notice (summary): receivership opened, Valence",
        "Summary in English of a notice published in the BODACC.\n\n"
        "Court: Tribunal de commerce de Romans. Judgment of 19 November 2026 opening "
        "receivership proceedings.\n\nDebtor: Tonnellerie Vercors Ouest SARL, cooperage, "
        "registered office: Die (Drôme).\n\nJudicial representative: Maître Anne Rivoire.\n",
        "Tonnellerie Vercors Ouest SARL",
    ),
    (
        "en",
        "NOTICE OF INCORPORATION",
        "Under a private deed dated 20 October 2026, a company has been incorporated.\n\n"
        "Name: CORDAGES DU TRIEUX\nShare capital: EUR 10,000\n"
        "Registered office: 2 quai Morand, 22500 Paimpol\nBusiness: making of ropes\n",
        "CORDAGES DU TRIEUX",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "firm"), NOTICES)
def test_the_name_field_is_the_firm_whole(
    registry_enricher: Enricher, language: str, title: str, text: str, firm: str
) -> None:
    shown = _companies(registry_enricher, language, title, text)
    assert firm in shown
    assert not {name.casefold() for name in shown} & LABELS
    assert all("\n" not in name and ":" not in name for name in shown)


def test_a_registry_firm_keeps_its_registry_name(registry_enricher: Enricher) -> None:
    # Guard: the registry's firm in the name field is shown once, as the registry names it.
    shown = _companies(
        registry_enricher,
        "fr",
        "BODACC A – Procédures collectives – Brest",
        "Annonce n° 8120\nRCS Brest 916 000 011\nDénomination : CORDERIE DU PONANT\n"
        "Forme : SAS\nActivité : fabrication de cordages\n"
        "Jugement du 25 novembre 2026 prononçant le redressement judiciaire.\n",
    )
    assert shown == ["Corderie du Ponant"]


def test_an_article_keeps_its_mentions(registry_enricher: Enricher) -> None:
    # Guard: an article is no notice; a firm named once in passing stays unshown.
    shown = _companies(
        registry_enricher,
        "fr",
        "La Corderie du Ponant recrute",
        "La Corderie du Ponant embauche vingt salariés à Brest. Son voisin, "
        "la société Voilerie Kerné, prévoit aussi des recrutements.",
    )
    assert shown == ["Corderie du Ponant"]
