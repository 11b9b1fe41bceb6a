"""The assertions every corpus test module makes of one file: no crash, the expected
error or none, stored text valid and within the caps, no marker stored, and the reader's
time and memory within the bounds."""

from __future__ import annotations

from typing import Any

from tests.security.corpus import (
    CAPS,
    READER_PEAK_MB,
    READER_SECONDS,
    CorpusCrawl,
    crash_in,
    source_id,
    text_problem,
)
from tests.security.readers import ALLOWED


def reader_held(kind: str, run: dict[str, Any]) -> None:
    failure = run["failure"]
    if failure is not None:
        assert failure.split(":", 1)[0] in ALLOWED[kind], failure
    assert run["seconds"] < READER_SECONDS, run
    assert run["peak_mb"] < READER_PEAK_MB, run


def documents_held(documents: list[Any], entry: dict[str, Any]) -> None:
    for document in documents:
        for field, cap in (
            ("title", CAPS["max_title"]),
            ("author", CAPS["max_title"]),
            ("text", CAPS["max_document_text"]),
            ("summary", CAPS["max_entry_text"]),
        ):
            problem = text_problem(getattr(document, field), cap)
            assert problem is None, f"{document.url} {field}: {problem}"
        marker = entry.get("marker")
        if marker:
            assert marker not in document.text and marker not in document.title


def crawl_held(crawl: CorpusCrawl, kind: str, entry: dict[str, Any]) -> None:
    outcome = crawl.outcome(kind, str(entry["file"]))
    assert crash_in(outcome) is None, crash_in(outcome)
    expected = entry.get("expect_error")
    if expected is True:
        assert outcome["error"], outcome
    elif expected is False:
        assert outcome["error"] is None, outcome["error"]
    documents_held(crawl.stored_by(source_id(kind, str(entry["file"]))), entry)
