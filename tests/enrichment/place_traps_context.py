"""Place traps (see ``test_place_traps.py``), second half: places a text names beside the
news -- company names, a birthplace or a rival's site, homonymous communes, newspapers and
festivals, routes and provinces -- and the places that must still count."""

from __future__ import annotations

from tests.enrichment.place_traps_names import trap

CONTEXT_TRAPS = [
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
        "en-route-to",
        "Ferry operator Méridienne orders two hybrid ships",
        "Méridienne, a Toulon ferry operator, has ordered two hybrid ships for its routes to "
        "Corsica from 2029.\n\nThe ships will plug into shore power at its Toulon quay.",
        "83",
        "93",
    ),
    trap(
        "fr-liaisons-a-destination",
        "La compagnie Corsaire Lignes commande deux navires",
        "Basée à Sète, la compagnie exploitera dès juin ses liaisons à destination de la Corse "
        "avec deux navires neufs.\n\nSon terminal de Sète sera agrandi.",
        "34",
        "76",
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
