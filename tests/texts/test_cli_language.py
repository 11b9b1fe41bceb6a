"""The CLI's tables and hints in the locale's language (docs/cli.md): the bytes a
`myrtille` process writes, run with LANG=fr_FR.UTF-8 and LANG=en_GB.UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from myrtille.config.loading import load_settings
from myrtille.crawlers.health import SourceRun, record_run
from myrtille.store.database import open_database
from myrtille.store.health_texts import said, stored

LOCALES = {"fr": "fr_FR.UTF-8", "en": "en_GB.UTF-8"}


def run_cli(config: Path, lang: str, *args: str) -> tuple[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MYRTILLE", "LC_"))}
    env |= {"LANG": LOCALES[lang], "COLUMNS": "300"}
    done = subprocess.run(
        [sys.executable, "-m", "myrtille", "--config", str(config), *args],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    return " ".join(done.stdout.decode().split()), " ".join(done.stderr.decode().split())


def write_config(tmp_path: Path) -> Path:
    sources = [
        {"id": "eco", "kind": "feed", "url": "https://eco.example/rss"},
        {"id": "ld", "kind": "site", "url": "https://ld.example/", "enabled": False},
        {"id": "sm", "kind": "sitemap", "url": "https://sm.example/sitemap.xml"},
    ]
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        json.dumps({"data_dir": str(tmp_path / "data"), "sources": sources}), encoding="utf-8"
    )
    return config


def test_sources_table_speaks_the_locale_language(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    settings = load_settings(config, env={})
    database = open_database(settings.state_url)
    try:
        for _ in range(2):
            run = SourceRun(source_id="eco", kind="feed")
            run.fail(stored(said("feed_is_html")))
            run.warn(stored(said("undated_entries", n=3)))
            record_run(database, run)
    finally:
        database.dispose()

    french, _ = run_cli(config, "fr", "sources")
    for words in (
        "dernière tentative",
        "dernier succès",
        "dernière erreur / avertissements",
        "jamais",
        "désactivée",
        "il y a",
        "l'URL renvoie une page HTML, pas un flux (2 échecs d'affilée)",
        "3 entrées n'ont pas de date dans le flux",
    ):
        assert words in french, f"{words!r} not in {french!r}"
    for words in ("last attempt", "never", "disabled", " ago", "not a feed", "[red]", "[/]"):
        assert words not in french, f"{words!r} in {french!r}"

    english, _ = run_cli(config, "en", "sources")
    for words in (
        "last attempt",
        "last success",
        "last error / warnings",
        "never",
        "disabled",
        " ago",
        "the URL returned an HTML page, not a feed (2 failures in a row)",
        "3 entries have no date in the feed",
    ):
        assert words in english, f"{words!r} not in {english!r}"
    assert "[red]" not in english and "jamais" not in english


def test_search_on_an_empty_index_hints_in_the_locale_language(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    french_out, french_hint = run_cli(config, "fr", "search", "aérovolt")
    assert "0 document correspond" in french_out
    assert "titre" in french_out and "extrait" in french_out
    assert french_hint.startswith("Conseil : l'index ne contient encore aucun document")
    assert "'myrtille crawl'" in french_hint and "Hint" not in french_hint

    english_out, english_hint = run_cli(config, "en", "search", "aérovolt")
    assert "0 documents match" in english_out
    assert "title" in english_out and "snippet" in english_out
    assert english_hint.startswith("Hint: the index holds no documents yet")


def test_subscriptions_and_portfolios_tables_speak_the_locale_language(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    french, _ = run_cli(config, "fr", "portfolios", "list")
    assert "Aucun portefeuille pour l'instant" in french
    (tmp_path / "clients.csv").write_text("siren;label\n919985002;Client A\n", encoding="utf-8")
    run_cli(config, "en", "portfolios", "import", "clients", str(tmp_path / "clients.csv"))
    run_cli(config, "en", "subscribe", "--email", "firm@example.org", "--query", "rachat")

    french, _ = run_cli(config, "fr", "portfolios", "list")
    assert "Portefeuilles (1)" in french and "mis à jour (UTC)" in french
    french, _ = run_cli(config, "fr", "portfolios", "show", "clients")
    assert "Portefeuille clients (1 entreprise)" in french
    assert "libellé" in french and "nom au registre" in french
    french, _ = run_cli(config, "fr", "subscriptions")
    assert "Abonnements" in french and "abonné" in french and "requête" in french
    assert "en attente de confirmation" in french and "waiting" not in french
    # Frequencies and channels by name, never by code.
    assert "alerte immédiate" in french and "immediate" not in french
    assert "e-mail" in french.replace("firm@example.org", "")

    english, _ = run_cli(config, "en", "portfolios", "show", "clients")
    assert "Portfolio clients (1 company)" in english and "registry name" in english
    english, _ = run_cli(config, "en", "subscriptions")
    assert "subscriber" in english and "waiting for confirmation" in english
    assert "immediate alert" in english


def test_status_speaks_the_locale_language(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    french, _ = run_cli(config, "fr", "status")
    assert "File d'entrée : 0 document — en attente : 0" in french
    assert "Envois (0 abonnement actif)" in french and "Intake" not in french
    english, _ = run_cli(config, "en", "status")
    assert "Intake: 0 documents — 0 pending" in english
    assert "Deliveries (0 active subscriptions)" in english
