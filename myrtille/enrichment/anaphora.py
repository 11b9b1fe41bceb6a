"""A subject pronoun stands for the firm that was the subject of the sentence before, and
so does a definite description of a firm ("L'entreprise", "the company"); a relative
pronoun stands for the firm named just before its apposition.

"Kervalis, une entreprise de logistique fondée à Lyon, a racheté le bâtiment. Elle y
investira 3 millions d'euros": "Elle" is Kervalis, not the article's main company (the
former owner of the building, named in the title). A personal pronoun that opens a clause
keeps the subject of the sentence before it, which is how French and English carry a
topic from one sentence to the next; only when that sentence opens with no firm is the
pronoun the article's company, as before.

Impersonal pronouns name nothing ("il s'agit de", "il faut", "it is expected that").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.doctext import sentence_of
from myrtille.enrichment.firmnames import PREFIX_CUES, named_firms, people_words
from myrtille.enrichment.patterns import fold

# Subject pronouns that can stand for a firm.
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "it", "they"})
# Words after "il"/"it" that make it impersonal: "il s'agit", "il y a", "il faut", "il est
# prévu", "it is", "it was".
_IMPERSONAL = frozenset(
    {"s'", "s’", "y", "faut", "fallait", "faudra", "est", "sera", "était", "reste", "suffit"}
    | {"is", "was", "'s", "’s", "seems", "remains", "would", "appears"}
)
# The subject of the sentence before opens it: within this many words (an article and a
# company word: "La société Kervalis", "German group Kessler").
_OPENING = 5
# Words before a firm's name that make it a complement, not the subject ("Selon X", "Chez
# X", "For X").
_NOT_SUBJECT = frozenset({"selon", "chez", "pour", "avec", "for", "with", "at", "according"})


def pronoun_subject(sentence: Span, begin: int, trigger: Span) -> bool:
    """Whether the trigger's clause opens with a personal pronoun that may stand for a
    firm ("Elle y investira …", "It will hire 40 people")."""
    tokens = _opening_words(sentence, begin, trigger.end)
    if len(tokens) < 2 or tokens[0].lower_ not in _PRONOUNS:
        return False
    return not (tokens[0].lower_ in ("il", "it") and tokens[1].lower_ in _IMPERSONAL)


def _opening_words(sentence: Span, begin: int, stop: int) -> list[Token]:
    """The first two words of ``sentence`` from the character ``begin`` to the token
    ``stop``, spaces and the punctuation that opens them left out (only two are read)."""
    doc, words = sentence.doc, []
    for i in range(sentence.start, min(sentence.end, stop)):
        token = doc[i]
        if token.idx >= begin and not token.is_space and (words or not token.is_punct):
            words.append(token)
            if len(words) == 2:
                break
    return words


# A definite description of a firm ("L'entreprise, fondée en 1921, investira …",
# "The company will hire …"): the firm the sentence before opened with, like a pronoun.
_DEFINITE = frozenset({"l'", "l’", "la", "le", "the", "cette", "this"})
_FIRM_NOUNS = frozenset(
    {"entreprise", "societe", "firme", "pme", "start-up", "startup", "company", "firm"}
    | {"groupe", "group"}
)


def described_subject(sentence: Span, begin: int, trigger: Span) -> bool:
    """Whether the trigger's clause opens with a definite description of a firm
    ("L'entreprise y créera …", "The company will invest …")."""
    tokens = _opening_words(sentence, begin, trigger.start)
    return (
        len(tokens) >= 2 and tokens[0].lower_ in _DEFINITE and fold(tokens[1].lower_) in _FIRM_NOUNS
    )


# Relative pronouns that may be the subject of the clause they open.
_RELATIVE_SUBJECTS = frozenset({"qui", "which", "who", "that"})


def relative_firm(
    sentence: Span, trigger: Span, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """The firm a relative pronoun that is the trigger's subject stands for, when only an
    apposition or a place separates them ("…à Kessler Malz, un groupe familial qui y
    investira", "aux Tissages Morvelle, à Roanne, qui ont décroché …"): the parser hangs the
    relative on the apposition's noun or on the place, which names no firm."""
    doc = sentence.doc
    position = trigger.start - 1
    while position >= sentence.start and (
        doc[position].pos_ in ("AUX", "ADV") or doc[position].lower_ in ("y", "en", "se", "s'")
    ):
        position -= 1  # "qui ont obtenu", "which has now won", "qui y ouvrira"
    if position < sentence.start or doc[position].lower_ not in _RELATIVE_SUBJECTS:
        return None
    relative = doc[position]
    firms = [
        m
        for m in [*mentions, *named_firms(sentence, mentions)]
        if sentence.start_char <= m.start and m.end <= relative.idx and m.end > m.start
    ]
    if not firms:
        return None
    firm = max(firms, key=lambda m: m.end)
    between = [t for t in doc[sentence.start : position] if t.idx >= firm.end]
    if not between or between[0].text not in ",(—–":
        return None  # "the firm that won …": a firm named just before is no antecedent
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in _RELATIVE_SUBJECTS for t in between):
        return None  # "X a signé avec le port, qui investira": the port's
    return firm


