# ruff: noqa: E501 - corpus data: long literal payloads read better on one line
"""Hostile records for the corpus: OpenDataSoft answers (wrong types, missing fields,
markup and canary URLs). The CSV files are in ``build_tables``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tests.corpora.spec import CANARY, Case

JSON = "application/json; charset=utf-8"
XSS = "<script>alert(1)</script>"


def notice(n: int, **fields: Any) -> dict[str, Any]:
    record = {
        "id": f"A{n}",
        "familleavis_lib": "Ventes et cessions",
        "commercant": f"Société {n} SAS",
        "ville": "Toulouse",
        "registre": ["919 985 002", "919985002"],
        "dateparution": "2026-10-01",
    }
    record.update(fields)
    return {k: v for k, v in record.items() if v is not ...}


def answer(records: list[Any], total: Any = None) -> str:
    return json.dumps({"total_count": len(records) if total is None else total, "results": records})


def _opendata() -> Iterator[Case]:
    ok = [notice(1), notice(2)]
    yield Case(
        "ods-results-object.json",
        json.dumps({"total_count": 1, "results": {"id": "A1"}}),
        "'results' is an object, not a list",
        expect_error=True,
    )
    yield Case(
        "ods-results-string.json",
        json.dumps({"total_count": 1, "results": "A1"}),
        "'results' is a string",
        expect_error=True,
    )
    yield Case(
        "ods-top-level-list.json",
        json.dumps(ok),
        "a bare list instead of an object",
        expect_error=True,
    )
    yield Case("ods-null.json", "null", "JSON null", expect_error=True)
    yield Case("ods-empty.json", "", "an empty body", expect_error=True)
    yield Case(
        "ods-html-error.json",
        "<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>",
        "an HTML error page served as JSON",
        expect_error=True,
    )
    yield Case("ods-truncated.json", answer(ok)[:60], "JSON cut in the middle", expect_error=True)
    yield Case(
        "ods-total-string.json", answer(ok, "beaucoup"), "total_count is a word", expect_error=False
    )
    yield Case("ods-total-negative.json", answer(ok, -5), "total_count is negative")
    yield Case("ods-total-float.json", answer(ok, 1e308), "total_count is 1e308")
    yield Case("ods-total-huge-int.json", answer(ok, 10**4000), "total_count has 4,001 digits")
    yield Case(
        "ods-records-not-objects.json",
        answer([1, "x", None, [], True, notice(3)]),
        "records that are numbers, strings, null, lists",
    )
    yield Case(
        "ods-id-types.json",
        answer(
            [
                notice(4, id=None),
                notice(5, id=["A", "B"]),
                notice(6, id={"x": 1}),
                notice(7, id=12.5),
                notice(8, id=True),
                notice(9, id=""),
            ]
        ),
        "ids that are null, lists, objects, floats, booleans, empty",
        expect_error=False,
    )
    yield Case(
        "ods-missing-fields.json",
        answer([{"id": "B1"}, {"id": "B2", "commercant": None}, {}]),
        "records with only an id, or nothing",
    )
    yield Case(
        "ods-field-types.json",
        answer(
            [
                notice(
                    10,
                    commercant=[{"a": [1, {"b": None}]}],
                    ville=42,
                    registre={"x": "919985002"},
                    dateparution=["2026", 10],
                    familleavis_lib=False,
                    cp=[[["31000"]]],
                )
            ]
        ),
        "every field of the wrong type",
        expect_error=False,
    )
    yield Case(
        "ods-dates.json",
        answer(
            [
                notice(11, dateparution="99999-99-99"),
                notice(12, dateparution="-0001-01-01"),
                notice(13, dateparution=1e20),
                notice(14, dateparution="2026-02-30T25:61:00+99:00"),
            ]
        ),
        "impossible dates",
    )
    yield Case(
        "ods-markup.json",
        answer(
            [
                notice(
                    15,
                    commercant=XSS,
                    ville="<img src=x onerror=alert(1)>",
                    familleavis_lib="<a href='javascript:alert(1)'>x</a>",
                    divers=f"<iframe src='{CANARY}/ods'></iframe>{XSS}",
                )
            ]
        ),
        "scripts and handlers in every text field",
        expect_error=False,
    )
    yield Case(
        "ods-urls.json",
        answer(
            [
                notice(16, url_complete="javascript:alert(1)"),
                notice(17, url_complete=f"{CANARY}/record"),
                notice(18, url_complete="file:///etc/passwd"),
                notice(19, url_complete="data:text/html,<script>alert(1)</script>"),
                notice(20, url_complete=["http://x"]),
            ]
        ),
        "record URLs: javascript:, the canary, file:, data:, a list",
        expect_error=False,
    )
    yield Case(
        "ods-json-in-strings.json",
        answer(
            [
                notice(21, jugement="[" * 5_000 + "]" * 5_000),
                notice(22, listepersonnes='{"a": ' * 3_000 + "1" + "}" * 3_000),
                notice(23, acte='{"broken": '),
            ]
        ),
        "deeply nested and broken JSON inside string fields",
        expect_error=False,
    )
    yield Case(
        "ods-deep-nesting.json",
        '{"total_count": 1, "results": [' + "[" * 5_000 + "]" * 5_000 + "]}",
        "5,000 nested arrays",
        expect_error=True,
    )
    yield Case(
        "ods-deep-record.json",
        '{"total_count": 1, "results": [{"id": "C1", "commercant": '
        + '{"a": ' * 3_000
        + "1"
        + "}" * 3_000
        + "}]}",
        "a record field nested 3,000 deep",
        expect_error=True,
    )
    yield Case(
        "ods-nan-infinity.json",
        '{"total_count": NaN, "results": [{"id": "D1", "commercant": Infinity, "ville": -Infinity}]}',
        "NaN and Infinity (not JSON)",
    )
    yield Case(
        "ods-huge-number.json",
        '{"total_count": 2, "results": [{"id": "E1", "commercant": ' + "9" * 5_000 + "}]}",
        "a 5,000-digit number in a field",
    )
    yield Case(
        "ods-duplicate-keys.json",
        '{"total_count": 1, "results": [{"id": "F1", "id": "F2", "commercant": "a", "commercant": "<script>x</script>"}], "results": []}',
        "duplicated keys",
    )
    yield Case("ods-bom.json", b"\xef\xbb\xbf" + answer(ok).encode(), "a UTF-8 byte order mark")
    yield Case(
        "ods-utf16.json",
        answer([notice(24, commercant="Société Générale")]).encode("utf-16"),
        "UTF-16 JSON",
    )
    yield Case(
        "ods-invalid-utf8.json",
        answer([notice(25, commercant="Soci-t-")])
        .encode()
        .replace(b"Soci-t-", b"Soci\xff\xe9t\xc3"),
        "bytes that are never UTF-8 inside a string",
    )
    yield Case(
        "ods-lone-surrogates.json",
        answer([notice(26, commercant="\ud800 seul", ville="\udfff")])
        .replace("\\ud800", "\\ud800")
        .encode(),
        "escaped lone surrogates \\ud800 and \\udfff",
        expect_error=False,
    )
    yield Case(
        "ods-escapes.json",
        answer(
            [
                notice(
                    27,
                    commercant="\u0000NUL\u001b[31m\u2028\u202e",
                    ville="a\r\nBcc: x@example.com",
                )
            ]
        ),
        "NUL, escapes, line separators and CR LF in fields",
        expect_error=False,
    )
    yield Case(
        "ods-huge-field.json",
        answer([notice(28, divers="mot " * 50_000)]),
        "a 200,000-character field",
    )
    yield Case(
        "ods-many-fields.json",
        answer([notice(29, **{f"f{n}": n for n in range(5_000)})]),
        "5,000 fields in one record",
    )
    yield Case(
        "ods-v1-records.json",
        json.dumps(
            {
                "nhits": "x",
                "records": [
                    {"fields": "pas un objet"},
                    {"record": {"fields": None}},
                    {"fields": notice(30)},
                    7,
                ],
            }
        ),
        "the v1 shape with broken inner records",
        expect_error=False,
    )


def opendata_cases() -> Iterator[Case]:
    yield from _opendata()
