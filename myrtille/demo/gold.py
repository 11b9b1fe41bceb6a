"""The demo corpus as an evaluation set: its articles' and notices' gold, and the registry
every evaluation set runs with (the demo Sirene file plus the demo watchlist). The
``eval`` command hands both to ``myrtille.evaluation``, which imports no demo module."""

from __future__ import annotations

import csv

from myrtille.config.settings import WatchedCompany
from myrtille.config.sources import OpenDataSource
from myrtille.crawlers.opendata import documents_from
from myrtille.demo.corpus import data_file, load_corpus
from myrtille.enrichment.enricher import DocumentInput
from myrtille.enrichment.registry import CompanyRecord
from myrtille.evaluation.sets import EvaluationDataError, GoldDocument


def demo_registry() -> list[CompanyRecord]:
    """The registry every set runs with: the demo Sirene file plus the demo watchlist."""
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


def demo_gold_documents() -> list[GoldDocument]:
    """The demo site's articles (declared language: their outlet's) and BODACC notices
    (read through the open-data reader, as the crawler does)."""
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
            a.language,
        )
        for a in corpus.articles
    ]
    source = OpenDataSource(
        id="bodacc", kind="opendata", preset="bodacc", url="http://demo.invalid/records"
    )
    records = [{k: v for k, v in n.items() if k != "gold"} for n in corpus.notices]
    for notice, collected in zip(corpus.notices, documents_from(source, records), strict=True):
        if collected is None:
            raise EvaluationDataError(f"demo notice {notice.get('id')}: unreadable as BODACC")
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
                "fr",
            )
        )
    return documents
