"""A firm taken over by name: a verb of taking over whose object is a proper name
("Orvalis reprend Lacombe", "acquiert Lacombe Fermetures", "has taken over Lacombe",
"picked up Lacombe"), or the passive of its past sale to a firm named ("a été cédée à
Lacombe", "was sold to Lacombe").

The lexicon cannot say these: "reprendre", "acquérir", "take over" and "pick up"
take machines, land, staff, work and roles as often as firms ("reprend le travail",
"acquiert un terrain", "takes over as chief executive"), and a firm's name is no word a
pattern can list. The tagger's part of speech can: a proper name right after the verb
is what is taken over. A country, a town or a day the English model names is no firm
("took over Paris", "took over Monday"; the French model reads many firms' surnames as
places, so its LOC is not trusted), nor is a name that owns what follows ("took over
Lacombe's plant").

Session 11 (everyday wordings of a takeover): the verbs of swallowing a firm ("absorbe
Lacombe", "avale", "croque", "absorbs", "swallows"), a firm bought for oneself ("s'offre
Lacombe", "se paie Lacombe"), "snaps up"/"scoops up Lacombe", a buyer named by the agent
of a past passive ("has been bought by Lacombe", "was taken over by Lacombe"), a sale to a
firm its company word announces ("a été cédée à la société Lacombe", "vendu au groupe
Lacombe") or to a name after the seller's pronoun ("l'a cédé à Séjours Lacombe"), and a
new owner or controller ("devient le nouveau propriétaire de Lacombe", "took control of
Lacombe"). Each needs the name: "absorbe les hausses de coûts", "s'offre une pause",
"bought by consumers", "took control of costs" take none.
"""

from __future__ import annotations

import itertools
import operator
from typing import Any

import numpy
from spacy.attrs import ENT_TYPE, IS_TITLE, LEMMA, NORM, POS
from spacy.parts_of_speech import PRON, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.doctext import columns_of


def _ids(*words: str) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


# Folded lemmas and texts (LEMMA and NORM after patterns.fold_doc): verbs whose
# proper-name object is the firm bought.
_VERBS = _ids("acquerir", "reprendre", "absorber", "avaler", "croquer", "absorb", "swallow")
# Verbs of buying for oneself after a reflexive pronoun ("s'offre Lacombe").
_REFLEXIVE = _ids("offrir", "payer")
_SELF = _ids("s'", "se")
# English verbs with their particle ("takes over Lacombe", "picked up Lacombe").
_PHRASAL = {
    get_string_id("take"): _ids("over"),
    get_string_id("pick"): _ids("up"),
    get_string_id("snap"): _ids("up"),
    get_string_id("scoop"): _ids("up"),
}
# A past passive's participle whose agent is the buyer ("has been bought by Lacombe").
_BOUGHT = _ids("bought", "purchased", "acquired")
_TAKEN = _ids("taken", "snapped", "scooped")
_BY = get_string_id("by")
# A firm's company word between "à" and its name ("cédée à la société Lacombe").
_FIRM_WORDS = _ids("societe", "groupe", "entreprise", "holding", "pme", "start-up", "fonds")
_ARTICLES = _ids("le", "la", "l'")
_AU = get_string_id("au")
# The seller's object pronoun before the auxiliary ("l'a cédé à Lacombe").
_OBJECT = _ids("l'", "le", "la", "les")
_HAVE = _ids("a", "ont", "avait", "avaient")
# A new owner or controller: "devient le nouveau propriétaire de", "took control of".
_BECOME = _ids("devenir")
_OWNER = get_string_id("proprietaire")
_OF = _ids("de", "du", "d'", "of")
_CONTROL = get_string_id("control")
# A firm sold, in the passive of a past sale ("a été cédée à Lacombe", "was sold to
# Lacombe"); the present ("is sold to Carrefour") sells goods.
_PAST_PASSIVE = _ids("ete", "been", "was", "were")
_SOLD = _ids("vendu", "vendue", "vendus", "vendues", "cede", "cedee", "cedes", "cedees", "sold")
_TO = _ids("a", "to")
# Names the English model reads as no firm's: "took over Monday" (a new head), "Paris".
_NOT_FIRMS = _ids("GPE", "DATE", "TIME", "NORP", "EVENT")
_POSSESSIVE = _ids("'s", "’s")
_PARTICLES = _ids("over", "up")
_COMMA = get_string_id(",")
_INDEFINITE = _ids("a", "an", "the")
# Trades an English apposition names a firm by (lemmas).
_FIRM_NOUNS = _ids(
    "maker",
    "manufacturer",
    "producer",
    "firm",
    "company",
    "group",
    "supplier",
    "foundry",
    "specialist",
    "start-up",
    "startup",
    "business",
    "distributor",
    "developer",
    "operator",
    "builder",
    "contractor",
    "brewer",
    "mill",
    "workshop",
    "subcontractor",
    "publisher",
)
_TAKE = get_string_id("take")
# The lemmas and words that can open a wording (takeovers, _everyday, _sold_by_pronoun).
_OPEN_LEMMAS = _VERBS | frozenset(_PHRASAL) | _REFLEXIVE | {_OWNER, _CONTROL}
_OPEN_NORMS = _PAST_PASSIVE | _BOUGHT | _TAKEN | _SOLD


