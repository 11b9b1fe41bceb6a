"""Sentences each event lexicon entry must match, and sentences it must not, in French and
English: the examples ``test_lexicons.py`` runs through the real spaCy models."""

from __future__ import annotations

# (event, language, positives, negatives)
EVENT_EXAMPLES: list[tuple[str, str, list[str], list[str]]] = [
    (
        "fundraising",
        "fr",
        [
            "La start-up toulousaine Aérovolt lève 12 millions d'euros auprès de Bpifrance.",
            "La société a bouclé une levée de fonds de 9 millions d'euros.",
            "Le tour de table est mené par un fonds régional et des business angels.",
            "La biotech a finalisé sa série B de 30 millions d'euros.",
            "L'assemblée générale a approuvé une augmentation de capital de 5 millions d'euros.",
        ],
        [
            "L'entreprise a levé le voile sur ses résultats annuels.",
            "Le conseil municipal a voté le budget.",
            "La production en série a démarré à Colomiers.",
        ],
    ),
    (
        "fundraising",
        "en",
        [
            "Toulouse start-up Aérovolt raises €12m to build its electric aircraft motor.",
            "The company closed a €12m Series A round led by Bpifrance.",
            "The biotech has raised $40 million from US investors.",
            "The funding round was oversubscribed.",
            "The seed funding will pay for the first hires.",
        ],
        [
            "The company raised its prices by 4% in January.",
            "The city council voted on the budget.",
            "Production in series will start next year.",
        ],
    ),
    (
        "acquisition",
        "fr",
        [
            "Le nantais Groupe Vernay rachète la Société Bretonne de Travaux Maritimes.",
            "Le groupe a annoncé l'acquisition de 100 % du capital de la PME.",
            "La PME a été reprise par un fonds d'investissement lyonnais.",
            "Le transporteur dijonnais tombe dans le giron du groupe Horizon.",
            "Les deux coopératives vont fusionner au 1er janvier.",
        ],
        [
            "La reprise de l'activité est attendue au printemps.",
            "Le chiffre d'affaires a progressé de 8 % en 2025.",
            "L'entreprise a acquis une nouvelle presse de 800 tonnes.",
        ],
    ),
    (
        "acquisition",
        "en",
        [
            "Nantes builder Vernay buys Brest marine works firm SBTM.",
            "The group has agreed to acquire its Italian rival for €80m.",
            "The merger will create France's largest independent haulier.",
            "A private equity fund took a majority stake in the company.",
            "The takeover of the Dijon firm was completed in March.",
        ],
        [
            "Demand picked up in the second quarter.",
            "The company bought a new milling machine.",
            "Sales rose 8% last year.",
        ],
    ),
    (
        "investment",
        "fr",
        [
            "Cellvia investit 85 millions d'euros dans une usine de batteries à Douai.",
            "Le groupe va construire une nouvelle usine de 20 000 mètres carrés.",
            "La biscuiterie inaugure une deuxième ligne de production.",
            "L'extension du site doit doubler la capacité de production.",
            "La première pierre de la plateforme logistique a été posée lundi.",
        ],
        [
            "L'usine emploie 300 personnes.",
            "Le conseil municipal a voté le budget.",
            "Le site de Colomiers est à quelques kilomètres du siège.",
        ],
    ),
    (
        "investment",
        "en",
        [
            "Cellvia will invest €85m in a battery plant in Douai.",
            "The company is building a new factory near Lille.",
            "The €4.5m extension will double its capacity.",
            "The hotel group has started a €30m renovation of its Chamonix hotels.",
            "The new plant will open in 2027.",
        ],
        [
            "The plant employs 300 people.",
            "Investors have grown wary of the sector.",
            "The city council voted on the budget.",
        ],
    ),
    (
        "closure",
        "fr",
        [
            "Le laboratoire va fermer sa ligne d'injectables à Tours.",
            "La fermeture du site d'Audincourt concerne 140 salariés.",
            "La direction prévoit de supprimer 65 postes.",
            "Un plan de sauvegarde de l'emploi a été présenté aux syndicats.",
            "Les licenciements devraient intervenir avant l'été.",
        ],
        [
            "Le domaine a fermé ses portes pour l'hiver.",
            "La société emploie 210 salariés à Charleville-Mézières.",
            "Le conseil municipal a voté le budget.",
        ],
    ),
    (
        "closure",
        "en",
        [
            "Laboratoires Verdier cuts 65 jobs in Tours.",
            "The group will close its Audincourt plant next year.",
            "The closure will affect 140 workers.",
            "Around 80 employees will be laid off.",
            "The company announced 200 redundancies.",
        ],
        [
            "The company employs 210 people.",
            "The company closed a €12m funding round.",
            "Sales rose 8% last year.",
        ],
    ),
    (
        "hiring",
        "fr",
        [
            "Vigilis recrute 70 ingénieurs et techniciens à Bourges.",
            "La société prévoit 80 recrutements d'ici 2028.",
            "Le projet doit créer 300 emplois d'ici 2030.",
            "L'entreprise va embaucher 40 techniciens.",
            "Une cinquantaine de postes sont à pourvoir.",
        ],
        [
            "La société emploie aujourd'hui 45 personnes.",
            "La filière a perdu plusieurs milliers d'emplois depuis 2019.",
            "Le conseil municipal a voté le budget.",
        ],
    ),
    (
        "hiring",
        "en",
        [
            "The company plans to hire 80 more people by 2028.",
            "Vigilis is recruiting 70 engineers and technicians.",
            "The plant will create 300 jobs.",
            "South-west France's aerospace suppliers go on a hiring spree.",
            "It will take on 25 machinists this year.",
        ],
        [
            "The company employs 45 people.",
            "French foundries have lost several thousand jobs since 2019.",
            "Sales rose 8% last year.",
        ],
    ),
    (
        "insolvency",
        "fr",
        [
            "La Fonderie Marchal a été placée en redressement judiciaire.",
            "Le tribunal a prononcé la liquidation judiciaire de l'entreprise.",
            "La société avait déclaré son état de cessation des paiements.",
            "Les Charpentes Delmas ont obtenu l'ouverture d'une procédure de sauvegarde.",
            "Un administrateur judiciaire a été désigné pour assister la direction.",
        ],
        [
            "Le groupe affiche une situation financière solide.",
            "Le conseil municipal a voté le budget.",
            "La sauvegarde du patrimoine industriel est un enjeu pour la ville.",
        ],
    ),
    (
        "insolvency",
        "en",
        [
            "The company was placed in receivership in September.",
            "The lace maker was put into compulsory liquidation.",
            "The retailer filed for bankruptcy last week.",
            "The US subsidiary has filed for Chapter 11 protection.",
            "The firm went into administration with debts of £12m.",
        ],
        [
            "The company received clearance from the US Food and Drug Administration.",
            "The company reported a record profit.",
            "Sales rose 8% last year.",
        ],
    ),
    (
        "contract",
        "fr",
        [
            "Sillage décroche un contrat de 27 millions d'euros pour ses drones de surface.",
            "Caléo Rail a remporté un contrat de maintenance de huit ans.",
            "Le marché a été attribué à un groupement mené par SBTM.",
            "La compagnie a passé commande de quatre bateaux électriques.",
        ],
        [
            # Answering a call for tenders is not winning it.
            "La PME a répondu à l'appel d'offres de la métropole.",
            "Les salariés bénéficieront d'un contrat de sécurisation professionnelle.",
            "Le marché de la propulsion électrique se structure.",
            "Le conseil municipal a voté le budget.",
        ],
    ),
    (
        "contract",
        "en",
        [
            "Toulon's Sillage wins navy mine-warfare drone contract.",
            "The company has signed a five-year, €15m contract with Safran.",
            "The order is worth €27m.",
            "The group was awarded a framework agreement by the navy.",
            "It secured a new order from a Taiwanese wind farm developer.",
        ],
        [
            "The market for electric propulsion is taking shape.",
            "The company employs 150 people.",
            "Sales rose 8% last year.",
        ],
    ),
    (
        "partnership",
        "fr",
        [
            "HDL et Chimirex s'associent pour un électrolyseur de 20 MW.",
            "Les deux groupes créent une coentreprise baptisée Électrolyse Rhône.",
            "Le tisseur signe un partenariat de trois ans avec la Maison Lefèvre.",
            "Le procédé a été mis au point avec l'université de La Rochelle.",
            "La PME a conclu un accord de distribution avec un importateur canadien.",
        ],
        [
            "Le partenaire historique de la société reste son premier actionnaire.",
            "Le conseil municipal a voté le budget.",
            "Le chiffre d'affaires a progressé de 8 % en 2025.",
        ],
    ),
    (
        "partnership",
        "en",
        [
            "Tessaly and Nuvéo announce a sovereign cloud partnership.",
            "The two companies have formed a joint venture.",
            "The start-up has teamed up with a Canadian distributor.",
            "The firm will partner with Safran on the new engine.",
            "The groups signed a cooperation agreement in Paris.",
        ],
        [
            "The company employs 150 people.",
            "Sales rose 8% last year.",
            "The city council voted on the budget.",
        ],
    ),
    (
        "innovation",
        "fr",
        [
            "Atlas lance un boîtier de chiffrement post-quantique.",
            "Le patch cardiaque de Cardiosens obtient le marquage CE.",
            "Orthalis reçoit le feu vert de la FDA pour son implant tibial.",
            "La société a déposé un brevet sur son procédé de soudage.",
            "Le chimiste a mis au point une résine biosourcée.",
        ],
        [
            "Le conseil municipal a voté le budget.",
            "La société emploie aujourd'hui 45 personnes.",
            "Nous passons d'un prototype qui vole à un produit que l'on sait fabriquer.",
        ],
    ),
    (
        "innovation",
        "en",
        [
            "Orthalis has received FDA clearance for its 3D-printed knee implant.",
            "The company has filed a patent for its welding process.",
            "The start-up unveiled a new encryption device.",
            "The firm will launch a new range of biscuits in spring.",
            "The patch obtained CE marking in October.",
        ],
        [
            "Aérovolt is targeting certification in 2028.",
            "The company employs 150 people.",
            "Sales rose 8% last year.",
        ],
    ),
    (
        "leadership",
        "fr",
        [
            "Chimirex nomme Laure Sanchez directrice générale.",
            "Elle succède à François Berthier, qui part à la retraite.",
            "Camille Perrin prend la tête des Fromageries Perrin-Vallet.",
            "Le nouveau PDG prendra ses fonctions le 1er janvier.",
            "Le président du directoire a présenté sa démission.",
        ],
        [
            "La famille Garnier n'avait pas de successeur.",
            "Le conseil municipal a voté le budget.",
            "La direction prévoit 80 recrutements.",
        ],
    ),
    (
        "leadership",
        "en",
        [
            "Chimirex names Laure Sanchez as new chief executive.",
            "She succeeds François Berthier, who is retiring.",
            "The founder will step down at the end of the year.",
            "The board has appointed a new chairman.",
            "Grasse perfumer Parfums Sorel gets a new CEO.",
        ],
        [
            "The company has hired an export manager.",
            "Sales rose 8% last year.",
            "The company employs 150 people.",
        ],
    ),
    (
        "export",
        "fr",
        [
            "Les Vergers de Garonne réalisent 40 % de leurs ventes à l'export.",
            "Le fromager veut s'implanter aux États-Unis.",
            "La PME exporte désormais vers le Japon.",
            "Le groupe réalise la moitié de son chiffre d'affaires à l'international.",
            "L'entreprise a ouvert une filiale au Canada.",
        ],
        [
            "Le conseil municipal a voté le budget.",
            "La société emploie aujourd'hui 45 personnes.",
            "Le salarié a été muté à Lyon.",
        ],
    ),
    (
        "export",
        "en",
        [
            "The cheesemaker is stepping up its US exports.",
            "The company makes half of its revenue overseas.",
            "The brand will open its first store in Tokyo.",
            "Sales abroad grew by 20% last year.",
            "The group plans to expand into the US market.",
        ],
        [
            "The company employs 150 people.",
            "The city council voted on the budget.",
            "Sales rose 8% last year.",
        ],
    ),
]
