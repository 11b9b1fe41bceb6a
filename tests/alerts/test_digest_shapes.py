"""A digest run renders its templates once per shape of digest and puts each subscriber's
names and links in afterwards (``DigestMail._rendered``): every digest of the run must
still be, byte for byte, what the library writes for it alone (``render_digest`` +
``wire_bytes``), once the Date, Message-ID and MIME boundary drawn at random are set
aside — whatever the names hold (markup, quotes, ampersands, percent signs, accents)."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from myrtille.alerts.delivery import Digest, DigestItem, DigestSection
from myrtille.alerts.digest_mail import DigestMail
from myrtille.alerts.mail import render_digest
from myrtille.alerts.wire import wire_bytes
from myrtille.config.delivery import EmailSettings
from tests.alerts.test_email import make_alert

DRAWN = re.compile(rb"^(Date|Message-ID): [^\r]*\r$|=+\d{19}==", re.M)
EMAIL = EmailSettings()
DOCUMENTS = [
    replace(make_alert(title).document, id=f"d{n}", url=f"https://news.example/{n}")
    for n, title in enumerate(["Premier", "Second <b>gras</b>", "Troisième & dernier"])
]
NAME = st.lists(
    st.sampled_from([*"aé <>&\"'%()=\\x", "%(url)s", "{{ x }}", "\x00v0\x00"]), max_size=12
).map("".join)
LINK = st.none() | st.sampled_from(
    ["https://veille.example/u?t=a&b=<c>", 'https://veille.example/p?t="q"', "javascript:x"]
)
SECTION = st.builds(
    lambda name, description, count, more, more_url, n: DigestSection(
        subscription_id=n,
        subscription_name=name,
        query="aérovolt",
        items=[DigestItem(DOCUMENTS[k % len(DOCUMENTS)]) for k in range(count)],
        more=more,
        more_url=more_url,
        description=description,
    ),
    NAME,
    NAME,
    st.integers(1, 3),
    st.sampled_from([0, 0, 1, 12]),
    LINK,
    st.integers(1, 99),
)
DIGEST = st.builds(
    lambda n, language, frequency, sections, unsubscribe, preferences: Digest(
        subscriber_id=n,
        subscriber_email=f"pme{n}@exemple.fr",
        language=language,
        frequency=frequency,
        sections=sections,
        unsubscribe_url=unsubscribe,
        preferences_url=preferences,
    ),
    st.integers(1, 999),
    st.sampled_from(["fr", "en"]),
    st.sampled_from(["daily", "weekly"]),
    st.lists(SECTION, min_size=1, max_size=3),
    LINK,
    LINK,
)


@settings(max_examples=40, deadline=None)
@given(digests=st.lists(DIGEST, min_size=1, max_size=6))
def test_each_digest_of_a_run_is_the_library_digest(digests: list[Digest]) -> None:
    run = DigestMail(EMAIL)
    for digest in digests:
        # The same shape again: other names and links, then the other language.
        renamed = replace(
            digest,
            sections=[
                replace(s, subscription_name=s.description, description=s.subscription_name)
                for s in digest.sections
            ],
            unsubscribe_url=digest.preferences_url,
            preferences_url=digest.unsubscribe_url,
        )
        other = replace(digest, language="en" if digest.language == "fr" else "fr")
        for variant in (digest, renamed, other, digest):
            rendered = run.render(variant)
            assert isinstance(rendered, bytes)
            alone = wire_bytes(render_digest(variant, EMAIL), EMAIL)
            assert DRAWN.sub(b"", rendered) == DRAWN.sub(b"", alone)
