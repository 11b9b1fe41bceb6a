"""Search commands: search, index rebuild."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

import click
from rich.table import Table

from myrtille.cli.command import AppContext, err, main, out, reports_config_errors
from myrtille.cli.language import query_refused, say, say_n
from myrtille.texts import format_date, format_number, locale_language

if TYPE_CHECKING:
    from myrtille.index.base import FacetCount, IndexedDocument
    from myrtille.index.export import ExportFormat


def parse_or_exit(query: str, database=None):  # type: ignore[no-untyped-def]
    """The AST (blank: every document, newest first), or the parser's message on stderr
    and exit status 2."""
    from myrtille.index.query import QueryError, parse_search
    from myrtille.index.resolver import CodeResolver

    try:
        return parse_search(query, CodeResolver(database=database))
    except QueryError as exc:
        err.print(query_refused(exc), markup=False)
        err.print(exc.pointer(), markup=False, highlight=False)
        sys.exit(2)


@main.command()
@click.argument("query")
@click.option(
    "--facets",
    is_flag=True,
    help="Also count companies, sectors, events, regions, sources and languages.",
)
@click.option("--since", metavar="DATE", help="Only documents filed on or after DATE.")
@click.option(
    "--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True
)
@click.option("--page", type=int, default=1, show_default=True)
@click.option(
    "--limit", "per_page", type=int, default=20, show_default=True, help="Results per page."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "csv", "jsonl"]),
    default="table",
    show_default=True,
    help="csv or jsonl: every matching document (not one page), newest first, on stdout; "
    "columns in docs/api.md.",
)
@click.pass_obj
@reports_config_errors
def search(
    app: AppContext,
    query: str,
    facets: bool,
    since: str | None,
    sort: str,
    page: int,
    per_page: int,
    as_json: bool,
    output: str,
) -> None:
    """Search the index with the query language (see docs/query-language.md)."""
    from myrtille.index.base import FACET_FIELDS, SearchRequest
    from myrtille.index.factory import open_index
    from myrtille.index.hints import empty_index_hint_in, index_is_empty
    from myrtille.index.query import And, DateBound
    from myrtille.index.snippets import plain

    node = parse_or_exit(query, app.database)
    if since:
        try:
            node = And((node, DateBound("after", date.fromisoformat(since))))
        except ValueError:
            err.print(
                say(
                    "{option}: '{value}' is not a date; write YYYY-MM-DD.",
                    option="--since",
                    value=since,
                ),
                markup=False,
            )
            sys.exit(2)
    index = open_index(app.settings)
    if output != "table":
        export(index.scan(node), output)  # type: ignore[arg-type]
        return
    result = index.search(
        SearchRequest(
            query=node,
            sort=sort,
            page=page,  # type: ignore[arg-type]
            per_page=per_page,
            facets=FACET_FIELDS if facets else (),
        )
    )
    if as_json:
        payload = {
            "total": result.total,
            "page": result.page,
            "as_of": result.as_of,
            "hits": [
                {
                    "id": h.id,
                    "title": h.title,
                    "url": h.url,
                    "published_at": h.published_at.isoformat() if h.published_at else None,
                    "source": h.source,
                    "language": h.language,
                    "cluster": h.cluster,
                    "score": h.score,
                    "snippet": h.snippet,
                }
                for h in result.hits
            ],
        }
        if facets:
            payload["facets"] = {
                name: [
                    {"value": f.value, "count": f.count, **({"label": f.label} if f.label else {})}
                    for f in counts
                ]
                for name, counts in result.facets.items()
            }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return
    title = say_n("{n} document matches", "{n} documents match", result.total)
    table = Table(title=title, title_justify="left")
    for column in (say("date"), say("source"), say("title"), say("snippet")):
        table.add_column(column, overflow="fold")
    lang = locale_language()
    names = {source.id: source.label for source in app.settings.sources}
    for hit in result.hits:
        day = format_date(hit.published_at, lang) if hit.published_at else ""
        source = names.get(hit.source, hit.source)
        table.add_row(day, source, hit.title, plain(hit.snippet)[:200])
    out.print(table)
    if index_is_empty(index, result.total):
        err.print(empty_index_hint_in(index, lang), markup=False)
    for line in facet_lines(result.facets, names, lang):
        out.print(line, markup=False)


def facet_lines(
    facets: dict[str, list[FacetCount]], sources: dict[str, str], lang: str
) -> Iterator[str]:
    """Each facet's heading and its first values by name, never by code."""
    from myrtille.texts import labels
    from myrtille.texts.formats import locale
    from myrtille.web.ui.search import FACET_TITLES

    vocabulary = labels(lang)
    # The index keeps folded department codes ("2a"); the gazetteer's are "2A".
    names = {
        "sector": vocabulary["sector"],
        "event": vocabulary["event"],
        "region": vocabulary["region"],
        "dept": {code.lower(): name for code, name in vocabulary["department"].items()},
        "source": sources,
        "lang": dict(locale(lang).languages),
    }
    for name, counts in facets.items():
        if counts:
            values = ", ".join(
                f"{f.label or names.get(name, {}).get(f.value) or f.value} "
                f"({format_number(f.count, lang)})"
                for f in counts[:10]
            )
            yield say("{facet}: {values}", facet=say(FACET_TITLES.get(name, name)), values=values)


def export(documents: Iterator[IndexedDocument], output: ExportFormat) -> None:
    """Every row to stdout as UTF-8 bytes, whatever the terminal's encoding, as written."""
    from myrtille.index.export import export_chunks

    for chunk in export_chunks(output, documents):
        sys.stdout.buffer.write(chunk.encode())
    sys.stdout.buffer.flush()


@main.group(name="index")
def index_group() -> None:
    """The search index: rebuild it from the state database."""


@index_group.command(name="rebuild")
@click.pass_obj
@reports_config_errors
def index_rebuild(app: AppContext) -> None:
    """Empty the index and fill it again with every enriched document."""
    from myrtille.index.factory import open_index
    from myrtille.index.records import rebuild

    index = open_index(app.settings)
    total = rebuild(app.database, index)
    out.print(
        say_n(
            "{n} document indexed ({backend}).",
            "{n} documents indexed ({backend}).",
            total,
            backend=app.settings.index.backend,
        ),
        markup=False,
    )
