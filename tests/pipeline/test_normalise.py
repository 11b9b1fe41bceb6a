from __future__ import annotations

from myrtille.pipeline.normalise import (
    canonical_url,
    content_hash,
    document_id,
    preferred_url,
)


def test_tracking_parameters_and_fragments_are_removed() -> None:
    url = "HTTPS://News.Example:443/eco/a.html?utm_source=rss&id=4&fbclid=x&utm_campaign=y#top"
    assert canonical_url(url) == "https://news.example/eco/a.html?id=4"


def test_query_order_and_default_port_do_not_change_the_id() -> None:
    a = canonical_url("http://news.example:80/a?b=2&a=1")
    b = canonical_url("http://news.example/a?a=1&b=2&utm_medium=feed")
    assert a == b
    assert document_id(a) == document_id(b)
    assert len(document_id(a)) == 32


def test_rel_canonical_is_honoured_on_the_same_site_only() -> None:
    fetched = "https://www.news.example/a?utm_source=x"
    assert (
        preferred_url(fetched, "https://news.example/articles/a")
        == "https://news.example/articles/a"
    )
    # A page cannot claim another site's article id.
    assert preferred_url(fetched, "https://victim.example/a") == "https://www.news.example/a"
    assert preferred_url(fetched, "javascript:alert(1)") == "https://www.news.example/a"


def test_content_hash_ignores_case_and_spacing_but_not_words() -> None:
    body = "Aérovolt lève 12 millions d'euros pour son moteur électrique. " * 5
    assert content_hash("t", body, "u1") == content_hash("T", body.upper().replace(" ", "  "), "u2")
    assert content_hash("t", body, "u") != content_hash("t", body + " Autre phrase.", "u")


def test_short_texts_are_hashed_with_their_url() -> None:
    assert content_hash("Brève", "", "https://a.example/1") != content_hash(
        "Brève", "", "https://a.example/2"
    )
