"""OPML import into the config file (comments kept) and export for feed readers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from myrtille.cli import main
from myrtille.config.loading import load_settings
from myrtille.config.opml import read_opml, write_opml
from myrtille.exceptions import ConfigError

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Mes flux</title></head><body>
  <outline text="Industrie">
    <outline type="rss" text="L'Usine Régionale" xmlUrl="https://usine.example/rss"
             language="fr-FR"/>
    <outline type="rss" text="Déjà là" xmlUrl="https://news.example/rss.xml"/>
  </outline>
  <outline type="rss" title="Business Wire FR" text="bw" xmlUrl="https://bw.example/feed.atom"/>
  <outline type="rss" text="L'Usine Régionale" xmlUrl="https://usine.example/other-rss"/>
  <outline text="sans flux" htmlUrl="https://site.example"/>
  <outline type="rss" text="ftp" xmlUrl="ftp://old.example/feed"/>
</body></opml>
"""

CONFIG = """\
# My watch configuration -- this comment must survive the import.
data_dir: ./state
sources:
  # the first source
  - id: eco
    kind: feed
    url: https://news.example/rss.xml
"""


def test_import_adds_new_feeds_and_keeps_comments(tmp_path: Path) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    opml = tmp_path / "feeds.opml"
    opml.write_text(OPML, encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), "sources", "import", str(opml)])
    assert result.exit_code == 0, result.output
    assert "3 feeds added" in result.output and "2 skipped" in result.output
    text = config.read_text(encoding="utf-8")
    assert "this comment must survive the import" in text and "# the first source" in text
    settings = load_settings(config, env={})
    by_id = {s.id: s for s in settings.sources}
    assert set(by_id) == {"eco", "l-usine-regionale", "business-wire-fr", "l-usine-regionale-2"}
    assert by_id["l-usine-regionale"].language == "fr"
    assert by_id["l-usine-regionale"].name == "L'Usine Régionale"
    # Importing again adds nothing.
    again = CliRunner().invoke(main, ["--config", str(config), "sources", "import", str(opml)])
    assert "0 feeds added" in again.output


def test_dry_run_changes_nothing(tmp_path: Path) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    opml = tmp_path / "feeds.opml"
    opml.write_text(OPML, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--config", str(config), "sources", "import", "--dry-run", str(opml)]
    )
    assert "3 feeds would be added" in result.output
    assert config.read_text(encoding="utf-8") == CONFIG


def test_import_needs_a_config_file(tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(OPML, encoding="utf-8")
    result = CliRunner(env={"MYRTILLE_CONFIG": ""}).invoke(
        main, ["--data-dir", str(tmp_path), "sources", "import", str(opml)]
    )
    assert result.exit_code == 2
    assert "no configuration file to add sources to" in result.output


def test_bad_opml_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body><outline", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid OPML"):
        read_opml(broken)
    other = tmp_path / "rss.opml"
    other.write_text("<rss/>", encoding="utf-8")
    with pytest.raises(ConfigError, match="root element is <rss>"):
        read_opml(other)


def test_export_round_trips(tmp_path: Path) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        CONFIG + "  - id: maps\n    kind: sitemap\n    url: https://m.example/s.xml\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--config", str(config), "sources", "export"])
    assert result.exit_code == 0
    assert "1 source that is no feed (site, sitemap, opendata)" in result.output
    exported = tmp_path / "out.opml"
    exported.write_text(write_opml(load_settings(config, env={}).sources), encoding="utf-8")
    feeds = read_opml(exported)
    assert [(f.url, f.title) for f in feeds] == [("https://news.example/rss.xml", "eco")]


def test_outline_names_are_read_as_people_wrote_them(tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        '<outline type="rss" title="  " text=" Le Journal&#10;  des Entreprises "'
        ' xmlUrl="https://lje.example/rss"/>'
        '<outline type="rss" title="" text="" xmlUrl="https://anonymous.example/rss"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    named, anonymous = read_opml(opml)
    # A blank title falls back to the text; line breaks and padding are not part of a name.
    assert named.title == "Le Journal des Entreprises"
    assert anonymous.title is None
