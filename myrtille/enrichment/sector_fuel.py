"""What a vehicle or a machine runs on: no evidence of the fuel's sector.

"LNG-powered ships", "buses running on biofuel", "Transports Garnier roule au biogaz",
"des camions fonctionnant au bioGNV", "navettes propulsées à l'hydrogène" are transport
news. Moved out of sectors.py (session 20), which had reached its size.
"""

from __future__ import annotations

from spacy.tokens import Doc

FUEL_SECTOR = "energy"
FUEL_AFTER = frozenset({"power", "fuel", "powered", "fuelled", "fueled"})
FUEL_BEFORE = frozenset({"power", "powered", "run", "running", "propulsion"})
FUEL_VERBS = ("roul", "fonctionn", "propuls")  # rouler, fonctionner, propulser: any form
FUEL_LINKS = frozenset({"au", "aux", "a", "à", "by", "on"})
# Articles (lemmas), which `fuel` skips before the term and `sectors` reads around trade
# nouns.
DETERMINERS = frozenset({"le", "la", "les", "l'", "the"})


def fuel(doc: Doc, start: int, end: int) -> bool:
    """Whether the term names what a vehicle or machine runs on ("LNG-powered", "powered
    by hydrogen", "running on biofuel", "roule au biogaz", "à propulsion hydrogène")."""
    after = [t.lemma_.lower() for t in doc[end : end + 2]]
    if after[:1] and (
        after[0] in FUEL_AFTER or (after[0] == "-" and after[1:2] and after[1] in FUEL_AFTER)
    ):
        return True
    before = [t.lemma_.lower() for t in doc[max(start - 3, 0) : start]]
    if before and before[-1] in DETERMINERS:
        before.pop()
    if len(before) < 2:
        return False
    if before[-1] == "propulsion" and before[-2] in ("a", "à"):
        return True
    return before[-1] in FUEL_LINKS and (
        before[-2] in FUEL_BEFORE or before[-2].startswith(FUEL_VERBS)
    )