def possessed_post(sentence: Span, begin: int, trigger: Span) -> bool:
    """Whether a change of leader names its firm by a pronoun ("X en prendra la
    présidence", "X will become its chairman"): the firm the sentence before was about.
    French "sa"/"son" are left out: they are as often the person's ("prendra sa retraite")."""
    doc = sentence.doc
    end = min(trigger.end + 2, sentence.end)
    for token in doc[trigger.start : end]:
        if token.lower_ in ("its", "their"):
            return True
    before = [t for t in doc[sentence.start : trigger.start] if t.idx >= begin]
    return bool(before) and before[-1].lower_ == "en" and before[-1].pos_ == "PRON"


def antecedent(sentence: Span, mentions: list[CompanyMention]) -> CompanyMention | None:
    """The firm that is the subject of the sentence before ``sentence``, if it opens that
    sentence ("Kervalis, une entreprise …, a racheté …"; "La société Kervalis a …")."""
    if sentence.start == 0:
        return None
    doc = sentence.doc
    last = sentence.start - 1
    while last > 0 and doc[last].is_space:
        last -= 1  # a paragraph's break may be a sentence of its own to the recogniser
    whole = sentence_of(doc, last)  # a title run into the lead: its part before
    before = doc[whole.start : min(whole.end, last + 1)]
    listed = list(before)  # its words made once: each pass over a span makes them anew
    # The sentence recogniser may run two paragraphs together: the last one's part.
    breaks = [t.i + 1 for t in listed if t.is_space and "\n" in t.text]
    if breaks:
        listed = listed[breaks[-1] - before.start :]
        before = doc[breaks[-1] : before.end]
    tokens = [t for t in listed if not t.is_space and not t.is_punct]
    if not tokens:
        return None
    # A place or a time set before the subject ("On the Mediterranean coast, Toulon-based
    # X …", "Du côté de Roanne, les Tissages X …"): the opening is counted after its comma.
    after_setting = _setting_end(listed)
    if after_setting is not None:
        tokens = [t for t in tokens if t.idx >= after_setting] or tokens
    opening_end = tokens[min(_OPENING, len(tokens)) - 1]
    limit = opening_end.idx + len(opening_end)
    people = people_words(before)
    first = tokens[0].idx
    candidates = [
        m
        for m in [*mentions, *named_firms(before, mentions)]
        if first <= m.start < limit and m.end > m.start
    ]
    for mention in sorted(candidates, key=lambda m: m.start):
        words = [t for t in listed if first <= t.idx < mention.start and not t.is_space]
        if any(_complement(t) for t in words):
            return None  # "Selon X, …": the sentence's subject is not X
        if mention.company_id is None and mention.how != "named" and mention.name.lower() in people:
            continue  # a person's name; not one a company word calls a firm ("la start-up X")
        return mention
    return None


def topic(sentence: Span, mentions: list[CompanyMention]) -> CompanyMention | None:
    """The antecedent of ``sentence``, or, when the sentence before names no firm at all
    ("Navella a présenté un prototype. Le bateau fera des essais. La société revendique
    deux brevets"), that of the sentence before it, in the same paragraph."""
    found = antecedent(sentence, mentions)
    if found is not None or sentence.start == 0:
        return found
    doc = sentence.doc
    last = sentence.start - 1
    while last > 0 and doc[last].is_space:
        last -= 1
    between = doc[last : sentence.start]
    previous = sentence_of(doc, last)
    if previous.start == 0 or any("\n" in t.text for t in [*between, *previous] if t.is_space):
        return None
    if any(previous.start_char <= m.start < previous.end_char for m in mentions) or (
        named_firms(previous, mentions)
    ):
        return None  # the sentence before names a firm: not its subject, so no topic
    return antecedent(previous, mentions)


def _complement(token: Token) -> bool:
    # A company word the tagger took for a verb ("la jeune pousse X") names the subject.
    return token.lower_ in _NOT_SUBJECT or (
        token.pos_ == "VERB" and token.lower_ != "based" and fold(token.lower_) not in PREFIX_CUES
    )


# Words that open a setting of place or time before a sentence's subject ("In Bourges,",
# "Du côté de Roanne,", "Over in Lyon,"); "selon", "chez", "for" name a firm's view instead.
_SETTINGS = frozenset(
    {"à", "a", "au", "aux", "dans", "du", "en", "sur", "depuis", "après", "avant", "lors", "côté"}
    | {"in", "on", "at", "over", "across", "down", "up", "out", "after", "before", "since"}
    | {"during", "near", "outside", "further", "elsewhere", "meanwhile"}
)
# The comma that closes a setting comes within this many words.
_SETTING_WORDS = 8


