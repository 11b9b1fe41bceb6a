"""A subscription in plain words, in the subscriber's language: what a firm reads of its
watch ("Aéronautique · Occitanie · Levée de fonds — chaque jour") instead of the query.

The query is parsed into its AST; a top-level AND becomes " · ", an OR "ou"/"or", a
negation "sauf"/"except"; codes become the vocabulary's names, companies the registry's
names, keywords are quoted as typed. A query nested deeper than that (an AND inside an OR,
a negated group) is a "Custom search" followed by its keywords: never the syntax.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from myrtille.index.query import (
    And,
    DateBound,
    Field,
    Members,
    Node,
    Not,
    Or,
    QueryError,
    Text,
    ValueResolver,
    parse,
    tokenize,
    words_of,
)
from myrtille.store.companies import Company
from myrtille.texts import format_date, gettext, label

_KINDS = {"sector": "sector", "event": "event", "region": "region", "dept": "department"}


class _TooDeep(Exception):
    """The query nests more than plain words can say clearly."""


@cache
def default_resolver() -> ValueResolver:
    """The resolver stored queries were checked with (lexicons and gazetteer), built once."""
    from myrtille.index.resolver import CodeResolver

    class NamingResolver(CodeResolver):
        # A description names a portfolio; it need not read its companies.
        def portfolio(self, raw: str) -> Members:
            return Members(raw.strip().lower(), frozenset())

    return NamingResolver()


def describe(
    query: str,
    lang: str,
    frequency: str | None = None,
    *,
    companies: Mapping[str, str] | None = None,
    resolver: ValueResolver | None = None,
) -> str:
    """The plain-language description of ``query`` in ``lang``; ``companies`` maps the
    values of ``company:`` (SIREN or name key) to registry names (see
    :func:`company_names`)."""
    try:
        node = parse(query, resolver or default_resolver())
    except QueryError:
        # A stored query the lexicons no longer accept: its words, never its syntax.
        return _with_frequency(_custom(lang, _raw_words(query)), lang, frequency)
    words = _raw_phrases(query)
    try:
        text = _Describer(lang, companies or {}, words).top(node)
    except _TooDeep:
        text = _custom(
            lang, [_quoted(lang, words.get(t.words, " ".join(t.words))) for t in _texts(node)]
        )
    return _with_frequency(text, lang, frequency)


def company_names(session: Session, queries: Iterable[str]) -> dict[str, str]:
    """Registry names of the companies the queries name (by SIREN or by name key)."""
    values: set[str] = set()
    for query in queries:
        try:
            node = parse(query, default_resolver())
        except QueryError:
            continue
        values.update(f.value for f in _fields(node) if f.name == "company")
    if not values:
        return {}
    names: dict[str, str] = {}
    rows = session.execute(
        select(Company.id, Company.siren, Company.name).where(
            or_(Company.siren.in_(values), Company.id.in_(values))
        )
    )
    for company_id, siren, name in rows:
        for key in (company_id, siren):
            if key in values:
                names[key] = name
    return names


class _Describer:
    def __init__(
        self, lang: str, companies: Mapping[str, str], words: Mapping[tuple[str, ...], str]
    ):
        self.lang = lang
        self.companies = companies
        self.words = words

    def top(self, node: Node) -> str:
        items = node.items if isinstance(node, And) else (node,)
        return " · ".join(self.part(item) for item in items)

    def part(self, node: Node) -> str:
        if isinstance(node, Or):
            text = self.leaf(node.items[0])
            for item in node.items[1:]:
                text = gettext(self.lang, "{first} or {second}", first=text, second=self.leaf(item))
            return text
        if isinstance(node, Not):
            return gettext(self.lang, "except {what}", what=self.leaf(node.item))
        return self.leaf(node)

    def leaf(self, node: Node) -> str:
        if isinstance(node, Text):
            quoted = _quoted(self.lang, self.words.get(node.words, " ".join(node.words)))
            if node.field == "title":
                return gettext(self.lang, "in the title: {words}", words=quoted)
            return quoted
        if isinstance(node, Field):
            return self.field(node)
        if isinstance(node, Members):
            return gettext(self.lang, "companies of portfolio {name}", name=node.name)
        if isinstance(node, DateBound):
            day = format_date(node.day, self.lang)
            if node.name == "after":
                return gettext(self.lang, "since {day}", day=day)
            return gettext(self.lang, "before {day}", day=day)
        raise _TooDeep

    def field(self, node: Field) -> str:
        if node.name in _KINDS:
            value = node.value.upper() if node.name == "dept" else node.value
            return label(self.lang, _KINDS[node.name], value)
        if node.name == "company":
            return self.companies.get(node.value) or node.value
        if node.name == "lang":
            if node.value == "fr":
                return gettext(self.lang, "in French")
            if node.value == "en":
                return gettext(self.lang, "in English")
        if node.name == "source":
            return gettext(self.lang, "source {name}", name=node.value)
        # org, person, place: the name as given.
        return node.value


def _with_frequency(text: str, lang: str, frequency: str | None) -> str:
    if frequency == "immediate":
        when = gettext(lang, "immediately")
    elif frequency == "daily":
        when = gettext(lang, "every day")
    elif frequency == "weekly":
        when = gettext(lang, "every week")
    else:
        return text
    return gettext(lang, "{description} — {frequency}", description=text, frequency=when)


def _custom(lang: str, keywords: list[str]) -> str:
    if not keywords:
        return gettext(lang, "Custom search")
    return gettext(lang, "Custom search: {keywords}", keywords=" ".join(keywords))


def _quoted(lang: str, words: str) -> str:
    return gettext(lang, "“{words}”", words=words)


def _raw_phrases(query: str) -> dict[tuple[str, ...], str]:
    """The keywords as the person typed them (accents, capitals), by their folded words:
    the AST keeps only the folded form."""
    try:
        tokens = tokenize(query)
    except QueryError:
        return {}
    return {
        tuple(words_of(token.text)): token.text.strip()
        for token in tokens
        if token.kind in ("word", "phrase")
    }


def _raw_words(query: str) -> list[str]:
    # Only letters and digits: a query that does not parse may be mostly syntax.
    return [" ".join(words_of(query))] if words_of(query) else []


def _texts(node: Node) -> list[Text]:
    if isinstance(node, Text):
        return [node]
    if isinstance(node, And | Or):
        return [text for item in node.items for text in _texts(item)]
    if isinstance(node, Not):
        return []  # what is excluded is not what the watch is about
    return []


def _fields(node: Node) -> list[Field]:
    if isinstance(node, Field):
        return [node]
    if isinstance(node, And | Or):
        return [field for item in node.items for field in _fields(item)]
    if isinstance(node, Not):
        return _fields(node.item)
    return []
