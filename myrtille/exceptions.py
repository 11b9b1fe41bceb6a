"""The exceptions Myrtille raises, and what each one means for retrying.

Three families decide what happens next:

- ``ConfigError``: the operator must fix something; nothing is retried.
- ``TransientError``: the outside world hiccupped (timeout, 5xx, lock); retry later.
- ``ItemError``: one document, entry or delivery is bad; record it, skip it, go on.
"""

from __future__ import annotations

from dataclasses import dataclass


class MyrtilleError(Exception):
    """Base class of every error Myrtille raises on purpose."""


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong in a configuration: where, what, and how to fix it."""

    message: str
    path: str | None = None
    key: str | None = None
    line: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.path or "configuration"
        if self.line is not None:
            where += f", line {self.line}"
        if self.key:
            where += f", key '{self.key}'"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" -- {self.hint}"
        return text


class ConfigError(MyrtilleError):
    """The configuration is invalid; each problem names the file, the key and the fix."""

    def __init__(
        self,
        message: str | None = None,
        *,
        path: str | None = None,
        key: str | None = None,
        line: int | None = None,
        hint: str | None = None,
        problems: list[ConfigProblem] | None = None,
    ) -> None:
        self.problems = list(problems or [])
        if message is not None:
            self.problems.insert(0, ConfigProblem(message, path, key, line, hint))
        super().__init__("\n".join(str(p) for p in self.problems))


class NotConfigured(MyrtilleError):
    """A component was asked for but its settings switch it off."""


class TransientError(MyrtilleError):
    """A failure worth retrying later: timeouts, 5xx answers, busy databases."""


class ItemError(MyrtilleError):
    """One item (entry, page, record) is unusable; it is recorded and skipped."""


class ExtractionFailed(ItemError):
    """An article page's extraction did not end: its worker process ``timed_out`` (and was
    stopped) or ``crashed``. The page is noted on its source's health; the crawl goes on."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"article extraction {reason.replace('_', ' ')}")
        self.reason = reason


class SourceError(ItemError):
    """A whole source could not be read this time (bad feed, 404, robots.txt).

    ``text``, when given, is the message as a coded health text (store/health_texts.py),
    so the source's health shows it in the reader's language."""

    def __init__(self, message: str, *, text: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.text = text
