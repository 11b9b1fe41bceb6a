"""Firms an event's sentence names that neither the registry nor the NER found.

The small models often take an unknown firm's name for a person or a place ("le groupe
allemand Kessler Antriebe", "Rennes maltster Dubreuil Malt"), and then the event's
sentence seems to name no company: its event went to the article's main company. The
press almost always says that such a name is a firm, with a company word beside it:

- before it: "la société Solvane", "le fabricant de meubles Hanser", "la start-up
  lyonnaise Nexalia", "the private equity firm Ardent Capital", "Dutch loom maker
  Vanderbeek" (French puts adjectives and a "de" complement between, English nothing);
- after it: "Solvane Group", "Ribaud Foundry", "Ardent Capital", "Kessler GmbH";
- or a person's role in it: "PDG de Nexalia", "chief executive of Nexalia".

Such a name is read as a company mention outside the registry, for attribution only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.symbols import ADP, NOUN
from spacy.tokens import Span, Token

from myrtille.enrichment.companies import COMPANY_CUES, CompanyMention
from myrtille.enrichment.doctext import entities_of, once_per_document, per_document, text_of
from myrtille.enrichment.names import LEGAL_FORMS
from myrtille.enrichment.patterns import fold

# Words that call the name next to them a firm (folded). "chez" and "maison" name places
# and houses as often as firms.
PREFIX_CUES = (COMPANY_CUES - LEGAL_FORMS - {"chez", "maison", "start", "cabinet"}) | {
    "societe", "groupe", "group", "fonds", "fund", "investisseur", "investor", "holding",
    "cooperative", "brasseur", "brasserie", "brewer", "brewery", "malterie", "maltster",
    "fonderie", "foundry", "shipyard", "retailer", "distributor", "startup", "start-up",
    "spin-off", "conglomerate", "carmaker", "chipmaker", "rival", "concurrent", "competitor",
    # trades that name a business ("la filature lyonnaise Garnier", "yarn spinner X");
    # French workshops in "-erie" are read from the word's ending
    "filature", "tissage", "forge", "mill", "spinner", "weaver", "bakery", "dairy", "winery",
    "distillery", "sawmill", "printer",
    # "la jeune pousse X" (the tagger takes "pousse" for a verb), "Vendée builder X"
    "pousse", "builder", "contractor", "housebuilder",
}  # fmt: skip
# The first word of a firm's own name ("Compagnie du Mont Blanc", "Ateliers Quéré"), which
# the NER often cuts or takes for a place: a name, not a description of the article's
# firm ("la Compagnie", "les Chantiers" alone stay nouns).
NAME_HEADS = frozenset(
    {"compagnie", "ateliers", "atelier", "menuiseries", "tissages", "transports"}
    | {"laboratoires", "chantiers", "etablissements", "établissements"}
)
# Last words of firms' names (folded): "Solvane Group", "Ardent Capital".
SUFFIX_CUES = LEGAL_FORMS | {
    "group", "groupe", "industries", "industrie", "systems", "technologies", "technology",
    "capital", "partners", "ventures", "holding", "holdings", "foundry", "logistics",
    "logistique", "solutions", "labs", "gmbh", "ag", "inc", "ltd", "llc", "plc", "bv", "spa",
    "corp", "corporation",
}  # fmt: skip
# A person's role in a firm, before "de"/"of" and the firm's name.
ROLE_WORDS = frozenset(
    {"pdg", "fondateur", "fondatrice", "patron", "patronne", "dirigeant", "dirigeante"}
    | {"ceo", "founder", "co-founder", "cofounder", "boss", "executive", "chairman"}
)
ARTICLES = frozenset({"a", "an", "the", "un", "une", "la", "le", "l'", "l’"})
_GENERAL = frozenset({"general", "generale"})
# Words joining the parts of one name: "Dentelles du Détroit", "Forges d'Alcarène".
_LINKS = frozenset({"&", "de", "du", "des", "d'", "d’"})
_PLACES = frozenset({"LOC", "GPE"})
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
# Between a French company word and the name: adjectives and one "de" complement
# ("le groupe nantais de construction Vernay").
_MAX_BETWEEN = 4
# Their tags: a lower-case word the model tags a proper noun is an adjective it did not
# know ("la start-up grenobloise X"); capitalised words are ruled out before.
_BETWEEN_TAGS = frozenset({"ADJ", "ADP", "NOUN", "PROPN"})


def named_firms(sentence: Span, mentions: list[CompanyMention]) -> list[CompanyMention]:
    """Names in ``sentence`` that a company word calls a firm and that no mention covers."""
    if not _firm_names(sentence):
        # Most sentences (nine in ten): none, and no need of the memo's key, which reads
        # every mention's fields (session 19).
        return []
    return _uncovered(sentence, mentions)


@per_document  # the same sentence and mentions, asked again per trigger and rule
def _uncovered(sentence: Span, mentions: list[CompanyMention]) -> list[CompanyMention]:
    """``named_firms`` of a sentence that names some."""
    covered = [(m.start, m.end) for m in mentions if m.end > m.start]
    # Words of the registry companies the document names: "le groupe Vernay" where the
    # registry spotted "Vernay" elsewhere is that company, not another.
    linked = {w for m in mentions if m.company_id for w in _words(m.name)}
    return [
        CompanyMention(None, name, start, stop, "named")
        for start, stop, name in _firm_names(sentence)
        if not any(a < stop and start < b for a, b in covered)
        and not _words(name) & linked
        and not _initials(name)
    ]


@per_document  # a function of the sentence alone, which rules ask with other mention lists
def _firm_names(sentence: Span) -> list[tuple[int, int, str]]:
    """(start, end, text) of the names in ``sentence`` that a company word calls a firm."""
    tokens = [t for t in sentence if not t.is_space]
    text = text_of(sentence.doc)
    # Only a capitalised word opens a name (name_end of another word is that word): the
    # words read by their first letter, from the document's text (Token.text is a string
    # lookup); the scan goes from one to the next (session 19).
    capitals = [k for k, t in enumerate(tokens) if text[t.idx].isupper()]
    found: list[tuple[int, int, str]] = []
    read = 0  # where the last name found ends: a word before it is part of that name
    for position in capitals:
        if position < read:
            continue
        end = name_end(tokens, position)
        if end == position:
            continue
        start_token, end_token = tokens[position], tokens[end - 1]
        start, stop = start_token.idx, end_token.idx + len(end_token)
        if _is_firm(tokens, position, end):
            found.append((start, stop, text[start:stop]))
        read = end
    if found and _title_case(tokens, text):
        return []  # "Vallorin Brewery Doubles Capacity": every word looks like a name
    return found


def _initials(name: str) -> bool:
    """Letters joined by "&" ("R&D", "Q&A", "M&A"): a common abbreviation, no firm."""
    return all(len(word) == 1 for word in re.findall(r"[^\W\d_]+", name))


@lru_cache(maxsize=4096)  # asked for each registry mention per sentence and mention list
def _words(name: str) -> frozenset[str]:
    """A name's own words, folded, without company words and legal forms."""
    return frozenset(
        w
        for w in _WORD.findall(fold(name))
        if len(w) > 2 and w not in PREFIX_CUES and w not in SUFFIX_CUES
    )


