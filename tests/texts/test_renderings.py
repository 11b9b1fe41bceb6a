"""Every registered rendering (tests/texts/renderings.py), in both languages: no
vocabulary code, no English in French, no French in English (checked against the
catalogues)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import pytest

from myrtille.texts import labels
from tests.texts.rendered import Rendering
from tests.texts.renderings import RENDERINGS
from tests.texts.test_catalogues import entries, ids, strings
from tests.vocabulary import EVENT_TYPES, SECTORS

_PLACEHOLDER = re.compile(r"\{\w*[^{}]*\}|%\(\w+\)[sdif]|%%")
_WORD = re.compile(r"\w+")


def _space(text: str) -> str:
    return " ".join(text.split())


def fragments(text: str) -> list[str]:
    """The literal runs of a catalogue text (placeholders cut out) of two words or more:
    a single word ("Sources", "Confirmation") may be the same in both languages."""
    runs = (_space(run).strip(" :;,.()…—-") for run in _PLACEHOLDER.split(text))
    return [run for run in runs if len(_WORD.findall(run)) >= 2]


def codes() -> set[str]:
    """Every sector and event code, from the lexicons and from the tests' own list."""
    vocabulary = labels("en")
    return set(vocabulary["sector"]) | set(vocabulary["event"]) | SECTORS | EVENT_TYPES


def english_only() -> set[str]:
    """English msgid fragments whose French translation is different."""
    found = set()
    for message in entries("fr"):
        french = " ".join(strings(message))
        for msgid in ids(message):
            found |= {f for f in fragments(msgid) if f not in french}
    return found


def french_only() -> set[str]:
    found = set()
    for message in entries("fr"):
        english = " ".join(ids(message))
        for msgstr in strings(message):
            found |= {f for f in fragments(msgstr) if f not in english}
    return found


def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[Rendering]:
    out = []
    for make in RENDERINGS:
        out += make(tmp_path_factory.mktemp(make.__name__))
    return out


# Every template a rendering loaded (pages, emails, the blocks they include), recorded by
# wrapping Jinja's own loading: a template no rendering reaches is one nobody checked.
LOADED: set[str] = set()


@pytest.fixture(scope="module")
def renderings(tmp_path_factory: pytest.TempPathFactory) -> list[Rendering]:
    loading = jinja2.Environment.get_template

    def get_template(self: jinja2.Environment, name: Any, *args: Any, **kwargs: Any) -> Any:
        LOADED.add(str(name))
        return loading(self, name, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2.Environment, "get_template", get_template)
        return rendered(tmp_path_factory)


def test_every_template_is_rendered(renderings: list[Rendering]) -> None:
    package = Path(__file__).resolve().parents[2] / "myrtille"
    # The demo's news site is not Myrtille's to translate.
    templates = {
        path.name
        for path in package.glob("**/templates/*")
        if path.is_file() and "demo" not in path.relative_to(package).parts
    }
    assert len(templates) >= 30
    assert not templates - LOADED, f"templates no rendering shows: {sorted(templates - LOADED)}"


def seen(rendering: Rendering) -> str:
    """The rendering's text without the data it was given (crawled titles, queries)."""
    text = _space(rendering.text)
    for value in sorted(rendering.data, key=len, reverse=True):
        text = text.replace(_space(value), " ")
    return text


def test_both_languages_are_rendered(renderings: list[Rendering]) -> None:
    names = {(r.name, r.lang) for r in renderings}
    assert names, "nothing rendered"
    for name, _ in names:
        assert {(name, "fr"), (name, "en")} <= names, f"{name} is not rendered in both languages"


def test_no_vocabulary_code_is_shown(renderings: list[Rendering]) -> None:
    pattern = re.compile(r"(?<![\w:])(" + "|".join(sorted(codes())) + r")(?![\w])")
    shown = {(r.name, r.lang, m.group(1)) for r in renderings for m in pattern.finditer(seen(r))}
    assert not shown, f"vocabulary codes shown instead of names: {sorted(shown)}"