def _setting_end(before: list[Token]) -> int | None:
    """Where the subject's part of ``before`` (a sentence's words) starts when the sentence
    opens with a setting of place or time closed by a comma ("On the Mediterranean coast,
    Toulon-based X …")."""
    words = [t for t in before if not t.is_space]
    end = None
    while words and words[0].lower_ in _SETTINGS:  # "À Figeac, dans la vallée du Lot, X …"
        comma = next(
            (i for i, t in enumerate(words[1 : _SETTING_WORDS + 1], 1) if t.text == ","), None
        )
        if comma is None or any(t.pos_ in ("VERB", "AUX") for t in words[1:comma]):
            break
        end, words = words[comma].idx + 1, words[comma + 1 :]
    return end


# A firm created by others and introduced by what it is: "une coentreprise baptisée X",
# "une coentreprise, X,", "a joint venture called X", "a new subsidiary, X". A later
# "La coentreprise emploiera …", "The joint venture will hire …" is that firm, not the
# firms that set it up (the sentence before is often theirs).
_CREATED_NOUNS = r"(?:co-?entreprise|joint[- ]venture|filiale|subsidiary)"
_INTRODUCED = re.compile(
    _CREATED_NOUNS + r"(?:\s+commune|\s+\w+e)?\s*(?:,\s*|(?:baptis[ée]e?|nomm[ée]e?|appel[ée]e?|"
    r"d[ée]nomm[ée]e?|called|named|dubbed)\s+)$",
    re.IGNORECASE,
)
# Session 15: introduced after its name too ("Cellvia Douai, the group's production
# subsidiary", "X, la filiale du fabricant de batteries Y", "X, filiale de Y"); the words
# between are no verb's ("X, which set up a subsidiary" introduces none).
_INTRODUCED_AFTER = re.compile(
    r",\s*(?:(?:la|le|l['’]|sa|son|une?|the|its|a|an)\s+)?"
    r"(?:(?!(?:qui|dont|et|which|who|that|and|has|have|had|owns|set|a|an)\b)[\w'’-]+\s+){0,4}?"
    + _CREATED_NOUNS
    + r"\b",
    re.IGNORECASE,
)
# The subject of a clause, after an opening adverbial closed by a comma ("To meet the
# volumes, the subsidiary's board signed off …"): "the subsidiary('s)", "la nouvelle filiale".
_DESCRIBED_CREATED = re.compile(
    r"(?:[^,;:]{0,60},)?\W*(?:la|le|l['’]|cette|the|this)\s*(?:new\s+|nouvelle\s+)?"
    + _CREATED_NOUNS
    + r"\b",
    re.IGNORECASE,
)
# A capitalised word that carries a name on ("Verdier Océan Indien" after "Verdier").
_NAME_GOES_ON = re.compile(r"[ \t]+(?:(?:d[eu]|des|de la)[ \t]+)?[^\W\d_][\w'’-]*")


def created_firm(
    sentence: Span, begin: int, trigger: Span, mentions: list[CompanyMention], text: str
) -> CompanyMention | None:
    """The firm a definite "la coentreprise"/"the joint venture"/"the subsidiary" subject
    stands for: the one the document introduced as such before ``sentence`` (the trigger's
    own word, as "coentreprise" for a partnership, is no subject). A subsidiary whose name
    runs on past the registry's name it bears ("une filiale, Verdier Océan Indien") is a firm
    of its own, not the registry's parent."""
    described = _DESCRIBED_CREATED.match(text, begin, trigger.start_char)
    if described is None:
        return None
    found = None
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start >= sentence.start_char:
            break
        if mention.company_id and (
            _INTRODUCED.search(text, max(0, mention.start - 40), mention.start)
            or _INTRODUCED_AFTER.match(text, mention.end, sentence.start_char)
        ):
            found = mention
    if found is not None and (longer := _longer_name(text, found)) is not None:
        return longer  # "a créé une filiale, Verdier Océan Indien": not Verdier's
    return found


def _longer_name(text: str, mention: CompanyMention) -> CompanyMention | None:
    """The unlisted firm whose name is ``mention``'s run on by capitalised words."""
    end = mention.end
    while (more := _NAME_GOES_ON.match(text, end)) is not None:
        if not more.group().split()[-1][0].isupper():
            break  # "une filiale, Verdier, à Tours": no more name
        end = more.end()
    if end == mention.end:
        return None
    return CompanyMention(None, text[mention.start : end], mention.start, end, "named")
