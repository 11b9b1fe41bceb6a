"""The held-out set is frozen: ``evaluation/heldout/SHA256SUMS`` records each file's hash
(``sha256sum`` format), and the set is scored only while every file matches.

Refreezing (``myrtille eval enrichment --refreeze``) rewrites the record; it is an act
reviewed in a pull request, never a way to make a tuned set pass.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from myrtille.evaluation.sets import HELDOUT, EvaluationDataError, heldout_files

SUMS_FILE = "SHA256SUMS"


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recorded_hashes(data_dir: Path) -> dict[str, str]:
    path = data_dir / HELDOUT / SUMS_FILE
    if not path.is_file():
        return {}
    hashes = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            raise EvaluationDataError(
                f"{path}, line {number}: expected '<sha256>  <file name>' -- rewrite it "
                "with `myrtille eval enrichment --refreeze`"
            )
        hashes[name.strip()] = digest
    return hashes


def freeze_problems(data_dir: Path) -> list[str]:
    """What differs between the held-out files and their recorded hashes (empty: frozen)."""
    sums = data_dir / HELDOUT / SUMS_FILE
    recorded = recorded_hashes(data_dir)
    if not recorded:
        return [f"{sums}: no recorded hashes (the held-out set was never frozen)"]
    actual = {p.name: file_hash(p) for p in heldout_files(data_dir)}
    problems = []
    for name in sorted(set(recorded) | set(actual)):
        if name not in actual:
            problems.append(f"{name}: recorded in {SUMS_FILE} but missing")
        elif name not in recorded:
            problems.append(f"{name}: not recorded in {SUMS_FILE}")
        elif recorded[name] != actual[name]:
            problems.append(f"{name}: changed since it was frozen")
    return problems


def check_frozen(data_dir: Path) -> None:
    problems = freeze_problems(data_dir)
    if problems:
        raise EvaluationDataError(
            "the held-out set does not match its frozen hashes:\n  "
            + "\n  ".join(problems)
            + "\n-- restore the held-out files, or, if the change is meant (a reviewed fix "
            "of the gold, never a tuning step), rerun with --refreeze and commit SHA256SUMS"
        )


def refreeze(data_dir: Path) -> Path:
    """Record the current hashes of every held-out file; returns the SHA256SUMS path."""
    files = heldout_files(data_dir)
    if not files:
        raise EvaluationDataError(f"{data_dir / HELDOUT}: no held-out files to freeze")
    path = data_dir / HELDOUT / SUMS_FILE
    path.write_text("".join(f"{file_hash(p)}  {p.name}\n" for p in files), encoding="utf-8")
    return path