def test_french_renderings_hold_no_english_text(renderings: list[Rendering]) -> None:
    english = english_only()
    leaks = {
        (r.name, fragment)
        for r in renderings
        if r.lang == "fr"
        for fragment in english
        if fragment in seen(r)
    }
    assert not leaks, f"English text in French renderings: {sorted(leaks)}"


def test_english_renderings_hold_no_french_text(renderings: list[Rendering]) -> None:
    french = french_only()
    leaks = {
        (r.name, fragment)
        for r in renderings
        if r.lang == "en"
        for fragment in french
        if fragment in seen(r)
    }
    assert not leaks, f"French text in English renderings: {sorted(leaks)}"


# Common English words that are no French words: outside the data it was given, a French
# rendering that holds one shows a text that never went through the catalogue, which the
# catalogue-based check above cannot see.
_ENGLISH_WORDS = re.compile(
    r"(?<![\w'’-])(the|is|are|was|were|and|with|to|of|not|this|that|your|you|for|from|has|"
    r"have|will|been|which|there|their|when|than|into|only|any|could|would|should|yes|"
    r"new|see|run|waits|written|sent|shown|given)(?![\w'’-])",
    re.IGNORECASE,
)


def crawled_english() -> list[str]:
    """The sentences of the English documents the pages show (data, not our texts)."""
    from tests.web.conftest import documents

    found = []
    for document in documents():
        if document.language == "en":
            found += [document.title, *re.split(r"(?<=[.!?])\s+", document.text)]
    return found


def test_french_renderings_hold_no_uncatalogued_english(renderings: list[Rendering]) -> None:
    crawled = crawled_english()
    leaks = set()
    for rendering in renderings:
        if rendering.lang != "fr":
            continue
        text = seen(rendering)
        for sentence in sorted(crawled, key=len, reverse=True):
            text = text.replace(_space(sentence), " ")
        for found in _ENGLISH_WORDS.finditer(text):
            leaks.add((rendering.name, text[max(0, found.start() - 40) : found.end() + 40]))
    assert not leaks, "English text in French renderings:\n" + "\n".join(
        f"{name}: …{context}…" for name, context in sorted(leaks)
    )


# What firms read: emails and digests, the pages of their links, the public form.
FIRMS_READ = ("alert", "daily digest", "weekly digest", "confirmation", "urgent alert")
FIRMS_OPEN = ("email link ", "subscribe ")
_QUERY_SYNTAX = re.compile(
    r"(?<![\w-])(sector|event|region|dept|company|portfolio|source|lang|title|after|before|"
    r"org|person|place):\S"
)


def test_firms_never_see_query_syntax(renderings: list[Rendering]) -> None:
    """A firm reads its watch described in words, never its query, even where the query
    was given to the rendering (the raw text is checked, data included)."""
    firms = [
        r
        for r in renderings
        if r.name.rsplit(" ", 1)[0] in FIRMS_READ or r.name.startswith(FIRMS_OPEN)
    ]
    assert len({r.name for r in firms}) >= 30
    shown = {(r.name, r.lang, m.group()) for r in firms for m in _QUERY_SYNTAX.finditer(r.text)}
    assert not shown, f"query syntax shown to firms: {sorted(shown)}"


# "0.143" in a French page: a number written by str(), not by the language's rules.
_POINT_DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")
_HAND_PLURAL = re.compile(r"\w\((?:s|es|x)\)")


def test_numbers_and_plurals_follow_the_language(renderings: list[Rendering]) -> None:
    """Plurals come from ngettext (never "mention(s)"), French decimals have a comma."""
    hand = {(r.name, r.lang, m.group()) for r in renderings for m in _HAND_PLURAL.finditer(seen(r))}
    assert not hand, f"hand-written plurals: {sorted(hand)}"
    points = {
        (r.name, m.group())
        for r in renderings
        if r.lang == "fr"
        for m in _POINT_DECIMAL.finditer(seen(r))
    }
    assert not points, f"decimals with a point in French renderings: {sorted(points)}"


