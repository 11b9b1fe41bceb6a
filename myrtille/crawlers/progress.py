"""Progress events a crawl child process sends its parent, one JSON object per line."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any, ClassVar, TextIO


class ProgressEvents:
    """Where the child writes its events; silent when no stream is attached."""

    _current: ClassVar[ProgressEvents | None] = None

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    @classmethod
    def current(cls) -> ProgressEvents:
        return cls._current or cls(None)

    @classmethod
    def attach_stdout(cls) -> ProgressEvents:
        """Keep the real stdout for events and send everything else printed to stderr."""
        events_fd = os.dup(1)
        os.dup2(2, 1)
        cls._current = cls(os.fdopen(events_fd, "w", buffering=1, encoding="utf-8"))
        return cls._current

    def emit(self, event: str, **fields: Any) -> None:
        self.emit_many(event, [fields])

    def emit_many(self, event: str, each: Iterable[dict[str, Any]]) -> None:
        """One ``event`` per item of ``each``, in one write (a thousand sources' outcomes
        are one write to the pipe, not a thousand)."""
        if self.stream is None:
            return
        lines = [json.dumps({"event": event, **fields}, default=str) + "\n" for fields in each]
        self.stream.write("".join(lines))
        self.stream.flush()
