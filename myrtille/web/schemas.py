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
    language: str | None = Field(
        default=None, description="Its language: a story may be told in French and English"
    )


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


class TrendSeriesOut(BaseModel):
    subject: str = Field(description="The query counted, e.g. sector:energy")
    total: int = Field(description="Documents in the shown periods")
    points: list[TrendPointOut]


class TrendOut(BaseModel):
    subject: str = Field(description="The (first) query counted, e.g. sector:energy")
    interval: Literal["day", "week", "month"]
    periods: int
    baseline: int
    start: date
    end: date
    total: int = Field(description="Documents in the shown periods (first query)")
    points: list[TrendPointOut] = Field(description="The first query's periods")
    series: list[TrendSeriesOut] = Field(
        description="Every query compared (up to five), in the order given; the first "
        "is the one of subject, total and points"
    )


class MapAreaOut(BaseModel):
    code: str = Field(description="INSEE code: department 01…95, 2A, 2B, 971…976; region 01…94")
    name: str
    count: int = Field(description="Documents matching the query and period in this area")


class MapOut(BaseModel):
    q: str
    level: Literal["department", "region"]
    after: date | None = Field(description="Documents filed on or after this day")
    before: date | None = Field(description="Documents filed before this day")
    total: int = Field(description="Documents matched, whether they name a place or not")
    areas: list[MapAreaOut] = Field(
        description="Every area of the level, in code order, zeros included"
    )


class CompanyFactsOut(BaseModel):
    name: str
    acronym: str | None
    naf: str | None = Field(description="NAF rev. 2 activity code, e.g. 30.30Z")
    sectors: list[str] = Field(description="Sector codes the NAF code implies")
    category: Literal["PME", "ETI", "GE"] | None = Field(
        description="Sirene's categorieEntreprise; null when the import did not say"
    )
    state: Literal["active", "ceased"]
    city: str | None
    department: str | None = Field(description="INSEE department code")
    region: str | None = Field(description="INSEE region code")


class CompanySummaryOut(BaseModel):
    siren: str
    name: str
    acronym: str | None
    naf: str | None
    state: Literal["active", "ceased"]


class CompanySearchOut(BaseModel):
    q: str
    companies: list[CompanySummaryOut] = Field(description="Active companies first, by name")


class TimelineItemOut(BaseModel):
    id: str
    title: str
    url: WebUrl
    date: datetime | None = Field(description="Published, else collected (UTC)")
    source: str = Field(description="The source's id")
    kind: Literal["press", "bodacc", "boamp", "notice"] = Field(
        description="press, a BODACC or BOAMP notice, or another open-data notice"
    )
    events: list[str] = Field(description="Economic event codes found in the document")


class CoMentionOut(BaseModel):
    value: str = Field(description="The company's SIREN, else the comparable key of its name")
    siren: str | None
    name: str
    count: int = Field(description="Documents of this company that also mention it")


class CompanyProfileOut(BaseModel):
    siren: str
    name: str
    registry: CompanyFactsOut | None = Field(
        description="What the registry knows; null for a SIREN only documents mention"
    )
    total: int = Field(description="Documents that mention the company")
    timeline: list[TimelineItemOut] = Field(
        description="The most recent of them, newest first (search company:SIREN for all)"
    )
    co_mentions: list[CoMentionOut] = Field(
        description="The companies most often mentioned in its documents"
    )
