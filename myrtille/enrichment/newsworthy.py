"""Trigger matches that use an event's words without reporting one.

Each rule is about how the press writes, not about one text:

- a plan, a wish, a rumour or a difficulty said before the trigger in its clause
  ("envisage de", "compte nouer", "veut s'implanter", "serait en discussions pour", "is
  said to be", "hopes to", "in talks to", "struggle to recruit", "called for more hires");
- a share of revenue made abroad ("réalise 70 % de son chiffre d'affaires à l'export",
  "exports a third of its beer") describes the firm, and exports in the plural are trade
  figures: no export news;
- insolvencies, liquidations or bankruptcies in the plural are statistics, not one firm's
  proceedings ("les liquidations judiciaires ont bondi", "company insolvencies rose");
- a trigger inside the noun phrase that describes a firm ("le fabricant de résines
  biosourcées", "the turnaround specialist") names its trade, not an event;
- hiring a successor is a change of leader, not job creation; a workforce that "will still
  employ 125 people" after cuts is no hiring;
- some English words open a pattern as verbs only ("name a new chief", not "keep its name");
- a "plan de sauvegarde de l'emploi" is a job-cuts plan, not a safeguard procedure;
- a failure or a status quo said before the trigger ("after failing to find investors",
  "faute de repreneur", "will keep a minority stake", "aucun plan de départs", "no job
  cuts");
- another firm's event told about the subject's customer, supplier or competitor ("la
  liquidation de l'un de ses clients", "its larger rival was bought"): the article is
  about its subject, not about them;
- a measure across firms: an event noun that is the subject of a verb of trend ("hiring
  picks up", "les embauches repartent"), or counted firms ("2 300 entreprises placées en
  redressement");
- a habit ("chaque année"): habitual.py; a parent's event, "our customers'": relatives.py;
- a "liquidation amiable" (a dissolution) is no insolvency; a merger cleared by a
  competition authority is no product approval.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from myrtille.enrichment.aboutness import set_aside
from myrtille.enrichment.conditions import on_condition
from myrtille.enrichment.denials import clause_start, denied
from myrtille.enrichment.habitual import recurring
from myrtille.enrichment.headline_verbs import noun_for_a_verb
from myrtille.enrichment.measures import statistic
from myrtille.enrichment.other_readings import read_otherwise
from myrtille.enrichment.outcomes import for_purpose, not_come_about
from myrtille.enrichment.pattern_words import gated
from myrtille.enrichment.patterns import fold
from myrtille.enrichment.relatives import tied_firms
from myrtille.enrichment.ties import another_firms

_INTENTION = re.compile(
    r"\b(?:envisag\w*|compt(?:e|ent|ait|aient)\s+(?:bien\s+|aussi\s+|ainsi\s+|encore\s+|"
    r"d[ée]sormais\s+|\w+ment\s+)?"
    r"\w+(?:er|ir|re)|souhait\w*|esp[eè]r\w*|ambitionn\w*|projett?\w*\s+de|"
    r"r[eé]fl[eé]chi\w*\s+[àa]|song\w*\s+[àa]|[eé]tudi(?:e|ent|ait|aient|er|era)|"
    r"serai(?:t|ent)|aurai(?:t|ent)|en\s+discussions?|en\s+pourparlers|"
    r"hop(?:e|es|ed|ing)\s+to|seek(?:s|ing)?\s+to|sought\s+to|(?:is|are|was|were)\s+said\s+to|"
    r"cherch(?:e|ent|ait|aient)\s+[àa]\s|"
    r"reportedly|allegedly|in\s+talks|weigh(?:s|ing)|mull(?:s|ing)|explor(?:e|es|ing)|"
    r"eye(?:s|ing)|consider(?:s|ing|ed)?|intend(?:s|ed)?\s+to|would\s+like\s+to|"
    r"tempted\s+to|veu(?:t|lent)|voudrai(?:t|ent)|wants?\s+to|struggl\w*\s+to|"
    r"du\s+mal\s+[àa]|pein\w*\s+[àa]|difficult[ée]s?\s+[àa]|tensions?\s+sur|"
    r"call(?:s|ed|ing)?\s+for|r[ée]clam\w*|pr[ée]par(?:e|ent|ait|aient|er)|"
    r"prepar(?:es|ing|ed)\s+(?:to|for|a|an|its|their)\b|s['’]\s?appr[êe]t\w*\s+[àa]|privil[ée]gi\w*|prefers?\s+to|pr[ée]f[èe]r(?:e|ent|er)|"
    # a failure or a status quo: "after failing to find new investors", "faute de
    # repreneur", "will keep a minority stake"
    r"fail(?:s|ed|ing)?\s+to|sans\s+parvenir|faute\s+d[e'’]|without|"
    # ruled out: "écarte toute introduction en Bourse"
    r"[ée]cart(?:e|ent|ait|aient|er)\b|"
    # a possibility raised, often by others: "un tract évoquant la fermeture du site"
    r"[ée]voqu\w*|"
    r"(?:keep(?:s|ing)?|kept|retain(?:s|ed|ing)?)\s+(?:a|an|its|their|the|all)|"
    r"conserv(?:e|ent|era|eront|er|ant)|gard(?:e|ent|era|eront|er)\s+(?:un|une|sa|son|ses|leur|la|le|les))\b",
    re.IGNORECASE,
)
# Money or a buyer being looked for ("cherche des fonds pour sa gigafactory", "is seeking
# new investors"): a plan, for the kinds that money or a buyer make; a firm "looking for
# a buyer while in court protection" is still insolvent.
_SEARCH = re.compile(
    r"\b(?:cherch(?:e|ent|ait|aient|er)|seek(?:s|ing)?|look(?:s|ing)?\s+for)\s+"
    r"(?:\w+\s+){0,2}?(?:fonds|financements?|investisseurs?|repreneurs?|acqu[ée]reurs?|"
    r"capitaux|funding|funds|financing|investors?|buyers?|capital|partenaires?|partners?)\b",
    re.IGNORECASE,
)
_SEARCHED_KINDS = frozenset({"fundraising", "acquisition", "investment", "partnership"})
_SHARE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|pour\s?cent|per\s?cent)|\bpercent\b|"
    r"\b(?:la\s+moiti[ée]|un\s+tiers|le\s+tiers|un\s+quart|half|a\s+third|a\s+quarter)\b|"
    # a share said in words: "l'essentiel de ses ventes", "most of its sales"
    r"\b(?:l['’]\s?essentiel|la\s+majorit[ée]|la\s+plupart|la\s+plus\s+grande\s+partie|"
    r"une\s+partie|une\s+part|deux\s+tiers|trois\s+quarts|the\s+bulk|most|the\s+majority|"
    r"two[-\s]thirds|three[-\s]quarters)\s+(?:de|d['’]|of)\b",
    re.IGNORECASE,
)
# Who buys the firm itself, just after a sale abroad ("sold to a US buyer", "cédée à un
# fonds américain"): a takeover, no export.
_BUYER_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:buyers?|acquirers?|investors?|funds?|acqu[ée]reurs?|"
    r"repreneurs?|fonds|investisseurs?)\b",
    re.IGNORECASE,
)
# A share of the firm's sales said to be what the trigger amounts to, wherever it stands
# in the sentence: how much it sells abroad, not a sale it made.
_SHARE_OF_SALES = re.compile(
    r"\b(?:repr[ée]sent\w*|p[èe]s\w*|constitu\w*|accounts?\s+for|accounted\s+for|"
    r"makes?\s+up|made\s+up|represent\w*)\s+(?:\w+\s+){0,3}?"
    r"(?:" + _SHARE.pattern + r")[^,;.]{0,25}?\b(?:(?:du|de\s+son|de\s+leur)\s+chiffre\s+"
    r"d['’]\s?affaires|(?:des|de\s+ses|de\s+leurs)\s+ventes|(?:of\s+)?(?:its|their|the\s+"
    r"company['’]s|group)\s+(?:sales|revenue|turnover))",
    re.IGNORECASE,
)
_SHARE_OF_SALES = gated(_SHARE_OF_SALES)  # session 18: only where one of its words is
# Insolvency nouns that, in the plural, count cases across firms.
_STATISTICS = frozenset(
    {
        "liquidation",
        "faillite",
        "redressement",
        "defaillance",
        "procedure",
        "insolvency",
        "bankruptcy",
        "failure",
        "administration",
        "receivership",
        "tribunal",
        "court",
    }
)
# Nouns that describe what a firm does ("fabricant de …", "… specialist").
DESCRIPTORS = frozenset(
    {
        "fabricant",
        "producteur",
        "specialiste",
        "editeur",
        "concepteur",
        "fournisseur",
        "pionnier",
        "expert",
        "leader",
        "maker",
        "manufacturer",
        "producer",
        "specialist",
        "supplier",
        "provider",
        "pioneer",
        "designer",
    }
)
_SUCCESSOR = re.compile(
    r"^\W*(?:(?:son|sa|leur|un|une|le|la|a|an|its|his|her|their|the)\s+)?"
    r"(?:(?:nouveau|nouvelle|new|futur|future|prochain|next)\s+)?"
    r"(?:successeur|successeure|rempla[cç]ant|rempla[cç]ante|successor|replacement|"
    r"directeur|directrice|pr[ée]sident|pr[ée]sidente|pdg|dg|ceo|chief|boss|chairman|"
    r"chairwoman|head)\b",
    re.IGNORECASE,
)
# Staff carried over from another employer: a transfer, no job created.
_TRANSFER = re.compile(
    r"[\w\s'’-]{0,20}?\b(?:the|all|its|les|tous\s+les)\s+(?:\d+\s+|[a-z]+\s+)?"
    r"(?:employees|staff|workers|salari[ée]s|personnels?|employ[ée]s)\s+(?:of|from|de|du|des|d['’])",
    re.IGNORECASE,
)
_COMBINED = re.compile(
    r"\b(?:combined|enlarged|merged|nouvel\s+ensemble|ensemble\s+fusionn[ée]|"
    r"nouveau\s+groupe\s+(?:ainsi\s+)?(?:form|cr[ée])\w*)\b",
    re.IGNORECASE,
)
_COMBINED = gated(_COMBINED)  # session 19: only where one of its words is
_REMAINING = re.compile(r"\b(?:encore|plus\s+que|toujours|still|only|remaining)\b", re.I)
_JOBS_PLAN = re.compile(r"\s+de\s+l['’]\s?emploi\b", re.IGNORECASE)
# A bare buying verb (the lexicon's "buy", "purchase") needs a firm as its object.
_BARE_PURCHASE = frozenset({"buy", "purchase"})
_FIRM_NOUNS = frozenset(
    {"company", "firm", "group", "business", "rival", "competitor", "maker", "supplier"}
    # businesses bought whole: "has bought a 220-pitch campsite", "bought the hotel"
    | {"hotel", "campsite", "restaurant", "brewery", "distillery", "winery", "bakery", "chain"}
)
# British "hire" is renting, too: a thing hired out or a firm that hires things out
# ("car hire", "a plant and equipment hire company") hires no staff.
_RENTAL = re.compile(
    r"\b(?:car|van|vehicle|equipment|plant|tool|bike|cycle|boat|machinery|crane|"
    r"scaffold\w*|skip|coach)\s+hire\b|\bhire\s+(?:firm|company|business|group|specialist|"
    r"operator|chain|fleet|depot|market|sector|car|van)s?\b|\bhire\s+of\b",
    re.IGNORECASE,
)


NO_NEWS, BARE_PURCHASE, UNLESS_DESCRIBED = "no news", "bare purchase", "unless described"


def read_unparsed(kind: str, sentence: Span, trigger: Span, text: str | None = None) -> str:
    """What the words alone say of the ``kind`` match ``trigger`` (news_reading.py): no event
    whatever the parse (``NO_NEWS``), or what the parse has left to weigh."""
    text = sentence.doc.text if text is None else text
    first = trigger[0]
    # Up to the trigger's first word: "compte nouer" holds the trigger's verb.
    before = text[clause_start(text, sentence, trigger) : first.idx + len(first)]
    if _INTENTION.search(before) or _NEGATED.search(before[: len(before) - len(first)]):
        return NO_NEWS
    if denied(text, before, (trigger.start_char, trigger.end_char)):
        return NO_NEWS  # "il n'y aura pas de recrutements", "avoided layoffs", "hiring freeze"
    if set_aside(kind, text, before, trigger.end_char):
        return NO_NEWS  # aboutness.py: a deal lost, halted or negotiated; a trade body's head
    if not_come_about(kind, text, before, trigger.end_char):
        return NO_NEWS  # outcomes.py: a bid withdrawn, a site "à l'étude", "peine à recruter"
    if for_purpose(kind, before, sentence, first):
        return NO_NEWS  # outcomes.py: "raised €8m to double capacity", "pour lancer une ligne"
    if recurring(text, sentence, trigger):
        return NO_NEWS  # habitual.py: "accueille chaque année deux apprentis", "every August"
    if read_otherwise(kind, sentence, trigger, text):
        return NO_NEWS  # other_readings.py: "hired Marc Dubois as", "siège social", "launch pad"
    if _POSSIBLE.search(before[: len(before) - len(first)]):
        return NO_NEWS  # "including a possible closure", "une éventuelle levée de fonds"
    if kind == "contract" and _PRIZE.match(text, trigger.end_char):
        return NO_NEWS  # "a remporté dimanche le Grand Prix de la baie": a race, no contract
    if kind == "investment" and _OPERATES.search(before[: len(before) - len(first)]):
        return NO_NEWS  # "operates 260 megawatts of solar parks": what the firm runs already
    if kind == "investment" and _SERVICE_LINE.match(text, trigger.end_char):
        return NO_NEWS  # "une nouvelle ligne de car express vers Rouen": a route, no plant
    if kind in _SEARCHED_KINDS and _SEARCH.search(before):
        return NO_NEWS
    if kind != "contract" and another_firms(text, sentence, trigger, kind):
        return NO_NEWS
    if tied_firms(text, sentence, trigger, kind) or on_condition(text, sentence, trigger):
        return NO_NEWS  # relatives.py: "sa maison mère a levé"; conditions.py: "if", "may"
    if statistic(text, sentence, trigger, kind):
        return NO_NEWS
    if kind == "insolvency" and _voluntary_winding_up(text, trigger):
        return NO_NEWS
    if kind == "insolvency" and _PROCEEDINGS_CLOSED.search(
        text, sentence.start_char, sentence.end_char
    ):
        return NO_NEWS
    if kind == "contract" and _buys_things(sentence, trigger):
        return NO_NEWS
    if kind == "innovation" and _NOT_A_PRODUCT.search(text, trigger.end_char, sentence.end_char):
        return NO_NEWS  # a merger's clearance, a building's permit: no product's approval
    if _FAILED.match(text, trigger.end_char):
        return NO_NEWS  # "après plusieurs tours de table infructueux", "a failed bid"
    if kind == "acquisition" and len(trigger) == 1 and first.lemma_ in _BARE_PURCHASE:
        return BARE_PURCHASE
    if noun_for_a_verb(first):
        return NO_NEWS  # "brand names", "the heads of"; not "Brenova names Marie Dupont CEO"
    if kind == "hiring" and first.lemma_ == "hire" and _rental(text, first):
        return NO_NEWS  # "an equipment hire firm"
    if kind == "export" and _SHARE.search(_around(text, sentence, trigger)):
        return NO_NEWS  # "exporte 30 % de sa production", "exports a third of its beer"
    if kind == "export" and _BUYER_AFTER.match(text, trigger.end_char):
        return NO_NEWS  # "sold to a US buyer": the firm itself is sold
    if kind == "export" and _SHARE_OF_SALES.search(text, sentence.start_char, sentence.end_char):
        return NO_NEWS  # "les commandes de l'étranger … représentent la moitié du chiffre"
    if (
        kind == "export"
        and first.pos_ == "NOUN"
        and "Plur" in first.morph.get("Number")
        and first.lemma_ in ("export", "exportation")
    ):
        return NO_NEWS  # "rum exports have grown": trade figures, no firm's news
    if (
        kind in ("insolvency", "closure")
        and first.pos_ == "NOUN"
        and "Plur" in first.morph.get("Number")
        and fold(first.lemma_) in _STATISTICS
    ):
        return NO_NEWS
    if kind == "insolvency" and _JOBS_PLAN.match(text, trigger.end_char):
        return NO_NEWS
    if kind == "hiring" and _TRANSFER.match(text, trigger.start_char):
        return NO_NEWS  # "will take on the 35 employees of the current operator"
    if kind == "hiring":
        after = text[trigger.end_char : trigger.end_char + 60]
        if _SUCCESSOR.search(after) or _REMAINING.search(trigger.text):
            return NO_NEWS
        if _COMBINED.search(text, sentence.start_char, trigger.start_char):
            return NO_NEWS  # "the combined group will employ 520 people": a merger's total
    return UNLESS_DESCRIBED


# A noun phrase denied just before the trigger ("aucun plan de départs", "no job cuts").
# A possibility named just before the trigger: no event, whoever raises it.
_POSSIBLE = re.compile(
    r"\b(?:possibles?|potentiel(?:le)?s?|potential|[ée]ventuel(?:le)?s?|hypoth[ée]tiques?|"
    r"hypothetical)\s+(?:[\w-]+\s+)?\Z",
    re.IGNORECASE,
)
# What a bare "remporter"/"won" wins when it is a race or an award, not a contract.
_PRIZE = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:(?:le|la|les|l['’]|un|une|the|a|an|its|son|sa|ses)\s+)?"
    r"(?:grand\s+)?(?:prix|troph[ée]e|titre|course|r[ée]gate|championnat|m[ée]daille|"
    r"concours|coupe|prize|award|trophy|race|title|championship|medal|cup)\b",
    re.IGNORECASE,
)
# A present verb of running what the firm has ("operates", "exploite", "gère") before an
# investment's words describes it, not a new site.
_OPERATES = re.compile(
    r"\b(?:operates|runs|owns|exploite|exploitent|g[èe]re|g[èe]rent|poss[èe]de|poss[èe]dent)\b"
    r"[^,;.]{0,50}\Z",
    re.IGNORECASE,
)
# A transport route ("ligne de bus", "a new ferry line") is a service, no plant.
_SERVICE_LINE = re.compile(
    r"\s*(?:de\s+(?:bus|cars?|autocars?|tram(?:way)?s?|m[ée]tro|ferry|ferries|bateaux?|"
    r"navettes?)|a[ée]rienne|maritime)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:aucune?|nulle?|no|sans|without)\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
# The end of liquidation proceedings, before a strike-off: the firm closes, its
# insolvency is over ("clôture de la procédure de liquidation pour insuffisance d'actif").
_PROCEEDINGS_CLOSED = re.compile(
    r"\bcl[ôo]ture\s+(?:de\s+la\s+proc[ée]dure\s+|des\s+op[ée]rations\s+|de\s+la\s+)?"
    r"de\s+liquidation|\bcl[ôo]ture\s+de\s+la\s+liquidation|"
    r"\bclos(?:ure|ing)\s+of\s+(?:the\s+)?liquidation",
    re.IGNORECASE,
)
_WINDING_UP = re.compile(r"\bliquidat\w*|\bmise\s+en\s+liquidation", re.IGNORECASE)
_JUDICIAL = re.compile(r"\s*(?:judiciaire|compulsory|forced)", re.IGNORECASE)
_VOLUNTARY = re.compile(
    r"\bliquidation\s+amiable|\bdissolution\b|\bvoluntary\s+liquidation|"
    r"\bvoluntary\s+winding|"
    # the shareholders close their own liquidation: accounts approved, liquidator discharged
    r"\bquitus\b|\bcomptes\s+(?:d[ée]finitifs\s+)?de\s+(?:la\s+)?liquidation|"
    r"\bfinal\s+(?:liquidation\s+)?accounts\b|\bmembers['’]\s+voluntary",
    re.IGNORECASE,
)


def _voluntary_winding_up(text: str, trigger: Span) -> bool:
    """A bare "liquidation" in a document that dissolves a company of its own will
    ("dissolution anticipée … liquidation amiable") is no insolvency."""
    if not _WINDING_UP.search(trigger.text) or _JUDICIAL.match(text, trigger.end_char):
        return False
    return _VOLUNTARY.search(text) is not None


# What an approval is for when it is no product's: a merger ("clearance from the
# competition authority"), a building ("won approval for a warehouse park").
_NOT_A_PRODUCT = re.compile(
    r"\b(?:competition|antitrust|concurrence|merger|takeover|fusion|rachat|warehouse|"
    r"plant|factory|site|park|building|entrep[ôo]t|usine|b[âa]timent|permis|planning)\b",
    re.IGNORECASE,
)
_NOT_A_PRODUCT = gated(_NOT_A_PRODUCT)  # session 19: only where one of its words is
# An attempt said to have failed, just after its trigger.
_FAILED = re.compile(
    r"\s*(?:infructueu\w*|avort[ée]\w*|rat[ée]e?s?\b|unsuccessful|abortive|aborted)",
    re.IGNORECASE,
)


def _buys_things(sentence: Span, trigger: Span) -> bool:
    """An order placed by the subject with no supplier named after it ("vient de commander
    quinze camions", "machines ordered from a German maker") is a purchase, not a contract
    won; "la DGA a commandé douze drones à Sillage" names its supplier."""
    verb = trigger[0]
    if verb.pos_ != "VERB" or verb.lemma_ not in ("commander", "order"):
        return False
    return not any(t.pos_ == "PROPN" for t in sentence.doc[trigger.end : sentence.end])


def buys_a_firm(trigger: Span) -> bool:
    """A bare "buy" reports a takeover when what is bought is named ("has bought Ateliers
    Kermor"), not when it is a thing ("bought new machines")."""
    return any(
        c.dep_ in ("dobj", "obj") and (c.pos_ == "PROPN" or c.lemma_ in _FIRM_NOUNS)
        for c in trigger.root.children
    )


_PART_END = re.compile(r"[,;:\n]|\s(?:et|mais|and|but)\s")


def _rental(text: str, hire: Token) -> bool:
    """Whether this "hire" is renting: the words just around it say what or who hires out."""
    around = text[max(0, hire.idx - 30) : hire.idx + len(hire) + 30]
    return any(
        m.start() <= hire.idx - max(0, hire.idx - 30) < m.end() for m in _RENTAL.finditer(around)
    )


def _around(text: str, sentence: Span, trigger: Span) -> str:
    """The sentence up to the end of the trigger's part: the next comma or coordination
    after it ("will enter the US market … and wants exports to reach half of sales" keeps
    the share out)."""
    end = _PART_END.search(text, trigger.end_char, sentence.end_char)
    return text[sentence.start_char : end.start() if end else sentence.end_char]


def describes_a_firm(trigger: Span) -> bool:
    """Whether the trigger complements a noun that says what a firm does, right above it
    ("fabricant de résines biosourcées", "maker of recycled yarn", "resin maker")."""
    node = trigger.root
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        node = node.head  # "maker of …"
    elif node.dep_ not in ("nmod", "compound"):
        return False
    head = node.head
    # A descriptor parsed as the root is a sentence whose verb the parser missed.
    return head.i != node.i and head.head.i != head.i and head.lemma_ in DESCRIPTORS
