"""Company names reduced to a comparable key: accents, case, punctuation and legal forms
removed, so "Aérovolt SAS", "AEROVOLT" and "Aerovolt" meet."""

from __future__ import annotations

import re

from myrtille.enrichment.patterns import fold

# Legal forms and group words that say nothing about which company it is.
LEGAL_FORMS = frozenset(
    {
        "sa",
        "sas",
        "sasu",
        "sarl",
        "eurl",
        "sci",
        "snc",
        "sca",
        "scop",
        "scic",
        "selarl",
        "sel",
        "selas",
        "gie",
        "sem",
        "spl",
        "ste",
        "societe",
        "groupe",
        "group",
        "holding",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "spa",
        "srl",
        "bv",
        "nv",
        "co",
        "corp",
        "corporation",
        "company",
        "cie",
        "et",
        "and",
        "the",
        "s.a",
        "s.a.s",
        "s.a.r.l",
        "sa.",
        "ets",
        "etablissements",
    }
)
_NON_WORD = re.compile(r"[^\w&]+", re.UNICODE)
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}", re.UNICODE)


def name_tokens(name: str) -> list[str]:
    text = fold(name)
    # "S.A.S." -> "sas", "S.N.C.F." -> "sncf" before punctuation is dropped.
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    return [t for t in _NON_WORD.sub(" ", text).split() if t]


def company_key(name: str) -> str:
    """The comparable form of a company name; empty when only legal forms remain."""
    tokens = name_tokens(name)
    kept = [t for t in tokens if t not in LEGAL_FORMS]
    # "Groupe SA" is all legal form: keep it whole rather than nothing.
    return " ".join(kept if kept else tokens)


def is_acronym(name: str) -> bool:
    letters = re.sub(r"[\W_]", "", name)
    return 1 < len(letters) <= 6 and letters.isupper()
