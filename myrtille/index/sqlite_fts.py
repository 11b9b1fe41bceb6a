"""The text part of a query as one FTS5 ``MATCH`` expression, for the SQLite index.

Asking FTS5 once for ``usine AND emploi`` walks the full-text index once and hands back
the row ids with their bm25 score; one ``IN (SELECT rowid … MATCH …)`` per word walks it
once per word and ranks nothing. Only what FTS5 can say with the exact semantics of
``matching.py`` goes into the expression: a word or a phrase of the four word streams
(the title only for ``title:``), AND, OR, and ``NOT`` under an AND that also has a
positive part (FTS5's NOT is binary). Fields, dates, a lone NOT and the empty AND/OR stay
SQL conditions on ``docs``.

Results are ranked by bm25 of the OR of the query's phrases (``ranking_phrases``). bm25
sums one term per phrase of the expression, in written order, from the phrase's hits in
the row; a phrase FTS5 reports no hit for adds exactly 0.0. FTS5 reports the hits of a
phrase only where its branch of the expression matched the row: every branch of an OR of
phrases, every branch of a matching AND, no excluded phrase. So an expression whose ORs
and NOTs hold only phrases and ORs (``exact``), and whose positive phrases are the ranking
phrases in the same order, scores every row it matches as the ranking expression does, to
the bit; an AND under an OR would drop the hits of a failed branch, and is scored apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from myrtille.index.matching import SEARCHED, reduced
from myrtille.index.query import And, Node, Not, Or, Text
from myrtille.index.stems import STEM_LANGUAGES, STREAMS, stream_name

# The FTS5 columns: the words of the title and the text, then their stems per language.
COLUMNS = (*STREAMS, *(stream_name(part, lang) for lang in STEM_LANGUAGES for part in STREAMS))


@dataclass(frozen=True)
class Expression:
    """An FTS5 expression and its positive phrases (not under NOT), in written order.
    ``flat``: phrases and ORs only; ``exact``: bm25 as the OR of the positive phrases."""

    text: str
    phrases: tuple[str, ...]
    flat: bool = True
    exact: bool = True


@dataclass(frozen=True)
class Plan:
    """How to find a query's documents: the rows of ``match`` (when there is one) that
    also satisfy every node of ``rest``."""

    match: Expression | None
    rest: tuple[Node, ...]


def phrase(node: Text) -> str:
    """The words as written in the word columns, OR their stems in each language's
    columns: one parenthesised group, which the expressions below treat as one phrase."""
    groups: dict[str | None, list[str]] = {}
    for name, language in SEARCHED[node.field]:
        groups.setdefault(language, []).append(name)
    # Words (and stems) are letters and digits only (words_of), so quoting them is safe.
    return (
        "("
        + " OR ".join(
            f'{{{" ".join(names)}}} : "{" ".join(reduced(node.words, language))}"'
            for language, names in groups.items()
        )
        + ")"
    )


def ranking_phrases(node: Node) -> tuple[str, ...]:
    """The phrases a query looks for (not those it excludes), in the order of the query:
    bm25 of their OR ranks the results."""
    if isinstance(node, Text):
        return (phrase(node),)
    if isinstance(node, And | Or):
        return tuple(p for item in node.items for p in ranking_phrases(item))
    return ()


def expression(node: Node) -> Expression | None:
    """``node`` as one FTS5 expression with the same meaning, or None if FTS5 cannot say it."""
    if isinstance(node, Text):
        text = phrase(node)
        return Expression(text, (text,))
    if isinstance(node, Or):
        parts = [expression(item) for item in node.items]
        if not parts or any(part is None for part in parts):
            return None
        flat = all(part.flat for part in parts)  # type: ignore[union-attr]
        return _joined(" OR ", parts, flat=flat, exact=flat)  # type: ignore[arg-type]
    if isinstance(node, And):
        found, rest = _conjunction(node.items)
        return found if not rest else None
    return None


def plan(node: Node) -> Plan:
    """The FTS5 expression that drives the search, and what SQL must still check."""
    if isinstance(node, And):
        found, rest = _conjunction(node.items)
        return Plan(found, tuple(rest)) if found is not None else Plan(None, (node,))
    found = expression(node)
    return Plan(found, ()) if found is not None else Plan(None, (node,))


def _conjunction(items: Sequence[Node]) -> tuple[Expression | None, list[Node]]:
    """The FTS5 expression of what it can say of an AND (positives, then NOT each
    exclusion), and the items left over. None when there is nothing positive to say."""
    positives: list[Expression] = []
    exclusions: list[Expression] = []
    rest: list[Node] = []
    for item in items:
        excluded = expression(item.item) if isinstance(item, Not) else None
        found = None if isinstance(item, Not) else expression(item)
        if excluded is not None:
            exclusions.append(excluded)
        elif found is not None:
            positives.append(found)
        else:
            rest.append(item)
    if not positives:
        return None, list(items)
    # An excluded AND may leave one of its phrases on the row; only flat exclusions are
    # surely silent.
    exact = all(part.exact for part in positives) and all(e.flat for e in exclusions)
    flat = len(positives) == 1 and positives[0].flat
    found = _joined(" AND ", positives, flat=flat, exact=exact)
    if not exclusions:
        return found, rest
    # NOT binds tighter than AND and OR in FTS5: the positive part goes in parentheses.
    text = f"({found.text})" + "".join(f" NOT {_operand(excluded)}" for excluded in exclusions)
    return Expression(text, found.phrases, flat=False, exact=exact), rest


def _joined(operator: str, parts: Sequence[Expression], *, flat: bool, exact: bool) -> Expression:
    if len(parts) == 1:
        return parts[0]
    return Expression(
        operator.join(_operand(part) for part in parts),
        tuple(p for part in parts for p in part.phrases),
        flat=flat,
        exact=exact,
    )


def _operand(part: Expression) -> str:
    # A lone phrase needs no parentheses; fewer keep deep queries within FTS5's parser stack.
    return part.text if part.phrases == (part.text,) else f"({part.text})"
