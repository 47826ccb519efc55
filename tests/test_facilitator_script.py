"""The facilitator's script in a real app (Pilot): a phase's notes, turns and rotation.

Notes are typed in the phase form and shown on F3 for the current phase, never
on the projector; turns and the rotation are edited from the agenda editor
(``t``), each change saved at once and undone by ctrl+z; fiche n°1's two
5-minute moments of individual reflection are sub-timers that ring and show on
F3 and on the projector.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Static

from sessions.agenda.catalog import find_template
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.models import Session
from sessions.storage.store import SessionStore
from tui.app import make_app

FICHE_1 = "territoire-numerique-10-ans"


def make_session(store: SessionStore, template: str = FICHE_1) -> Session:
    session = session_from_template(
        find_template(template), title="Atelier numérique", on=date(2026, 11, 22)
    )
    store.create(session)
    return session


@pytest.fixture
def world(tmp_path: Path) -> tuple[SessionStore, FakeClock, Session]:
    clock = FakeClock()
    store = SessionStore(tmp_path, clock)
    return store, clock, make_session(store)


def shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render()).replace("\u202f", " ")


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message).replace("\u202f", " ") for n in app._notifications]


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        await pilot.press({" ": "space", "\n": "enter", ",": "comma"}.get(ch, ch))


async def tick(app, pilot) -> None:  # type: ignore[no-untyped-def]
    app.tick()
    await pilot.pause()


async def test_notes_typed_in_the_phase_form_show_on_f3_not_on_the_projector(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "e", "down")  # the agenda editor, on step 2
        await pilot.press("enter")  # its form
        notes = app.screen.query_one("#notes")
        notes.focus()
        notes.text = ""
        await type_text(pilot, "5 min constats\n10 min jeu de role")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.load(s.id).agenda[1]
        assert saved.notes == "5 min constats\n10 min jeu de role"
        assert saved.title == "Étape 2 Recueil collectif des items"  # the rest kept
        await pilot.press("escape")  # back to F3, on step 1: its own notes
        assert "Lire la question de départ" in shown(app, "#notes")
        await pilot.press("n")  # step 2 is the current phase: the notes just typed
        await pilot.pause()
        assert "10 min jeu de role" in shown(app, "#notes")
        assert "Consignes" in shown(app, "#notes-title")
        await pilot.press("v")  # the projector never shows them
        await pilot.pause()
        projected = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "jeu de role" not in projected and "Consignes" not in projected
        assert "Étape 2" in projected


async def test_a_phase_without_notes_shows_no_notes_box(world) -> None:
    store, clock, s = world
    store.transact(s.id, lambda x: setattr(x.agenda[0], "notes", ""))
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert not app.screen.query_one("#notes-box").display or app.screen.query_one(
            "#notes-box"
        ).has_class("hidden")
        await pilot.press("n")
        await pilot.pause()
        assert not app.screen.query_one("#notes-box").has_class("hidden")
        assert "Tour de table" in shown(app, "#notes")


async def test_turns_added_moved_removed_and_undone_from_the_agenda_editor(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "e", "down", "t")  # step 2 has no turns
        assert "Aucun tour" in shown(app, "#turns-total")
        await pilot.press("a")
        app.screen.query_one("#field-0").value = ""
        await type_text(pilot, "Groupe A")
        await pilot.press("tab")
        app.screen.query_one("#field-1").value = ""
        await type_text(pilot, "3")
        await pilot.press("enter")
        await pilot.pause()
        assert [(x.label, x.minutes) for x in store.load(s.id).agenda[1].turns] == [("Groupe A", 3)]
        await pilot.press("a")
        app.screen.query_one("#field-0").value = "Groupe B"
        app.screen.query_one("#field-1").value = "4,5"
        await pilot.press("enter")
        await pilot.pause()
        assert [t.label for t in store.load(s.id).agenda[1].turns] == ["Groupe A", "Groupe B"]
        assert "2 tours, 7,5 min" in shown(app, "#turns-total")  # French decimals
        await pilot.press("ctrl+up")  # B before A
        await pilot.pause()
        assert [t.label for t in store.load(s.id).agenda[1].turns] == ["Groupe B", "Groupe A"]
        await pilot.press("delete")
        await pilot.pause()
        assert [t.label for t in store.load(s.id).agenda[1].turns] == ["Groupe A"]
        assert any("Tour retiré : Groupe B" in m for m in messages(app))
        await pilot.press("ctrl+z")  # the removal undone
        await pilot.pause()
        assert [t.label for t in store.load(s.id).agenda[1].turns] == ["Groupe B", "Groupe A"]
        table = app.screen.query_one("#turns")
        assert table.row_count == 2


async def test_a_turn_without_a_name_or_with_bad_minutes_is_refused_in_the_form(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "e", "down", "t", "a")
        app.screen.query_one("#field-0").value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert "besoin d'un nom" in shown(app, "#error")
        app.screen.query_one("#field-0").value = "Groupe A"
        app.screen.query_one("#field-1").value = "²"  # not an ASCII digit
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#error")
        assert store.load(s.id).agenda[1].turns == []


async def test_rotation_set_and_cleared_and_shown_on_f3(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "e", "down", "t", "o")
        app.screen.query_one("#field-0").value = "20"
        app.screen.query_one("#field-1").value = "Changement de table"
        await pilot.press("enter")
        await pilot.pause()
        rotation = store.load(s.id).agenda[1].rotation
        assert rotation is not None and (rotation.every_minutes, rotation.label) == (
            20,
            "Changement de table",
        )
        assert "toutes les 20 min" in shown(app, "#rotation")
        await pilot.press("escape", "escape", "n")  # F3 on step 2
        await tick(app, pilot)
        assert "Changement de table" in shown(app, "#subtimer")
        await pilot.press("e", "down", "t", "o")
        app.screen.query_one("#field-0").value = ""  # no rotation
        await pilot.press("enter")
        await pilot.pause()
        assert store.load(s.id).agenda[1].rotation is None
        assert "Pas de rotation" in shown(app, "#rotation")


async def test_fiche_1_reflection_moments_ring_and_show_on_f3_and_the_projector(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    bells: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.bell = lambda: bells.append("ding")  # type: ignore[method-assign]
        await pilot.press("f3", "space")
        await tick(app, pilot)
        assert "Tour 1/2" in shown(app, "#subtimer") and "05:00" in shown(app, "#subtimer")
        assert "Question de départ" in shown(app, "#subtimer")
        clock.advance(300)  # the question's 5 minutes are over: the turn's bell
        await tick(app, pilot)
        assert bells == ["ding"]
        assert any("Question de départ" in m for m in messages(app))
        await pilot.press("t")  # the individual reflection starts: its own 5 minutes
        await tick(app, pilot)
        assert "Réflexion individuelle" in shown(app, "#subtimer")
        assert "05:00" in shown(app, "#subtimer")
        assert store.load(s.id).timer.turn_index == 1
        await pilot.press("v")
        clock.advance(60)
        await tick(app, pilot)
        assert "Réflexion individuelle" in shown(app, "#subtimer")
        assert "04:00" in shown(app, "#subtimer")
        clock.advance(240)
        await tick(app, pilot)
        assert bells == ["ding", "ding"]  # one bell: the reflection ends with the step
        rung = store.load(s.id).timer.bells
        assert f"{s.agenda[0].id}:turn:1" in rung and f"{s.agenda[0].id}:end" in rung


async def test_the_vote_step_opens_with_an_open_turn_then_the_five_minutes(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    bells: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.bell = lambda: bells.append("ding")  # type: ignore[method-assign]
        await pilot.press("f3", "g")
        await pilot.press("3", "enter", "space")  # step 3, started
        await tick(app, pilot)
        assert "Consigne et lecture des items" in shown(app, "#subtimer")
        assert "t : tour suivant" in shown(app, "#subtimer")
        clock.advance(8 * 60)  # an open turn has no countdown and no bell
        await tick(app, pilot)
        assert bells == []
        await pilot.press("t")
        await tick(app, pilot)
        assert "Réflexion individuelle" in shown(app, "#subtimer")
        assert "05:00" in shown(app, "#subtimer")
        clock.advance(301)
        await tick(app, pilot)
        assert bells == ["ding"]
        assert "⏰" in shown(app, "#subtimer")


async def test_agenda_editor_undo_and_its_refusal_when_changed_elsewhere(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "e", "enter")
        app.screen.query_one("#minutes").value = "12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.load(s.id).agenda[0].minutes == 12
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.load(s.id).agenda[0].minutes == 10
        assert any("modification d'une phase" in m for m in messages(app))
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert store.load(s.id).agenda[0].minutes == 12
        # the command line changes the phase meanwhile: the undo refuses and says why
        store.transact(s.id, lambda x: setattr(x.agenda[0], "title", "Accueil"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        saved = store.load(s.id).agenda[0]
        assert (saved.title, saved.minutes) == ("Accueil", 12)
        assert any("la phase" in m for m in messages(app))


async def test_turns_drawn_from_the_sheets_once_edited_by_hand_stay_as_typed(tmp_path) -> None:
    from sessions.sheets import ops as sheet_ops

    clock = FakeClock()
    store = SessionStore(tmp_path, clock)
    s = make_session(store, "divergence-convergence")
    sharing = next(i for i, p in enumerate(s.agenda) if p.turns_from is not None)

    def two_groups(x: Session) -> None:
        sheet_ops.add(x, "solution", fields={"nom": "Bus numérique"})
        sheet_ops.add(x, "solution", fields={"nom": "Tiers-lieu"})

    store.transact(s.id, two_groups)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "e", *["down"] * sharing, "t")
        table = app.screen.query_one("#turns")
        assert table.row_count == 2  # one turn per group's sheet, not the template's four
        assert "Bus numérique" in str(table.get_row_at(0)[1])
        await pilot.press("down", "delete")  # the facilitator keeps one turn
        await pilot.pause()
        saved = store.load(s.id).agenda[sharing]
        assert [t.label for t in saved.turns] == [str(table.get_row_at(0)[1])]
        assert saved.turns_from is not None and saved.turns_from.edited
        await pilot.press("escape", "escape", "g", *str(sharing + 1), "enter", "space")
        await tick(app, pilot)
        assert "Tour 1/1" in shown(app, "#subtimer")  # not drawn again from the two sheets


async def test_the_phase_form_opens_on_the_title_and_tab_reaches_the_notes_end(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "e", "enter")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#title")
        await pilot.press("tab", "tab", "tab", "tab")  # minutes, kind, warning, notes
        await pilot.press("enter")
        await type_text(pilot, "Distribuer les feuilles")
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = store.load(s.id).agenda[0].notes
        assert notes.startswith("Lire la question de départ")  # kept, typed after it
        assert notes.endswith("(5 min).\nDistribuer les feuilles")


async def test_an_accepted_rebudget_is_undone_by_ctrl_z_on_f3(world) -> None:
    store, clock, s = world
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "space")
        clock.advance(18 * 60)  # step 1 (10 min) runs 8 min over
        await pilot.press("n", "b", "ctrl+s")
        await pilot.pause()
        cut = [p.minutes for p in store.load(s.id).agenda]
        assert sum(cut) == 120 - 8
        assert any("min" in m for m in messages(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [p.minutes for p in store.load(s.id).agenda] == [10, 40, 40, 30]
        assert any("nouveau budget du déroulé" in m for m in messages(app))
        assert store.load(s.id).timer.index == 1  # time is not undone: still on step 2
