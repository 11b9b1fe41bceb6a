"""Crawled text never reaches the operator's terminal with control characters in it:
``myrtille search`` run as a real subprocess, its stdout read as bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from myrtille.cli.terminal import terminal_safe
from myrtille.config.loading import load_settings
from myrtille.index.base import IndexedDocument
from myrtille.index.factory import open_index

# Clear the screen, set the window title, write the clipboard (OSC 52), ring, overwrite
# the line (CR), an 8-bit CSI, a NUL and a DEL.
HOSTILE_TITLE = (
    "Aérovolt\x1b[2J\x1b]0;pwned\x07 rachète\x1b]52;c;ZWNobyBwd25lZA==\x07 Hélicea"
    "\r\x9b31m\x00\x7f\x08 fin"
)
FORBIDDEN = [b"\x1b", b"\x07", b"\x00", b"\x7f", b"\x08", b"\r", "\x9b".encode()]


def test_terminal_safe_strips_whole_sequences_and_keeps_newlines_and_tabs() -> None:
    assert terminal_safe(HOSTILE_TITLE) == "Aérovolt rachète Hélicea fin"
    assert terminal_safe("a\tb\nc") == "a\tb\nc"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    settings = load_settings(None, env={}, overrides={"data_dir": str(data)})
    index = open_index(settings)
    index.index(
        [
            IndexedDocument(
                id="hostile",
                url="https://news.example/hostile",
                title=HOSTILE_TITLE,
                text=f"Aérovolt rachète Hélicea. {HOSTILE_TITLE}",
                source="eco\x1b[31m-regions",
                language="fr",
                published_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
            )
        ]
    )
    index.close()
    return data


@pytest.mark.parametrize("args", [["aerovolt"], ["aerovolt", "--facets"], [""]])
def test_myrtille_search_prints_no_control_characters(data_dir: Path, args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "myrtille", "--data-dir", str(data_dir), "search", *args],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "Aérovolt".encode() in done.stdout and b"1 document" in done.stdout
    for byte in FORBIDDEN:
        assert byte not in done.stdout, (byte, done.stdout)


# Rich markup (a bad closing tag raises MarkupError, a style restyles the line, a link
# becomes a terminal hyperlink) and an emoji code: all must print as written.
MARKUP_TITLE = (
    "Aérovolt [bold red]rachète[/bold red] Hélicea [/x] "
    "[link=https://evil.example]ici[/link] :warning:"
)


@pytest.fixture
def markup_data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "markup"
    settings = load_settings(None, env={}, overrides={"data_dir": str(data)})
    index = open_index(settings)
    index.index(
        [
            IndexedDocument(
                id="markup",
                url="https://news.example/markup",
                title=MARKUP_TITLE,
                text=f"Aérovolt rachète Hélicea. {MARKUP_TITLE}",
                source="eco[/]",
                language="fr",
                published_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
            )
        ]
    )
    index.close()
    return data


@pytest.mark.parametrize("args", [["aerovolt"], ["aerovolt", "--facets"], [""]])
def test_myrtille_search_prints_rich_markup_literally(
    markup_data_dir: Path, args: list[str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "myrtille", "--data-dir", str(markup_data_dir), "search", *args],
        capture_output=True,
        timeout=120,
        check=False,
        # Wide enough that the title's cell is one line; NO_COLOR off so styling would show.
        env={**os.environ, "COLUMNS": "400", "TERM": "xterm-256color", "FORCE_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr.decode()
    assert MARKUP_TITLE.encode() in done.stdout, done.stdout
    assert b"eco[/]" in done.stdout
    assert b"\x1b]8;" not in done.stdout  # no hyperlink made from the title


# -- myrtille watch: its plain lines go through click.echo, not a SafeConsole -------------


def test_myrtille_watch_prints_no_control_characters(tmp_path: Path) -> None:
    from myrtille.alerts.subscriptions import create_subscription
    from myrtille.store.subscriptions import OutboxItem
    from myrtille.web.app import create_app
    from myrtille.web.auth import create_agent
    from tests.web.conftest import serve_app

    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path / "data")})
    index = open_index(settings)
    index.index(
        [
            IndexedDocument(
                id="hostile",
                url="https://news.example/hostile",
                title=HOSTILE_TITLE,
                text=f"Aérovolt rachète Hélicea. {HOSTILE_TITLE}",
                source="eco\x1b[31m-regions",
                language="fr",
                published_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
            )
        ]
    )
    index.close()
    app = create_app(settings)
    database = app.state.database
    email = "veille@agence.example"
    _agent, key = create_agent(database, "agence", email)
    created = create_subscription(
        database,
        b"terminal-tests-secret-0123456789",
        email=email,
        query="aerovolt",
        name="Veille\x1b]0;pwned\x07 Aérovolt",
        channels=["stream"],
        kind="agent",
        confirmed_by_operator=True,
    )
    with database.session() as session:
        session.add(
            OutboxItem(
                subscription_id=created.subscription_id,
                cluster_id="story-hostile",
                document_id="hostile",
                channel="stream",
                also_reported_by=[],
            )
        )
    with serve_app(app) as url:
        done = subprocess.run(
            [sys.executable, "-m", "myrtille", "watch", "--url", url, "--once"],
            env={**os.environ, "MYRTILLE_API_KEY": key},
            capture_output=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr.decode()
    assert "Aérovolt rachète Hélicea".encode() in done.stdout, done.stdout
    for byte in FORBIDDEN:
        assert byte not in done.stdout, (byte, done.stdout)
