"""Whether an article is about a firm outside the registry, read from its title and lead.

An event whose sentence names no company goes to the article's main company, the first
registry firm of its title. When the title's first firm is outside the registry ("La
start-up Nexalia lève 3 millions d'euros"), or the title names none and the lead opens on
an unlisted firm's name ("Lift operator names new chief" over "Compagnie du Mont Blanc,
which runs the lifts, has appointed …"), the article is that firm's, and a registry firm
it mentions in passing (a customer, a rival) must not take its events.
"""

from __future__ import annotations

import re
from itertools import islice

from spacy.tokens import Doc, Span, Token

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.contracts import CUSTOMER_WORDS, customer_word
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.firmnames import (
    ARTICLES,
    NAME_HEADS,
    PEOPLE,
    PLACES,
    PREFIX_CUES,
    name_end,
    named_firms,
)
from myrtille.enrichment.geography import Gazetteer, place_key
from myrtille.enrichment.patterns import fold


def unlisted_headline(doc: Doc, mentions: list[CompanyMention], title_end: int) -> bool:
    """Whether the first company the title names is outside the registry ("La start-up
    Nexalia lève 3 millions d'euros"): the article is about that firm, and an event whose
    sentence names no company is not that of a registry firm it mentions in passing."""
    title = doc.char_span(0, title_end, alignment_mode="contract") if title_end else None
    if title is None or not len(title):
        return False
    # Not a "name" the NER ran from the title into the text ("… Q&A\n\nExcerpts").
    named = [m for m in mentions if m.start < title_end and m.start < m.end <= title_end]
    named += named_firms(title, mentions)
    named += _called_firms_below(doc, title, mentions, named)
    if not named:
        # A title that names no firm ("Lift operator names new chief"): the lead's subject;
        # or a name the models missed before the title's verb ("Z placé en redressement
        # judiciaire", "Z opens a plant"): that firm's article (session 12).
        return _unlisted_lead(doc, title, mentions) or _unlisted_title(title, mentions)
    # After a kicker or a dateline ("Milipol : Vigilis signe …"), when that part names one.
    kicker = max((t.idx + 1 for t in title if t.text in (":", "—", "–")), default=0)
    headline = sorted([m for m in named if m.start >= kicker] or named, key=lambda m: m.start)
    if len(headline) > 1 and _customer_between(title, headline[0], headline[1]):
        headline = headline[1:]  # "French Army orders Vigilis drones": Vigilis's news
    if (
        headline
        and headline[0].company_id
        and _COMPLEMENT.search(
            fold(text_of(doc)[max(kicker, headline[0].start - 30) : headline[0].start])
        )
    ):
        # "X décroche un contrat auprès de Y", "X wins order from Y": the registry firm is
        # a complement; the headline is the unlisted name before the verb.
        tokens = [t for t in title if t.idx >= kicker and not t.is_space]
        return _opening_name(tokens, mentions)
    return bool(headline) and headline[0].company_id is None


def _customer_between(title: Span, first: CompanyMention, second: CompanyMention) -> bool:
    """Whether a customer's verb joins two firms of a title ("La SNCF commande des rames à
    X", "French Army orders X counter-drone systems"): the second is the supplier."""
    # A headline's verb is often tagged a noun ("Army orders"): its word is enough here.
    between = [t for t in title if first.end <= t.idx < second.start]
    if any(t.lower_ in _AGENT_WORDS for t in between):
        return False  # "X selected by Y", "X retenu par Y": the first is the one chosen
    return any(
        customer_word(t) or t.lower_ in CUSTOMER_WORDS or t.lemma_ in CUSTOMER_WORDS
        for t in between
    )


_AGENT_WORDS = frozenset({"by", "par"})


def _unlisted_lead(doc: Doc, title: Span, mentions: list[CompanyMention]) -> bool:
    """Whether the lead's first sentence opens with a name outside the registry as its
    subject, before its verb or an apposition ("Compagnie du Mont Blanc, which runs the
    lifts, has appointed …", "Navella a présenté …"), under a title that names no firm."""
    if not doc.has_annotation("SENT_START") or title.end >= len(doc):
        return False
    lead = next(iter(doc[title.end :].sents), None)
    # A title without a full stop may run into the lead's first sentence: its part after.
    tokens = [t for t in lead or () if not t.is_space and t.idx >= title.end_char]
    if (
        len(tokens) > 1
        and tokens[0].lower_ in ARTICLES | {"les"}
        and fold(tokens[1].lower_) in NAME_HEADS
    ):
        tokens = tokens[1:]  # "The Chantiers Navals de Keroman, a Lorient shipyard, …"
    return _opening_name(tokens, mentions)


