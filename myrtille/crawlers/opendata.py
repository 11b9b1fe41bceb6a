"""Open-data notices: OpenDataSoft record APIs (BODACC, BOAMP, others) mapped to documents.

Each preset says which record fields make the title, the text, the date and the
structured fields kept for enrichment (notice type, company, SIREN, place, dates).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from myrtille.config.sources import OpenDataSource
from myrtille.crawlers.dates import parse_datetime
from myrtille.crawlers.feeds import html_to_text
from myrtille.pipeline.document import CollectedDocument

_DIGITS = re.compile(r"\D")
# Levels of lists and objects read into a notice's text; a real BODACC field has three.
MAX_FIELD_DEPTH = 10
# Says whether a URL found in a record may be the notice's link (the URL rule, urlguard).
LinkCheck = Callable[[str], bool]
# Newest first, so that paging can stop at the first page with nothing new.
DEFAULT_ORDER = {"bodacc": "dateparution desc", "boamp": "dateparution desc"}


def page_limit(source: OpenDataSource, offset: int) -> int:
    """How many records the page at ``offset`` asks for: a page never reaches past
    ``max_records`` (at most 10,000, OpenDataSoft's own paging limit)."""
    return max(0, min(source.page_size, source.max_records - offset))


def page_url(source: OpenDataSource, offset: int) -> str:
    """The records URL for one page, keeping any query the configured URL already has."""
    parts = urlsplit(source.url)
    params = [p for p in parts.query.split("&") if p and not p.startswith(("limit=", "offset="))]
    extra: dict[str, str] = {"limit": str(page_limit(source, offset)), "offset": str(offset)}
    if source.where:
        extra["where"] = source.where
    order_by = source.order_by or DEFAULT_ORDER.get(source.preset)
    if order_by:
        extra["order_by"] = order_by
    query = "&".join([*params, urlencode(extra)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def records_of(payload: Any) -> tuple[list[dict[str, Any]], int | None]:
    """Records and total count from an ODS v2.x (results) or v1 (records/fields) answer."""
    if not isinstance(payload, dict):
        raise ValueError("the answer is not a JSON object")
    if isinstance(payload.get("results"), list):
        rows = [r for r in payload["results"] if isinstance(r, dict)]
        return rows, _count(payload.get("total_count"))
    if isinstance(payload.get("records"), list):
        rows = []
        for record in payload["records"]:
            if isinstance(record, dict):
                nested = record.get("record")
                inner = (
                    record.get("fields")
                    or (nested.get("fields") if isinstance(nested, dict) else None)
                    or record
                )
                rows.append(inner if isinstance(inner, dict) else {})
        return rows, _count(payload.get("nhits")) or _count(payload.get("total_count"))
    raise ValueError(
        "no 'results' or 'records' list in the answer (is this an OpenDataSoft records endpoint?)"
    )


def _count(value: Any) -> int | None:
    """A record count as the API states it; None when it is not a count (a word, a
    negative or fractional number, a boolean)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if value >= 0 else None


def _text(value: Any, depth: int = 0) -> str:
    if value is None:
        return ""
    if depth >= MAX_FIELD_DEPTH:
        # A record nested deeper than any real notice: its depths are not text to keep.
        return ""
    if isinstance(value, list):
        return " ; ".join(_text(v, depth + 1) for v in value if v not in (None, ""))
    if isinstance(value, dict):
        return " ; ".join(
            f"{k}: {_text(v, depth + 1)}" for k, v in value.items() if v not in (None, "")
        )
    text = str(value).strip()
    if text.startswith(("{", "[")):
        # BODACC stores some fields (jugement, listepersonnes) as JSON inside a string.
        try:
            return _text(json.loads(text), depth + 1)
        except (ValueError, RecursionError):
            pass
    return html_to_text(text)


def siren_of(value: Any) -> str | None:
    for candidate in value if isinstance(value, list) else [value]:
        digits = _DIGITS.sub("", str(candidate or ""))
        if len(digits) >= 9:
            return digits[:9]
    return None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _any_link(url: str) -> bool:
    return True


def _record_url(source: OpenDataSource, record_id: str, declared: Any, link_ok: LinkCheck) -> str:
    """The record's own URL when it has an acceptable one, else one under the API's URL."""
    if (
        isinstance(declared, str)
        and declared.startswith(("http://", "https://"))
        and link_ok(declared)
    ):
        return declared
    parts = urlsplit(source.url)
    return urlunsplit(
        (
            parts.scheme,
            parts.netloc,
            parts.path.rstrip("/") + "/" + quote(record_id, safe=""),
            "",
            "",
        )
    )


def _bodacc(
    source: OpenDataSource, record: dict[str, Any], link_ok: LinkCheck
) -> CollectedDocument | None:
    record_id = str(record.get("id") or "")
    company = _text(record.get("commercant"))
    if not record_id:
        return None
    family = _text(record.get("familleavis_lib") or record.get("familleavis"))
    city = _text(record.get("ville"))
    title = " — ".join(p for p in (family, company) if p) + (f" ({city})" if city else "")
    parts = [title]
    for key in (
        "typeavis_lib",
        "jugement",
        "acte",
        "modificationsgenerales",
        "depot",
        "radiationaurcs",
        "divers",
        "listeprecedentexploitant",
        "listepersonnes",
        "tribunal",
    ):
        value = _text(record.get(key))
        if value:
            parts.append(value)
    fields = {
        "notice_type": record.get("familleavis") or family or None,
        "notice_label": family or None,
        "notice_subtype": record.get("typeavis_lib") or record.get("typeavis"),
        "company_name": company or None,
        "siren": siren_of(record.get("registre")),
        "city": city or None,
        "postcode": _text(_first(record.get("cp"))) or None,
        "department": _text(record.get("numerodepartement")) or None,
        "region_code": _text(record.get("region_code")) or None,
        "court": _text(record.get("tribunal")) or None,
        "published": _text(record.get("dateparution")) or None,
        "notice_number": record.get("numeroannonce"),
    }
    return CollectedDocument(
        url=_record_url(source, record_id, record.get("url_complete"), link_ok),
        source_id=source.id,
        kind="notice",
        title=title or record_id,
        text="\n\n".join(parts),
        language=source.language or "fr",
        published_at=parse_datetime(record.get("dateparution")),
        extraction="record",
        fields={k: v for k, v in fields.items() if v not in (None, "")},
    )


def _boamp(
    source: OpenDataSource, record: dict[str, Any], link_ok: LinkCheck
) -> CollectedDocument | None:
    record_id = str(record.get("idweb") or record.get("id") or "")
    if not record_id:
        return None
    title = _text(record.get("objet")) or record_id
    buyer = _text(record.get("nomacheteur"))
    parts = [title]
    for key in (
        "nomacheteur",
        "nature_libelle",
        "famille_libelle",
        "type_marche",
        "descripteur_libelle",
        "procedure_libelle",
    ):
        value = _text(record.get(key))
        if value:
            parts.append(value)
    departments = record.get("code_departement")
    fields = {
        "notice_type": _text(record.get("nature_libelle") or record.get("nature")) or None,
        "buyer": buyer or None,
        "departments": departments
        if isinstance(departments, list)
        else ([departments] if departments else None),
        "deadline": _text(record.get("datelimitereponse")) or None,
        "published": _text(record.get("dateparution")) or None,
        "descriptors": record.get("descripteur_libelle") or None,
    }
    return CollectedDocument(
        url=_record_url(source, record_id, record.get("url_avis"), link_ok),
        source_id=source.id,
        kind="notice",
        title=title,
        text="\n\n".join(parts),
        language=source.language or "fr",
        published_at=parse_datetime(record.get("dateparution")),
        extraction="record",
        fields={k: v for k, v in fields.items() if v not in (None, "", [])},
    )


def _generic(
    source: OpenDataSource, record: dict[str, Any], link_ok: LinkCheck
) -> CollectedDocument | None:
    assert source.id_field and source.title_field
    record_id = _text(record.get(source.id_field))
    if not record_id:
        return None
    title = _text(record.get(source.title_field)) or record_id
    parts = [title, *(_text(record.get(f)) for f in source.text_fields)]
    return CollectedDocument(
        url=_record_url(
            source,
            record_id,
            record.get(source.url_field) if source.url_field else None,
            link_ok,
        ),
        source_id=source.id,
        kind="notice",
        title=title,
        text="\n\n".join(p for p in parts if p),
        language=source.language,
        published_at=parse_datetime(record.get(source.date_field)) if source.date_field else None,
        extraction="record",
        fields={k: v for k, v in record.items() if isinstance(v, str | int | float | list)},
    )


PRESETS = {"bodacc": _bodacc, "boamp": _boamp, "generic": _generic}


def documents_from(
    source: OpenDataSource, records: list[dict[str, Any]], link_ok: LinkCheck = _any_link
) -> Iterator[CollectedDocument | None]:
    """One document per record; None for a record without an id (counted as skipped).
    A record URL that ``link_ok`` refuses is replaced by one under the API's URL."""
    mapper = PRESETS[source.preset]
    for record in records:
        yield mapper(source, record, link_ok)
