"""Subscriptions in plain words: what a firm reads instead of its query."""

from __future__ import annotations

from pathlib import Path

import pytest

from myrtille.alerts.describe import company_names, describe
from myrtille.config.loading import load_settings
from myrtille.store.companies import Company
from myrtille.store.database import open_database

AEROVOLT = "919985002"


@pytest.mark.parametrize(
    ("query", "frequency", "lang", "expected"),
    [
        (
            "sector:aeronautics region:76 event:fundraising",
            "daily",
            "fr",
            "Aéronautique et spatial · Occitanie · Levée de fonds — chaque jour",
        ),
        (
            "sector:aeronautics region:76 event:fundraising",
            "daily",
            "en",
            "Aeronautics and space · Occitanie · Fundraising — every day",
        ),
        (
            "(sector:energy OR sector:aeronautics) (region:76 OR dept:31)",
            "weekly",
            "fr",
            "Énergie ou Aéronautique et spatial · Occitanie ou Haute-Garonne — chaque semaine",
        ),
        (
            '"Levée de fonds" -rumeur',
            "immediate",
            "fr",
            "« Levée de fonds » · sauf « rumeur » — immédiatement",
        ),
        (
            '"Levée de fonds" -rumeur',
            "immediate",
            "en",
            "“Levée de fonds” · except “rumeur” — immediately",
        ),
        ("dept:2a lang:en", None, "en", "Corse-du-Sud · in English"),
        (
            "title:usine after:2026-01-31",
            None,
            "fr",
            "dans le titre : « usine » · depuis le 31/01/2026",
        ),
    ],
)
def test_queries_in_plain_words(
    query: str, frequency: str | None, lang: str, expected: str
) -> None:
    assert describe(query, lang, frequency) == expected


def test_what_plain_words_cannot_say_is_a_custom_search_with_its_keywords() -> None:
    query = '(airbus "moteur électrique") OR (safran -rumeur)'
    assert (
        describe(query, "fr")
        == "Recherche personnalisée : « airbus » « moteur électrique » « safran »"
    )
    assert describe(query, "en", "daily").startswith("Custom search: “airbus”")
    for text in (describe(query, "fr"), describe(query, "en")):
        assert "OR" not in text and "(" not in text and "-" not in text


def test_a_query_the_lexicons_no_longer_accept_shows_no_syntax() -> None:
    text = describe("sector:retired-code OR acier", "fr", "daily")
    assert text.startswith("Recherche personnalisée") and ":" not in text.split(" : ", 1)[1]
    assert "OR" not in text


def test_companies_by_their_registry_names(tmp_path: Path) -> None:
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path / "data")})
    database = open_database(settings.state_url)
    try:
        with database.session() as session:
            session.add(Company(id=AEROVOLT, siren=AEROVOLT, name="Aérovolt SAS"))
            session.add(Company(id="w-helicea", name="<b>Hélicea</b>"))
        queries = [f"company:{AEROVOLT} OR company:helicea", "company:inconnue"]
        with database.session() as session:
            names = company_names(session, queries)
        assert names == {AEROVOLT: "Aérovolt SAS"}
        assert describe(queries[0], "fr", companies=names) == "Aérovolt SAS ou helicea"
        assert describe(
            f"company:{AEROVOLT} event:acquisition", "en", "daily", companies=names
        ) == ("Aérovolt SAS · Acquisition and merger — every day")
    finally:
        database.dispose()
