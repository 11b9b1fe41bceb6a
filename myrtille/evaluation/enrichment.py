"""Evaluation of the enrichment against annotated sets: precision, recall and F1 per field,
micro-averaged over (document, value) pairs, for each set apart (tuning, held-out; see
``sets.py``) and within it per language, never pooled across sets.

Each set is scored twice: with the registry (as the service runs) and without the
registry's contribution to sectors and places (``registry_implies_sectors`` and
``registry_implies_places`` off), so that a score earned by company linking alone shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from myrtille.config.settings import EnrichmentSettings
from myrtille.enrichment.enricher import Enricher, EnrichmentResult
from myrtille.enrichment.names import company_key
from myrtille.enrichment.registry import CompanyRecord
from myrtille.evaluation.freeze import check_frozen, refreeze
from myrtille.evaluation.sets import (
    HELDOUT,
    SET_NAMES,
    GoldDocument,
    find_data_dir,
    load_set,
)

# The gold key each field is read from; a document without that key is not scored on it.
ANNOTATED_BY = {
    "companies": "companies",
    "companies_all": "companies",
    "sectors": "sectors",
    "events": "events",
    "events_company": "events",
    "regions": "regions",
    "departments": "departments",
    "language": "language",
}
FIELDS = tuple(ANNOTATED_BY)
# The fields the registry's sectors and places can change.
REGISTRY_FIELDS = ("sectors", "regions", "departments")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class SetScores:
    """One set scored one way: ``registry`` False when the registry's sectors and places
    were left out."""

    set: str
    registry: bool
    documents: int
    fields: dict[str, Score]
    languages: dict[str, dict[str, Score]]
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "set": self.set,
            "registry": self.registry,
            "documents": self.documents,
            "seconds": round(self.seconds, 1),
            "fields": {name: s.as_dict() for name, s in self.fields.items()},
            "languages": {
                language: {name: s.as_dict() for name, s in scores.items()}
                for language, scores in sorted(self.languages.items())
            },
        }


def _predicted(result: EnrichmentResult) -> dict[str, set[Any]]:
    return {
        "companies": {c["siren"] for c in result.companies if c["siren"]},
        "companies_all": {c["siren"] or company_key(c["name"]) for c in result.companies},
        "sectors": {s["code"] for s in result.sectors},
        "events": {e["type"] for e in result.events},
        "events_company": {(e["type"], e["siren"]) for e in result.events if e["siren"]},
        "regions": set(result.regions),
        "departments": set(result.departments),
        "language": {result.language} if result.language else set(),
    }


def _gold(document: GoldDocument) -> dict[str, set[Any]]:
    gold = document.gold
    companies = [str(c) for c in gold.get("companies") or []]
    events = gold.get("events") or []
    return {
        "companies": {c for c in companies if c.isdigit()},
        "companies_all": {c if c.isdigit() else company_key(c) for c in companies},
        "sectors": {str(s) for s in gold.get("sectors") or []},
        "events": {str(e["type"]) for e in events},
        "events_company": {
            (str(e["type"]), str(e["company"]))
            for e in events
            if e.get("company") and str(e["company"]).isdigit()
        },
        "regions": {str(r) for r in gold.get("regions") or []},
        "departments": {str(d) for d in gold.get("departments") or []},
        "language": {document.language} if document.language else set(),
    }


def _annotated(document: GoldDocument, name: str) -> bool:
    if name == "language":
        return document.language is not None
    return ANNOTATED_BY[name] in document.gold


def _add(score: Score, document_id: str, predicted: set[Any], gold: set[Any]) -> None:
    score.tp += len(predicted & gold)
    score.fp += len(predicted - gold)
    score.fn += len(gold - predicted)
    for value in sorted(map(str, predicted - gold)):
        score.errors.append(f"{document_id}: spurious {value}")
    for value in sorted(map(str, gold - predicted)):
        score.errors.append(f"{document_id}: missed {value}")


def evaluate(
    enricher: Enricher, documents: Iterable[GoldDocument], batch_size: int = 32
) -> tuple[dict[str, Score], dict[str, dict[str, Score]]]:
    """Scores over all ``documents``, and per (gold) language."""
    overall = {name: Score() for name in FIELDS}
    by_language: dict[str, dict[str, Score]] = {}
    documents = list(documents)
    for start in range(0, len(documents), batch_size):
        batch = documents[start : start + batch_size]
        results = enricher.enrich([d.input for d in batch])
        for document, result in zip(batch, results, strict=True):
            predicted, gold = _predicted(result), _gold(document)
            language = by_language.setdefault(
                document.language or "unknown", {name: Score() for name in FIELDS}
            )
            for name in FIELDS:
                if not _annotated(document, name):
                    continue  # this document's annotators did not label this field
                for score in (overall[name], language[name]):
                    _add(score, document.input.id, predicted[name], gold[name])
    return overall, by_language


def run_evaluation(
    settings: EnrichmentSettings | None = None,
    *,
    data_dir: Path | None = None,
    sets: Iterable[str] = SET_NAMES,
    without_registry: bool = True,
    refreeze_heldout: bool = False,
    registry: list[CompanyRecord],
    demo_documents: Callable[[], list[GoldDocument]],
) -> list[SetScores]:
    """Each named set scored with the registry and (``without_registry``) without its
    sectors and places. The held-out set is scored only while it matches its frozen
    hashes (``refreeze_heldout`` records the current files first). The caller gives the
    registry and the demo corpus's gold (``myrtille.demo.gold``): evaluation code reads
    no demo module itself, so the flow of packages stays one-way."""
    directory = find_data_dir(data_dir)
    chosen = list(dict.fromkeys(sets))
    if HELDOUT in chosen:
        if refreeze_heldout:
            refreeze(directory)
        check_frozen(directory)
    loaded = [load_set(name, directory, demo_documents) for name in chosen]
    settings = settings or EnrichmentSettings()
    enrichers = [(True, Enricher(settings, registry))]
    if without_registry:
        text_only = settings.model_copy(
            update={"registry_implies_sectors": False, "registry_implies_places": False}
        )
        enrichers.append((False, Enricher(text_only, registry, models=enrichers[0][1].models)))
    reports = []
    for evaluation_set in loaded:
        for with_registry, enricher in enrichers:
            started = time.perf_counter()
            overall, languages = evaluate(enricher, evaluation_set.documents)
            reports.append(
                SetScores(
                    evaluation_set.name,
                    with_registry,
                    len(evaluation_set.documents),
                    overall,
                    languages,
                    time.perf_counter() - started,
                )
            )
    return reports
