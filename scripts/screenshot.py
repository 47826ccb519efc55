"""Render the README screenshots (SVG) from ``App.run_test()``: no terminal needed.

    .venv/bin/python scripts/screenshot.py          # writes docs/*.svg

A demo session is built in a temporary folder with a fake clock (the timer
started 4 minutes ago, a few ideas captured), then the home screen, the
overview and the read-only follower are saved as SVG.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sessions.agenda.catalog import find_template  # noqa: E402
from sessions.capture import tour as capture  # noqa: E402
from sessions.core.clock import FakeClock  # noqa: E402
from sessions.core.factory import session_from_template  # noqa: E402
from sessions.core.settings import update_settings  # noqa: E402
from sessions.i18n import set_language  # noqa: E402
from sessions.people.names import parse_participants  # noqa: E402
from sessions.storage.store import SessionStore  # noqa: E402
from sessions.timer import ops as timer_ops  # noqa: E402
from sessions.timer.position import Stamp  # noqa: E402

PEOPLE = """Alice Martin (Mairie de Tulle)
Bruno Petit (CAF de la Corrèze)
Chloé Durand (Médiathèque)
David Leroy (Centre social)
Emma Roux (Région)
"""
IDEAS = ["Fibre partout", "Tiers-lieux", "Médiation numérique", "Démarches en ligne"]
SIZE = (120, 36)


def demo(root: Path, clock: FakeClock) -> tuple[SessionStore, str]:
    store = SessionStore(root, clock)
    store.ensure()
    update_settings(root, guide_seen=True)
    session = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Atelier numérique - groupe A",
        on=dt.date(2026, 11, 22),
        place="Tulle",
        participants=parse_participants(PEOPLE),
    )
    store.create(session)

    def begin(s) -> None:
        timer_ops.start(s, Stamp.of(clock))
        for text in IDEAS:
            capture.add_idea(s, text, clock.now())

    store.transact(session.id, begin)
    clock.advance(4 * 60 + 12)
    return store, session.id


async def shoot(out: Path) -> list[Path]:
    from tui.app import make_app
    from tui.watch_app import WatchApp

    written = []
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        store, session_id = demo(Path(folder), clock)
        set_language("fr")
        app = make_app(store, clock, lang="fr")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            written.append(out / "home.svg")
            app.save_screenshot(str(written[-1].name), path=str(out))
            await pilot.press("enter")
            await pilot.pause()
            written.append(out / "overview.svg")
            app.save_screenshot(str(written[-1].name), path=str(out))
        watch = WatchApp(store.path_for(session_id), clock, lang="fr")
        async with watch.run_test(size=SIZE) as pilot:
            await pilot.pause()
            written.append(out / "screenshot.svg")
            watch.save_screenshot(str(written[-1].name), path=str(out))
    return written


def main() -> int:
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    for path in asyncio.run(shoot(out)):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
