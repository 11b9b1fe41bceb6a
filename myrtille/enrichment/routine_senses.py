"""Event words in a sense the business press uses every day for no event of their kind
(issue 14, session 11, precision, second part).

Probed with invented sentences in session 11 (none of them in the tuning set), each a
wording any economic paper writes, in French and in English:

- patients or volunteers recruited or enrolled for a clinical trial or a study
  ("recrute ses premiers patients", "a débuté le recrutement des patients", "enrolled the
  first patient", "is recruiting 60 healthy volunteers", "patient recruitment"): a trial
  goes on, nobody is hired ("recrute 40 infirmiers" stays a hiring);
- a share buyback ("programme de rachat d'actions", "rachète ses propres actions", "share
  buyback", "buy back its own shares", "repurchase"): the firm buys its own capital, no
  firm is taken over and nothing is built ("rachète les actions de son concurrent" stays
  an acquisition);
- a site shut for a while (for the summer or the holidays, for maintenance or works, a
  technical stop, stock-taking, "temporairement", "pendant deux semaines", "temporarily
  halted production", "shut for two weeks"): it reopens, no closure (the tuning set's gold
  says so of "a hotel closed temporarily for works"); a closure "définitive", "for good"
  or "permanent" is kept whatever else the sentence says;
- a call for tenders launched by a buyer ("lance un appel d'offres", "launched a call for
  tenders", "issued an RFP"): the firm will buy, it launches no product and wins no
  contract ("a remporté l'appel d'offres lancé par la Région" stays the winner's
  contract).

Figures of speech probed after them, the same day (none in the tuning set either):

- customers, members or distributors "recruited" ("a recruté 200 nouveaux clients", "has
  recruited 50 new customers", "recrute des franchisés"): won, not employed;
- a skill or a standing "acquired" ("has acquired solid expertise in rail", "a acquis une
  notoriété"): learnt, no firm bought (not "acquired the know-how of" a firm);
- an alarm, a warning or a plea "launched" ("lance un cri d'alarme", "lance un
  avertissement sur ses résultats", "launches a plea"): said, no product;
- a success or a rank "won" ("remporte un franc succès", "a décroché la première place du
  classement", "won first place"): praise, no contract.

Session 14 (news15's portraits and columns): a taste or a habit acquired ("acquired a taste
for baking", "a acquis le goût du travail bien fait") is learnt too; a person's or a
household's buyback ("rachat de points de permis", "racheter ses trimestres", "le rachat de
crédits", "to buy time") takes over no firm.

Session 12 (traps14): a road, a tunnel or a bridge shut ("the closure of the Mont-Blanc
tunnel for repair work", "la fermeture du pont de l'île") is traffic news, no firm's
closure; "for repair work" is a stop for a while, like "for repairs".
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.pattern_words import gated

# Who a trial recruits, right after the verb or noun of hiring, past a determiner, a number
# or a word of order ("ses premiers patients", "60 healthy volunteers", "des patients").
_TRIAL_PEOPLE = re.compile(
    r"\s+(?:(?:ses|son|sa|leurs?|les|des|de|d['’]|le|la|un|une|its|the|their|a|an|"
    r"premiers?|premi[èe]res?|first|healthy|sains|nouveaux|new|additional|"
    r"suppl[ée]mentaires|more|plus|adultes?|adult|\d[\d\s.,]*)\s*){0,4}?"
    r"(?:patients?|patientes?|volontaires|volunteers?|participants?|malades)\b",
    re.IGNORECASE,
)
# "patient recruitment", "patient enrolment": the trial's word before the noun.
_TRIAL_PEOPLE_BEFORE = re.compile(r"\b(?:patients?|volunteers?)\s+\Z", re.IGNORECASE)

# A buyback of the firm's own shares, around the trigger.
_BUYBACK = re.compile(
    r"\brachats?\s+d['’]\s?actions\b|\brach[eè]t\w*\s+(?:de\s+)?(?:ses|leurs)\s+propres\s+"
    r"(?:actions|titres)|\brachats?\s+de\s+(?:ses|leurs)\s+propres\s+(?:actions|titres)|"
    r"\bauto-?d[ée]tention\b|\b(?:share|stock)\s+buy-?backs?\b|\bbuy-?backs?\s+"
    r"(?:programmes?|programs?|plans?|of\s+(?:its|their)\s+(?:own\s+)?shares)\b|"
    r"\b(?:buy|buys|buying|bought)\s+back\s+(?:[\w€$£%.,-]+\s+){0,5}?(?:shares|stock)\b|"
    r"\brepurchas\w*\s+(?:[\w€$£%.,-]+\s+){0,5}?(?:shares|stock)\b|"
    r"\b(?:share|stock)\s+repurchases?\b",
    re.IGNORECASE,
)
_BUYBACK = gated(_BUYBACK)  # session 18: only where one of its words is

# A stop for a while: a season, upkeep, stock-taking, a span of days or weeks, or an
# adverb of the temporary.
_FOR_A_WHILE = re.compile(
    r"\bpour\s+(?:l['’]\s?[ée]t[ée]|les\s+(?:vacances|cong[ée]s|f[êe]tes)|(?:la\s+|sa\s+)?"
    r"maintenance|(?:des\s+)?travaux|(?:l['’]\s?)?inventaire|(?:l['’]\s?)?entretien)\b|"
    r"\bpendant\s+(?:l['’]\s?[ée]t[ée]|les\s+(?:vacances|cong[ée]s|f[êe]tes))\b|"
    r"\bfermeture\s+(?:estivale|annuelle|temporaire|provisoire)|\barr[êe]ts?\s+"
    r"(?:technique|temporaire|provisoire)s?\b|\bcong[ée]s\s+(?:d['’]\s?[ée]t[ée]|annuels)\b|"
    r"\b(?:temporairement|provisoirement|momentan[ée]ment)\b|"
    r"\b(?:pendant|durant)\s+(?:une|deux|trois|quatre|cinq|six|quelques|\d+)\s+"
    r"(?:jours|semaines?|mois)\b|"
    r"\bfor\s+(?:the\s+)?(?:summer|holidays?|christmas|maintenance|repairs?\s+works?|repairs|"
    r"refurbishment|roadworks|"
    r"(?:building\s+)?works|stock-?taking|inventory|upkeep|"
    r"(?:its|the|an?)\s+(?:annual\s+)?(?:summer\s+|holiday\s+|maintenance\s+)?"
    r"(?:break|shutdown|holidays?|stoppage|overhaul))\b|"
    r"\btemporar(?:ily|y\s+(?:closure|shutdown|halt|stop|stoppage))\b|\bidl(?:e|ed|es|ing)\b|"
    r"\bfor\s+(?:a|one|two|three|four|five|six|a\s+few|several|\d+)\s+"
    r"(?:days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_FOR_A_WHILE = gated(_FOR_A_WHILE)  # session 19: only where one of its words is
# session 12: a road, a tunnel or a bridge shut, right after the closure's word: traffic,
# no firm's site ("The closure of the Mont-Blanc tunnel for repair work", "la fermeture
# du col", "closure of the A75 motorway").
_ROAD_SHUT = re.compile(
    r"\s+(?:(?:of|de|du|des|de\s+la|de\s+l['’]|d['’])\s*)?(?:(?:the|la|le|l['’])\s*)?"
    r"(?:[\w.'’-]+\s+){0,2}?(?:tunnel|bridge|motorway|highway|road|pont|autoroute|col|"
    r"rocade|viaduc|viaduct|pass)\b",
    re.IGNORECASE,
)
_FOR_GOOD = re.compile(
    r"\b(?:d[ée]finiti\w*|for\s+good|permanent\w*|d[ée]finitive|once\s+and\s+for\s+all)\b",
    re.IGNORECASE,
)

# A verb of launching or issuing, then a call for tenders, from the trigger's first word.
_TENDER_CALLED = re.compile(
    r"(?:lanc\w*|publi\w*|ouvr\w*|ouvert\w*|launch\w*|issu\w*|open\w*|put\w*\s+out|"
    r"rel[ea]as\w*)\s+(?:(?:of|de|d['’])\s*)?"
    r"(?:(?:a|an|the|its|their|un|une|son|sa|leur|new|nouvel|nouveau|first|premier|public|"
    r"european|international|formal|grand)\s+)*"
    r"(?:appels?\s+d['’]\s?offres|appels?\s+[àa]\s+(?:projets|candidatures|manifestation)|"
    r"consultation|calls?\s+for\s+(?:tenders?|bids|proposals)|tenders?\b(?!\s+offer)|"
    r"requests?\s+for\s+(?:proposals?|quotations?|tenders?)|RF[PQI]s?\b|"
    r"invitations?\s+to\s+tender)",
    re.IGNORECASE,
)


# People a firm wins, not employs, right after the verb of hiring.
_NOT_STAFF = re.compile(
    r"\s+(?:(?:ses|son|sa|leurs?|les|des|de|d['’]|le|la|un|une|its|the|their|a|an|"
    r"autres|other|more|plus|nouveaux|nouvelles|new|premiers?|first|\d[\d\s.,]*)\s*){0,4}?"
    r"(?:clients?|clientes?|customers?|abonn[ée]s|subscribers?|adh[ée]rents?|members?|"
    r"users?|utilisateurs|franchis[ée]s|franchisees?|distributeurs|distributors?|"
    r"investisseurs|investors?|donateurs|donors?|fournisseurs|suppliers?|sponsors?|"
    r"m[ée]c[èe]nes)\b",
    re.IGNORECASE,
)
# What is learnt, not bought, right after a verb of acquiring: lower case (not "acquired
# Dubois Expertise"), and not "of"/"de" a firm after it.
_LEARNT = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?-i:expertise|exp[ée]rience|know-how|savoir-faire|skills?|"
    r"comp[ée]tences?|knowledge|connaissances?|reputation|r[ée]putation|notori[ée]t[ée]|"
    r"maturit[ée]|maturity|l[ée]gitimit[ée]|legitimacy|stature|momentum|visibilit[ée]|"
    r"visibility|credibility|cr[ée]dibilit[ée])\b(?!\s+(?:of|de|d['’]|du|des|from)\b)",
    re.IGNORECASE,
)
# session 14: a taste or a habit acquired ("acquired a taste for baking", "a acquis le goût
# du travail bien fait", "acquired the habit of"): learnt, whatever follows.
_TASTE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?-i:tastes?|liking|fondness|appetite|habits?|go[ûu]ts?|"
    r"habitudes?|penchant)\b",
    re.IGNORECASE,
)
# session 14: a person's or a household's buying back, no firm's: points of a driving
# licence or of a pension, quarters of contributions, consumer loans bundled ("rachat de
# points de permis", "racheter ses trimestres", "le rachat de crédits"); time bought ("to
# buy time", "bought itself time").
_PRIVATE_BUYBACK = re.compile(
    r"\s+(?:(?:de|des|d['’]|du|ses|leurs|vos|nos|mes|les|quelques|some|more|itself|"
    r"themselves|\d+)\s*){0,2}(?-i:points?|trimestres?|cr[ée]dits?\s+(?:à\s+la\s+"
    r"consommation|immobiliers?)|cr[ée]dits\b|time)\b",
    re.IGNORECASE,
)
_ACQUIRING = frozenset({"acquire", "acquerir", "acquérir"})
_MERGING = frozenset({"merge", "fusionner"})
# A firm's own units merged, right after the verb: a reorganisation, no firm bought
# ("a fusionné ses deux ateliers", "merged its two subsidiaries").
_OWN_UNITS = re.compile(
    r"\s+(?:ses|leurs|its|their)\s+(?:(?:deux|trois|quatre|two|three|four|\d+)\s+)?"
    r"(?:[\w-]+\s+)?(?:ateliers|usines|sites|filiales|divisions|d[ée]partements|services|"
    r"[ée]quipes|entit[ée]s|marques|r[ée]seaux|workshops|plants|sites|subsidiaries|units|"
    r"divisions|departments|teams|entities|brands|networks|activities|activit[ée]s)\b",
    re.IGNORECASE,
)
# What is said, not sold, right after a verb of launching.
_SAID = re.compile(
    r"\s+(?:(?:un|une|le|la|l['’]|son|sa|a|an|the|its|new|nouvel|nouveau|nouvelle|"
    r"v[ée]ritable|vrai|real|stark|fresh)\s*)*(?:cris?\s+d['’]\s?alarme|alarmes?|"
    r"avertissements?|ultimatums?|SOS|mises?\s+en\s+garde|coups?\s+de\s+gueule|"
    r"plaidoyers?|cris?\s+du\s+c[œo]e?ur|warnings?|pleas?|cr(?:y|ies)\s+for\s+help|"
    r"rallying\s+cry)\b",
    re.IGNORECASE,
)
# Praise or a rank, right after a verb of winning.
_PRAISE = re.compile(
    r"\s+(?:(?:un|une|le|la|l['’]|a|an|the|its|son|sa|vif|franc|grand|beau|r[ée]el|"
    r"v[ée]ritable|real|huge|great)\s+)*(?:succ[èe]s|(?:premi[èe]re|deuxi[èe]me|seconde|"
    r"troisi[èe]me|\d+e)\s+place|(?:first|second|third|top|\d+(?:st|nd|rd|th))\s+place|"
    r"places?\s+d['’]\s?honneur|palme|podium|acclaim|plaudits|praise)\b",
    re.IGNORECASE,
)


def routine_sense(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger in ``sentence`` is written in one of the everyday senses
    of the module's docstring; ``text``: the document's text."""
    if kind == "hiring" and _NOT_STAFF.match(text, trigger.end_char):
        return True  # "a recruté 200 nouveaux clients", "has recruited 50 new customers"
    learnt = trigger[-1].lemma_.lower() in _ACQUIRING and (
        _LEARNT.match(text, trigger.end_char) or _TASTE.match(text, trigger.end_char)
    )
    merged = trigger[-1].lemma_.lower() in _MERGING and _OWN_UNITS.match(text, trigger.end_char)
    if kind == "acquisition" and _PRIVATE_BUYBACK.match(text, trigger.end_char):
        return True  # "le rachat de points de permis", "racheter ses trimestres" (session 14)
    if kind == "acquisition" and (learnt or merged):
        return True  # "has acquired solid expertise in rail", "fusionne ses deux ateliers"
    if kind == "innovation" and _SAID.match(text, trigger.end_char):
        return True  # "lance un cri d'alarme", "lance un avertissement sur ses résultats"
    if kind == "contract" and _PRAISE.match(text, trigger.end_char):
        return True  # "remporte un franc succès", "a décroché la première place"
    if kind == "hiring":
        return _TRIAL_PEOPLE.match(text, trigger.end_char) is not None or (
            _TRIAL_PEOPLE_BEFORE.search(text, max(0, trigger.start_char - 12), trigger.start_char)
            is not None
        )  # "recrute ses premiers patients", "patient recruitment"
    if kind in ("acquisition", "investment"):
        around = _BUYBACK.search(
            text, max(sentence.start_char, trigger.start_char - 30), trigger.end_char + 50
        )
        return around is not None  # "programme de rachat d'actions", "share buyback"
    if kind == "closure" and _ROAD_SHUT.match(text, trigger.end_char):
        return True  # "the closure of the Mont-Blanc tunnel", "la fermeture du pont" (session 12)
    if kind == "closure":
        begin = max(sentence.start_char, trigger.start_char - 50)
        return (
            _FOR_A_WHILE.search(text, begin, sentence.end_char) is not None
            and _FOR_GOOD.search(text, sentence.start_char, sentence.end_char) is None
        )  # "ferme pour l'été", "idled for maintenance"; not "ferme définitivement"
    if kind in ("innovation", "contract"):
        return _TENDER_CALLED.match(text, trigger.start_char) is not None or (
            # the verb just before a trigger that is the call's noun ("lance un appel")
            _TENDER_CALLED.match(text, _verb_start(sentence, trigger)) is not None
        )
    return False


def _verb_start(sentence: Span, trigger: Span) -> int:
    """Where the word before the trigger's determiner starts ("lance" in "lance un appel
    d'offres"), or the trigger's own start."""
    at = trigger.start
    for back in (1, 2):
        if at - back >= sentence.start and sentence.doc[at - back].pos_ in ("VERB", "AUX"):
            return sentence.doc[at - back].idx
    return trigger.start_char
