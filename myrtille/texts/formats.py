"""Dates and numbers as each language writes them (Babel, CLDR data).

English is written the British way (en_GB): "14 Mar 2025" is unambiguous where "3/14/25"
is not for the European readers of a French watch. French dates stay numeric
("14/03/2025"), as French business mail writes them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from myrtille.texts.catalogue import language

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
# Per language: the date style (CLDR width) and the month-and-day skeleton.
_DATE_STYLE = {"fr": "short", "en": "medium"}
_DAY_SKELETON = {"fr": "dM", "en": "dMMM"}
_MONTH_SKELETON = "yMMMM"  # "mars 2025" / "March 2025"


@cache
def locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[language(lang)])


def zone(name: str | tzinfo | None) -> tzinfo:
    """A time zone from its IANA name; UTC for none or an unknown name (a subscriber's
    stored zone may predate a tzdata update: showing UTC beats failing the delivery)."""
    if isinstance(name, tzinfo):
        return name
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _local(value: datetime, tz: str | tzinfo | None) -> datetime:
    if value.tzinfo is None:  # stored times are UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(zone(tz))


def format_date(
    value: date | datetime | None, lang: str, tz: str | tzinfo | None = None, style: str = ""
) -> str:
    """A date: "14/03/2025" / "14 Mar 2025"; ``style="day"`` leaves the year out
    ("14/03" / "14 Mar"), ``style="month"`` names the month ("mars 2025" / "March 2025");
    ``style`` may also be a CLDR width (short, medium, long, full).
    A datetime is first moved to the time zone ``tz``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value, tz).date()
    lang = language(lang)
    if style == "day":
        return babel_dates.format_skeleton(_DAY_SKELETON[lang], value, locale=locale(lang))
    if style == "month":
        return babel_dates.format_skeleton(_MONTH_SKELETON, value, locale=locale(lang))
    return babel_dates.format_date(value, style or _DATE_STYLE[lang], locale=locale(lang))


def format_datetime(value: datetime | None, lang: str, tz: str | tzinfo | None = None) -> str:
    """Date and time in the zone ``tz``: "14/03/2025 10:05" / "14 Mar 2025 10:05"."""
    if value is None:
        return ""
    local = _local(value, tz)
    time = babel_dates.format_time(local, "short", locale=locale(lang))
    return f"{format_date(local, lang, local.tzinfo)} {time}"


def format_number(value: int | float | None, lang: str) -> str:
    """A count with the language's grouping: "12 345" / "12,345"."""
    if value is None:
        return ""
    return babel_numbers.format_decimal(value, locale=locale(lang))


def format_decimal(value: float | None, lang: str, digits: int = 2) -> str:
    """A decimal with exactly ``digits`` fraction digits: "0,14" / "0.14"."""
    if value is None:
        return ""
    pattern = babel_numbers.parse_pattern(locale(lang).decimal_formats[None].pattern)
    pattern.frac_prec = (digits, digits)
    return pattern.apply(value, locale(lang))


def format_percent(value: float | None, lang: str, digits: int = 1) -> str:
    """A ratio as a percentage: 0.143 → "14,3 %" / "14.3%"."""
    if value is None:
        return ""
    pattern = babel_numbers.parse_pattern(locale(lang).percent_formats[None].pattern)
    pattern.frac_prec = (digits, digits)
    return pattern.apply(value, locale(lang))