def test_names_and_local_dates_are_shown(renderings: list[Rendering]) -> None:
    """The other side of the code check: the names are there, dates in the reader's zone
    (23:30 UTC on 14 March is 00:30 on the 15th in Paris)."""
    by_key = {(r.name, r.lang): seen(r) for r in renderings}
    french, english = by_key[("alert text", "fr")], by_key[("alert text", "en")]
    assert "Aéronautique et spatial" in french and "Aeronautics and space" in english
    assert "15/03/2025 00:30" in french and "15 Mar 2025 00:30" in english
    assert "… et 1 autre" in by_key[("daily digest text", "fr")]
    assert "… et 3 autres" in by_key[("weekly digest text", "fr")]
    assert "0 document indexé" in by_key[("cli index rebuild", "fr")]
    assert "0 documents indexed" in by_key[("cli index rebuild", "en")]
    assert "Secteurs : Aéronautique et spatial (1)" in by_key[("cli search facets", "fr")]
    assert "Sectors: Aeronautics and space (1)" in by_key[("cli search facets", "en")]


# What the command line says of a count of one and of several (tests/texts/renderings_cli.py
# CLI_FILES): French takes the singular for 0 and 1, English for 1 only.
CLI_COUNTS = {
    ("cli companies import one", "fr"): [
        "1 entreprise importée (1 cessée, conservée et signalée)",
        "1 entrepreneur individuel ignoré",
        "1 ligne invalide.",
    ],
    ("cli companies import many", "fr"): [
        "6 entreprises importées (2 cessées, conservées et signalées)",
        "dont 2 entrepreneurs individuels",
        "2 lignes invalides.",
    ],
    ("cli companies import one", "en"): [
        "1 company imported (1 ceased, kept and flagged)",
        "1 sole trader skipped",
        "1 bad row.",
    ],
    ("cli companies import many", "en"): [
        "6 companies imported (2 ceased, kept and flagged)",
        "2 of them sole traders",
        "2 bad rows.",
    ],
    ("cli portfolio import one", "fr"): [
        "1 entreprise importée à partir de 3 lignes",
        "1 ligne invalide ignorée",
        "1 doublon compté une fois",
        "1 SIREN absent du répertoire (conservé)",
    ],
    ("cli portfolio import many", "fr"): [
        "5 entreprises importées à partir de 9 lignes",
        "2 lignes invalides ignorées",
        "2 doublons comptés une fois",
        "2 SIREN absents du répertoire (conservés)",
    ],
    ("cli portfolio import one", "en"): [
        "1 company imported from 3 rows",
        "1 bad line skipped",
        "1 duplicate counted once",
        "1 SIREN not in the registry (kept)",
    ],
    ("cli portfolio import many", "en"): [
        "5 companies imported from 9 rows",
        "2 bad lines skipped",
        "2 duplicates counted once",
        "2 SIRENs not in the registry (kept)",
    ],
    ("cli sources export one", "fr"): ["1 source qui n'est pas un flux"],
    ("cli sources export many", "fr"): ["2 sources qui ne sont pas des flux"],
    ("cli sources export one", "en"): ["1 source that is no feed"],
    ("cli sources export many", "en"): ["2 sources that are no feeds"],
    ("cli status", "fr"): ["File d'entrée : 0 document —"],
    ("cli status", "en"): ["Intake: 0 documents —"],
    ("cli status degraded", "fr"): ["disque plein (1 échec d'affilée", "(2 échecs d'affilée"],
    ("cli status degraded", "en"): ["disk full (1 failure in a row", "(2 failures in a row"],
}


def test_cli_counts_take_the_plural_of_their_language(renderings: list[Rendering]) -> None:
    by_key = {(r.name, r.lang): _space(r.text) for r in renderings}
    missing = [
        (key, words)
        for key, expected in CLI_COUNTS.items()
        for words in expected
        if words not in by_key[key]
    ]
    assert not missing, f"counts not said as expected: {missing}"


def test_the_checks_catch_what_they_are_for(tmp_path: Path) -> None:
    """The checks themselves, on texts with the faults the issue saw."""
    english, french = english_only(), french_only()
    assert "Also reported by" in english and "Également relayé par" in french
    pattern = re.compile(r"(?<![\w:])(" + "|".join(sorted(codes())) + r")(?![\w])")
    assert pattern.search("Secteurs : aeronautics") and pattern.search("insolvency")
    assert not pattern.search("sector:aeronautics")
