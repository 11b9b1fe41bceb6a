"""The query language: a parser from text to an AST, with errors that say where and why.

    airbus safran              both words (implicit AND); case- and accent-insensitive
    airbus OR safran           either
    "levée de fonds"           phrase
    -rumeur   NOT rumeur       exclusion
    ( … )                      grouping
    company:SIREN-or-name  org:NAME  person:NAME  place:NAME  portfolio:NAME
    sector:CODE  event:TYPE  region:CODE-or-NAME  dept:CODE-or-NAME
    lang:fr  source:ID  title:word  title:"a phrase"
    after:2026-01-01  before:2026-02-01

Characters that mean something to search engines (``*``, ``^``, ``:`` inside a word,
``NEAR``) are text here. The backends translate the AST; ``matching.py`` evaluates it
against one document and defines the semantics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from myrtille.config.suggestions import closest
from myrtille.index.problems import QueryProblem
from myrtille.pipeline.normalise import words_of

MAX_QUERY_CHARS = 2000
MAX_TERMS = 64

TEXT_FIELDS = ("title",)
ENTITY_FIELDS = ("company", "org", "person", "place")
CODE_FIELDS = ("sector", "event", "region", "dept", "lang", "source")
DATE_FIELDS = ("after", "before")
SET_FIELDS = ("portfolio",)
FIELDS = (*TEXT_FIELDS, *ENTITY_FIELDS, *CODE_FIELDS, *DATE_FIELDS, *SET_FIELDS)


class QueryError(ValueError):
    """A query that cannot be understood: the message says where and why (in English, for
    the API and the CLI); ``problem.text(lang)`` says it in a page's language."""

    def __init__(self, problem: QueryProblem, position: int, query: str) -> None:
        self.problem = problem
        self.message = str(problem)
        self.position = position
        self.query = query
        super().__init__(f"{self.message} (at position {position + 1})")

    def text(self, lang: str) -> str:
        return self.problem.text(lang)

    def pointer(self) -> str:
        """The query with a caret under the problem, for terminals."""
        return f"{self.query}\n{' ' * self.position}^"


# -- the AST --------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Words to find in the text (or the title); several words form a phrase."""

    words: tuple[str, ...]
    field: Literal["any", "title"] = "any"


@dataclass(frozen=True)
class Field:
    """A structured field: company, sector, event, region… with a normalised value."""

    name: str
    value: str


@dataclass(frozen=True)
class DateBound:
    name: Literal["after", "before"]
    day: date


@dataclass(frozen=True)
class Members:
    """``portfolio:NAME`` resolved: documents mentioning a company whose SIREN is in
    ``sirens`` (the portfolio as it stood when the query was parsed)."""

    name: str
    sirens: frozenset[str]


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Text | Field | DateBound | Members | And | Or | Not


# -- words ----------------------------------------------------------------------------


# -- tokens ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: Literal["word", "phrase", "field", "lparen", "rparen", "or", "and", "not", "minus"]
    text: str
    position: int


_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")