_WORD = re.compile(r"\w+")


def _ids(words: Iterable[str]) -> frozenset[int]:
    """The ids of ``words`` in any vocabulary (a symbol's for "DATE", "ADJ", else the
    word's hash), as a token's ``norm``, ``lower``, ``ent_type`` or ``pos`` holds them."""
    return frozenset(get_string_id(w) for w in words)


# The word lists above as the ids that ``Token.norm``, ``Token.lower``, ``Token.ent_type``
# and ``Token.pos`` hold: an id is read without a string lookup (session 19, speed).
_PREFIX_IDS = _ids(PREFIX_CUES)
_SUFFIX_IDS = _ids(SUFFIX_CUES)
_LEGAL_IDS = _ids(LEGAL_FORMS)
_HEAD_OR_PREFIX_IDS = _ids(PREFIX_CUES | NAME_HEADS)
_ROLE_OR_GENERAL_IDS = _ids(ROLE_WORDS | _GENERAL)
_OF_IDS = _ids(("de", "d'", "d’", "of"))
_ARTICLE_IDS = _ids(ARTICLES)
_LINK_IDS = _ids(_LINKS)
_NOT_NAME_IDS = _ids(_NOT_NAMES)
_BETWEEN_IDS = _ids(_BETWEEN_TAGS)
# "start-up" split in three tokens: the last is one of its ends, whatever the split.
_START_UP = "start-up"
_START_UP_ENDS = _ids(_START_UP[cut:] for cut in range(2, len(_START_UP)))


