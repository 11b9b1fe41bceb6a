"""An export of 100,000 documents streams in bounded memory (docs/api.md, "Exports").

The documents are written straight into a SQLite index in a temporary directory; a
child process (the real ``myrtille search --format csv|jsonl``) streams them to a pipe
that this test reads row by row, and the child reports its peak resident memory (VmHWM)
as it exits.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from myrtille.index.base import IndexedDocument
from myrtille.index.sqlite import SQLiteIndex

COUNT = 100_000
# The bound docs/api.md states for an export of any size.
PEAK_RSS_BOUND_MB = 300


@pytest.fixture(scope="module")
def big_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("export-memory")
    index = SQLiteIndex(data_dir / "index.db")
    index.create()
    start = datetime(2025, 1, 1, tzinfo=UTC)
    batch: list[IndexedDocument] = []
    for n in range(COUNT):
        batch.append(
            IndexedDocument(
                id=f"d{n:06d}",
                url=f"https://bench.example/{n}",
                title=f"Usine numéro {n} : la production reprend",
                text=f"L'atelier {n} relance sa production. " * 5,
                source=f"source-{n % 7}",
                language="fr",
                published_at=start + timedelta(minutes=7 * n),
                companies=[{"siren": f"{100_000_000 + n % 1000}", "name": f"Firme {n % 1000}"}],
                sectors=["industry"],
                events=[{"type": "investment"}],
                regions=["76"],
                departments=["31"],
            )
        )
        if len(batch) == 5_000:
            index.index(batch)
            batch = []
    index.close()
    config = data_dir / "myrtille.yaml"
    config.write_text(f"data_dir: {data_dir}\n", encoding="utf-8")
    return config


# The child reports its own peak (VmHWM of the image it runs): the kernel's ru_maxrss of a
# child also counts the parent's memory copied at fork, which is large in a full test run.
PROBE = """\
import sys
from myrtille.cli import main
try:
    main(sys.argv[2:], prog_name="myrtille")
finally:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(sys.argv[1], "w", encoding="ascii") as out:
        out.write(peak)
"""


def export(config: Path, query: str, format: str) -> tuple[int, float]:
    """Rows read from the child's stdout as they come, and the child's peak RSS in MB."""
    report = config.parent / "peak-kb.txt"
    command = [sys.executable, "-c", PROBE, str(report), "--config", str(config), "search"]
    child = subprocess.Popen(
        [*command, query, "--format", format],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    rows = 0
    reader = io.TextIOWrapper(child.stdout, encoding="utf-8", newline="")
    if format == "csv":
        for number, row in enumerate(csv.reader(reader)):
            if number:
                assert len(row) == 11
                rows += 1
    else:
        for line in reader:
            json.loads(line)
            rows += 1
    assert child.wait() == 0, child.stderr.read().decode()
    child.stderr.close()
    return rows, int(report.read_text(encoding="ascii")) / 1024  # VmHWM is in kB


# Writing the index takes most of the time (over a minute on two shared cores).
@pytest.mark.slow
@pytest.mark.parametrize("format", ["csv", "jsonl"])
def test_an_export_of_100000_documents_streams_in_bounded_memory(
    big_index: Path, format: str
) -> None:
    _, idle_mb = export(big_index, "zzzrien", format)
    rows, peak_mb = export(big_index, "", format)
    print(f"{format}: {COUNT} rows, peak RSS {peak_mb:.0f} MB (no rows: {idle_mb:.0f} MB)")
    assert rows == COUNT
    assert peak_mb < PEAK_RSS_BOUND_MB
    # What the rows add stays small: batches, not the whole result, are in memory.
    assert peak_mb - idle_mb < 100
