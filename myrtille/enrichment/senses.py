"""Event words in another sense, and a notice's own wording (issue 14, session 8).

Read off the false events of text by other hands (news7 first), each a way the press or a
notice writes in either language:

- a word of a firm's name ("Brightwater Partners has agreed to buy…", "Breizh Partenaires")
  names the firm, not an event: a capitalised word after another inside a sentence that
  is not written in title case;
- a certificate won ("décroche le marquage CE", "obtient la certification", "wins ISO
  certification") is an approval, not a contract;
- a firm on a shortlist ("fait partie des trois candidats retenus pour concevoir", "has been
  shortlisted", "en lice pour") has won nothing yet;
- "to go" with a way after it ("to go upmarket", "to go public") is no job to go;
- a verb of ordering after the trigger's first word ("Bordeaux cruise firm orders hybrid
  vessel") with no supplier named: a purchase, as newsworthy.py reads "commande quinze
  camions";
- plants or lines said spared or damaged ("les lignes de fabrication ont été épargnées",
  "the plant was damaged by the flood"): what the firm has, no investment; nor a building
  that a permit is applied for ("a déposé une demande de permis de construire pour un
  nouvel atelier"): the project waits on it;
- goods bought from a supplier or at an auction ("a component it has so far bought from a
  single supplier in Asia", "a racheté aux enchères six métiers"): no firm taken over;
- a product line named after its noun ("The new line, Terres de Provence, comprises…") is
  a range of products, not a production line;
- an agreement to merge or to buy ("a signé un accord pour fusionner avec", "signed an
  agreement to acquire") is the takeover, not a partnership;
- a slowdown at export ("Le comté marque le pas à l'export", "sales are slowing abroad")
  is a trend, no sale;
- a product a deal is signed to develop together ("un accord de codéveloppement pour une
  thérapie", "have agreed to jointly develop a new generation of sights") is the
  partnership's purpose, no product yet;
- employment contracts taken over with a business ("Reprise de 52 contrats de travail") are
  jobs kept, no contract won (session 9);
- a court officer appointed ("Administrator: Maître Hugo Berthier, appointed to carry out
  the deeds", "mandataire judiciaire désigné") holds an office of the court, not the head
  of a firm (session 10);
- redundancy in the engineer's sense ("designed to the Tier III standard of redundancy",
  "N+1 redundancy on power and cooling", "redundancy of the power supply") is spare
  equipment, no job cut (session 10, second round);
- a first site "outside mainland France" ("its first facility outside mainland France",
  "hors de métropole", "hors de l'Hexagone") in a sentence naming no foreign country is in
  overseas France: no export (session 10, second round);
- advisers, bankers or lawyers hired ("had hired advisers to explore a sale", "hired
  bankers to find a buyer", "a recruté une banque d'affaires") are a firm's counsel for a
  deal, no job created (session 11, news12 and news11);
- a line of a transport network ("pour assurer les nouvelles lignes scolaires de l'Eure",
  "une nouvelle ligne d'autocars") is a service run for a customer, not a production
  line: no investment (session 11);
- something new bought ("s'offre une nouvelle ligne d'embouteillage", "has acquired two
  new forging robots") is equipment, not a firm taken over: a firm bought is never "new"
  (session 11, news12);
- a post named by its export ("dont elle fut directrice export", "the export manager") is
  a job title, no sale abroad (session 12, traps14);
- "named" in a document or as a candidate ("named in the report as a potential suitor",
  "was named in a lawsuit", "named as a possible successor") is mentioned, not appointed
  (session 13);
- "décrocher" with no object ("Défaillances : l'industrie tient, le bâtiment décroche",
  "les ventes décrochent de 8 %") is to fall behind, not to win; an order book ("affiche un
  carnet de commandes de quatorze mois", "an order book of two years") is a stock of work,
  no contract won (session 13).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.abroad import names_abroad
from myrtille.enrichment.pattern_words import gated

# session 9: employment contracts, which a buyer takes over with a business in a notice
# ("Reprise de 52 contrats de travail sur 61", "the transfer of 42 of the 61 employment
# contracts"): jobs kept, no contract won (five notices of the tuning set, none a contract).
_EMPLOYMENT = re.compile(
    r"\bcontrats?\s+de\s+travail\b|\bemployment\s+contracts?\b|"
    r"\bcontracts?\s+of\s+employment\b",
    re.IGNORECASE,
)
# A certificate or an approval as the object of a verb of winning, right after it.
_CERTIFICATE = re.compile(
    r"\s+(?:(?:le|la|les|l['’]|un|une|son|sa|ses|its|the|a|an|their|leur|leurs)\s*)?"
    r"(?:[\w-]+\s+){0,2}?(?:marquage|certifications?|certificats?|labels?|agr[ée]ments?|"
    r"homologations?|accr[ée]ditations?|normes?|approvals?|certification|accreditation|"
    r"CE\s+mark\w*|ISO\b)",
    re.IGNORECASE,
)
# Lemmas as the pipeline folds them (no accents).
_WINNING = frozenset(
    {"decrocher", "obtenir", "remporter", "win", "secure", "land", "gain", "obtain", "earn"}
)
# A shortlist, in the trigger's sentence before it or in its words.
_SHORTLIST = re.compile(
    r"\bcandidat(?:e|s|es)?\s+(?:[\w-]+\s+)?(?:retenu|s[ée]lectionn|pr[ée]s[ée]lectionn)\w*|"
    r"\bpr[ée]s[ée]lectionn\w*|\bfinalistes?\b|\ben\s+lice\b|\bshort-?listed\b|"
    r"\bon\s+(?:a|the)\s+shortlist\b|\bfinalists?\b|\bin\s+the\s+running\b|"
    r"\bamong\s+(?:the\s+)?(?:\w+\s+)?(?:bidders|candidates|contenders)\b",
    re.IGNORECASE,
)
_SHORTLIST = gated(_SHORTLIST)  # session 19: only where one of its words is
# "to go" and a way after it: no job to go.
_GO_WAY = re.compile(
    r"\s+(?:up-?market|down-?market|public|private|global|green|digital|electric|organic|"
    r"international|online|ahead|further|beyond|it\s+alone|solo|bigger|premium|upscale)\b",
    re.IGNORECASE,
)
# Redundancy as spare equipment: a level or a standard of it, N+1, or the equipment it is
# of or in, said next to the word (session 10, second round).
_SPARE_BEFORE = re.compile(
    r"\b(?:standards?|levels?|degree|tier|N\s?\+\s?\d|2N|built[-\s]in|dual|"
    r"triple|hardware|network|power|data|system|geographic(?:al)?)\s+(?:of\s+)?\Z",
    re.IGNORECASE,
)
_SPARE_AFTER = re.compile(
    r"\s+(?:(?:of|in|on|for)\s+(?:the\s+|its\s+|their\s+)?(?:power|cooling|supply|supplies|"
    r"servers?|network|systems?|data|links?|cables?|equipment|components?|storage|sites?)|"
    r"(?:and|or)\s+(?:resilience|security|fault\s+tolerance|failover|backup))\b",
    re.IGNORECASE,
)
# Overseas France told apart from the mainland: still France, no market abroad.
_OUTSIDE_MAINLAND = re.compile(
    r"\b(?:outside|beyond)\s+(?:of\s+)?(?:mainland|metropolitan)\s+France\b|"
    r"\bhors\s+(?:de\s+)?(?:la\s+)?(?:France\s+)?m[ée]tropol(?:e|itaine)\b|"
    r"\bhors\s+(?:de\s+)?l['’]\s?Hexagone\b",
    re.IGNORECASE,
)
_OUTSIDE_MAINLAND = gated(_OUTSIDE_MAINLAND)  # session 19: only where one of its words is
# A line given a name after its noun: a range of products.
_NAMED_LINE = re.compile(r"\s*,\s+[A-ZÀ-Ý][\w'’-]*")
# An agreement whose object is a merger or a takeover, right after the trigger's noun.
_MERGER_AGREEMENT = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:pour\s+(?:fusionner|racheter|acqu[ée]rir|reprendre|c[ée]der)|"
    r"de\s+(?:fusion|rachat|cession|reprise)|to\s+(?:merge|acquire|buy|sell|take\s+over)|"
    r"(?:on|for)\s+(?:a|the)\s+(?:merger|takeover|sale|acquisition))\b",
    re.IGNORECASE,
)
_AGREEMENT = re.compile(r"\b(?:accords?|agreements?|agreed|deal|protocole)\b", re.IGNORECASE)
# Development together, as a deal's purpose.
_CODEVELOPMENT = re.compile(
    r"\bco-?d[ée]velopp\w*|\bco-?develop\w*|\bjointly\s+(?:\w+\s+)?develop\w*|"
    r"\bdevelop\w*\s+(?:\w+\s+){0,3}?(?:jointly|together)\b|"
    r"\bd[ée]velopp\w*\s+(?:\w+\s+){0,3}?(?:conjointement|ensemble|en\s+commun)\b",
    re.IGNORECASE,
)
_DEAL = re.compile(
    r"\b(?:accord|partenariat|agreement|agreed|partnership|alliance|s['’]\s?associ\w*|"
    r"team(?:s|ed)?\s+up|sign\w*|joint\s+venture)\b",
    re.IGNORECASE,
)
# A verb of slowing or falling right before the export market: a trend, no sale.
_EXPORT_TREND = re.compile(
    r"\b(?:marqu\w*\s+le\s+pas|recul\w*|ralenti\w*|s['’]\s?essouffl\w*|chut\w*|"
    r"flanch\w*|baiss\w*|slow\w*|stall\w*|slump\w*|declin\w*|f[ae]ll\w*|"
    r"los(?:e|es|ing)\s+ground)\s+(?:[àa]\s+l['’]\s?(?:export|international)|"
    r"(?:on\s+)?(?:abroad|overseas|export\s+markets?|foreign\s+markets?))",
    re.IGNORECASE,
)
_EXPORT_TREND = gated(_EXPORT_TREND)  # session 19: only where one of its words is
# Plants or lines said spared or damaged, after them in their clause: what the firm has.
_DAMAGED = re.compile(
    r"[^.;,]{0,60}?\b(?:ont|a|sont|est|have|has|was|were)\s+(?:\w+\s+)?(?:été\s+|been\s+)?"
    r"(?:[ée]pargn[ée]e?s?|endommag[ée]e?s?|d[ée]truit\w*|ravag[ée]e?s?|sinistr[ée]e?s?|"
    r"inond[ée]e?s?|spared|damaged|destroyed|gutted|ravaged|flooded)\b",
    re.IGNORECASE,
)
_DAMAGED = gated(_DAMAGED)  # session 19: only where one of its words is
# A building permit applied for, before the trigger: the project waits on it.
_PERMIT_SOUGHT = re.compile(
    r"\b(?:demande\s+de\s+permis|d[ée]pos\w*\s+(?:un|le|son|une)\s+(?:demande\s+de\s+)?permis|"
    r"appl(?:y|ied|ies|ying)\s+for\s+(?:a\s+|the\s+)?(?:building|planning)\s+permi\w*|"
    r"(?:filed|submitted|lodged)\s+(?:a\s+|the\s+|its\s+)?(?:planning|building)\s+"
    r"(?:application|permit))\b[^.;]*\Z",
    re.IGNORECASE,
)
_PERMIT_SOUGHT = gated(_PERMIT_SOUGHT)  # session 19: only where one of its words is
# Goods bought: from a supplier, or at an auction, said after the verb of buying.
_GOODS_BOUGHT = re.compile(
    r"\s+(?:(?:\w+\s+){0,3}?(?:from|auprès\s+d['’]\s?|chez)\s*(?:a|an|its|their|the|one|"
    r"un|une|son|sa|ses|leur|leurs)?\s*(?:[\w-]+\s+){0,2}?(?:suppliers?|fournisseurs?)\b|"
    r"(?:aux\s+ench[èe]res|at\s+(?:an\s+)?auction|lors\s+d['’]\s?une\s+vente\s+aux\s+ench[èe]res))",
    re.IGNORECASE,
)
_BUYING = frozenset({"buy", "purchase", "acheter", "racheter", "acquerir", "acquire"})
# session 11: something new right after the verb of buying ("s'offre une nouvelle ligne",
# "acquired two new robots"): equipment; not a new stake in a firm.
_NEW_THING = re.compile(
    r"\s+(?:(?:une?|des|a|an|its|their|son|sa|ses|leur|leurs|deux|trois|quatre|cinq|"
    r"plusieurs|two|three|four|five|several|\d+)\s+)*(?:new|brand-new|nouvel(?:le|les)?|"
    r"nouveaux|nouveau)\s+(?!(?:stakes?|participations?|parts?|shares?|actions?)\b)",
    re.IGNORECASE,
)
_NAME_WORDS = re.compile(r"[A-ZÀ-Ý][\w'’&.-]*$")


# session 13: "named" as mentioned: in a document, or as a mere candidate.
_NAMED_AS_MENTIONED = re.compile(
    r"named\s+(?:in\s+(?:the|a|an|its|their|this|that|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:report|reports|lawsuit|suit|complaint|filing|list|survey|article|document|ranking|"
    r"study|investigation|inquiry|probe|indictment|press|letter|leak|memo|book|case)\b|"
    r"as\s+(?:a|an|one\s+of\s+the|the)\s+(?:possible|potential|likely|prospective|"
    r"probable|rumou?red|candidate|contender))",
    re.IGNORECASE,
)

# session 13: "décroche" with no object: at a clause's end, or before a fall's figure.
_FALLS = re.compile(r"[ \t]*(?:$|[.;:!?,)»\n]|de\s+\d|d['’]\s?\d)", re.MULTILINE)
_UNHOOKS = re.compile(r"d[ée]croch", re.IGNORECASE)
# session 13: the orders an order book holds ("un carnet de commandes de quatorze mois").
_ORDER_BOOK = re.compile(r"\bcarnets?\s+de\s+\Z|\border[-\s]books?\b|\bbacklogs?\b", re.IGNORECASE)

# session 10: a court officer appointed in proceedings (an administrator, a liquidator, a
# lawyer called "Maître"): an office of the court, no new head of the firm.
_COURT_OFFICER = re.compile(
    r"\b(?:administrat(?:eur|rice)s?\s+judiciaires?|mandataires?\s+judiciaires?|"
    r"liquidat(?:eur|rice|or)s?\b|commissaires?\s+[àa]\s+l['’]\s?ex[ée]cution|"
    r"court[-\s]appointed|official\s+receiver|insolvency\s+practitioner|"
    r"(?-i:Administrator|Ma[îi]tre\s+[A-Z]|Me\s+[A-Z]))",
    re.IGNORECASE,
)


# session 11: counsel hired for a deal, right after the verb of hiring ("hired advisers to
# explore a sale", "a recruté une banque d'affaires"); not a number of them ("recrute 20
# avocats" is a law firm's hiring).
_COUNSEL = re.compile(
    r"\s+(?:(?:an?|des|une?|d['’]|the|its|their|outside|external|ext[ée]rieurs?|"
    r"financial|legal)\s+)*(?:advis[eo]rs?|bankers?|investment\s+banks?|banques?\s+"
    r"d['’]\s?affaires|banques?\s+(?:conseils?|d['’]\s?investissement)|lawyers?|law\s+firms?|"
    r"avocats?|conseils?\s+(?:financiers?|juridiques?)|headhunters?|chasseurs?\s+de\s+"
    r"t[êe]tes?)\b",
    re.IGNORECASE,
)


# session 11: a line of a transport network, its kind said after the noun ("lignes
# scolaires", "ligne d'autocars", "lignes régulières"; the English "new bus lines" finds
# no investment).
_LINE_NOUNS = frozenset({"ligne", "lignes"})
_TRANSPORT_AFTER = re.compile(
    r"\s+(?:scolaires?|r[ée]guli[èe]res?|interurbaines?|urbaines?|a[ée]riennes?|maritimes?|"
    r"express|de\s+(?:bus|cars?|autocars?|tramway|m[ée]tro|navettes?|transport|ferry|bac)|"
    r"d['’]\s?autocars?|d['’]\s?autobus)\b",
    re.IGNORECASE,
)


def _transport_line(trigger: Span, text: str) -> bool:
    """A trigger ending on a line of a transport network ("les nouvelles lignes scolaires")."""
    if trigger[-1].lower_ not in _LINE_NOUNS:
        return False
    return _TRANSPORT_AFTER.match(text, trigger.end_char) is not None


def other_sense(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger names something else than its event, or an event the
    document reports under another type (see the module's docstring); ``text``: the
    document's text."""
    if in_a_name(sentence, trigger):
        return True  # "Brightwater Partners has agreed to buy"
    if kind == "acquisition" and any(t.lemma_.lower() in _BUYING for t in trigger):
        bought = [t for t in trigger if t.lemma_.lower() in _BUYING][-1]
        if _GOODS_BOUGHT.match(text, bought.idx + len(bought.text)):
            return True  # "bought from a single supplier", "a racheté aux enchères six métiers"
    if kind == "acquisition" and _NEW_THING.match(text, trigger.end_char):
        return True  # "s'offre une nouvelle ligne d'embouteillage" (session 11)
    if kind == "hiring" and _COUNSEL.match(text, trigger.end_char):
        return True  # "had hired advisers to explore a sale" (session 11)
    if kind == "leadership" and _NAMED_AS_MENTIONED.match(
        text, trigger.start_char, min(sentence.end_char, trigger.end_char + 60)
    ):
        return True  # "named in the report as a potential suitor" (session 13)
    if kind == "leadership" and _COURT_OFFICER.search(text, sentence.start_char, sentence.end_char):
        return True  # "Administrator: Maître Hugo Berthier, appointed to carry out the deeds"
    if kind == "closure" and trigger.text.lower() == "redundancy":
        # "designed to the Tier III standard of redundancy": spare equipment, no job cut
        return _SPARE_BEFORE.search(
            text, max(0, trigger.start_char - 30), trigger.start_char
        ) is not None or (_SPARE_AFTER.match(text, trigger.end_char) is not None)
    if kind == "closure":
        return trigger.text.lower() == "to go" and _GO_WAY.match(text, trigger.end_char) is not None
    if (
        kind == "contract"
        and len(trigger) == 1
        and _UNHOOKS.match(trigger.text)
        and _FALLS.match(text, trigger.end_char)
    ):
        return True  # "le bâtiment décroche": falls behind (session 13)
    if kind == "contract" and (
        _ORDER_BOOK.search(text, max(0, trigger.start_char - 12), trigger.start_char)
        or _ORDER_BOOK.search(trigger.text)
    ):
        return True  # "affiche un carnet de commandes de quatorze mois" (session 13)
    if kind == "contract":
        if _EMPLOYMENT.search(text, max(0, trigger.start_char - 12), trigger.end_char + 20):
            return True  # "Reprise de 52 contrats de travail sur 61": jobs kept (session 9)
        if _shortlisted(sentence, trigger, text) or _orders_things(sentence, trigger):
            return True  # "candidats retenus pour concevoir", "cruise firm orders hybrid vessel"
        return _certificate_won(trigger, text)
    if kind == "investment" and _transport_line(trigger, text):
        return True  # "pour assurer les nouvelles lignes scolaires de l'Eure" (session 11)
    if kind == "investment":
        line = trigger[-1].lower_ in ("line", "ligne", "range", "gamme")
        if line and _NAMED_LINE.match(text, trigger.end_char):
            return True  # "The new line, Terres de Provence, comprises…"
        # "les lignes ont été épargnées", "a déposé une demande de permis de construire"
        return _DAMAGED.match(text, trigger.end_char, sentence.end_char) is not None or (
            _PERMIT_SOUGHT.search(text, sentence.start_char, trigger.start_char) is not None
        )
    if kind == "partnership" and _AGREEMENT.search(trigger.text):
        return _MERGER_AGREEMENT.match(text, trigger.end_char) is not None
    if kind == "export" and _OUTSIDE_MAINLAND.search(
        said := text[sentence.start_char : sentence.end_char]
    ):
        return not names_abroad(said)  # "its first facility outside mainland France"
    if kind == "export" and _job_title(trigger, text):
        return True  # "dont elle fut directrice export", "the export manager" (session 12)
    if kind == "export":
        return _EXPORT_TREND.search(text, sentence.start_char, sentence.end_char) is not None
    if kind == "innovation":
        said = text[sentence.start_char : sentence.end_char]
        return _CODEVELOPMENT.search(said) is not None and _DEAL.search(said) is not None
    return False


