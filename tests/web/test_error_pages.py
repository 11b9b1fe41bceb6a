"""The UI's 404, 405, 422 and 500 answers on a real server: pages in the reader's
language from the catalogue, not the framework's English JSON; the API keeps its JSON."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from myrtille.config.loading import load_settings
from myrtille.web.app import create_app
from tests.texts.rendered import visible_text
from tests.web.conftest import serve_app

PAGES = {
    "fr": {
        404: ("Page introuvable", "Il n'y a pas de page à l'adresse /nowhere."),
        405: ("Méthode non autorisée", "ne répond pas à une requête POST"),
        422: ("Adresse non valide", "une valeur que cette page ne peut pas utiliser (page)"),
        500: ("Erreur interne", "rien n'a été modifié"),
    },
    "en": {
        404: ("Page not found", "There is no page at /nowhere."),
        405: ("Method not allowed", "does not answer a POST request"),
        422: ("Invalid address", "a value this page cannot use (page)"),
        500: ("Internal error", "nothing was changed"),
    },
}


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir: Path = tmp_path_factory.mktemp("errors") / "data"
    app = create_app(load_settings(None, env={}, overrides={"data_dir": str(data_dir)}))

    @app.get("/boom")
    def boom() -> None:  # an internal error, as a bug in a page would raise it
        raise RuntimeError("the page broke")

    with serve_app(app) as running:
        yield running


def answers(url: str, lang: str) -> dict[int, httpx.Response]:
    with httpx.Client(base_url=url, timeout=10) as http:
        return {
            404: http.get("/nowhere", params={"lang": lang}),
            405: http.post("/search", params={"lang": lang}),
            422: http.get("/search", params={"lang": lang, "page": "abc"}),
            500: http.get("/boom", params={"lang": lang}),
        }


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_ui_errors_are_pages_in_the_readers_language(url: str, lang: str) -> None:
    for status, response in answers(url, lang).items():
        assert response.status_code == status
        assert response.headers["content-type"].startswith("text/html"), response.text
        assert f'<html lang="{lang}">' in response.text
        title, words = PAGES[lang][status]
        text = " ".join(visible_text(response.text).split())
        assert title in text and words in text, (status, text)
        assert "detail" not in response.text and "the page broke" not in response.text
    assert "Allow" in answers(url, lang)[405].headers


def test_the_api_keeps_its_json_errors(url: str) -> None:
    with httpx.Client(base_url=url, timeout=10) as http:
        missing = http.get("/api/v1/nowhere")
        assert missing.status_code == 404 and missing.json()["error"] == "not_found"
        wrong = http.post("/api/v1/search")
        assert wrong.status_code in (401, 405)
