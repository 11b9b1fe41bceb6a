"""Response models of the REST API (pydantic), so the OpenAPI schema is complete."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from myrtille.pipeline.normalise import web_url

# A document's link: null for a URL that is not http(s) (stored before the intake refused
# them), so no javascript: or data: link leaves the API.
WebUrl = Annotated[
    str | None,
    AfterValidator(web_url),
    Field(description="The document's http(s) URL; null if the stored one is not http(s)"),
]


class HitOut(BaseModel):
    id: str
    title: str
    url: WebUrl
    published_at: datetime | None
    source: str
    language: str | None
    cluster: str | None
    score: float | None = Field(
        description="Relevance (higher is better); null when sorted by date"
    )
    snippet: str = Field(description="HTML-escaped text with the matched words in <mark>")


class FacetOut(BaseModel):
    value: str
    count: int
    label: str | None = Field(description="A readable name (company, sector, event, region)")


class BucketOut(BaseModel):
    bucket: str = Field(description="2026-01-31 (day), 2026-W04 (week) or 2026-01 (month)")
    count: int


class SearchOut(BaseModel):
    total: int
    page: int
    per_page: int
    as_of: int = Field(description="Pass it back with the next pages to keep results stable")
    hits: list[HitOut]
    facets: dict[str, list[FacetOut]] = Field(description="Only the facets asked for")
    histogram: list[BucketOut] = Field(description="Empty unless histogram was asked for")
    hint: str | None = Field(
        default=None,
        description="Only when the index holds no document at all: what to run to fill it",
    )


class EntityOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str
    label: str = Field(description="ORG, PER or LOC")
    start: int = Field(description="Offset of the first character in the title or text")
    end: int = Field(description="Offset after the last character")
    field: Literal["title", "text"] | None = None


class CompanyOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str | None
    siren: str | None


class EventOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    sentence: str | None = None
    company: str | None = None
    siren: str | None = None
    amount: float | None = None
    currency: str | None = None
    jobs: int | None = None


class StoryItemOut(BaseModel):
    id: str
    title: str
    url: WebUrl
    source: str
    published_at: datetime | None


class DocumentOut(BaseModel):
    id: str
    url: WebUrl
    title: str
    text: str
    source: str
    kind: str
    language: str | None
    published_at: datetime | None
    collected_at: datetime | None
    cluster: str | None
    summary: str | None
    title_lemmas: str
    text_lemmas: str
    entities: list[EntityOut]
    companies: list[CompanyOut]
    sectors: list[str]
    events: list[EventOut]
    regions: list[str] = Field(description="INSEE region codes")
    departments: list[str] = Field(description="Department codes")
    same_story: list[StoryItemOut] = Field(description="Other documents of the story cluster")


class TrendPointOut(BaseModel):
    period: date = Field(description="First day of the period (a Monday for weeks)")
    count: int
    spike: bool
    baseline_mean: float | None = Field(description="Mean of the previous baseline periods")
    threshold: float | None = Field(description="mean + 2 × stdev of those periods")


class TrendOut(BaseModel):
    subject: str = Field(description="The query counted, e.g. sector:energy")
    interval: Literal["day", "week"]
    periods: int
    baseline: int
    start: date
    end: date
    total: int = Field(description="Documents in the shown periods")
    points: list[TrendPointOut]
