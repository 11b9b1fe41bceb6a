"""What one corpus file is: its name, bytes, purpose, how it is served and what the
test expects of it. ``CANARY`` in a file stands for the canary server's origin."""

from __future__ import annotations

from dataclasses import dataclass

CANARY = "http://canary.corpus.invalid"
# The same placeholder as UTF-16 and UTF-32 bytes, so that re-encoded files point at the
# canary too.
CANARY_FORMS = tuple(
    CANARY.encode(encoding)
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "cp500")
)


@dataclass(frozen=True)
class Case:
    name: str
    content: str | bytes
    purpose: str
    content_type: str | None = None
    # True: the source must fail with a named error; False: it must not; None: either.
    expect_error: bool | None = None
    # A string that must be stored nowhere (e.g. what a local file would hold).
    marker: str | None = None

    @property
    def body(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else self.content.encode("utf-8")


def with_canary(body: bytes, origin: str) -> bytes:
    """``body`` with every spelling of the placeholder replaced by ``origin``."""
    for encoding, form in zip(
        ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "cp500"), CANARY_FORMS, strict=True
    ):
        body = body.replace(form, origin.encode(encoding))
    return body
