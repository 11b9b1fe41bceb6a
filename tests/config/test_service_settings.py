"""The service's settings (``service:``): one validated model for its job intervals and
limits, with the deprecated ``MYRTILLESERVICE_*`` variables still read for one release."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from myrtille.config.loading import load_settings
from myrtille.exceptions import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "myrtille.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_and_the_environment_set_the_service(tmp_path: Path) -> None:
    config = write(tmp_path, "data_dir: .\nservice:\n  crawl_interval: 2m\n  process_limit: 40\n")
    settings = load_settings(config, env={"MYRTILLE_SERVICE__DISPATCH_LIMIT": "9"})
    assert settings.service.crawl_interval == timedelta(minutes=2)
    assert settings.service.process_limit == 40
    assert settings.service.dispatch_limit == 9
    assert settings.service.interval("digest-weekly") == timedelta(minutes=10)


def test_a_bad_service_value_is_an_error_naming_file_line_and_key(tmp_path: Path) -> None:
    # Before the service section, a bad MYRTILLESERVICE_* value was logged and ignored.
    config = write(tmp_path, "data_dir: .\nservice:\n  process_limit: 0\n  crawl_intervall: 1m\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config, env={})
    text = str(caught.value)
    assert f"{config}, line 3, key 'service.process_limit'" in text
    assert "greater than or equal to 1" in text
    assert (
        "line 4, key 'service.crawl_intervall': unknown key -- did you mean 'crawl_interval'?"
        in text
    )


def test_a_bad_value_in_the_environment_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(
            None,
            env={"MYRTILLE_SERVICE__STANDBY_INTERVAL": "soon"},
            overrides={"data_dir": str(tmp_path)},
        )
    assert "environment variable MYRTILLE_SERVICE__STANDBY_INTERVAL" in str(caught.value)
    assert "'soon' is not a duration" in str(caught.value)


def test_the_old_variables_still_work_for_a_release_with_a_warning(tmp_path: Path) -> None:
    env = {"MYRTILLESERVICE_PROCESS_SECONDS": "3", "MYRTILLESERVICE_DISPATCH_LIMIT": "7"}
    with pytest.warns(FutureWarning) as warned:
        settings = load_settings(None, env=env, overrides={"data_dir": str(tmp_path)})
    assert settings.service.process_interval == timedelta(seconds=3)
    assert settings.service.dispatch_limit == 7
    messages = sorted(str(w.message) for w in warned)
    assert messages[0].startswith("MYRTILLESERVICE_DISPATCH_LIMIT is deprecated")
    assert "set service.dispatch_limit" in messages[0]
    assert "MYRTILLE_SERVICE__DISPATCH_LIMIT" in messages[0]
    assert "set service.process_interval" in messages[1]


def test_the_new_variable_wins_over_the_old_one(tmp_path: Path) -> None:
    env = {"MYRTILLESERVICE_CRAWL_SECONDS": "5", "MYRTILLE_SERVICE__CRAWL_INTERVAL": "9s"}
    with pytest.warns(FutureWarning, match="MYRTILLESERVICE_CRAWL_SECONDS is deprecated"):
        settings = load_settings(None, env=env, overrides={"data_dir": str(tmp_path)})
    assert settings.service.crawl_interval == timedelta(seconds=9)


def test_a_bad_old_variable_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.warns(FutureWarning), pytest.raises(ConfigError) as caught:
        load_settings(
            None,
            env={"MYRTILLESERVICE_PROCESS_LIMIT": "lots"},
            overrides={"data_dir": str(tmp_path)},
        )
    text = str(caught.value)
    assert "environment variable MYRTILLESERVICE_PROCESS_LIMIT, key 'service.process_limit'" in text
