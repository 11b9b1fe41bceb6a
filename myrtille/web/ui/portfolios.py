"""Agents' portfolio pages: the list with an upload form, the import's report (bad and
unknown SIRENs by line number), a portfolio's companies with their latest documents and
events, and deletion (asked first).

The upload is a multipart file that Starlette spools to a temporary file; the importer
reads it as a stream (enrichment/portfolios.py), never as one string in memory. Labels
are the agent's own text and shown escaped, like everything else the templates print.
"""

from __future__ import annotations

import logging
from math import ceil
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from myrtille.enrichment.portfolios import MAX_ROWS, PortfolioError, PortfolioFile, import_portfolio
from myrtille.enrichment.stored_portfolios import (
    PortfolioSummary,
    delete_portfolio,
    find_portfolio,
    list_portfolios,
    portfolio_rows,
)
from myrtille.index.base import SearchRequest
from myrtille.index.query import Members
from myrtille.store.schema import Agent
from myrtille.texts import N_, format_date, format_number, gettext, labels
from myrtille.web.api import state
from myrtille.web.sessions import SignedInAgent, checked_form, require_signed_in
from myrtille.web.ui.common import SECURITY_HEADERS, language, link, message, render

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

HOME = "/agent/portfolios"
PER_PAGE = 50
# Latest documents read for one page of companies, in one search; each company shows
# up to DOCUMENTS_PER_COMPANY of them.
DOCUMENTS_PER_PAGE = 300
DOCUMENTS_PER_COMPANY = 3
# 100,000 rows of a SIREN and a 200-character label, with room for other columns.
MAX_UPLOAD_BYTES = 32 * 1024 * 1024

# The importer's problems by kind, in the page's language.
LINE_PROBLEMS = {
    "no_siren": N_("no SIREN on this line"),
    "not_nine_digits": N_("“{value}” is not a SIREN (9 digits)"),
    "checksum": N_("“{value}” is not a valid SIREN (its check digit is wrong: a typo?)"),
}
FILE_PROBLEMS = {
    "bad_name": N_(
        "“{name}” is not a portfolio name: use 1 to 64 letters, digits, “-”, “_” or “.”, "
        "starting with a letter or a digit."
    ),
    "empty": N_("The file is empty: put one SIREN per line, e.g. 552100554."),
    "no_rows": N_("The file has a header but no rows: add one SIREN per line under it."),
    "no_siren_column": N_(
        "No “siren” column in the file's first line ({header}): name the columns, e.g. "
        "siren,label, separated by “,” or “;”."
    ),
    "too_many_rows": N_(
        "More than {limit} rows (line {line}): split the file into several portfolios."
    ),
    "no_valid_siren": N_(
        "No line of the file holds a valid SIREN ({bad} bad lines): a SIREN is 9 digits "
        "with a valid check digit, e.g. 552100554."
    ),
    "not_yours": N_("The portfolio “{name}” belongs to another agent: choose another name."),
    "unreadable": N_(
        'The file cannot be read past line {line}: look for a quote (") that is never closed.'
    ),
}


def _problem(lang: str, table: dict[str, str], kind: str, **params: object) -> str:
    return gettext(lang, table[kind], **params) if kind in table else kind


def _visible(request: Request, agent: SignedInAgent, name: str) -> PortfolioSummary | None:
    """The agent's own portfolio, or a shared one (imported without an owner)."""
    found = find_portfolio(state(request).database, name)
    if found is None or found.agent_id not in (None, agent.id):
        return None
    return found


def _not_found(request: Request, lang: str, name: str) -> HTMLResponse:
    return message(
        request,
        lang,
        404,
        gettext(lang, "Portfolio not found"),
        gettext(
            lang,
            "No portfolio “{name}” among yours: go back to the list of your portfolios.",
            name=name[:80],
        ),
    )


