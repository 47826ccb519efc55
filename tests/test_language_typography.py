"""French typography: a narrow no-break space before : ; ! ? and inside « », a decimal
comma, clock times as "18 h 28", one date formatter ("1er décembre") for the app and the minutes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from grid_examples import full_session

from sessions.documents.minutes import minutes_markdown
from sessions.i18n import t
from sessions.i18n.catalog import NNBSP, _load, french_spacing
from tests.waits import until
from tui.app import make_app

SIZE = (120, 40)


def test_french_spacing() -> None:
    assert (
        french_spacing("Date : x ; oui ! non ?")
        == f"Date{NNBSP}: x{NNBSP}; oui{NNBSP}! non{NNBSP}?"
    )
    assert french_spacing("« Guide »") == f"«{NNBSP}Guide{NNBSP}»"
    assert french_spacing("{rank:>3} 18:28 http://x") == "{rank:>3} 18:28 http://x"


def test_every_french_message_has_narrow_spaces() -> None:
    plain = {
        key: text
        for key, text in _load()["fr"].items()
        if re.search(r"[ \u00a0][:;!?]|«[ \u00a0]|[ \u00a0]»", text)
    }
    assert plain == {}
    assert t("cli.new.unknown_template", "fr", name="x", known="y") == (
        f"modèle inconnu{NNBSP}: «{NNBSP}x{NNBSP}»{NNBSP}; modèles connus{NNBSP}: y"
    )
    assert NNBSP not in "".join(_load()["en"].values())


def _minutes(lang: str, on: dt.date, actual_seconds: float) -> str:
    session = full_session()
    session.language = lang
    session.date = on
    session.agenda[0].actual_seconds = actual_seconds
    return minutes_markdown(session)


def test_french_minutes_write_dates_decimals_and_colons_the_french_way() -> None:
    text = _minutes("fr", dt.date(2026, 12, 1), 12)
    assert f"- **Date{NNBSP}:** 1er décembre 2026" in text
    row = next(line for line in text.splitlines() if "Étape 1 Poser la question" in line)
    assert "| 0,2 |" in row and "0.2" not in row and "0\\.2" not in row
    assert f"Enveloppe{NNBSP}:" in text


def test_english_minutes_keep_the_english_way() -> None:
    text = _minutes("en", dt.date(2026, 12, 1), 12)
    assert "- **Date:** 1 December 2026" in text
    row = next(line for line in text.splitlines() if "Étape 1 Poser la question" in line)
    assert "| 0.2 |" in row and NNBSP not in text  # a decimal point, not escaped: no list marker


@pytest.mark.parametrize(("lang", "expected"), [("fr", " h "), ("en", ":")])
async def test_f3_writes_clock_times_as_the_app_does(store, clock, session, lang, expected) -> None:
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        shown = lambda: str(app.screen.query_one("#drift").render())  # noqa: E731
        await until(pilot, lambda: re.search(r"\d\d", shown()))
        drift = shown().replace("\u00a0", " ")  # a time is never split across lines
    times = re.findall(r"\d{1,2}(?: h |:)\d\d", drift)
    assert times and all(expected in moment for moment in times)


async def test_f2_says_date_with_a_narrow_space(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
    assert f"Date{NNBSP}: 22 novembre 2026" in shown and f"Lieu{NNBSP}: Tulle" in shown
