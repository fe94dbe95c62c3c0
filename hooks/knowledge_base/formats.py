"""Dates and numbers as readers of each language write them, from Babel (a dependency of Material, pinned
in requirements.txt) rather than hand-written month names: 'listopad 2026', 'november 2026',
'29 listopada 2026', '29. november 2026', '29 November 2026' (British English, as the site writes);
'20 488' (pl), '20 488' (nb), '20,488' (en).

The header keeps ISO dates ('2026-11-29', law_as_of '2026-11'); machine-read outputs (the feed, the
exports, the sitemap) keep them too. Only what a person reads is formatted here.
"""
from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALES = {"en": "en_GB"}   # the site writes British English


def _locale(lang: str) -> str:
    return LOCALES.get(lang, lang)


def parse(value) -> tuple[dt.date, bool] | None:
    """(date, whether it names a whole month) for '2026-11-29' or '2026-11'; None for anything else."""
    text = str(value or "").strip()
    try:
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 1), True
        return dt.date.fromisoformat(text[:10]), False
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def readable(value, lang: str) -> str:
    """'2026-11' -> 'listopad 2026'; '2026-11-29' -> '29 listopada 2026' (pl); what is not a date as it is."""
    parsed = parse(value)
    if parsed is None:
        return str(value or "")
    day, month_only = parsed
    try:
        return format_date(day, "LLLL y" if month_only else "long", locale=_locale(lang))
    except (ValueError, LookupError):   # a language Babel does not know: the ISO date
        return str(value)


def month(value, lang: str) -> str:
    """The month of a date, as a heading (capitalised): '2026-11-29' -> 'Listopad 2026'."""
    parsed = parse(value)
    text = readable(str(value)[:7], lang) if parsed else str(value or "")
    return text[:1].upper() + text[1:]


def number(value, lang: str) -> str:
    """A whole number with the language's grouping: 20488 -> '20 488' (pl, nb: a no-break space), '20,488' (en)."""
    if not isinstance(value, int) or isinstance(value, bool):
        return str(value if value is not None else "")
    try:
        return format_decimal(value, locale=_locale(lang))
    except (ValueError, LookupError):
        return str(value)
