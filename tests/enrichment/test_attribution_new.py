"""Which company an event belongs to, on new wording (issue 14.2): an event whose sentence
names another firm as its subject is that firm's, not the article's main company's, nor
that of a registry company named beside it as customer, partner, target, former owner or
investor.

Every text here was written for these tests (none comes from the tuning or held-out sets);
the companies are invented and put in a registry of their own. The conventions are those
of the evaluation's gold: an event belongs to the company that is the subject of its
sentence; an acquisition is the buyer's, a contract the supplier's, a partnership the
first party's; money a fund puts into a firm is that firm's fundraising, not its
investment.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from myrtille.config.settings import EnrichmentSettings
from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.registry import CompanyRecord

ALCARENE = "900000301"
MORVELLE = "900000302"
VALLORIN = "900000303"
REGISTRY = [
    CompanyRecord(
        ALCARENE, "Forges d'Alcarène", ALCARENE, ("Alcarène",), None, "25.50A", "63", "84", False
    ),
    CompanyRecord(
        MORVELLE, "Tissages Morvelle", MORVELLE, ("Morvelle",), None, "13.20Z", "69", "84", False
    ),
    CompanyRecord(
        VALLORIN, "Brasserie Vallorin", VALLORIN, ("Vallorin",), None, "11.05Z", "35", "53", False
    ),
]

# (language, title, text, event type, company): the SIREN the event of that type must
# carry (None: a firm outside the registry), or ("not", SIREN): no event of that type
# may be given to that company.
CASES: list[tuple[str, str, str, str, object]] = [
    # ---- an unlisted firm is the subject; a registry firm is its target, customer,
    # partner, investor or former owner
    (
        "fr",
        "Les Forges d'Alcarène changent de mains",
        "Le groupe allemand Kessler Antriebe a racheté les Forges d'Alcarène, fournisseur "
        "de pièces forgées pour l'aéronautique.",
        "acquisition",
        None,
    ),
    (
        "en",
        "Alcarène forge changes hands",
        "German gearbox maker Kessler Antriebe has bought Forges d'Alcarène from its "
        "founding family.",
        "acquisition",
        None,
    ),
    (
        "fr",
        "Textile connecté : Morvelle trouve un partenaire",
        "La start-up lyonnaise Nexalia s'associe aux Tissages Morvelle pour développer un "
        "tissu chauffant.",
        "partnership",
        None,
    ),
    (
        "en",
        "Morvelle gets a smart-textile partner",
        "Nexalia, a Lyon start-up, has teamed up with Tissages Morvelle to develop heated fabrics.",
        "partnership",
        None,
    ),
    (
        "fr",
        "Morvelle mise sur une jeune pousse",
        "La jeune pousse Nexalia lève 3 millions d'euros auprès des Tissages Morvelle et de "
        "business angels.",
        "fundraising",
        None,
    ),
    (
        "en",
        "Morvelle backs a start-up",
        "Nexalia, a smart-textile start-up, has raised €3m from Tissages Morvelle and "
        "business angels.",
        "fundraising",
        None,
    ),
    (
        "fr",
        "Une ancienne filiale d'Alcarène embauche",
        "Fonderie Ribaud, ancienne filiale des Forges d'Alcarène, recrute 25 fondeurs à Thiers.",
        "hiring",
        None,
    ),
    (
        "en",
        "A former Alcarène subsidiary grows",
        "Former Alcarène subsidiary Ribaud Foundry is hiring 25 casters in Thiers.",
        "hiring",
        None,
    ),
    # ---- the sentence's subject is another firm: not the article's main company
    (
        "fr",
        "La brasserie Vallorin double sa production",
        "La brasserie Vallorin va investir 2 millions d'euros dans une ligne "
        "d'embouteillage. De son côté, la malterie Dubreuil recrute douze opérateurs.",
        "hiring",
        ("not", VALLORIN),
    ),
    (
        "en",
        "Vallorin brewery doubles capacity",
        "Vallorin will invest €2m in a new bottling line. Meanwhile, Rennes maltster "
        "Dubreuil Malt is hiring twelve operators.",
        "hiring",
        ("not", VALLORIN),
    ),
    (
        "fr",
        "Tissages Morvelle : un concurrent s'installe à Roanne",
        "Les Tissages Morvelle font face à une nouvelle concurrence. La société Solvane "
        "ouvre une usine de 80 salariés à Roanne.",
        "investment",
        ("not", MORVELLE),
    ),
    (
        "en",
        "Tissages Morvelle faces a new rival",
        "Tissages Morvelle faces new competition. Solvane Group is opening an 80-worker "
        "plant in Roanne.",
        "investment",
        ("not", MORVELLE),
    ),
    (
        "fr",
        "Textile : une filature lyonnaise ferme",
        "La filature lyonnaise Garnier, qui fournit les Tissages Morvelle, fermera son usine "
        "en mars, supprimant 40 emplois.",
        "closure",
        ("not", MORVELLE),
    ),
    (
        "en",
        "Textiles: a Lyon spinning mill closes",
        "Lyon yarn spinner Filatures Garnier, which supplies Tissages Morvelle, will close "
        "its plant in March, cutting 40 jobs.",
        "closure",
        ("not", MORVELLE),
    ),
    (
        "fr",
        "Tissages Morvelle : son partenaire lève des fonds",
        "Nexalia, la jeune pousse qui développe des tissus chauffants avec les Tissages "
        "Morvelle, a levé 4 millions d'euros.",
        "fundraising",
        ("not", MORVELLE),
    ),
    (
        "en",
        "Tissages Morvelle partner raises funds",
        "Nexalia, which makes heated fabrics with Tissages Morvelle, has raised €4m.",
        "fundraising",
        ("not", MORVELLE),
    ),
    (
        "en",
        "Alcarène customer in trouble",
        "Aerilis, a drone maker supplied by Forges d'Alcarène, was placed in liquidation on "
        "Tuesday.",
        "insolvency",
        ("not", ALCARENE),
    ),
    # ---- the subject is a person of another firm
    (
        "fr",
        "Les Tissages Morvelle face aux start-up",
        "Les Tissages Morvelle gardent leurs clients. Julien Marchand, PDG de Nexalia, a "
        "annoncé le recrutement de 40 ingénieurs.",
        "hiring",
        ("not", MORVELLE),
    ),
    (
        "en",
        "Tissages Morvelle and the start-ups",
        "Tissages Morvelle keeps its customers. Julien Marchand, chief executive of "
        "Nexalia, said the start-up will hire 40 engineers.",
        "hiring",
        ("not", MORVELLE),
    ),
    # ---- the target of an acquisition
    (
        "fr",
        "Les Forges d'Alcarène passent sous pavillon américain",
        "Les Forges d'Alcarène ont été rachetées par le fonds Ardent Capital.",
        "acquisition",
        None,
    ),
    (
        "en",
        "Forges d'Alcarène sold",
        "Forges d'Alcarène has been acquired by private equity firm Ardent Capital.",
        "acquisition",
        None,
    ),
    (
        "fr",
        "Alcarène : un fonds aux commandes",
        "Le fonds Ardent Capital prend le contrôle des Forges d'Alcarène.",
        "acquisition",
        None,
    ),
    (
        "en",
        "Alcarène changes hands",
        "Private equity firm Ardent Capital has acquired a majority stake in Forges d'Alcarène.",
        "acquisition",
        None,
    ),
    # ---- a fund puts money into a registry firm: not that firm's investment
    (
        "fr",
        "Un fonds au capital de Vallorin",
        "Le fonds Ardent Capital investit 5 millions d'euros dans la brasserie Vallorin.",
        "investment",
        ("not", VALLORIN),
    ),
    (
        "en",
        "Fund backs Vallorin brewery",
        "Ardent Capital has invested €5m in Vallorin brewery.",
        "investment",
        ("not", VALLORIN),
    ),
    (
        "fr",
        "Vallorin lève des fonds",
        "La brasserie Vallorin lève 5 millions d'euros auprès du fonds Ardent Capital.",
        "fundraising",
        VALLORIN,
    ),
    # ---- partnerships: the first party's
    (
        "fr",
        "Morvelle et Nexalia s'allient",
        "Les Tissages Morvelle et la start-up Nexalia ont signé un partenariat pour "
        "développer un tissu chauffant.",
        "partnership",
        MORVELLE,
    ),
    (
        "en",
        "Nexalia signs with Morvelle",
        "Lyon start-up Nexalia has signed a partnership with Tissages Morvelle to develop "
        "heated fabrics.",
        "partnership",
        None,
    ),
    # ---- the customer of a contract
    (
        "fr",
        "Alcarène décroche une commande",
        "La SNCF a commandé 300 essieux aux Forges d'Alcarène.",
        "contract",
        ALCARENE,
    ),
    (
        "fr",
        "Morvelle externalise la maintenance",
        "Les Tissages Morvelle ont attribué à la société Quantor un contrat de maintenance "
        "de leurs métiers à tisser.",
        "contract",
        None,
    ),
    (
        "en",
        "Morvelle outsources maintenance",
        "Tissages Morvelle has awarded a three-year maintenance contract to Quantor Systems.",
        "contract",
        None,
    ),
    (
        "en",
        "Morvelle orders new looms",
        "Tissages Morvelle has picked Dutch loom maker Vanderbeek to supply 40 new looms "
        "under a €2m contract.",
        "contract",
        ("not", MORVELLE),
    ),
    # ---- a bare name or a place is the subject: not the article's company
    (
        "fr",
        "Les Tissages Morvelle se développent",
        "Les Tissages Morvelle gagnent des parts de marché. Nexalia a levé 3 millions "
        "d'euros auprès de ses actionnaires historiques.",
        "fundraising",
        ("not", MORVELLE),
    ),
    (
        "en",
        "Tissages Morvelle grows",
        "Tissages Morvelle is winning market share. Nexalia has raised €3m from its "
        "historical shareholders.",
        "fundraising",
        ("not", MORVELLE),
    ),
    (
        "fr",
        "La brasserie Vallorin s'agrandit",
        "La brasserie Vallorin s'agrandit à Rennes. Rennes Métropole investira 4 millions "
        "d'euros dans une nouvelle zone d'activités à côté.",
        "investment",
        ("not", VALLORIN),
    ),
    (
        "en",
        "Vallorin brewery grows",
        "Vallorin brewery is growing in Rennes. Rennes Metropole will invest €4m in a new business "
        "park next to it.",
        "investment",
        ("not", VALLORIN),
    ),
    # ---- a buyer named "au profit de" in a judgment is not the debtor
    (
        "fr",
        "Tribunal de commerce de Thiers",
        "Jugement arrêtant le plan de cession de la société Coutellerie Brandt, en "
        "redressement judiciaire, au profit des Forges d'Alcarène.",
        "insolvency",
        ("not", ALCARENE),
    ),
    # ---- "the buyer" is the buyer's, whoever the article is about
    (
        "fr",
        "Les Forges d'Alcarène changent de propriétaire",
        "Les Forges d'Alcarène ont été rachetées par un industriel allemand. Le repreneur "
        "recrutera 20 salariés à Thiers.",
        "hiring",
        ("not", ALCARENE),
    ),
    (
        "en",
        "Forges d'Alcarène changes owner",
        "Forges d'Alcarène has been bought by a German industrial group. The new owner will "
        "hire 20 workers in Thiers.",
        "hiring",
        ("not", ALCARENE),
    ),
    (
        "fr",
        "Les Forges d'Alcarène grandissent",
        "Les Forges d'Alcarène ont racheté la Coutellerie Brandt. Le repreneur recrutera 20 "
        "salariés à Thiers.",
        "hiring",
        ALCARENE,
    ),
    (
        "en",
        "Forges d'Alcarène grows",
        "Forges d'Alcarène has bought Brandt Cutlery. The buyer will hire 20 workers in Thiers.",
        "hiring",
        ALCARENE,
    ),
    # ---- an article about an unlisted firm: its events are not those of a registry
    # firm it names in passing
    (
        "fr",
        "La start-up Nexalia lève 3 millions d'euros",
        "La jeune pousse lyonnaise, qui compte les Tissages Morvelle parmi ses clients, va "
        "recruter 20 ingénieurs.",
        "hiring",
        ("not", MORVELLE),
    ),
    (
        "en",
        "Lyon start-up Nexalia raises €3m",
        "The start-up, whose customers include Tissages Morvelle, will hire 20 engineers.",
        "hiring",
        ("not", MORVELLE),
    ),
    (
        "fr",
        "Les Tissages Morvelle s'allient à la start-up Nexalia",
        "Les Tissages Morvelle s'allient à la start-up Nexalia. L'entreprise roannaise "
        "recrutera 20 tisserands.",
        "hiring",
        MORVELLE,
    ),
    (
        "fr",
        "Milipol : les Forges d'Alcarène décrochent une commande",
        "Les pièces seront forgées à Thiers. L'entreprise recrutera 15 techniciens.",
        "hiring",
        ALCARENE,
    ),
    # ---- guards: the article's own company keeps its events
    (
        "fr",
        "Les Tissages Morvelle embauchent",
        "Julien Marchand, PDG des Tissages Morvelle, annonce le recrutement de 40 tisserands.",
        "hiring",
        MORVELLE,
    ),
    (
        "en",
        "Tissages Morvelle to hire",
        "Tissages Morvelle is growing fast. The company will hire 40 weavers next year.",
        "hiring",
        MORVELLE,
    ),
    (
        "fr",
        "Alcarène rachète un concurrent",
        "Les Forges d'Alcarène ont racheté la société Ribaud, une fonderie de Thiers.",
        "acquisition",
        ALCARENE,
    ),
    (
        "en",
        "Alcarène buys a foundry",
        "Forges d'Alcarène has acquired Ribaud Foundry, a Thiers company with 40 staff.",
        "acquisition",
        ALCARENE,
    ),
]


@pytest.fixture(scope="module")
def attribution_enricher(enricher: Enricher) -> Iterator[Enricher]:
    """An enricher over this module's registry, sharing the session's loaded models."""
    yield Enricher(EnrichmentSettings(max_chars=5000), REGISTRY, models=enricher.models)


@pytest.fixture(scope="module")
def results(attribution_enricher: Enricher) -> list[list[dict[str, object]]]:
    """All cases enriched in one batch (as the service runs)."""
    found = attribution_enricher.enrich(
        [
            DocumentInput(f"d{i}", title, text, lang)
            for i, (lang, title, text, *_) in enumerate(CASES)
        ]
    )
    assert all(r.error is None for r in found)
    return [r.events for r in found]


@pytest.mark.parametrize(
    "position", range(len(CASES)), ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    _, title, _, kind, want = CASES[position]
    companies = [e["siren"] for e in results[position] if e["type"] == kind]
    if isinstance(want, tuple):
        assert want[1] not in companies, (title, results[position])
    else:
        assert want in companies, (title, results[position])
