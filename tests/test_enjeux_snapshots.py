"""SVG snapshots of the Enjeux et chantiers and Cartes sections, 80x24 and 120x40, FR/EN.

A fiche n°3 session: 3 enjeux taken from two groups, 6 chantiers (priorities,
an inconnu désirable, every feasibility) and a resource map for a priority
chantier. Regenerate and LOOK at them as test_snapshots.py says.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_snapshots import SIZES, START

from sessions.agenda.catalog import find_template
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.core.settings import update_settings
from sessions.enjeux.model import Source
from sessions.enjeux.ops import add_enjeux
from sessions.i18n import set_language
from sessions.maps.model import Map, MapNode
from sessions.sheets import ops
from sessions.storage.store import SessionStore
from tests.waits import settled, until

SESSION_ID = "e3e3e3e3"
ENJEUX = [
    ("Comment rendre les démarches en ligne accessibles à tous ?", "groupea1", 3),
    ("Comment attirer des actifs grâce au numérique ?", "groupeb2", 1),
    ("Comment relier les communes isolées ?", "groupea1", 7),
]
CHANTIERS = [
    ("Bus de la médiation numérique", 1, "vert", True, False),
    ("Ateliers dans les mairies", 1, "orange", True, False),
    ("Tiers-lieu de télétravail", 2, "orange", True, False),
    ("Coworking en gare", 2, "rouge", False, False),
    ("Réseau d'aidants", 3, "vert", True, False),
    ("Un satellite pour tous", 3, "blanc", False, True),
]


def fiche3(root: Path, clock: FakeClock) -> SessionStore:
    store = SessionStore(root, clock)
    store.ensure()
    update_settings(root, guide_seen=True)
    s = session_from_template(
        find_template("enjeux-solutions"), title="Fiche 3 : des enjeux aux chantiers",
        on=dt.date(2026, 11, 22),
    )  # fmt: skip
    s.id = SESSION_ID
    add_enjeux(
        s, [e[0] for e in ENJEUX], [[Source(session=e[1], item=e[2])] for e in ENJEUX]
    )  # fmt: skip
    for title, enjeu, colour, priority, unknown in CHANTIERS:
        fields = {"titre": title, "enjeu": str(enjeu), "faisabilite": colour}
        fields |= {"prioritaire": priority, "inconnu_desirable": unknown}
        ops.add(s, "chantier", title="", fields=fields, items=[])
    s.maps = [
        Map(
            kind="ressources",
            centre="Bus de la médiation numérique",
            chantier=1,
            host="Awa Diallo",  # stays at the table while the others rotate
            nodes=[
                MapNode(
                    label="Département",
                    group="financieres",
                    link="plein",
                    notes="AAP 2027",
                    have="oui",
                    connection="convention 2025",
                    operative="court",
                ),
                MapNode(label="Banque des territoires", group="financieres", link="pointille"),
                MapNode(label="Conseillers France Services", group="humaines", link="plein"),
                MapNode(label="Fablab de Brive", group="techniques", link="aucun"),
                MapNode(label="Médiathèques", group="materielles", link="pointille"),
            ],
        )
    ]
    store.create(s)
    return store


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view", ["enjeux", "maps", "sheets"])  # sheets: the chantiers
def test_enjeux_and_maps_sections(view, size, lang, snap_compare, tmp_path: Path) -> None:
    from tui.app import make_app
    from tui.sections import SWITCH_KEY, sections_for

    clock = FakeClock(START)
    store = fiche3(tmp_path / "data", clock)
    set_language(lang)
    app = make_app(store, clock, session_ref=SESSION_ID, lang=lang)

    async def run(pilot) -> None:
        modes = [s.mode for s in sections_for(pilot.app.session)]
        await pilot.press(SWITCH_KEY)
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "SectionSwitcher")
        await pilot.press(str(modes.index(view) + 1))
        await until(pilot, lambda: pilot.app.current_mode == view and settled(pilot.app))
        if view == "maps":  # its first node: the drawing, and the node's answers under it
            await pilot.press("down")
            await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run)
