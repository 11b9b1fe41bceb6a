"""Attribution cases (see ``test_attribution_new.py``), second half: partners, customers,
a bare name or a place as the subject, the buyer in a judgment or named "the buyer", an
article about an unlisted firm, and guards that keep the article's own company its
events. Same tuple as there."""

from __future__ import annotations

from tests.enrichment.attribution_cases_subjects import ALCARENE, MORVELLE, VALLORIN

ROLE_CASES: list[tuple[str, str, str, str, object]] = [
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
