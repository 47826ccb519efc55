"""SVG snapshots of every screen, at 80x24 and 120x40, in French and in English.

Regenerate after a change of layout (then LOOK at each picture before committing it):

    pytest tests/test_snapshots.py -p no:cacheprovider --snapshot-update -n 2

The pictures are in tests/__snapshots__/test_snapshots/. A failed run writes a
side-by-side report to snapshot_report.html. To look at them as PNG with
rsvg-convert (librsvg2-bin), which collapses runs of leading no-break spaces
(the grid and the big clock would look misaligned), make the spaces plain first:

    sed -e 's/&#160;/ /g' -e 's/<svg /<svg xml:space="preserve" /' X.svg | rsvg-convert -o X.png

The state is realistic and deterministic: a session with 8 participants and 20
ideas given round the table, a closed count, a placed grid, the timer started
on a fake clock; ids and dates are fixed and the cursors do not blink.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from sessions.agenda.catalog import find_template
from sessions.capture import tour as capture
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.core.settings import update_settings
from sessions.grid import placement as grid
from sessions.i18n import get_language, set_language
from sessions.models import Session
from sessions.people.names import parse_participants
from sessions.storage.errors import CorruptSessionError
from sessions.storage.store import SessionStore
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from sessions.vote import envelope as v
from tests.waits import settled, until

PEOPLE = """Alice Martin (Mairie de Tulle)
Bruno Petit (CAF de la Corrèze)
Chloé Durand (Médiathèque intercommunale)
David Leroy (Centre social)
Emma Roux (Région Nouvelle-Aquitaine)
François Morel (France Services)
Gaëlle Fournier (Département de la Corrèze)
Hugo Lambert (Association Familles rurales)
"""

IDEAS = [
    "Fibre optique dans tous les bourgs, y compris les hameaux isolés",
    "Tiers-lieux numériques dans chaque canton",
    "Médiation numérique itinérante (bus France Services)",
    "Démarches en ligne accompagnées",
    "Former les élus aux outils collaboratifs",
    "Un guichet unique départemental pour les aides au numérique",
    "Ateliers intergénérationnels",
    "Télétravail : espaces de coworking en gare",
    "Open data des collectivités",
    "Réseau de conseillers numériques",
    "Sobriété numérique dans les écoles",
    "Couverture mobile des zones blanches",
    "Plateforme de covoiturage locale",
    "Reconditionnement des ordinateurs des administrations",
    "Cartographie des lieux d'accès à internet",
    "Cybersécurité des petites communes",
    "Pass numérique pour les familles",
    "Visioconsultations médicales en pharmacie",
    "Circuits courts : marché en ligne des producteurs",
    "Archives numérisées du territoire",
]
# What the scribe typed for each item (hands raised, finger counts), item 1 first.
HANDS = [
    "5 3 2", "2 1", "4 4 3 1", "1", "", "3 2", "1 1", "2", "5 5 2", "",
    "1", "3 3 1", "", "2 1", "", "1", "2 2", "", "1", "",
]  # fmt: skip
PLACED = {  # item: (present, future, reason)
    1: ("faible", "fort", "Le syndicat mixte déploie déjà la fibre ; dépend des opérateurs."),
    3: ("moyen", "fort", "France Services a un bus ; il faut des conseillers formés."),
    9: ("fort", "fort", "Nos propres données, publiables dès cette année."),
    12: ("faible", "moyen", "Relève de l'État et des opérateurs."),
    6: ("moyen", "moyen", ""),
}
SESSION_ID = "5a1e0c2d"
START = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


def build_session(session_id: str, title: str) -> Session:
    session = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title=title,
        on=dt.date(2026, 11, 22),
        place="Tulle, salle du conseil",
        participants=parse_participants(PEOPLE),
        language=get_language(),  # run in the snapshot's language: its agenda in that language
    )
    session.id = session_id
    for n, person in enumerate(session.participants, start=1):
        person.id = f"p{n:04d}"
    return session


def workshop(root: Path, clock: FakeClock) -> SessionStore:
    """Three sessions; the first one has been run up to the grid."""
    store = SessionStore(root, clock)
    store.ensure()
    update_settings(root, guide_seen=True)
    for n, title in enumerate(("Atelier B - mobilités", "Atelier C - santé"), start=1):
        store.create(build_session(f"0000000{n}", title))
        clock.advance(3600)
    session = build_session(SESSION_ID, "Atelier numérique - groupe A")
    store.create(session)

    def run(s: Session) -> None:
        timer_ops.start(s, Stamp.of(clock))
        clock.advance(8 * 60)
        timer_ops.next_phase(s, Stamp.of(clock))  # the round table, on time
        for text in IDEAS:
            clock.advance(55)
            if len(s.ideas) in (5, 13):  # two people pass their turn
                capture.pass_turn(s, clock.now())
            capture.give_idea(s, text, clock.now())
        for number, hands in enumerate(HANDS, start=1):
            v.enter_hands(s, number, hands)
        v.close_count(s)
        for number, (present, future, reason) in PLACED.items():
            grid.set_level(s, number, "present", grid.Level(present))
            if grid.has_future(s):
                grid.set_level(s, number, "future", grid.Level(future))
            grid.set_reason(s, number, reason)

    store.transact(SESSION_ID, run)
    clock.advance(4 * 60 + 12)
    return store


def steady(pilot: Pilot) -> None:
    """No blinking cursor: the picture must not depend on the instant it is taken."""
    for widget in pilot.app.screen.query("*"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False


def keys(*pressed: str) -> Callable[[Pilot], Awaitable[None]]:
    async def run(pilot: Pilot) -> None:
        for key in pressed:
            if key == "grid-table":  # scroll the minutes preview to its last table
                from tui.widgets.minutes_preview import MinutesPreview

                pilot.app.screen.query_one(MinutesPreview).scroll_to_table(-1)
            else:
                await pilot.press(key)
            await pilot.pause()
        steady(pilot)
        await pilot.pause()
        await until(pilot, lambda: settled(pilot.app))  # the footer drawn, the layout done

    return run


def corrupt(root: Path, newer: bool = False) -> Callable[[Pilot], Awaitable[None]]:
    async def run(pilot: Pilot) -> None:
        from sessions.storage.errors import NewerSessionError
        from tui.screens.corrupt import CorruptFileScreen

        folder = Path("/home/anne/.local/share/atelier/sessions")
        error = CorruptSessionError(
            folder / "3f9a2c1e.json",
            "Expecting ',' delimiter: line 1 column 5120 (char 5119)",
            backup=folder / "3f9a2c1e.json.bak",
        )
        if newer:  # written by a newer atelier: its own text, no restore
            error = NewerSessionError(folder / "3f9a2c1e.json", 9, 5)
        pilot.app.push_screen(CorruptFileScreen(error))
        await pilot.pause()

    return run


# screen name -> (opened on the session?, keys pressed to reach it)
SCREENS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "home": (False, ()),
    "new_session": (False, ("n",)),
    "help": (True, ("f4", "f1")),
    "overview": (True, ()),
    "timer": (True, ("f3",)),
    "capture": (True, ("f4",)),
    "vote": (True, ("f5",)),
    "grid": (True, ("f6",)),
    "minutes": (True, ("f7",)),
    "minutes_grid": (True, ("f7", "grid-table")),  # the preview's last table: the grid's
    "projector": (True, ("f3", "v")),
    "reveal": (True, ("f5", "f12", "space", "space", "space")),
    "corrupt": (False, ()),
    "newer": (False, ()),  # the file is from a newer atelier
    "details_form": (True, ("e",)),  # F2, e: the session's details
    "participants": (True, ("f4", "ctrl+t")),
    "agenda_editor": (True, ("f3", "e")),
    "section_switcher": (True, ("f5", "ctrl+space")),  # the list of the session's sections
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", [*SCREENS, "watch"])
def test_screen(name: str, size: str, lang: str, snap_compare, tmp_path: Path) -> None:
    from tui.app import make_app
    from tui.watch_app import WatchApp

    clock = FakeClock(START)
    root = tmp_path / "data"
    set_language(lang)
    store = workshop(root, clock)
    if name == "watch":
        path = store.path_for(SESSION_ID)
        store.transact(SESSION_ID, lambda s: v.reveal(s, True))
        app = WatchApp(path, clock, lang=lang)
        assert snap_compare(app, terminal_size=SIZES[size], run_before=keys())
        return
    opened, pressed = SCREENS[name]
    app = make_app(store, clock, session_ref=SESSION_ID if opened else None, lang=lang)
    if name in ("corrupt", "newer"):
        run_before = corrupt(root, newer=name == "newer")
    else:
        run_before = keys(*pressed)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


def add_sheets(s: Session) -> None:
    """What the groups wrote after the vote: a solution, its action sheet, a synthesis."""
    from sessions.sheets import ops as sheet_ops

    sheet_ops.add(
        s,
        "solution",
        fields={
            "nom": "Bus de la médiation numérique",
            "mise_en_oeuvre": "Un bus France Services qui passe chaque semaine dans les bourgs.",
            "objectifs": "Aller vers les habitants éloignés des démarches en ligne.",
            "partenaires": "France Services, CAF, mairies",
            "couts": "Un bus équipé, deux conseillers numériques",
        },
        items=[3, 10],
    )
    sheet_ops.become(s, 1)
    sheet_ops.set_field(s, 2, "pilote", ["François Morel (France Services)"])
    sheet_ops.set_field(s, 2, "indicateurs", "Nombre de démarches accompagnées par mois")
    sheet_ops.add(
        s,
        "synthese",
        fields={"redigee_par": "observateur", "problematiques": "Zones blanches, isolement"},
    )


async def open_sheets(pilot: Pilot) -> None:
    """The sheets section, as people reach it: the section switcher, then its number."""
    from tui.sections import SWITCH_KEY, sections_for

    modes = [s.mode for s in sections_for(pilot.app.session)]  # type: ignore[attr-defined]
    await pilot.press(SWITCH_KEY)
    await until(pilot, lambda: type(pilot.app.screen).__name__ == "SectionSwitcher")
    await pilot.press(str(modes.index("sheets") + 1))
    await until(pilot, lambda: pilot.app.current_mode == "sheets" and settled(pilot.app))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view", ["sheets", "sheet_form"])
def test_sheets_screen(view: str, size: str, lang: str, snap_compare, tmp_path: Path) -> None:
    from tui.app import make_app

    clock = FakeClock(START)
    store = workshop(tmp_path / "data", clock)
    store.transact(SESSION_ID, add_sheets)
    set_language(lang)
    app = make_app(store, clock, session_ref=SESSION_ID, lang=lang)

    async def run(pilot: Pilot) -> None:
        await open_sheets(pilot)
        await keys("down", *(["e"] if view == "sheet_form" else []))(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run)
