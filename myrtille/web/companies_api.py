"""``/api/v1/companies``: the company search and each company's profile, the same data as
the company pages (``web/company_profile.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from myrtille.enrichment.registry import find_companies
from myrtille.web.api import ApiError, ErrorBody, require_agent, state
from myrtille.web.company_profile import InvalidSiren, checked_siren, company_profile
from myrtille.web.schemas import (
    CoMentionOut,
    CompanyFactsOut,
    CompanyProfileOut,
    CompanySearchOut,
    CompanySummaryOut,
    TimelineItemOut,
)

router = APIRouter(
    prefix="/api/v1",
    tags=["companies"],
    dependencies=[Depends(require_agent)],
    responses={401: {"model": ErrorBody, "description": "Missing, unknown or revoked API key"}},
)


@router.get(
    "/companies",
    summary="Find companies of the registry by name, acronym or SIREN",
    responses={400: {"model": ErrorBody, "description": "Invalid parameter"}},
)
def search_companies(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=100,
            description="A SIREN (spaces allowed) or the start of words of the name",
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> CompanySearchOut:
    found = find_companies(state(request).database, q, limit)
    return CompanySearchOut(
        q=q,
        companies=[
            CompanySummaryOut(
                siren=c.siren,
                name=c.name,
                acronym=c.acronym,
                naf=c.naf,
                state="ceased" if c.ceased else "active",
            )
            for c in found
            if c.siren
        ],
    )


@router.get(
    "/companies/{siren}",
    summary="A company: registry facts, timeline of mentions, companies mentioned with it",
    responses={
        400: {"model": ErrorBody, "description": "Not a SIREN (not 9 digits, or bad check digit)"},
        404: {"model": ErrorBody, "description": "Neither the registry nor any document knows it"},
    },
)
def company(
    request: Request,
    siren: Annotated[str, Path(description="The 9-digit SIREN")],
) -> CompanyProfileOut:
    try:
        wanted = checked_siren(siren)
    except InvalidSiren as exc:
        raise ApiError(400, "invalid_siren", str(exc)) from None
    app = state(request)
    profile = company_profile(app.database, app.index, app.settings.sources, wanted)
    if profile is None:
        raise ApiError(
            404,
            "not_found",
            f"no company with SIREN {wanted} in the registry, and no document mentions it; "
            "find companies by name with /api/v1/companies?q=…",
        )
    facts = profile.facts
    return CompanyProfileOut(
        siren=profile.siren,
        name=profile.name,
        registry=CompanyFactsOut(
            name=facts.name,
            acronym=facts.acronym,
            naf=facts.naf,
            sectors=list(facts.sectors),
            category=facts.category,  # type: ignore[arg-type]
            state="ceased" if facts.ceased else "active",
            city=facts.city,
            department=facts.department,
            region=facts.region,
        )
        if facts
        else None,
        total=profile.total,
        timeline=[
            TimelineItemOut(
                id=item.id,
                title=item.title,
                url=item.url,
                date=item.date,
                source=item.source,
                kind=item.kind,
                events=list(item.events),
            )
            for item in profile.timeline
        ],
        co_mentions=[
            CoMentionOut(value=c.value, siren=c.siren, name=c.name, count=c.count)
            for c in profile.co_mentions
        ],
    )
