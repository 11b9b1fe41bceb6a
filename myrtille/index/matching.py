"""The in-memory evaluator: whether one document matches a query AST.

It defines the semantics every backend must reproduce:

- a word matches a word of the title or the text, or, reduced to its stem in a language,
  a stem of the title or the text of a document in that language (``usines`` finds
  "usine" and ``usine`` finds "usines": stem ``usin`` in French; see ``stems.py``); words
  are folded (case and accents);
- a phrase matches consecutive words of the title or the text, or consecutive stems in
  the document's language (``"levées de fonds"`` finds "levée de fonds");
- ``company:`` matches a linked company's SIREN or the comparable key of a company name;
  ``org:``, ``person:``, ``place:`` match an entity of that label whose folded words are
  the value; ``sector:``, ``event:``, ``region:``, ``dept:``, ``lang:``, ``source:`` match
  codes; ``portfolio:NAME`` matches a linked company whose SIREN is in the portfolio;
- ``after:D`` keeps documents filed on or after D, ``before:D`` strictly before D (the
  date is the publication date, else the collection date, in UTC);
- the empty conjunction matches everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from myrtille.enrichment.names import company_key
from myrtille.index.base import IndexedDocument
from myrtille.index.query import And, DateBound, Field, Members, Node, Not, Or, Text, words_of
from myrtille.index.stems import STEM_LANGUAGES, STREAMS, stem_language, stems, stream_name

ENTITY_LABELS = {"org": "ORG", "person": "PER", "place": "LOC"}


@dataclass
class DocumentView:
    """A document's words and field values, computed once for many queries."""

    # Words by stream ("title", "text"), and stems by stream and language ("text_fr").
    streams: dict[str, list[str]]
    values: dict[str, set[str]]
    date: datetime | None


# The fields ``field:value`` terms name; every backend stores each document's values.
STRUCTURED_FIELDS = (
    "company",
    "org",
    "person",
    "place",
    "sector",
    "event",
    "region",
    "dept",
    "lang",
    "source",
)


def field_values(document: IndexedDocument) -> dict[str, set[str]]:
    """The values each structured field has in a document (also the facet values)."""
    values: dict[str, set[str]] = {name: set() for name in STRUCTURED_FIELDS}
    for company in document.companies:
        if company.get("siren"):
            values["company"].add(str(company["siren"]))
        key = company_key(str(company.get("name") or ""))
        if key:
            values["company"].add(key)
    for entity in document.entities:
        for field, label in ENTITY_LABELS.items():
            if entity.get("label") == label:
                value = " ".join(words_of(str(entity.get("text") or "")))
                if value:
                    values[field].add(value)
    values["sector"] = {s.lower() for s in document.sectors}
    values["event"] = {str(e.get("type")).lower() for e in document.events if e.get("type")}
    values["region"] = set(document.regions)
    values["dept"] = {d.lower() for d in document.departments}
    if document.language:
        values["lang"] = {document.language.lower()}
    values["source"] = {document.source.lower()}
    return values


def company_facets(document: IndexedDocument) -> list[tuple[str, str | None]]:
    """The company facet of a document: one (value, label) per company — its SIREN, else
    its name's comparable key — the first mention naming it. Every backend uses this."""
    facets: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for company in document.companies:
        value = company.get("siren") or company_key(str(company.get("name") or ""))
        if value and str(value) not in seen:
            seen.add(str(value))
            facets.append((str(value), company.get("name")))
    return facets


# Where a query word is looked for: each stream with the language it is stemmed in (None:
# the words as written), the title's alone for ``title:``.
SEARCHED: dict[str, tuple[tuple[str, str | None], ...]] = {
    field: tuple(
        (name, language)
        for part in parts
        for name, language in (
            (part, None),
            *((stream_name(part, lang), lang) for lang in STEM_LANGUAGES),
        )
    )
    for field, parts in (("any", STREAMS), ("title", ("title",)))
}


def word_streams(document: IndexedDocument) -> dict[str, list[str]]:
    """Every stream a document is searched in: its words, and its words' stems in the
    streams of its language (the others stay empty). Every backend indexes these."""
    words = {"title": words_of(document.title), "text": words_of(document.text)}
    streams = dict(words)
    language = stem_language(document.language)
    for part in STREAMS:
        for lang in STEM_LANGUAGES:
            streams[stream_name(part, lang)] = stems(words[part], lang) if lang == language else []
    return streams


def view(document: IndexedDocument) -> DocumentView:
    return DocumentView(
        streams=word_streams(document),
        values=field_values(document),
        date=document.date,
    )


def reduced(words: tuple[str, ...], language: str | None) -> tuple[str, ...]:
    """A query's words as a stream of ``language`` holds them (None: as written)."""
    return words if language is None else tuple(stems(words, language))


def _contains(stream: list[str], words: tuple[str, ...]) -> bool:
    if len(words) == 1:
        return words[0] in stream
    n = len(words)
    first = words[0]
    return any(stream[i : i + n] == list(words) for i, word in enumerate(stream) if word == first)


def matches(node: Node, document: IndexedDocument | DocumentView) -> bool:
    seen = document if isinstance(document, DocumentView) else view(document)
    return _match(node, seen)


def _match(node: Node, doc: DocumentView) -> bool:
    if isinstance(node, Text):
        return any(
            _contains(doc.streams[name], reduced(node.words, language))
            for name, language in SEARCHED[node.field]
            if doc.streams[name]
        )
    if isinstance(node, Field):
        return node.value in doc.values.get(node.name, set())
    if isinstance(node, Members):
        return not node.sirens.isdisjoint(doc.values.get("company", ()))
    if isinstance(node, DateBound):
        if doc.date is None:
            return False
        bound = datetime.combine(node.day, time.min, tzinfo=UTC)
        moment = doc.date if doc.date.tzinfo else doc.date.replace(tzinfo=UTC)
        return moment >= bound if node.name == "after" else moment < bound
    if isinstance(node, And):
        return all(_match(item, doc) for item in node.items)
    if isinstance(node, Or):
        return any(_match(item, doc) for item in node.items)
    if isinstance(node, Not):
        return not _match(node.item, doc)
    raise TypeError(f"not a query node: {node!r}")
