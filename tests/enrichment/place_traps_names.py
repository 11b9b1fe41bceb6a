"""Place traps (see ``test_place_traps.py``), first half: names that look like French
places -- people, common words and products, foreign namesakes, sports clubs, treaties and
institutions, streets and stations."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Trap:
    name: str
    language: str
    title: str
    text: str
    departments: frozenset[str]
    regions: frozenset[str]


def trap(name: str, title: str, text: str, departments: str = "", regions: str = "") -> Trap:
    return Trap(
        name,
        name[:2],
        title,
        text,
        frozenset(departments.split()),
        frozenset(regions.split()),
    )


NAME_TRAPS = [
    # -- people named like towns -------------------------------------------------------------
    trap(
        "fr-civilite-lens",
        "Ortalis ferme son atelier de Saint-Nazaire",
        "Le fabricant de pièces navales cessera la production en juin. « Nous n'avions plus "
        "le choix », explique M. Lens, son directeur général, qui promet de reclasser les 35 "
        "salariés.",
        "44",
        "52",
    ),
    trap(
        "fr-nom-seul-millau",
        "Thomas Millau prend la présidence de Brivane",
        "Le conseil de surveillance de Brivane, fabricant de composants électroniques "
        "installé à Grenoble, a nommé Thomas Millau président du directoire. Millau dirigeait "
        "jusqu'ici la filiale allemande du groupe.",
        "38",
        "84",
    ),
    trap(
        "fr-prenom-nancy",
        "Nancy Girard quitte la direction financière de Semavia",
        "Nancy Girard rejoindra en septembre un fonds d'investissement. Semavia, qui fabrique "
        "des capteurs à Annecy, a lancé le recrutement de son successeur.",
        "74",
        "84",
    ),
    trap(
        "fr-prenom-albert",
        "Le fondateur de Mécaval passe la main",
        "Albert Fournier, 71 ans, cède la majorité du capital de l'entreprise de mécanique de "
        "précision à ses cadres. Albert, comme l'appellent les salariés, restera président "
        "d'honneur. L'usine de Cholet emploie 80 personnes.",
        "49",
        "52",
    ),
    trap(
        "fr-maitre-rochefort",
        "Les salariés de Fonderies Armel contestent le plan social",
        "Soixante postes doivent être supprimés dans l'usine de Vierzon. Me Rochefort, "
        "l'avocat du comité social et économique, a saisi le tribunal judiciaire.",
        "18",
        "24",
    ),
    trap(
        "en-mr-lens",
        "Calvane to shut its Quimper foundry",
        "The closure will affect 60 workers, Mr Lens, the chief executive, told staff on Monday.",
        "29",
        "53",
    ),
    trap(
        "en-paris-hilton",
        "Paris Hilton's fragrance line picks Grasse-based perfumer",
        "Floréa, a family-owned perfume maker, will produce the celebrity's new scents at its "
        "plant in Grasse.",
        "06",
        "93",
    ),
    trap(
        "en-nancy-first-name",
        "Nancy Chen named finance chief at Lorvane",
        "Lorvane, a Nantes-based maker of marine batteries, said Nancy Chen would join in "
        "March. Nancy previously ran finance at a British utility.",
        "44",
        "52",
    ),
    trap(
        "en-surname-later-millau",
        "Brivane appoints Thomas Millau as chairman",
        "The Grenoble electronics maker said Millau, who ran its German subsidiary, would take "
        "over in June.",
        "38",
        "84",
    ),
    # -- common words and products -----------------------------------------------------------
    trap(
        "fr-orange-operateur",
        "Orange déploie la fibre dans les zones rurales",
        "L'État, qui détient 23 % du capital d'Orange, a approuvé le plan. Le président "
        "d'Orange a annoncé 1 200 recrutements de techniciens d'ici 2027.",
    ),
    trap(
        "en-orange-company",
        "Orange to cut 2,000 jobs in France",
        "The telecoms group Orange said on Tuesday it would cut jobs at its head office and "
        "call centres. Shares in Orange rose 2%.",
    ),
    trap(
        "fr-tours-de-table",
        "Après trois tours de table, Kaliop boucle sa levée",
        "Tours de table, audits, négociations : la start-up bordelaise a mis dix-huit mois à "
        "convaincre ses investisseurs.",
        "33",
        "75",
    ),
    trap(
        "fr-cognac-champagne-produits",
        "Un caviste lyonnais mise sur les spiritueux",
        "La Cave des Canuts vend désormais du Cognac et du Champagne en vrac, et son gérant a "
        "écoulé 4 000 bouteilles de Champagne pendant les fêtes.",
        "69",
        "84",
    ),
    trap(
        "fr-camembert-roquefort",
        "La fromagerie normande Graindor lance un Camembert bio",
        "Le fromager, installé près de Caen, produira aussi un bleu au lait de brebis pour "
        "concurrencer le Roquefort. Il investit 3 millions d'euros.",
        "14",
        "28",
    ),
    trap(
        "en-champagne-bottles",
        "Lyon wine merchant doubles holiday sales",
        "Cave Bellecour sold 40,000 bottles of Champagne over the holidays and now sells more "
        "glasses of Cognac than of wine, its owner said.",
        "69",
        "84",
    ),
    trap(
        "en-title-case-nice",
        "A Nice Surprise for Toulouse Aerospace Suppliers",
        "Orders at the city's aerospace suppliers rose 14% in the third quarter, the chamber "
        "of commerce said.",
        "31",
        "76",
    ),
    # -- foreign namesakes ---------------------------------------------------------------------
    trap(
        "fr-vienne-opep",
        "L'OPEP réduit sa production, les raffineurs s'inquiètent",
        "Les ministres de l'OPEP, réunis à Vienne, en Autriche, ont décidé mardi une nouvelle "
        "baisse de la production. Le raffineur normand Petrovex prévoit de réduire l'activité "
        "de sa raffinerie du Havre.",
        "76",
        "28",
    ),
    trap(
        "fr-valence-espagne",
        "Le groupe Ferrandis agrandit son usine de Valence, en Espagne",
        "L'équipementier automobile investira 40 millions d'euros dans son site espagnol, qui "
        "fournit l'usine Ford voisine.",
    ),
    trap(
        "fr-saint-louis-senegal",
        "Sucres Atlantique investit au Sénégal",
        "Le groupe sucrier bordelais investit 20 millions d'euros dans une raffinerie à "
        "Saint-Louis, au Sénégal, qui emploiera 300 personnes.",
        "33",
        "75",
    ),
    trap(
        "fr-laval-quebec",
        "Le fabricant de drones Altavia s'implante à Laval, au Québec",
        "L'entreprise toulousaine y ouvrira un centre de recherche de 50 personnes.",
        "31",
        "76",
    ),
    trap(
        "en-paris-texas",
        "Kimberly-Clark expands its plant in Paris, Texas",
        "The consumer goods maker will invest $60 million in the plant, adding 120 jobs, the "
        "company said.",
    ),
    trap(
        "en-saint-louis-missouri",
        "Aircraft seat maker Sièges Volta opens US plant",
        "The Toulouse-based company will build seats for Boeing at a new factory in "
        "Saint-Louis, Missouri, hiring 150 people.",
        "31",
        "76",
    ),
    trap(
        "en-new-orleans",
        "Cajun spice maker picks Marseille for European hub",
        "The New Orleans company will open a warehouse in Marseille's port district next year.",
        "13",
        "93",
    ),
    trap(
        "en-laval-quebec",
        "Quebec suburb lures French biotech",
        "Lyon-based Génovia will open a 40-person lab in Laval, Quebec, its first outside France.",
        "69",
        "84",
    ),
    trap(
        "en-bruges-belgium",
        "Belgian chocolatier buys Lille confectioner",
        "Chocolaterie Van Dijck, based in Bruges, Belgium, will keep the Lille site and its 45 "
        "staff.",
        "59",
        "32",
    ),
    # -- sports clubs ----------------------------------------------------------------------------
    trap(
        "fr-club-psg",
        "Le Paris Saint-Germain signe avec le brasseur nantais Ondine",
        "Le club de football a choisi la brasserie, qui emploie 60 personnes à Nantes, comme "
        "fournisseur officiel de ses loges.",
        "44",
        "52",
    ),
    trap(
        "fr-club-om-stade-rennais",
        "Kerfi devient sponsor maillot de l'Olympique de Marseille",
        "L'éditeur de logiciels, installé à Brest, sponsorisait jusqu'ici le Stade rennais.",
        "29",
        "53",
    ),
    trap(
        "fr-club-rc-lens-fc-nantes",
        "Le RC Lens et le FC Nantes changent d'équipementier",
        "Le fabricant de vêtements de sport Valmont Sport, basé à Roubaix, habillera les deux "
        "clubs à partir de la saison prochaine.",
        "59",
        "32",
    ),
    trap(
        "en-psg",
        "Paris Saint-Germain signs kit deal with Roubaix sportswear maker",
        "The football club chose Valmont Sport, which employs 200 people in Roubaix, as its "
        "official supplier for five seasons.",
        "59",
        "32",
    ),
    trap(
        "en-om",
        "Olympique de Marseille finds new shirt sponsor",
        "Brest-based software maker Kerfi will pay €6m a season to appear on the club's "
        "shirts, it said on Friday.",
        "29",
        "53",
    ),
    # -- treaties, summits, institutions -------------------------------------------------------
    trap(
        "fr-accord-de-paris",
        "Le cimentier Béton d'Argile s'aligne sur l'accord de Paris",
        "L'entreprise s'engage à réduire de moitié ses émissions d'ici 2035, conformément à "
        "l'accord de Paris sur le climat.",
    ),
    trap(
        "fr-salon-du-bourget",
        "Le motoriste toulousain Aérion signe 40 commandes",
        "Les contrats ont été signés au Salon du Bourget, où le groupe présentait son nouveau "
        "moteur. La production sera assurée dans son usine de Blagnac.",
        "31",
        "76",
    ),
    trap(
        "en-paris-agreement",
        "Cement maker Ciments Argile pledges to meet Paris Agreement goals",
        "The company will halve its emissions by 2035 in line with the Paris Agreement, its "
        "chief executive said.",
    ),
    trap(
        "en-summit-versailles",
        "Battery maker to build €5bn plant in Dunkirk",
        "Taiwan's Voltera announced the investment at the Choose France summit in Versailles "
        "on Monday. The plant will employ 3,000 people.",
        "59",
        "32",
    ),
    trap(
        "fr-universite-de-lyon",
        "L'Université de Lyon et Biosens ouvrent un laboratoire commun",
        "La start-up et l'université recruteront 12 chercheurs pour travailler sur les "
        "capteurs médicaux.",
        "69",
        "84",
    ),
    trap(
        "en-hec-paris",
        "Lille fintech Payvo raises €12m",
        "Co-founded by two HEC Paris graduates, the start-up will double its Lille team to 80.",
        "59",
        "32",
    ),
    # -- streets, stations, gates --------------------------------------------------------------
    trap(
        "fr-rue-de-lyon",
        "La chaîne Pains d'Antan ouvre une boutique à Paris",
        "La boulangerie, installée au 40, rue de Lyon, dans le 12e arrondissement, emploiera "
        "huit personnes.",
        "75",
        "11",
    ),
    trap(
        "fr-gare-de-lyon",
        "Dix TGV de plus au départ de Paris",
        "SNCF Voyageurs ajoutera dix trains par jour au départ de la gare de Lyon dès décembre.",
        "75",
        "11",
    ),
    trap(
        "en-porte-de-versailles",
        "Paris trade fair organiser Expovia posts record year",
        "The company, which runs shows at Porte de Versailles, said attendance rose 12%.",
        "75",
        "11",
    ),
    trap(
        "en-rue-de-rennes",
        "Sneaker brand Vélo Rouge opens Paris flagship",
        "The 400 m² store on Rue de Rennes will employ 15 people.",
        "75",
        "11",
    ),
]
