"""Dates, times and durations written the way the session's language writes them.

French: « 22 novembre 2026 », « 14 h 05 »; English: "22 November 2026", "14:05".
No locale module (its tables depend on the machine): the month names live here.
"""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def _lang(lang: str | None) -> str:
    if lang is None:
        from sessions.i18n.catalog import get_language

        lang = get_language()
    return lang if lang in MONTHS else "fr"


def format_date(d: dt.date, lang: str | None = None, weekday: bool = False) -> str:
    """``22 novembre 2026`` / ``22 November 2026`` (``1er`` for the first, in French)."""
    lang = _lang(lang)
    day = "1er" if lang == "fr" and d.day == 1 else str(d.day)
    text = f"{day} {MONTHS[lang][d.month - 1]} {d.year}"
    if weekday:
        text = f"{WEEKDAYS[lang][d.weekday()]} {text}"
        if lang == "en":
            text = text.replace(" ", ", ", 1)
    return text


def format_time(t: dt.time | dt.datetime, lang: str | None = None, seconds: bool = False) -> str:
    """``14 h 05`` in French, ``14:05`` in English (24-hour clock in both)."""
    lang = _lang(lang)
    if lang == "fr":
        text = f"{t.hour} h {t.minute:02d}"
        return f"{text} {t.second:02d} s" if seconds else text
    text = f"{t.hour:02d}:{t.minute:02d}"
    return f"{text}:{t.second:02d}" if seconds else text


def format_datetime(moment: dt.datetime, lang: str | None = None) -> str:
    """Date and time in local time: ``22 novembre 2026 à 14 h 05`` / ``22 November 2026, 14:05``."""
    lang = _lang(lang)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    joiner = " à " if lang == "fr" else ", "
    return f"{format_date(moment.date(), lang)}{joiner}{format_time(moment, lang)}"


def format_duration(seconds: float, lang: str | None = None) -> str:
    """``1 h 05 min`` / ``1 h 05 min`` in both languages; ``45 min``; ``30 s`` under a minute."""
    _lang(lang)
    total = round(abs(seconds))
    sign = "-" if seconds < 0 and total else ""
    if total < 60:
        return f"{sign}{total} s"
    hours, rest = divmod(total // 60, 60)
    if hours:
        return f"{sign}{hours} h {rest:02d} min"
    return f"{sign}{rest} min"


def format_number(value: float, lang: str | None = None, digits: int | None = None) -> str:
    """``0,2`` in French, ``0.2`` in English (``digits`` decimals, else the shortest)."""
    lang = _lang(lang)
    text = f"{value:g}" if digits is None else f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "fr" else text