def _unlisted_title(title: Span, mentions: list[CompanyMention]) -> bool:
    """Whether the title, after its kicker, opens with a name outside the registry before
    its verb ("Maisons Lavergne placé en redressement judiciaire", "les Dentelles Caudron
    placées …"), or names such a firm after "chez"/"at" ("nouveau directeur chez Datalyse")."""
    kicker = max((t.i + 1 for t in title if t.text in (":", "—", "–")), default=title.start)
    tokens = [t for t in title.doc[kicker : title.end] if not t.is_space]
    if len(tokens) > 1 and tokens[0].lower_ in ARTICLES | {"les"} and tokens[1].text[:1].isupper():
        tokens = tokens[1:]
    # The models tag many such names places ("Maisons Garonne Habitat", "Datalyse"): a
    # place here is one the gazetteer knows.
    if _opening_name(tokens, mentions, known_places=True):
        return True
    for at, token in enumerate(tokens[:-1]):
        if token.lower_ in _AT_FIRM and (end := name_end(tokens, at + 1)) > at + 1:
            run = tokens[at + 1 : end]
            start, stop = run[0].idx, run[-1].idx + len(run[-1])
            return not (
                # not a "name" the recogniser ran from the title into the text
                any(m.start < stop and start < m.end for m in mentions if "\n" not in m.name)
                # A lone unknown word is often tagged a person's name: two words are one.
                or (len(run) > 1 and any(t.ent_type_ in PEOPLE for t in run))
                or _known_place(text_of(title.doc)[start:stop])
                or _known_place(run[0].text)  # "at Paris Air Show"
            )
    return False


# "Nouveau directeur général chez X", "New chief at X": X is the firm the title is about.
_AT_FIRM = frozenset({"chez", "at"})


def _known_place(name: str) -> bool:
    gazetteer = Gazetteer.default()
    key = place_key(name)
    return key in gazetteer.places or key in gazetteer.small


def _opening_name(
    tokens: list[Token], mentions: list[CompanyMention], known_places: bool = False
) -> bool:
    """Whether ``tokens`` open with a name outside the registry, before a verb or an
    apposition, which is neither a person's nor a place's ("Navella a présenté …");
    ``known_places``: a place's only when the gazetteer knows it, whatever its tags."""
    end = name_end(tokens, 0)
    if not end or end >= len(tokens) - 2:
        return False
    run, following = tokens[:end], tokens[end]
    # A place's name, unless a company word opens it ("Compagnie du Mont Blanc"); nor a
    # person's then (session 13: "Maison Orsenne unveils …", which the tagger calls one).
    called = fold(run[0].lower_) in NAME_HEADS | PREFIX_CUES | _HOUSES and len(run) > 1
    if known_places:
        place = _known_place(text_of(run[0].doc)[run[0].idx : run[-1].idx + len(run[-1])])
    else:
        place = any(t.ent_type_ in PLACES and not called for t in run)
    if any(t.ent_type_ in PEOPLE and not called for t in run) or place:
        return False
    start, stop = run[0].idx, run[-1].idx + len(run[-1])
    if any(m.start < stop and start < m.end for m in mentions if m.company_id):
        return False
    appositive = following.text == "," and (tokens[end + 1].lower_ in ARTICLES | _RELATIVE_WORDS)
    return appositive or following.pos_ in ("AUX", "VERB")


# "Maison Orsenne", "Maisons Garonne Habitat": a house's name, a firm's in a headline.
_HOUSES = frozenset({"maison", "maisons"})
# A complement's preposition before a firm of the headline: "auprès de", "with", "from".
_COMPLEMENT = re.compile(
    r"\b(?:aupres\s+d[eu']?|avec|pour|chez|from|with|for)\s*(?:(?:l'|la|le|les|the)\s*)?$"
)


_RELATIVE_WORDS = frozenset({"qui", "which", "who", "that"})
# The lead's sentences read for firms the title names (a company word beside their name).
_LEAD_SENTENCES = 3


def _called_firms_below(
    doc: Doc, title: Span, mentions: list[CompanyMention], named: list[CompanyMention]
) -> list[CompanyMention]:
    """Names of the title that the lead calls firms ("Mécanique du Lauragais en redressement
    judiciaire" over "La société Mécanique du Lauragais a été placée …"), where the title
    alone does not tell a firm from a place or a person."""
    if not doc.has_annotation("SENT_START") or title.end >= len(doc):
        return []
    found = []
    sentences = list(islice(doc[title.end :].sents, _LEAD_SENTENCES))
    listed = [m for m in mentions if m.company_id]  # the NER's own firms may be called too
    for below in (f for sentence in sentences for f in named_firms(sentence, listed)):
        at = title.text.find(below.name)
        start = title.start_char + at
        if at >= 0 and not any(m.start < start + len(below.name) and start < m.end for m in named):
            found.append(CompanyMention(None, below.name, start, start + len(below.name), "named"))
    return found
