"""The forms a sector term takes in the pipeline's own analysis of text.

Sector terms are written as lemmas, one word per item ("avion de affaire"), and matched
on the lemmas of the text. The pipeline does not always see the words that way: its
tokenizer splits hyphenated words ("long-courrier" is long - courrier) and its
lemmatizer gives some words lemmas nobody would write ("logistics" -> logistic,
"hotelier" -> hoteli, "haute couture" -> haut couture, "permis de construire" ->
permettre de construire), so such terms never matched. Each plain term (no surface
item, wildcard, number or option) is therefore also matched on

- its words as the tokenizer splits them, on the folded *text*: the term as written is
  a form found in text ("logistics", "haute couture");
- the lemmas the pipeline gives those words inside a sentence, which is how it will
  analyse them in an article ("logistic", "haut couture");
- in French, the feminine of a trade noun that opens the term ("éleveuse", "plombière").

Both are computed once per pipeline and lexicon (a few seconds for the package lexicon),
then matched with two PhraseMatchers: a hash lookup per token.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from myrtille.enrichment.lexicons import LexiconEntry
from myrtille.enrichment.patterns import MAX_EXPANSIONS, fold, fold_doc

# A neutral sentence around the term, so that the tagger reads it as a noun phrase.
CARRIERS = {
    "fr": ("Selon le journal, le secteur de la ", " est en hausse."),
    "en": ("According to the paper, the ", " is growing."),
}
# Components that give lemmas (and what they read); the others are not needed here.
LEMMA_PIPES = ("tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer")
# A one-word term's surface form that the text uses as a verb is another word (the lemma
# match finds the term's own forms): "shipping goods", "il conserve".
VERBAL = ("VERB", "AUX")
VERBAL_IDS = frozenset(IDS[pos] for pos in VERBAL)  # as `Token.pos` holds them

_CACHE: dict[tuple[int, str, tuple[tuple[str, str], ...]], list[tuple[str, str, str]]] = {}


def plain_phrases(expression: str) -> list[str] | None:
    """The word sequences (as written, unfolded) a plain term stands for, or None when the
    term uses the pattern language's other items."""
    sequences: list[str] = [""]
    for item in expression.split():
        if item in ("*", "**", "NUM") or item.startswith("=") or item.endswith("?"):
            return None
        alternatives = [a for a in item.split("|") if a]
        sequences = [f"{s} {a}".strip() for s in sequences for a in alternatives]
        if len(sequences) > MAX_EXPANSIONS:
            return None
    return sequences


def _phrases(sectors: Sequence[LexiconEntry], language: str) -> Iterator[tuple[str, str]]:
    for entry in sectors:
        expressions = entry.patterns.get(language) or [
            e for exprs in entry.patterns.values() for e in exprs
        ]
        for expression in expressions:
            for phrase in plain_phrases(expression) or ():
                yield f"sector:{entry.code}", phrase


def _analysed(
    nlp: Language, phrases: list[tuple[str, str]], language: str
) -> list[tuple[str, str, str]]:
    """(label, folded surface words, folded lemmas) per phrase, space-separated."""
    key = (id(nlp), language, tuple(phrases))
    if key in _CACHE:
        return _CACHE[key]
    before, after = CARRIERS.get(language, ("", ""))
    enabled = [name for name in LEMMA_PIPES if name in nlp.pipe_names]
    texts = [before + phrase + after for _, phrase in phrases]
    analysed = []
    with nlp.select_pipes(enable=enabled):
        for (label, phrase), doc in zip(phrases, nlp.pipe(texts, batch_size=256), strict=True):
            fold_doc(doc)
            start, end = len(before), len(before) + len(phrase)
            words = [t for t in doc if start <= t.idx < end]
            surface = " ".join(fold(t.text) for t in words)
            lemmas = " ".join(t.lemma_ or fold(t.text) for t in words)
            analysed.append((label, surface, lemmas))
    _CACHE[key] = analysed
    return analysed


def _pattern(nlp: Language, words: str, attr: str) -> Doc:
    doc = Doc(nlp.vocab, words=words.split())
    for token in doc:
        if attr == "NORM":
            token.norm_ = token.text
        else:
            token.lemma_ = token.text
    return doc


# French trade nouns in the feminine: the lemmatizer gives the masculine of some
# ("agricultrice" -> agriculteur) but not of others ("éleveuse", "viticultrice",
# "plombière", "cheminote"), so a term's first word also matches its feminine forms,
# singular and plural, on the folded text. A form no word has is never found.
FEMININE = (
    ("teur", ("trice", "teuse")),
    ("eur", ("euse",)),
    ("ier", ("iere",)),
    ("ien", ("ienne",)),
    ("on", ("onne",)),
    ("ot", ("ote",)),
)


