"""Hostile feeds for the corpus (issue 15): malformed XML and lying encodings here;
entity blow-ups and external entities in ``build_feed_entities``; enormous fields, deep
nesting, markup in every field and other formats in ``build_feed_fields``.
``CANARY`` stands for the canary server's origin; the corpus server writes the real one
in when it serves the file."""

from __future__ import annotations

from collections.abc import Iterator

from tests.corpora.build_feed_entities import entity_cases
from tests.corpora.build_feed_fields import field_cases
from tests.corpora.feed_xml import GOOD, RSS, RSS_BARE, item, rss
from tests.corpora.spec import Case


def _malformed() -> Iterator[Case]:
    good = rss(GOOD)
    yield Case(
        "malformed-bare-ampersand.xml",
        good.replace("Hélicea", "Hélicea & Co"),
        "a bare '&' in a title",
    )
    yield Case(
        "malformed-unclosed-title.xml",
        good.replace("</title><link>/a/good-2", "<link>/a/good-2"),
        "a <title> never closed",
    )
    yield Case(
        "malformed-mismatched-tags.xml",
        good.replace("</title>", "</titl>", 1),
        "an end tag that does not match",
    )
    for n, cut in enumerate((40, 120, 200, len(good) - 30)):
        yield Case(
            f"malformed-truncated-{n}.xml", good[:cut], f"the document cut after {cut} characters"
        )
    yield Case("malformed-two-roots.xml", good + good, "two root elements")
    yield Case(
        "malformed-trailing-garbage.xml",
        good + "\x00\x01garbage<<<>>>",
        "garbage after the root element",
    )
    yield Case(
        "malformed-unquoted-attributes.xml",
        good.replace('version="2.0"', "version=2.0 x=y"),
        "unquoted attributes",
    )
    yield Case(
        "malformed-duplicate-attributes.xml",
        good.replace('version="2.0"', 'version="2.0" version="3"'),
        "a duplicated attribute",
    )
    yield Case(
        "malformed-control-characters.xml",
        good.replace("Aérovolt", "Aéro\x01\x02\x0b\x1fvolt"),
        "C0 control characters XML forbids",
    )
    yield Case(
        "malformed-nul-bytes.xml",
        good.replace("12 millions", "12\x00\x00millions"),
        "NUL bytes inside text",
    )
    yield Case(
        "malformed-unterminated-cdata.xml",
        good.replace("Résumé de l'article.", "<![CDATA[never ends", 1),
        "a CDATA section never closed",
    )
    yield Case(
        "malformed-unterminated-comment.xml",
        good.replace("<channel>", "<channel><!-- never ends"),
        "a comment never closed",
    )
    yield Case(
        "malformed-nested-cdata.xml",
        good.replace("Résumé de l'article.", "<![CDATA[a <![CDATA[b]]> c]]>", 1),
        "CDATA inside CDATA",
    )
    yield Case(
        "malformed-bad-numeric-refs.xml",
        good.replace("Aérovolt", "&#0;&#xD800;&#x110000;&#99999999999;&#x;Aérovolt"),
        "numeric references to NUL, a surrogate, past U+10FFFF",
        expect_error=False,
    )
    yield Case(
        "malformed-undeclared-prefix.xml",
        good.replace("<title>Aérovolt", "<dc:creator>x</dc:creator><title>Aérovolt"),
        "an undeclared namespace prefix",
    )
    yield Case(
        "malformed-processing-instructions.xml",
        good.replace("<channel>", "<channel><?php system('id'); ?><?xml version='1.0'?>"),
        "PHP and a second XML declaration inside the document",
    )
    yield Case("malformed-empty.xml", "", "an empty body", expect_error=True)
    yield Case("malformed-whitespace.xml", " \n\t\r\n" * 200, "only whitespace", expect_error=True)
    yield Case(
        "malformed-declaration-only.xml",
        '<?xml version="1.0"?>',
        "an XML declaration and nothing else",
        expect_error=True,
    )
    yield Case(
        "malformed-binary.xml",
        bytes(range(256)) * 40,
        "binary noise served as RSS",
        expect_error=True,
    )
    yield Case(
        "malformed-json.xml",
        '{"rss": {"channel": {"item": [1, 2, 3]}}}',
        "JSON served as RSS",
        expect_error=True,
    )
    yield Case(
        "malformed-html-page.xml",
        "<!doctype html><html><body><script>alert(1)</script>Pas un flux</body></html>",
        "an HTML page served as RSS",
        expect_error=True,
    )
    yield Case(
        "malformed-tag-soup.xml",
        "<rss><channel><item><title>a<item><title>b</channel></item></rss></title>",
        "overlapping tags",
    )
    yield Case(
        "malformed-lt-in-attribute.xml",
        good.replace('version="2.0"', 'version="<2.0>"'),
        "'<' inside an attribute value",
    )
    yield Case(
        "malformed-huge-tag-name.xml",
        good.replace("<channel>", "<channel><" + "x" * 20_000 + "/>"),
        "a 20,000-character element name",
    )
    yield Case(
        "malformed-many-attributes.xml",
        good.replace(
            "<channel>", "<channel><i " + " ".join(f"a{n}='{n}'" for n in range(2_000)) + "/>"
        ),
        "2,000 attributes on one element",
    )
    yield Case(
        "malformed-bom-in-middle.xml",
        good.replace("Hélicea", "\ufeffHélicea\ufeff"),
        "byte order marks inside the text",
    )
    yield Case(
        "malformed-invalid-xml-name.xml",
        good.replace("<channel>", "<channel><1item>x</1item><-a>y</-a>"),
        "element names that are not XML names",
    )


