"""The enrichment vocabulary as the tests know it, written out independently of the
package's lexicons and gazetteer so that tests check the data against it."""

from __future__ import annotations

import re

SECTORS = frozenset(
    {
        "aeronautics",
        "automotive",
        "defence",
        "agrifood",
        "energy",
        "chemicals",
        "construction",
        "digital",
        "health",
        "transport",
        "textile_luxury",
        "tourism",
    }
)
EVENT_TYPES = frozenset(
    {
        "fundraising",
        "acquisition",
        "investment",
        "closure",
        "hiring",
        "insolvency",
        "contract",
        "partnership",
        "innovation",
        "leadership",
        "export",
    }
)
# The 18 current INSEE region codes.
REGIONS = frozenset(
    {
        "01",
        "02",
        "03",
        "04",
        "06",
        "11",
        "24",
        "27",
        "28",
        "32",
        "44",
        "52",
        "53",
        "75",
        "76",
        "84",
        "93",
        "94",
    }
)
# INSEE department codes: 01-19, 2A, 2B, 21-95, 971-976 (no plain "20" since 1976).
DEPARTMENT_RE = re.compile(r"^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$")
