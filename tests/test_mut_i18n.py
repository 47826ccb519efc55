"""Rules of the language layer, found by mutation testing (issue 18).

Dates, times, durations and numbers are written as each language writes them;
an operating-system error is named in words of the interface's language; the
language comes from ``--lang``, then the session, then the locale.
"""

from __future__ import annotations

import datetime as dt
import errno
import os

import pytest

import sessions.i18n as i18n
from sessions.i18n import catalog, formats, get_language, keys, set_language, t, tn
from sessions.i18n.oserror import KNOWN, os_message, os_reason

FIRSTS = [dt.date(2026, month, 1) for month in range(1, 13)]


def test_every_name_the_i18n_package_exports_is_importable():
    names: dict[str, object] = {}
    exec("from sessions.i18n import *", names)  # the star import is the point
    assert set(i18n.__all__) <= set(names)
    assert {"t", "tn", "set_language"} <= set(i18n.__all__)


# -- dates and times ---------------------------------------------------------------


@pytest.mark.parametrize("day", [*FIRSTS, dt.date(2026, 11, 22)])
def test_an_english_date_is_the_c_library_s_english(day):
    assert formats.format_date(day, "en") == f"{day.day} {day.strftime('%B %Y')}"
    assert formats.format_date(day, "en", weekday=True) == (
        f"{day.strftime('%A')}, {day.day} {day.strftime('%B %Y')}"
    )


def test_french_months_and_weekdays_are_written_in_lowercase_each_its_own():
    for table in (formats.MONTHS["fr"], formats.WEEKDAYS["fr"]):
        assert all(name == name.lower() and name.isalpha() for name in table)
        assert len(set(table)) == len(table)
    assert len(formats.MONTHS["fr"]) == 12 and len(formats.WEEKDAYS["fr"]) == 7
    for day in FIRSTS:
        month = formats.MONTHS["fr"][day.month - 1]
        assert formats.format_date(day, "fr") == f"1er {month} {day.year}"
    sunday = dt.date(2026, 11, 22)
    assert formats.format_date(sunday, "fr") == f"22 {formats.MONTHS['fr'][10]} 2026"
    weekday = formats.WEEKDAYS["fr"][sunday.weekday()]
    assert formats.format_date(sunday, "fr", weekday=True) == (
        f"{weekday} {formats.format_date(sunday, 'fr')}"
    )


def test_an_unknown_language_writes_french_and_none_the_language_shown():
    day = dt.date(2026, 3, 2)
    assert formats.format_date(day, "de") == formats.format_date(day, "fr")
    set_language("en")
    assert formats.format_date(day) == formats.format_date(day, "en")
    assert formats.format_number(0.5) == "0.5"


def test_times_are_24_hour_in_both_languages():
    moment = dt.time(9, 5, 7)
    assert formats.format_time(moment, "fr") == "9 h 05"
    assert formats.format_time(moment, "fr", seconds=True) == "9 h 05 07 s"
    assert formats.format_time(moment, "en") == moment.strftime("%H:%M")
    assert formats.format_time(moment, "en", seconds=True) == moment.strftime("%H:%M:%S")
    assert formats.format_time(dt.time(21, 40), "en") == "21:40"


def test_a_moment_joins_its_date_and_time_as_each_language_does():
    naive = dt.datetime(2026, 11, 22, 14, 5)
    day_fr, day_en = (
        formats.format_date(naive.date(), "fr"),
        formats.format_date(naive.date(), "en"),
    )
    assert formats.format_datetime(naive, "fr") == f"{day_fr} à 14 h 05"
    assert formats.format_datetime(naive, "en") == f"{day_en}, 14:05"
    aware = dt.datetime(2026, 11, 22, 23, 30, tzinfo=dt.UTC)
    local = aware.astimezone()
    assert formats.format_datetime(aware, "en") == (
        f"{formats.format_date(local.date(), 'en')}, {local.strftime('%H:%M')}"
    )


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "0 s"),
        (-0.2, "0 s"),
        (59.4, "59 s"),
        (-30, "-30 s"),
        (60, "1 min"),
        (59 * 60 + 59, "59 min"),
        (3600, "1 h 00 min"),
        (3900, "1 h 05 min"),
        (-3900, "-1 h 05 min"),
    ],
)
def test_a_duration_says_seconds_under_a_minute_then_minutes_then_hours(seconds, shown):
    assert formats.format_duration(seconds, "fr") == shown
    assert formats.format_duration(seconds, "en") == shown


def test_numbers_take_a_decimal_comma_in_french_only():
    assert formats.format_number(0.25, "fr") == "0,25"
    assert formats.format_number(0.25, "en") == "0.25"
    assert formats.format_number(16.777, "fr", digits=1) == "16,8"
    assert formats.format_number(3.0, "en", digits=0) == "3"


# -- the catalog -----------------------------------------------------------------------


