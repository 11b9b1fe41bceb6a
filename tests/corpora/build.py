"""Writes the hostile-input corpus (issue 15): run ``python -m tests.corpora.build`` from
the repository root after changing a builder. Files up to ``MAX_COMMITTED`` bytes are
written under tests/corpora/<kind>/ and committed; bigger ones are listed in the manifest
as generated and made at test time (``case_bytes``), so the repository holds no megabytes.
The manifest (manifest.json) and the README's table say what each file is for."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from tests.corpora.build_feeds import feed_cases
from tests.corpora.build_pages import page_cases
from tests.corpora.build_records import opendata_cases
from tests.corpora.build_tables import portfolio_cases, sirene_cases
from tests.corpora.spec import Case

HERE = Path(__file__).parent
MAX_COMMITTED = 64 * 1024
BUILDERS: dict[str, Callable[[], Iterator[Case]]] = {
    "feeds": feed_cases,
    "html": page_cases,
    "opendata": opendata_cases,
    "sirene": sirene_cases,
    "portfolio": portfolio_cases,
}
DEFAULT_TYPES = {
    "feeds": "application/rss+xml; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "opendata": "application/json; charset=utf-8",
    "sirene": "text/csv",
    "portfolio": "text/csv",
}
INTRO = """# Hostile inputs corpus

Files written on purpose to break the readers (issue 15): every one is driven through the
real reader by `tests/security/test_corpus_*.py`, which hold each to the bounds stated in
[docs/security.md](../../docs/security.md#hostile-inputs-corpus). `http://canary.corpus.invalid`
inside a file (in any of its encodings) stands for a local canary server's origin: the
corpus server writes the real one in when it serves the file, and the canary must see no
request.

Files are made by `python -m tests.corpora.build` (the builders are `build_*.py`) and
committed; the few over 64 KB are marked *generated* and made at test time instead.
`manifest.json` lists every file with its content type and what the test expects
(`expect_error`: the source must fail with a named error, or must not; absent: either).
"""


@cache
def cases(kind: str) -> dict[str, Case]:
    return {case.name: case for case in BUILDERS[kind]()}


def case_bytes(kind: str, name: str) -> bytes:
    """The bytes of a corpus file: from disk when committed, else built."""
    path = HERE / kind / name
    return path.read_bytes() if path.exists() else cases(kind)[name].body


def manifest_entry(kind: str, case: Case) -> dict[str, object]:
    entry: dict[str, object] = {
        "file": f"{kind}/{case.name}",
        "purpose": case.purpose,
        "content_type": case.content_type or DEFAULT_TYPES[kind],
        "bytes": len(case.body),
    }
    if len(case.body) > MAX_COMMITTED:
        entry["generated"] = True
    if case.expect_error is not None:
        entry["expect_error"] = case.expect_error
    if case.marker:
        entry["marker"] = case.marker
    return entry


def main() -> None:
    manifest: dict[str, list[dict[str, object]]] = {}
    lines = [INTRO]
    for kind in BUILDERS:
        folder = HERE / kind
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        entries = [manifest_entry(kind, case) for case in cases(kind).values()]
        manifest[kind] = entries
        lines += [f"\n## {kind}/ ({len(entries)} files)\n", "| file | purpose |", "|---|---|"]
        for case, entry in zip(cases(kind).values(), entries, strict=True):
            if not entry.get("generated"):
                (folder / case.name).write_bytes(case.body)
            shown = case.name + (" *(generated)*" if entry.get("generated") else "")
            lines.append(f"| `{shown}` | {case.purpose.replace('|', '/')} |")
    total = sum(len(v) for v in manifest.values())
    lines.insert(1, f"\n{total} files in all.\n")
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    (HERE / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def manifest(kind: str) -> list[dict[str, object]]:
    return json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))[kind]


if __name__ == "__main__":
    main()
