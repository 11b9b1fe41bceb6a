"""Everything a person reads, rendered in both languages, for tests/texts/test_renderings.py.

A *rendering* is a function ``(tmp_path) -> list[Rendering]``: one entry per (thing shown,
language) with the text a reader sees. Add a page or a message by appending its function
to ``RENDERINGS``: web pages through a client (``visible_text(response.text)``), emails
as written on the wire. ``data`` lists the values that came from crawled pages or users
(titles, queries): they are taken out before the checks, which are about the texts the
system itself writes.
"""

from __future__ import annotations

import errno
import html
import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import click
from click.testing import CliRunner

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import Alert, AlertDocument, Digest, DigestItem, DigestSection
from myrtille.config.loading import load_settings


@dataclass
class Rendering:
    name: str
    lang: str
    text: str
    data: list[str] = field(default_factory=list)


_HIDDEN = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def visible_text(page: str) -> str:
    """What a reader sees of an HTML page: tags, scripts and styles gone, entities read."""
    return html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", page)))


# -- emails and digests -----------------------------------------------------------------

# Hostile but realistic: the index stores codes, and a subscription's query names them.
QUERY = "sector:aeronautics event:insolvency region:76 dept:31"
TITLE = "Aérovolt rachète Hélicea"
SUMMARY = "Aérovolt, équipementier de Toulouse, rachète Hélicea."


def _document(number: int) -> AlertDocument:
    return AlertDocument(
        id=f"d{number}",
        title=f"{TITLE} {number}",
        url=f"https://news.example/{number}",
        source="eco-regions",
        published_at=datetime(2025, 3, 14, 23, 30, tzinfo=UTC),
        summary=SUMMARY,
        companies=[{"name": "Aérovolt", "siren": "919985002"}],
        sectors=["aeronautics", "textile_luxury", "digital"],
        events=[{"type": "insolvency"}, {"type": "contract"}, {"type": "hiring"}],
        regions=["76", "11"],
    )


def _channel(tmp_path: Path, lang: str) -> EmailChannel:
    email: dict[str, Any] = {"public_url": "https://veille.example/"}
    settings = load_settings(
        None, env={}, overrides={"data_dir": str(tmp_path / lang), "email": email}
    )
    return EmailChannel(settings, b"k" * 32)


