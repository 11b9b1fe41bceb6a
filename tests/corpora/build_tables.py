# ruff: noqa: E501 - corpus data: long literal payloads read better on one line
"""Hostile CSV files for the corpus: Sirene StockUniteLegale files and portfolio files."""

from __future__ import annotations

from collections.abc import Iterator

from tests.corpora.spec import Case

XSS = "<script>alert(1)</script>"


SIRENE_HEADER = (
    "siren,denominationUniteLegale,activitePrincipaleUniteLegale,etatAdministratifUniteLegale,"
    "sigleUniteLegale,categorieEntreprise,nomUniteLegale,denominationUsuelle1UniteLegale\n"
)
GOOD_ROWS = "552100554,PEUGEOT,29.10Z,A,,GE,,\n919985002,AEROVOLT,30.30Z,A,AV,PME,,\n"


def _sirene() -> Iterator[Case]:
    head, good = SIRENE_HEADER, GOOD_ROWS
    yield Case(
        "sirene-missing-columns.csv",
        "siren,nom\n552100554,PEUGEOT\n",
        "required columns missing",
        expect_error=True,
    )
    yield Case("sirene-empty.csv", "", "an empty file", expect_error=True)
    yield Case("sirene-header-only.csv", head, "a header and no rows")
    yield Case(
        "sirene-markup-names.csv",
        head
        + good
        + f'300000007,"{XSS}",62.01Z,A,"<img src=x onerror=alert(1)>",PME,,"<a href=javascript:alert(1)>x</a>"\n',
        "scripts in the name, acronym and usual name",
    )
    yield Case(
        "sirene-controls.csv",
        head
        + good
        + '300000015,"A\x00B\x1b[31mC\u202e",62.01Z,A,,,,\n300000023,"Saut\r\nde ligne",62.01Z,A,,,,\n',
        "NUL, terminal escapes and CR LF inside names",
    )
    yield Case(
        "sirene-invalid-utf8.csv",
        (head + good).encode() + b"300000004,SOCI\xff\xfeT\xc3,62.01Z,A,,,,\n",
        "bytes that are never UTF-8",
    )
    yield Case(
        "sirene-latin1.csv",
        (head + good + "300000005,SOCIÉTÉ GÉNÉRALE,64.19Z,A,,GE,,\n").encode("latin-1"),
        "Latin-1 bytes",
    )
    yield Case(
        "sirene-utf16.csv",
        (head + good).encode("utf-16"),
        "UTF-16 with a byte order mark",
        expect_error=True,
    )
    yield Case(
        "sirene-bom-semicolons.csv",
        ("\ufeff" + head + good).replace(",", ";"),
        "a BOM and ';' delimiters",
    )
    yield Case(
        "sirene-wrong-types.csv",
        head
        + good
        + "abcdefghi,NOM,62.01Z,A,,,,\n12345,COURT,62.01Z,A,,,,\n300000006,,62.01Z,A,,,,\n300000007,NAF,999,Z,,XXL,,\n",
        "SIRENs with letters or too short, an empty name, a bad NAF, state and category",
    )
    yield Case(
        "sirene-extra-fields.csv",
        head + good + "300000008,TROP,62.01Z,A,,,,,,,,,extra,extra\n",
        "more fields than the header",
    )
    yield Case(
        "sirene-unterminated-quote.csv",
        head
        + good
        + '300000009,"GUILLEMET JAMAIS FERMÉ,62.01Z,A,,,,\n'
        + "300000010,SUITE,62.01Z,A,,,,\n" * 200,
        "a quote that swallows the rest of the file",
    )
    yield Case(
        "sirene-huge-name.csv",
        head + good + "300000011," + "N" * 60_000 + ",62.01Z,A,,,,\n",
        "a 60,000-character name",
    )
    yield Case("sirene-duplicates.csv", head + good * 50, "the same SIRENs 50 times")
    yield Case(
        "sirene-quote-past-field-limit.csv",
        head + good + '300000012,"' + "Q" * 1_100_000 + "\n",
        "a quote never closed over 1.1 MB, past the CSV field limit",
    )
    yield Case(
        "sirene-binary.csv", head.encode() + bytes(range(256)) * 20, "a header then binary noise"
    )


PORTFOLIO_GOOD = "siren,label\n552100554,Peugeot\n919985002,Aérovolt\n"


def _portfolio() -> Iterator[Case]:
    good = PORTFOLIO_GOOD
    yield Case("portfolio-empty.csv", "", "an empty file", expect_error=True)
    yield Case(
        "portfolio-header-only.csv", "siren,label\n", "a header and no rows", expect_error=True
    )
    yield Case(
        "portfolio-no-siren-column.csv",
        "nom,ville\nPeugeot,Paris\n",
        "no siren column",
        expect_error=True,
    )
    yield Case(
        "portfolio-markup-labels.csv",
        good + f'300000007,"{XSS}"\n552100554,"<img src=x onerror=alert(1)>"\n',
        "scripts in labels",
    )
    yield Case(
        "portfolio-controls.csv",
        good.replace("Peugeot", '"Peu\x00geot\x1b[31m\r\nBcc: x"'),
        "NUL, escapes and CR LF in a label",
    )
    yield Case(
        "portfolio-invalid-utf8.csv",
        good.encode() + b"919985002,A\xff\xfe\xc3\n",
        "bytes that are never UTF-8",
    )
    yield Case(
        "portfolio-latin1.csv",
        (good + "552100554,Société Générale\n").encode("latin-1"),
        "Latin-1 bytes",
    )
    yield Case("portfolio-utf16.csv", good.encode("utf-16"), "UTF-16 with a byte order mark")
    yield Case(
        "portfolio-wrong-types.csv",
        good + "abc,x\n12345,y\n552100555,bad checksum\n,vide\n",
        "SIRENs with letters, too short, a bad checksum, missing",
    )
    yield Case(
        "portfolio-unterminated-quote.csv",
        good + '"552100554,jamais fermé\n' + "919985002,x\n" * 100,
        "a quote that swallows the rest",
    )
    yield Case(
        "portfolio-huge-field.csv",
        good + "552100554," + "L" * 1_100_000 + "\n",
        "a 1.1-million-character label (past the CSV field limit)",
    )
    yield Case(
        "portfolio-huge-siren-cell.csv",
        "siren\n" + "5" * 200_000 + "\n552100554\n",
        "a 200,000-digit SIREN cell",
    )
    yield Case(
        "portfolio-many-columns.csv",
        ",".join(f"c{n}" for n in range(5_000)) + ",siren\n" + "," * 5_000 + "552100554\n",
        "5,000 columns before the siren",
    )
    yield Case("portfolio-binary.csv", bytes(range(256)) * 20, "binary noise", expect_error=True)
    yield Case(
        "portfolio-semicolons-bom.csv",
        "\ufeff" + good.replace(",", ";"),
        "a BOM and ';' delimiters",
    )


def sirene_cases() -> Iterator[Case]:
    yield from _sirene()


def portfolio_cases() -> Iterator[Case]:
    yield from _portfolio()