def _list(
    request: Request,
    lang: str,
    agent: SignedInAgent,
    *,
    status: int = 200,
    errors: list[str] | None = None,
    name: str = "",
    notice: str | None = None,
) -> HTMLResponse:
    database = state(request).database
    found = list_portfolios(database, agent.id)
    owners = {p.agent_id for p in found if p.agent_id is not None}
    with database.session() as session:
        found_names = session.execute(select(Agent.id, Agent.name).where(Agent.id.in_(owners)))
        names = {agent_id: agent_name for agent_id, agent_name in found_names}
    return render(
        request,
        "agent_portfolios.html",
        lang,
        status=status,
        title=gettext(lang, "Portfolios"),
        rows=[
            {
                "name": p.name,
                "size": p.size,
                "updated": format_date(p.updated_at, lang),
                "owner": names.get(p.agent_id, "") if p.agent_id else gettext(lang, "shared"),
                "href": link(f"{HOME}/{quote(p.name)}", lang),
            }
            for p in found
        ],
        errors=errors or [],
        name=name,
        notice=notice,
        max_rows=format_number(MAX_ROWS, lang),
        max_megabytes=MAX_UPLOAD_BYTES // (1024 * 1024),
    )


@router.get(HOME, response_class=HTMLResponse)
def list_page(request: Request, lang: str | None = None, done: str | None = None) -> Response:
    agent = require_signed_in(request)
    chosen = language(lang)
    notice = gettext(chosen, "Portfolio deleted.") if done == "deleted" else None
    return _list(request, chosen, agent, notice=notice)


