"""A parsed subject that names a firm the models did not take for one.

``parsed_subject.from_parse`` reads a subject that is a common noun ("l'entreprise", "the
new plant") as the article's own company, and a proper name tagged a person's as no firm.
Two subjects are neither, and their event went to the registry firm the sentence names as
a client or a rival ("… pour le compte de Croisières de l'Estuaire", "… with Parfums
Sorel"):

- a capitalised noun after its determiner ("Les Chantiers navals de
  Gironde ont remporté la commande …"): French and English capitalise a common noun only
  where a sentence starts, so the small model's noun is a name;
- a name in apposition to a company word ("Verrerie de la Vimeuse, a glassworks in the
  Bresle valley, has signed …", "Dubreuil, une PME familiale, a signé …"), whatever the
  NER made of it.

Such a subject is a firm outside the registry (a registry firm's words would have been a
company mention): the event is its own, not the article's registry firm's. Two parser
slips are mended first: a dateline's place taken for the subject ("FOUCARMONT — X, a
glassworks …, has signed …": the verb's other subject is), and an apposition with an
indefinite article taken for it ("X, une PME familiale, a signé …": X is). Public bodies
("La Région", "L'État", "la Métropole") and the firm's own generic words ("The Company",
"Le Groupe", which press releases capitalise) are not such names.
"""

from __future__ import annotations

from spacy.tokens import Token

from myrtille.enrichment.companies import COMPANY_CUES, CompanyMention
from myrtille.enrichment.firmnames import PREFIX_CUES
from myrtille.enrichment.patterns import fold

# Capitalised nouns that name a public body or the article's own firm, not another firm.
_NOT_NAMES = frozenset(
    {"region", "departement", "etat", "ville", "metropole", "commune", "conseil"}
    | {"commission", "agglomeration", "communaute", "prefecture", "ministere", "gouvernement"}
    | {"collectivite", "assemblee", "senat", "tribunal", "cour", "justice", "armee", "marine"}
    | {"state", "government", "council", "region", "city", "ministry", "agency", "court"}
    | {"army", "navy", "department", "county", "authority", "parliament", "union"}
    | {"company", "firm", "business", "plant", "factory", "site", "usine", "entreprise"}
)
# Words an apposition uses to call a name a firm ("a glassworks", "une PME familiale").
_FIRM_WORDS = frozenset(
    {"company", "firm", "business", "maker", "manufacturer", "producer", "supplier", "yard"}
    | {"glassworks", "works", "specialist", "entreprise", "pme", "fabricant", "constructeur"}
    | {"producteur", "fournisseur", "specialiste", "equipementier", "sous-traitant"}
    | {"subcontractor", "start-up", "startup", "societe", "groupe", "group", "chantier"}
)
_DASHES = frozenset({"—", "–", "-", "--"})
_INDEFINITE = frozenset({"un", "une", "a", "an"})
_ARTICLES = frozenset({"a", "an", "the", "un", "une", "le", "la", "l'", "l’", "les"})


def unlisted_subject(subject: Token) -> bool:
    """Whether the parse's ``subject`` (which no company mention covers) names a firm:
    a capitalised noun after its determiner, or a name a company word stands beside."""
    return _capitalised_noun(subject) or _firm_apposition(subject)


def apposed_firm(
    subject: Token, chars: int, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """The firm named just before the subject and a comma when the subject is a company
    word with an indefinite article ("Kerlouan Verres, une PME familiale installée près de
    Morlaix, a signé …"): the parser took the apposition for the subject, the firm is it.
    ``chars``: where the parsed sentence starts in the document."""
    doc = subject.doc
    left = subject.left_edge.i
    words = {fold(subject.lower_), fold(subject.lemma_)}
    if left < 2 or doc[left - 1].text != "," or doc[left].lower_ not in _INDEFINITE:
        return None
    if subject.pos_ != "NOUN" or not words & (_FIRM_WORDS | PREFIX_CUES):
        return None
    end = doc[left - 2].idx + len(doc[left - 2]) + chars
    return next((m for m in mentions if m.end == end and m.end > m.start), None)


def past_dateline(subject: Token | None, head: Token) -> Token | None:
    """The clause's subject after a dateline that the parser took for it ("FOUCARMONT —
    Verrerie de la Yères, a glassworks …, has signed …": the verb's other subject)."""
    if subject is None or not subject.is_upper or subject.i + 1 >= len(subject.doc):
        return subject
    if subject.doc[subject.i + 1].text not in _DASHES:
        return subject
    others = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i > subject.i]
    return others[0] if others else subject


def subject_name(subject: Token) -> tuple[int, int]:
    """Where the subject's name is written: from its first word after the determiner to
    before its apposition, its relative clause or the comma that opens them."""
    doc = subject.doc
    start = subject.left_edge.i
    while start < subject.i and doc[start].dep_ == "det":
        start += 1
    end = subject.i + 1
    while (
        end <= subject.right_edge.i
        and not doc[end].is_punct
        and doc[end].dep_ not in ("appos", "acl", "relcl", "acl:relcl")
    ):
        end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _capitalised_noun(subject: Token) -> bool:
    previous = subject.doc[subject.i - 1] if subject.i else None
    return (
        subject.pos_ == "NOUN"
        and len(subject.text) > 2
        and subject.text[:1].isupper()
        and subject.text[1:].islower()
        and previous is not None
        and previous.lower_ in _ARTICLES
        and previous.head.i == subject.i
        and fold(subject.lemma_) not in _NOT_NAMES
        and fold(subject.lower_) not in _NOT_NAMES
        and fold(subject.lower_) not in PREFIX_CUES | COMPANY_CUES
        and not _title_case(subject)
    )


def _firm_apposition(subject: Token) -> bool:
    """A name followed by a comma and a company word in apposition ("X, a glassworks")."""
    if not subject.text[:1].isupper() or subject.pos_ not in ("PROPN", "NOUN"):
        return False
    for child in subject.children:
        if child.dep_ != "appos" or child.i < subject.i or not (child.is_lower or child.is_upper):
            continue
        words = {fold(child.lower_), fold(child.lemma_)}
        articled = any(c.dep_ == "det" and c.lower_ in _ARTICLES for c in child.children)
        if articled and (words & _FIRM_WORDS or any(w.endswith("maker") for w in words)):
            return True
    return False


def _title_case(token: Token) -> bool:
    """Whether most words of the token's sentence are capitalised, as in a headline."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)
