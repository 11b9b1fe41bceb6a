"""The sector and event lexicons: package data, overridable from the config file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from myrtille.enrichment.patterns import PatternError, compile_pattern
from myrtille.exceptions import ConfigError


@dataclass(frozen=True)
class LexiconEntry:
    code: str
    labels: dict[str, str]
    patterns: dict[str, list[str]]  # language -> pattern expressions
    naf: tuple[str, ...] = ()


def _read(path: Path | None, default: str, key: str) -> dict[str, Any]:
    where = str(path) if path else f"package data {default}"
    try:
        text = (
            path.read_text(encoding="utf-8")
            if path
            else resources.files("myrtille.config")
            .joinpath(f"data/{default}")
            .read_text(encoding="utf-8")
        )
        data = YAML(typ="safe").load(text)
    except (OSError, YAMLError) as exc:
        raise ConfigError(f"cannot read the lexicon: {exc}", path=where) from None
    if not isinstance(data, dict) or not isinstance(data.get(key), dict):
        raise ConfigError(f"a lexicon needs a top-level '{key}:' mapping", path=where)
    return data


def _entries(data: dict[str, Any], key: str, field: str, where: str) -> list[LexiconEntry]:
    entries = []
    for code, raw in data[key].items():
        patterns = (raw or {}).get(field) or {}
        for language, expressions in patterns.items():
            for expression in expressions or []:
                try:
                    compile_pattern(str(expression))
                except PatternError as exc:
                    raise ConfigError(
                        str(exc), path=where, key=f"{key}.{code}.{field}.{language}"
                    ) from None
        entries.append(
            LexiconEntry(
                code=str(code),
                labels=dict((raw or {}).get("label") or {}),
                patterns={lang: [str(e) for e in exprs or []] for lang, exprs in patterns.items()},
                naf=tuple(str(n) for n in (raw or {}).get("naf") or ()),
            )
        )
    return entries


def load_sectors(path: Path | None = None) -> list[LexiconEntry]:
    data = _read(path, "sectors.yaml", "sectors")
    return _entries(data, "sectors", "terms", str(path or "sectors.yaml"))


def load_events(path: Path | None = None) -> list[LexiconEntry]:
    data = _read(path, "events.yaml", "events")
    return _entries(data, "events", "patterns", str(path or "events.yaml"))


def naf_sectors(naf: str | None, sectors: Sequence[LexiconEntry] | None = None) -> tuple[str, ...]:
    """The sector codes a company's NAF code implies: the sectors with a NAF prefix it
    starts with (of the package lexicon unless ``sectors`` are given)."""
    if not naf:
        return ()
    entries = _package_sectors() if sectors is None else sectors
    return tuple(entry.code for entry in entries if entry.naf and naf.startswith(entry.naf))


@cache
def _package_sectors() -> tuple[LexiconEntry, ...]:
    return tuple(load_sectors())
