"""``n`` on the session list and the form typed right after it, in one burst, are created.

A scribe presses ``n`` and types the form at once (tmux and a fast typist deliver
the keys together): ``n`` opens the form when it arrives and the form has its
template list focused as it is built, so the keys behind it fill the form in
order. Before, every key after ``n`` went to the session list and was lost (or
the first Tab was: the title in the template list, the place after the date).
"""

from __future__ import annotations

from test_typing_ahead import send_keys
from textual import events
from textual.widgets import Input

from bench.typing_child import key_events
from tests.waits import until
from tui.app import make_app
from tui.screens.new_session import NewSessionScreen


def _k(key: str) -> events.Key:
    return events.Key(key, None)


def _typed(text: str) -> list[events.Key]:
    return key_events(text)[:-1]  # without the Enter key_events ends with


async def test_n_then_the_whole_form_in_one_burst_creates_the_session(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        keys = [
            _k("n"),
            _k("down"),  # the second template
            _k("tab"),
            *_typed("Titre rapide"),
            _k("tab"),  # the date kept
            _k("tab"),
            *_typed("Tulle"),
            _k("ctrl+s"),
        ]
        await send_keys(app, pilot, keys, lambda: store.entries())
        [entry] = store.entries()
        saved = store.load(entry.id)
        assert (saved.title, saved.place, saved.template) == (
            "Titre rapide",
            "Tulle",
            "atelier-thematique",
        )
        assert saved.date.isoformat() == clock.now().astimezone().date().isoformat()
        assert await until(pilot, lambda: app.current_mode == "overview")
        assert await until(pilot, lambda: app.session is not None and app.session.id == saved.id)
        # the overview's header names the session typed in the burst
        assert await until(pilot, lambda: app.screen.sub_title == "Titre rapide")


async def test_letters_behind_n_and_tab_reach_the_title_and_the_list_keeps_its_keys(
    store, clock
) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        guide = await until(pilot, lambda: app.screen.query_one("#guide"))
        shown = not guide.has_class("hidden")  # the first run shows it
        await send_keys(app, pilot, [_k("g")], lambda: True)  # the list's own letters still act
        assert await until(pilot, lambda: guide.has_class("hidden") == shown)
        keys = [_k("n"), _k("tab"), *_typed("Lu")]
        form = app.screen
        await send_keys(
            app, pilot, keys, lambda: app.screen.query_one("#title", Input).value == "Lu"
        )
        assert isinstance(app.screen, NewSessionScreen) and app.screen is not form
        assert app.screen.focused is app.screen.query_one("#title", Input)
        assert (
            app.screen.query_one("#date", Input).value
            == clock.now().astimezone().date().isoformat()
        )
        assert store.entries() == []
