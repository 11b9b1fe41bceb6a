"""The dependency parse of the sentences that report an event, and what it tells.

The pipelines run without the parser over whole documents (it would cost more than the rest
of the enrichment), but a model's parser is kept, disabled, and run here on the few
sentences where an event trigger matched. It reads the vectors the pipeline's shared tok2vec
already left on the document (``doc.tensor``), so parsing a sentence costs the parser's own
step only. A pipeline without a parser (a blank one) gives no parse, and the callers fall
back on word order.

From the parse: the clause head that governs a trigger, its subject (an antecedent for a
relative pronoun), a passive agent ("racheté par X", "acquired by X"), the recipient of a
customer's verb ("attribue à X", "awarded X a contract"), and whether the trigger is
governed by a verb of intention or doubt ("envisage de", "compte nouer", "is said to be
considering", "hopes to") or by a conditional ("serait en discussions pour lever").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from myrtille.enrichment.sentence_copies import COPIED, copy_sentence

# Verbs that make what they govern a plan, a wish, a rumour or a denial, not a fact.
HEDGING_LEMMAS = frozenset(
    {
        # French (lemmas as the French model gives them, folded)
        "envisager",
        "etudier",
        "esperer",
        "souhaiter",
        "songer",
        "reflechir",
        "ambitionner",
        "negocier",
        "dementir",
        "exclure",
        "refuser",
        "renoncer",
        "projeter",
        # English
        "consider",
        "weigh",
        "mull",
        "explore",
        "hope",
        "eye",
        "study",
        "contemplate",
        "deny",
        "refuse",
        "abandon",
        "scrap",
        "shelve",
        "plot",
        "discuss",
        "negotiate",
    }
)
# Adverbs that make the clause they modify hearsay.
HEARSAY = frozenset({"reportedly", "allegedly", "supposedly", "rumoredly", "apparemment"})
SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = frozenset({"qui", "lequel", "laquelle", "which", "who", "that", "whom"})
# The vector a parsed copy of a sentence is given (SentenceParser._copy).
_NO_VECTOR = numpy.zeros((0,), dtype="f")


@dataclass(frozen=True)
class Parsed:
    """A parsed sentence: ``span`` carries the parse; its tokens sit ``tokens`` positions and
    ``chars`` characters before their place in the document (a parsed copy of the sentence)."""

    span: Span
    tokens: int
    chars: int

    def trigger(self, trigger: Span) -> Span:
        doc = self.span.doc
        start = min(max(trigger.start - self.tokens, 0), len(doc) - 1)
        return doc[start : max(min(trigger.end - self.tokens, len(doc)), start + 1)]


class SentenceParser:
    """Parses single sentences with a pipeline's disabled parser, each once per document.

    ``parse_ahead`` parses the sentences of a whole batch of documents in one call of the
    parser, which costs about half as much as one call per sentence; a sentence it did not
    parse is parsed on its own when asked for."""

    # Sentences per call of the parser (it sorts each call's sentences by length).
    BATCH = 256

    def __init__(self, nlp: Language) -> None:
        self.parser = nlp.get_pipe("parser") if "parser" in nlp.component_names else None
        self._cache: dict[tuple[int, int], Parsed | None] = {}
        self._doc: Doc | None = None
        # Parsed ahead, per document (by id, with the document, so that an id reused
        # after a document is gone never finds another's parses).
        self._ahead: dict[int, tuple[Doc, dict[tuple[int, int], Parsed | None]]] = {}

    def __call__(self, sentence: Span) -> Parsed | None:
        """``sentence`` with a dependency parse: the document's own when it has one, else a
        parsed copy of the sentence; None without a parser or the tok2vec's vectors."""
        doc = sentence.doc
        if doc.has_annotation("DEP"):
            return Parsed(sentence, 0, 0)
        if self.parser is None or doc.tensor is None or doc.tensor.size == 0:
            return None
        if doc is not self._doc:
            ahead = self._ahead.pop(id(doc), None)
            self._doc, self._cache = doc, ahead[1] if ahead and ahead[0] is doc else {}
        bounds = _bounds(sentence)
        if bounds not in self._cache:
            copy = self._copy(doc, bounds)
            self._cache[bounds] = (
                None if copy is None else self._parsed(self.parser(copy), doc, bounds)
            )
        return self._cache[bounds]

    def parse_ahead(self, sentences: list[Span]) -> None:
        """Parse ``sentences`` (of any documents) in one go, for the calls that follow;
        what was parsed ahead before is dropped. If the parser fails, nothing is kept:
        each sentence is then parsed on its own when asked for."""
        self._ahead, self._doc, self._cache = {}, None, {}
        if self.parser is None:
            return
        ahead: dict[int, tuple[Doc, dict[tuple[int, int], Parsed | None]]] = {}
        wanted: list[tuple[Doc, tuple[int, int]]] = []
        copies: list[Doc] = []
        # Each document's attribute array, read once for all the sentences copied from it;
        # None: a document with a parse or without vectors, left to ``__call__`` (asked once
        # per document, not per sentence: ``has_annotation`` reads every word).
        arrays: dict[int, numpy.ndarray | None] = {}
        for sentence in sentences:
            doc = sentence.doc
            if id(doc) not in arrays:
                unparsed = not doc.has_annotation("DEP")
                vectors = doc.tensor is not None and doc.tensor.size > 0
                arrays[id(doc)] = doc.to_array(COPIED) if unparsed and vectors else None
            array = arrays[id(doc)]
            if array is None:
                continue
            cache = ahead.setdefault(id(doc), (doc, {}))[1]
            bounds = _bounds(sentence)
            if bounds in cache:
                continue
            copy = self._copy(doc, bounds, array)
            cache[bounds] = None
            if copy is not None:
                wanted.append((doc, bounds))
                copies.append(copy)
        for (doc, bounds), parsed in zip(
            wanted, self.parser.pipe(copies, batch_size=self.BATCH), strict=True
        ):
            ahead[id(doc)][1][bounds] = self._parsed(parsed, doc, bounds)
        self._ahead = ahead

    @staticmethod
    def _copy(doc: Doc, bounds: tuple[int, int], array: numpy.ndarray | None = None) -> Doc | None:
        """The sentence as a Doc of its own; ``array``: the document's ``COPIED``
        attributes, which ``Span.as_doc`` would otherwise read from the whole document
        each time (sentence_copies.py)."""
        span = doc[bounds[0] : bounds[1]]
        # as_doc gives the copy the span's vector, the mean of its words' vectors: most of
        # its cost, and neither the parser (it reads the tensor) nor we read it.
        span._vector, span._vector_norm = _NO_VECTOR, 0.0
        copy = span.as_doc() if array is None else copy_sentence(span, COPIED, array)
        return copy if len(copy) and copy.tensor.size else None

    @staticmethod
    def _parsed(copy: Doc, doc: Doc, bounds: tuple[int, int]) -> Parsed:
        return Parsed(copy[:], bounds[0], doc[bounds[0]].idx)


