"""Every refusal a scribe meets is shown on screen, naming the rule broken.

Each test opens the app, presses the keys a scribe would press and reads the
notifications the app shows (``app._notifications``, what the toasts draw), and
the saved file where a refusal must leave it unchanged. Before this file, a
do-nothing ``notify`` in the screens' undo mixin silenced F4, F5 and the
participants screen, and the tests that called ``app.apply()`` never saw it.
"""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.widgets import Input, Static

from sessions.capture import tour as cap
from sessions.grid import placement as grid_ops
from sessions.vote import envelope as v
from tests.waits import palette_highlight, settled, until
from tui.app import make_app
from tui.screens.confirm import ConfirmScreen

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
SIZE = (120, 40)


def with_ideas(store, session, count: int = 6, then=None) -> None:
    def op(s):
        for n in range(1, count + 1):
            cap.add_idea(s, f"item {n}", T0)
        if then is not None:
            then(s)

    store.transact(session.id, op)


class Seen:
    """The notifications shown since the last look."""

    def __init__(self, app) -> None:
        self.app = app
        self.known: set[str] = set()

    def new(self) -> list[str]:
        fresh = [n for n in self.app._notifications if n.identity not in self.known]
        self.known.update(n.identity for n in fresh)
        return [n.message for n in fresh]


async def shows(pilot, seen: Seen, *keys: str) -> str:
    """Press ``keys``; the messages shown meanwhile, joined (one assertion reads them all).

    Read once the app has handled the keys and all they queued (a toast is added as its
    refusal is handled), not after one pause that a loaded machine can cut short.
    """
    seen.new()
    await pilot.press(*keys)
    await until(pilot, lambda: settled(pilot.app))
    return " | ".join(seen.new())


async def answer(pilot, seen: Seen, key: str, text: str) -> str:
    """Open a prompt with ``key``, type ``text`` and Enter; the messages shown."""
    app = pilot.app
    asked_from = app.screen
    await pilot.press(key)
    await until(pilot, lambda: app.screen is not asked_from and settled(app))
    return await shows(pilot, seen, *text, "enter")


# -- F5, the vote --------------------------------------------------------------
async def test_show_of_hands_rules_are_said(store, clock, session) -> None:
    with_ideas(store, session)  # 4 voters present
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f5")
        await until(pilot, lambda: settled(app))
        said = await shows(pilot, seen, *"3 7", "enter")
        assert "de 0 à 5 doigts, pas 7" in said  # the live hint said "Somme : 10"
        said = await shows(pilot, seen, "ctrl+u", *"1 1 1 1 1", "enter")
        assert "5 mains levées pour 4 votants présents\u202f: une main au plus par votant" in said
        said = await shows(pilot, seen, "ctrl+u", *"21", "enter")
        assert "au plus 20 points (4 votants x 5)" in said
        said = await shows(pilot, seen, "ctrl+u", *"trois", "enter")
        assert "tapez les doigts levés" in said
        assert store.load(session.id).vote.tallies == {}


async def test_superscript_in_the_hands_entry_is_refused_not_a_crash(store, clock, session):
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f5")
        await until(pilot, lambda: settled(app))
        await pilot.press("3", "space", "²")  # crashed here, on the keystroke
        await until(pilot, lambda: settled(app))
        live = str(app.screen.query_one("#hands-sum", Static).render())
        assert "«\u202f²\u202f» n'est pas un chiffre" in live
        said = await shows(pilot, seen, "enter")
        assert "«\u202f²\u202f» n'est pas un chiffre" in said and "0-9" in said
        assert app.is_running
        assert store.load(session.id).vote.tallies == {}


async def test_ctrl_u_clears_the_hands_entry_and_f9_unmerges(store, clock, session) -> None:
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f5")
        await until(pilot, lambda: settled(app))
        await pilot.press(*"3 2 5", "ctrl+u")
        await until(pilot, lambda: settled(app))
        assert app.screen.query_one("#hands-entry", Input).value == ""
        assert not isinstance(app.screen, ConfirmScreen) and len(app.screen_stack) == 1
        said = await answer(pilot, seen, "f9", "2")
        assert "n'est pas une fusion" in said
        said = await answer(pilot, seen, "f9", "²")
        assert "défusionner" in said and "«\u202f²\u202f» n'est pas un chiffre" in said


