"""Urgent legal notices: an insolvency, closure or sale of business published about a
company of a portfolio that a subscription's query names is sent at once, even to a daily
or weekly subscriber, and marked urgent (see docs/portfolios.md)."""

from __future__ import annotations

from myrtille.index.base import IndexedDocument
from myrtille.index.query import And, Members, Node, Or

# Event types of legal notices that cannot wait for a digest: collective proceedings,
# closure (radiation, liquidation, dissolution) and the sale of the business ("vente").
URGENT_EVENTS = frozenset({"insolvency", "closure", "acquisition"})


def portfolio_sirens(node: Node) -> frozenset[str]:
    """The SIRENs of the portfolios a query looks for (not those it excludes)."""
    if isinstance(node, Members):
        return node.sirens
    if isinstance(node, And | Or):
        found: set[str] = set()
        for item in node.items:
            found |= portfolio_sirens(item)
        return frozenset(found)
    return frozenset()


def names_portfolio(node: Node) -> bool:
    """Whether a query looks for a portfolio's companies (``portfolio:NAME`` not excluded):
    its subscription's ``urgent`` setting is then on by default."""
    if isinstance(node, Members):
        return True
    if isinstance(node, And | Or):
        return any(names_portfolio(item) for item in node.items)
    return False


def is_urgent(document: IndexedDocument, sirens: frozenset[str]) -> bool:
    """A legal notice carrying an urgent event about one of ``sirens``."""
    if not sirens or document.kind != "notice":
        return False
    linked = {str(c["siren"]) for c in document.companies if c.get("siren")}
    for event in document.events:
        if str(event.get("type") or "") not in URGENT_EVENTS:
            continue
        about = {str(event["siren"])} if event.get("siren") else linked
        if not about.isdisjoint(sirens):
            return True
    return False