def tokenize(query: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char.isspace():
            i += 1
        elif char == "(":
            tokens.append(Token("lparen", char, i))
            i += 1
        elif char == ")":
            tokens.append(Token("rparen", char, i))
            i += 1
        elif char == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError(QueryProblem("unbalanced_quote"), i, query)
            tokens.append(Token("phrase", query[i + 1 : end], i))
            i = end + 1
        elif (
            char == "-"
            and i + 1 < n
            and not query[i + 1].isspace()
            and (not tokens or query[i - 1].isspace() or query[i - 1] == "(")
        ):
            tokens.append(Token("minus", char, i))
            i += 1
        else:
            match = _FIELD_PREFIX.match(query, i)
            if match and match.group(1).lower() in FIELDS:
                tokens.append(Token("field", match.group(1).lower(), i))
                i = match.end()
                continue
            if match and match.end() < n and not query[match.end()].isspace():
                raise QueryError(unknown_field(match.group(1)), i, query)
            start = i
            while i < n and not query[i].isspace() and query[i] not in '()"':
                i += 1
            word = query[start:i]
            upper = word.upper()
            kind = {"OR": "or", "AND": "and", "NOT": "not"}.get(word) if upper == word else None
            tokens.append(Token(kind or "word", word, start))  # type: ignore[arg-type]
    return tokens


def unknown_field(name: str) -> QueryProblem:
    close = closest(name.lower(), FIELDS)
    if close:
        return QueryProblem("unknown_field_guess", name=name, guess=close, fields=", ".join(FIELDS))
    return QueryProblem("unknown_field", name=name, fields=", ".join(FIELDS))


# -- the parser -----------------------------------------------------------------------


class Parser:
    def __init__(self, query: str, resolver: ValueResolver | None = None) -> None:
        self.query = query
        self.tokens = tokenize(query)
        self.i = 0
        self.resolver = resolver or ValueResolver()
        self.terms = 0

    def error(self, problem: QueryProblem, position: int | None = None) -> QueryError:
        if position is None:
            position = (
                self.tokens[self.i].position if self.i < len(self.tokens) else len(self.query)
            )
        return QueryError(problem, position, self.query)

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Node:
        if not self.tokens:
            raise QueryError(QueryProblem("empty_query"), 0, self.query)
        node = self.or_expr()
        token = self.peek()
        if token is not None:
            if token.kind == "rparen":
                raise self.error(QueryProblem("unmatched_close"))
            raise self.error(QueryProblem("unexpected", text=token.text))
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.i += 1
            if self.peek() is None or self.peek().kind in ("or", "rparen"):  # type: ignore[union-attr]
                raise self.error(QueryProblem("both_sides", operator="OR"), token.position)
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        items = [self.unary()]
        while (token := self.peek()) is not None and token.kind not in ("or", "rparen"):
            if token.kind == "and":
                self.i += 1
                if self.peek() is None:
                    raise self.error(QueryProblem("both_sides", operator="AND"), token.position)
            items.append(self.unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise self.error(QueryProblem("ends_early"))
        if token.kind in ("minus", "not"):
            self.i += 1
            if self.peek() is None or self.peek().kind in ("or", "and", "rparen"):  # type: ignore[union-attr]
                raise self.error(
                    QueryProblem("nothing_to_exclude", operator=token.text), token.position
                )
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        token = self.peek()
        assert token is not None
        self.i += 1
        if token.kind == "lparen":
            if self.peek() is not None and self.peek().kind == "rparen":  # type: ignore[union-attr]
                raise self.error(QueryProblem("empty_parentheses"), token.position)
            node = self.or_expr()
            closing = self.peek()
            if closing is None or closing.kind != "rparen":
                raise self.error(QueryProblem("unclosed"), token.position)
            self.i += 1
            return node
        if token.kind == "rparen":
            raise self.error(QueryProblem("unmatched_close"), token.position)
        if token.kind == "field":
            return self.field(token)
        if token.kind in ("and", "or"):
            raise self.error(QueryProblem("both_sides", operator=token.text), token.position)
        return self.text(token.text, token.position, "any")

    def text(self, raw: str, position: int, field: Literal["any", "title"]) -> Node:
        words = tuple(words_of(raw))
        if not words:
            # Only punctuation ("*", "^", ":"): nothing to find; it constrains nothing.
            return And(())
        self.terms += len(words)
        if self.terms > MAX_TERMS:
            raise self.error(QueryProblem("too_many_words", limit=MAX_TERMS), position)
        return Text(words, field)

    def field(self, token: Token) -> Node:
        value_token = self.peek()
        if (
            value_token is None
            or value_token.kind not in ("word", "phrase")
            or value_token.position != token.position + len(token.text) + 1
        ):
            raise self.error(
                QueryProblem("needs_value", field=token.text, example=EXAMPLES[token.text]),
                token.position,
            )
        self.i += 1
        raw = value_token.text
        if token.text == "title":
            return self.text(raw, value_token.position, "title")
        if token.text in DATE_FIELDS:
            try:
                day = date.fromisoformat(raw)
            except ValueError:
                raise self.error(
                    QueryProblem("not_a_date", value=raw), value_token.position
                ) from None
            return DateBound(token.text, day)  # type: ignore[arg-type]
        if token.text == "portfolio":
            try:
                return self.resolver.portfolio(raw)
            except ValueError as exc:
                raise self.error(as_problem(exc), value_token.position) from None
        try:
            value = self.resolver.resolve(token.text, raw)
        except ValueError as exc:
            raise self.error(as_problem(exc), value_token.position) from None
        return Field(token.text, value)


def as_problem(exc: ValueError) -> QueryProblem:
    """A resolver's refusal; one from another resolver is shown as it was written."""
    return exc if isinstance(exc, QueryProblem) else QueryProblem("as_written", text=str(exc))


EXAMPLES = {
    "title": 'title:usine or title:"levée de fonds"',
    "company": "company:919985002",
    "org": "org:bpifrance",
    "person": 'person:"claire martin"',
    "place": "place:toulouse",
    "sector": "sector:energy",
    "event": "event:acquisition",
    "region": "region:occitanie",
    "dept": "dept:31",
    "lang": "lang:fr",
    "source": "source:eco-regions",
    "portfolio": "portfolio:clients",
    "after": "after:2026-01-01",
    "before": "before:2026-02-01",
}


class ValueResolver:
    """Normalises field values: region names to INSEE codes, sector names to codes…
    The base class only folds; ``resolver.py`` knows the lexicons and the gazetteer."""

    def resolve(self, field: str, raw: str) -> str:
        value = " ".join(words_of(raw)) if field in ENTITY_FIELDS else raw.strip().lower()
        if not value:
            raise QueryProblem("not_a_value", value=raw, field=field)
        return value

    def portfolio(self, raw: str) -> Members:
        """The companies of portfolio ``raw``; the base class knows no portfolios."""
        raise QueryProblem("no_portfolios", value=raw)


def parse(query: str, resolver: ValueResolver | None = None) -> Node:
    """The AST of ``query``; raises QueryError with a position and an explanation."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            QueryProblem("too_long", limit=MAX_QUERY_CHARS),
            MAX_QUERY_CHARS,
            query[:MAX_QUERY_CHARS],
        )
    node = Parser(query, resolver).parse()
    if is_empty(node):
        raise QueryError(QueryProblem("nothing_to_search"), 0, query)
    return node


# What a blank search means: every document. With no words to rank by, every backend
# sorts it newest first, and ``matching.matches`` holds it true of any document.
EVERYTHING: Node = And(())


def parse_search(query: str, resolver: ValueResolver | None = None) -> Node:
    """A search's query: a blank one is EVERYTHING. A subscription's query goes through
    ``parse``, which refuses blank: alerting on every document is never what was meant."""
    if not query.strip():
        return EVERYTHING
    return parse(query, resolver)


def is_empty(node: Node) -> bool:
    """True for what constrains nothing (a query of punctuation only)."""
    if isinstance(node, And | Or):
        return all(is_empty(item) for item in node.items)
    if isinstance(node, Not):
        return is_empty(node.item)
    return False
