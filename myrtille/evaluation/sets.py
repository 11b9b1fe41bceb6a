"""The annotated sets the enrichment is measured on, read from the repository's
``evaluation/`` directory (never shipped in the wheel, never imported by the runtime).

- **tuning**: the demo corpus gold (``myrtille/demo/data/corpus.yaml``), the hard cases
  (``evaluation/tuning/hard_cases.yaml``) and every other ``evaluation/tuning/*.yaml``.
  Lexicon changes are checked against it.
- **validation**: ``evaluation/validation/*.yaml``, written by other hands without reading
  the lexicons or the rules; only its aggregate scores are read (the command never prints
  its errors), to tell whether a rule that helps the tuning set generalises. Scored only
  when asked for.
- **held-out**: ``evaluation/heldout/*.yaml``, written from the text alone and frozen
  (``SHA256SUMS``); scored at the end, in CI, never while tuning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from myrtille.enrichment.enricher import DocumentInput
from myrtille.exceptions import MyrtilleError

TUNING = "tuning"
HELDOUT = "heldout"
VALIDATION = "validation"
SET_NAMES = (TUNING, HELDOUT)  # scored by default
ALL_SETS = (TUNING, VALIDATION, HELDOUT)
AGGREGATE_ONLY = frozenset({VALIDATION})  # sets whose errors are never printed
MARKER = Path("tuning") / "hard_cases.yaml"


class EvaluationDataError(MyrtilleError):
    """The evaluation data is missing, malformed, or no longer matches its frozen hashes."""


@dataclass
class GoldDocument:
    input: DocumentInput
    gold: dict[str, Any]
    language: str | None  # the true language, for the language score


@dataclass
class EvaluationSet:
    name: str
    documents: list[GoldDocument]


def find_data_dir(explicit: Path | None = None, start: Path | None = None) -> Path:
    """``explicit`` (``--data``), else the first ``evaluation/`` holding the tuning cases
    found from ``start`` (the working directory) upwards, else beside the source checkout."""
    if explicit is not None:
        if not (explicit / MARKER).is_file():
            raise EvaluationDataError(
                f"{explicit}: not an evaluation directory (no {MARKER} in it) -- give "
                "--data the repository's evaluation/ directory"
            )
        return explicit
    here = (start or Path.cwd()).resolve()
    source_checkout = Path(__file__).resolve().parents[2]
    for directory in (here, *here.parents, source_checkout):
        candidate = directory / "evaluation"
        if (candidate / MARKER).is_file():
            return candidate
    raise EvaluationDataError(
        f"no evaluation/ directory found from {here} upwards: the annotated sets live in the "
        "repository, not in the installed package -- run the command from a checkout of the "
        "repository or give --data path/to/evaluation"
    )


def load_set(
    name: str, data_dir: Path, demo_documents: Callable[[], list[GoldDocument]]
) -> EvaluationSet:
    if name == TUNING:
        documents = demo_documents()
        for path in sorted((data_dir / TUNING).glob("*.yaml")):
            prefix = "hard" if path.name == MARKER.name else f"{TUNING}:{path.stem}"
            documents += read_cases(path, prefix)
        return EvaluationSet(TUNING, documents)
    if name == VALIDATION:
        files = sorted((data_dir / VALIDATION).glob("*.yaml"))
        if not files:
            raise EvaluationDataError(
                f"{data_dir / VALIDATION}: no validation files (*.yaml) -- see docs/enrichment.md"
            )
        documents = [d for path in files for d in read_cases(path, f"{VALIDATION}:{path.stem}")]
        return EvaluationSet(VALIDATION, documents)
    if name == HELDOUT:
        files = heldout_files(data_dir)
        if not files:
            raise EvaluationDataError(
                f"{data_dir / HELDOUT}: no held-out files (*.yaml) -- the held-out set is "
                "written and frozen in the repository (see docs/enrichment.md)"
            )
        documents = [d for path in files for d in read_cases(path, f"{HELDOUT}:{path.stem}")]
        return EvaluationSet(HELDOUT, documents)
    raise EvaluationDataError(f"unknown evaluation set {name!r}: choose from {ALL_SETS}")


def heldout_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / HELDOUT).glob("*.yaml"))


def read_cases(path: Path, prefix: str) -> list[GoldDocument]:
    """Cases written as ``cases: [{id, language, declared_language?, kind?, title, text,
    gold}]`` (or a bare list). The page's declared language is ``declared_language`` when
    the case gives one (a wrong one: detection must override it), else none."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        raw = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as exc:
        raise EvaluationDataError(f"{path}: cannot be read as YAML: {exc}") from exc
    cases = raw.get("cases") if isinstance(raw, dict) else raw
    if not isinstance(cases, list):
        raise EvaluationDataError(f"{path}: expected a list of cases (or cases: [...])")
    documents = []
    for position, case in enumerate(cases, 1):
        missing = [
            k for k in ("id", "title", "text") if not isinstance(case, dict) or k not in case
        ]
        if missing:
            raise EvaluationDataError(
                f"{path}, case {position}: missing {', '.join(missing)} -- every case needs "
                "id, language, title, text and gold"
            )
        language = case.get("language")
        declared = case.get("declared_language", language if prefix == "hard" else None)
        documents.append(
            GoldDocument(
                DocumentInput(
                    id=f"{prefix}:{case['id']}",
                    title=str(case["title"]),
                    text=str(case["text"]),
                    language=declared,
                    kind=str(case.get("kind") or "article"),
                    published=_published(case.get("published"), f"{path}, case {position}"),
                ),
                case.get("gold") or {},
                language,
            )
        )
    return documents


def _published(value: Any, where: str) -> datetime | None:
    """The case's publication date, given to the enricher as the service gives a crawled
    page's (``published_at``): without it, dated sentences could not be told from the news."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise EvaluationDataError(
            f"{where}: published {value!r} is not a date (write it as 2026-12-05)"
        ) from None