# session 12: a post named by the export it is in charge of ("dont elle fut directrice
# export", "responsable export Asie", "export manager", "head of export sales").
_POST_BEFORE = re.compile(
    r"\b(?:directeur|directrice|responsable|charg[ée]e?|chef|cheffe|manager|head|director|"
    r"vice-pr[ée]sident\w*|VP)\s+(?:(?:des\s+ventes|commercial|commerciale|of)\s+)?"
    r"(?:(?:[àa]\s+)?l['’]\s?)?\Z",
    re.IGNORECASE,
)
_POST_AFTER = re.compile(
    r"(?:\s+sales)?\s+(?:manager|director|executive|officer|chief|head)s?\b", re.IGNORECASE
)


def _job_title(trigger: Span, text: str) -> bool:
    """An export trigger that names a post: a manager's title before or after the word."""
    if trigger[-1].lower_ not in ("export", "exports"):
        return False
    before = text[max(0, trigger.start_char - 40) : trigger.start_char]
    return _POST_BEFORE.search(before) is not None or (
        _POST_AFTER.match(text, trigger.end_char) is not None
    )


def in_a_name(sentence: Span, trigger: Span) -> bool:
    """A trigger that opens on a capitalised word after another, inside a sentence not
    written in title case: a word of a firm's name ("Brightwater Partners")."""
    first = trigger[0]
    if first.i <= sentence.start or not first.is_title:
        return False
    previous = sentence.doc[first.i - 1]
    if not (previous.is_title and previous.pos_ == "PROPN" and _NAME_WORDS.match(previous.text)):
        return False
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    titled = sum(1 for t in words if t.is_title)
    return titled * 2 < len(words)


def _orders_things(sentence: Span, trigger: Span) -> bool:
    """A verb of ordering inside the trigger's words ("cruise firm orders hybrid vessel")
    with no name after it: the firm buys for itself, no contract won."""
    verbs = [t for t in trigger[1:] if t.pos_ == "VERB" and t.lemma_ in ("order", "commander")]
    if not verbs:
        return False
    return not any(t.pos_ == "PROPN" for t in sentence.doc[verbs[0].i + 1 : sentence.end])


def _shortlisted(sentence: Span, trigger: Span, text: str) -> bool:
    return _SHORTLIST.search(text, sentence.start_char, trigger.end_char) is not None


def _certificate_won(trigger: Span, text: str) -> bool:
    """A verb of winning whose object, right after it, is a certificate."""
    last = trigger[-1]
    return (
        last.lemma_.lower() in _WINNING and _CERTIFICATE.match(text, trigger.end_char) is not None
    )