def _encodings() -> Iterator[Case]:
    text = rss(
        item(
            "Société générale de mécanique — coût 5 € « accord »",
            "/a/enc.html",
            "Été, déjà, œuvre, naïve.",
        )
    )
    declared = lambda enc: text.replace('encoding="utf-8"', f'encoding="{enc}"')  # noqa: E731
    yield Case(
        "enc-cp1252-declared-utf8.xml",
        text.encode("cp1252"),
        "Windows-1252 bytes declared UTF-8",
        RSS,
    )
    yield Case(
        "enc-latin1-declared-utf8.xml",
        text.replace("€", "E").replace("œ", "oe").replace("—", "-").encode("latin-1"),
        "Latin-1 bytes declared UTF-8 in the XML and the HTTP header",
        RSS,
    )
    yield Case(
        "enc-utf8-declared-latin1.xml",
        declared("iso-8859-1").encode("utf-8"),
        "UTF-8 bytes declared ISO-8859-1",
        RSS_BARE,
    )
    yield Case(
        "enc-http-says-cp1252.xml",
        text.encode("utf-8"),
        "UTF-8 bytes; the HTTP header says windows-1252",
        "application/rss+xml; charset=windows-1252",
    )
    chinese = rss(
        item("台積電宣布在高雄設廠", "/a/big5.html", "新竹科學園區的半導體公司公布財報。")
    )
    yield Case(
        "enc-big5-declared.xml",
        chinese.replace('encoding="utf-8"', 'encoding="big5"').encode("big5"),
        "Big5, declared",
        RSS_BARE,
    )
    yield Case(
        "enc-big5-declared-utf8.xml", chinese.encode("big5"), "Big5 bytes declared UTF-8", RSS
    )
    korean = rss(
        item(
            "삼성전자 새로운 공장 투자 발표",
            "/a/euckr.html",
            "반도체 사업부가 신규 투자를 발표했다.",
        )
    )
    yield Case(
        "enc-euckr-declared.xml",
        korean.replace('encoding="utf-8"', 'encoding="euc-kr"').encode("euc-kr"),
        "EUC-KR, declared",
        RSS_BARE,
    )
    yield Case(
        "enc-euckr-undeclared.xml",
        korean.replace(' encoding="utf-8"', "").encode("euc-kr"),
        "EUC-KR bytes with no declaration (UTF-8 by default)",
        RSS_BARE,
    )
    japanese = rss(
        item("トヨタが新工場を発表", "/a/sjis.html", "愛知県で新しい工場の建設を始める。")
    )
    yield Case(
        "enc-shiftjis-declared-utf8.xml",
        japanese.encode("shift_jis"),
        "Shift_JIS bytes declared UTF-8",
        RSS,
    )
    yield Case(
        "enc-gb18030-declared.xml",
        chinese.replace('encoding="utf-8"', 'encoding="gb18030"').encode("gb18030"),
        "GB18030, declared",
        RSS_BARE,
    )
    russian = rss(
        item("Газпром объявил о новых инвестициях", "/a/koi8.html", "Компания построит завод.")
    )
    yield Case(
        "enc-koi8r-declared-cp1251.xml",
        russian.replace('encoding="utf-8"', 'encoding="windows-1251"').encode("koi8_r"),
        "KOI8-R bytes declared windows-1251",
        RSS_BARE,
    )
    raw = text.encode("utf-8")
    yield Case(
        "enc-invalid-utf8-bytes.xml",
        raw.replace("Société".encode(), b"Soci\xff\xfe\xc3t\xe9"),
        "bytes that are never UTF-8 (FF FE, a lone lead byte)",
        RSS,
    )
    yield Case(
        "enc-overlong-utf8.xml",
        raw.replace(b"/a/enc.html", b"/a/\xc0\xaf\xe0\x80\xafenc.html"),
        "overlong UTF-8 encodings of '/' in a link",
        RSS,
    )
    yield Case(
        "enc-encoded-surrogates.xml",
        raw.replace("Été".encode(), b"\xed\xa0\x80\xed\xbf\xbf"),
        "UTF-16 surrogates encoded in UTF-8 (CESU)",
        RSS,
    )
    yield Case(
        "enc-truncated-multibyte.xml",
        raw.replace("€".encode(), b"\xe2\x82"),
        "a multi-byte sequence cut short",
        RSS,
    )
    yield Case("enc-utf8-bom.xml", b"\xef\xbb\xbf" + raw, "a UTF-8 byte order mark", RSS)
    yield Case(
        "enc-double-bom.xml", b"\xef\xbb\xbf\xef\xbb\xbf" + raw, "two UTF-8 byte order marks", RSS
    )
    yield Case(
        "enc-utf16le-bom.xml",
        declared("utf-16").encode("utf-16"),
        "UTF-16 with its byte order mark",
        RSS_BARE,
    )
    yield Case(
        "enc-utf16be-no-bom.xml",
        declared("utf-16be").encode("utf-16-be"),
        "UTF-16BE without a byte order mark",
        RSS_BARE,
    )
    yield Case(
        "enc-utf32-bom.xml",
        declared("utf-32").encode("utf-32"),
        "UTF-32 with its byte order mark",
        RSS_BARE,
    )
    yield Case(
        "enc-bom-contradicts-declaration.xml",
        b"\xef\xbb\xbf" + declared("utf-16").encode("utf-8"),
        "a UTF-8 BOM, declared UTF-16",
        RSS_BARE,
    )
    yield Case(
        "enc-utf16-bom-declared-utf8.xml", text.encode("utf-16"), "UTF-16 bytes declared UTF-8", RSS
    )
    yield Case(
        "enc-unknown-name.xml",
        declared("x-klingon-9").encode("utf-8"),
        "an encoding name nobody knows",
        RSS_BARE,
    )
    yield Case(
        "enc-empty-name.xml", declared("").encode("utf-8"), "an empty encoding name", RSS_BARE
    )
    yield Case(
        "enc-utf7-declared.xml",
        declared("utf-7").encode("utf-8"),
        "UTF-7 declared on plain ASCII-compatible bytes",
        RSS_BARE,
    )
    yield Case(
        "enc-ebcdic-declared.xml",
        declared("cp500").encode("cp500", "replace"),
        "EBCDIC (cp500) bytes, declared",
        RSS_BARE,
    )
    yield Case(
        "enc-http-charset-bogus.xml",
        raw,
        "an HTTP charset that does not exist",
        "application/rss+xml; charset=bogus-42",
    )
    yield Case(
        "enc-mixed.xml",
        raw.replace("Été".encode(), "Été".encode("cp1252")).replace(
            "coût".encode(), "coût".encode("utf-16-le")
        ),
        "UTF-8, Windows-1252 and UTF-16 bytes in one document",
        RSS,
    )


def feed_cases() -> Iterator[Case]:
    for group in (_malformed, _encodings):
        yield from group()
    yield from entity_cases()
    yield from field_cases()
