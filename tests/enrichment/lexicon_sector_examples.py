"""Sentences each sector lexicon entry must match, in French and English: the examples
``test_lexicons.py`` runs through the real spaCy models."""

from __future__ import annotations

# (sector, language, sentences)
SECTOR_EXAMPLES: list[tuple[str, str, list[str]]] = [
    (
        "aeronautics",
        "fr",
        [
            "L'avionneur toulousain accélère les cadences de production de l'A320.",
            "Le sous-traitant aéronautique fabrique des pièces de fuselage pour les hélicoptères.",
        ],
    ),
    (
        "aeronautics",
        "en",
        [
            "The aerospace supplier makes fuselage panels for business jets.",
            "Airbus wants to raise production of its single-aisle airliners.",
        ],
    ),
    (
        "automotive",
        "fr",
        [
            "Le constructeur automobile réduit ses commandes aux équipementiers.",
            "La fonderie produit des disques de frein pour les véhicules électriques.",
        ],
    ),
    (
        "automotive",
        "en",
        [
            "The carmaker is cutting orders from its automotive suppliers.",
            "The plant assembles battery packs for electric vehicles.",
        ],
    ),
    (
        "defence",
        "fr",
        [
            "La DGA a commandé douze drones de surface pour la Marine nationale.",
            "L'industrie de défense se prépare à une économie de guerre.",
        ],
    ),
    (
        "defence",
        "en",
        [
            "The navy has ordered twelve surface drones for mine warfare.",
            "Defence contractors are ramping up ammunition output.",
        ],
    ),
    (
        "agrifood",
        "fr",
        [
            "La fromagerie jurassienne transforme le lait de 300 éleveurs.",
            "Le secteur agroalimentaire breton exporte ses biscuits en Asie.",
        ],
    ),
    (
        "agrifood",
        "en",
        [
            "The dairy buys milk from 300 farmers in the Jura.",
            "The biscuit maker is one of Brittany's largest food producers.",
        ],
    ),
    (
        "energy",
        "fr",
        [
            "Le producteur d'hydrogène vert installe un électrolyseur de 20 MW.",
            "Le parc éolien en mer alimentera 200 000 foyers.",
        ],
    ),
    (
        "energy",
        "en",
        [
            "The green hydrogen producer runs a 5 MW electrolyser in Metz.",
            "The offshore wind farm will power 200,000 homes.",
        ],
    ),
    (
        "chemicals",
        "fr",
        [
            "Le chimiste lyonnais produit des amines sur la plateforme chimique de Saint-Fons.",
            "L'usine fabriquera des résines biosourcées pour les fabricants de panneaux.",
        ],
    ),
    (
        "chemicals",
        "en",
        [
            "The Lyon chemicals maker produces amines and fine chemicals.",
            "The plant will make bio-based resins for panel makers.",
        ],
    ),
    (
        "construction",
        "fr",
        [
            "Le groupe de BTP nantais rachète un spécialiste des travaux maritimes.",
            "Le charpentier mise sur la construction bois et la rénovation énergétique.",
        ],
    ),
    (
        "construction",
        "en",
        [
            "The construction group builds quays and breakwaters.",
            "Housebuilders expect housing starts to fall again this year.",
        ],
    ),
    (
        "digital",
        "fr",
        [
            "L'éditeur de logiciel utilise l'intelligence artificielle pour classer les factures.",
            "Le centre de données hébergera un cloud souverain.",
        ],
    ),
    (
        "digital",
        "en",
        [
            "The software company uses artificial intelligence to sort invoices.",
            "The data centre will host a sovereign cloud for hospitals.",
        ],
    ),
    (
        "health",
        "fr",
        [
            "Le laboratoire pharmaceutique ferme sa ligne de médicaments injectables.",
            "La medtech a obtenu le marquage CE pour son dispositif médical.",
        ],
    ),
    (
        "health",
        "en",
        [
            "The pharmaceutical group is closing its injectable drugs line.",
            "The medical device maker received FDA clearance for its implant.",
        ],
    ),
    (
        "transport",
        "fr",
        [
            "Le transporteur routier dijonnais exploite 120 camions.",
            "La plateforme logistique sera desservie par une navette ferroviaire.",
        ],
    ),
    (
        "transport",
        "en",
        [
            "The haulier runs 120 trucks from its Dijon depot.",
            "The logistics firm will launch a rail shuttle from the container terminal.",
        ],
    ),
    (
        "textile_luxury",
        "fr",
        [
            "Le tisseur roannais fournit la maroquinerie de luxe.",
            "Le bottier de Romans ouvre une boutique de chaussures à Tokyo.",
        ],
    ),
    (
        "textile_luxury",
        "en",
        [
            "The lace maker supplied lingerie brands and couture houses.",
            "The shoemaker sells luxury leather goods in Tokyo.",
        ],
    ),
    (
        "tourism",
        "fr",
        [
            "Le groupe hôtelier rénove ses hôtels de Chamonix.",
            "La station de ski compte sur les touristes étrangers.",
        ],
    ),
    (
        "tourism",
        "en",
        [
            "The hotel group is renovating its Chamonix hotels.",
            "Ski resorts expect a strong winter season.",
        ],
    ),
]
