"""Event rules that hold on new wording (issue 14.2): another firm's event told in passing,
measures across firms, failures and status quo, voluntary winding-up, merger clearance,
purchases, takeovers whose subject is the target, and everyday wordings.

Every text here was written for these tests (none comes from the tuning or held-out sets);
the companies are invented and put in a registry of their own.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.registry import CompanyRecord
from tests.enrichment.enriching import events_of, types

BRAUMONT = "900000201"
TALVERN = "900000202"
REGISTRY = [
    CompanyRecord(
        BRAUMONT, "Papeteries Braumont", BRAUMONT, ("Braumont",), None, "17.12Z", "88", "44", False
    ),
    CompanyRecord(
        TALVERN, "Groupe Talvern", TALVERN, ("Talvern",), None, "70.10Z", "56", "53", False
    ),
]


# Words of an event that report none of the article's subject.
NOT_NEWS = [
    # another firm, named by its tie to the subject
    (
        "fr",
        "insolvency",
        "Le cimentier maintient ses prévisions. La faillite de l'un de ses fournisseurs, "
        "un transporteur breton, retarde pourtant ses livraisons.",
    ),
    (
        "en",
        "insolvency",
        "The glassmaker kept its forecast. One of its suppliers, a small mould maker, went "
        "into administration in the spring.",
    ),
    ("fr", "acquisition", "Le brasseur se développe. Son principal concurrent a été racheté."),
    ("en", "acquisition", "The brewer is growing. Its main rival agreed to buy a Dutch maltster."),
    # measures across firms
    ("fr", "hiring", "Les recrutements progressent dans l'industrie normande."),
    ("en", "hiring", "Hiring across the chemicals industry slowed this quarter."),
    (
        "fr",
        "insolvency",
        "Près de 800 entreprises alsaciennes ont été placées en liquidation judiciaire.",
    ),
    ("en", "insolvency", "More than 1,200 firms in the region went into administration."),
    ("fr", "hiring", "Dans la vallée, de nombreuses PME recrutent des soudeurs."),
    ("en", "hiring", "Across the region, small manufacturers are hiring machinists."),
    # plans, preferences, failures and status quo
    ("fr", "fundraising", "La jeune pousse prépare une levée de fonds pour 2027."),
    ("en", "investment", "The brewer is preparing to build a new bottling plant."),
    ("fr", "insolvency", "Le dirigeant dit privilégier un plan de continuation."),
    ("en", "fundraising", "The robot maker is preparing a €8m fundraising round."),
    ("fr", "fundraising", "Après deux tours de table infructueux, la PME ferme."),
    ("en", "innovation", "A developer has won approval for a logistics park near Lens."),
    ("fr", "acquisition", "La verrerie a fermé sans parvenir à trouver un repreneur."),
    ("en", "fundraising", "The start-up shut down after failing to attract new investors."),
    ("fr", "acquisition", "La famille fondatrice conserve une participation majoritaire."),
    ("en", "acquisition", "The founders will keep a minority stake in the business."),
    ("fr", "closure", "Aucune suppression de postes n'est prévue à Épinal."),
    ("en", "closure", "No job cuts are planned at the Swindon plant."),
    # a voluntary winding-up, a merger's clearance, purchases
    (
        "fr",
        "insolvency",
        "L'associé unique a décidé la dissolution anticipée de la société. Le siège de la "
        "liquidation est fixé à Vannes.",
    ),
    ("en", "innovation", "The takeover received clearance from the competition authority."),
    ("fr", "contract", "Le transporteur vient de commander vingt camions électriques."),
    # owners retiring: a reason to sell, no change of leader
    ("en", "leadership", "The couple who run the bakery are retiring without a successor."),
    # a consortium that bids, invests or owns a project
    ("fr", "partnership", "Le marché a été remporté par un consortium mené par un groupe breton."),
    ("en", "partnership", "A consortium led by a Dutch dredger won the tender."),
    # a trade fair at home, a foreign buyer of the firm, a share of sales
    ("en", "export", "The resin maker showed its new range at a trade fair in Lyon."),
    ("en", "export", "The software firm was sold to a US buyer."),
    (
        "fr",
        "export",
        "Les commandes de l'étranger, surtout d'Asie, représentent le tiers du chiffre d'affaires.",
    ),
    # a race won, what a firm runs already, a transport route, a firm set up together
    ("fr", "contract", "Le skipper lorientais a remporté dimanche le Grand Prix de Quiberon."),
    ("en", "investment", "The developer operates 300 megawatts of solar parks in the south."),
    ("fr", "investment", "Le groupe exploite une centrale de 40 MW près de Dax."),
    ("fr", "investment", "Le transporteur ouvre une nouvelle ligne de car express vers Rouen."),
    ("fr", "hiring", "Les deux entreprises créeront une société commune."),
    # the workforce of a merger
    ("en", "hiring", "The combined group will employ 700 people."),
    # the shareholders close their own liquidation
    (
        "fr",
        "insolvency",
        "Avis de clôture de liquidation : l'associé unique a approuvé les comptes de "
        "liquidation et donné quitus au liquidateur.",
    ),
]


@pytest.mark.parametrize(("language", "kind", "text"), NOT_NEWS)
def test_words_of_an_event_that_report_none(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind not in types(events_of(registry_enricher, text, language))


# The same rules leave the subject's own news alone.
STILL_NEWS = [
    ("fr", "insolvency", "Le transporteur breton a été placé en liquidation judiciaire."),
    ("en", "closure", "The glassmaker will close its Leeds plant, cutting 80 jobs."),
    ("fr", "acquisition", "Talvern a racheté son principal concurrent, un fabricant nantais."),
    ("en", "hiring", "To keep up with demand, the workshop has hired twelve welders."),
    ("fr", "contract", "La SNCF a commandé douze rames à Braumont."),
    ("fr", "closure", "La fonderie ferme, faute de commandes, et supprime 60 postes."),
    ("fr", "investment", "Les deux entreprises investiront 10 millions d'euros à Lorient."),
    ("en", "contract", "The builder was named preferred bidder for the new hospital."),
    ("en", "innovation", "The drug maker won approval for its migraine treatment."),
    ("en", "leadership", "Chief executive Paul Martin will retire after ten years in the post."),
]


@pytest.mark.parametrize(("language", "kind", "text"), STILL_NEWS)
def test_the_subjects_own_news_is_kept(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language))


@pytest.mark.parametrize(
    "text",
    [
        "Les Papeteries Braumont s'adossent au groupe Talvern, qui prend 60 % du capital.",
        "Braumont passe dans le giron de Talvern.",
        "Braumont passe sous le contrôle du groupe Talvern.",
    ],
)
def test_a_takeover_whose_subject_is_the_target_goes_to_the_buyer(
    registry_enricher: Enricher, text: str
) -> None:
    [event] = [e for e in events_of(registry_enricher, text, "fr") if e["type"] == "acquisition"]
    assert event["siren"] == TALVERN


@pytest.mark.parametrize(
    "text",
    [
        "Braumont s'adosse à un fonds d'investissement lyonnais.",
        "Braumont passe sous le contrôle d'un industriel allemand.",
    ],
)
def test_a_target_is_never_given_its_own_takeover(registry_enricher: Enricher, text: str) -> None:
    events = [e for e in events_of(registry_enricher, text, "fr") if e["type"] == "acquisition"]
    assert events and all(e["siren"] != BRAUMONT for e in events)


WORDINGS = [
    ("en", "closure", "The online bike retailer has folded."),
    ("en", "fundraising", "The robotics firm has secured €7m from a group of family offices."),
    ("en", "fundraising", "The cooperative secured a bank loan to build a warehouse."),
    ("fr", "fundraising", "La PME a obtenu un prêt de 3 millions d'euros."),
    ("en", "acquisition", "The two hauliers will merge to form a national carrier."),
    ("en", "innovation", "The software publisher launched a scheduling app for dentists."),
    ("fr", "investment", "La laiterie va relancer la ligne de beurre de son site de Vire."),
    ("en", "investment", "The paper maker will reopen its mill in the Vosges in March."),
    ("en", "investment", "The cooperative will build a creamery near Bayeux."),
    ("fr", "investment", "Le négociant va construire un chai de 4 000 mètres carrés."),
    ("fr", "investment", "L'hébergeur a annoncé l'ouverture de son troisième centre de données."),
    # wordings of text by other hands (issue 14.2, the others_* tuning files)
    ("en", "hiring", "The cannery will employ 25 more people next year."),
    ("fr", "hiring", "La sucrerie cherche des saisonniers pour la campagne."),
    ("fr", "hiring", "Chaudronniers, mécaniciens et peintres aéronautiques sont recherchés."),
    ("en", "hiring", "The cannery is looking for seasonal workers."),
    ("en", "hiring", "The firm expects to take on around 40 more welders."),
    (
        "fr",
        "closure",
        "La chaîne va fermer d'ici la fin janvier ses boutiques de Nancy et de Metz.",
    ),
    ("fr", "closure", "Après 40 ans, la mercerie Dufresne baisse le rideau."),
    ("fr", "contract", "La société a signé avec la métropole de Lyon un contrat d'entretien."),
    ("fr", "contract", "Le fabricant a obtenu la maintenance des escaliers du métro."),
    ("fr", "contract", "La ville a retenu l'entreprise Braumont pour rénover sa piscine."),
    ("en", "contract", "The biscuit maker has won a listing with a Swedish supermarket chain."),
    (
        "en",
        "investment",
        "The ferry firm has ordered two liquefied natural gas-powered passenger ships.",
    ),
    ("en", "investment", "The spa hotel has reopened after a renovation costing 8 million euros."),
    ("en", "investment", "The warehouse cost 15 million euros."),
    ("fr", "investment", "Le bâtiment a coûté 3 millions d'euros."),
    ("fr", "investment", "Douze chalets ont été construits pour un montant de 2 millions d'euros."),
    ("fr", "acquisition", "La chocolaterie Berthet passe sous pavillon du groupe Valrhône."),
    (
        "fr",
        "acquisition",
        "La famille fondatrice a cédé la majorité du capital à un groupe lyonnais.",
    ),
    (
        "en",
        "fundraising",
        "The wind developer has secured 250 million euros of financing from banks.",
    ),
    ("en", "investment", "The glassmaker will build a furnace in the Vosges."),
    ("en", "innovation", "The start-up completed the maiden flight of its cargo drone."),
    ("en", "innovation", "The chemist has developed a coating that repels ice."),
    ("fr", "innovation", "Le constructeur a réussi le premier vol de son planeur électrique."),
    ("en", "insolvency", "The court opened judicial liquidation proceedings against the bakery."),
    (
        "fr",
        "closure",
        "Avis de clôture de liquidation : l'associé unique a approuvé les comptes de "
        "liquidation et donné quitus au liquidateur.",
    ),
]


@pytest.mark.parametrize(("language", "kind", "text"), WORDINGS)
def test_everyday_wordings(
    registry_enricher: Enricher, language: str, kind: str, text: str
) -> None:
    assert kind in types(events_of(registry_enricher, text, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Les Papeteries Braumont ont fermé. Ateliers du Ponant, une jeune entreprise fondée "
            "par deux ingénieurs, a racheté l'ancienne usine des Papeteries Braumont.",
        ),
        (
            "en",
            "Papeteries Braumont closed its doors. Brightfield, a young company set up by two "
            "engineers, has taken over the former plant of Papeteries Braumont.",
        ),
    ],
)
def test_a_firm_named_with_an_apposition_keeps_its_event(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    """A sentence that opens with an unlisted firm's name, which an apposition calls a
    firm, reports that firm's event, not the registry company named after the trigger."""
    events = [e for e in events_of(registry_enricher, text, language) if e["type"] == "acquisition"]
    assert events and all(e["siren"] != BRAUMONT for e in events)


@pytest.mark.parametrize(
    ("language", "text", "export"),
    [
        ("fr", "Braumont a signé un accord de distribution avec un importateur canadien.", True),
        ("en", "Papeteries Braumont signed a distribution deal with a Japanese retailer.", True),
        ("fr", "Braumont a noué un partenariat de recherche avec un laboratoire allemand.", False),
    ],
)
def test_a_distribution_deal_abroad_is_export_news(
    registry_enricher: Enricher, language: str, text: str, export: bool
) -> None:
    assert ("export" in types(events_of(registry_enricher, text, language))) is export
