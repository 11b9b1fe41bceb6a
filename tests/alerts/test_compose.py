"""alerts/compose.py writes the same bytes as building the EmailMessage (mail.py) and
writing it on the wire (wire.py): held to it over crawled-looking text of every kind."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from myrtille.alerts.compose import compose
from myrtille.alerts.mail import _message
from myrtille.alerts.wire import wire_bytes
from myrtille.config.delivery import EmailSettings

# Up to 100 characters: short ones are written as they are, long ones folded by the library.
ADDRESS = st.from_regex(
    r"[a-z0-9+_-]{1,64}(\.[a-z0-9]{1,10})?@[a-z0-9-]{1,20}\.(fr|com)", fullmatch=True
)
# Crawled text: accents, long words, control characters, every kind of line end.
TEXT = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
    | st.sampled_from(["\n", "\r\n", "\r", " ", "\t", "=", "é", "x" * 90, "\x85", "\u2028"]),
    max_size=30,
).map("".join)


def library_and_composed(
    email: EmailSettings, to: str, subject: str, text: str, html: str, unsubscribe: str | None
) -> tuple[bytes, bytes | None]:
    old = wire_bytes(_message(email, to, subject, text, html, unsubscribe, "fr"), email)
    # What the library drew at random, given to the composer.
    date = re.search(rb"^Date: (.*)\r$", old, re.M)
    message_id = re.search(rb"^Message-ID: (.*)\r$", old, re.M)
    boundary = re.search(rb'boundary="([^"]+)"', old)
    assert date and message_id and boundary
    new = compose(
        email,
        to,
        subject,
        text,
        html,
        unsubscribe,
        "fr",
        date=date.group(1).decode(),
        message_id=message_id.group(1).decode(),
        separator=boundary.group(1).decode(),
    )
    return old, new


@settings(max_examples=60, deadline=None)
@given(
    from_name=TEXT,
    to=ADDRESS,
    subject=TEXT,
    text=TEXT,
    html=TEXT,
    token=st.none() | st.from_regex(r"[A-Za-z0-9_.=?-]{0,300}", fullmatch=True),
)
def test_composed_bytes_are_the_library_bytes(
    from_name: str, to: str, subject: str, text: str, html: str, token: str | None
) -> None:
    email = EmailSettings(from_name=from_name[:80] or "Veille", from_address="veille@exemple.fr")
    unsubscribe = None if token is None else f"https://veille.example/unsubscribe?token={token}"
    old, new = library_and_composed(email, to, subject, text, html, unsubscribe)
    assert new == old


def test_a_non_ascii_address_is_left_to_the_library() -> None:
    assert compose(EmailSettings(), "pme@exémple.fr", "s", "t", "h") is None
