"""Fixtures shared by the demo tests: the bundled corpus and its fictional Sirene extract,
loaded once per module."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest


def _data_dir():
    return resources.files("myrtille.demo") / "data"


def _load_yaml(text: str):
    try:
        import yaml
    except ImportError:  # the project itself depends on ruamel.yaml only
        from ruamel.yaml import YAML

        return YAML(typ="safe").load(text)
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def corpus() -> dict:
    return _load_yaml((_data_dir() / "corpus.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sirene() -> tuple[list[str], list[dict[str, str]]]:
    text = (_data_dir() / "sirene_demo.csv").read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    rows = [dict(zip(header, row, strict=True)) for row in reader if row]
    return header, rows


@pytest.fixture(scope="module")
def sirens(sirene) -> set[str]:
    return {row["siren"] for row in sirene[1]}
