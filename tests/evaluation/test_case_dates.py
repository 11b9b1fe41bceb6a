"""An evaluation case's ``published`` date reaches the enricher, as a crawled page's does in
the service (service/processing.py passes ``published_at``)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from myrtille.evaluation.sets import EvaluationDataError, read_cases

CASE = """cases:
  - id: dated
    language: fr
    title: "Un titre"
    text: "Un texte."
    {published}
    gold: {{}}
"""


def write(tmp_path: Path, published: str) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(CASE.format(published=published), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("published: 2026-11-20", datetime(2026, 11, 20, tzinfo=UTC)),
        (
            "published: '2026-11-20T08:30:00+01:00'",
            datetime.fromisoformat("2026-11-20T08:30:00+01:00"),
        ),
        ("", None),
    ],
)
def test_the_case_date_is_given_to_the_enricher(
    tmp_path: Path, written: str, expected: datetime | None
) -> None:
    (document,) = read_cases(write(tmp_path, written), "validation")
    assert document.input.published == expected


def test_a_date_that_is_not_one_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationDataError, match=r"case 1: published 'next week' is not a date"):
        read_cases(write(tmp_path, "published: next week"), "validation")
