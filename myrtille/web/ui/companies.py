"""Company pages: a search of the registry by name or SIREN (``/companies?q=``) and one
page per company (``/companies/{siren}``) with the registry's facts, the timeline of the
documents that mention it, the companies mentioned with it and a way to watch it."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from myrtille.enrichment.registry import find_companies, valid_siren
from myrtille.texts import N_, format_date, format_number, gettext, label, ngettext
from myrtille.web.api import state
from myrtille.web.company_profile import (
    CompanyProfile,
    InvalidSiren,
    checked_siren,
    company_profile,
)
from myrtille.web.sessions import signed_in
from myrtille.web.ui.common import language, link, message, other, render, source_names, term

router = APIRouter(include_in_schema=False)

SEARCH_LIMIT = 30
# Sirene's categorieEntreprise, in words.
CATEGORIES = {
    "PME": N_("Small or medium-sized enterprise (PME)"),
    "ETI": N_("Intermediate-sized enterprise (ETI)"),
    "GE": N_("Large enterprise (GE)"),
}
# What a document of the timeline is: press, or a notice of one of the open-data sources.
KINDS = {
    "press": N_("Press"),
    "bodacc": N_("BODACC"),
    "boamp": N_("BOAMP"),
    "notice": N_("Notice"),
}


def spaced(siren: str) -> str:
    """A SIREN as it is printed: 919 985 002."""
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}" if len(siren) == 9 else siren


def company_href(siren: str, lang: str) -> str:
    return link(f"/companies/{quote(siren, safe='')}", lang)


def watch_link(request: Request, lang: str, siren: str) -> str | None:
    """The agent's subscription form with ``company:SIREN`` when signed in, else the
    firms' public form with the company ticked (if the operator opened it)."""
    if signed_in(request):
        return link("/agent/subscriptions/new", lang, q=term("company", siren))
    if not state(request).settings.web.public_subscribe.enabled:
        return None
    return "/subscribe?" + urlencode(
        {"companies": siren, **({"lang": lang} if lang != "fr" else {})}
    )


def facts_context(profile: CompanyProfile, lang: str) -> dict[str, Any] | None:
    facts = profile.facts
    if facts is None:
        return None
    return {
        "acronym": facts.acronym,
        "naf": facts.naf,
        "sectors": [
            {
                "label": label(lang, "sector", code),
                "href": link("/search", lang, q=term("sector", code)),
            }
            for code in facts.sectors
        ],
        "category": gettext(lang, CATEGORIES[facts.category])
        if facts.category in CATEGORIES
        else None,
        "ceased": facts.ceased,
        "city": facts.city,
        "department": label(lang, "department", facts.department) if facts.department else None,
        "region": label(lang, "region", facts.region) if facts.region else None,
    }


def profile_context(request: Request, profile: CompanyProfile, lang: str) -> dict[str, Any]:
    names = source_names(request)
    query = term("company", profile.siren)
    shown = len(profile.timeline)
    return {
        "siren": profile.siren,
        "siren_spaced": spaced(profile.siren),
        "name": profile.name,
        "facts": facts_context(profile, lang),
        "total": profile.total,
        "count": ngettext(
            lang,
            "{count} document mentions it.",
            "{count} documents mention it.",
            profile.total,
            count=format_number(profile.total, lang),
        ),
        "shown": gettext(
            lang,
            "The {shown} most recent:",
            shown=format_number(shown, lang),
        )
        if profile.total > shown
        else None,
        "more": link("/search", lang, q=query, sort="date") if profile.total > shown else None,
        "search": link("/search", lang, q=query, sort="date"),
        "trends": link("/trends", lang, q=query),
        "timeline": [
            {
                "title": item.title,
                "href": link(f"/documents/{quote(item.id, safe='')}", lang),
                "date": format_date(item.date, lang),
                "iso": item.date.date().isoformat() if item.date else "",
                "source": names.get(item.source, item.source),
                "kind": item.kind,
                "kind_label": gettext(lang, KINDS[item.kind]),
                "events": [
                    {
                        "code": code,
                        "href": link("/search", lang, q=f"{query} {term('event', code)}"),
                    }
                    for code in item.events
                ],
            }
            for item in profile.timeline
        ],
        "co_mentions": [
            {
                "name": c.name,
                "count": format_number(c.count, lang),
                "siren": c.siren,
                "href": company_href(c.siren, lang)
                if c.siren
                else link("/search", lang, q=term("company", c.value)),
            }
            for c in profile.co_mentions
        ],
        "watch": watch_link(request, lang, profile.siren),
    }


def siren_problem(lang: str, exc: InvalidSiren) -> str:
    if exc.reason == "checksum":
        return gettext(
            lang,
            "“{given}” is not a SIREN: its check digit is wrong (a digit mistyped, or two "
            "swapped?). Check it against the company's papers, or search companies by name.",
            given=exc.given,
        )
    return gettext(
        lang,
        "“{given}” is not a SIREN: a SIREN is 9 digits, such as 919 985 002. "
        "Search companies by name instead.",
        given=exc.given,
    )


@router.get("/companies", response_class=HTMLResponse)
def companies_page(request: Request, q: str = "", lang: str | None = None) -> HTMLResponse:
    chosen = language(lang)
    wanted = q.strip()[:100]
    found = find_companies(state(request).database, wanted, SEARCH_LIMIT) if wanted else None
    results = [
        {
            "name": c.name,
            "acronym": c.acronym,
            "siren": spaced(c.siren),
            "href": company_href(c.siren, chosen),
            "ceased": c.ceased,
            "naf": c.naf,
        }
        for c in found or []
        if c.siren and valid_siren(c.siren)
    ]
    return render(
        request,
        "companies.html",
        chosen,
        title=gettext(chosen, "Companies"),
        q=wanted,
        results=results if found is not None else None,
        switch=link("/companies", other(chosen), q=wanted),
    )


@router.get("/companies/{siren}", response_class=HTMLResponse)
def company_page(request: Request, siren: str, lang: str | None = None) -> HTMLResponse:
    chosen = language(lang)
    switch = link(f"/companies/{quote(siren, safe='')}", other(chosen))
    try:
        wanted = checked_siren(siren)
    except InvalidSiren as exc:
        title = gettext(chosen, "Not a SIREN")
        return message(request, chosen, 400, title, siren_problem(chosen, exc), switch=switch)
    app = state(request)
    profile = company_profile(app.database, app.index, app.settings.sources, wanted)
    if profile is None:
        return message(
            request,
            chosen,
            404,
            gettext(chosen, "Company not found"),
            gettext(
                chosen,
                "No company with SIREN {siren} in the registry, and no document mentions it.",
                siren=spaced(wanted),
            ),
            switch=switch,
        )
    return render(
        request,
        "company.html",
        chosen,
        title=profile.name,
        company=profile_context(request, profile, chosen),
        switch=link(f"/companies/{wanted}", other(chosen)),
    )
