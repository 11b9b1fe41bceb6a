"""Evaluation of the enrichment against the annotated set: precision, recall and F1 per
field, micro-averaged over (document, value) pairs.

The annotated set is the demo corpus (articles and notices with gold annotations) plus
hand-written harder cases (``myrtille/demo/data/hard_cases.yaml``): ambiguous names,
companies named like common words, English articles about French firms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from myrtille.config.settings import EnrichmentSettings, WatchedCompany
from myrtille.config.sources import OpenDataSource
from myrtille.crawlers.opendata import documents_from
from myrtille.demo.corpus import data_file, load_corpus
from myrtille.enrichment.enricher import DocumentInput, Enricher, EnrichmentResult
from myrtille.enrichment.names import company_key
from myrtille.enrichment.registry import CompanyRecord

# The gold key each field is read from; a document without that key is not scored on it.
ANNOTATED_BY = {
    "companies": "companies",
    "companies_all": "companies",
    "sectors": "sectors",
    "events": "events",
    "events_company": "events",
    "regions": "regions",
    "departments": "departments",
}
FIELDS = (
    "companies",
    "companies_all",
    "sectors",
    "events",
    "events_company",
    "regions",
    "departments",
)


@dataclass
class GoldDocument:
    input: DocumentInput
    gold: dict[str, Any]


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


def annotated_set() -> list[GoldDocument]:
    corpus = load_corpus()
    documents = [
        GoldDocument(
            DocumentInput(
                id=f"article:{a.slug}",
                title=a.title,
                text=f"{a.summary}\n\n{a.body}",
                language=a.language,
            ),
            a.gold,
        )
        for a in corpus.articles
    ]
    source = OpenDataSource(
        id="bodacc", kind="opendata", preset="bodacc", url="http://demo.invalid/records"
    )
    records = [{k: v for k, v in n.items() if k != "gold"} for n in corpus.notices]
    for notice, collected in zip(corpus.notices, documents_from(source, records), strict=True):
        assert collected is not None
        documents.append(
            GoldDocument(
                DocumentInput(
                    id=f"notice:{notice['id']}",
                    title=collected.title,
                    text=collected.text,
                    language="fr",
                    kind="notice",
                    fields=collected.fields,
                ),
                notice.get("gold") or {},
            )
        )
    documents += hard_cases()
    return documents


def hard_cases() -> list[GoldDocument]:
    from ruamel.yaml import YAML

    path = data_file("hard_cases.yaml")
    if not path.is_file():
        return []
    raw = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return [
        GoldDocument(
            DocumentInput(
                id=f"hard:{c['id']}", title=c["title"], text=c["text"], language=c.get("language")
            ),
            c.get("gold") or {},
        )
        for c in raw.get("cases") or []
    ]


def evaluation_registry() -> list[CompanyRecord]:
    """The registry the evaluation runs with: the demo Sirene file plus the watchlist."""
    import csv

    corpus = load_corpus()
    watch = {
        c["siren"]: WatchedCompany(
            **{k: v for k, v in c.items() if k not in ("sector", "postcode")}
        )
        for c in corpus.companies
    }
    records = []
    with data_file("sirene_demo.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            siren = row["siren"]
            w = watch.get(siren)
            usual = [row[c] for c in row if c.startswith("denominationUsuelle") and row[c]]
            records.append(
                CompanyRecord(
                    id=siren,
                    name=w.name if w else row["denominationUniteLegale"],
                    siren=siren,
                    aliases=tuple(
                        dict.fromkeys(
                            [*(w.aliases if w else []), *usual, row["denominationUniteLegale"]]
                        )
                    ),
                    acronym=row["sigleUniteLegale"] or None,
                    naf=row["activitePrincipaleUniteLegale"],
                    department=w.department if w else None,
                    region=w.region if w else None,
                    ceased=row["etatAdministratifUniteLegale"] == "C",
                )
            )
    return records


def _predicted(result: EnrichmentResult) -> dict[str, set[Any]]:
    return {
        "companies": {c["siren"] for c in result.companies if c["siren"]},
        "companies_all": {c["siren"] or company_key(c["name"]) for c in result.companies},
        "sectors": {s["code"] for s in result.sectors},
        "events": {e["type"] for e in result.events},
        "events_company": {(e["type"], e["siren"]) for e in result.events if e["siren"]},
        "regions": set(result.regions),
        "departments": set(result.departments),
    }


def _gold(gold: dict[str, Any]) -> dict[str, set[Any]]:
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
    }


def evaluate(
    enricher: Enricher, documents: Iterable[GoldDocument], batch_size: int = 32
) -> dict[str, Score]:
    scores = {name: Score() for name in FIELDS}
    documents = list(documents)
    for start in range(0, len(documents), batch_size):
        batch = documents[start : start + batch_size]
        results = enricher.enrich([d.input for d in batch])
        for document, result in zip(batch, results, strict=True):
            predicted, gold = _predicted(result), _gold(document.gold)
            for name in FIELDS:
                if ANNOTATED_BY[name] not in document.gold:
                    continue  # this document's annotators did not label this field
                score = scores[name]
                tp = predicted[name] & gold[name]
                score.tp += len(tp)
                score.fp += len(predicted[name] - gold[name])
                score.fn += len(gold[name] - predicted[name])
                for value in sorted(map(str, predicted[name] - gold[name])):
                    score.errors.append(f"{document.input.id}: spurious {value}")
                for value in sorted(map(str, gold[name] - predicted[name])):
                    score.errors.append(f"{document.input.id}: missed {value}")
    return scores


def run_evaluation(settings: EnrichmentSettings | None = None) -> tuple[dict[str, Score], int]:
    documents = annotated_set()
    enricher = Enricher(settings or EnrichmentSettings(), evaluation_registry())
    return evaluate(enricher, documents), len(documents)