def _sent(tmp_path: Path, lang: str) -> list[EmailMessage]:
    """The messages as written to the .eml files (the channel's output without SMTP)."""
    files = sorted((tmp_path / lang / "mail").glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    messages = []
    for path in files:
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(message, EmailMessage)
        messages.append(message)
    return messages


def _parts(name: str, lang: str, message: EmailMessage, data: list[str]) -> list[Rendering]:
    text = message.get_body(("plain",))
    page = message.get_body(("html",))
    assert text is not None and page is not None
    subject = str(message["Subject"])
    return [
        Rendering(f"{name} subject", lang, subject, data),
        Rendering(f"{name} text", lang, text.get_content(), data),
        Rendering(f"{name} html", lang, visible_text(page.get_content()), data),
    ]


def emails(tmp_path: Path) -> list[Rendering]:
    data = [QUERY, TITLE, SUMMARY, "Aérovolt", "Hélicea", "eco-regions", "la-depeche"]
    out: list[Rendering] = []
    for lang in ("fr", "en"):
        channel = _channel(tmp_path, lang)
        alert = Alert(
            outbox_id=1,
            channel="email",
            subscription_id=42,
            subscription_name="Aéro",
            query=QUERY,
            subscriber_id=7,
            subscriber_email="lea@example.org",
            language=lang,  # type: ignore[arg-type]
            document=_document(1),
            also_reported_by=[
                {"source": "la-depeche", "title": TITLE, "url": "https://ld.example/1"}
            ],
            timezone="Europe/Paris",
        )
        channel.send(alert)
        for frequency, more in (("daily", 1), ("weekly", 3)):
            channel.send_digest(
                Digest(
                    subscriber_id=7,
                    subscriber_email="lea@example.org",
                    language=lang,  # type: ignore[arg-type]
                    frequency=frequency,  # type: ignore[arg-type]
                    sections=[
                        DigestSection(
                            42,
                            "Aéro",
                            QUERY,
                            [DigestItem(_document(2)), DigestItem(_document(3))],
                            more=more,
                            more_url="https://veille.example/search?q=x",
                        )
                    ],
                    unsubscribe_url="https://veille.example/unsubscribe?token=t",
                    preferences_url="https://veille.example/preferences?token=p",
                    timezone="Europe/Paris",
                )
            )
        channel.send_confirmation("lea@example.org", lang, "abc.def")
        # A legal notice about a portfolio company: the alert's urgent form.
        channel.send(replace(alert, outbox_id=2, urgent=True))
        names = ["alert", "daily digest", "weekly digest", "confirmation", "urgent alert"]
        messages = _sent(tmp_path, lang)
        assert len(messages) == len(names)
        for name, message in zip(names, messages, strict=True):
            out += _parts(name, lang, message, data)
    return out


# -- the command line -------------------------------------------------------------------


# What an operator or an agent runs, and what each answers: (name, arguments, exit code).
# "{tmp}" is the directory of the files below, "{data}" the language's data directory and
# "{busy}" a port already taken (the servers print their start-up line, then stop).
# Counts of 1 and of several: the French singular and plural forms differ.
CLI_RUNS: list[tuple[str, list[str], int]] = [
    ("index rebuild", ["index", "rebuild"], 0),
    ("crawl without sources", ["crawl"], 0),
    ("crawl unknown source", ["crawl", "nope"], 2),
    ("init", ["init", "{data}/starter.yaml"], 0),
    ("init refused", ["init", "{data}/starter.yaml"], 1),
    (
        "sources export one",
        ["--config", "{tmp}/one-site.yaml", "sources", "export", "-o", "{data}/one.opml"],
        0,
    ),
    (
        "sources export many",
        ["--config", "{tmp}/two-sites.yaml", "sources", "export", "-o", "{data}/many.opml"],
        0,
    ),
    ("export since refused", ["export", "--since", "mardi"], 2),
    ("search refused", ["search", "sektor:energy"], 2),
    ("search since refused", ["search", "zeppelin", "--since", "mardi"], 2),
    # On the web pages' documents (indexed below): facets by name, dates per language.
    ("search facets", ["search", "rachat", "--facets", "--limit", "2"], 0),
    ("companies import one", ["companies", "import", "sirene", "{tmp}/sirene-one.csv"], 0),
    (
        "companies import many",
        ["companies", "import", "sirene", "--include-persons", "{tmp}/sirene-many.csv"],
        0,
    ),
    ("companies", ["companies", "list"], 0),
    ("portfolio import one", ["portfolios", "import", "clients", "{tmp}/portfolio-one.csv"], 0),
    (
        "portfolio import many",
        ["portfolios", "import", "fournisseurs", "{tmp}/portfolio-many.csv"],
        0,
    ),
    ("portfolio refused", ["portfolios", "import", "vide", "{tmp}/portfolio-empty.csv"], 2),
    ("portfolios", ["portfolios", "list"], 0),
    ("portfolio show", ["portfolios", "show", "clients"], 0),
    ("portfolio misspelt", ["portfolios", "delete", "client"], 2),
    ("portfolio deleted", ["portfolios", "delete", "clients"], 0),
    (
        "portfolio unknown agent",
        ["portfolios", "import", "prospects", "{tmp}/portfolio-one.csv", "--agent", "nobody"],
        2,
    ),
    ("subscribe", ["subscribe", "--email", "pme@example.org", "--query", "sector:energy"], 0),
    (
        "subscribe confirmed",
        ["subscribe", "--email", "eti@example.org", "--query", "rachat", "--confirmed"],
        0,
    ),
    ("subscribe refused", ["subscribe", "--email", "pme@example.org", "--query", "(rachat"], 2),
    ("preview", ["subscribe", "--email", "x@example.org", "--query", "x", "--preview"], 0),
    ("confirm refused", ["confirm", "abc.def"], 2),
    ("subscriptions", ["subscriptions"], 0),
    ("users none", ["users", "list"], 0),
    ("agent created", ["users", "create-agent", "veille-cci"], 0),
    ("agent exists", ["users", "create-agent", "veille-cci"], 1),
    ("password refused", ["users", "set-password", "veille-cci", "--password-stdin"], 1),
    ("users", ["users", "list"], 0),
    ("revoke", ["users", "revoke", "veille-cci"], 0),
    ("revoke refused", ["users", "revoke", "veille-cci"], 1),
    ("dispatch", ["dispatch"], 0),
    ("digest", ["digest", "--frequency", "daily"], 0),
    ("deliveries", ["deliveries"], 0),
    ("status", ["status"], 0),
    # A full disk, seen once by one job and twice by another (recorded below).
    ("status degraded", ["status"], 0),
    ("watch without key", ["watch"], 2),
    (
        "watch unreachable",
        ["watch", "--once", "--url", "{unreachable}", "--api-key", "myr_test_key"],
        1,
    ),
    ("serve", ["serve", "--port", "{busy}"], 3),
    ("run", ["run", "--port", "{busy}"], 3),
]

# Files the runs read. The Sirene extracts: a firm (ceased), a sole trader and a bad row;
# then several of each (a bad NAF code is reported and its firm kept).
_SIRENE_HEADER = (
    "siren,denominationUniteLegale,nomUniteLegale,prenomUsuelUniteLegale,"
    "activitePrincipaleUniteLegale,etatAdministratifUniteLegale\n"
)
CLI_FILES = {
    "sirene-one.csv": _SIRENE_HEADER
    + "542065479,BOULANGERIES DU LAURAGAIS,,,10.71C,C\n"
    + "552100554,,MARTY,Juliette,47.24Z,A\n"
    + "12345,TROP COURT,,,10.71C,A\n",
    "sirene-many.csv": _SIRENE_HEADER
    + "443061841,AEROVOLT,,,30.30Z,A\n"
    + "383474814,HELICEA,,,30.30Z,C\n"
    + "775670417,FONDERIE DU TARN,,,24.51Z,C\n"
    + "356000000,,DURAND,Paul,47.24Z,A\n"
    + "652014051,,MARTIN,Anne,47.24Z,A\n"
    + "12345,TROP COURT,,,10.71C,A\n"
    + "732829320,ATELIERS,,,pas-un-code,A\n",
    # A SIREN the registry does not hold, a bad line, a duplicate; then several of each.
    "portfolio-one.csv": "siren,label\n552100554,Client\n12345,x\n552100554,y\n",
    "portfolio-many.csv": "siren;label\n443061841;A\n383474814;B\n12;c\n\n1234567890;d\n"
    "443061841;e\n383474814;f\n919985002;g\n732829320;h\n552100554;i\n",
    "portfolio-empty.csv": "",
    "one-site.yaml": "sources:\n"
    "  - {id: eco, kind: feed, url: 'https://eco.example/rss'}\n"
    "  - {id: ld, kind: site, url: 'https://ld.example/'}\n",
    "two-sites.yaml": "sources:\n"
    "  - {id: eco, kind: feed, url: 'https://eco.example/rss'}\n"
    "  - {id: ld, kind: site, url: 'https://ld.example/'}\n"
    "  - {id: sm, kind: sitemap, url: 'https://sm.example/sitemap.xml'}\n",
}
# The operator's log (English, like the server's), not texts of the command: a consent
# recorded by hand, uvicorn's lines, the service's log lines.
_LOG_LINES = re.compile(
    r"^(consent for .* recorded by an operator.*|(INFO|ERROR|WARNING): .*|\d{4}-\d\d-\d\d .*)$",
    re.M,
)


@dataclass
class _Ran:
    exit_code: int
    output: str
    exception: None = None


def _command(args: list[str], env: dict[str, str | None]) -> _Ran:
    """``myrtille ARGS`` as a process, with ``env`` applied as CliRunner applies it."""
    environ = {k: v for k, v in os.environ.items() if env.get(k, "") is not None}
    environ.update({k: v for k, v in env.items() if v is not None})
    ran = subprocess.run(
        [sys.executable, "-m", "myrtille", *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return _Ran(ran.returncode, ran.stdout)  # stderr: uvicorn's log lines, not ours


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def command_words(group: click.Group) -> set[str]:
    """The names of the commands and groups: what a run says, not data it echoes."""
    words = set()
    for name, command in group.commands.items():
        words.add(name)
        if isinstance(command, click.Group):
            words |= command_words(command)
    return words


def cli_summaries(tmp_path: Path) -> list[Rendering]:
    """What the command answers, in the language of the locale it runs in."""
    from myrtille.cli import main
    from myrtille.index.factory import open_index
    from myrtille.store.health import ServiceHealth
    from tests.web.conftest import documents

    for name, content in CLI_FILES.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    words = command_words(main)
    indexed = documents()
    # What the documents hold is data: titles, snippets, companies' and sources' names.
    shown = [d.title for d in indexed] + [d.source for d in indexed]
    shown += [c["name"] for d in indexed for c in d.companies]
    out = []
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        fill = {
            "tmp": str(tmp_path),
            "busy": str(busy.getsockname()[1]),
            "unreachable": f"http://127.0.0.1:{_closed_port()}",
        }
        for lang, locale in (("fr", "fr_FR.UTF-8"), ("en", "en_GB.UTF-8")):
            env = {
                "LC_ALL": None,
                "LC_MESSAGES": None,
                "LANG": locale,
                "COLUMNS": "300",
                "MYRTILLE_API_KEY": None,
            }
            data_dir = tmp_path / f"cli-{lang}"
            for name, template, code in CLI_RUNS:
                if name == "status degraded":
                    health = ServiceHealth(data_dir)
                    full = OSError(errno.ENOSPC, "No space left on device")
                    for job in ("process", "crawl", "crawl"):
                        health.failed(job, full)
                if name == "search facets":  # after "index rebuild" has emptied the index
                    settings = load_settings(None, env={}, overrides={"data_dir": str(data_dir)})
                    index = open_index(settings)
                    index.index(indexed)
                    index.close()
                args = [a.format(data=data_dir, **fill) for a in template]
                invoke = partial(
                    CliRunner(env=env).invoke, main, ["--data-dir", str(data_dir), *args]
                )
                if name in ("serve", "run"):
                    # In a process of its own: both run an event loop on the main thread,
                    # which in the whole suite already holds the browser tests'
                    # session-long Playwright loop.
                    result = _command(["--data-dir", str(data_dir), *args], env)
                else:
                    result = invoke()
                assert result.exit_code == code, (name, result.output, result.exception)
                # The data a command echoes: addresses, queries, paths, names, tokens, ids.
                data = ["(sqlite)", str(data_dir), str(tmp_path), fill["unreachable"]]
                data += [a for a in args if not a.startswith("-") and a not in words]
                data += shown if name == "search facets" else []
                # The operating system's own words for the problem, and the jobs' names.
                data += ["OSError: [Errno 28] No space left on device", "process", "crawl"]
                data += re.findall(r"[\w/.-]+\.eml|[\w-]{20,}\.[\w-]{20,}|myr_\S+", result.output)
                data += [line for line, *_ in _LOG_LINES.findall(result.output)]
                # What the network library says of a refused connection.
                data += re.findall(r"127\.0\.0\.1:\d+ ?: (.*)$", result.output, re.M)
                out.append(Rendering(f"cli {name}", lang, result.output, data))
    return out


RENDERINGS: list[Callable[[Path], list[Rendering]]] = [emails, cli_summaries]


# -- web pages --------------------------------------------------------------------------

# Pages whose own texts are in the catalogue; the header and shared blocks of every page
# are. Pages still holding a TEXTS table (search, trends, documents, sources, the
# subscription pages, preferences, subscriber pages) are to be moved and added here.
WEB_PAGES = [
    # The UI's own error pages (web/ui/errors.py), not the framework's English JSON.
    "/nowhere",
    "/search?page=abc",
    "/search?q=%28",
    # The parser's explanations are the page's words too (index/problems.py).
    "/search?q=a%C3%A9rovolt+sector%3A",
    "/search?q=secteur%3Aenergie",
    "/search?q=sector%3Azeppelins",
    "/search?q=%22lev%C3%A9e",
    "/trends?q=rachat+event%3A",
    "/map?q=dept%3Anowhere",
    "/search",
    "/search?q=a%C3%A9rovolt",
    "/search?q=sector%3Aaeronautics&sort=date",
    "/documents/d01",
    "/documents/d02",
    "/documents/nowhere",
    "/trends",
    "/trends?q=sector%3Aenergy&periods=20",
    "/trends?q=sector%3Aaeronautics&interval=week&periods=8",
    "/trends?q=sector%3Aaeronautics&interval=month&periods=3",
    "/map",
    "/map?q=event%3Aacquisition&level=region",
    "/map?q=zeppelin",
    "/map?after=31%2F01%2F2026",
    "/sources",
    "/signin",
]


def page_data(path: str) -> list[str]:
    """The values a page shows as it was given them: its query (``q``), and the map's
    attribution, written as the licensor asks ("CC BY 4.0" is a name, not a decimal)."""
    from myrtille.web.territory import ATTRIBUTION

    given = [value for name, value in parse_qsl(urlsplit(path).query) if name == "q"]
    return given + ([ATTRIBUTION] if urlsplit(path).path == "/map" else [])


# Sources in every state of health: polled fine, failing (with a link refused by the URL
# rule), never polled, disabled. The crawler stores its health texts as codes
# (store/health_texts.py) shown in the page's language; only URLs and the URL rule's
# reasons are data.
SOURCES: list[dict[str, Any]] = [
    {"id": "eco-regions", "kind": "feed", "url": "https://eco.example/rss", "name": "Éco Régions"},
    {"id": "la-depeche", "kind": "site", "url": "https://ld.example/", "interval": "2h"},
    {"id": "annonces", "kind": "sitemap", "url": "https://bodacc.example/sitemap.xml"},
    {
        "id": "bodacc",
        "kind": "opendata",
        "preset": "bodacc",
        "url": "https://data.example/b.json",
        "enabled": False,
    },
]
SOURCE_FEED = "https://ld.example/rss"
SOURCE_REFUSAL = "http://127.0.0.1:8080/admin"
SOURCE_REFUSAL_REASON = "a loopback address"


def _source_health(live: Any) -> list[str]:
    """Record one good and one failing poll, as the crawler writes them; return the
    data in them (URLs, the URL rule's reason)."""
    from myrtille.crawlers.failures import explain_status
    from myrtille.crawlers.health import SourceRun, record_run
    from myrtille.store.health_texts import said, stored

    good = SourceRun(source_id="eco-regions", kind="feed", found=3, new=3)
    record_run(live.database, good)
    bad = SourceRun(source_id="la-depeche", kind="site")
    bad.refuse(SOURCE_REFUSAL, SOURCE_REFUSAL_REASON)
    bad.fail(stored(said("failed_for", problem=explain_status(503)[0], url=SOURCE_FEED)))
    record_run(live.database, bad)
    return [SOURCE_FEED, SOURCE_REFUSAL, SOURCE_REFUSAL_REASON]


def web_pages(tmp_path: Path) -> list[Rendering]:
    from tests.web.conftest import start_live

    out = []
    with start_live(tmp_path / "data", sources=SOURCES) as live, live.client() as http:
        stored = _source_health(live)
        for path in WEB_PAGES:
            for lang in ("fr", "en"):
                separator = "&" if "?" in path else "?"
                response = http.get(f"{path}{separator}lang={lang}")
                data = page_data(path) + stored
                out.append(Rendering(f"page {path}", lang, visible_text(response.text), data))
    return out


RENDERINGS.append(web_pages)


# One example of every coded health text (store/health_texts.py); the values in them are
# data. Each is stored as one source's last error, so /sources and `myrtille sources`
# show them all.
HEALTH_URL = "https://ld.example/a"
HEALTH_DETAIL = "Xq42"


def health_examples() -> list[dict[str, Any]]:
    from myrtille.store.health_texts import HEALTH_TEXTS, LABELS, said

    nested = {
        "problem": said("http_not_found", status=404),
        "reason": said("no_article_text"),
        "ending": said("killed_by", signal="SIGKILL"),
        "reasons": [said("counted", reason=said("dns"), count=2), said("timed_out")],
    }
    values = {"url": HEALTH_URL, "target": HEALTH_URL, "last": HEALTH_URL, "log": HEALTH_URL}
    values |= {name: HEALTH_DETAIL for name in ("detail", "error", "tail", "entry", "kind")}
    values |= {"signal": "SIGKILL", "n": 2, "total": 3, "used": 1, "count": 2, "code": 1}
    values |= {"status": 404, "seconds": 5, "max": 50, "max_size": 1000, "offset": 10}
    out = []
    for code, entry in HEALTH_TEXTS.items():
        if code in LABELS or code == "other":
            continue
        msgids = entry if isinstance(entry, tuple) else (entry,)
        names = {n.split("}")[0] for m in msgids for n in m.split("{")[1:]}
        params = {n: nested.get(n, values.get(n)) for n in names}
        if code == "stopped_early":  # Scrapy's own word for why it stopped
            params["reason"] = HEALTH_DETAIL
        out.append(said(code, **params))
        if isinstance(entry, tuple):
            out.append(said(code, **{**params, "n": 1}))
    return out


def source_health_texts(tmp_path: Path) -> list[Rendering]:
    """Every health text the crawler stores, on /sources and in `myrtille sources`."""
    from myrtille.cli import main
    from myrtille.crawlers.health import SourceRun, record_run
    from myrtille.store.health_texts import stored
    from tests.web.conftest import start_live

    examples = health_examples()
    sources = [
        {"id": f"s{number}", "kind": "feed", "url": f"https://s{number}.example/rss"}
        for number in range(len(examples))
    ]
    data = [HEALTH_URL, HEALTH_DETAIL, "SIGKILL", "feedparser", "RSS", "Atom", "DOCTYPE"]
    data += [s["id"] for s in sources] + [s["url"] for s in sources]
    out = []
    with start_live(tmp_path / "data", sources=sources) as live, live.client() as http:
        for source, text in zip(sources, examples, strict=True):
            run = SourceRun(source_id=source["id"], kind="feed")
            run.fail(stored(text))
            record_run(live.database, run)
        for lang, locale in (("fr", "fr_FR.UTF-8"), ("en", "en_GB.UTF-8")):
            page = http.get(f"/sources?lang={lang}")
            out.append(Rendering("source health page", lang, visible_text(page.text), data))
            env = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": locale, "COLUMNS": "400"}
            config = tmp_path / "myrtille.yaml"
            config.write_text(
                json.dumps({"data_dir": str(tmp_path / "data"), "sources": sources}),
                encoding="utf-8",
            )
            result = CliRunner(env=env).invoke(main, ["--config", str(config), "sources"])
            assert result.exit_code == 0, result.output
            out.append(Rendering("myrtille sources", lang, result.output, data))
    return out


RENDERINGS.append(source_health_texts)


def public_subscribe_pages(tmp_path: Path) -> list[Rendering]:
    """The firms' public subscription page: the form, a company search, errors beside
    the fields, the preview and the page saying the confirmation email was sent."""
    from myrtille.store.companies import Company
    from myrtille.texts import labels
    from tests.web.conftest import start_live

    out = []
    chosen = {"sectors": "aeronautics", "regions": "76", "events": "acquisition"}
    with start_live(tmp_path / "data") as live, live.client() as http:
        with live.database.session() as session:
            session.add(Company(id="919985002", siren="919985002", name="Aérovolt"))
        for lang in ("fr", "en"):
            pages = {
                "form": http.get(f"/subscribe?lang={lang}&company_q=aero&sectors=aeronautics"),
                "no company": http.get(f"/subscribe?lang={lang}&company_q=zzz"),
                "errors": http.post(
                    f"/subscribe?lang={lang}",
                    data={"email": "x", "keywords": "k" * 300, "companies": "919985003"},
                ),
                "nothing chosen": http.post(f"/subscribe?lang={lang}", data={"email": "x"}),
                "preview": http.post(
                    f"/subscribe?lang={lang}", data={**chosen, "action": "preview"}
                ),
                "sent": http.post(
                    f"/subscribe?lang={lang}", data={**chosen, "email": f"{lang}@example.org"}
                ),
            }
            for name, response in pages.items():
                data = ["Aérovolt", "919985002", "919985003", "x", "zzz", f"{lang}@example.org"]
                data += [hit for hit in re.findall(r'class="title"[^>]*>([^<]+)<', response.text)]
                data += [html.unescape(h) for h in data]
                # A name that holds a code as a word ("Bâtiment et construction").
                data += [name for name in labels(lang)["sector"].values() if " " in name]
                out.append(Rendering(f"subscribe {name}", lang, visible_text(response.text), data))
    return out


RENDERINGS.append(public_subscribe_pages)


def public_subscribe_refusals(tmp_path: Path) -> list[Rendering]:
    """The public page's other answers: the confirmation email that could not be sent
    (503), the address that had its emails for the day and the connection that made too
    many requests (429), and the page an operator closed (404)."""
    from tests.web.conftest import free_port, start_live

    smtp = {"smtp_host": "127.0.0.1", "smtp_port": free_port(), "timeout": "2s"}
    rules = {"per_email_per_day": 1, "per_address_per_minute": 4}
    chosen = {"sectors": "aeronautics", "regions": "76"}
    out = []
    with (
        start_live(tmp_path / "data", email=smtp, web={"public_subscribe": rules}) as live,
        live.client() as http,
    ):
        pages: dict[tuple[str, str], Any] = {}
        for lang in ("fr", "en"):
            form = {**chosen, "email": f"{lang}@example.org"}
            pages[("send failed", lang)] = http.post(f"/subscribe?lang={lang}", data=form)
            pages[("email limited", lang)] = http.post(f"/subscribe?lang={lang}", data=form)
        for lang in ("fr", "en"):
            pages[("client limited", lang)] = http.post(f"/subscribe?lang={lang}", data=chosen)
    closed = {"public_subscribe": {"enabled": False}}
    with start_live(tmp_path / "closed", web=closed) as live, live.client() as http:
        for lang in ("fr", "en"):
            pages[("closed", lang)] = http.get(f"/subscribe?lang={lang}")
    expected = {"send failed": 503, "email limited": 429, "client limited": 429, "closed": 404}
    for (name, lang), response in pages.items():
        assert response.status_code == expected[name], (name, lang, response.text[:500])
        data = [f"{lang}@example.org"]
        out.append(Rendering(f"subscribe {name}", lang, visible_text(response.text), data))
    return out


RENDERINGS.append(public_subscribe_refusals)


# -- agents' pages --------------------------------------------------------------------


def agent_pages(tmp_path: Path) -> list[Rendering]:
    """Sign-in refused, and the agents' subscription pages with subscriptions in every
    state (awaiting confirmation, active, paused, bounced), their form with every error,
    its preview, and the delete question."""
    from sqlalchemy import select

    from myrtille.store.subscriptions import Subscriber, Subscription
    from tests.web.conftest import csrf_of, signed_in, start_live

    base = "/agent/subscriptions"
    made = {
        "pending@example.org": {"query": "event:acquisition region:76", "frequency": "daily"},
        "active@example.org": {"query": "sector:energy", "frequency": "weekly", "consent": "on"},
        "paused@example.org": {"query": "sector:aeronautics", "consent": "on"},
        "bounced@example.org": {"query": "dept:31", "frequency": "daily", "consent": "on"},
    }
    data = [*(f["query"] for f in made.values()), *made, "Aéro", "https://hooks.example/x"]
    out: list[Rendering] = []
    with start_live(tmp_path / "data") as live:
        with live.client() as anonymous:
            for lang in ("fr", "en"):
                form = anonymous.get(f"/signin?lang={lang}").text
                refused = anonymous.post(
                    "/signin",
                    data={"csrf": csrf_of(form), "name": "x", "password": "y", "lang": lang},
                )
                assert refused.status_code == 401
                out.append(Rendering("sign-in refused", lang, visible_text(refused.text), ["x"]))
        http = signed_in(live)
        for email, fields in made.items():
            token = csrf_of(http.get(f"{base}/new").text)
            saved = http.post(
                f"{base}/new",
                data={"csrf": token, "email": email, "name": "Aéro", "language": "en"}
                | {"frequency": "immediate", "action": "save"}
                | fields,
            )
            assert saved.status_code == 303, saved.text
        with live.database.session() as session:
            for subscription, subscriber in session.execute(
                select(Subscription, Subscriber).join(Subscriber)
            ):
                subscription.paused = subscriber.email == "paused@example.org"
                subscriber.paused = subscriber.email == "bounced@example.org"
            first = min(session.scalars(select(Subscription.id)))
        bad = {
            "email": "x",
            "query": "sector:",
            "frequency": "hourly",
            "language": "de",
            "webhook_url": "ftp://x",
        }
        for lang in ("fr", "en"):
            pages = {
                "subscriptions": http.get(f"{base}?lang={lang}&done=sent&id={first}"),
                "subscription edit": http.get(f"{base}/{first}/edit?lang={lang}"),
                "subscription delete": http.get(f"{base}/{first}/delete?lang={lang}"),
                "subscription missing": http.get(f"{base}/999/edit?lang={lang}"),
            }
            token = csrf_of(http.get(f"{base}/new?lang={lang}").text)
            pages["subscription form errors"] = http.post(
                f"{base}/new", data={"csrf": token, "lang": lang, "action": "save"} | bad
            )
            pages["subscription preview"] = http.post(
                f"{base}/new",
                data={"csrf": token, "lang": lang, "action": "preview", "query": "sector:energy"},
            )
            for name, response in pages.items():
                seen = [*data, "sector:energy"]
                out.append(Rendering(name, lang, visible_text(response.text), seen))
        http.close()
    return out


RENDERINGS.append(agent_pages)


def portfolio_pages(tmp_path: Path) -> list[Rendering]:
    """The agents' portfolio pages: the list with its upload form, the import report with
    bad and unknown lines, a refused file, the portfolio page, the delete question and the
    subscription form prefilled with portfolio:NAME."""
    from myrtille.store.companies import Company
    from tests.web.conftest import csrf_of, signed_in, start_live

    base = "/agent/portfolios"
    csv = "siren;label\n919985002;Client <b>\n919985003;x\n91998500;y\n552100554;z\n"
    data = ["clients", "portfolio:clients", "Aérovolt", "Client <b>", "919985002", "919985003"]
    data += ["91998500", "552100554", "numero,nom", "'numero', 'nom'", "test-agent"]
    out: list[Rendering] = []
    with start_live(tmp_path / "data") as live:
        with live.database.session() as session:
            session.add(Company(id="919985002", siren="919985002", name="Aérovolt"))
        http = signed_in(live)
        for lang in ("fr", "en"):
            token = csrf_of(http.get(f"{base}?lang={lang}").text)
            pages = {
                "portfolio report": http.post(
                    base,
                    data={"csrf": token, "name": "clients", "lang": lang},
                    files={"file": ("c.csv", csv.encode(), "text/csv")},
                ),
                "portfolio refused": http.post(
                    base,
                    data={"csrf": token, "name": "other", "lang": lang},
                    files={"file": ("c.csv", b"numero,nom\n1,2\n", "text/csv")},
                ),
                "portfolios": http.get(f"{base}?lang={lang}"),
                "portfolio": http.get(f"{base}/clients?lang={lang}"),
                "portfolio delete": http.get(f"{base}/clients/delete?lang={lang}"),
                "portfolio missing": http.get(f"{base}/nowhere?lang={lang}"),
                "portfolio subscribe": http.get(
                    f"/agent/subscriptions/new?lang={lang}&q=portfolio%3Aclients"
                ),
            }
            for name, response in pages.items():
                shown = [*data, *re.findall(r'class="title"[^>]*>([^<]+)<', response.text)]
                shown += re.findall(r'<li class="document"><a [^>]*>([^<]+)<', response.text)
                shown += [html.unescape(h) for h in shown]
                out.append(Rendering(name, lang, visible_text(response.text), shown))
        http.close()
    return out


RENDERINGS.append(portfolio_pages)


# -- company pages ----------------------------------------------------------------------

COMPANY_PAGES = [
    "/companies",
    "/companies?q=aero",
    "/companies?q=zzz",
    "/companies/919985002",
    "/companies/732829304",
    "/companies/732829320",  # unknown
    "/companies/12345",  # not 9 digits
    "/companies/919985003",  # bad check digit
]


def company_pages(tmp_path: Path) -> list[Rendering]:
    """The company search and pages (facts, timeline with BODACC/BOAMP notices and events,
    co-mentions) and their 404 and 400 answers, over the HTTP tests' registry and index."""
    from myrtille.index.factory import open_index
    from myrtille.store.companies import Company
    from tests.web.conftest import documents, start_live
    from tests.web.test_companies import SOURCES, notices

    out = []
    with start_live(tmp_path / "data", sources=SOURCES) as live, live.client() as http:
        index = open_index(live.settings)
        crawled = notices()
        index.index(crawled)
        index.close()
        with live.database.session() as session:
            session.add(
                Company(
                    id="919985002",
                    siren="919985002",
                    name="Aérovolt SAS",
                    naf="30.30Z",
                    category="PME",
                )
            )
            session.add(Company(id="732829304", siren="732829304", name="Hélios", ceased=True))
        data = ["Aérovolt SAS", "Aérovolt", "Hélios", "Hélicea", "Solaris", "zzz", "aero"]
        data += [d.title for d in [*documents(), *crawled]]
        data += [source.get("name", "") for source in SOURCES] + ["la-depeche", "eco-regions"]
        for path in COMPANY_PAGES:
            for lang in ("fr", "en"):
                separator = "&" if "?" in path else "?"
                response = http.get(f"{path}{separator}lang={lang}")
                out.append(Rendering(f"page {path}", lang, visible_text(response.text), data))
    return out


RENDERINGS.append(company_pages)


# -- pages behind the links of emails ---------------------------------------------------


def subscriber_pages(tmp_path: Path) -> list[Rendering]:
    """What a firm sees from the links of its emails, in its own language: the
    confirmation (done, and refused), the unsubscribe question and its answer, and the
    preferences page with watches in every state and every frequency."""
    from sqlalchemy import select

    from myrtille.alerts.mail import preferences_url, unsubscribe_token
    from myrtille.alerts.subscriptions import create_subscription
    from myrtille.alerts.tokens import secret_key
    from myrtille.store.subscriptions import Subscription
    from tests.web.conftest import start_live

    out: list[Rendering] = []
    with start_live(tmp_path / "data") as live, live.client() as http:
        secret = secret_key(live.settings.secret_key, live.settings.data_dir)
        for lang in ("fr", "en"):
            email = f"firm-{lang}@example.org"
            made = [
                create_subscription(
                    live.database,
                    secret,
                    email=email,
                    query=query,
                    frequency=frequency,
                    language=lang,
                    name=name,
                )
                for query, frequency, name in (
                    ("sector:aeronautics region:76", "immediate", "Aéro Occitanie"),
                    ("event:insolvency dept:31", "daily", "Défaillances 31"),
                    ("sector:energy", "weekly", "Énergie"),
                    ("event:acquisition", "daily", "Rachats"),
                )
            ]
            token = made[0].confirm_token
            assert token is not None
            pages = {"confirm ok": http.get("/subscriptions/confirm", params={"token": token})}
            with live.database.session() as session:
                rows = {r.id: r for r in session.scalars(select(Subscription))}
                rows[made[2].subscription_id].paused = True
            stop = unsubscribe_token(secret, made[3].subscription_id)
            pages["unsubscribe page"] = http.get("/unsubscribe", params={"token": stop})
            pages["unsubscribed"] = http.post("/unsubscribe", params={"token": stop})
            pages["confirm failed"] = http.get(
                "/subscriptions/confirm", params={"token": stop, "lang": lang}
            )
            pages["unsubscribe refused"] = http.get(
                "/unsubscribe", params={"token": "garbage", "lang": lang}
            )
            url = preferences_url(live.settings, secret, made[0].subscriber_id)
            path = "/" + url.split("://", 1)[1].split("/", 1)[1]
            pages["preferences"] = http.get(path)
            form = {"token": path.split("token=", 1)[1], "lang": lang}
            pages["preferences changed"] = http.post(
                "/preferences",
                data=form
                | {
                    "action": "frequency",
                    "subscription": str(made[1].subscription_id),
                    "frequency": "weekly",
                },
            )
            pages["preferences refused"] = http.post(
                "/preferences", data=form | {"action": "unsubscribe", "subscription": "999999"}
            )
            data = [email, "Aéro Occitanie", "Défaillances 31", "Énergie", "Rachats", "garbage"]
            for name, response in pages.items():
                assert response.status_code in (200, 400), (name, response.text)
                out.append(Rendering(f"email link {name}", lang, visible_text(response.text), data))
    return out


RENDERINGS.append(subscriber_pages)