def name_end(tokens: list[Token], position: int) -> int:
    """The end of the run of capitalised words from ``position`` (itself if none)."""
    end = position
    while end < len(tokens):
        token = tokens[end]
        if _capitalised(token) or (
            end > position
            and token.lower in _LINK_IDS
            and end + 1 < len(tokens)
            and _capitalised(tokens[end + 1])
        ):
            end += 1
        else:
            break
    # A name does not open with a capitalised determiner ("Le", "The"), unless a company
    # word calls it a surname's ("la minoterie Le Goff", "les transports Le Bihan").
    surname = end - position >= 2 and position > 0 and _cue(tokens[position - 1])
    if (
        end > position
        and tokens[position].is_stop
        and not tokens[position].text.isupper()
        and not surname
    ):
        return position
    return end


def _capitalised(token: Token) -> bool:
    text = token.text
    return (
        text[:1].isupper()
        and token.ent_type not in _NOT_NAME_IDS
        and not token.is_punct
        and (text[0].isalpha() or any(c.isalpha() for c in text))  # most: a letter first
    )


def _is_firm(tokens: list[Token], start: int, end: int) -> bool:
    if end - start >= 2 and tokens[end - 1].norm in _SUFFIX_IDS:  # capitalised: a run
        return True
    if end < len(tokens) and tokens[end].norm in _LEGAL_IDS and tokens[end].text.isupper():
        return True
    if end - start >= 2 and tokens[start].norm in _HEAD_OR_PREFIX_IDS:
        return True  # "Fonderie Ribaud", "Groupe Talvern"
    if _apposition(tokens, end) and not (end - start == 1 and connective(tokens[start])):
        return True  # "Aerilis, a drone maker supplied by …"; not "Instead, the group …"
    if start == 0:
        return False
    before = tokens[start - 1]
    if _cue(before) or _start_up(tokens, start):
        return True  # "la société Solvane", "maker Kessler Antriebe"
    if before.lower in _OF_IDS and start >= 2 and tokens[start - 2].norm in _ROLE_OR_GENERAL_IDS:
        return True  # "PDG de Nexalia", "directeur général de", "chief executive of Nexalia"
    if tokens[start].doc.lang_ != "fr":
        return False
    # French: the company word, then adjectives and one "de" complement ("le fabricant de
    # meubles Hanser"); a name right after "de" is a complement ("hors d'Europe").
    if before.pos not in _BETWEEN_IDS or before.pos == ADP:
        return False
    for back in range(start - 1, max(start - 1 - _MAX_BETWEEN, -1), -1):
        token = tokens[back]
        if _cue(token) or _start_up(tokens, back + 1):  # "la start-up nancéienne X"
            return True
        if token.is_punct or token.text[:1].isupper() or token.pos not in _BETWEEN_IDS:
            return False
    return False


def connective(token: Token) -> bool:
    """A sentence adverb or conjunction before a comma ("Instead,", "Meanwhile,",
    "Ensuite,"): no name."""
    return token.pos_ in ("ADV", "CCONJ", "SCONJ", "ADP", "DET", "PRON") or token.is_stop


def _apposition(tokens: list[Token], end: int) -> bool:
    """A comma, an article and a company word within three words after the name."""
    after = tokens[end : end + 6]
    if len(after) < 3 or after[0].text != "," or after[1].lower not in _ARTICLE_IDS:
        return False
    return any(_cue(t) for t in after[2:] if not t.is_punct)


def _cue(token: Token) -> bool:
    """A company word: listed, or a French workshop in "-erie" ("la fromagerie Jeunet")."""
    if token.norm in _PREFIX_IDS:
        return True
    if token.pos != NOUN or not token.is_lower:
        return False
    word = token.norm_
    return word.endswith("erie") and len(word) > 6


def _start_up(tokens: list[Token], start: int) -> bool:
    """ "start-up" split in three by a tokenizer, just before ``start``."""
    return (
        start >= 3
        and tokens[start - 1].lower in _START_UP_ENDS
        and "".join(t.lower_ for t in tokens[start - 3 : start]) == _START_UP
    )