def takeovers(doc: Doc) -> list[tuple[str, int, int]]:
    """Acquisition triggers (label, start, end) of firms taken over by name in ``doc``;
    the trigger is the verb (with its particle), not the name."""
    found: list[tuple[str, int, int]] = []
    # Only these words open a wording (each branch below and of _everyday and
    # _sold_by_pronoun needs one): the other tokens are passed over at C speed.
    lemmas, norms, _ = columns_of(doc)
    opens = map(
        operator.or_, map(_OPEN_LEMMAS.__contains__, lemmas), map(_OPEN_NORMS.__contains__, norms)
    )
    openers = list(itertools.compress(itertools.count(), opens))
    if not openers:
        return found  # most documents: no array read
    # From arrays rather than one Python Token per token of the document.
    rows = _Rows(doc.to_array([POS, LEMMA, NORM, ENT_TYPE]))
    titles = doc.to_array(IS_TITLE)
    for i in openers:
        pos, lemma, norm, _ = rows[i]
        nxt = rows[i + 1][2] if i + 1 < len(rows) else None
        start = i
        if pos == VERB and lemma in _VERBS:
            end: int | None = i + 1
        elif pos == VERB and lemma in _PHRASAL:
            end = i + 2 if nxt in _PHRASAL[lemma] else None
        elif norm in _PAST_PASSIVE and nxt in _SOLD:
            # the trigger is the participle and its "to" (or "au": "vendu au groupe X")
            start, end = i + 1, _sold_to(rows, i + 2)
        else:
            end = None
        if end is None or _name_end(rows, end) is None:
            start, end = i, _everyday(rows, i)
            if end is None and _sold_by_pronoun(rows, i, titles):
                found.append(("event:acquisition", i, i + 2))  # "l'a cédé à Séjours X"
        if end is not None and _name_end(rows, end) is not None:
            found.append(("event:acquisition", start, end))
    return found


class _Rows:
    """The document's rows (POS, LEMMA, NORM, ENT_TYPE) as lists, each made when read: the
    rules read a few around each opener, and a list of all (``tolist``) cost more than
    the rest of ``takeovers`` (session 17)."""

    __slots__ = ("array",)

    def __init__(self, array: numpy.ndarray) -> None:
        self.array = array

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, at: Any) -> Any:
        return self.array[at].tolist()