def _bounds(sentence: Span) -> tuple[int, int]:
    """The sentence's token range without the blank lines around it (a title's would be
    parsed as words)."""
    doc, start, end = sentence.doc, sentence.start, sentence.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def clause_head(token: Token) -> Token:
    """The nearest ancestor (or ``token`` itself) that has a subject, else the root."""
    for node in (token, *token.ancestors):
        if any(child.dep_ in SUBJECTS for child in node.children):
            return node
    return _root(token)


def _root(token: Token) -> Token:
    while token.head.i != token.i:
        token = token.head
    return token


def subject_of_clause(head: Token) -> tuple[Token, bool] | None:
    """The subject of ``head`` and whether it is a passive one; a relative pronoun stands
    for the noun its clause qualifies ("Optiwave, qui lève …", "X, which raised …")."""
    for child in head.children:
        if child.dep_ not in SUBJECTS:
            continue
        passive = child.dep_ in ("nsubj:pass", "nsubjpass")
        if child.lower_ in RELATIVE_PRONOUNS and head.dep_.startswith(("acl", "relcl")):
            return head.head, passive
        return child, passive
    return None


def agent_of(node: Token) -> Token | None:
    """The agent of a passive verb or of an action noun: the noun after "par"/"by"."""
    for child in node.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ in ("obl:agent", "obl:mod", "obl", "nmod") and any(
            c.dep_ == "case" and c.lower_ == "par" for c in child.children
        ):
            return child
    return None


def recipient_of(verb: Token) -> Token | None:
    """Who a customer's verb gives to: "attribue à X", "awarded X a contract", "to X"."""
    for child in verb.children:
        if child.dep_ in ("dative", "iobj"):
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ in ("obl:arg", "obl", "obl:mod") and any(
            c.dep_ == "case" and c.lower_ in ("à", "a", "au", "aux") for c in child.children
        ):
            return child
    return None


def object_of(verb: Token, skip: set[int]) -> Token | None:
    """The direct object of ``verb``, unless it is one of the tokens in ``skip``."""
    for child in verb.children:
        if child.dep_ in ("obj", "dobj") and child.i not in skip:
            return child
    return None


def hedged(trigger: Span) -> bool:
    """Whether a verb of intention, doubt or denial, a conditional or a hearsay adverb
    governs the trigger (the trigger's own words excepted)."""
    inside = {t.i for t in trigger}
    node = trigger.root
    while True:
        if node.i not in inside and node.lemma_ in HEDGING_LEMMAS:
            return True
        if _conditional(node) or any(c.lower_ in HEARSAY for c in node.children):
            return True
        # A coordinated clause stands on its own ("vise 50 % à l'export et va recruter").
        if node.head.i == node.i or node.dep_ in ("conj", "parataxis"):
            return False
        node = node.head


def _conditional(node: Token) -> bool:
    """A French conditional on the verb or on its auxiliary or copula ("serait"); "devrait"
    (is expected to) announces, it does not doubt."""
    if "Cnd" in node.morph.get("Mood") and node.lemma_ != "devoir":
        return True
    return any(
        c.dep_ in ("aux", "aux:tense", "cop")
        and "Cnd" in c.morph.get("Mood")
        and c.lemma_ != "devoir"
        for c in node.children
    )


def subtree_span(token: Token) -> tuple[int, int]:
    """Character bounds of ``token``'s subtree in its own document."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right)


def nominal_dependents(token: Token) -> Iterator[Token]:
    """The nouns that complement ``token``: "liquidation de X", "fermeture de l'usine de X",
    "directrice générale des Laboratoires Verdier"."""
    for child in token.children:
        if child.dep_ in ("nmod", "obl", "obl:mod", "obj", "dobj", "xcomp", "prep", "pobj"):
            yield child
