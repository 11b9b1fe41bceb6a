"""The CI gate on the held-out set: its files match their frozen hashes, and no held-out
score falls below the floor recorded in docs/enrichment.md ("Held-out floor" table).

The held-out set is scored here, at the end, never while the lexicons are being changed
(those changes are checked against the tuning set). One evaluation run per session.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from myrtille.demo.gold import demo_gold_documents, demo_registry
from myrtille.evaluation.enrichment import SetScores, run_evaluation
from myrtille.evaluation.freeze import freeze_problems
from myrtille.evaluation.sets import HELDOUT

ROOT = Path(__file__).resolve().parents[2]
EVALUATION = ROOT / "evaluation"
DOCS = ROOT / "docs" / "enrichment.md"
FLOOR_HEADING = "### Held-out floor"
REQUIRED = (
    "companies",
    "sectors",
    "events",
    "events_company",
    "regions",
    "departments",
    "language",
)
COMMAND = "myrtille eval enrichment --set heldout --errors 20"

pytestmark = [pytest.mark.heldout, pytest.mark.slow]


def recorded_floor() -> dict[tuple[str, bool], float]:
    """(field, with the registry) -> floor, from the table under the heading."""
    text = DOCS.read_text(encoding="utf-8")
    assert FLOOR_HEADING in text, f"{DOCS}: no '{FLOOR_HEADING}' section"
    section = text.split(FLOOR_HEADING, 1)[1]
    floor: dict[tuple[str, bool], float] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if floor and not line.startswith("|"):
            break  # the end of the table
        if len(cells) == 3 and re.fullmatch(r"`\w+`", cells[0]):
            name = cells[0].strip("`")
            floor[(name, True)] = float(cells[1])
            if cells[2] not in ("", "-"):
                floor[(name, False)] = float(cells[2])
    return floor


FLOOR = recorded_floor()


@pytest.fixture(scope="module")
def heldout() -> dict[bool, SetScores]:
    if freeze_problems(EVALUATION):
        pytest.fail("the held-out set is not frozen: see test_heldout_files_are_frozen")
    return {
        r.registry: r
        for r in run_evaluation(
            data_dir=EVALUATION,
            sets=[HELDOUT],
            registry=demo_registry(),
            demo_documents=demo_gold_documents,
        )
    }


def test_heldout_files_are_frozen() -> None:
    assert freeze_problems(EVALUATION) == [], (
        "evaluation/heldout differs from SHA256SUMS; a change of the held-out gold is "
        "reviewed in a pull request and recorded with `myrtille eval enrichment --refreeze`"
    )


def test_the_floor_covers_every_required_field() -> None:
    assert {name for name, with_registry in FLOOR if with_registry} >= set(REQUIRED)


@pytest.mark.parametrize(
    ("name", "with_registry"),
    sorted(FLOOR),
    ids=[f"{n}-{'registry' if w else 'text_only'}" for n, w in sorted(FLOOR)],
)
def test_heldout_score_is_not_below_its_floor(
    heldout: dict[bool, SetScores], name: str, with_registry: bool
) -> None:
    report = heldout[with_registry]
    f1 = report.fields[name].f1
    how = "with the registry" if with_registry else "without the registry's sectors and places"
    assert f1 >= FLOOR[(name, with_registry)], (
        f"held-out {name} F1 {f1:.3f} ({how}) fell below the floor "
        f"{FLOOR[(name, with_registry)]:.2f} recorded in docs/enrichment.md; see the "
        f"errors with `{COMMAND}` and fix the enrichment against the tuning set"
    )