@router.post(HOME, response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    agent = require_signed_in(request)
    # Refused before reading the body when the browser says it is too big.
    declared = request.headers.get("content-length", "")
    too_big = declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES + 64 * 1024
    if too_big:
        lang = language(request.query_params.get("lang"))
        return _list(request, lang, agent, status=413, errors=[_too_big(lang)])
    posted = await checked_form(request)
    lang = language(posted.get("lang"))
    name = posted.get("name", "").strip()
    upload = (await request.form()).get("file")

    def answer() -> Response:
        if not isinstance(upload, UploadFile) or not upload.filename:
            errors = [gettext(lang, "Choose a CSV file of SIRENs to upload.")]
            return _list(request, lang, agent, status=400, errors=errors, name=name)
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            return _list(request, lang, agent, status=413, errors=[_too_big(lang)], name=name)
        try:
            found = import_portfolio(
                state(request).database, name, upload.file, agent.id, where=upload.filename
            )
        except PortfolioError as exc:
            params = {
                k: format_number(v, lang) if isinstance(v, int) and k != "line" else v
                for k, v in exc.params.items()
            }
            errors = [_problem(lang, FILE_PROBLEMS, exc.kind, **params)]
            return _list(request, lang, agent, status=400, errors=errors, name=name)
        log.info("agent %s imported portfolio %s", agent.name, name.lower())
        return _report(request, lang, name.lower(), found)

    try:
        return await run_in_threadpool(answer)
    finally:
        if isinstance(upload, UploadFile):
            await upload.close()


def _too_big(lang: str) -> str:
    return gettext(
        lang,
        "The file is larger than {size} MB: split it into several portfolios.",
        size=MAX_UPLOAD_BYTES // (1024 * 1024),
    )


def _report(request: Request, lang: str, name: str, found: PortfolioFile) -> HTMLResponse:
    return render(
        request,
        "agent_portfolio_report.html",
        lang,
        title=gettext(lang, "Portfolio “{name}” imported", name=name),
        found=found,
        imported=len(found.entries),
        bad=[
            {"line": p.line, "reason": _problem(lang, LINE_PROBLEMS, p.kind, value=p.value)}
            for p in found.bad_problems
        ],
        bad_more=found.bad_count - len(found.bad_problems),
        unknown_more=found.unknown_count - len(found.unknown_lines),
        href=link(f"{HOME}/{quote(name)}", lang),
        back=link(HOME, lang),
    )


@router.get(HOME + "/{name}", response_class=HTMLResponse)
def portfolio_page(
    request: Request, name: str, lang: str | None = None, page: int = 1
) -> HTMLResponse:
    agent = require_signed_in(request)
    chosen = language(lang)
    found = _visible(request, agent, name)
    if found is None:
        return _not_found(request, chosen, name)
    pages = max(1, ceil(found.size / PER_PAGE))
    page = min(max(page, 1), pages)
    app = state(request)
    rows = portfolio_rows(app.database, found.name, PER_PAGE, (page - 1) * PER_PAGE)
    latest = _latest(request, found.name, [siren for siren, _, _ in rows], chosen)
    query = f"portfolio:{found.name}"
    return render(
        request,
        "agent_portfolio.html",
        chosen,
        title=gettext(chosen, "Portfolio “{name}”", name=found.name),
        portfolio=found,
        updated=format_date(found.updated_at, chosen),
        query=query,
        companies=[
            {
                "siren": siren,
                "label": label,
                "name": registered,
                "href": link(f"/companies/{siren}", chosen),
                "documents": latest.get(siren, []),
            }
            for siren, label, registered in rows
        ],
        page=page,
        pages=pages,
        previous=link(f"{HOME}/{quote(found.name)}", chosen, page=page - 1) if page > 1 else None,
        next=link(f"{HOME}/{quote(found.name)}", chosen, page=page + 1) if page < pages else None,
        search=link("/search", chosen, q=query, sort="date"),
        subscribe=link("/agent/subscriptions/new", chosen, q=query),
        delete=link(f"{HOME}/{quote(found.name)}/delete", chosen),
        back=link(HOME, chosen),
    )


def _latest(
    request: Request, name: str, sirens: list[str], lang: str
) -> dict[str, list[dict[str, Any]]]:
    """Each company's latest documents and their events, from one search over the page's
    companies and one read of those documents."""
    if not sirens:
        return {}
    index = state(request).index
    result = index.search(
        SearchRequest(
            query=Members(name, frozenset(sirens)), sort="date", per_page=DOCUMENTS_PER_PAGE
        )
    )
    documents = index.get_many([hit.id for hit in result.hits])
    events = labels(lang)["event"]
    wanted = set(sirens)
    latest: dict[str, list[dict[str, Any]]] = {}
    for hit in result.hits:
        document = documents.get(hit.id)
        if document is None:
            continue
        about = {str(c["siren"]) for c in document.companies if c.get("siren")} & wanted
        for siren in about:
            shown = latest.setdefault(siren, [])
            if len(shown) >= DOCUMENTS_PER_COMPANY:
                continue
            kinds = [
                str(e.get("type"))
                for e in document.events
                if e.get("type") and (not e.get("siren") or str(e["siren"]) == siren)
            ]
            shown.append(
                {
                    "title": hit.title or hit.id,
                    "href": link(f"/documents/{quote(hit.id, safe='')}", lang),
                    "date": format_date(hit.published_at, lang) if hit.published_at else "",
                    "events": [events.get(k, k) for k in dict.fromkeys(kinds)],
                }
            )
    return latest


@router.get(HOME + "/{name}/delete", response_class=HTMLResponse)
def delete_page(request: Request, name: str, lang: str | None = None) -> HTMLResponse:
    """Only asks: the POST of its button deletes."""
    agent = require_signed_in(request)
    chosen = language(lang)
    found = _visible(request, agent, name)
    if found is None:
        return _not_found(request, chosen, name)
    return render(
        request,
        "agent_subscription_delete.html",
        chosen,
        title=gettext(chosen, "Delete this portfolio?"),
        text=gettext(
            chosen,
            "The portfolio “{name}” and its {size} companies will be deleted; subscriptions "
            "whose query names it stop matching until a portfolio of that name is imported "
            "again. This cannot be undone.",
            name=found.name,
            size=found.size,
        ),
        action=f"{HOME}/{quote(found.name)}/delete",
        cancel=link(f"{HOME}/{quote(found.name)}", chosen),
    )


@router.post(HOME + "/{name}/delete", response_class=HTMLResponse)
async def delete(request: Request, name: str) -> Response:
    agent = require_signed_in(request)
    posted = await checked_form(request)
    lang = language(posted.get("lang"))

    def answer() -> Response:
        found = _visible(request, agent, name)
        if found is None:
            return _not_found(request, lang, name)
        delete_portfolio(state(request).database, found.name)
        log.info("agent %s deleted portfolio %s", agent.name, found.name)
        target = link(HOME, lang, done="deleted")
        return RedirectResponse(target, status_code=303, headers=SECURITY_HEADERS)

    return await run_in_threadpool(answer)
