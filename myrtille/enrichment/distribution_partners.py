"""A distribution deal is a sale, not a partnership (session 16).

The sets' convention: a distribution deal abroad is the firm's export, and no partnership
(30 of 33 tuning documents with such a deal label the export alone; events.py turns the
deal into an export when its sentence or the next names the territory). Where the
territory is not read as abroad ("Shetland salmon firm signs French distribution deal",
"has signed a distribution deal with Waitrose, putting its galettes into 200 UK
stores": news16 and news17, two authors), the partnership the deal's words found was kept
alone; no tuning document labels a partnership for a deal named "distribution deal",
"accord de distribution" or "contrat de distribution" that its text does not call a
partnership.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from myrtille.enrichment.distribution_deals import DISTRIBUTION_DEAL

# The deal called a partnership by the text ("un partenariat de distribution").
_CALLED_PARTNERSHIP = re.compile(r"\bpartena\w*|\bpartner\w*", re.IGNORECASE)


class Told(Protocol):
    type: str
    sentence: str


T = TypeVar("T", bound=Told)


def without_distribution_partnerships(events: Sequence[T]) -> list[T]:
    """``events`` less the partnerships whose sentence names a distribution deal it does
    not call a partnership."""
    return [
        e
        for e in events
        if e.type != "partnership"
        or DISTRIBUTION_DEAL.search(e.sentence) is None
        or _CALLED_PARTNERSHIP.search(e.sentence) is not None
    ]
