"""A partnership is news of each partner the sentence names (session 13).

An event is one per type and sentence, given to the clause's subject. A partnership has
two subjects, coordinated ("Cellinov et les Laboratoires Verdier s'associent", "Vigilis,
based in Bourges, and Rennes software company Atlas have formed a partnership"), or one
subject and its partner after "avec"/"with" ("Chimirex signe un partenariat avec
Polyvalor", "X teams up with Y on …"): both firms are the deal's parties, and an article
about it is news of both. The event is repeated for the partner, a registry firm of the
same sentence joined to the subject by "et"/"and" or named after "avec"/"with" in its
clause; not a firm named by its tie to another ("a subsidiary of Y") or as someone's
former employer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.ties import former_employer, tied


class _Attributed(Protocol):
    type: str
    start: int
    end: int
    company_id: str | None
    company: str | None


E = TypeVar("E", bound=_Attributed)

# An apposition after the subject's name (", based in Bourges,", ", basée à Lyon,").
_APPOSITION = re.compile(r",[^,;:.()\n]{1,60},")
# What joins the subject to its partner: "et"/"and" (coordinated subjects), or "avec"/
# "with" later in the clause; then a short description of the partner ("the Rennes
# software company", "les Laboratoires", "Italian mill").
_JOINED = re.compile(
    r"\s*(?:(?:[^,;:.()\n]{0,80}?\s)?(?:avec|with)|(?:et|and|&))\s+"
    r"(?:(?:les?|la|l['’]|the|son|sa|ses|its|their|leur)\s*)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)


def with_partners(
    events: Sequence[E], text: str, mentions: Sequence[CompanyMention], names: dict[str, str]
) -> list[E]:
    """``events`` with a partnership repeated for the partner its sentence joins to the
    subject."""
    found = list(events)
    given = {(e.type, e.company_id) for e in events}
    for event in events:
        if event.type != "partnership" or event.company_id is None:
            continue
        inside = [m for m in mentions if event.start <= m.start < event.end and m.end > m.start]
        subject = next((m for m in inside if m.company_id == event.company_id), None)
        if subject is None:
            continue  # the article's firm, not named here: its partner is unknown
        for partner in inside:
            if (
                partner.company_id is None
                or partner.start < subject.end
                or (event.type, partner.company_id) in given
                or not _joined(text[subject.end : partner.start])
                or tied(text, partner.start, partner.end)
                or former_employer(text, partner.start)
            ):
                continue
            given.add((event.type, partner.company_id))
            found.append(
                replace(
                    event,
                    company_id=partner.company_id,
                    company=names.get(partner.company_id, partner.name),
                )
            )
    return found


def _joined(between: str) -> bool:
    """Whether ``between`` (the words from the subject's name to another firm's) joins the
    two as partners."""
    return _JOINED.fullmatch(_APPOSITION.sub("", between, count=1)) is not None


__all__ = ["with_partners"]
