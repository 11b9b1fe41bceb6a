"""Event salience cases (see ``test_event_salience.py``) about wording rather than place
in the text: words that describe a firm report no event, even at the top; hyphenated
words ("accord-cadre", "tie-up") are found. Same tuple as there."""

from __future__ import annotations

WORDING_CASES: list[tuple[str, str, str, set[str], set[str]]] = [
    # ---- words that describe a firm report no event, even at the top
    (
        "fr",
        "Une PME innovante s'installe à Pau",
        "Le fabricant de drones Aérix, une PME innovante fondée en 2018, ouvre un atelier de "
        "2 000 mètres carrés à Pau.",
        {"investment"},
        {"innovation"},
    ),
    (
        "fr",
        "Quenoa consacre 12 % de son chiffre d'affaires à la recherche et développement",
        "Quenoa ouvre un nouveau site de production à Saint-Nazaire.",
        {"investment"},
        {"innovation"},
    ),
    (
        "en",
        "Grenoble chipmaker Siltron raises €30m",
        "Siltron, known for innovation in power chips, has raised €30m from a group of "
        "industrial investors.",
        {"fundraising"},
        {"innovation"},
    ),
    (
        "en",
        "Oxalyne opens R&D centre in Nantes",
        "Oxalyne, whose R&D team designs next-generation drugs with additive manufacturing "
        "tools, opened a new research centre in Nantes.",
        {"investment"},
        {"innovation"},
    ),
    (
        "en",
        "Reunion Island hauler Transkréol buys six trucks",
        "Transkréol, the largest haulier in the French overseas department, has bought six "
        "electric trucks for its Saint-Denis depot.",
        set(),
        {"export"},
    ),
    (
        "en",
        "Kerlenn Naval's new ferries enter service",
        "The two ferries built by Kerlenn Naval for the Brittany islands entered service on "
        "Monday.",
        {"investment"},
        set(),
    ),
    (
        "en",
        "Brest boatbuilder Kerlenn bets on after-sales",
        "Kerlenn Naval, based in a business park near Brest, has put customer service at the "
        "heart of its offer, its managing director said at a trade lunch.",
        set(),
        {"investment"},
    ),
    (
        "en",
        "Normandy equipment hire firm Locanor buys rival Matloc",
        "Locanor, a Caen-based plant and equipment hire company, has bought its smaller "
        "rival Matloc, which rents out diggers and scaffolding from four depots in the "
        "Manche department.",
        {"acquisition"},
        {"hiring"},
    ),
    (
        "fr",
        "Litige commercial : le distributeur Ferlam condamné à Lyon",
        "Le tribunal de commerce de Lyon a condamné le distributeur Ferlam à verser "
        "2 millions d'euros à son ancien fournisseur pour rupture brutale de contrat.",
        set(),
        {"insolvency"},
    ),
    (
        "en",
        "Nancy brewer Bière de l'Est sued by its former distributor",
        "A former distributor has taken Bière de l'Est, a Nancy brewer, to the commercial "
        "court over unpaid commissions, the company confirmed on Friday.",
        set(),
        {"insolvency"},
    ),
    (
        "fr",
        "Vosges : la papeterie Clairval change de mains",
        "Le groupe papetier Clairval, présent dans 40 pays et qui réalise l'essentiel de ses "
        "ventes à l'international, a été cédé au fonds d'investissement Arcadie.",
        {"acquisition"},
        {"export"},
    ),
    (
        "en",
        "Morvelec buys cable maker Ardane",
        "Morvelec has bought the cable maker Ardane, which exports most of its output to Germany.",
        {"acquisition"},
        {"export"},
    ),
    (
        "en",
        "Nantes: Oxalyne opens a laboratory",
        "Oxalyne, the Nantes biotech, has opened a laboratory in Saint-Herblain for its "
        "40 researchers.",
        {"investment"},
        set(),
    ),
    (
        "fr",
        "Le département de la Vienne lance un appel d'offres pour ses routes",
        "Le conseil départemental de la Vienne a lancé un appel d'offres de 20 millions "
        "d'euros pour l'entretien de ses routes.",
        set(),
        {"innovation"},
    ),
    (
        "fr",
        "Morvelec lance une offre publique d'achat sur Ardane",
        "Le groupe Morvelec lance une offre publique d'achat sur les Câbleries d'Ardane, "
        "cotées à Paris.",
        {"acquisition"},
        {"innovation"},
    ),
    (
        "en",
        "Rennes: the digital cluster in numbers",
        "Rennes' digital cluster now counts 1,200 firms, according to a study published on "
        "Monday. Many start-ups are recruiting.",
        set(),
        {"hiring"},
    ),
    # ---- hyphenated words are three tokens: "accord-cadre", "tie-up" are found
    (
        "fr",
        "Kerlenn Naval et la Marine nationale",
        "Kerlenn Naval a signé un accord-cadre de quatre ans avec la Marine nationale pour "
        "l'entretien de ses vedettes.",
        {"contract"},
        set(),
    ),
    (
        "en",
        "Tivolis and a German bank",
        "Tivolis has announced a tie-up with a German cooperative bank to sell its billing "
        "software in Bavaria.",
        {"partnership"},
        set(),
    ),
    (
        "fr",
        "Le chaudronnier Talmont lauréat du prix de l'entreprise familiale",
        "Talmont Industrie, installé dans un parc d'activités de Cholet, est lauréat du prix "
        "régional de l'entreprise familiale.",
        set(),
        {"contract"},
    ),
]
