"""The sources page: every configured source with its health (public, read-only), and a
"poll now" button for signed-in agents that crawls one source from the web process, under
the same per-source lock as the crawl job, so that one crawl of a source runs at a time
whichever web process or worker starts it.

Error texts come from remote servers (status lines, URLs, page content): they are shown
as plain, shortened sentences, escaped like all text.
"""

from __future__ import annotations

import logging
import re
import threading
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select

from myrtille.config.settings import Settings
from myrtille.config.sources import SourceBase
from myrtille.crawlers.health import REFUSED_PREFIX, SourceRun, all_states, record_run
from myrtille.crawlers.polling import effective_interval
from myrtille.crawlers.runner import run_crawl
from myrtille.store.database import Database
from myrtille.store.health_texts import code_of, said, shown, stored
from myrtille.store.locks import source_lock, sources_locked
from myrtille.store.schema import Document, SourceState
from myrtille.texts import N_, format_datetime, format_decimal, format_number, gettext, ngettext
from myrtille.web.api import state
from myrtille.web.sessions import checked_form, require_signed_in
from myrtille.web.ui.common import (
    SECURITY_HEADERS,
    language,
    link,
    message,
    other,
    render,
    safe_url,
)

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

RECENT_DAYS = 7
MAX_ERROR_CHARS = 300

# Source kinds as readers call them (the configuration's ``kind`` is a code).
KINDS = {
    "feed": N_("feed"),
    "site": N_("site"),
    "sitemap": N_("sitemap"),
    "opendata": N_("open data"),
}
# The notices this page gives after "poll now", by the kind named in its URL.
NOTICES = {
    "started": N_("Polling '{id}' now. Reload the page in a moment to see how it went."),
    "busy": N_("'{id}' is already being polled."),
    "done": N_("Polling '{id}' is over: see how it went below."),
}


# -- polling from the web process -------------------------------------------------------


def poll(settings: Settings, database: Database, source: SourceBase) -> bool:
    """Crawl one source in a daemon thread, holding the source's lock, the one the crawl
    job takes (``store/locks.py``): False, and nothing started, when any process (another
    web process, a worker, ``myrtille run``) is crawling it already."""
    lock = source_lock(database, settings.data_dir, source.id)
    if not lock.try_acquire():
        return False

    def run() -> None:
        try:
            crawl(settings, database, source)
        finally:
            lock.close()

    threading.Thread(target=run, daemon=True, name=f"poll-{source.id}").start()
    return True


def crawl(settings: Settings, database: Database, source: SourceBase) -> None:
    """Crawl one source through the crawl entry point (a child process)."""
    try:
        run_crawl(settings, database, [source])
    except Exception as exc:  # the crawl could not even start: say so on the page
        log.exception("polling %s from the web failed", source.id)
        run = SourceRun(source_id=source.id, kind=source.kind, interval=source.interval)
        run.fail(stored(said("poll_not_started", error=f"{type(exc).__name__}: {exc}")))
        record_run(database, run)


# -- the health table -------------------------------------------------------------------


def plain_sentence(text: str) -> str:
    """A remote error as one short line of text: no control characters, no runs of
    whitespace, at most MAX_ERROR_CHARS, ending with a full stop."""
    line = re.sub(r"[\x00-\x1f\x7f]+", " ", text)
    line = re.sub(r"\s+", " ", line).strip()
    if len(line) > MAX_ERROR_CHARS:
        line = line[: MAX_ERROR_CHARS - 1].rstrip() + "…"
    if line and line[0].islower():
        line = line[0].upper() + line[1:]
    return line if not line or line[-1] in ".!?…" else line + "."


def moment(value: datetime | None, lang: str) -> str | None:
    """A time in UTC as the language writes it (the page says its times are UTC)."""
    return gettext(lang, "{time} UTC", time=format_datetime(value, lang, UTC)) if value else None


def duration(value: timedelta, lang: str) -> str:
    """An interval in whole minutes, hours or days, as people say them."""
    minutes = max(1, round(value.total_seconds() / 60))
    if minutes % 1440 == 0:
        days = minutes // 1440
        return ngettext(lang, "{count} day", "{count} days", days, count=format_number(days, lang))
    if minutes >= 120 or minutes % 60 == 0:
        hours = minutes / 60
        shown = format_decimal(hours, lang, 0 if hours == int(hours) else 1)
        return gettext(lang, "{count} h", count=shown)
    return gettext(lang, "{count} min", count=format_number(minutes, lang))


