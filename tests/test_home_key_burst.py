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
from tests.waits import settled, until
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


async def test_the_list_keys_typed_before_n_act_on_the_list_first(store, clock) -> None:
    """g, d or x then n in one burst: n (a priority key) used to open the form first, and
    the list's key, run once it had bubbled up, found the form and was lost."""
    from conftest import build_session

    from tui.screens.confirm import ConfirmScreen
    from tui.screens.home import HomeScreen

    store.create(build_session(title="Existante"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen)
        guide = home.query_one("#guide")
        shown = not guide.has_class("hidden")
        keys = [_k("g"), _k("d"), _k("n"), _k("tab"), *_typed("T")]

        def typed() -> bool:
            screen = app.screen
            return isinstance(screen, NewSessionScreen) and screen.query_one("#title").value == "T"

        await send_keys(app, pilot, keys, typed)
        assert guide.has_class("hidden") == shown  # g toggled the guide
        titles = sorted(e.session.title for e in store.entries())
        assert titles == ["Existante", "Existante (copie)"]  # d duplicated
        await send_keys(app, pilot, [_k("escape")], lambda: app.screen is home)
        # x asks to delete; n typed right behind answers it (no), as when typed slowly
        await send_keys(app, pilot, [_k("x"), _k("n")], lambda: app.screen is home)
        assert await until(pilot, lambda: settled(app))
        assert app.screen is home and not isinstance(app.screen, ConfirmScreen)
        assert [type(s) for s in app.screen_stack] == [HomeScreen]
        assert len(store.entries()) == 2


async def test_x_then_y_in_one_burst_deletes_as_typed_slowly(store, clock) -> None:
    """x asks; y typed right behind it answers the question (yes), on the dialog it opened."""
    from conftest import build_session

    from tui.screens.home import HomeScreen

    store.create(build_session(title="Existante"))
    store.create(build_session(title="Gardée"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen)
        await until(pilot, lambda: len(home.entries) == 2)
        doomed = home.entries[0].session.title
        await send_keys(app, pilot, [_k("x"), _k("y")], lambda: len(store.entries()) == 1)
        assert await until(pilot, lambda: settled(app))
        assert [type(s) for s in app.screen_stack] == [HomeScreen]
        [left] = store.entries()
        assert left.session.title != doomed
        assert len(list(store.trash_dir.glob("*.json"))) == 1


async def test_down_then_enter_in_one_burst_opens_the_row_moved_to(store, clock) -> None:
    """Enter opens the row the cursor reached with the arrow typed before it, not the first."""
    from conftest import build_session

    from tui.screens.home import HomeScreen

    store.create(build_session(title="Première"))
    store.create(build_session(title="Seconde"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen)
        await until(pilot, lambda: len(home.entries) == 2)
        wanted = home.entries[1].session.id
        await send_keys(app, pilot, [_k("down"), _k("enter")], lambda: app.session is not None)
        assert app.session.id == wanted
        assert await until(pilot, lambda: app.current_mode == "overview")


async def test_a_key_typed_right_after_enter_acts_on_the_session_opened(store, clock) -> None:
    """Enter then d in one burst: d reaches the overview Enter opened, as typed slowly; it
    used to run on the list still queued, copying the session the user had just opened."""
    from conftest import build_session

    from tui.screens.home import HomeScreen

    store.create(build_session(title="Première"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen)
        await until(pilot, lambda: len(home.entries) == 1)
        await send_keys(app, pilot, [_k("enter"), _k("d")], lambda: app.session is not None)
        assert await until(pilot, lambda: app.current_mode == "overview")
        assert await until(pilot, lambda: settled(app))
        assert [e.session.title for e in store.entries()] == ["Première"]  # no copy made