async def test_envelope_override_refusals_are_said(store, clock, session) -> None:
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f5")
        await until(pilot, lambda: settled(app))
        for typed, words in (
            (
                "0",
                "Enveloppe impossible\u202f: 0 (un nombre entier de points par votant, de 1 à 500)",
            ),
            ("²", "«\u202f²\u202f» n'est pas un chiffre"),
            ("3x", "«\u202fx\u202f» n'est pas un chiffre"),
            ("9999999999", "9 chiffres au plus"),
        ):
            said = await answer(pilot, seen, "ctrl+e", typed)
            assert words in said and "Enveloppe" in said, typed
        assert store.load(session.id).vote.envelope is None


async def test_merge_refusals_and_no_are_said(store, clock, session) -> None:
    with_ideas(store, session, then=lambda s: v.close_count(s, True))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f5")
        await until(pilot, lambda: settled(app))
        said = await answer(pilot, seen, "ctrl+f", "2 x")
        assert "fusionner" in said and "«\u202fx\u202f» n'est pas un chiffre" in said
        said = await answer(pilot, seen, "ctrl+f", "3")
        assert "au moins deux items" in said
        assert len(app.screen_stack) == 1  # no consensus asked for one item
        # a merge answered No: said, and Enter's answer was on screen before
        await pilot.press("ctrl+f", *"2 4", "enter")
        await until(pilot, lambda: settled(app))
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        labels = [str(b.label) for b in dialog.query("Button")]
        assert labels == ["Oui (o)", "Non (n)"]
        assert "Entrée\u202f: Non" in str(dialog.query_one("#enter-says", Static).render())
        said = await shows(pilot, seen, "enter")
        assert "Pas de consensus" in said
        # Tab moves the highlight: the line now says Enter answers Oui
        await pilot.press("ctrl+f", *"2 4", "enter", "tab")
        await until(pilot, lambda: settled(app))
        assert "Entrée\u202f: Oui" in str(app.screen.query_one("#enter-says", Static).render())
        said = await shows(pilot, seen, "enter")
        assert "fusionnés dans le n°2" in said
        said = await answer(pilot, seen, "ctrl+f", "4 5")
        await pilot.press("o")
        await until(pilot, lambda: settled(app))
        said = " | ".join(seen.new())
        assert "déjà fusionné dans le n°2" in said
        said = await answer(pilot, seen, "ctrl+f", "2 99")
        said += await shows(pilot, seen, "y")
        assert "pas d'item n°99" in said
        assert store.load(session.id).idea(4).merged_into == 2


async def test_count_closed_undo_and_footer_say_what_applies(store, clock, session) -> None:
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f5")
        await until(pilot, lambda: settled(app))

        def footer() -> str:
            return " ".join(str(k.description) for k in app.screen.query("FooterKey"))

        assert "Clore le décompte" in footer()
        await pilot.press("ctrl+k")  # no vote entered yet: asked first (o closes anyway)
        for _ in range(100):  # bounded: the question is shown before o answers it
            if isinstance(app.screen, ConfirmScreen):
                break
            await until(pilot, lambda: settled(app))
        said = await shows(pilot, seen, "o")
        assert "Décompte clos" in said
        assert "Rouvrir le décompte" in footer() and "Clore le décompte" not in footer()
        said = await shows(pilot, seen, "ctrl+z")
        assert "Annulé" in said
        assert "Clore le décompte" in footer()
        said = await shows(pilot, seen, "ctrl+z")
        assert "Rien à annuler" in said


async def test_ballot_rules_are_said(store, clock, session) -> None:
    with_ideas(store, session)  # envelope 3
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f5", "f8")
        await until(pilot, lambda: settled(app))
        said = await shows(pilot, seen, "²")  # the cursor starts on the first item's cell
        assert "«\u202f²\u202f» n'est pas un chiffre" in said
        said = await shows(pilot, seen, "6")
        assert "De 0 à 5 points par item, pas 6" in said
        await pilot.press("3")
        said = await shows(pilot, seen, "1")
        assert "enveloppe" in said.lower() and "4" in said
        saved = store.load(session.id)
        assert [sum(b.values()) for b in saved.vote.ballots.values()] == [3]


