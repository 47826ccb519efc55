"""A date typed by a person, read the same way in the new-session form, F2's details form
and ``atelier new --date``: AAAA-MM-JJ only, and a refusal that says what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input, Static

from sessions.core.dates import DateError, parse_date
from sessions.i18n import set_language
from tests.waits import until
from tui.app import make_app
from tui.cli.main import main

EXAMPLE = dt.date(2026, 11, 26)


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_day_written_aaaa_mm_jj_reads_back(day: dt.date) -> None:
    assert parse_date(f" {day.isoformat()} ", EXAMPLE) == day


@pytest.mark.parametrize(
    ("typed", "fr", "en"),
    [
        ("", "La date est obligatoire", "The date is required"),
        ("2026W481", "« 2026W481 »", "“2026W481”"),  # an ISO week: Python takes it for a Monday
        ("20261122", "« 20261122 »", "“20261122”"),
        ("2026-11-２２", "« 2026-11-２２ »", "“2026-11-２２”"),  # digits of another script
        ("2026-02-31", "le 2026-02-31 n'existe pas", "2026-02-31 is not a day"),
    ],
)
def test_other_dates_are_refused_with_the_reason(typed: str, fr: str, en: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_date(typed, EXAMPLE)
    french = refused.value.message("fr").replace("\u202f", " ")  # French spacing read as spaces
    assert fr in french and en in refused.value.message("en")
    if typed != "2026-02-31":
        assert "2026-11-26" in refused.value.message("fr")  # an example of the form expected


@pytest.mark.parametrize("typed", ["2026W481", "2026-02-31"])
def test_atelier_new_refuses_them_as_a_usage_error(
    store, typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    set_language("fr")
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", str(store.root), "new", "--title", "T", "--date", typed])
    assert done.value.code == 2
    assert typed in capsys.readouterr().err
    assert store.entries() == []  # nothing created


async def test_f2_details_form_refuses_an_iso_week_and_keeps_the_date(
    store, clock, session
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await until(pilot, lambda: app.current_mode == "overview")
        await pilot.press("e")
        field = await until(pilot, lambda: app.screen.query_one("#date", Input))
        field.value = ""
        field.focus()
        await pilot.press(*"2026W481", "ctrl+s")
        error = app.screen.query_one("#error", Static)
        assert await until(pilot, lambda: "2026W481" in str(error.render()))
        assert "AAAA-MM-JJ" in str(error.render())
        assert app.focused is field  # the fix typed at once goes there
        assert store.load(session.id).date == session.date  # nothing saved
        field.value = ""
        await pilot.press(*"2026-12-03", "ctrl+s")
        assert await until(pilot, lambda: store.load(session.id).date == dt.date(2026, 12, 3))