def test_french_punctuation_gets_a_narrow_no_break_space():
    nn = catalog.NNBSP
    assert catalog.french_spacing("Fichier : ok ; oui ! non ?") == (
        f"Fichier{nn}: ok{nn}; oui{nn}! non{nn}?"
    )
    assert catalog.french_spacing("« mot »") == f"«{nn}mot{nn}»"
    assert catalog.french_spacing("«mot»") == f"«{nn}mot{nn}»"
    assert catalog.french_spacing("10:30") == "10:30"
    french = [text for key in keys("fr") if " :" in (text := t(key, "fr"))]
    assert french == []  # the catalog's French is spaced at load time


def test_plurals_french_counts_zero_and_one_as_singular_english_only_one():
    assert [catalog.plural_form(n, "fr") for n in (-2, -1, 0, 1, 2)] == [
        "other",
        "one",
        "one",
        "one",
        "other",
    ]
    assert [catalog.plural_form(n, "en") for n in (-2, -1, 0, 1, 2)] == [
        "other",
        "one",
        "other",
        "one",
        "other",
    ]
    set_language("en")
    assert catalog.plural_form(0) == "other"
    key = next(k[: -len(".one")] for k in sorted(keys("en")) if k.endswith(".one"))
    assert tn(key, 1) == t(f"{key}.one")
    assert tn(key, 0) == t(f"{key}.other")


def test_a_message_missing_in_a_language_falls_back_to_french_then_to_its_key(monkeypatch):
    tables = catalog._load()
    monkeypatch.setitem(tables["fr"], "test.only_fr", "Bonjour {name}")
    assert t("test.only_fr", "en", name="Ana") == "Bonjour Ana"
    assert t("test.nowhere", "en") == "test.nowhere"
    assert t("test.only_fr", "fr") == "Bonjour {name}"  # no values: left as written


def test_an_unknown_language_is_refused_naming_the_choices():
    with pytest.raises(ValueError, match="fr, en"):
        set_language("de")
    assert get_language() == "fr"


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "fr"),
        ({"LANG": "C"}, "fr"),
        ({"LANG": "C.UTF-8"}, "fr"),
        ({"LANG": "POSIX"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "fr_BE.UTF-8"}, "fr"),
        ({"LANG": "FR_fr"}, "fr"),
        ({"LC_MESSAGES": "de_DE", "LANG": "fr_FR"}, "en"),
        ({"LC_ALL": "fr_FR", "LC_MESSAGES": "en_US"}, "fr"),
        ({"LC_ALL": "", "LANG": "en_US"}, "en"),
    ],
)
def test_the_locale_chooses_french_or_english(env, lang):
    assert catalog.language_from_env(env) == lang


def test_the_language_is_lang_then_the_session_s_then_the_locale(monkeypatch):
    english = {"LANG": "en_US.UTF-8"}
    assert catalog.resolve_language("fr", "en", english) == "fr"
    assert catalog.resolve_language(None, "fr", english) == "fr"
    assert catalog.resolve_language("de", None, english) == "en"
    assert catalog.resolve_language(None, "xx", {"LANG": "fr_FR"}) == "fr"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert catalog.resolve_language() == "en"


# -- operating-system errors ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_known_system_error_is_named_from_the_catalog(lang):
    named = sorted(key.split(".", 1)[1] for key in keys(lang) if key.startswith("oserror."))
    assert set(named) == set(KNOWN)  # every error the catalog words is known, and only those
    for name in named:
        code = getattr(errno, name, None)
        if code is None:  # not an error of this system
            continue
        reason = os_reason(OSError(code, os.strerror(code)), lang)
        assert reason == t(f"oserror.{name}", lang)
    missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "/a/b.json")
    assert os_message(missing, lang) == f"/a/b.json: {t('oserror.ENOENT', lang)}"
    assert os_message(OSError(errno.ENOENT, "x"), lang) == t("oserror.ENOENT", lang)


def test_the_french_names_differ_from_the_c_library_s_english():
    assert os_reason(OSError(errno.ENOSPC, "No space"), "fr") != "No space"
    set_language("en")
    assert os_reason(OSError(errno.ENOSPC, "No space")) == t("oserror.ENOSPC", "en")


def test_a_rare_system_error_says_the_system_s_words_never_an_errno():
    rare = OSError(errno.ECHILD, os.strerror(errno.ECHILD))
    assert os_reason(rare, "fr") == os.strerror(errno.ECHILD)
    assert "Errno" not in os_message(rare, "fr")
    assert os_reason(OSError(12345, "odd"), "fr") == "odd"
    assert os_reason(OSError("plain"), "fr") == "plain"
    assert os_reason(ValueError("not an os error"), "fr") == "not an os error"
    assert os_message(ValueError("v"), "fr") == "v"
    no_words = OSError()
    no_words.errno = errno.ECHILD
    assert os_reason(no_words, "fr") == str(no_words)
