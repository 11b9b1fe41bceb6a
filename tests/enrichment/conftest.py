"""Fixtures shared by the enrichment tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from myrtille.config.settings import EnrichmentSettings
from myrtille.enrichment.enricher import Enricher


@pytest.fixture(scope="module")
def registry_enricher(request: pytest.FixtureRequest, enricher: Enricher) -> Iterator[Enricher]:
    """An enricher over the test module's own ``REGISTRY`` (invented companies), sharing the
    session's loaded models."""
    yield Enricher(
        EnrichmentSettings(max_chars=5000), request.module.REGISTRY, models=enricher.models
    )
