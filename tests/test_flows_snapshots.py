"""SVG snapshots of the sheets section in the two formats of issue 14, 80x24 and 120x40, FR/EN.

- divergence-convergence: two solutions (pour / contre recorded), the conclusion's
  four questions, and the "Partage des solutions" turns drawn from the solutions;
- atelier thématique: three sub-themes, each with its group and rapporteur, and
  the oral restitution's turns, one per rapporteur.

Regenerate and LOOK at them as test_snapshots.py says.
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
from sessions.i18n import set_language
from sessions.sheets import ops
from sessions.storage.store import SessionStore
from tests.waits import settled, until

SESSION_ID = "f14f14f1"


def _dc(s) -> None:  # type: ignore[no-untyped-def]
    ops.add(
        s,
        "solution",
        fields={
            "nom": "Bus de la médiation numérique",
            "objectifs": "Aller vers les habitants éloignés des démarches",
            "groupe": "Awa Diallo\nLouis Martin\nZoé Petit",
            "pour": "Proche des gens\nDéjà financé en partie",
            "contre": "Coût du carburant",
        },
    )
    ops.add(s, "solution", fields={"nom": "Café des aidants", "pour": "Convivial"})
    ops.add(
        s,
        "conclusion",
        fields={
            "ressenti": "Enthousiaste, un peu pressé",
            "difficultes": "Le temps de la convergence",
            "apprentissages": "Voter à gommettes est rapide",
            "avec_quoi_on_repart": "Deux fiches actions à écrire",
        },
    )


def _at(s) -> None:  # type: ignore[no-untyped-def]
    for name, who, group in (
        ("Publics en difficulté", "Léa Roux", "Léa Roux\nOmar Saïd\nInès Blanc"),
        ("Structures de médiation", "Paul Henry", "Paul Henry\nAnna Vidal"),
        ("Ressources et financements", "Chloé Durand", "Chloé Durand\nMarc Lévy\nNina Fabre"),
    ):
        ops.add(
            s,
            "sous_theme",
            fields={
                "nom": name,
                "objectifs": "Identifier les acteurs du territoire",
                "livrables_attendus": "Une carte des acteurs",
                "groupe": group,
                "rapporteur": who,
            },
        )


def flows(root: Path, clock: FakeClock, template: str) -> SessionStore:
    store = SessionStore(root, clock)
    store.ensure()
    update_settings(root, guide_seen=True)
    s = session_from_template(
        find_template(template), title="Atelier de Tulle", on=dt.date(2026, 11, 22)
    )
    s.id = SESSION_ID
    (_dc if template == "divergence-convergence" else _at)(s)
    store.create(s)
    return store


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("template", ["divergence-convergence", "atelier-thematique"])
def test_the_formats_sheets(template, size, lang, snap_compare, tmp_path: Path) -> None:
    from tui.app import make_app
    from tui.sections import SWITCH_KEY, sections_for

    clock = FakeClock(START)
    store = flows(tmp_path / "data", clock, template)
    set_language(lang)
    app = make_app(store, clock, session_ref=SESSION_ID, lang=lang)

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        modes = [s.mode for s in sections_for(pilot.app.session)]
        await pilot.press(SWITCH_KEY)
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "SectionSwitcher")
        await pilot.press(str(modes.index("sheets") + 1))
        await until(pilot, lambda: pilot.app.current_mode == "sheets" and settled(pilot.app))

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run)
