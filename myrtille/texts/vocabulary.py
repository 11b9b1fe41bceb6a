"""Names of the vocabulary's codes — sectors, events, regions, departments — in each
language, read from the package data of ``myrtille.config`` (the lexicons' ``label``
entries and the gazetteer's CSV files). People read names, never codes."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from ruamel.yaml import YAML

from myrtille.texts.catalogue import language

KINDS = ("sector", "event", "region", "department")


def _data(path: str) -> Any:
    return resources.files("myrtille.config").joinpath(f"data/{path}")


def _lexicon_labels(file: str, key: str, lang: str) -> dict[str, str]:
    entries = YAML(typ="safe").load(_data(file).read_text(encoding="utf-8"))[key]
    names = {}
    for code, raw in entries.items():
        given = dict((raw or {}).get("label") or {})
        names[str(code)] = given.get(lang) or given.get("fr") or given.get("en") or str(code)
    return names


def _csv_names(file: str) -> dict[str, str]:
    with _data(f"geography/{file}").open(encoding="utf-8") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


@cache
def labels(lang: str) -> MappingProxyType[str, MappingProxyType[str, str]]:
    """``labels(lang)[kind][code]`` → the name in ``lang``; kinds are sector, event,
    region and department (region and department names are proper names, the same in
    both languages)."""
    lang = language(lang)
    tables = {
        "sector": _lexicon_labels("sectors.yaml", "sectors", lang),
        "event": _lexicon_labels("events.yaml", "events", lang),
        "region": _csv_names("regions.csv"),
        "department": _csv_names("departments.csv"),
    }
    return MappingProxyType({kind: MappingProxyType(names) for kind, names in tables.items()})


def label(lang: str, kind: str, code: Any) -> str:
    """The name of one code; a code the vocabulary does not know (an older lexicon's, a
    configured extra) is shown as given rather than hidden."""
    if isinstance(code, dict):  # an event or sector as the index stores it
        code = code.get("type") or code.get("code") or code.get("name") or ""
    text = str(code or "")
    return labels(lang)[kind].get(text, text)