def _sold_to(rows: _Rows, at: int) -> int | None:
    """Where the buyer's name starts after a participle of selling whose "to" is at
    ``at``: right after it, or after an article and a company word ("cédée à la société
    Lacombe", "vendu au groupe Lacombe")."""
    word = _norm(rows, at)
    if word not in _TO and word != _AU:
        return None
    if word in _TO and _name_end(rows, at + 1) is not None:
        return at + 1
    at += 1
    if word in _TO and _norm(rows, at) in _ARTICLES:
        at += 1
    return at + 1 if at < len(rows) and rows[at][1] in _FIRM_WORDS else None


def _sold_by_pronoun(rows: _Rows, i: int, titles: numpy.ndarray) -> bool:
    """Whether ``i`` is the participle of a sale whose object is the seller's pronoun and
    whose buyer is a capitalised name ("l'a cédé à Séjours Lacombe": the model may call
    such a name's words nouns)."""
    if rows[i][0] != VERB or rows[i][2] not in _SOLD or i < 2 or rows[i - 1][2] not in _HAVE:
        return False
    pronoun = rows[i - 2]
    return (
        pronoun[2] in _OBJECT
        and pronoun[0] == PRON
        and _norm(rows, i + 1) in _TO
        and i + 2 < len(rows)
        and bool(titles[i + 2])
        and rows[i + 2][3] not in _NOT_FIRMS
    )


def _everyday(rows: _Rows, i: int) -> int | None:
    """Where the name of the firm bought starts after the everyday wording of a takeover
    that opens at ``i`` (session 11), or None; the trigger runs from ``i`` to there."""
    pos, lemma, norm, _ = rows[i]
    if pos == VERB and lemma in _REFLEXIVE and i and rows[i - 1][2] in _SELF:
        return i + 1  # "s'offre Lacombe"
    if pos == VERB and norm in _BOUGHT | _TAKEN and i and rows[i - 1][2] in _PAST_PASSIVE:
        at = i + 1 + (norm in _TAKEN and _norm(rows, i + 1) in _PARTICLES)
        return at + 1 if _norm(rows, at) == _BY else None  # "has been bought by Lacombe"
    if (
        lemma == _OWNER
        and _norm(rows, i + 1) in _OF
        and any(row[1] in _BECOME for row in rows[max(0, i - 4) : i])
    ):
        return i + 2  # "devient (le nouveau) propriétaire de Lacombe"
    if lemma == _CONTROL and i and rows[i - 1][1] == _TAKE and _norm(rows, i + 1) in _OF:
        return i + 2  # "took control of Lacombe"
    return None


def _norm(rows: _Rows, at: int) -> int | None:
    return rows[at][2] if at < len(rows) else None


def _name_end(rows: _Rows, at: int) -> int | None:
    """Where the firm's proper name that starts at ``at`` ends (the next token's index), or
    None when no name starts there, or a place's, or one that owns what follows. A name
    the English model calls a place is a firm when an apposition says so ("took over
    Hydrelis, a Lyon pump maker"; session 11)."""
    if at >= len(rows) or rows[at][0] != PROPN:
        return None
    end = at
    while end < len(rows) and rows[end][0] == PROPN:
        end += 1
    if rows[at][3] in _NOT_FIRMS and not _firm_apposition(rows, end):
        return None
    return None if _norm(rows, end) in _POSSESSIVE else end


def _firm_apposition(rows: _Rows, at: int) -> bool:
    """Whether an apposition naming a firm by its trade opens at ``at`` (", a Lyon pump
    maker", ", the family-owned foundry")."""
    if _norm(rows, at) != _COMMA or _norm(rows, at + 1) not in _INDEFINITE:
        return False
    return any(row[1] in _FIRM_NOUNS for row in rows[at + 2 : at + 7])


# Tried and dropped (validation, aggregates): the nouns "l'achat de X", "the purchase of
# X" (one event more than the annotators' in 240 documents, even with goods ruled out),
# and "la cession / la vente de X à Y", "the sale of X to Y" (read as the seller's event).
