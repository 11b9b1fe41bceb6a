"""Search results as CSV or JSON Lines: the columns documented in docs/api.md, streamed.

The same rows for the API (``GET /api/v1/search?format=csv|jsonl``), the search page's
export links and ``myrtille search --format csv|jsonl``. Rows are written from an
iterator of documents (``IndexBackend.scan``) and come out in chunks of about
``CHUNK_SIZE`` characters, so an export of any size holds one batch at a time.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from myrtille.index.base import IndexedDocument
from myrtille.pipeline.export import iso_utc
from myrtille.pipeline.normalise import web_url

ExportFormat = Literal["csv", "jsonl"]
# The columns, in this order: documented and stable (new ones only ever go at the end).
COLUMNS = (
    "id",
    "published_at",
    "title",
    "url",
    "source",
    "language",
    "companies",
    "sectors",
    "events",
    "regions",
    "departments",
)
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
}
CHUNK_SIZE = 64 * 1024
# A spreadsheet runs a cell starting with one of these as a formula; crawled titles are
# written by strangers, so such a cell gets a leading apostrophe (OWASP's advice).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_record(document: IndexedDocument) -> dict[str, Any]:
    """One document as an export row: lists as lists, missing values as None."""
    return {
        "id": document.id,
        "published_at": iso_utc(document.published_at),
        "title": document.title,
        "url": web_url(document.url),
        "source": document.source,
        "language": document.language,
        "companies": _unique(
            (str(c.get("siren") or ""), str(c.get("name") or "")) for c in document.companies
        ),
        "sectors": _unique(document.sectors),
        "events": _unique(e.get("type") for e in document.events if e.get("type")),
        "regions": _unique(document.regions),
        "departments": _unique(document.departments),
    }


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def jsonl_record(document: IndexedDocument) -> dict[str, Any]:
    record = export_record(document)
    record["companies"] = [
        {"siren": siren or None, "name": name} for siren, name in record["companies"]
    ]
    return record


def csv_cell(value: str | None) -> str:
    """A value safe to open in a spreadsheet: formulas neutralised, None as empty."""
    if value is None:
        return ""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_row(document: IndexedDocument) -> list[str]:
    record = export_record(document)
    # Lists are joined by ';' (so a ';' inside an item becomes ','); a company is
    # 'siren:name', ':name' when it has no SIREN.
    record["companies"] = [f"{siren}:{name}" for siren, name in record["companies"]]
    return [
        csv_cell(";".join(v.replace(";", ",") for v in value))
        if isinstance(value, list)
        else csv_cell(value)
        for value in (record[column] for column in COLUMNS)
    ]


def csv_chunks(documents: Iterable[IndexedDocument]) -> Iterator[str]:
    """A header row, then one row per document (RFC 4180: CRLF, quotes where needed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for document in documents:
        writer.writerow(csv_row(document))
        if buffer.tell() >= CHUNK_SIZE:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(documents: Iterable[IndexedDocument]) -> Iterator[str]:
    """One JSON object per line; nothing at all when nothing matched."""
    lines: list[str] = []
    size = 0
    for document in documents:
        line = json.dumps(jsonl_record(document), ensure_ascii=False) + "\n"
        lines.append(line)
        size += len(line)
        if size >= CHUNK_SIZE:
            yield "".join(lines)
            lines, size = [], 0
    if lines:
        yield "".join(lines)


WRITERS: dict[str, Callable[[Iterable[IndexedDocument]], Iterator[str]]] = {
    "csv": csv_chunks,
    "jsonl": jsonl_chunks,
}


def export_chunks(format: ExportFormat, documents: Iterable[IndexedDocument]) -> Iterator[str]:
    return WRITERS[format](documents)


def filename(stem: str, format: ExportFormat) -> str:
    return f"myrtille-{stem}.{format}"
