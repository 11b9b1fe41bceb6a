"""`myrtille eval enrichment` on a small held-out set written in a temporary evaluation
directory: the freeze (refusal, --refreeze, changed files), per-set JSON scores with and
without the registry's places, and the error when there is no evaluation directory."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from myrtille.cli import main
from myrtille.evaluation.freeze import refreeze
from myrtille.evaluation.sets import find_data_dir

REPOSITORY_EVALUATION = Path(__file__).resolve().parents[2] / "evaluation"

# Aérovolt (demo registry: Toulouse, 31, region 76) named with no place at all; an English
# text declared French by its page.
TINY_HELDOUT = """\
cases:
  - id: prudhommes
    language: fr
    kind: article
    title: "Aérovolt condamnée aux prud'hommes"
    text: "Le conseil de prud'hommes a condamné Aérovolt à verser 40 000 euros à un ancien
      salarié licencié l'an dernier. La société a fait savoir qu'elle ferait appel."
    gold: {companies: ["919985002"], sectors: [], events: [], regions: [], departments: []}
    note: the registry's town is not the article's place
  - id: declared-wrong
    language: en
    declared_language: fr
    kind: article
    title: "Foundry Marchal wins a supply deal with a German carmaker"
    text: "Fonderie Marchal has signed a five-year agreement to supply cast aluminium parts
      to a German carmaker, the company said on Tuesday. The deal covers engine housings
      and suspension parts for electric cars built in Germany from next year."
    gold: {companies: ["985869601"], sectors: [automotive], events: [], regions: [],
      departments: []}
    note: the page says French, the text is English
"""


@pytest.fixture
def evaluation_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "evaluation"
    (directory / "tuning").mkdir(parents=True)
    shutil.copy(REPOSITORY_EVALUATION / "tuning" / "hard_cases.yaml", directory / "tuning")
    (directory / "heldout").mkdir()
    (directory / "heldout" / "tiny.yaml").write_text(TINY_HELDOUT, encoding="utf-8")
    return directory


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["eval", "enrichment", *args])
    return result.exit_code, result.output


def test_without_an_evaluation_directory_the_command_says_where_to_point_it(
    tmp_path: Path,
) -> None:
    code, output = run("--data", str(tmp_path / "nowhere"))
    assert code == 2
    assert f"{tmp_path / 'nowhere'}: not an evaluation directory" in output
    assert "--data" in output


def test_the_repository_evaluation_directory_is_found_from_below_it() -> None:
    start = REPOSITORY_EVALUATION.parent / "tests" / "evaluation"
    assert find_data_dir(start=start) == REPOSITORY_EVALUATION


def test_an_unfrozen_heldout_set_is_not_scored(evaluation_dir: Path) -> None:
    code, output = run("--data", str(evaluation_dir), "--set", "heldout")
    assert code == 2
    assert "does not match its frozen hashes" in output
    assert "never frozen" in output and "--refreeze" in output
    assert not (evaluation_dir / "heldout" / "SHA256SUMS").exists()


def test_a_changed_or_added_heldout_file_is_refused(evaluation_dir: Path) -> None:
    refreeze(evaluation_dir)
    tiny = evaluation_dir / "heldout" / "tiny.yaml"
    tiny.write_text(tiny.read_text(encoding="utf-8").replace("40 000", "50 000"), "utf-8")
    (evaluation_dir / "heldout" / "more.yaml").write_text("cases: []\n", encoding="utf-8")
    code, output = run("--data", str(evaluation_dir), "--set", "heldout")
    assert code == 2
    assert "tiny.yaml: changed since it was frozen" in output
    assert "more.yaml: not recorded in SHA256SUMS" in output


def test_refreeze_records_the_hashes_and_scores_each_way(evaluation_dir: Path) -> None:
    code, output = run("--data", str(evaluation_dir), "--set", "heldout", "--refreeze", "--json")
    assert code == 0, output
    tiny = (evaluation_dir / "heldout" / "tiny.yaml").read_bytes()
    sums = (evaluation_dir / "heldout" / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == f"{hashlib.sha256(tiny).hexdigest()}  tiny.yaml\n"

    reports = json.loads(output)["sets"]
    assert [(r["set"], r["registry"], r["documents"]) for r in reports] == [
        ("heldout", True, 2),
        ("heldout", False, 2),
    ]
    with_registry, text_only = reports
    assert sorted(with_registry["languages"]) == ["en", "fr"]
    # The registry's town of Aérovolt is a false place; without the registry it is gone.
    assert with_registry["languages"]["fr"]["regions"]["fp"] == 1
    assert with_registry["languages"]["fr"]["departments"]["fp"] == 1
    assert text_only["languages"]["fr"]["regions"]["fp"] == 0
    assert text_only["languages"]["fr"]["departments"]["fp"] == 0
    # Company linking is the same either way; the language is scored on both documents.
    assert with_registry["fields"]["companies"] == text_only["fields"]["companies"]
    language = with_registry["fields"]["language"]
    assert language["tp"] + language["fn"] == 2
    # Frozen now: a second run scores without --refreeze.
    code, output = run("--data", str(evaluation_dir), "--set", "heldout", "--with-registry-only")
    assert code == 0, output
    assert "heldout: 2 documents, with the registry" in output
    assert "without the registry" not in output


def test_the_validation_set_is_scored_on_demand_and_its_errors_are_never_printed(
    evaluation_dir: Path,
) -> None:
    (evaluation_dir / "validation").mkdir()
    (evaluation_dir / "validation" / "tiny.yaml").write_text(TINY_HELDOUT, encoding="utf-8")
    # The same documents as tuning cases too, in the same run (one loading of the models):
    # the tuning set prints their errors, so the set, not the data, hides them.
    shutil.copy(evaluation_dir / "validation" / "tiny.yaml", evaluation_dir / "tuning")
    code, output = run(
        "--data",
        str(evaluation_dir),
        "--set",
        "validation",
        "--set",
        "tuning",
        "--errors",
        "50",
        "--with-registry-only",
    )
    assert code == 0, output
    validation, tuning = output.split("\ntuning: ", 1)
    assert "validation: 2 documents, with the registry" in validation
    assert "its errors are never shown" in validation
    assert "spurious" not in validation and "missed" not in validation
    assert "validation:tiny" not in output and "[validation " not in output
    assert "tuning:tiny:" in tuning


def test_an_empty_validation_directory_is_a_clear_error(evaluation_dir: Path) -> None:
    code, output = run("--data", str(evaluation_dir), "--set", "validation")
    assert code == 2
    assert "no validation files" in output
