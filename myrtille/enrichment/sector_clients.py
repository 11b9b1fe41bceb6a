"""Sectors a text names as a firm's clients, by the word "client" or "customer".

"Nos premiers clients sont des maraîchers", "its customers include hospitals and care
homes", "clients tels que les hôpitaux", "it counts grid operators among its clients",
"hospitals are its main customers": the sector named is the clients', not the firm's (a
software firm serving market gardeners, a drone firm whose clients run power grids).
Like a product's users (`sector_asides.aimed_at`), it is no evidence.

Only a link that says so counts: a copula or "include" ("sont", "are", "comptent"),
"such as"/"tels que"/"comme"/"notamment"/"dont", "among"/"parmi". A client word followed
by a mere article is another construction ("fournir à ses clients des logiciels": the
firm's product), and so is an apposition ("Spécialisée dans l'aéronautique, ses
clients…"). Clients named by their industry ("customers in aerospace and rail", "ses
clients laitiers", "clients de l'agroalimentaire") were left alone: the tuning set's
annotators file a maker of tools for one industry under that industry as well.
"""

from __future__ import annotations

from spacy.tokens import Doc

from myrtille.enrichment.sector_cues import CueWords, cues_of

# Folded lemmas and forms of the client words.
CLIENT_WORDS = frozenset(
    {"client", "clients", "cliente", "clientes", "clientele", "customer", "customers"}
)
# What says the words that follow name the clients: verbs (folded lemmas) and words
# (lower forms). Not "des", as often the article of the firm's product ("fournir à ses
# clients des logiciels").
LINK_VERBS = frozenset({"etre", "be", "include", "comprendre", "compter", "figurer"})
LINKS = frozenset(
    {
        *("sont", "est", "are", "is", "include", "including", "comme", "notamment", "dont"),
        *("tel", "tels", "telle", "telles", "que", "such", "as", "like", "mainly", "mostly"),
        *("chiefly", "parmi", "among", "principalement", "surtout"),
        "essentiellement",
    }
)
# Articles, which taggers sometimes read as prepositions ("sont des maraîchers").
ARTICLES = frozenset({"des", "de", "d'", "du", "la", "le", "les", "l'", "un", "une"})
# What may stand between the link and the term: articles, adjectives, numbers, commas
# and conjunctions of a list, and at most two nouns of the list's earlier items.
BETWEEN_TAGS = ("DET", "ADJ", "NUM", "CCONJ")
LIST_NOUNS = 2
REACH = 8
# After the term: "grid operators among its clients", "hospitals are its main customers".
AFTER_LINKS = frozenset({"among", "parmi", "are", "sont", "be", "etre"})
AFTER_TAGS = ("DET", "PRON", "ADJ")
# What may follow the term before that link: the list's later items ("grid operators
# and wind farm owners among its clients").
LIST_TAGS = ("NOUN", "PROPN", "CCONJ", "ADJ", "DET")
# Each reading holds at a client word only (`sector_cues`); after the term, up to the
# link's reach and the four words `_client_after` reads after the link.
CLIENT_CUES = CueWords(lowered=CLIENT_WORDS, lowers=CLIENT_WORDS)
AFTER_READ = 4


def _client_word(token) -> bool:
    return token.lemma_.lower() in CLIENT_WORDS or token.lower_ in CLIENT_WORDS


def named_clients(doc: Doc, start: int, end: int) -> bool:
    """Whether the term at ``start:end`` names a firm's clients (see the module)."""
    cues = cues_of(doc)
    return (cues.near(CLIENT_CUES, start - REACH, start) and _after_client(doc, start)) or (
        cues.near(CLIENT_CUES, end + 1, end + REACH + AFTER_READ) and _before_client(doc, end)
    )


def _after_client(doc: Doc, start: int) -> bool:
    """ "clients sont des maraîchers", "customers such as hospitals", "clients,
    notamment des hôpitaux et des cliniques"."""
    linked = False
    nouns = 0
    for i in range(start - 1, max(start - REACH - 1, -1), -1):
        token = doc[i]
        if _client_word(token):
            return linked
        if token.lower_ in LINKS or (token.pos_ in ("AUX", "VERB") and token.lemma_ in LINK_VERBS):
            linked = True
        elif token.pos_ in BETWEEN_TAGS or token.text == "," or token.lower_ in ARTICLES:
            continue
        elif token.pos_ in ("NOUN", "PROPN") and nouns < LIST_NOUNS and not linked:
            nouns += 1
        else:
            return False
    return False


def _before_client(doc: Doc, end: int) -> bool:
    """ "grid operators among its clients", "hospitals and clinics are its main
    customers"."""
    for j in range(end, min(end + REACH, len(doc))):
        token = doc[j]
        if token.lemma_.lower() in AFTER_LINKS or token.lower_ in AFTER_LINKS:
            return _client_after(doc, j + 1)
        if not (token.pos_ in LIST_TAGS or token.text == ","):
            return False
    return False


def _client_after(doc: Doc, start: int) -> bool:
    """Whether a client word follows ``start`` across a possessive and adjectives."""
    for token in doc[start : start + AFTER_READ]:
        if _client_word(token):
            return True
        if token.pos_ not in AFTER_TAGS:
            return False
    return False
