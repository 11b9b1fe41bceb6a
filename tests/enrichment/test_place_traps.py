"""Issue 14 (part 3, precision): words that look like French places but are not the place
the news is about -- people named like towns, products, clubs, treaties, streets, company
names, foreign namesakes, places in a biography or a rival's, homonymous communes.

Every text here was written for these tests from general knowledge of news wording (none
comes from an evaluation set). Each case gives the regions and departments a reader would
file the document under; a town inside a club's, a bank's or a treaty's name, a street
named after another town, a person's birthplace and a foreign namesake are not among them.
The test companies are not in the registry, so only the text gives places.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from myrtille.enrichment.enricher import DocumentInput, Enricher


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


TRAPS = [
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
    # -- company names holding a place ---------------------------------------------------------
    trap(
        "fr-banque-de-savoie",
        "La Banque de Savoie finance la reprise d'un décolleteur",
        "L'établissement prête 4 millions d'euros au groupe grenoblois Alpitec pour racheter "
        "un atelier.",
        "38",
        "84",
    ),
    trap(
        "fr-brittany-ferries",
        "Brittany Ferries commande deux navires hybrides",
        "La compagnie maritime a signé avec un chantier chinois une commande de 300 millions "
        "d'euros. Les navires relieront l'Angleterre à l'Espagne dès 2028.",
    ),
    trap(
        "fr-lyonnaise-des-eaux",
        "Suez remporte le contrat de l'eau de Bordeaux Métropole",
        "Suez, l'ancienne Lyonnaise des Eaux, gérera la distribution d'eau potable de la "
        "métropole pendant dix ans.",
        "33",
        "75",
    ),
    trap(
        "en-brittany-ferries",
        "Brittany Ferries orders two hybrid ships from Chinese yard",
        "The ferry operator will pay €300m for the vessels, which will link England and Spain "
        "from 2028.",
    ),
    trap(
        "en-credit-agricole-normandie",
        "Crédit Agricole Normandie lends €10m to Lyon robot maker",
        "Robotia, based in Villeurbanne, will use the loan to build a second assembly line.",
        "69",
        "84",
    ),
    # -- places in passing: a birthplace, studies, a former job, a rival ---------------------
    trap(
        "fr-nee-a-brest",
        "La start-up lyonnaise Cyclom lève 5 millions d'euros",
        "Née à Brest il y a quarante ans, sa fondatrice a installé l'entreprise à Villeurbanne "
        "en 2019. Les fonds financeront le recrutement de 30 ingénieurs.",
        "69",
        "84",
    ),
    trap(
        "fr-etudes-ancien-poste",
        "Un ingénieur relance une filature dans les Vosges",
        "Après des études à Grenoble et dix ans chez un équipementier à Lyon, Marc Petit a "
        "repris la filature d'Épinal et ses 25 salariés.",
        "88",
        "44",
    ),
    trap(
        "fr-concurrent-rennais",
        "Le fabricant nantais de cuisines Kinéa rachète un atelier",
        "L'entreprise reprend l'atelier de menuiserie de Clisson et ses 18 salariés. Son "
        "concurrent rennais Cuisimo avait renoncé à l'offre.",
        "44",
        "52",
    ),
    trap(
        "fr-auparavant-clermont",
        "Claire Morin prend la direction de Plastimer",
        "Plastimer, fabricant d'emballages installé à Oyonnax, a nommé Claire Morin directrice "
        "générale. Elle dirigeait auparavant une usine de pneus à Clermont-Ferrand.",
        "01",
        "84",
    ),
    trap(
        "en-born-studied",
        "Toulouse drone maker Aérix raises €8m",
        "Born in Brest, founder Léa Morvan studied in Grenoble before setting up the company "
        "in Toulouse in 2018. The funds will pay for 40 hires.",
        "31",
        "76",
    ),
    trap(
        "en-marseille-born",
        "Lille robotics start-up Kobot raises €6m",
        "The Marseille-born founder set up the company in Lille in 2020; it employs 35 people.",
        "59",
        "32",
    ),
    trap(
        "fr-surname-gaillard",
        "Le fabricant de palettes Boisnor change de président",
        "Le conseil d'administration a désigné Sophie Gaillard, qui dirigeait le site d'Amiens. "
        "Gaillard succède au fondateur, parti à la retraite.",
        "80",
        "32",
    ),
    trap(
        "fr-region-en-passant-premier-paragraphe",
        "Le fromager savoyard Alpage investit à Annecy",
        "L'entreprise, qui vend aussi ses tommes en Bretagne, construit une cave d'affinage "
        "à Annecy et embauche huit personnes.",
        "74",
        "84",
    ),
    trap(
        "en-region-in-passing-first-paragraph",
        "Grenoble chipmaker Siltek doubles capacity",
        "The Grenoble company, which also supplies carmakers in Normandy, will add a clean room "
        "and 80 jobs.",
        "38",
        "84",
    ),
    trap(
        "en-rival",
        "Nantes kitchen maker Kinéa buys Clisson workshop",
        "The company takes over the joinery workshop and its 18 staff. Its Rennes-based rival "
        "Cuisimo had dropped its bid.",
        "44",
        "52",
    ),
    trap(
        "en-previously-ran",
        "Plastimer names new chief executive",
        "Plastimer, a packaging maker based in Oyonnax, said Claire Morin would take over in "
        "May. She previously ran a tyre plant in Clermont-Ferrand.",
        "01",
        "84",
    ),
    # -- homonymous communes -------------------------------------------------------------------
    trap(
        "fr-saint-denis-seine-saint-denis",
        "Urbalis construira 300 logements à Saint-Denis",
        "Le promoteur a obtenu le permis de construire pour un ensemble de logements et de "
        "bureaux en Seine-Saint-Denis, près du Stade de France.",
        "93",
        "11",
    ),
    trap(
        "en-saint-denis-no-context",
        "Data centre operator Nexium opens site in Saint-Denis",
        "The €200m facility will employ 60 people, the company said.",
    ),
    trap(
        "en-saint-denis-reunion",
        "Sugar group invests in Saint-Denis",
        "Sucrerie de l'Océan will spend €15m on a new warehouse in Saint-Denis, on La "
        "Réunion's northern coast.",
        "974",
        "04",
    ),
    trap(
        "en-saint-louis-alsace",
        "Pharma packager expands Alsace site",
        "Blispak will add a production line at its plant in Saint-Louis, on the Swiss border, "
        "creating 70 jobs.",
        "68",
        "44",
    ),
    # -- newspapers, governments, festivals, races ---------------------------------------------
    trap(
        "fr-le-parisien",
        "Le fabricant de jouets Ludéa rappelle 20 000 trottinettes",
        "Selon Le Parisien, un défaut de freinage a été signalé par plusieurs clients. "
        "L'entreprise, installée à Valenciennes, a ouvert un numéro vert.",
        "59",
        "32",
    ),
    trap(
        "fr-courrier-picard",
        "Le verrier Cristalis supprime 45 postes",
        "Les suppressions concernent l'usine de Saint-Just-en-Chaussée, dans l'Oise, a "
        "indiqué Le Courrier picard. Le Républicain lorrain avait déjà évoqué un plan social "
        "dans une autre usine du secteur.",
        "60",
        "32",
    ),
    trap(
        "en-paris-berlin",
        "EU steel tariffs: carmakers brace for higher costs",
        "Paris and Berlin pushed for the new duties, which will raise the cost of flat steel "
        "for European carmakers by up to 8%, analysts said.",
    ),
    trap(
        "fr-paris-et-berlin",
        "Acier : les équipementiers redoutent la hausse des droits de douane",
        "Défendue par Paris et Berlin, la mesure renchérira de 8 % le prix de l'acier plat "
        "pour les constructeurs européens.",
    ),
    trap(
        "en-cannes-lions",
        "Lille ad agency Pixelune wins gold at Cannes Lions",
        "The agency, which employs 60 people in Lille, was rewarded for a campaign for a "
        "regional bank at the Cannes Lions festival.",
        "59",
        "32",
    ),
    trap(
        "fr-vendee-globe",
        "Le chantier lorientais Océa construira un voilier pour le Vendée Globe",
        "Le bateau sera construit à Lorient et mis à l'eau au printemps.",
        "56",
        "53",
    ),
    trap(
        "en-brittany-first-name",
        "Brittany Smith joins Lorvane as finance chief",
        "Brittany Smith, previously at Jefferies, will join the Nantes-based battery maker in "
        "March.",
        "44",
        "52",
    ),
    trap(
        "fr-pme-bretonnes",
        "Les PME bretonnes investissent dans la robotique",
        "Selon la CCI, les ETI normandes et les PME bretonnes ont commandé deux fois plus de "
        "robots qu'en 2023.",
        "",
        "28 53",
    ),
    # -- routes, provinces, appositions, usual names ------------------------------------------
    trap(
        "fr-ligne-entre",
        "La compagnie Air Vendée ouvre une ligne vers Lyon",
        "La compagnie vendéenne reliera La Roche-sur-Yon et Lyon trois fois par semaine. "
        "Basée aux Sables-d'Olonne, elle exploitera la ligne entre l'aéroport vendéen et "
        "Lyon avec un turbopropulseur.",
        "85",
        "52",
    ),
    trap(
        "en-route-between",
        "Cotentin ferry operator adds a Cherbourg sailing",
        "The Cherbourg-based operator will run a second daily crossing between Cherbourg and "
        "Portsmouth, and a weekly one between Cherbourg and Bilbao, from May.",
        "50",
        "28",
    ),
    trap(
        "fr-savoyard",
        "Le décolleteur savoyard Perrin reprend un concurrent",
        "L'entreprise de Cluses, dans la vallée de l'Arve, reprend l'atelier Brunet et ses "
        "22 salariés.",
        "74",
        "84",
    ),
    trap(
        "fr-apposition-departement",
        "La fromagerie de Beaumont ferme",
        "La fromagerie de Beaumont, en Haute-Savoie, cessera son activité en mars ; ses 14 "
        "salariés seront reclassés.",
        "74",
        "84",
    ),
    trap(
        "fr-sainte-marie-martinique",
        "Une distillerie de Sainte-Marie passe au solaire",
        "La distillerie de Sainte-Marie, en Martinique, installe 3 000 panneaux sur ses chais.",
        "972",
        "02",
    ),
    trap(
        "fr-matignon",
        "Le fabricant de batteries Voltéo reçu à Matignon",
        "Le patron de l'entreprise, installée à Dunkerque, a présenté à Matignon son projet "
        "d'usine de 1 200 emplois.",
        "59",
        "32",
    ),
    # -- what must still count -----------------------------------------------------------------
    trap(
        "fr-rcs-lyon-annonce",
        "Vente de fonds de commerce",
        "Greffe du tribunal de commerce de Lyon. Boulangerie Mercière, SARL, RCS Lyon "
        "812 345 678. Fonds de commerce de boulangerie sis 12 rue Mercière, 69002 Lyon.",
        "69",
        "84",
    ),
    trap(
        "fr-laval-departement",
        "L'imprimerie Gautier recrute",
        "Les Imprimeries Gautier, implantées sur la zone industrielle de Laval (53), "
        "embaucheront douze conducteurs de presse d'ici l'été.",
        "53",
        "52",
    ),
    trap(
        "fr-fos-nom-usuel",
        "Le sidérurgiste Acierval investit à Fos",
        "L'usine de Fos emploie 2 500 personnes ; le groupe y construira un four électrique.",
        "13",
        "93",
    ),
    trap(
        "fr-valence-drome",
        "Un fabricant de meubles s'agrandit à Valence",
        "Meubles Charvet investit 6 millions d'euros dans son usine de la Drôme et créera 40 "
        "emplois.",
        "26",
        "84",
    ),
]


def enrich(enricher: Enricher, case: Trap) -> tuple[set[str], set[str]]:
    [result] = enricher.enrich([DocumentInput(case.name, case.title, case.text, case.language)])
    assert result.error is None, result.error
    return set(result.regions), set(result.departments)


# Traps the rules do not catch yet: "Paris Hilton's" (the model calls it an organisation,
# and a town followed by a capitalised word is as often an institution of that town:
# "Lyon Part-Dieu", "Nantes Métropole"); "Cannes Lions" in a title (caught as "the Cannes
# Lions festival" in the text only).
KNOWN_LIMITS = {"en-paris-hilton", "en-cannes-lions"}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(t, marks=pytest.mark.xfail(strict=True, reason="known limit"))
        if t.name in KNOWN_LIMITS
        else t
        for t in TRAPS
    ],
    ids=[t.name for t in TRAPS],
)
def test_only_the_places_of_the_news(enricher: Enricher, case: Trap) -> None:
    regions, departments = enrich(enricher, case)
    assert (regions, departments) == (set(case.regions), set(case.departments))
