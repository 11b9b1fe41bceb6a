"""Attribution cases (see ``test_attribution_new.py``), first half: the subject of the
sentence is another firm or a person of another firm, the target of an acquisition, a
fund putting money into a registry firm; and the SIRENs of the test registry."""

from __future__ import annotations

ALCARENE = "900000301"
MORVELLE = "900000302"
VALLORIN = "900000303"

# (language, title, text, event type, company): the SIREN the event of that type must
# carry (None: a firm outside the registry), or ("not", SIREN): no event of that type
# may be given to that company.
SUBJECT_CASES: list[tuple[str, str, str, str, object]] = [
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
]
