"""The index backend the settings ask for."""

from __future__ import annotations

from pathlib import Path

from myrtille.config.settings import Settings
from myrtille.index.base import IndexBackend


def open_index(settings: Settings, *, create: bool = True) -> IndexBackend:
    index = settings.index
    if index.backend == "elasticsearch":
        from myrtille.index.elasticsearch import ElasticsearchIndex

        backend: IndexBackend = ElasticsearchIndex.from_settings(index)
    else:
        from myrtille.index.sqlite import SQLiteIndex

        path = (
            Path(index.url.removeprefix("sqlite:///"))
            if index.url
            else settings.data_dir / "index.db"
        )
        backend = SQLiteIndex(path)
    if create:
        backend.create()
    return backend
