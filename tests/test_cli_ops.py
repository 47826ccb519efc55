"""``atelier import map`` and ``atelier timer`` change a session with the app's own ops.

The file records the same thing either way: what the command line writes is
what the Cartes section's ops and F3's keys write on the same session at the
same time. And an app open on the session never takes a command-line change
back with ctrl+z: it refuses, saying the maps changed since.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.core.ops import apply
from sessions.maps import ops as map_ops
from sessions.maps.model import Map, MapNode
from sessions.models import Participant
from sessions.timer import timer_ops
from sessions.timer.position import Stamp
from tests.cli_helpers import atelier_on
from tests.test_maps_screen import _open_maps, _toasts, _type
from tui.app import make_app
from tui.cli.main import main

MAPS = """
[[maps]]
kind = "ressources"
centre = "Bus numérique"
host = "Alice Martin"
[[maps.nodes]]
label = "Mairie"
group = "humaines"
link = "plein"
have = "oui"
connection = "la secrétaire"
operative = "court"
[[maps.nodes]]
label = "Région"
group = "financieres"

[[maps]]
kind = "offre"
centre = "Médiation"
[[maps.nodes]]
label = "Atelier vélo"
group = "mobilité"
notes = "le samedi"
"""


def _session():  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template("ecosysteme-ressources"), "Fiche 4", on=dt.date(2026, 11, 22)
    )
    s.participants = [Participant(name="Alice Martin"), Participant(name="Bob Durand")]
    return s


@pytest.fixture
def run(store, clock, monkeypatch):  # type: ignore[no-untyped-def]
    """``run(*argv)``: the command line on the store's folder, with the test's fake clock."""
    return atelier_on(store.root, clock, monkeypatch)


def test_import_map_writes_what_the_cartes_section_s_ops_write(store, run, tmp_path: Path):
    s = _session()
    s.maps = [Map(kind="offre", centre="Déjà là")]  # the imported maps come after
    store.create(s)
    twin = store.load(s.id)
    path = tmp_path / "cartes.toml"
    path.write_text(MAPS, encoding="utf-8")
    assert run("import", "map", s.id, str(path)) == 0
    # the same maps typed in the Cartes section: m (a map), then a (its nodes)
    apply(twin, map_ops.AddMap(kind="ressources", centre="Bus numérique", host="Alice Martin"))
    apply(twin, map_ops.AddNode(2, label="Mairie", group="humaines", link="plein", have="oui",
                                connection="la secrétaire", operative="court"))  # fmt: skip
    apply(twin, map_ops.AddNode(2, label="Région", group="financieres"))
    apply(twin, map_ops.AddMap(kind="offre", centre="Médiation"))
    apply(twin, map_ops.AddNode(3, label="Atelier vélo", group="mobilité", notes="le samedi"))
    saved = store.load(s.id)
    assert [m.centre for m in saved.maps] == ["Déjà là", "Bus numérique", "Médiation"]
    assert saved.maps == twin.maps


def test_atelier_timer_writes_what_f3_s_keys_write(store, clock, run, session):
    twin = store.load(session.id)
    steps = [
        (("start",), timer_ops.TimerCommand("start", Stamp.of(clock))),
        (("extend", "2"), lambda stamp: timer_ops.Extend(2.0, stamp)),
        (("next",), lambda stamp: timer_ops.TimerCommand("next", stamp)),
        (("pause",), lambda stamp: timer_ops.TimerCommand("pause", stamp)),
        (("goto", "3"), lambda stamp: timer_ops.GoTo(2, stamp)),
        (("extend", "-1"), lambda stamp: timer_ops.Extend(-1.0, stamp)),
    ]
    for argv, op in steps:
        stamp = Stamp.of(clock)
        assert run("timer", session.id, *argv) == 0, argv
        apply(twin, op(stamp) if callable(op) else op)  # F3's key, pressed at the same time
        clock.advance(90)
    saved = store.load(session.id)
    assert saved.timer.index == 2 and saved.timer.extra_s == -60  # it moved as asked
    assert saved.timer == twin.timer
    assert saved.agenda == twin.agenda  # the phases' measured times too


async def test_ctrl_z_never_takes_back_atelier_import_map(store, clock, tmp_path: Path):
    s = _session()
    nodes = [MapNode(label="Région", group="financieres", link="plein")]
    s.maps = [Map(kind="ressources", centre="Bus", nodes=nodes)]
    store.create(s)
    path = tmp_path / "cartes.toml"
    path.write_text(MAPS, encoding="utf-8")
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_maps(pilot)
        await _type(pilot, "down", "x")  # the app deletes the node (recorded for ctrl+z)
        assert store.load(s.id).maps[0].nodes == []
        assert main(["--data-dir", str(store.root), "import", "map", s.id, str(path)]) == 0
        await _type(pilot, "ctrl+z")
        for _ in range(20):  # the refusal's toast, once shown
            if any("Impossible d'annuler" in m for m in _toasts(app)):
                break
            await pilot.pause()
        refusal = next(m for m in _toasts(app) if "Impossible d'annuler" in m)
        assert "suppression d'un nœud de la carte n°1" in refusal
        assert "la liste des cartes a changé depuis" in refusal  # French agreement
        saved = store.load(s.id)
        assert [m.centre for m in saved.maps] == ["Bus", "Bus numérique", "Médiation"]
        assert saved.maps[0].nodes == []  # nothing put back over the import
