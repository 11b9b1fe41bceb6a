"""Fixtures shared by the crawler tests: canary listeners and a file holding a secret."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.crawlers.canaries import SECRET, Canary
from tests.crawlers.pages import article_html


@pytest.fixture
def canary() -> Iterator[Canary]:
    listener = Canary(http=True)
    yield listener
    listener.close()


@pytest.fixture
def ftp_canary() -> Iterator[Canary]:
    listener = Canary(http=False)
    yield listener
    listener.close()


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "private" / "secret.html"
    path.parent.mkdir()
    path.write_text(article_html(f"Secret {SECRET}", name=SECRET), encoding="utf-8")
    return path
