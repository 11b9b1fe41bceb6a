"""Configuration: layering, validation and messages that name the file, line, key and fix."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from myrtille.config.loading import load_settings
from myrtille.exceptions import ConfigError

GOOD = """\
data_dir: ./state
crawl:
  timeout: 20s
  max_size: 2MB
sources:
  - id: eco
    kind: feed
    url: https://news.example/rss.xml
    interval: 15m
  - id: bodacc
    kind: opendata
    preset: bodacc
    url: https://data.example/api/explore/v2.1/catalog/datasets/annonces-commerciales/records
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "myrtille.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, text), env=env or {})
    return str(caught.value)


def test_a_good_file_loads_with_defaults_filled_in(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, GOOD), env={})
    assert settings.data_dir == tmp_path / "state"  # relative to the file
    assert settings.crawl.timeout == timedelta(seconds=20)
    assert settings.crawl.max_size == 2 * 1024 * 1024
    assert settings.crawl.obey_robots is True
    assert [s.kind for s in settings.sources] == ["feed", "opendata"]
    assert settings.source("eco").interval == timedelta(minutes=15)
    assert settings.state_url == f"sqlite:///{tmp_path / 'state' / 'myrtille.db'}"


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    env = {
        "MYRTILLE_DATA_DIR": "/srv/myrtille",
        "MYRTILLE_CRAWL__TIMEOUT": "7s",
        "MYRTILLE_DATABASE_URL": "postgresql+psycopg://u@db/m",
    }
    settings = load_settings(write(tmp_path, GOOD), env=env)
    assert settings.data_dir == Path("/srv/myrtille")
    assert settings.crawl.timeout == timedelta(seconds=7)
    assert settings.state_url == "postgresql+psycopg://u@db/m"


def test_config_file_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    settings = load_settings(None, env={"MYRTILLE_CONFIG": str(path)})
    assert settings.config_path == path


def test_no_file_means_per_user_default_directory(tmp_path: Path) -> None:
    settings = load_settings(None, env={"XDG_DATA_HOME": str(tmp_path)})
    assert settings.data_dir == tmp_path / "myrtille"
    assert settings.sources == []


def test_missing_url_names_file_line_and_key(tmp_path: Path) -> None:
    text = GOOD.replace("    url: https://news.example/rss.xml\n", "")
    message = problems(tmp_path, text)
    assert "myrtille.yaml, line 6, key 'sources[0].url': this key is required" in message


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    message = problems(tmp_path, GOOD.replace("interval: 15m", "intervall: 15m"))
    assert "line 9" in message and "sources[0].intervall" in message
    assert "did you mean 'interval'?" in message
    message = problems(tmp_path, GOOD.replace("timeout: 20s", "timout: 20s"))
    assert "crawl.timout" in message and "did you mean 'timeout'?" in message


def test_unknown_kind_lists_the_kinds(tmp_path: Path) -> None:
    message = problems(tmp_path, GOOD.replace("kind: feed", "kind: rss"))
    assert "sources[0].kind" in message
    assert "feed, site, sitemap, opendata" in message


def test_bad_values_are_explained(tmp_path: Path) -> None:
    message = problems(
        tmp_path,
        GOOD.replace("interval: 15m", "interval: soon")
        .replace("https://news.example/rss.xml", "ftp://news.example/rss")
        .replace("id: eco", "id: Eco News"),
    )
    assert "'soon' is not a duration" in message
    assert "not an http:// or https:// URL" in message
    assert "'Eco News' is not a valid source id" in message
    assert message.count("\n") == 2  # every problem reported at once


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    message = problems(tmp_path, GOOD.replace("id: bodacc", "id: eco"))
    assert "source id 'eco' is used twice" in message


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    message = problems(tmp_path, GOOD.replace("  timeout: 20s", "  timeout: [20s"))
    assert "not valid YAML" in message and "line" in message


def test_wrong_top_level_and_missing_file(tmp_path: Path) -> None:
    assert "top level must be a mapping" in problems(tmp_path, "- a\n- b\n")
    with pytest.raises(ConfigError, match=r"file not found.*myrtille init"):
        load_settings(tmp_path / "absent.yaml", env={})


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    message = problems(tmp_path, GOOD, env={"MYRTILLE_CRAWL__RETRIES": "many"})
    assert "environment variable MYRTILLE_CRAWL__RETRIES" in message


def test_generic_opendata_needs_its_fields(tmp_path: Path) -> None:
    message = problems(tmp_path, GOOD.replace("preset: bodacc", "preset: generic"))
    assert "needs id_field and title_field" in message


def test_starter_file_is_valid(tmp_path: Path) -> None:
    from importlib import resources

    starter = (resources.files("myrtille.config") / "starter.yaml").read_text(encoding="utf-8")
    settings = load_settings(write(tmp_path, starter), env={})
    assert settings.sources[0].id == "exemple-rss"
    assert settings.sources[0].enabled is False
