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


@pytest.mark.parametrize("public_url", ["not a url", "/relative", "veille.example.org", "ftp://x"])
def test_public_url_must_be_an_absolute_http_url(tmp_path: Path, public_url: str) -> None:
    message = problems(tmp_path, GOOD + f"email:\n  public_url: {public_url}\n")
    assert "myrtille.yaml, line 15, key 'email.public_url'" in message
    assert f"'{public_url}' is not an absolute http(s) URL" in message
    assert "e.g. https://veille.example.org" in message


def test_public_url_accepts_a_path_prefix(tmp_path: Path) -> None:
    text = GOOD + "email:\n  public_url: https://cci.example/veille/\n"
    assert load_settings(write(tmp_path, text), env={}).email.public_url == (
        "https://cci.example/veille/"
    )


@pytest.mark.parametrize(
    ("database_url", "named"),
    [
        ("mysql://u:s3cret@db/m", "'mysql' databases are not supported"),
        ("mongodb+srv://u:s3cret@db/m", "'mongodb+srv' databases are not supported"),
        ("myrtille.db", "not a URL"),
    ],
)
def test_an_unsupported_database_url_is_a_configuration_error(
    tmp_path: Path, database_url: str, named: str
) -> None:
    message = problems(tmp_path, f"database_url: {database_url}\n" + GOOD)
    assert "myrtille.yaml, line 1, key 'database_url'" in message
    assert named in message
    assert "sqlite:////absolute/path/myrtille.db" in message
    assert "postgresql+psycopg://" in message
    assert "s3cret" not in message  # a password in the URL is not echoed


def test_an_unsupported_database_url_from_the_environment_names_the_variable(
    tmp_path: Path,
) -> None:
    message = problems(tmp_path, GOOD, env={"MYRTILLE_DATABASE_URL": "oracle://db/m"})
    assert "environment variable MYRTILLE_DATABASE_URL" in message
    assert "'oracle' databases are not supported" in message


def test_no_myrtille_variable_is_silently_ignored(tmp_path: Path) -> None:
    # The loader once skipped MYRTILLE_TEST_* for the tests' sake: a typo there went unseen.
    text = problems(tmp_path, GOOD, env={"MYRTILLE_TEST_POSTGRES_URL": "postgresql://db/x"})
    assert "environment variable MYRTILLE_TEST_POSTGRES_URL, key 'test_postgres_url'" in text
    assert "unknown key" in text
