# ruff: noqa: E501 - corpus data: long literal payloads read better on one line
"""Hostile feeds for the corpus: entity blow-ups (billion laughs, quadratic, recursive,
parameter entities) and external entities, DTDs, XInclude and stylesheets on the canary."""

from __future__ import annotations

from collections.abc import Iterator

from tests.corpora.feed_xml import GOOD, item, rss
from tests.corpora.spec import CANARY, Case


def _entities() -> Iterator[Case]:
    laughs = '<!ENTITY lol0 "lol">\n' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(1, 10)
    )
    doctype = lambda body: f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [\n{body}]>\n'  # noqa: E731
    yield Case(
        "entity-billion-laughs.xml",
        rss(item("&lol9;", "/a/laughs.html", "&lol9;"), head=doctype(laughs)),
        "billion laughs: ten levels of ten references",
    )
    yield Case(
        "entity-billion-laughs-attribute.xml",
        rss(
            item(
                "Rire", "/a/laughs-attr.html", extra='<enclosure url="&lol9;" type="audio/mpeg"/>'
            ),
            head=doctype(laughs),
        ),
        "billion laughs inside an attribute value",
    )
    big = "A" * 10_000
    yield Case(
        "entity-quadratic.xml",
        rss(
            item("&q;" * 200, "/a/quadratic.html", "&q;" * 5_000),
            head=doctype(f'<!ENTITY q "{big}">\n'),
        ),
        "quadratic blow-up: a 10,000-character entity used 5,200 times",
    )
    yield Case(
        "entity-recursive.xml",
        rss(
            item("&a;", "/a/recursive.html", "&b;"),
            head=doctype('<!ENTITY a "&b;">\n<!ENTITY b "&a;">\n'),
        ),
        "two entities that refer to each other",
    )
    yield Case(
        "entity-parameter-nested.xml",
        rss(
            item("&x;", "/a/param.html"),
            head=doctype("<!ENTITY % p \"<!ENTITY x 'XXXX'>\">\n%p;\n"),
        ),
        "a parameter entity declaring another entity",
    )
    yield Case(
        "entity-external-system.xml",
        rss(
            item("&xxe;", "/a/xxe.html", "&xxe;"),
            head=doctype(f'<!ENTITY xxe SYSTEM "{CANARY}/xxe-system">\n'),
        ),
        "an external entity (SYSTEM) pointing at the canary",
    )
    yield Case(
        "entity-external-file.xml",
        rss(
            item("&passwd;", "/a/xxe-file.html", "&passwd;"),
            head=doctype('<!ENTITY passwd SYSTEM "file:///etc/passwd">\n'),
        ),
        "an external entity reading /etc/passwd",
        marker="root:x:0:0",
    )
    yield Case(
        "entity-external-public.xml",
        rss(
            item("&pub;", "/a/xxe-public.html"),
            head=doctype(f'<!ENTITY pub PUBLIC "-//X//Y" "{CANARY}/xxe-public">\n'),
        ),
        "an external entity (PUBLIC) pointing at the canary",
    )
    yield Case(
        "entity-external-parameter.xml",
        rss(
            item("Paramètre", "/a/xxe-param.html"),
            head=doctype(f'<!ENTITY % remote SYSTEM "{CANARY}/xxe-parameter">\n%remote;\n'),
        ),
        "an external parameter entity pulled in by %remote;",
    )
    yield Case(
        "entity-external-dtd.xml",
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + f'<!DOCTYPE rss SYSTEM "{CANARY}/external.dtd">\n'
        + rss(GOOD, head=""),
        "an external DTD on the canary",
    )
    yield Case(
        "entity-external-dtd-public.xml",
        '<?xml version="1.0"?>\n'
        + f'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "{CANARY}/rss-0.91.dtd">\n'
        + rss(GOOD, head=""),
        "RSS 0.91's PUBLIC DTD, its address on the canary",
    )
    yield Case(
        "entity-xinclude.xml",
        rss(
            item(
                "XInclude",
                "/a/xinclude.html",
                extra=f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{CANARY}/xinclude"/>',
            )
        ),
        "an XInclude of the canary",
    )
    yield Case(
        "entity-stylesheet-pi.xml",
        rss(
            GOOD,
            head=f'<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/xsl" href="{CANARY}/style.xsl"?>\n',
        ),
        "an xml-stylesheet instruction on the canary",
    )
    yield Case(
        "entity-schema-location.xml",
        rss(GOOD).replace(
            '<rss version="2.0">',
            f'<rss version="2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x {CANARY}/schema.xsd">',
        ),
        "an xsi:schemaLocation on the canary",
    )
    yield Case(
        "entity-undefined.xml",
        rss(item("&undefined; &nbsp;&eacute;&hellip;", "/a/undef.html", "&notdeclared;")),
        "undefined entities and HTML entity names",
    )
    yield Case(
        "entity-doctype-unterminated.xml",
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "b">\n' + rss(GOOD, head=""),
        "a DOCTYPE whose internal subset never ends",
        expect_error=True,
    )
    yield Case(
        "entity-doctype-after-root.xml",
        rss(GOOD).replace("<channel>", '<channel><!DOCTYPE x [<!ENTITY y "zzzz">]>'),
        "a DOCTYPE inside the document",
    )
    many = "".join(f'<!ENTITY e{n} "{n}">\n' for n in range(1_000))
    yield Case(
        "entity-thousand-declarations.xml",
        rss(item("&e1;&e999;", "/a/many.html"), head=doctype(many)),
        "1,000 entity declarations",
    )


def entity_cases() -> Iterator[Case]:
    yield from _entities()
