"""A vehicle's fuel named with the vehicle, without a verb: "un locotracteur à hydrogène".

`sectors._fuel` reads a verb or a participle of running on a fuel ("powered by hydrogen",
"roule au biogaz"). French also names the fuel with "à" after the vehicle itself ("un
locotracteur à hydrogène", "des bus au bioGNV", "une navette à pile à combustible") and
English before it ("hydrogen trains", "hydrogen-capable trains"): the text is about the
vehicle, its maker or its operator, and the fuel is no energy news of its own. In
news13, a rolling-stock maker's hydrogen shunter was filed under transport alone by its
annotator, and the energy sector came only from such words.
"""

from __future__ import annotations

from spacy.tokens import Doc

Mention = tuple[str, int, int]  # (sector code, start, end)

# Sectors whose terms name vehicles (and much else: a rule that only looks at what stands
# right beside an energy term).
VEHICLE_SECTORS = frozenset({"transport", "automotive", "aeronautics"})
# "à", "au", "aux" before the fuel; "pile à" for a fuel cell ("à pile à combustible").
LINKS = frozenset({"a", "à", "au", "aux"})
CELL = frozenset({"pile", "piles"})
# What may stand between the vehicle and its "à": one qualifier with its "de" ("un
# locotracteur de manœuvre à hydrogène") or an adjective ("des bus urbains à hydrogène").
BETWEEN = frozenset({"de", "d'", "du"})
# English: the fuel before the vehicle, written with "-capable", "-ready", "-fuelled"...
ENGLISH_JOINS = frozenset({"-", "capable", "ready", "compatible"})


def vehicle_fuel(doc: Doc, start: int, end: int, mentions: list[Mention]) -> bool:
    """Whether the energy term at ``start:end`` names what a vehicle named beside it runs
    on: "locotracteur à hydrogène", "bus urbains au bioGNV", "hydrogen(-capable) trains"."""
    vehicles = [(s, e) for code, s, e in mentions if code in VEHICLE_SECTORS]
    if not vehicles:
        return False
    ends = {e for _, e in vehicles}
    starts = {s for s, _ in vehicles}
    i = start - 1
    if i >= 1 and doc[i].lower_ in LINKS and doc[i - 1].lower_ in CELL:
        i -= 2  # "à pile à combustible"
    if i >= 0 and doc[i].lower_ in LINKS:
        j = i  # the vehicle ends right before "à", or before "de X à" / an adjective
        if j in ends:
            return True
        if j - 1 in ends and doc[j - 1].pos_ == "ADJ":
            return True
        if j - 2 in ends and doc[j - 2].lower_ in BETWEEN:
            return True
    k = end
    while k < len(doc) and k - end < 2 and doc[k].lower_ in ENGLISH_JOINS:
        k += 1
    return k in starts and doc.lang_ == "en"
