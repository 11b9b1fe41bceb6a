"""Event words read another way by the words next to them (issue 14, session 6).

- A person hired by name ("has hired Marc Dubois as finance director", "recrute Anne
  Morel comme directrice") is a new executive, not jobs created: the leadership rule
  reports that.
- A registered office moved ("transfert de siège social", "Nouveau siège social : …",
  "transfer of the registered office") is a legal address changed in a notice, not a new
  building: no investment.
- A market "opened" by a product's approval ("clears FDA, opening the US market", "le
  marquage CE lui ouvre le marché européen") is a licence to sell there, not a sale abroad:
  the approval is the news (innovation).
- Staff described by how they were hired ("280 employees, most of them recruited locally",
  "dont une partie recrutée en insertion") is a workforce, not jobs created.
- Exports in the plural with a verb of trend ("exports to the United States both fell",
  "les ventes à l'export progressent de 6 %") are trade figures, whatever word of the
  sentence the export pattern matched.
- Words that run across a quotation mark ('hiring like mad," the chief executive') join
  two clauses: no event (session 7).
- One manager hired ("has hired an export manager", "a recruté un responsable export") is
  a post filled, not jobs created (session 7).
- An English site noun qualifying the next noun ("opens factory tours", "plant manager")
  names that other thing, not a site (session 7).
- "Launch" as the noun before another noun ("launch services", "a launch pad", "launch
  vehicle") names a trade or a thing, not a product launched.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.anniversaries import celebrated
from myrtille.enrichment.area_subjects import told_of_an_area
from myrtille.enrichment.coordinated_verbs import hedged_list
from myrtille.enrichment.customer_news import customer_news
from myrtille.enrichment.firm_profiles import told_as_profile
from myrtille.enrichment.fund_uses import funded_growth
from myrtille.enrichment.generic_statements import asserts_no_event
from myrtille.enrichment.generic_subjects import general_clause_subject
from myrtille.enrichment.habitual import long_exporter, still_in_proceedings
from myrtille.enrichment.hypotheses import hypothetical
from myrtille.enrichment.job_fairs import at_a_job_fair
from myrtille.enrichment.negated_infinitives import negated_infinitive
from myrtille.enrichment.no_new_jobs import no_new_jobs
from myrtille.enrichment.partner_classes import class_of_partners
from myrtille.enrichment.passing_news import told_in_passing
from myrtille.enrichment.patent_suits import patent_in_a_suit
from myrtille.enrichment.pattern_words import gated
from myrtille.enrichment.plant_places import place_of_hiring
from myrtille.enrichment.product_making import made_with_a_partner
from myrtille.enrichment.product_news import no_new_product
from myrtille.enrichment.routine_senses import routine_sense
from myrtille.enrichment.school_ties import tie_with_a_school
from myrtille.enrichment.seller_exits import seller_exit
from myrtille.enrichment.senses import other_sense
from myrtille.enrichment.side_clauses import in_a_side_clause
from myrtille.enrichment.since_then import since_then
from myrtille.enrichment.spent_time import time_spent
from myrtille.enrichment.topic_lists import in_a_topic_list
from myrtille.enrichment.vague_headlines import vague_headline

_PERSONS = frozenset({"PER", "PERSON"})
# The words that name a head office, in the trigger.
_OFFICE = re.compile(r"\bsi[èe]ge\b|\bhead\s?quarters\b|\bhead\s+office\b", re.IGNORECASE)
# A document that moves its registered office: a legal notice, not a building project.
_SEAT_MOVED = re.compile(
    r"\btransf[ée]r\w*\s+(?:de\s+|du\s+|son\s+|sa\s+|le\s+)?si[èe]ge\b|"
    r"\b(?:ancien|nouveau)\s+si[èe]ge\s+social\s*:|"
    r"\bsi[èe]ge\s+social\s+(?:a\s+été\s+|est\s+)?transf[ée]r\w*|"
    r"\btransfer\s+of\s+(?:the\s+|its\s+)?registered\s+office\b|"
    r"\b(?:moved|moves|transferred|transfers)\s+(?:its|their|the)\s+registered\s+office\b|"
    r"\bregistered\s+office\s+(?:has\s+been\s+|was\s+|is\s+)?(?:moved|transferred)\b",
    re.IGNORECASE,
)

# A market said opened, just before the trigger that names it.
_OPENS = re.compile(r"\b(?:open\w*|ouvr\w*|ouvert\w*)\s+(?:\w+\s+){0,3}?\Z", re.IGNORECASE)
_OPEN_VERB = re.compile(r"(?:open|ouvr|ouvert)", re.IGNORECASE)
# A product's approval, in the same sentence.
_APPROVAL = re.compile(
    r"\b(?:clear(?:s|ed|ance)|approv(?:al|ed|es)|authori[sz]ation|feu\s+vert|homologation|"
    r"agr[ée]ment|autorisation|marquage\s+CE|CE\s+mark(?:ing)?|FDA|510\(k\))",
    re.IGNORECASE,
)

# How part of a workforce was hired, just before the participle that is the trigger.
_STAFF_HIRED = re.compile(
    r"\b(?:dont|most\s+of\s+(?:them|whom)|many\s+of\s+(?:them|whom)|all\s+of\s+(?:them|whom)|"
    r"some\s+of\s+(?:them|whom)|la\s+plupart|une\s+partie|la\s+moiti[ée])\s+(?:\w+\s+)?"
    r"(?:recrut[ée]e?s?|embauch[ée]e?s?|recruited|hired)\Z",
    re.IGNORECASE,
)
_STAFF_HIRED = gated(_STAFF_HIRED)  # session 19: only where one of its words is
# Exports in the plural, then a verb of trend in the same clause.
_EXPORT_FIGURES = re.compile(
    r"\b(?:exports|exportations|ventes\s+(?:à\s+l['’]\s?export|à\s+l['’]\s?[ée]tranger)|"
    r"sales\s+abroad|foreign\s+sales|overseas\s+sales)\b[^.;:]{0,120}?\b(?:rose|fell|grew|"
    r"dropped|declined|slipped|jumped|increased|decreased|rise|fall|grow|progress\w*|recul\w*|"
    r"augment\w*|baiss\w*|chut\w*|bondi\w*|grimp\w*|diminu\w*|stagn\w*)\b",
    re.IGNORECASE,
)


# session 7: one manager hired ("has hired an export manager", "a recruté une
# responsable export", "recrute un nouveau directeur commercial"): a post filled, no jobs.
_ONE_MANAGER = re.compile(
    r"\s+(?:a|an|one|un|une)\s+(?:new\s+|nouveau\s+|nouvelle\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:manager|director|head|chief|officer|responsable|directeur|directrice|chef|cheffe|"
    r"drh|daf|dsi)\b",
    re.IGNORECASE,
)
# session 7: an English site noun that qualifies the noun after it ("factory tours",
# "plant manager", "site visits") names that other thing, not a site built.
_SITE_NOUNS = frozenset(
    {"factory", "plant", "site", "warehouse", "workshop", "line", "store", "office", "centre"}
    | {"center", "mill", "hub"}
)
# Nouns after a site noun that still name the site or its making.
_SITE_WHOLE = frozenset(
    {"campus", "complex", "building", "unit", "project", "extension", "expansion", "site"}
    | {"facility", "hall", "upgrade", "investment"}
)


# A quotation mark inside the trigger's words: they run from the quote into the words that
# say who speaks ('hiring like mad," the chief executive said'), two clauses.
_QUOTE = re.compile(r"[\"«»“”]")


def across_quote(trigger: Span) -> bool:
    """Whether the trigger's words cross a quotation's boundary."""
    return _QUOTE.search(trigger.text) is not None


# session 7: a project or a site as the subject of an approval ("le projet a reçu le feu
# vert de la commission", "the plant extension won approval"): a permit, no product.
_PROJECT_BEFORE = re.compile(
    r"\b(?:projets?|projects?|chantiers?|extensions?|agrandissements?|usines?|plants?|"
    r"factor(?:y|ies)|sites?|centrales?|parcs?|entrep[ôo]ts?|warehouses?|b[âa]timents?|"
    r"buildings?)\b[^.;:]{0,60}\Z",
    re.IGNORECASE,
)


def project_approved(sentence: Span, trigger: Span, text: str) -> bool:
    """An approval whose subject, before it, is a project or a site."""
    return _APPROVAL.search(trigger.text) is not None and (
        _PROJECT_BEFORE.search(text, sentence.start_char, trigger.start_char) is not None
    )


def one_manager(kind: str, trigger: Span, text: str) -> bool:
    """A hiring trigger whose verb's object is one manager (see ``_ONE_MANAGER``)."""
    return (
        kind == "hiring"
        and trigger[-1].pos_ in ("VERB", "AUX")
        and _ONE_MANAGER.match(text, trigger.end_char) is not None
    )


