"""Every refusal of the new-session form says why, in the interface's language.

Typed through the keys (n, Tab, the text, ctrl+s) on a laptop's 80x24; asserted on
the reason under the form, on the toast, on the field focused to correct, and on the
data folder (nothing created). Before, a date in the right form but not in the
calendar (2026-02-31) read "expected: YYYY-MM-DD" as if its form were wrong, an ISO
week ("2026W481") was taken for a Monday in November, and an unreadable participant
line was named by its number only (the box scrolled out of sight at 80x24).
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static, TextArea

from sessions.i18n import get_language, t
from tests.waits import until
from tui.app import make_app
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.new_session import NewSessionScreen

TODAY = "2026-11-22"  # FakeClock's day


async def _refused(store, clock, date: str, people: str = "", lang: str = "fr"):  # type: ignore[no-untyped-def]
    """Type a title, ``date`` and ``people`` then ctrl+s: (reason shown, toasts, focused id)."""
    app = make_app(store, clock, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("n", "tab", *"Titre", "tab", "ctrl+u", *date, "tab", "tab")
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        assert await until(pilot, lambda: isinstance(form.focused, TextArea))
        for line in people.splitlines():
            await pilot.press(*line, "enter")
        await pilot.press("ctrl+s")
        error = form.query_one("#error", Static)
        assert await until(pilot, lambda: str(error.render()))
        assert app.screen is form and store.entries() == [] and store.files() == []
        toasts = [_plain(n.message) for n in app._notifications]
        return _plain(str(error.render())), toasts, form.focused


def _plain(text: str) -> str:
    """French typography's narrow no-break spaces (before ':', inside « ») as spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("2026-02-31", "Date invalide : le 2026-02-31 n'existe pas dans le calendrier."),
        (
            "26/11/2026",
            f"Date invalide : « 26/11/2026 » (attendu : AAAA-MM-JJ, par exemple {TODAY}).",
        ),
        ("2026W481", f"Date invalide : « 2026W481 » (attendu : AAAA-MM-JJ, par exemple {TODAY})."),
        ("", f"La date est obligatoire (AAAA-MM-JJ, par exemple {TODAY})."),
    ],
)
async def test_a_bad_date_is_refused_with_what_is_wrong(store, clock, date, reason) -> None:
    shown, toasts, focused = await _refused(store, clock, date)
    assert shown == reason
    assert reason in toasts
    assert isinstance(focused, Input) and focused.id == "date"  # the next keys correct it


async def test_a_bad_date_in_english(store, clock) -> None:
    shown, toasts, _ = await _refused(store, clock, "2026-13-01", lang="en")
    assert shown == "Invalid date: 2026-13-01 is not a day of the calendar."
    assert shown in toasts


async def test_an_unreadable_participant_line_is_quoted_and_focused(store, clock) -> None:
    shown, toasts, focused = await _refused(store, clock, TODAY, "Alice (Mairie)\nBob (CAF")
    assert shown == (
        "Ligne 2 des participants illisible : « Bob (CAF » (attendu : Nom (Organisation))."
    )
    assert shown in toasts
    assert isinstance(focused, TextArea) and focused.id == "participants"


async def test_an_unreadable_participant_line_in_english(store, clock) -> None:
    shown, _, _ = await _refused(store, clock, TODAY, "Bob (CAF", lang="en")
    assert shown == "Participant line 1 is unreadable: “Bob (CAF” (expected: Name (Organisation))."


async def test_f1_on_the_form_says_what_it_is_for(store, clock) -> None:
    """The App's F1 did not reach through the modal form: the key did nothing at all."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("n", "tab", "f1")
        help_screen = await until(pilot, lambda: isinstance(app.screen, HelpScreen) and app.screen)
        shown = " ".join(str(w.render()) for w in help_screen.query(Static))
        assert t("help.new_session").split(",")[0] in _plain(" ".join(shown.split()))
        await pilot.press("escape")  # back to the form, the title still focused
        assert await until(pilot, lambda: isinstance(app.screen, NewSessionScreen))
        assert await until(pilot, lambda: getattr(app.screen.focused, "id", None) == "title")


async def test_f10_on_the_form_says_to_close_it_first_and_f11_still_works(store, clock) -> None:
    """F10 and F11 did nothing on the form; F10 now says why the language waits."""
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("n", "tab", *"Gardé", "f10")
        form = app.screen
        assert await until(pilot, lambda: t("app.language_busy") in _toasts(app))
        assert form.query_one("#title", Input).value == "Gardé"  # nothing typed is lost
        assert get_language() == "fr"  # not switched under the form
        theme = app.theme
        await pilot.press("f11")
        assert await until(pilot, lambda: app.theme != theme)
        assert app.screen is form


def _toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]
