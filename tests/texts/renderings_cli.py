"""Renderings of the command line: what each command an operator or an agent runs answers,
run with LANG=fr_FR.UTF-8 and LANG=en_GB.UTF-8."""

from __future__ import annotations

import errno
import os
import re
import socket
import subprocess
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import click
from click.testing import CliRunner

from myrtille.config.loading import load_settings
from tests.texts.rendered import Rendering

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
