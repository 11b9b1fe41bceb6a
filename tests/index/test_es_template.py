"""The Elasticsearch index template and the bulk bodies the backend sends: no cluster needed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from myrtille.index.es_mapping import (
    MAPPING_VERSION,
    bulk_actions,
    document_source,
    index_template,
)
from myrtille.index.matching import field_values
from myrtille.index.payload import from_payload
from myrtille.index.query import (
    words_of,
)
from tests.index.es_helpers import (
    STREAMS,
    make_document,
)

# -- the template -----------------------------------------------------------------------


def test_template_analyzers() -> None:
    template = index_template("myrtille")
    assert template["index_patterns"] == [f"myrtille-v{MAPPING_VERSION}"]
    analysis = template["template"]["settings"]["analysis"]
    filters = analysis["filter"]
    fr = analysis["analyzer"]["myrtille_fr"]["filter"]
    en = analysis["analyzer"]["myrtille_en"]["filter"]
    assert [filters[name]["type"] for name in fr if name in filters] == [
        "elision",
        "stop",
        "stemmer",
    ]
    assert {"lowercase", "asciifolding"} <= set(fr) and {"lowercase", "asciifolding"} <= set(en)
    assert "l" in filters["myrtille_fr_elision"]["articles"]
    assert filters["myrtille_fr_elision"]["articles_case"] is True
    assert filters["myrtille_fr_stop"]["stopwords"] == "_french_"
    assert filters["myrtille_fr_stemmer"]["language"] == "light_french"
    assert filters["myrtille_en_stop"]["stopwords"] == "_english_"
    assert filters["myrtille_en_stemmer"]["language"] == "english"
    assert filters["myrtille_en_possessive"]["language"] == "possessive_english"
    # Folding happens before stop words: queries arrive folded.
    assert fr.index("asciifolding") < fr.index("myrtille_fr_stop")
    words = analysis["analyzer"]["myrtille_words"]
    assert words["filter"] == []
    assert analysis["tokenizer"][words["tokenizer"]]["type"] == "whitespace"


def test_template_mappings() -> None:
    mappings = index_template("myrtille")["template"]["mappings"]
    properties = mappings["properties"]
    assert mappings["_meta"] == {"mapping_version": MAPPING_VERSION}
    assert mappings["dynamic"] == "strict"
    for name in ("company", "org", "person", "place", "sector", "event", "region", "dept"):
        assert properties[f"f_{name}"] == {"type": "keyword"}
    assert properties["f_lang"] == properties["f_source"] == {"type": "keyword"}
    assert "title_lemmas" not in properties and "text_lemmas" not in properties
    for stream in STREAMS:
        assert properties[stream]["type"] == "text"
        assert properties[stream]["analyzer"] == "myrtille_words"
    for name in ("title", "text"):
        assert properties[name]["fields"]["fr"]["analyzer"] == "myrtille_fr"
        assert properties[name]["fields"]["en"]["analyzer"] == "myrtille_en"
    assert properties["id"]["type"] == properties["cluster"]["type"] == "keyword"
    assert properties["date"]["type"] == properties["published_at"]["type"] == "date"
    assert properties["seq"]["type"] == "long"
    assert properties["payload"] == {"type": "object", "enabled": False}
    assert properties["facet_company"]["type"] == "nested"
    assert properties["facet_company"]["properties"]["value"]["type"] == "keyword"
    for facet in ("sector", "event", "region", "source", "lang"):
        assert properties[f"facet_{facet}"] == {"type": "alias", "path": f"f_{facet}"}


# -- bulk bodies ----------------------------------------------------------------------


def test_bulk_actions_build_sources_as_sqlite_does() -> None:
    first = make_document()
    second = make_document(id="doc-2", companies=[], language=None, published_at=None)
    actions = bulk_actions("myrtille", [first, second], seqs=[10, 11])
    assert [a["_id"] for a in actions] == ["doc-1", "doc-2"]
    assert {a["_op_type"] for a in actions} == {"index"}
    assert {a["_index"] for a in actions} == {"myrtille"}
    source = actions[0]["_source"]
    assert source["title_words"] == " ".join(words_of(first.title))
    assert source["text_words"] == " ".join(words_of(first.text))
    # French stems of a French document's words; its English stem fields stay empty.
    assert source["title_stems_fr"] == "l usin airbus de blagnac recrut"
    assert source["text_stems_fr"].startswith("airbus annonc une leve de fond")
    assert source["title_stems_en"] == source["text_stems_en"] == ""
    english = document_source(make_document(language="en", title="Factories hired"), 1)
    assert english["title_stems_en"] == "factori hire" and english["title_stems_fr"] == ""
    # No stemmer for the language: the words alone.
    assert all(actions[1]["_source"][f] == "" for f in STREAMS if "_stems_" in f)
    for name, values in field_values(first).items():
        assert source[f"f_{name}"] == sorted(values)
    assert source["f_company"] == ["383474814", "airbus", "airbus se", "safran"]
    assert source["f_lang"] == ["fr"] and actions[1]["_source"]["f_lang"] == []
    assert source["f_event"] == ["hiring"]
    # One display value per company (SIREN, else the name's key), named by the first.
    assert source["facet_company"] == [
        {"value": "383474814", "label": "Airbus SE"},
        {"value": "safran", "label": "Safran SA"},
    ]
    assert source["date"] == source["published_at"] == "2026-01-05T09:30:12Z"
    # The second has no publication date: it is filed under its collection date.
    assert actions[1]["_source"]["published_at"] is None
    assert actions[1]["_source"]["date"] == "2026-01-06T08:00:00Z"
    assert [a["_source"]["seq"] for a in actions] == [10, 11]
    assert source["payload"]["published_at"] == "2026-01-05T09:30:12"
    assert from_payload(source["payload"]) == make_document(
        published_at=datetime(2026, 1, 5, 9, 30, 12, tzinfo=UTC),
        collected_at=datetime(2026, 1, 6, 8, 0, tzinfo=UTC),
    )
    json.dumps(actions)  # the whole body is JSON


def test_seq_numbers_increase_and_stay_exact_in_a_double() -> None:
    first = bulk_actions("m", [make_document(), make_document(id="b")])
    second = bulk_actions("m", [make_document(id="c")])
    seqs = [a["_source"]["seq"] for a in first + second]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    # The max aggregation answers a double: the numbers must survive the round trip.
    assert all(int(float(s)) == s for s in seqs)
