"""Amounts of money and job counts as the French and English press write them:
"12 millions d'euros", "1,2 M€", "€4.5m", "$3bn", "120 emplois", "40 job cuts"."""

from __future__ import annotations

import re

_NUMBER = r"(?P<number>\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
_SCALE = (
    r"(?P<scale>milliards?|mds?|md|bn|billions?|millions?|mio|mln|mn|m|k|mille|"
    r"thousand)"
)
_EURO_AFTER = r"(?P<currency>€|eur(?:os?)?\b|d'euros|d’euros|de dollars|dollars|\$|usd)"
_MONEY = re.compile(
    rf"(?:(?P<pre>€|\$|eur|usd)\s?{_NUMBER}\s?{_SCALE}?\b)"
    rf"|(?:{_NUMBER.replace('number', 'number2')}\s?"
    rf"{_SCALE.replace('scale', 'scale2')}?\s?(?:d['’]\s?)?"
    rf"{_EURO_AFTER})",
    re.IGNORECASE,
)
_SCALES = {
    "milliard": 1e9,
    "milliards": 1e9,
    "md": 1e9,
    "mds": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "million": 1e6,
    "millions": 1e6,
    "mio": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
    "mille": 1e3,
    "thousand": 1e3,
}
_JOB_WORDS = (
    r"emplois?|postes?|salariés?|collaborateurs?|personnes|embauches?|recrutements?|"
    r"cdi|ingénieurs?|techniciens?|ouvriers?|opérateurs?|jobs?|positions?|staff|"
    r"workers?|employees?|engineers?|people|roles?|redundancies|job cuts"
)
_JOBS = re.compile(
    rf"\b(?P<number>\d{{1,3}}(?:[ \u00a0\u202f.,]\d{{3}})+|\d+)\s?"
    rf"(?:(?:nouveaux|nouvelles|new|more|additional|de plus|supplémentaires)\s)?"
    rf"(?P<word>{_JOB_WORDS})\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = re.compile(r"[ \u00a0\u202f]")


def _to_float(text: str) -> float | None:
    text = _NUMBER_WORDS.sub("", text)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        text = re.sub(r"[.,]", "", text)  # 1.200.000 or 1,200,000: thousands separators
    text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def parse_amount(sentence: str) -> tuple[float, str] | None:
    """The first amount of money in a sentence, in units, with its currency (EUR/USD)."""
    for match in _MONEY.finditer(sentence):
        number = match.group("number") or match.group("number2")
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        value = _to_float(number or "")
        if value is None:
            continue
        if scale in ("m", "k") and not (match.group("pre") or match.group("currency")):
            continue
        currency_text = (match.group("pre") or match.group("currency") or "").lower()
        currency = (
            "USD"
            if "$" in currency_text or "dollar" in currency_text or currency_text == "usd"
            else "EUR"
        )
        total = value * _SCALES.get(scale, 1.0)
        if total >= 1000 or scale:
            return round(total, 2), currency
    return None


def parse_jobs(sentence: str) -> int | None:
    """The first number of jobs stated in a sentence ("120 emplois", "40 job cuts")."""
    for match in _JOBS.finditer(sentence):
        value = _to_float(match.group("number"))
        if value is not None and 0 < value < 1_000_000 and not 1900 <= value <= 2100:
            return int(value)
    return None
