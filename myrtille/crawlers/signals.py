"""Scrapy signals of Myrtille's own, sent and heard inside one crawl process."""

from __future__ import annotations

# Write the intake's pending documents now: sent before the outcomes of sources whose
# documents they are (spiders/feedset.py), heard by the intake pipeline.
INTAKE_FLUSH = object()
