"""Stories across languages: a French and an English report of one event share no
shingles, so MinHash (clustering.py) keeps them apart. After enrichment they are joined
on what they report: a linked company in common, a compatible event, dates close enough.
The story created first keeps its id and takes in the other's documents and alerts."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Select,
    String,
    and_,
    bindparam,
    cast,
    or_,
    select,
)
from sqlalchemy.orm import Session

from myrtille.pipeline.story_merges import _merge, _merge_all
from myrtille.store.schema import Document, Enrichment, StoryCluster, utcnow
from myrtille.store.subscriptions import OutboxItem

# Amounts stated by two reports of one event differ by rounding ("1,2 milliard", "€1.2bn"),
# not by more: 12 million and 40 million raised are two rounds.
AMOUNT_TOLERANCE = 0.2


@dataclass
class Report:
    """What the join reads of one enriched document."""

    document_id: str
    cluster_id: str
    language: str
    date: datetime
    sirens: frozenset[str]
    events: tuple[dict[str, Any], ...]


def report_of(
    document_id: str,
    cluster_id: str,
    language: str | None,
    date: datetime | None,
    companies: Sequence[dict[str, Any]] | None,
    events: Sequence[dict[str, Any]] | None,
) -> Report | None:
    """The report, or None when it cannot join anything (no language, date, linked
    company or event)."""
    sirens = frozenset(str(c["siren"]) for c in companies or () if c.get("siren"))
    found = tuple(e for e in events or () if e.get("type"))
    if not language or date is None or not sirens or not found:
        return None
    return Report(document_id, cluster_id, language.split("-")[0].lower(), date, sirens, found)


def _same_amount(a: dict[str, Any], b: dict[str, Any]) -> bool:
    amount_a, amount_b = a.get("amount"), b.get("amount")
    if not amount_a or not amount_b or a.get("currency") != b.get("currency"):
        return True  # one of them says nothing comparable: no contradiction
    return abs(amount_a - amount_b) <= AMOUNT_TOLERANCE * max(amount_a, amount_b)


def _compatible_events(a: dict[str, Any], b: dict[str, Any], shared: frozenset[str]) -> bool:
    if a["type"] != b["type"]:
        return False
    # Attribution may differ between the two reports (acquirer, target): any company of
    # the two that both link will do, but not a third one.
    for event in (a, b):
        if event.get("siren") and event["siren"] not in shared:
            return False
    return _same_amount(a, b)


def same_story(one: Report, other: Report, days: int) -> bool:
    """Two reports in different languages of one event: a linked company in common, a
    compatible event, dated at most ``days`` apart."""
    if one.language == other.language or abs(one.date - other.date) > timedelta(days=days):
        return False
    shared = one.sirens & other.sirens
    if not shared:
        return False
    return any(_compatible_events(a, b, shared) for a in one.events for b in other.events)


@dataclass
class JoinReport:
    merged: int = 0  # stories merged into an earlier one
    moved: set[str] | None = None  # documents whose story changed (to index again)


# What the stage has just stored of a document: its language, companies and events.
Enriched = tuple[str | None, Sequence[dict[str, Any]], Sequence[dict[str, Any]]]


def join_across_languages(
    session: Session,
    document_ids: Collection[str],
    days: int,
    enriched: Mapping[str, Enriched] | None = None,
) -> JoinReport:
    """Join the newly enriched documents to the stories in other languages that report
    the same event; run in the batch's transaction, before its matches are recorded, so
    that the outbox sees the joined story. ``enriched``: what was just stored of each of
    ``document_ids`` (the stage's results), so that it is not read back and decoded."""
    report = JoinReport(moved=set())
    if days <= 0 or not document_ids:
        return report
    if enriched is None:
        new = [r for r in _reports(session, _of_documents(), {"ids": list(document_ids)}) if r]
    else:
        new = _placed_reports(session, document_ids, enriched)
    if not new:
        return report
    span = timedelta(days=days)
    sirens = sorted({s for r in new for s in r.sirens})
    # The stored JSON holds each SIREN quoted: a coarse filter that the rule then checks.
    # Its count of LIKEs is padded to a power of two (the last SIREN repeated), so that
    # one statement serves every batch with as many (_linked_within).
    sirens += sirens[-1:] * ((1 << (len(sirens) - 1).bit_length()) - len(sirens))
    earliest, latest = min(r.date for r in new) - span, max(r.date for r in new) + span
    values: dict[str, Any] = {f"siren_{i}": f'%"{s}"%' for i, s in enumerate(sirens)}
    values.update(published_from=earliest, published_to=latest)
    values.update(collected_from=earliest, collected_to=latest)
    known = [r for r in _reports(session, _linked_within(len(sirens)), values, against=new) if r]
    # When each story was made (the first made keeps its id), read once.
    ids = list({r.cluster_id for r in [*new, *known]})  # in the set's order, as before
    created: dict[str, datetime] = {
        story: made for story, made in session.execute(_created(), {"ids": ids})
    }
    # The merges are decided on the reports alone (the database is not read again), then
    # written together: four statements a batch instead of five a merge (session 16).
    merges: list[tuple[str, str]] = []
    for one in sorted(new, key=lambda r: r.date):
        for other in known:
            if other.cluster_id == one.cluster_id or not same_story(one, other, days):
                continue
            # The story created first keeps its id: links and alerts already out stay valid.
            winner, loser = sorted(
                (one.cluster_id, other.cluster_id), key=lambda c: (created.get(c) or utcnow(), c)
            )
            merges.append((winner, loser))
            report.merged += 1
            for r in [*new, *known]:  # the reports read before the merge follow it
                if r.cluster_id == loser:
                    r.cluster_id = winner
    if merges and _holds_alerts(session, [loser for _, loser in merges]):
        # Alerts fold one merge after another (which one is kept depends on the order).
        for winner, loser in merges:
            report.moved |= _merge(session, winner, loser)
    elif merges:
        report.moved = _merge_all(session, merges)
    return report


def _reports_of() -> Select[Any]:
    """The columns a report is made of; the JSON read as text, decoded only for the rows
    kept (_reports)."""
    return select(
        Document.id,
        Document.cluster_id,
        Enrichment.language,
        Document.published_at,
        Document.collected_at,
        cast(Enrichment.companies, String),
        cast(Enrichment.events, String),
    ).join(Enrichment, Enrichment.document_id == Document.id)


# The two statements are built once (per count of SIRENs for the second) and given their
# values when run: building one, and its key in SQLAlchemy's cache of compiled statements,
# cost about 2 ms a batch. The SQL and the values sent are those of one built each time.
@cache
def _of_documents() -> Select[Any]:
    """The reports of the documents ``ids``."""
    return _reports_of().where(Document.id.in_(bindparam("ids", expanding=True)))


@cache
def _linked_within(count: int) -> Select[Any]:
    """The reports whose companies hold one of ``siren_0`` .. ``siren_{count-1}`` (LIKE
    patterns), dated (published, else collected) within the bounds given."""
    linked = or_(
        *(cast(Enrichment.companies, String).like(bindparam(f"siren_{i}")) for i in range(count))
    )
    dated = or_(
        Document.published_at.between(bindparam("published_from"), bindparam("published_to")),
        and_(
            Document.published_at.is_(None),
            Document.collected_at.between(bindparam("collected_from"), bindparam("collected_to")),
        ),
    )
    return _reports_of().where(and_(linked, dated))


def _reports(
    session: Session,
    statement: Select[Any],
    values: dict[str, Any],
    against: Sequence[Report] | None = None,
) -> list[Report | None]:
    """The reports of the documents ``statement`` selects given ``values``. With
    ``against``, only those that could join one of them: the others are skipped before
    their JSON is decoded (every batch reads back every document linked to its firms
    within the days allowed, a history that grows with the firm's coverage)."""
    rows = session.execute(statement, values).all()
    wanted = _Candidates(against) if against is not None else None
    # The batch's own documents are among the stored ones: their reports, read from the
    # same rows in the same transaction, are taken as they are rather than decoded again.
    read = {r.document_id: r for r in against or ()}
    return [
        read.get(doc_id)
        or report_of(
            doc_id, cluster, language, published or collected, _decoded(companies), _decoded(events)
        )
        for doc_id, cluster, language, published, collected, companies, events in rows
        if wanted is None or wanted.may_join(language, companies)
    ]


@cache
def _placed() -> Select[Any]:
    """The story and dates of the documents ``ids`` (what a report holds besides what the
    stage has just stored)."""
    return select(
        Document.id, Document.cluster_id, Document.published_at, Document.collected_at
    ).where(Document.id.in_(bindparam("ids", expanding=True)))


def _placed_reports(
    session: Session, document_ids: Collection[str], enriched: Mapping[str, Enriched]
) -> list[Report]:
    """The reports of the batch's documents, made of what the stage stored (``enriched``)
    and of their story and dates as the transaction sees them now (another worker's join
    may have moved a story since the claim): the reports ``_reports`` makes of the stored
    rows, without reading back and decoding their JSON (which gives back what was
    written: lists, dicts, strings and numbers; tests/pipeline/
    test_session20_speed_stage.py). The documents in the order the database gives them,
    as ``_of_documents`` read them."""
    rows = session.execute(_placed(), {"ids": list(document_ids)}).all()
    reports = []
    for doc_id, cluster, published, collected in rows:
        stored = enriched.get(doc_id)
        if stored is None:
            continue  # not stored by this batch: no enrichment row to read (_reports_of)
        language, companies, events = stored
        report = report_of(doc_id, cluster, language, published or collected, companies, events)
        if report is not None:
            reports.append(report)
    return reports


def _decoded(stored: str | None) -> Any:
    return None if stored is None else json.loads(stored)


class _Candidates:
    """Whether a stored document may join one of some reports, read on its stored JSON
    text: ``same_story`` needs a report in another language with a SIREN in common, and
    the stored JSON holds each of its SIRENs quoted (company_list: strings)."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self._sirens: dict[str, set[str]] = {}
        for report in reports:
            self._sirens.setdefault(report.language, set()).update(report.sirens)
        # Per language of a stored document: the quoted SIRENs of the others' reports.
        self._quoted: dict[str, tuple[str, ...]] = {}

    def may_join(self, language: str | None, companies: str | None) -> bool:
        if not language or not companies:
            return False  # no report (report_of)
        code = language.split("-")[0].lower()
        quoted = self._quoted.get(code)
        if quoted is None:
            quoted = self._quoted[code] = tuple(
                sorted(
                    {
                        f'"{s}"'
                        for other, sirens in self._sirens.items()
                        if other != code
                        for s in sirens
                    }
                )
            )
        return any(q in companies for q in quoted)


@cache
def _created() -> Select[Any]:
    """When each of the stories ``ids`` was made: columns, not the stories as objects
    (the merges update their sizes by statement, _merge_all)."""
    return select(StoryCluster.id, StoryCluster.created_at).where(
        StoryCluster.id.in_(bindparam("ids", expanding=True))
    )


@cache
def _alerted() -> Select[Any]:
    """An alert of one of the stories ``ids``, if any."""
    return (
        select(OutboxItem.id)
        .where(OutboxItem.cluster_id.in_(bindparam("ids", expanding=True)))
        .limit(1)
    )


def _holds_alerts(session: Session, stories: list[str]) -> bool:
    return session.scalar(_alerted(), {"ids": stories}) is not None