def collected(database: Database, since: datetime) -> tuple[dict[str, int], dict[str, int]]:
    """Documents per source: collected since ``since``, and in all."""
    by_source = select(Document.source_id, func.count()).group_by(Document.source_id)
    with database.session() as session:
        recent = session.execute(by_source.where(Document.collected_at >= since)).all()
        total = session.execute(by_source).all()
    return {s: int(n) for s, n in recent}, {s: int(n) for s, n in total}


def source_row(
    source: SourceBase,
    health: SourceState | None,
    recent: int,
    total: int,
    polling: bool,
    lang: str,
    now: datetime,
) -> dict[str, Any]:
    configured = source.interval
    current = configured
    backing_off = False
    next_due: str = gettext(lang, "as soon as possible")
    error = None
    refused = None
    if health is not None:
        # Coded texts in the page's language; older plain ones as they were stored.
        refused = next(
            (
                plain_sentence(shown(w, lang, labelled=False))
                if code_of(w)
                else plain_sentence(w.removeprefix(REFUSED_PREFIX).strip())
                for w in health.warnings or []
                if code_of(w) == "refused_links" or w.startswith(REFUSED_PREFIX)
            ),
            None,
        )
        backing_off = bool(health.backing_off)
        current = effective_interval(configured, health.poll_interval_seconds, backing_off)
        if health.last_attempt_at is not None and health.last_attempt_at + current > now:
            next_due = moment(health.last_attempt_at + current, lang) or next_due
        if health.last_error:
            when = moment(health.last_error_at or health.last_attempt_at, lang) or "?"
            error = gettext(
                lang,
                "On {when}: {text}",
                when=when,
                text=plain_sentence(shown(health.last_error, lang)),
            )
    if not source.enabled:
        next_due = gettext(lang, "disabled")
    return {
        "id": source.id,
        "name": source.name,
        "kind": gettext(lang, KINDS[source.kind]) if source.kind in KINDS else source.kind,
        "url": safe_url(source.url),
        "last_success": moment(health.last_success_at, lang) if health else None,
        "error": error,
        "refused": refused,
        "failures": (health.consecutive_failures or 0) if health else 0,
        "interval": duration(current, lang),
        "configured": duration(configured, lang) if current != configured else None,
        "backing_off": backing_off,
        "next_due": next_due,
        "per_day": format_decimal(recent / RECENT_DAYS, lang, 1),
        "recent": gettext(
            lang, "{count} in {days} days", count=format_number(recent, lang), days=RECENT_DAYS
        ),
        "total": format_number(total, lang),
        "polling": polling,
        "poll": f"/sources/{quote(source.id, safe='')}/poll",
    }


@router.get("/sources", response_class=HTMLResponse)
def sources_page(
    request: Request,
    lang: str | None = None,
    notice: str | None = None,
    source: str | None = None,
) -> HTMLResponse:
    chosen = language(lang)
    app = state(request)
    settings: Settings = app.settings
    now = datetime.now(UTC)
    states = all_states(app.database)
    recent, total = collected(app.database, now - timedelta(days=RECENT_DAYS))
    running = sources_locked(app.database, settings.data_dir, [s.id for s in settings.sources])
    rows = [
        source_row(
            s,
            states.get(s.id),
            recent.get(s.id, 0),
            total.get(s.id, 0),
            s.id in running,
            chosen,
            now,
        )
        for s in settings.sources
    ]
    # Only notices this page gives, about a configured source: never text from the URL.
    known = {s.id for s in settings.sources}
    shown = None
    if notice in ("started", "busy") and source in known:
        kind = "done" if notice == "started" and source not in running else notice
        shown = {"kind": kind, "text": gettext(chosen, NOTICES[kind], id=source)}
    return render(
        request,
        "sources.html",
        chosen,
        title=gettext(chosen, "Sources"),
        rows=rows,
        notice=shown,
        days=RECENT_DAYS,
        switch=link("/sources", other(chosen)),
    )


@router.post("/sources/{source_id}/poll")
async def poll_now(request: Request, source_id: str) -> Response:
    require_signed_in(request)
    form = await checked_form(request)
    chosen = language(form.get("lang"))
    app = state(request)
    settings: Settings = app.settings
    try:
        source = settings.source(source_id)
    except KeyError:
        return message(
            request,
            chosen,
            404,
            gettext(chosen, "Unknown source"),
            gettext(
                chosen,
                "No source '{id}' is configured: see the sources section of the configuration.",
                id=source_id,
            ),
        )
    database: Database = app.database
    started = await run_in_threadpool(poll, settings, database, source)
    return RedirectResponse(
        link("/sources", chosen, notice="started" if started else "busy", source=source.id),
        status_code=303,
        headers=SECURITY_HEADERS,
    )
