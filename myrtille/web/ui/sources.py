"""The sources page: every configured source with its health (public, read-only), and a
"poll now" button for signed-in agents that crawls one source from the web process.

Error texts come from remote servers (status lines, URLs, page content): they are shown
as plain, shortened sentences, escaped like all text.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select

from myrtille.config.settings import Settings, SourceBase
from myrtille.crawlers.health import REFUSED_PREFIX, SourceRun, all_states, record_run
from myrtille.crawlers.polling import effective_interval
from myrtille.crawlers.runner import run_crawl
from myrtille.store.database import Database
from myrtille.store.schema import Document, SourceState
from myrtille.web.api import state
from myrtille.web.sessions import checked_form, require_signed_in
from myrtille.web.ui.common import (
    SECURITY_HEADERS,
    Texts,
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

TEXTS: Texts = {
    "fr": {
        "title": "Sources",
        "intro": "Chaque source configurée : son dernier relevé réussi, sa dernière erreur, "
        "la fréquence de relevé en vigueur et ce qu'elle apporte. Heures en UTC.",
        "count": "{n} source(s) configurée(s).",
        "none": "Aucune source n'est configurée (section « sources » du fichier de configuration).",
        "source": "Source",
        "last_success": "Dernier succès",
        "last_error": "Dernière erreur",
        "refused": "Liens refusés (règle des URL, voir docs/security.md) :",
        "failures": "Échecs de suite",
        "interval": "Fréquence",
        "next_due": "Prochain relevé",
        "per_day": "Documents / jour ({days} j)",
        "total": "Documents",
        "never": "jamais",
        "no_error": "aucune",
        "error_at": "Le {when} : {text}",
        "backing_off": "en retrait (échecs répétés)",
        "configured": "réglée à {interval}",
        "due_now": "dès que possible",
        "disabled": "désactivée",
        "polling": "relevé en cours…",
        "week_count": "{n} en {days} jours",
        "poll_now": "Relever maintenant",
        "started": "Relevé de « {id} » lancé. Rechargez la page dans un moment pour voir "
        "le résultat.",
        "busy": "« {id} » est déjà en cours de relevé.",
        "done": "Relevé de « {id} » terminé : voir son résultat ci-dessous.",
        "unknown": "Source inconnue",
        "unknown_text": "Aucune source « {id} » n'est configurée.",
        "minutes": "{n} min",
        "hours": "{n} h",
        "days": "{n} j",
    },
    "en": {
        "title": "Sources",
        "intro": "Every configured source: its last successful poll, its last error, the "
        "poll interval in force and what it brings. Times in UTC.",
        "count": "{n} source(s) configured.",
        "none": "No source is configured (the 'sources' section of the configuration file).",
        "source": "Source",
        "last_success": "Last success",
        "last_error": "Last error",
        "refused": "Refused links (the URL rule, see docs/security.md):",
        "failures": "Failures in a row",
        "interval": "Interval",
        "next_due": "Next poll",
        "per_day": "Documents / day ({days} d)",
        "total": "Documents",
        "never": "never",
        "no_error": "none",
        "error_at": "On {when}: {text}",
        "backing_off": "backing off (repeated failures)",
        "configured": "set to {interval}",
        "due_now": "as soon as possible",
        "disabled": "disabled",
        "polling": "being polled now…",
        "week_count": "{n} in {days} days",
        "poll_now": "Poll now",
        "started": "Polling '{id}' now. Reload the page in a moment to see how it went.",
        "busy": "'{id}' is already being polled.",
        "done": "Polling '{id}' is over: see how it went below.",
        "unknown": "Unknown source",
        "unknown_text": "No source '{id}' is configured.",
        "minutes": "{n} min",
        "hours": "{n} h",
        "days": "{n} d",
    },
}

NOTICES = ("started", "busy")


# -- polling from the web process -------------------------------------------------------


class Polls:
    """The sources this web process is polling: at most one crawl per source at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[str] = set()

    def running(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._running)

    def start(self, source_id: str, work: Callable[[], None]) -> bool:
        """Run ``work`` in a daemon thread; False when ``source_id`` is already running."""
        with self._lock:
            if source_id in self._running:
                return False
            self._running.add(source_id)

        def run() -> None:
            try:
                work()
            finally:
                with self._lock:
                    self._running.discard(source_id)

        threading.Thread(target=run, daemon=True, name=f"poll-{source_id}").start()
        return True


