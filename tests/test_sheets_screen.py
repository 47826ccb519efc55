"""The sheets screen (F8): add, fill in with the guide's help, link, reorder, delete and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from textual.widgets import Input, Select, Static, TextArea

from sessions.models import Idea
from sessions.sheets import ops
from tests.sheets_samples import plain
from tests.waits import settled, until
from tui.app import make_app

NOON = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)


def _ready(store, session, ideas: int = 5):  # type: ignore[no-untyped-def]
    def op(s):  # type: ignore[no-untyped-def]
        s.ideas += [Idea(number=n, text=f"Idée {n}", created_at=NOON) for n in range(1, ideas + 1)]

    store.transact(session.id, op)


async def _open_sheets(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """The sheets section, as people reach it: the section switcher, then its number."""
    from tui.sections import SWITCH_KEY, sections_for

    modes = [s.mode for s in sections_for(app.session)]
    await pilot.press(SWITCH_KEY)
    await until(pilot, lambda: type(app.screen).__name__ == "SectionSwitcher" and settled(app))
    await pilot.press(str(modes.index("sheets") + 1))
    await until(pilot, lambda: type(app.screen).__name__ == "SheetsScreen" and settled(app))


def _toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [plain(str(n.message)) for n in app._notifications]


def _shown(app) -> str:  # type: ignore[no-untyped-def]
    return plain(str(app.screen.query_one("#sheet-fields", Static).render()))


@pytest.fixture
def dc_session(store):  # type: ignore[no-untyped-def]
    """A divergence-convergence session: its format uses sheets (solution, action)."""
    from tests.conftest import build_session

    s = build_session("divergence-convergence", "Groupe D")
    store.create(s)
    return s


async def test_add_an_action_sheet_fill_it_and_find_it_saved(store, dc_session, clock) -> None:
    session = dc_session
    _ready(store, session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        assert type(app.screen).__name__ == "SheetsScreen"
        assert "Aucune fiche" in str(app.screen.query_one("#sheets-empty", Static).render())
        await pilot.press("a")
        await pilot.pause()
        assert type(app.screen).__name__ == "KindChooser"
        await pilot.press("down", "enter")  # solution, then the action sheet
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "SheetForm"
        helps = [str(w.render()) for w in form.query(".help")]
        assert "Quels objectifs\u202f? Ce que l'action doit changer sur le territoire." in helps
        assert "Laissé vide, le titre reprend «\u202fNom de l'action\u202f»." in helps  # 1st text
        assert "Indicateurs de réussite" in [str(w.render()) for w in form.query(".field-label")]
        await pilot.press("tab", *"2 4", "tab", *"Bus numérique", "tab", *"Aller vers")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SheetsScreen"
        (sheet,) = store.load(session.id).sheets
        assert sheet.kind == "action" and sheet.number == 1 and sheet.items == [2, 4]
        assert sheet.fields == {"nom": "Bus numérique", "objectifs": "Aller vers"}
        assert "Fiche n°1 enregistrée." in _toasts(app)
        assert "Fiche action n°1 : Bus numérique" in _shown(app)
        assert "Objectifs : Aller vers" in _shown(app)


async def test_a_refused_value_keeps_the_form_open(store, session, clock) -> None:
    _ready(store, session, 2)
    store.transact(session.id, lambda s: ops.add(s, "action_complete"))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-financements", TextArea).text = "Collectivité | 1000 | 2000\nÉtat | 1²"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = plain(str(form.query_one("#error", Static).render()))
        assert (
            "« 1² » n'est pas un montant" in error
            and "« Financements prévisionnels » (État, 2026)" in error
        )
        assert app.screen is form
        assert store.load(session.id).sheets[0].fields == {}
        form.query_one(
            "#f-financements", TextArea
        ).text = "Collectivité | 1000 | 2 000,50\nÉtat | 500"
        form.query_one("#f-lien_strategie", Select).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        fields = store.load(session.id).sheets[0].fields
        assert fields["financements"] == {
            "collectivite": {"y0": 1000, "y1": 2000.5},
            "etat": {"y0": 500},
        }
        assert fields["lien_strategie"] is True
        assert "Lien avec la stratégie territoriale : oui" in _shown(app)


async def test_reorder_delete_undo_and_become(store, session, clock) -> None:
    _ready(store, session, 3)

    def three(s):  # type: ignore[no-untyped-def]
        ops.add(s, "solution", fields={"nom": "Bus", "couts": "20 k€"}, items=[3])
        ops.add(s, "action", fields={"nom": "Tiers-lieu"})
        ops.add(s, "synthese")

    store.transact(session.id, three)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("down", "shift+up")  # the action sheet goes first
        await pilot.pause()
        assert [s.number for s in store.load(session.id).sheets] == [2, 1, 3]
        await pilot.press("x")
        await pilot.pause()
        assert [s.number for s in ops.visible(store.load(session.id))] == [1, 3]
        assert "Fiche n°2 supprimée (ctrl+z l'annule)." in _toasts(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [s.number for s in ops.visible(store.load(session.id))] == [2, 1, 3]
        assert "Annulé : la suppression de la fiche n°2" in _toasts(app)
        await pilot.press("down", "t")  # the solution becomes an action sheet
        await pilot.pause()
        saved = store.load(session.id)
        made = saved.sheets[-1]
        assert (made.kind, made.number, made.items) == ("action", 4, [3])
        assert made.fields == {"nom": "Bus", "moyens": "20 k€"}
        assert "Fiche action n°4 : Bus" in _shown(app)


async def test_english_screen(store, session, clock) -> None:
    store.transact(
        session.id, lambda s: ops.add(s, "synthese", fields={"redigee_par": "observateur"})
    )
    app = make_app(store, clock, session_ref=session.id, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        assert _shown(app).splitlines()[0] == "Synthesis 1"  # no title repeating it
        assert "Written by: observer" in _shown(app)
        await pilot.press("e")
        await pilot.pause()
        helps = [str(w.render()) for w in app.screen.query(".help")]
        assert "State the issues of the territory." in helps
        assert app.screen.query_one("#title", Input).has_focus


async def test_adding_offers_the_formats_kinds_first(store, dc_session, clock) -> None:
    session = dc_session
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        kinds = app.screen.query_one("#kinds")
        first = [str(kinds.get_option_at_index(i).prompt) for i in range(2)]  # type: ignore[attr-defined]
        assert first == ["Solution", "Fiche action"]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Bus", "ctrl+s")
        await pilot.pause()
        (sheet,) = store.load(session.id).sheets
        assert (sheet.kind, sheet.title) == ("solution", "Bus")


KEYS = [
    "a", "e", "t", "x", "delete", "ctrl+z", "shift+up", "shift+down", "up", "down",
    "enter", "escape", "tab", "ctrl+s", "backspace", "1", " ", "|", "²", "٣", "é", "\u200b",
]  # fmt: skip


@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: a failure prints its keys
    suppress_health_check=list(HealthCheck),
)
@given(st.lists(st.sampled_from(KEYS), min_size=20, max_size=60))
def test_random_keys_never_crash_nor_lose_the_file(tmp_path_factory, keys) -> None:
    import asyncio

    from sessions.core.clock import FakeClock
    from sessions.storage.store import SessionStore
    from tests.conftest import build_session

    store = SessionStore(tmp_path_factory.mktemp("fuzz") / "data", FakeClock())
    store.ensure()
    session = build_session()
    store.create(session)
    _ready(store, session, 3)
    store.transact(session.id, lambda s: ops.add(s, "action_complete"))

    async def run() -> None:
        app = make_app(store, FakeClock(), session_ref=session.id)
        async with app.run_test(size=(100, 30)) as pilot:
            await _open_sheets(app, pilot)
            note(f"keys: {keys!r}")
            for key in keys:
                if type(app.screen).__name__ not in ("SheetsScreen", "SheetForm", "KindChooser"):
                    await _open_sheets(app, pilot)
                await pilot.press(key)
            assert app.is_running
        saved = store.load(session.id)
        numbers = [s.number for s in saved.sheets]
        assert len(numbers) == len(set(numbers)) and 1 in numbers

    asyncio.run(run())


async def test_undo_is_keyed_and_refuses_a_sheet_changed_elsewhere(
    store, dc_session, clock
) -> None:
    session = dc_session
    store.transact(session.id, lambda s: ops.add(s, "action", fields={"nom": "Bus"}))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("e", "tab", "tab", "end", *" numérique", "ctrl+s")
        await pilot.pause()
        assert store.load(session.id).sheets[0].fields["nom"] == "Bus numérique"
        await pilot.press("a", "enter")  # a solution, then its form saved empty
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [s.kind for s in store.load(session.id).sheets] == ["action", "solution"]
        await pilot.press("ctrl+z")  # undoes the adding only
        await pilot.pause()
        assert [s.kind for s in store.load(session.id).sheets] == ["action"]
        # the command line changes the sheet meanwhile: undoing the form's change refuses
        store.transact(session.id, lambda s: ops.set_field(s, 1, "cibles", "Seniors"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        saved = store.load(session.id).sheets[0]
        assert saved.fields == {"nom": "Bus numérique", "cibles": "Seniors"}
        assert any("Impossible d'annuler" in m and "la fiche n°1" in m for m in _toasts(app))


async def test_f7_preview_shows_the_sheets(store, session, clock) -> None:
    from tui.widgets.minutes_preview import MinutesPreview

    money = {"etat": {"y0": 1000}, "prives": {"y0": 500}}
    fields = {"titre": "Tiers-lieu", "financements": money}
    store.transact(session.id, lambda s: ops.add(s, "action_complete", fields=fields))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        shown = plain(app.screen.query_one("#minutes-md", MinutesPreview).shown_text())
        assert "Fiches\nFiche action complète n°1 : Tiers-lieu" in shown
        assert "Financements prévisionnels" in shown and "Coût total" in shown


async def test_fields_typed_in_one_burst_land_in_their_own_fields(store, dc_session, clock) -> None:
    """Tab typed fast between the fields moves on before the letters after it (tmux bursts)."""
    from textual import events

    from bench.typing_child import key_events
    from tests.test_typing_ahead import send_keys

    _ready(store, dc_session)
    app = make_app(store, clock, session_ref=dc_session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "enter")  # the action sheet
        await pilot.pause()
        assert type(app.screen).__name__ == "SheetForm"

        def typed(text: str) -> list[events.Key]:
            return key_events(text)[:-1]  # without the Enter key_events ends with

        tab = events.Key("tab", None)
        burst = [*typed("Titre"), tab, *typed("2 4"), tab, *typed("Bus numérique"), tab]
        burst += [*typed("Aller vers"), events.Key("ctrl+s", None)]
        await send_keys(app, pilot, burst, lambda: bool(store.load(dc_session.id).sheets))
        (sheet,) = store.load(dc_session.id).sheets
        assert (sheet.title, sheet.items) == ("Titre", [2, 4])
        assert sheet.fields == {"nom": "Bus numérique", "objectifs": "Aller vers"}
