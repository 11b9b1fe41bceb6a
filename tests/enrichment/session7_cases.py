"""Cases for tests/enrichment/test_session7_precision.py (kept apart to keep that module
under 400 lines): conditions and talks, and other firms' events. Same tuple layout:
(rule, language, text, type that must not be found, type that must be found or None)."""

# A condition, "may", a forecast by others, talks, a project's permit (conditions.py,
# aboutness.py, other_readings.py).
CASES_CONDITIONS = [
    (
        "condition",
        "en",
        "If the order is confirmed, Bruyère Composites will hire 40 people in Vierzon.",
        "hiring",
        None,
    ),
    (
        "condition",
        "en",
        "Bruyère Composites will hire 40 people in Vierzon if the order is confirmed.",
        "hiring",
        None,
    ),
    (
        "condition",
        "fr",
        "Bruyère Composites embauchera 40 personnes à condition que la commande soit confirmée.",
        "hiring",
        None,
    ),
    (
        "condition",
        "fr",
        "Bruyère Composites recrutera 40 personnes à Vierzon, à moins que la commande ne soit "
        "annulée.",
        "hiring",
        None,
    ),
    ("condition", "en", "Bruyère Composites may hire up to 40 people next year.", "hiring", None),
    (
        "condition",
        "en",
        "Analysts expect Bruyère Composites to raise fresh capital next year.",
        "fundraising",
        None,
    ),
    (
        "condition",
        "fr",
        "Les analystes s'attendent à ce que Bruyère Composites lève des fonds l'an prochain.",
        "fundraising",
        None,
    ),
    (
        "talks",
        "en",
        "Bruyère Composites has opened merger talks with Armor Moules.",
        "acquisition",
        None,
    ),
    (
        "project approved",
        "en",
        "Bruyère Composites posted record sales. The plant extension won approval from the "
        "prefecture on Wednesday.",
        "innovation",
        None,
    ),
    (
        "project approved",
        "fr",
        "Bruyère Composites affiche des ventes record. Le chantier de la nouvelle usine a reçu "
        "le feu vert de la préfecture.",
        "innovation",
        None,
    ),
]

# Another firm's event, told by its tie to the subject or as its class (relatives.py,
# generic_subjects.py), or words across a quotation mark (other_readings.py); the lead
# reports nothing, so every event of the body would count.
CASES_RELATIVES = [
    (
        "parent",
        "en",
        "Bruyère Composites posted record sales. Its parent group, Halden Industries, raised "
        "EUR 200m from investors this week.",
        "fundraising",
        None,
    ),
    (
        "parent",
        "fr",
        "Bruyère Composites affiche des ventes record. Sa maison mère, Halden Industries, a "
        "levé 200 millions d'euros.",
        "fundraising",
        None,
    ),
    (
        "our customers",
        "fr",
        "Bruyère Composites affiche des ventes record. « Nos clients recrutent à tour de bras », "
        "constate le PDG.",
        "hiring",
        None,
    ),
    (
        "our customers",
        "en",
        'Bruyère Composites posted record sales. "Our customers are closing plants all over '
        'Europe," its chief executive said.',
        "closure",
        None,
    ),
    (
        "across a quote",
        "en",
        'Bruyère Composites posted record sales. "We keep hiring," the chief executive said.',
        "leadership",
        None,
    ),
    (
        "class of firms",
        "fr",
        "Bruyère Composites affiche des ventes record. La filière des composites a créé 1 200 "
        "emplois dans la région.",
        "hiring",
        None,
    ),
    (
        "class of firms",
        "en",
        "Bruyère Composites posted record sales. The region's composite industry is hiring "
        "1,200 people.",
        "hiring",
        None,
    ),
    (
        "class of firms",
        "fr",
        "Bruyère Composites affiche des ventes record. Les fabricants français de composites "
        "ont investi 400 millions d'euros.",
        "investment",
        None,
    ),
]
