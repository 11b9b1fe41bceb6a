"""Build ``demonyms.csv``: the names of the inhabitants of French regions, departments and
communes ("toulousain", "les Nantais", "drômoise", "Bretons") and their English forms.

Build-time only: nothing in the ``myrtille`` package imports this file.

How the list is made
--------------------
1. **Generated.** For every region, department and commune of the gazetteer (and the
   one-word aliases of regions and departments: "Normandie", "Alsace"), the usual French
   suffixes are put on the name's stems (``-ais``, ``-ois``, ``-ien``, ``-ain``, ``-in``,
   ``-éen``, ``-ard``, with the last consonant doubled or not): "Toulouse" -> toulousain,
   "Drôme" -> drômois, "Le Havre" -> havrais, "Lyon" -> lyonnais. A candidate is kept only
   when it is a word of the French spaCy model's vocabulary (``fr_core_news_md``, which
   gives vectors to words of its training corpus), so that made-up forms ("toursien")
   never enter the list.
2. **Irregular forms** that no suffix gives (Bordeaux -> bordelais, Saint-Étienne ->
   stéphanois, Bretagne -> breton) are written below by hand, as are the English forms
   ("Parisian", "Alsatian").
3. Every form is inflected (feminine, plurals) and written with its place; a form that
   also names a foreign city's people ("viennois": Vienna) gets the ``name`` rule of
   ``names.csv``.

A form that two places give (a region's and a commune's) goes to the first one found:
regions, then departments, then communes by population, as for names.

Usage (from the repository, with the project's virtualenv)::

    .venv/bin/python myrtille/config/data/geography/build_demonyms.py
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUFFIXES = ("ais", "ois", "ien", "ain", "éen", "in")

# Forms no suffix rule gives. place is kind:INSEE code, as in names.csv.
IRREGULAR: dict[str, str] = {
    "bordelais": "commune:33063",
    "stéphanois": "commune:42218",
    "tourangeau": "commune:37261",
    "angevin": "commune:49007",
    "manceau": "commune:72181",
    "sochalien": "commune:25547",
    "messin": "commune:57463",
    "nancéien": "commune:54395",
    "rémois": "commune:51454",
    "bisontin": "commune:25056",
    "briochin": "commune:22278",
    "malouin": "commune:35288",
    "berruyer": "commune:18033",
    "castelroussin": "commune:36044",
    "ruthénois": "commune:12202",
    "valentinois": "commune:26362",
    "biterrois": "commune:34032",
    "sétois": "commune:34301",
    "aixois": "commune:13001",
    "montpelliérain": "commune:34172",
    "limougeaud": "commune:87085",
    "marseillais": "commune:13055",
    "lyonnais": "commune:69123",
    "nazairien": "commune:44184",
    "vannetais": "commune:56260",
    "lavallois": "commune:53130",
    "chartrain": "commune:28085",
    "blésois": "commune:41018",
    "dacquois": "commune:40088",
    "montalbanais": "commune:82121",
    "carcassonnais": "commune:11069",
    "avignonnais": "commune:84007",
    "toulonnais": "commune:83137",
    "troyen": "commune:10387",
    "annécien": "commune:74010",
    "chambérien": "commune:73065",
    "palois": "commune:64445",
    "niçois": "commune:06088",
    # Clermont-Ferrand's, not Clermont's (Oise).
    "clermontois": "commune:63113",
    "breton": "region:53",
    "normand": "region:28",
    # The two Savoie departments (the Arve valley's "décolleteurs savoyards" are in 74).
    "savoyard": "region:84",
    "francilien": "region:11",
    "auvergnat": "region:84",
    "ligérien": "department:42",
    "corse": "region:94",
    "réunionnais": "region:04",
    "guadeloupéen": "region:01",
    "martiniquais": "region:02",
    "guyanais": "region:03",
    "mahorais": "region:06",
    "alsacien": "region:44",
    "lorrain": "region:44",
    "champenois": "region:44",
    "picard": "region:32",
    "nordiste": "department:59",
    "provençal": "region:93",
    "bourguignon": "region:27",
    "franc-comtois": "region:27",
    "poitevin": "region:75",
    "charentais": "region:75",
    "limousin": "region:75",
    "aquitain": "region:75",
    "occitan": "region:76",
    "basque": "department:64",
    "béarnais": "department:64",
    "landais": "department:40",
    "périgourdin": "department:24",
    "girondin": "department:33",
    "vendéen": "department:85",
    "finistérien": "department:29",
    "morbihannais": "department:56",
    "costarmoricain": "department:22",
    "ardéchois": "department:07",
    "drômois": "department:26",
    "isérois": "department:38",
    "aveyronnais": "department:12",
    "héraultais": "department:34",
    "gardois": "department:30",
    "tarnais": "department:81",
    "gersois": "department:32",
    "lotois": "department:46",
    "ariégeois": "department:09",
    "mosellan": "department:57",
    "vosgien": "department:88",
    "ardennais": "department:08",
    "axonais": "department:02",
    "isarien": "department:60",
    "seine-et-marnais": "department:77",
    "alto-séquanais": "department:92",
    "séquano-dionysien": "department:93",
    "val-de-marnais": "department:94",
    "essonnien": "department:91",
    "yvelinois": "department:78",
    "val-d'oisien": "department:95",
    "eurois": "department:27",
    "ornais": "department:61",
    "manchois": "department:50",
    "calvadosien": "department:14",
    "sarthois": "department:72",
    "mayennais": "department:53",
    "icaunais": "department:89",
    "nivernais": "department:58",
    "jurassien": "department:39",
    "doubien": "department:25",
    "haut-savoyard": "department:74",
    "haut-rhinois": "department:68",
    "bas-rhinois": "department:67",
    "varois": "department:83",
    "vauclusien": "department:84",
    "azuréen": "region:93",
    "cantalien": "department:15",
    "altiligérien": "department:43",
    "bourbonnais": "department:03",
    "corrézien": "department:19",
    "creusois": "department:23",
    "berrichon": "region:24",
    "solognot": "region:24",
    "tourangelle": "commune:37261",
    # Prefectures and large towns whose inhabitants' name no suffix gives or the model
    # lacks ("le groupe strasbourgeois", "l'hôtelier ajaccien").
    "strasbourgeois": "commune:67482",
    "amiénois": "commune:80021",
    "quimpérois": "commune:29232",
    "rochelais": "commune:17300",
    "angoumoisin": "commune:16015",
    "ajaccien": "commune:2A004",
    "bastiais": "commune:2B033",
    "gapençais": "commune:05061",
    "cherbourgeois": "commune:50129",
    "hyérois": "commune:83069",
    "créteillois": "commune:94028",
    "figeacois": "commune:46102",
    "lédonien": "commune:39300",
    "vésulien": "commune:70550",
    "spinalien": "commune:88160",
    "carolomacérien": "commune:08105",
    "ébroïcien": "commune:27229",
    "cadurcien": "commune:46042",
    "auscitain": "commune:32013",
    "compiégnois": "commune:60159",
    "vierzonnais": "commune:18279",
    "lozérien": "department:48",
}
# English: the adjective and its noun (plural with -s), hand-written.
ENGLISH: dict[str, str] = {
    "Parisian": "commune:75056",
    "Lyonnais": "commune:69123",
    "Marseillais": "commune:13055",
    "Corsican": "region:94",
    "Alsatian": "region:44",
    "Burgundian": "region:27",
    "Provençal": "region:93",
    "Provencal": "region:93",
    "Savoyard": "region:84",
    "Basque": "department:64",
    "Lorrainer": "region:44",
    "Auvergnat": "region:84",
    "Picard": "region:32",
    "Réunionese": "region:04",
    "Reunionese": "region:04",
    "Guadeloupean": "region:01",
    "Martinican": "region:02",
    "Guianese": "region:03",
    "Breton": "region:53",
    "Norman": "region:28",
}
# Forms that also name a foreign city's people ("viennois": Vienna): they need another
# place of their department in the document, as the "name" rule of names.csv says.
FOREIGN_TOO = frozenset({"viennois"})
# Generated forms that are other words first ("corse" is the region's own name).
# Forms that also name a foreign city's people ("viennois": Vienna): they need another
# place of their department in the document, as the "name" rule of names.csv says.
FOREIGN_TOO = frozenset({"viennois"})
# Generated forms that are other words first (harnais, bourgeois, moulin), first names
# (lucien, aubin) or foreign demonyms (bernois, colombien, valencien): reviewed by hand.
NOT_DEMONYMS = frozenset(
    {"antonin", "aubin", "balmain", "bernois", "bourgeois", "brugeois", "colombien"}
    | {"gagnais", "gardais", "guyanien", "harnais", "limin", "lucien", "mannois", "marais"}
    | {"marlin", "massais", "moulin", "nordien", "ornain", "portais", "passais", "aurais"}
    | {"valencien", "creusais", "orangeais", "centrais", "marin", "romain"}
)


def main() -> None:
    import spacy

    vocabulary = spacy.load("fr_core_news_md").vocab
    words = {vocabulary.strings[key] for key in vocabulary.vectors.key2row}
    rows: dict[str, tuple[str, str]] = {}
    for base, reference in _bases():
        for form in _candidates(base):
            if form in words and form not in NOT_DEMONYMS and _fold(form) != _fold(base):
                rows.setdefault(form, (reference, "generated"))
    for form, reference in IRREGULAR.items():
        rows[form] = (reference, "irregular")
    with (HERE / "demonyms.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "place", "rule", "why"])
        for form, (reference, why) in sorted(rows.items()):
            rule = "name" if form in FOREIGN_TOO else ""
            for inflected in _inflections(form):
                writer.writerow([inflected, reference, rule, why])
        for name, reference in sorted(ENGLISH.items()):
            plural = () if name.endswith(("ais", "ese", "-based")) else (name + "s",)
            for inflected in (name, *plural):
                writer.writerow([inflected, reference, "", "english"])


def _bases() -> list[tuple[str, str]]:
    bases: list[tuple[str, str]] = []
    with (HERE / "regions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for name in [row["name"], *row["aliases"].split("|")]:
                if name and " " not in name.strip():
                    bases.append((name.strip(), f"region:{row['code']}"))
    with (HERE / "departments.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for name in [row["name"], *row["aliases"].split("|")]:
                if name and " " not in name.strip() and "-" not in name:
                    bases.append((name.strip(), f"department:{row['code']}"))
    with (HERE / "communes.csv").open(encoding="utf-8") as handle:
        communes = sorted(csv.DictReader(handle), key=lambda r: -int(r["population"] or 0))
    for row in communes:
        name = row["name"]
        for article in ("Le ", "La ", "Les ", "L'"):
            name = name.removeprefix(article)
        if " " not in name and "-" not in name and "'" not in name:
            bases.append((name, f"commune:{row['insee']}"))
    return bases


def _candidates(base: str) -> set[str]:
    word = base.lower()
    stems = {word}
    for ending in ("es", "e", "s", "x", "ie", "ne", "y", "ay"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems.add(word[: -len(ending)])
    stems |= {s + s[-1] for s in list(stems) if s[-1] in "nlt"}
    stems |= {s.replace("c", "ç") for s in list(stems) if s.endswith("c")}
    return {stem + suffix for stem in stems for suffix in SUFFIXES}


def _inflections(form: str) -> list[str]:
    endings = {
        "ais": ("aise", "aises"),
        "ois": ("oise", "oises"),
        "ien": ("ienne", "iens", "iennes"),
        "éen": ("éenne", "éens", "éennes"),
        "ain": ("aine", "ains", "aines"),
        "in": ("ine", "ins", "ines"),
        "on": ("onne", "ons", "onnes"),
        "and": ("ande", "ands", "andes"),
        "ard": ("arde", "ards", "ardes"),
        "ot": ("ote", "ots", "otes"),
        "eau": ("eaux",),
        "elle": ("elles",),
        "al": ("ale", "aux", "ales"),
        "er": ("ère", "ers", "ères"),
        "e": ("es",),
        "an": ("ane", "ans", "anes"),
    }
    for ending, forms in endings.items():
        if form.endswith(ending):
            stem = form[: -len(ending)]
            return [form, *(stem + f for f in forms)]
    return [form, form + "e", form + "s", form + "es"]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


if __name__ == "__main__":
    main()