_SETUP = threading.Lock()


def polls_of(app_state: Any) -> Polls:
    """The app's ``Polls``, made on first use."""
    with _SETUP:
        polls: Polls | None = getattr(app_state, "polls", None)
        if polls is None:
            polls = app_state.polls = Polls()
        return polls


def poll(settings: Settings, database: Database, source: SourceBase) -> None:
    """Crawl one source through the crawl entry point (a child process)."""
    try:
        run_crawl(settings, database, [source])
    except Exception as exc:  # the crawl could not even start: say so on the page
        log.exception("polling %s from the web failed", source.id)
        run = SourceRun(source_id=source.id, kind=source.kind, interval=source.interval)
        run.fail(f"the poll could not start ({type(exc).__name__}: {exc})")
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


def moment(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value else None


def duration(value: timedelta, words: Mapping[str, str]) -> str:
    """An interval in whole minutes, hours or days, as people say them."""
    minutes = max(1, round(value.total_seconds() / 60))
    if minutes % 1440 == 0:
        return words["days"].format(n=minutes // 1440)
    if minutes >= 120 or minutes % 60 == 0:
        hours = minutes / 60
        shown = f"{hours:.0f}" if hours == int(hours) else f"{hours:.1f}"
        return words["hours"].format(n=shown)
    return words["minutes"].format(n=minutes)


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
    words = TEXTS[lang]
    configured = source.interval
    current = configured
    backing_off = False
    next_due: str = words["due_now"]
    error = None
    refused = None
    if health is not None:
        refused = next(
            (
                plain_sentence(w.removeprefix(REFUSED_PREFIX).strip())
                for w in health.warnings or []
                if w.startswith(REFUSED_PREFIX)
            ),
            None,
        )
        backing_off = bool(health.backing_off)
        current = effective_interval(configured, health.poll_interval_seconds, backing_off)
        if health.last_attempt_at is not None and health.last_attempt_at + current > now:
            next_due = moment(health.last_attempt_at + current) or next_due
        if health.last_error:
            when = moment(health.last_error_at or health.last_attempt_at) or "?"
            error = words["error_at"].format(when=when, text=plain_sentence(health.last_error))
    if not source.enabled:
        next_due = words["disabled"]
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "url": safe_url(source.url),
        "last_success": moment(health.last_success_at) if health else None,
        "error": error,
        "refused": refused,
        "failures": (health.consecutive_failures or 0) if health else 0,
        "interval": duration(current, words),
        "configured": duration(configured, words) if current != configured else None,
        "backing_off": backing_off,
        "next_due": next_due,
        "per_day": f"{recent / RECENT_DAYS:.1f}",
        "recent": words["week_count"].format(n=recent, days=RECENT_DAYS),
        "total": total,
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
    running = polls_of(app).running()
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
    if notice in NOTICES and source in known:
        kind = "done" if notice == "started" and source not in running else notice
        shown = {"kind": kind, "text": TEXTS[chosen][kind].format(id=source)}
    return render(
        request,
        "sources.html",
        chosen,
        TEXTS,
        title=TEXTS[chosen]["title"],
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
        words = TEXTS[chosen]
        return message(
            request, chosen, 404, words["unknown"], words["unknown_text"].format(id=source_id)
        )
    database: Database = app.database
    started = polls_of(app).start(source.id, lambda: poll(settings, database, source))
    return RedirectResponse(
        link("/sources", chosen, notice="started" if started else "busy", source=source.id),
        status_code=303,
        headers=SECURITY_HEADERS,
    )
