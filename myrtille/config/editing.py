"""Changing the YAML config file in place, comments and layout kept (ruamel round-trip)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from myrtille.config.loading import read_yaml


def add_sources(path: Path, new_sources: list[dict[str, Any]]) -> None:
    """Append source mappings to the file's ``sources:`` list."""
    data = read_yaml(path)
    sources = data.get("sources")
    if not isinstance(sources, CommentedSeq):
        sources = CommentedSeq()
        data["sources"] = sources
    for entry in new_sources:
        sources.append(CommentedMap(entry))
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    tmp.replace(path)