def site_as_modifier(kind: str, sentence: Span, trigger: Span) -> bool:
    """An English investment trigger ending on a site noun that modifies the next noun."""
    last = trigger[-1]
    if kind != "investment" or last.lang_ != "en" or last.lower_ not in _SITE_NOUNS:
        return False
    following = sentence.doc[last.i + 1] if last.i + 1 < sentence.end else None
    return (
        following is not None
        and following.pos_ == "NOUN"
        and following.lemma_.lower() not in _SITE_WHOLE
    )


# session 15 (precision B): firm_profiles.py, since_then.py, fund_uses.py, spent_time.py,
# customer_news.py
_PRECISION_B = (told_as_profile, since_then, funded_growth, time_spent, customer_news)
# session 16 (precision): job_fairs.py, product_making.py
_PRECISION_16 = (at_a_job_fair, made_with_a_partner)


def read_otherwise(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger in ``sentence`` names something else than its event
    (see the module's docstring); ``text``: the document's text."""
    if _QUOTE.search(text, trigger.start_char, trigger.end_char):  # across_quote, uncut
        return True  # '"Our customers are hiring like mad," the chief': two clauses
    if celebrated(text, sentence.start_char, trigger.start_char):
        return True  # anniversaries.py: "fête les 20 ans de l'ouverture de son usine"
    if other_sense(kind, sentence, trigger, text) or hypothetical(kind, sentence, trigger, text):
        return True  # senses.py: "Brightwater Partners"; hypotheses.py: "il faut … recruter"
    if told_of_an_area(kind, sentence, trigger, text):
        return True  # area_subjects.py: "le bassin d'emploi a créé 2 000 emplois"
    if no_new_jobs(kind, sentence, trigger, text):
        return True  # no_new_jobs.py: "renforcer l'équipe", "the acquisition adds 310 staff"
    if in_a_side_clause(kind, sentence, trigger, text):
        return True  # side_clauses.py: "recrute 40 … pour son nouvel entrepôt", "qui développe"
    if told_in_passing(kind, sentence, trigger, text):
        return True  # passing_news.py: "Sorel n'est pas seule à …", "sans calendrier"
    if place_of_hiring(kind, sentence, trigger, text):
        return True  # plant_places.py: "Gigafactory de Douai : 300 embauches avant l'été"
    if still_in_proceedings(kind, text, trigger):
        return True  # habitual.py: "poursuit sa période d'observation", "remains in receivership"
    if routine_sense(kind, sentence, trigger, text) or long_exporter(kind, text, sentence, trigger):
        return True  # routine_senses.py: "ses premiers patients"; habitual.py: "depuis 1998"
    if asserts_no_event(kind, sentence, trigger, text):
        return True  # generic_statements.py: "Building a factory is…", "more than the acquisition"
    if general_clause_subject(sentence, trigger):
        return True  # generic_subjects.py: "when others cut jobs" (session 13)
    if vague_headline(kind, sentence, trigger, text):
        return True  # vague_headlines.py: "X s'agrandit", "La gigafactory de X accélère"
    if in_a_topic_list(sentence, trigger):
        return True  # topic_lists.py: "on robots, hiring and the German market" (session 13)
    if seller_exit(kind, sentence, trigger, text):
        return True  # seller_exits.py: "Its founder retires as part of the deal" (session 13)
    if negated_infinitive(sentence, trigger, text):
        return True  # negated_infinitives.py: "Un regret ? Ne pas avoir racheté notre concurrent"
    if patent_in_a_suit(kind, sentence, trigger, text):
        return True  # patent_suits.py: "Solvane wins patent case"
    if hedged_list(sentence, trigger, text):
        return True  # coordinated_verbs.py: "il faudra investir, recruter et nouer …"
    if tie_with_a_school(kind, sentence, trigger, text):
        return True  # school_ties.py: "un partenariat avec une quinzaine de collèges"
    if class_of_partners(kind, sentence, trigger, text):
        return True  # partner_classes.py: "les collaborations avec les maisons de couture"
    if no_new_product(kind, sentence, trigger, text):
        return True  # product_news.py: "l'importateur, qui commercialisera ses rhums"
    if any(f(kind, sentence, trigger, text) for f in _PRECISION_B):
        return True  # session 15: "employs 130 people and sells", "Depuis, … a investi"
    if any(f(kind, sentence, trigger, text) for f in _PRECISION_16):
        return True  # session 16: "une soixantaine d'entreprises au forum de recrutement"
    if one_manager(kind, trigger, text) or site_as_modifier(kind, sentence, trigger):
        return True  # "has hired an export manager", "opens factory tours"
    if kind == "hiring":
        if _STAFF_HIRED.search_part(text, sentence.start_char, trigger.end_char):
            return True  # "a Kourou company with 280 employees, most of them recruited there"
        # "has hired Marc Ollivier, formerly …, as its finance chief"
        return trigger.end < sentence.end and sentence.doc[trigger.end].ent_type_ in _PERSONS
    if kind == "investment" and _OFFICE.search(trigger.text):
        return _SEAT_MOVED.search(text) is not None
    if kind == "innovation" and project_approved(sentence, trigger, text):
        return True  # "le projet, de 7,8 millions d'euros, a reçu le feu vert": a permit
    if kind == "export" and _EXPORT_FIGURES.search(text, sentence.start_char, sentence.end_char):
        return True  # "exports to the United States … both fell"
    if kind == "export" and (
        _OPENS.search(text, sentence.start_char, trigger.start_char)
        or _OPEN_VERB.match(text, trigger.start_char, trigger.end_char)
    ):
        # "clears FDA, opening US market"; "le feu vert … lui ouvre le marché américain",
        # where the trigger is the verb itself (market_entries.py)
        return _APPROVAL.search(text, sentence.start_char, sentence.end_char) is not None
    if kind == "innovation" and trigger[0].lower_ == "launch" and trigger[0].pos_ == "NOUN":
        following = sentence.doc[trigger[0].i + 1] if trigger[0].i + 1 < len(sentence.doc) else None
        return following is not None and following.pos_ in ("NOUN", "PROPN")
    return False
