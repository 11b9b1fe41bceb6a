"""The service's own health: storage problems its jobs met, and their back-off.

A locked database, a full disk or an I/O error is not a bug of one run: retrying every
few seconds only fills the log. A job that meets one records it here, where ``/healthz``
(status ``degraded``), ``/metrics`` and ``myrtille status`` show it, and waits longer
before each new try (30 s, 1 min, 2 min … at most 30 min). Its next success clears it.

The problems live in memory (the truth for this process, even when nothing can be
written) and in ``<data_dir>/service-health.json``, for ``myrtille status`` and for a
web process that does not run the jobs itself. It lives with the store, below the service
that records the problems and the web app that shows them (docs/architecture.md).
"""

from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from myrtille.store.schema import utcnow

log = logging.getLogger("myrtille.service")

HEALTH_FILE = "service-health.json"
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=30)

# SQLite's messages for its result codes BUSY/LOCKED, FULL, IOERR, CANTOPEN, CORRUPT.
SQLITE_PROBLEMS = {
    "database is locked": "locked",
    "database table is locked": "locked",
    "database or disk is full": "disk full",
    "disk i/o error": "I/O error",
    "unable to open database file": "cannot open",
    "database disk image is malformed": "corrupt",
}
# PostgreSQL SQLSTATE classes and codes: 53 insufficient resources (53100 disk full),
# 08 connection exception, 57P0x server shutting down, 58 system error, 55P03 lock
# not available, 40P01 deadlock.
POSTGRES_PROBLEMS = {
    "53100": "disk full",
    "53": "out of resources",
    "08": "unreachable",
    "57P01": "unreachable",
    "57P02": "unreachable",
    "57P03": "unreachable",
    "58": "I/O error",
    "55P03": "locked",
    "40P01": "locked",
}
OS_PROBLEMS = {
    errno.ENOSPC: "disk full",
    errno.EDQUOT: "disk full",
    errno.EFBIG: "file too large",
    errno.EIO: "I/O error",
    errno.EROFS: "read-only",
}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo += [item.__cause__, item.__context__, getattr(item, "orig", None)]


def storage_problem(exc: BaseException) -> str | None:
    """What kind of storage problem ``exc`` is (``None``: not one)."""
    for item in _chain(exc):
        if isinstance(item, sqlite3.OperationalError | sqlite3.DatabaseError):
            text = str(item).lower()
            for message, kind in SQLITE_PROBLEMS.items():
                if message in text:
                    return kind
        sqlstate = getattr(item, "sqlstate", None)
        if isinstance(sqlstate, str) and sqlstate:
            for prefix in (sqlstate, sqlstate[:2]):
                if prefix in POSTGRES_PROBLEMS:
                    return POSTGRES_PROBLEMS[prefix]
        if isinstance(item, OSError) and item.errno in OS_PROBLEMS:
            return OS_PROBLEMS[item.errno]
    return None


def wait_after(failures: int) -> timedelta:
    """30 s after the first failure, doubling, at most 30 min."""
    return min(FIRST_WAIT * (2 ** max(failures - 1, 0)), LONGEST_WAIT)


@dataclass
class Problem:
    job: str
    kind: str
    message: str
    failures: int
    since: datetime
    last_at: datetime
    retry_at: datetime

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("since", "last_at", "retry_at"):
            data[key] = data[key].isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Problem:
        values = dict(data)
        for key in ("since", "last_at", "retry_at"):
            values[key] = datetime.fromisoformat(str(values[key]))
        return cls(**values)  # type: ignore[arg-type]


class ServiceHealth:
    """The storage problems of one installation's jobs, in this process."""

    def __init__(self, data_dir: Path, clock: Callable[[], datetime] = utcnow) -> None:
        self.path = data_dir / HEALTH_FILE
        self.clock = clock
        self._problems: dict[str, Problem] = {}
        self._lock = threading.Lock()

    def problems(self) -> list[Problem]:
        with self._lock:
            return sorted(self._problems.values(), key=lambda p: p.job)

    def waiting(self, job: str) -> Problem | None:
        """The problem that keeps ``job`` waiting now, if any."""
        with self._lock:
            problem = self._problems.get(job)
        return problem if problem is not None and self.clock() < problem.retry_at else None

    def failed(self, job: str, exc: BaseException) -> Problem | None:
        """Record ``exc`` if it is a storage problem (and return it), else ``None``."""
        kind = storage_problem(exc)
        if kind is None:
            return None
        now = self.clock()
        with self._lock:
            previous = self._problems.get(job)
            failures = (previous.failures if previous else 0) + 1
            problem = Problem(
                job=job,
                kind=kind,
                message=f"{type(exc).__name__}: {exc}".splitlines()[0][:300],
                failures=failures,
                since=previous.since if previous else now,
                last_at=now,
                retry_at=now + wait_after(failures),
            )
            self._problems[job] = problem
        self.save()
        return problem

    def succeeded(self, job: str) -> bool:
        """Clear ``job``'s problem; returns whether there was one."""
        with self._lock:
            cleared = self._problems.pop(job, None) is not None
        if cleared:
            self.save()
        return cleared

    def reset(self) -> None:
        with self._lock:
            self._problems.clear()
        self.save()

    def save(self) -> None:
        """Write the file for other processes; when the disk is the problem this may
        fail, and the memory of this process stays the truth."""
        body = {
            "pid": os.getpid(),
            "updated_at": self.clock().isoformat(),
            "problems": [p.as_json() for p in self.problems()],
        }
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(body, indent=1), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as exc:
            log.warning("could not write %s: %s", self.path, exc)
            temporary.unlink(missing_ok=True)


_registries: dict[Path, ServiceHealth] = {}
_registries_lock = threading.Lock()


def health_of(data_dir: Path) -> ServiceHealth:
    """This process's record for ``data_dir`` (made on first use)."""
    with _registries_lock:
        found = _registries.get(data_dir)
        if found is None:
            found = _registries[data_dir] = ServiceHealth(data_dir)
        return found


def current_problems(data_dir: Path) -> list[Problem]:
    """The problems as this process knows them when it runs the jobs, else as the
    service that does wrote them."""
    with _registries_lock:
        own = _registries.get(data_dir)
    if own is not None:
        return own.problems()
    return read_problems(data_dir)


def read_problems(data_dir: Path) -> list[Problem]:
    """The problems the service wrote, while the process that wrote them still runs (a
    service killed mid-problem leaves a file that no longer says anything)."""
    try:
        body = json.loads((data_dir / HEALTH_FILE).read_text(encoding="utf-8"))
        if not _running(int(body["pid"])):
            return []
        return [Problem.from_json(item) for item in body.get("problems", [])]
    except (OSError, ValueError, TypeError, KeyError):
        return []


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True
