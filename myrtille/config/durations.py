"""Human durations in the config file: ``90s``, ``15m``, ``2h``, ``1d`` or a number of seconds."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from pydantic import BeforeValidator, TypeAdapter

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")


def parse_duration(value: object) -> timedelta:
    """Read ``value`` as a duration; plain numbers are seconds."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool):
        raise ValueError("a duration such as 30m, 2h or 1d is expected")
    if isinstance(value, int | float):
        seconds = float(value)
    elif str(value).strip().upper().startswith("P"):
        # ISO 8601, as pydantic writes timedeltas when settings are passed to a child process.
        seconds = TypeAdapter(timedelta).validate_python(str(value).strip()).total_seconds()
    else:
        match = _PATTERN.match(str(value).lower())
        if not match:
            raise ValueError(
                f"'{value}' is not a duration; write a number followed by s, m, h, d or w, e.g. 30m"
            )
        seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    if seconds <= 0:
        raise ValueError("a duration must be positive")
    return timedelta(seconds=seconds)


# A settings field holding a duration, written 90s, 15m, 2h, 1d (or in seconds).
Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


def format_duration(delta: timedelta) -> str:
    """The shortest exact spelling of ``delta`` in the config's units."""
    seconds = int(delta.total_seconds())
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


_SIZE_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1024,
    "k": 1024,
    "mb": 1024**2,
    "m": 1024**2,
    "gb": 1024**3,
    "g": 1024**3,
}
_SIZE_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$")


def parse_size(value: object) -> int:
    """Read ``value`` as a byte count: ``10MB``, ``512kb`` or a plain number of bytes."""
    if isinstance(value, bool):
        raise ValueError("a size such as 10MB is expected")
    if isinstance(value, int):
        size = value
    else:
        match = _SIZE_PATTERN.match(str(value).lower())
        if not match:
            raise ValueError(f"'{value}' is not a size; write e.g. 10MB, 512KB or a byte count")
        size = int(float(match.group(1)) * _SIZE_UNITS[match.group(2)])
    if size <= 0:
        raise ValueError("a size must be positive")
    return size
