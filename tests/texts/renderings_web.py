"""Renderings of the web pages anyone reads: search, documents, trends, the map, sources
(with every coded health text, also as `myrtille sources` shows them) and the company pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from click.testing import CliRunner

from tests.texts.rendered import Rendering, visible_text

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
    from tests.web.company_site import SOURCES, notices
    from tests.web.conftest import documents, start_live

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