# -- F4, the tour de table -----------------------------------------------------
async def test_capture_rules_are_said(store, clock, session) -> None:
    with_ideas(store, session, count=2)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f4")
        await until(pilot, lambda: settled(app))
        said = await shows(pilot, seen, "enter")
        assert "Idée vide" in said
        said = await shows(pilot, seen, "f8")
        assert "passe" in said.lower() and "Alice Martin" in said
        # a paste over 500 characters: refused, and said
        entry = app.screen.query_one("#entry", Input)
        seen.new()
        entry.post_message(events.Paste("x" * 600))
        await until(pilot, lambda: settled(app))
        said = " | ".join(seen.new())
        assert "500 caractères au plus" in said
        # a 600-character reformulation
        await pilot.press("ctrl+r")
        await until(pilot, lambda: settled(app))
        app.screen.query_one("#ask-input", Input).post_message(events.Paste("y" * 600))
        await until(pilot, lambda: settled(app))
        said = await shows(pilot, seen, "enter")
        assert "trop longue\u202f: 500 caractères au plus" in said
        assert store.load(session.id).idea(2).text == "item 2"
        # duplicate-of prompt
        for typed, words in (
            ("²", "«\u202f²\u202f» n'est pas un chiffre"),
            ("n°x", "«\u202fx\u202f» n'est pas un chiffre"),
            ("99", "pas d'idée n°99"),
            ("2", "n'est doublon ni d'elle-même"),
        ):
            await pilot.press("ctrl+b")
            await until(pilot, lambda: settled(app))
            await pilot.press("ctrl+u")
            said = await shows(pilot, seen, *typed, "enter")
            assert words in said, typed
        assert store.load(session.id).idea(2).duplicate_of is None
        # the number of rounds (ctrl+g: the question, then the rounds)
        for typed, words in (("²", "«\u202f²\u202f» n'est pas un chiffre"), ("99", "de 1 à 20")):
            await pilot.press("ctrl+g", "enter")
            await until(pilot, lambda: settled(app))
            await pilot.press("ctrl+u")
            said = await shows(pilot, seen, *typed, "enter")
            assert words in said and "tours" in said, typed


async def test_end_of_rounds_and_draft_are_said(store, clock, session) -> None:
    store.transact(session.id, lambda s: cap.set_rounds(s, 1))
    store.transact(session.id, lambda s: cap.set_draft(s, "brouillon gardé"))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        said = await shows(pilot, seen, "f4")
        assert "Brouillon" in said or "brouillon" in said
        await pilot.press("ctrl+u")
        for text in ("un", "deux", "trois"):
            await pilot.press(*text, "enter")
        said = await shows(pilot, seen, *"quatre", "enter")
        assert "tour" in said.lower() and "terminé" in said.lower()


# -- F6, the grid --------------------------------------------------------------
async def test_grid_add_prompt_rules_are_said(store, clock, session) -> None:
    def vote(s):
        v.set_method(s, "hands")
        for n in range(1, 7):
            v.enter_hands(s, n, str(n))
        v.close_count(s, True)

    with_ideas(store, session, then=vote)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f6")
        await until(pilot, lambda: settled(app))
        on_grid = [e.number for e in grid_ops.grid_entries(store.load(session.id))]
        app.screen.query_one("#add-item", Input).focus()
        await until(pilot, lambda: settled(app))
        for typed, words in (
            ("²", "«\u202f²\u202f» n'est pas un chiffre"),
            ("#x", "«\u202fx\u202f» n'est pas un chiffre"),
            ("99", "Pas d'item n°99"),
            (str(on_grid[0]), "déjà sur la grille"),
        ):
            said = await shows(pilot, seen, *typed, "enter")
            assert words in said, typed
            app.screen.query_one("#add-item", Input).value = ""
        assert [e.number for e in grid_ops.grid_entries(store.load(session.id))] == on_grid
        # a reason pasted over 500 characters: refused and said, not dropped in silence
        app.screen.query_one("#reason", Input).focus()
        await until(pilot, lambda: settled(app))
        seen.new()
        app.screen.query_one("#reason", Input).post_message(events.Paste("z" * 600))
        await until(pilot, lambda: settled(app))
        assert "500 caractères au plus" in " | ".join(seen.new())


