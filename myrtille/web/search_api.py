"""``/api/v1/search`` and ``/api/v1/documents/{id}``: the index searched with the query
language, one page or a streamed export, and one document with the rest of its story."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from myrtille.index.base import FACET_FIELDS, IndexBackend, SearchRequest
from myrtille.index.hints import empty_index_hint, index_is_empty
from myrtille.index.query import And, DateBound, Node
from myrtille.store.schema import MAX_ROW_ID
from myrtille.web.api import (
    ApiError,
    Day,
    errors,
    export_response,
    facet_labels,
    facet_list,
    require_agent,
    search_query,
    state,
)
from myrtille.web.schemas import BucketOut, DocumentOut, FacetOut, HitOut, SearchOut, StoryItemOut

router = APIRouter(prefix="/api/v1", dependencies=[Depends(require_agent)], responses=errors(401))

# A bound on the page number, not on the results: page 10,000 of 100 is a million deep
# (past Elasticsearch's 10,000-hit window, pages walk there with search_after).
MAX_PAGE = 10_000
FACETS_HELP = f"Comma-separated facets to count ({', '.join(FACET_FIELDS)}), or all"


@router.get(
    "/search",
    response_model=SearchOut,
    responses={
        **errors(400),
        200: {
            "content": {
                "text/csv": {"example": "id,published_at,title,url,source,language,…\r\n"},
                "application/x-ndjson": {"example": '{"id": "…", "title": "…"}\n'},
            }
        },
    },
    summary="Search documents with the query language",
)
def search(
    request: Request,
    q: Annotated[
        str,
        Query(
            description="A query, e.g. event:acquisition region:occitanie (see the docs); "
            "empty: every document, newest first",
            examples=["event:acquisition region:occitanie"],
        ),
    ],
    sort: Annotated[Literal["relevance", "date"], Query()] = "relevance",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="From 1")] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
    facets: Annotated[str | None, Query(description=FACETS_HELP)] = None,
    histogram: Annotated[
        Literal["day", "week", "month"] | None, Query(description="Count documents per period")
    ] = None,
    as_of: Annotated[
        int | None,
        Query(ge=0, le=MAX_ROW_ID, description="The as_of of the first page, for later pages"),
    ] = None,
    since: Annotated[Day | None, Query(description="Documents filed on or after this day")] = None,
    until: Annotated[Day | None, Query(description="Documents filed on or before this day")] = None,
    format: Annotated[
        Literal["json", "csv", "jsonl"],
        Query(
            description="json: one page; csv or jsonl: every matching document, newest "
            "first, streamed as a file (columns in docs/api.md; page, per_page, sort, "
            "facets and histogram do not apply)"
        ),
    ] = "json",
) -> SearchOut | Response:
    app = state(request)
    node = search_query(q, app.resolver)
    chosen = facet_list(facets)
    if since and until and since > until:
        raise ApiError(400, "invalid_parameter", "since must not be after until")
    bounds: list[Node] = []
    if since:
        bounds.append(DateBound("after", since))
    if until:
        # until is inclusive; the query language's before: is not.
        bounds.append(DateBound("before", until + timedelta(days=1)))
    if bounds:
        node = And((node, *bounds))
    index: IndexBackend = app.index
    if format != "json":
        return export_response(index.scan(node, as_of=as_of), format, "search")
    result = index.search(
        SearchRequest(
            query=node,
            sort=sort,
            page=page,
            per_page=per_page,
            facets=chosen,
            histogram=histogram,
            as_of=as_of,
        )
    )
    labels = facet_labels()
    return SearchOut(
        total=result.total,
        page=result.page,
        per_page=result.per_page,
        as_of=result.as_of,
        hits=[HitOut.model_validate(asdict(hit)) for hit in result.hits],
        facets={
            name: [
                FacetOut(
                    value=f.value,
                    count=f.count,
                    label=f.label or labels.get(name, {}).get(f.value),
                )
                for f in counts
            ]
            for name, counts in result.facets.items()
        },
        histogram=[BucketOut(bucket=b, count=n) for b, n in result.histogram],
        hint=empty_index_hint(index) if index_is_empty(index, result.total) else None,
    )


@router.get(
    "/documents/{document_id}",
    response_model=DocumentOut,
    responses=errors(404),
    summary="One enriched document and the other documents of its story",
)
def document(
    request: Request,
    document_id: Annotated[str, Path(description="The document id, as in search hits")],
) -> DocumentOut:
    index: IndexBackend = state(request).index
    found = index.get(document_id)
    if found is None:
        raise ApiError(404, "not_found", f"no document '{document_id}' in the index")
    story = index.same_story(document_id) if found.cluster else []
    return DocumentOut.model_validate(
        {
            **asdict(found),
            "same_story": [
                StoryItemOut(
                    id=h.id,
                    title=h.title,
                    url=h.url,
                    source=h.source,
                    published_at=h.published_at,
                    language=h.language,
                )
                for h in story
            ],
        }
    )