def _title_case(tokens: list[Token], text: str) -> bool:
    """Whether most words are capitalised, as in an English headline; ``text``: the
    document's."""
    words = [text[t.idx].isupper() for t in tokens if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(words) >= 0.7 * len(words)


# Entity labels of people: a name that is a person's is no firm.
PEOPLE = frozenset({"PER", "PERSON"})
# ... and of places, which a parse may take for the subject of a dateline ("Strasbourg :").
PLACES = _PLACES | {"FAC"}
_NOT_SUBJECTS = PEOPLE | _NOT_NAMES


@once_per_document  # the document's entities, whatever the sentence: read once
def people_words(sentence: Span) -> frozenset[str]:
    """The words of the people the document names ("Julien Marchand"), so that "Marchand"
    alone, which the NER may miss, is still a person."""
    return frozenset(
        t.lower_ for e in entities_of(sentence.doc) if e.label_ in PEOPLE for t in e if t.is_alpha
    )


# French pronouns that stand between a subject and its verb ("Kervalis y investira", "X
# en a racheté la moitié", "X s'est offert", "X lui a cédé").
_CLITICS = frozenset({"y", "en", "se", "s'", "s’", "lui", "leur"})


def opening_name(
    sentence: Span, begin: int, trigger: Span, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """The proper name that opens the trigger's clause as its subject, just before its verb
    ("Nexalia a levé …", "Rennes Métropole investira …"), unless it is a person's: the
    event is that name's, whether a firm or a public body, not the article's company."""
    doc = sentence.doc  # the words before the trigger only: those after are never read
    before = (doc[i] for i in range(sentence.start, min(sentence.end, trigger.start)))
    tokens = [t for t in before if t.idx >= begin and not t.is_space]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    tokens = tokens[_described(tokens) :]  # "la rennaise Quantik lève …": Quantik
    run = 0
    while run < len(tokens) and tokens[run].pos_ == "PROPN" and tokens[run].text[:1].isupper():
        run += 1
    if not run and tokens and _bare_french_name(tokens[0]):
        run = 1  # "Kervalis y investira …": a French noun never opens a clause bare
    verb = run
    while verb < len(tokens) and (tokens[verb].lower_ in _CLITICS or tokens[verb].pos_ == "ADV"):
        verb += 1  # "Kervalis y investira …", "Nexalia en a racheté …", "Nexalia also raised"
    # The verb: the next word, or the trigger itself ("Nexalia lève 3 millions").
    following = tokens[verb] if verb < len(tokens) else trigger[0]
    # A headline without a verb: "X en redressement judiciaire", "X into administration".
    state = following.lower_ in _INTO_STATE and verb >= len(tokens) - 1
    if not run or (following.pos_ not in ("AUX", "VERB") and not state):
        return None
    people = people_words(sentence)
    if any(t.ent_type_ in _NOT_SUBJECTS or t.lower_ in people for t in tokens[:run]):
        return None
    start, end = tokens[0].idx, tokens[run - 1].idx + len(tokens[run - 1])
    if any(m.start < end and start < m.end for m in mentions):
        return None  # a company's name that the sentence recogniser cut ("Caléo | Rail a …")
    name = text_of(sentence.doc)[start:end]
    words = set(re.findall(r"\w+", fold(name)))
    for mention in mentions:
        if mention.company_id and words <= _words(mention.name) | set(_words_all(mention.name)):
            return mention  # the registry firm the document names, here by a shorter name
    return CompanyMention(None, name, start, end, "named")


_DEFINITE = frozenset({"la", "le", "l'", "l’", "les"})
# The word that puts a firm in a state, in a headline without a verb.
_INTO_STATE = frozenset({"en", "in", "into"})


def _described(tokens: list[Token]) -> int:
    """How many words of French description open the clause before a name: a definite
    article and one or two lower-case adjectives or nouns ("la rennaise Quantik", "le
    jeune nantais Nexalia"); 0 when there is none, or no name after them."""
    if not tokens or tokens[0].doc.lang_ != "fr" or tokens[0].lower_ not in _DEFINITE:
        return 0
    words = 1
    while (
        words < min(3, len(tokens))
        and tokens[words].is_lower
        and tokens[words].is_alpha
        and tokens[words].pos_ in ("ADJ", "NOUN")
    ):
        words += 1
    if words == 1 or words >= len(tokens):
        return 0
    name = tokens[words]
    return words if name.pos_ == "PROPN" and name.text[:1].isupper() else 0


def _words_all(name: str) -> list[str]:
    return re.findall(r"\w+", fold(name))


def _bare_french_name(token: Token) -> bool:
    """A capitalised French noun without a determiner at the head of a clause: a name the
    model did not know ("Kervalis y investira …"), since French common nouns take one."""
    return (
        token.doc.lang_ == "fr"
        and token.pos_ == "NOUN"
        and token.text[:1].isupper()
        and token.text[1:].islower()
    )
