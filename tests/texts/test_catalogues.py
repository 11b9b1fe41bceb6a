"""The catalogues themselves: French complete, placeholders kept, nothing fuzzy."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from myrtille.texts import gettext, ngettext
from myrtille.texts.extract import template

_PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}|%\((\w+)\)[sdif]")


def catalogue(lang: str) -> Catalog:
    path = resources.files("myrtille.texts").joinpath(f"locale/{lang}/LC_MESSAGES/messages.po")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def entries(lang: str) -> list[Message]:
    return [message for message in catalogue(lang) if message.id]


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in _PLACEHOLDER.findall(text)}


def ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_the_catalogues_hold_the_same_messages() -> None:
    assert entries("fr"), "the French catalogue is empty"
    assert {m.id for m in entries("fr")} == {m.id for m in entries("en")}


@pytest.mark.parametrize("message", entries("fr"), ids=lambda m: ids(m)[0][:60])
def test_every_french_entry_is_translated_with_the_same_placeholders(message: Message) -> None:
    assert all(strings(message)), f"untranslated: {ids(message)[0]!r}"
    assert not message.fuzzy, f"fuzzy (unchecked) translation: {ids(message)[0]!r}"
    expected = set().union(*(placeholders(i) for i in ids(message)))
    for form in strings(message):
        # A singular form may leave out the count ("un article"), never anything else.
        assert placeholders(form) - {"n", "num"} <= expected and expected - {
            "n",
            "num",
        } <= placeholders(form), f"{ids(message)[0]!r} -> {form!r}"


def test_plurals_follow_each_language() -> None:
    assert ngettext("en", "{n} digest sent", "{n} digests sent", 1) == "1 digest sent"
    assert ngettext("en", "{n} digest sent", "{n} digests sent", 2) == "2 digests sent"
    assert ngettext("fr", "{n} digest sent", "{n} digests sent", 0) == "0 résumé envoyé"
    assert ngettext("fr", "{n} digest sent", "{n} digests sent", 1) == "1 résumé envoyé"
    assert ngettext("fr", "{n} digest sent", "{n} digests sent", 2) == "2 résumés envoyés"
    assert gettext("fr", "Sectors:") == "Secteurs :"


def test_the_catalogues_hold_what_the_code_marks() -> None:
    """What ``make messages`` extracts is what both catalogues hold, plurals as plurals:
    a text marked in the code but missing from the catalogue would show in English on a
    French page, and a plural kept in a table as ``(N_(one), N_(many))`` that extraction
    read as two singulars would come back from ``make messages`` untranslated."""
    extracted = {message.id for message in template() if message.id}
    for lang in ("fr", "en"):
        held = {message.id for message in entries(lang)}
        assert not extracted - held, f"marked in the code, not in {lang}: {extracted - held}"
        assert not held - extracted, f"in {lang}, marked nowhere in the code: {held - extracted}"