async def test_grid_keys_without_an_item_say_so(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f6")
        await until(pilot, lambda: settled(app))
        for key in ("p", "x"):
            said = await shows(pilot, seen, key)
            assert "Choisissez un item dans la liste" in said, key


# -- the participants screen (ctrl+t in F4) ------------------------------------
async def test_participants_rules_are_said(store, clock, session) -> None:
    with_ideas(store, session, count=0)
    now = T0

    def alice_gives(s):
        cap.give_idea(s, "une idée", now)

    store.transact(session.id, alice_gives)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f4", "ctrl+t")
        await until(pilot, lambda: settled(app))
        said = await shows(pilot, seen, *"Eve Martin (Mairie", "enter")
        assert "illisible" in said and "Nom (Organisation)" in said
        await pilot.press("ctrl+u")
        said = await shows(pilot, seen, *"Eve Roux", "enter")
        assert "ajouté" in said.lower()
        await pilot.press(*["up"] * 10)
        said = await shows(pilot, seen, "ctrl+d")
        assert "déjà donné des idées" in said
        assert "Alice Martin" in [p.name for p in store.load(session.id).participants]


# -- no markup from titles or typed values ----------------------------------------
async def test_a_title_with_markup_is_shown_as_typed_never_run(store, clock) -> None:
    from textual.widgets._toast import Toast

    from tests.conftest import build_session

    title = "[@click=app.quit]x[/]"
    store.create(build_session(title=title))
    app = make_app(store, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts drawn
        seen = Seen(app)
        said = await shows(pilot, seen, "d")  # duplicate: "Session dupliquée : <title> (copie)"
        assert title in said
        assert all(n.markup is False for n in app._notifications)
        toasts = await until(pilot, lambda: list(app.screen.query(Toast)))
        assert toasts and any(title in str(toast.render()) for toast in toasts)
        await pilot.click(toasts[-1])  # was a link that quit the app
        await until(pilot, lambda: settled(app))
        assert app.is_running and app.return_code is None


# -- a key home from every screen --------------------------------------------------
async def test_ctrl_x_and_the_palette_go_home_from_every_section(store, clock, session) -> None:
    from textual.widgets import DataTable

    from tui.screens.home import HomeScreen
    from tui.screens.projector import ProjectorScreen

    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:

        def on_session_list() -> bool:
            screen = app.screen
            if not isinstance(screen, HomeScreen):
                return False
            table = screen.query_one(DataTable)
            return any("Atelier A" in str(table.get_row_at(r)[0]) for r in range(table.row_count))

        for keys in (("f2",), ("f3",), ("f3", "v"), ("f4",), ("f5",), ("f6",), ("f7",)):
            await pilot.press(*keys)
            await until(pilot, lambda: settled(app))
            assert not isinstance(app.screen, HomeScreen), keys
            if keys == ("f3", "v"):
                assert isinstance(app.screen, ProjectorScreen)
            await pilot.press("ctrl+x")
            await until(pilot, lambda: settled(app))
            assert on_session_list(), keys
        # the F1 help names the key
        await pilot.press("f4", "f1")
        await until(pilot, lambda: settled(app))
        keys = str(app.screen.query_one("#keys", Static).render())
        assert "^x             Accueil" in keys
        await pilot.press("escape")
        # and the palette's Accueil command, from a section
        await pilot.press("ctrl+p")
        await until(pilot, lambda: settled(app))
        await pilot.press(*"Accueil")
        await until(pilot, lambda: "Accueil" in palette_highlight(app))  # its search
        await pilot.press("enter")
        await until(pilot, on_session_list)
        assert on_session_list()
        # ctrl+h is Backspace in a terminal: it deletes, it never leaves the screen
        await pilot.press("enter")  # open the session again: the same one, not read-only
        await until(pilot, lambda: settled(app))
        assert not app.read_only
        await pilot.press("f4", *"ab", "ctrl+h", "enter")
        await until(pilot, lambda: settled(app))
        assert not isinstance(app.screen, HomeScreen)
        assert [i.text for i in store.load(session.id).ideas] == ["ab"]


def test_no_screen_or_widget_replaces_notify() -> None:
    """A mixin's ``def notify(...): ...`` once silenced three screens: all keep Textual's."""
    import importlib
    import inspect
    import pkgutil

    from textual.widget import Widget

    import tui.screens
    import tui.widgets

    replaced = []
    for package in (tui.screens, tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, Widget) and cls.notify is not Widget.notify:
                    replaced.append(cls.__qualname__)
    assert replaced == []


async def test_the_over_count_warning_is_said_once_per_total(store, clock, session) -> None:
    """The toast comes when the total goes over; the line above the table keeps it."""
    with_ideas(store, session)  # 4 voters, envelope 3: 12 points at most
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        seen = Seen(app)
        await pilot.press("f5")
        await until(pilot, lambda: settled(app))
        assert "12" not in await shows(pilot, seen, *"3 3 3 3", "enter")  # 12: not over
        over = await shows(pilot, seen, "1", "enter")  # 13 > 12
        assert "13" in over and "12" in over
        assert await shows(pilot, seen, "enter") == ""  # no hands: still 13, not said again
        assert "14" in await shows(pilot, seen, "1", "enter")
        assert "14" in str(app.screen.query_one("#vote-warning").render())
