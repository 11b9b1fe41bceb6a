"""An import-linter contract: no import cycle between the modules of a package.

import-linter's ``acyclic_siblings`` forbids cycles between the children of each package
but not between a package's ``__init__`` and its own children (``myrtille.cli`` importing
``myrtille.cli.alerts``, which imports ``myrtille.cli`` back). This contract looks at every
module: any strongly connected set of them is one cycle to break. Imports inside functions
count (grimp sees them): moving an import into a function hides a cycle, it does not
remove it.
"""

from __future__ import annotations

import grimp
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


def module_cycles(graph: grimp.ImportGraph, package: str) -> list[tuple[str, ...]]:
    """One shortest cycle per strongly connected set of modules under ``package``."""
    inside = {m for m in graph.modules if m == package or m.startswith(f"{package}.")}
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & inside) for m in inside}
    cycles = []
    for group in _strongly_connected(edges):
        if len(group) > 1:
            cycles.append(_shortest_cycle(graph, group, edges))
    return sorted(cycles)


def _strongly_connected(edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (the package is deeper than Python's recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            if position < len(targets):
                work.append((node, position + 1))
                target = targets[position]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return groups


def _shortest_cycle(
    graph: grimp.ImportGraph, group: list[str], edges: dict[str, list[str]]
) -> tuple[str, ...]:
    """The shortest way round through the group's first module, as importer chain."""
    start = group[0]
    best: tuple[str, ...] | None = None
    for target in edges[start]:
        if target not in group:
            continue
        back = graph.find_shortest_chain(importer=target, imported=start)
        if back is not None and (best is None or len(back) - 1 < len(best)):
            best = (start, *back[:-1])
    assert best is not None, f"{start} is in a cycle but none was found"
    return best


class ModuleCyclesContract(Contract):
    """``packages``: the packages whose modules must not import each other in a circle."""

    type_name = "module_cycles"

    packages = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        cycles = [cycle for package in self.packages for cycle in module_cycles(graph, package)]  # type: ignore[attr-defined]
        return ContractCheck(kept=not cycles, metadata={"cycles": cycles})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for cycle in check.metadata["cycles"]:
            output.print_error("Import cycle: " + " -> ".join((*cycle, cycle[0])))
            output.new_line()
        output.print_error(
            "Break each cycle by moving what both sides need into a module below them "
            "(docs/architecture.md), not by moving an import into a function."
        )