def feminine(words: str) -> list[str]:
    """The feminine forms (singular, plural) of a French term whose first word is a noun
    of trade: "eleveur" -> eleveuse, eleveuses; "mecanicien automobile" ->
    "mecanicienne automobile"."""
    first, _, rest = words.partition(" ")
    for ending, replacements in FEMININE:
        if first.endswith(ending) and len(first) > len(ending) + 2:
            stem = first[: -len(ending)]
            return [
                f"{stem}{r}{plural} {rest}".strip() for r in replacements for plural in ("", "s")
            ]
    return []


# English plurals: the tagger reads capitalised words as proper nouns and leaves their
# lemma as written ("Ferries Order Ships", "ARMOR TAXIS SAS"), so a term's last word also
# matches its regular plural on the folded text. A form no word has is never found.
def plural(words: str) -> list[str]:
    """The regular English plural of a term's last word: "cheese maker" -> "cheese
    makers", "ferry" -> "ferries", "bus" -> "buses"."""
    *rest, last = words.split(" ")
    if not last.isalpha() or len(last) < 3 or last.endswith("s"):
        return []
    if last.endswith("y") and last[-2] not in "aeiou":
        form = last[:-1] + "ies"
    elif last.endswith(("x", "z", "ch", "sh")):
        form = last + "es"
    else:
        form = last + "s"
    return [" ".join([*rest, form])]


# French plurals: the lemmatizer leaves some plural nouns and adjectives as written
# ("télécommunications filaires", capitalised words heading a notice's field), so a term
# also matches its regular plural on the folded text: every content word in the plural
# ("parcs éoliens"), or only its first or its last ("fabricants de meuble", "fabricant de
# meubles"). A form no word has is never found.
FR_LINKS = frozenset(
    {"de", "du", "des", "d'", "la", "le", "les", "l'", "a", "au", "aux", "en", "et", "pour"}
)


def _pluriel(word: str) -> str:
    if word in FR_LINKS or not word.isalpha() or len(word) < 3 or word.endswith(("s", "x", "z")):
        return word
    if word.endswith(("eau", "eu")):
        return word + "x"
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def pluriel(words: str) -> list[str]:
    """The regular French plurals of a term: "parc eolien" -> "parcs eoliens", "parcs
    eolien", "parc eoliens"; "reseau de chaleur" -> "reseaux de chaleurs", "reseaux de
    chaleur", "reseau de chaleurs"."""
    parts = words.split(" ")
    every = [_pluriel(w) for w in parts]
    first = [every[0], *parts[1:]]
    last = [*parts[:-1], every[-1]]
    forms = dict.fromkeys(" ".join(f) for f in (every, first, last))
    forms.pop(words, None)
    return list(forms)


# Compounds are written with a hyphen as often as with a space, mostly before the noun
# they qualify ("a civil-works package", "a floor-tile plant", "une usine de pâte-à-papier"):
# the tokenizer splits "civil-works" into civil - works, so a term of several words also
# matches with hyphens between them, and one written with hyphens also with spaces ("new -
# build", "new build"), on the folded text.
def hyphenated(words: str) -> list[str]:
    """The other way of writing a compound term: "civil works" -> "civil - works",
    "new - build" -> "new build"; nothing for a one-word term."""
    parts = words.split(" ")
    if "-" in parts:
        spaced = [p for p in parts if p != "-"]
        return [" ".join(spaced)] if len(spaced) > 1 else []
    return [" - ".join(parts)] if len(parts) > 1 else []


class TermForms:
    """Matches of the lexicon's plain terms in their tokenized and lemmatized forms."""

    def __init__(self, nlp: Language, sectors: Sequence[LexiconEntry], language: str) -> None:
        self.surface = PhraseMatcher(nlp.vocab, attr="NORM")
        self.lemmas = PhraseMatcher(nlp.vocab, attr="LEMMA")
        phrases = list(dict.fromkeys(_phrases(sectors, language)))
        for label, surface, lemmas in _analysed(nlp, phrases, language):
            if surface:
                self.surface.add(label, [_pattern(nlp, surface, "NORM")])
                for form in hyphenated(surface):
                    self.surface.add(label, [_pattern(nlp, form, "NORM")])
            if lemmas:
                self.lemmas.add(label, [_pattern(nlp, lemmas, "LEMMA")])
            if language == "fr":
                for form in feminine(lemmas or surface):
                    self.surface.add(label, [_pattern(nlp, form, "NORM")])
                for form in pluriel(surface) if surface else ():
                    self.surface.add(label, [_pattern(nlp, form, "NORM")])
            elif language == "en" and surface:
                for form in plural(surface):
                    self.surface.add(label, [_pattern(nlp, form, "NORM")])

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = doc.vocab.strings
        found = [(strings[k], s, e) for k, s, e in self.lemmas(doc)]
        found += [
            (strings[k], s, e)
            for k, s, e in self.surface(doc)
            if e - s > 1 or doc[s].pos not in VERBAL_IDS
        ]
        return found
