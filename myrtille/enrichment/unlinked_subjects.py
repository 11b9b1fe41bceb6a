"""Events whose subject is a firm outside the registry: not given to a registry firm named
beside it, nor to the document's main firm.

``attribution.py`` settles an event's company from its clause, then asks ``settle`` to
review it, since the models miss many names of firms outside the registry (or take them
for people or places):

- a lead about such a firm (the title's subject, after a kicker; else the first
  sentence's: "Automatismes Quentin wins …", "Brewlab lève …", "L'intégrateur savoyard
  X a décroché …", "Acierval, the steel supplier of X, will hire …") makes the document
  that firm's: an event whose sentence names no company ("The 60-employee firm plans to
  hire …", "Le constructeur ouvrira un atelier …") is no registry firm's, not the main one's;
- a sentence whose clause opens with such a firm as subject ("Italy's Metalfer has won
  …", "C'est l'italien Metalfer qui a remporté …", "X wins €3m Vallorin contract") gives
  its event neither to the main firm nor to a registry firm named elsewhere in it;
- a registry firm named as the rival the subject beat ("devant X", "beating X", "ahead of
  X", "face à X") does not take the event;
- a trigger in a relative clause whose antecedent is a name outside the registry ("… to
  Textiles Berard, which will hire 25 workers") is that firm's, not the sentence subject's.

A name is taken for a firm when a trade or company noun describes it ("la start-up X",
"Savoy integrator X", "l'italien X", "Spain's X"), the models label it an organisation, or
it is the lead's firm; a place before a noun ("The Occitanie company", "Bordeaux river
cruise operator") and a customer's lead ("French Army orders X drones") are none. The
registry firm stays when a customer's verb gives it the contract, and for the events
whose complement is the firm concerned (insolvency, closure, change of leader).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from myrtille.enrichment.companies import COMPANY_CUES, CompanyMention
from myrtille.enrichment.contracts import customer_side, customer_verb, customer_word
from myrtille.enrichment.firmnames import ROLE_WORDS, named_firms, opening_name, people_words
from myrtille.enrichment.parsed_subject import BUYER, PATIENT_KINDS, UNKNOWN
from myrtille.enrichment.patterns import fold

# The separator the enricher puts between a title and its text.
_TITLE_END = "\n\n"
# Words before a firm that make it a complement of the lead's subject, not the subject:
# "le fournisseur de X", "Alcarène's supplier", "chez X", "avec X", "for X".
_COMPLEMENT_WORDS = frozenset(
    {"de", "d'", "d’", "du", "des", "chez", "pour", "avec", "aupres", "selon", "par", "contre"}
    | {"'s", "’s", "of", "for", "with", "from", "by", "at", "to", "against", "according"}
)
# The rival an event's subject beat or passed over ("devant X", "face à X", "au nez et à
# la barbe de X", "beating X", "ahead of X", "outbidding X", "instead of X").
_RIVAL = re.compile(
    r"\b(?:devant|face\s+a|au\s+detriment\s+d[eu']?|plutot\s+qu[e']|au\s+nez\s+et\s+a\s+la\s+"
    r"barbe\s+d[eu']?|a\s+la\s+place\s+d[eu']?|aux\s+depens\s+d[eu']?|concurrent\w*|rival\w*|"
    r"beating|beat|ahead\s+of|outbidding|outbid|over\s+rival|instead\s+of|rather\s+than|"
    r"at\s+the\s+expense\s+of|in\s+place\s+of)"
    r"\s*(?:(?:l'|la|le|les|the|son|sa|ses|its|their|leur|du|des|de\s+la)\s*)?"
    r"(?:[\w-]+\s+){0,2}$"
)
_POSSESSIVE = frozenset({"'s", "’s"})
_LOOKBEHIND = 40
_RELATIVES = frozenset({"qui", "which", "who"})


def settle(
    sentence: Span,
    trigger: Span,
    kind: str,
    mentions: list[CompanyMention],
    found: CompanyMention | None,
    text: str,
) -> CompanyMention | None:
    """``found``, the company ``attribution.py`` gave the event, unless a firm outside the
    registry is its subject: then UNKNOWN (no registry firm, not the main one)."""
    if found is BUYER or found is UNKNOWN or len(_FIELD_LINE.findall(sentence.text)) >= 2:
        return found  # a notice's fields are read by attribution.py's field rules
    doc = sentence.doc
    unlisted_lead = lead_is_unlisted(doc, mentions, text)  # and the lead's firm's name
    if found is None and unlisted_lead:
        return UNKNOWN  # "The 60-employee firm plans to hire …" after "X wins …"
    subject = _lead_subject(doc[sentence.start : max(trigger.end, sentence.start + 1)], mentions)
    if found is None:
        # "Italy's Metalfer has won the contract": not the main firm's; a court or an
        # officer opening an insolvency or a leader's change is no firm of it.
        unlisted = subject is not None and subject.company_id is None
        return UNKNOWN if unlisted and kind not in PATIENT_KINDS else None
    if found.company_id is None or found.end <= found.start:
        return found
    if _rival(text, found):
        return UNKNOWN
    if kind in PATIENT_KINDS:
        return found
    if kind == "contract" and (
        customer_side(trigger) or customer_verb(sentence, trigger, sentence.start_char)
    ):
        return found  # "la SNCF attribue à X un marché": X is the supplier
    if subject is not None and subject.company_id is None and subject.start != found.start:
        return UNKNOWN  # "Automatismes Quentin wins €3m Vallorin contract"
    if _relative_of_unlisted(sentence, trigger, found, mentions):
        return UNKNOWN
    return found


def _rival(text: str, found: CompanyMention) -> bool:
    return _RIVAL.search(fold(text[max(0, found.start - _LOOKBEHIND) : found.start])) is not None


def _relative_of_unlisted(
    sentence: Span, trigger: Span, found: CompanyMention, mentions: list[CompanyMention]
) -> bool:
    """Whether the trigger stands in a relative clause (", which will hire …", ", qui
    recrutera …") opened after ``found``, whose antecedent is a name no registry firm's
    mention covers."""
    tokens = [t for t in sentence if found.end <= t.idx and t.i < trigger.start]
    for position in range(len(tokens) - 1, 0, -1):
        token = tokens[position]
        if token.lower_ in _RELATIVES and tokens[position - 1].text == ",":
            if position < 2:
                return False
            run = position - 2
            while run > 0 and tokens[run - 1].pos_ == "PROPN":
                run -= 1  # back to the start of the name
            if run > 0 and tokens[run - 1].pos_ == "ADP":
                return False  # "X in Pau, which …": a place after a preposition
            return _unlisted_name(tokens[position - 2], mentions)
        if token.text in ".;:":
            return False
    return False


def _unlisted_name(token: Token, mentions: list[CompanyMention]) -> bool:
    """A capitalised proper name no registry mention covers, not a person's or a place's."""
    at = token.idx
    if any(m.start <= at < m.end for m in mentions if m.company_id is not None):
        return False
    if any(m.start <= at < m.end for m in mentions):
        return True  # a firm the models named, outside the registry
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.ent_type_ not in ("PER", "PERSON", "LOC", "GPE", "FAC")
        and token.lower_ not in people_words(token.doc[token.i : token.i + 1])
    )


def lead_is_unlisted(doc: Doc, mentions: list[CompanyMention], text: str) -> bool:
    """Whether the document's lead has a firm outside the registry as its subject: the
    title's, else (a title without a verb or a firm) the first sentence's."""
    key = "myrtille.unlisted_lead"
    cached = doc.user_data.get(key)
    if cached is not None and cached[0] == len(mentions):
        return cached[1]
    answer = _lead_is_unlisted(doc, mentions, text)
    doc.user_data[key] = (len(mentions), answer)
    return answer


def _lead_is_unlisted(doc: Doc, mentions: list[CompanyMention], text: str) -> bool:
    title_end = text.find(_TITLE_END)
    if title_end < 0 or not doc.has_annotation("SENT_START"):
        return False
    if len(_FIELD_LINE.findall(text, title_end, title_end + 600)) >= 2:
        return False  # a notice's fields ("Dénomination : X"), one a line: no lead sentence
    body = doc.char_span(title_end + len(_TITLE_END), len(text), alignment_mode="expand")
    title = doc.char_span(0, title_end, alignment_mode="contract") if title_end else None
    leads = []
    if title is not None and len(title):
        # After a kicker ("Vallorin : son fournisseur Maltaria investit …"), then whole.
        kicker = max((t.i + 1 for t in title if t.text in (":", "—", "–", "|")), default=None)
        if kicker is not None and kicker < title.end:
            leads.append(doc[kicker : title.end])
        leads.append(title)
    if body is not None and len(body):
        first = next(iter(body.sents), body)  # a title run into it: its part below
        leads.append(doc[max(first.start, body.start) : max(first.end, body.start + 1)])
    for lead in leads:
        if "\n" in lead.text.strip():
            return False  # a notice's fields, one a line: no lead sentence
        subject = _lead_subject(lead, mentions)
        if subject is not None:
            if subject.company_id is None:
                doc.user_data[_KNOWN] = " ".join(re.findall(r"\w+", fold(subject.name)))
            return subject.company_id is None
    return False


# A notice's field line: "Catégorie de vente : Vente", "Name: …".
_FIELD_LINE = re.compile(r"^[^\n:]{2,40}\s?:\s", re.MULTILINE)
# The name of the firm outside the registry that a document's lead is about, once found.
_KNOWN = "myrtille.unlisted_lead_name"


def _lead_subject(lead: Span, mentions: list[CompanyMention]) -> CompanyMention | None:
    """The firm named as the subject of ``lead``'s first verb: the first firm of the words
    before that verb that is not a complement ("le fournisseur de X", "X's supplier"), or
    a name a trade word calls a firm ("L'intégrateur savoyard Automatismes Quentin a …",
    "Ravel foundry enters …"), which the models often take for a person or a place."""
    phrase = _subject_phrase(lead)
    if not phrase:
        return None
    begin, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    firms = [
        m
        for m in [*mentions, *named_firms(lead, mentions)]
        if begin <= m.start and m.end <= end and m.end > m.start
    ]
    for firm in sorted(firms, key=lambda m: m.start):
        before = [t for t in phrase if t.idx < firm.start]
        after = [t for t in phrase if t.idx >= firm.end][:1]
        if before and fold(before[-1].lower_) in _COMPLEMENT_WORDS:
            continue
        if after and after[0].lower_ in ("'s", "’s"):
            continue  # "Alcarène's steel supplier Acierval": the supplier is the subject
        if firm.company_id is not None:
            return firm
        if not _modifier(phrase, firm.end) and _firm_words(phrase, firm.start, firm.end):
            return firm
    verb = lead.doc[phrase[-1].i + 1 : phrase[-1].i + 2]
    opening = opening_name(lead, begin, verb, mentions) if verb.start > phrase[0].i else None
    if opening is not None and begin <= opening.start and opening.end <= end:
        return opening  # "Brewlab lève 4 millions …"
    run = _name_run(phrase)
    if run is None:
        return None
    start, stop = run[0].idx, run[-1].idx + len(run[-1])
    if _modifier(phrase, stop) or re.fullmatch(r"[A-Z]{2,}s", run[-1].text):
        return None  # "specialist SMEs", "les PMEs": a plural, no name
    before = [t for t in phrase if t.idx < start][-1:]
    if before and fold(before[0].lower_) in _COMPLEMENT_WORDS - _POSSESSIVE:
        return None  # "le marché des rames de Lyon": a complement, not the subject
    if all(t.ent_type_ in ("LOC", "GPE") for t in run if t.is_alpha):
        return None  # a place
    if any(m.start < stop and start < m.end for m in mentions) or not _firm_words(
        phrase, start, stop
    ):
        return None
    return CompanyMention(None, lead.doc.text[start:stop], start, stop, "named")


# Words of a phrase that make a name in it a person's ("l'économiste Jean Dupont").
_PERSON_WORDS = ROLE_WORDS | frozenset(
    {"economiste", "ministre", "maire", "president", "presidente", "directeur", "directrice"}
    | {"analyste", "depute", "deputee", "senateur", "prefet", "prefete", "m.", "mme", "dr"}
    | {"economist", "minister", "mayor", "president", "director", "analyst", "chief", "head"}
    | {"mr", "mrs", "ms", "sir", "lawyer", "avocat", "avocate", "salarie", "salariee"}
)
_CLEFT = frozenset({"c'", "c’", "ce", "it"})
_SUBJECT_RELATIVES = frozenset({"qui", "who", "that", "which"})


def _subject_phrase(lead: Span) -> list[Token]:
    """The words before ``lead``'s first verb, from after a setting ("À Roanne, …") and up
    to an apposition's comma; in a cleft ("C'est l'italien X qui a …"), the words the
    relative pronoun stands for."""
    tokens = [t for t in lead if not t.is_space]
    verbs = [
        i
        for i, t in enumerate(tokens)
        if t.pos_ in ("VERB", "AUX")
        and i > 0
        and "-" not in (tokens[i - 1].text, tokens[min(i + 1, len(tokens) - 1)].text)
    ]
    if not verbs or any(customer_word(t) for t in tokens[verbs[0] : verbs[0] + 3]):
        return []  # "French Army orders X drones": the supplier's news, not the customer's
    if tokens[0].lower_ in _CLEFT and verbs[0] <= 2:
        relative = next(
            (i for i in range(verbs[0] + 1, len(tokens)) if tokens[i].lower_ in _SUBJECT_RELATIVES),
            None,
        )
        phrase = tokens[verbs[0] + 1 : relative] if relative is not None else []
    else:
        phrase = tokens[: verbs[0]]
        kickers = [i for i, t in enumerate(phrase) if t.text in (":", "|")]
        if kickers:
            phrase = phrase[kickers[-1] + 1 :]  # "Transports scolaires : X reconduit"
        commas = [i for i, t in enumerate(phrase) if t.text == ","]
        setting = bool(commas) and (
            phrase[0].pos_ != "PROPN" or any(t.pos_ == "ADP" for t in phrase[: commas[0]])
        )
        if commas and commas[-1] < len(phrase) - 1 and setting:
            # A setting before the subject: "À Roanne, les Tissages X …", "Présent au salon
            # Y, à Paris, le fabricant X a …"; an apposition closes before the verb instead
            # ("X, le fournisseur de Y, va investir"), and a name opens no setting.
            phrase = phrase[commas[-1] + 1 :]
    cut = next((i for i, t in enumerate(phrase) if t.text in ",(—–"), len(phrase))
    phrase = [t for t in phrase[:cut] if t.pos_ != "ADV"]
    if any(fold(t.lower_) in _PERSON_WORDS for t in phrase):
        return []
    return phrase


def _name_run(phrase: list[Token]) -> list[Token] | None:
    """The last run of capitalised words of ``phrase`` (the name after its description)."""
    runs: list[list[Token]] = []
    for position, token in enumerate(phrase):
        capital = token.text[:1].isupper() and token.text[:1].isalpha()
        link = token.lower_ in ("de", "du", "des", "d'", "d’", "&", "et") and bool(runs)
        if capital and (position > 0 or token.pos_ == "PROPN"):
            if runs and runs[-1][-1].i == token.i - 1:
                runs[-1].append(token)
            else:
                runs.append([token])
        elif link and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
    while runs and runs[-1][-1].lower_ in ("de", "du", "des", "d'", "d’", "&", "et"):
        runs[-1].pop()
    return runs[-1] if runs and runs[-1] else None


def _modifier(phrase: list[Token], end: int) -> bool:
    """Whether the name ending at ``end`` qualifies a common noun after it ("Bordeaux river
    cruise operator", "the Vallorin contract"): the noun, not the name, is the subject."""
    after = [t for t in phrase if t.idx >= end][:1]
    return bool(after) and after[0].pos_ == "NOUN" and after[0].text[:1].islower()


def _firm_words(phrase: list[Token], start: int, stop: int) -> bool:
    """Whether a word of ``phrase`` around the name at ``start:stop`` calls it a firm: a
    trade or company noun before it ("la start-up", "Savoy integrator", "l'italien"), a
    company word in it, the models' organisation label, or the name of the firm the lead
    is about. A place's name before a noun ("The Occitanie company", "Bordeaux river
    cruise operator", "Brittany's food makers") is none."""
    inside = [t for t in phrase if start <= t.idx < stop]
    if any(t.ent_type_ == "ORG" for t in inside):
        return True
    known = phrase[0].doc.user_data.get(_KNOWN) if phrase else None
    words = set(re.findall(r"\w+", fold(phrase[0].doc.text[start:stop]))) if phrase else set()
    if known and words and words <= set(known.split()):
        return True  # the firm the lead is about: "Automatismes Quentin wins …" in a title
    if any(fold(t.lower_) in COMPANY_CUES for t in inside):
        return True
    before = [t for t in phrase if t.idx < start]
    if any(t.pos_ in ("NOUN", "ADJ") and t.text[:1].islower() for t in before):
        return True
    # A country's or a town's firm: "Italy's Metalfer", "Norway's Solberg".
    return (
        len(before) >= 2
        and before[-1].lower_ in _POSSESSIVE
        and before[-2].ent_type_
        in (
            "LOC",
            "GPE",
        )
    )


__all__ = ["lead_is_unlisted", "settle"]
