"""The layering contract of ``make lint`` (pyproject ``[tool.importlinter]``,
docs/architecture.md): it holds on the tree, and it fails when an import goes against
the flow or closes a cycle.

Each "against the flow" case runs the same ``lint-imports`` command as ``make lint`` on a
copy of the package's Python files with one import added, so the checker, the contracts
and the custom module-cycle contract are all exercised as CI runs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` as ``make lint`` runs it, with ``where`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(where), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(where / "pyproject.toml")],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _python_files_only(directory: str, names: list[str]) -> list[str]:
    return [
        name
        for name in names
        if name == "__pycache__"
        or (not name.endswith(".py") and not os.path.isdir(os.path.join(directory, name)))
    ]


@pytest.fixture
def tree_copy(tmp_path: Path) -> Path:
    """The package's modules, the custom contract and the contracts, nothing else."""
    for package in ("myrtille", "lint"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_python_files_only)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_line(module: Path, line: str) -> None:
    module.write_text(module.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_tree_keeps_the_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_copy_alone_keeps_the_contract(tree_copy: Path) -> None:
    """The cases below fail because of the line they add, not because of the copy."""
    result = lint_imports(tree_copy)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        # The bottom importing the top.
        ("myrtille/config/__init__.py", "import myrtille.web", "myrtille.config -> myrtille.web"),
        # A stage importing one downstream of it (enrichment runs before alerts).
        (
            "myrtille/enrichment/__init__.py",
            "import myrtille.alerts.matcher",
            "myrtille.enrichment -> myrtille.alerts.matcher",
        ),
        # pipeline driving an upper stage again (what processing did before it moved).
        (
            "myrtille/pipeline/intake.py",
            "from myrtille.index.base import IndexBackend",
            "myrtille.pipeline.intake -> myrtille.index.base",
        ),
        # The runtime reaching into the demo, even from inside a function.
        (
            "myrtille/service/jobs.py",
            "def _demo():\n    import myrtille.demo.corpus",
            "myrtille.service.jobs -> myrtille.demo.corpus",
        ),
        # ... or into the evaluation.
        (
            "myrtille/web/app.py",
            "import myrtille.evaluation.enrichment",
            "myrtille.web.app -> myrtille.evaluation.enrichment",
        ),
    ],
)
def test_an_import_against_the_flow_breaks_it(
    tree_copy: Path, module: str, line: str, expected: str
) -> None:
    add_line(tree_copy / module, line)
    result = lint_imports(tree_copy)
    assert result.returncode == 1, result.stdout
    assert "Packages import only the layers below them" in result.stdout
    assert expected in result.stdout


def test_a_cycle_between_modules_breaks_it_even_inside_a_function(tree_copy: Path) -> None:
    """Two modules of one package, one importing the other only inside a function: a
    cycle all the same, which the package-level checks alone do not see."""
    add_line(
        tree_copy / "myrtille/pipeline/normalise.py",
        "def _late():\n    from myrtille.pipeline import clustering",
    )
    result = lint_imports(tree_copy)
    assert result.returncode == 1, result.stdout
    assert "No import cycle between modules BROKEN" in result.stdout
    assert "myrtille.pipeline.clustering -> myrtille.pipeline.normalise" in result.stdout


def test_a_package_importing_its_own_command_modules_back_breaks_it(tree_copy: Path) -> None:
    """The cycle the CLI had: a command module importing the package that imports it."""
    add_line(tree_copy / "myrtille/cli/search.py", "from myrtille.cli import main as _main")
    result = lint_imports(tree_copy)
    assert result.returncode == 1, result.stdout
    assert "Import cycle: myrtille.cli -> myrtille.cli.search -> myrtille.cli" in result.stdout
