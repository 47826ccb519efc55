"""Write the corpus of session files for the running atelier's schema version.

The corpus (``tests/corpus/v<N>/*.json``) holds session files exactly as an
atelier of schema version N wrote them: one per built-in template, freshly
created, and full workshops (participants, ideas with a pass and a late idea, a
closed count with a merge, grid positions, the timer running mid-phase).
``tests/test_corpus.py`` opens every one of them through the store, migrates
it and round-trips it. These files must open forever:

* never regenerate or edit a file already committed;
* after each ``SCHEMA_VERSION`` bump, run this script once and commit the new
  ``v<N>/`` folder (it only ever adds files: one already there is kept as it is,
  so a template added later gets its file in the current version's folder).

Run it from the repository root with the atelier to capture importable::

    python tests/corpus/make_corpus.py

``v1/`` was written by the atelier of commit 7066f9a (``git archive 7066f9a``
extracted in a temporary folder and put first on ``PYTHONPATH``), before any
schema change. The script uses the real ``SessionStore`` and the domain's own
operations, with a fake clock and fixed ids so the files are easy to read.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

from sessions.agenda.catalog import builtin_templates
from sessions.capture import tour
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.grid import placement
from sessions.models.grid import Level
from sessions.models.session import SCHEMA_VERSION
from sessions.people.names import parse_participants
from sessions.storage.store import SessionStore
from sessions.timer import ops as timer
from sessions.timer.position import Stamp
from sessions.vote import envelope
from sessions.vote import ops as vote

HERE = Path(__file__).resolve().parent
PEOPLE = """Alice Martin (Mairie de Tulle)
Bruno Petit (CAF)
Chloé Durand (Médiathèque)
David Leroy (Centre social)
"""
IDEAS = [
    "Un guichet unique pour les démarches en ligne",
    "Former les aidants numériques des associations",
    "Ouvrir la médiathèque le soir",
    "Une carte des lieux d'accès à internet",
    "Des ateliers « parents-enfants » sur les écrans",
    "Un réseau d'entraide entre voisins",
    "Mutualiser les imprimantes 3D",
]


def _phase(session, kind: str, last: bool = False) -> int:
    """The first (or last) phase of ``kind``: divergence is the capture, convergence the vote."""
    found = [i for i, phase in enumerate(session.agenda) if phase.kind.value == kind]
    return (found[-1] if last else found[0]) if found else 0


def workshop(store: SessionStore, clock: FakeClock, template, name: str) -> Path:
    """A whole workshop of ``template``, stopped with the timer running in the vote."""
    session = session_from_template(
        template,
        title=f"Atelier complet ({template.name})",
        on=dt.date(2026, 11, 22),
        place="Tulle",
        participants=parse_participants(PEOPLE),
        theme="Le numérique au quotidien",
    )
    session.id = name
    session.roles.animateur = "Alice Martin"
    session.roles.rapporteur = "Bruno Petit"
    session.participants[3].present = False  # David excused: 3 voters
    store.create(session)

    def step(op, seconds: float = 30.0):
        clock.advance(seconds)
        return store.transact(name, op)

    step(lambda s: timer.start(s, Stamp.of(clock)))
    step(lambda s: timer.goto(s, _phase(s, "divergence"), Stamp.of(clock)))
    for text in IDEAS[:5]:
        step(lambda s, text=text: tour.give_idea(s, text, clock.now()))
    step(lambda s: tour.pass_turn(s, clock.now()))  # Alice has nothing more
    for text in IDEAS[5:]:
        step(lambda s, text=text: tour.give_idea(s, text, clock.now()))
    longer = "Ouvrir la médiathèque deux soirs par semaine"
    step(lambda s: tour.reformulate(s, 3, longer, clock.now()))
    step(lambda s: tour.set_description(s, 1, "Accueil physique et en ligne, à la mairie."))
    step(lambda s: timer.goto(s, _phase(s, "convergence"), Stamp.of(clock)))
    hands = {1: "3 2 1", 2: "2 2", 3: "1", 4: "0", 5: "3 3 3", 6: "", 7: "2"}
    for number, typed in hands.items():
        step(lambda s, number=number, typed=typed: envelope.enter_hands(s, number, typed))
    step(vote.close)
    step(lambda s: vote.merge(s, [2, 6]))
    step(lambda s: tour.add_idea(s, "Une permanence le samedi", clock.now(), late=True))
    step(lambda s: timer.goto(s, _phase(s, "convergence", last=True), Stamp.of(clock)))
    top = placement.grid_items(store.load(name))
    levels = [Level.HIGH, Level.MEDIUM, Level.LOW]
    for number, level in zip(top, levels, strict=False):
        step(lambda s, n=number, lv=level: placement.set_level(s, n, "present", lv))
        if placement.has_future(store.load(name)):
            step(lambda s, n=number: placement.set_level(s, n, "future", Level.HIGH))
    if top:
        step(lambda s, n=top[0]: placement.set_reason(s, n, "Tout le monde y gagne."))
    step(lambda s: setattr(s, "next_steps", "Présenter la synthèse au conseil municipal."))
    clock.advance(95)  # mid-phase: the timer is still running when the file is kept
    return store.path_for(name)


SHEETS = """
[[sheets]]
kind = "solution"
items = [1, 2]
[sheets.fields]
nom = "Un guichet unique itinérant"
objectifs = "Aller vers les habitants éloignés"

[[sheets]]
kind = "action"
items = [1]
[sheets.fields]
nom = "Guichet itinérant"
pilote = "Mairie de Tulle"
indicateurs = "200 démarches accompagnées la première année"

[[sheets]]
kind = "action_complete"
[sheets.fields]
titre = "Bus numérique"
[sheets.fields.financements.etat]
y0 = 1000
y1 = "2 500,50"
"""
ENJEUX = "Comment rendre les démarches accessibles à tous ?\nComment former les aidants ?\n"
CHANTIERS = """
[[sheets]]
kind = "chantier"
[sheets.fields]
titre = "Guichet itinérant"
enjeu = "1"
faisabilite = "orange"
prioritaire = true

[[sheets]]
kind = "chantier"
[sheets.fields]
titre = "Réseau d'aidants"
enjeu = "2"
faisabilite = "vert"
inconnu_desirable = true
"""
MAPS = """
[[maps]]
kind = "ressources"
chantier = 1

[[maps.nodes]]
label = "Région"
group = "financieres"
link = "plein"
notes = "AAP 2027"

[[maps.nodes]]
label = "Fablab"
group = "techniques"
link = "pointille"
"""


def products(store: SessionStore, clock: FakeClock, templates, tmp: Path) -> list[Path]:
    """What the other formats produce: a dot vote with sheets, enjeux with chantiers and a map."""
    from tui.cli.main import main as cli

    def run(*argv: str) -> None:
        code = cli(["--data-dir", str(store.root), "--lang", "fr", *argv])
        assert code == 0, argv

    def file(name: str, text: str) -> str:
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    made = []
    for name, template_name in (
        ("products-dots", "divergence-convergence"),
        ("products-fiche3", "enjeux-solutions"),
    ):
        template = next(t for t in templates if t.name == template_name)
        session = session_from_template(
            template,
            title=f"Atelier complet ({template.name})",
            on=dt.date(2026, 11, 22),
            place="Tulle",
            participants=parse_participants(PEOPLE),
        )
        session.id = name
        store.create(session)
        made.append(store.path_for(name))
    for text in IDEAS[:4]:
        clock.advance(30)
        store.transact("products-dots", lambda s, text=text: tour.give_idea(s, text, clock.now()))
    for number, hands in {4: "1", 3: "2", 2: "3", 1: "4"}.items():
        store.transact("products-dots", lambda s, n=number, h=hands: envelope.enter_hands(s, n, h))
    store.transact("products-dots", vote.close)
    run("import", "sheets", "products-dots", file("sheets.toml", SHEETS))
    run("import", "enjeux", "products-fiche3", file("enjeux.txt", ENJEUX))
    run("import", "sheets", "products-fiche3", file("chantiers.toml", CHANTIERS))
    run("import", "map", "products-fiche3", file("maps.toml", MAPS))
    return made


def main() -> int:
    target = HERE / f"v{SCHEMA_VERSION}"
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock()
        store = SessionStore(Path(tmp) / "data", clock)
        store.ensure()
        written: list[Path] = []
        templates = builtin_templates()
        for template in templates:
            session = session_from_template(
                template,
                title=template.title,
                on=dt.date(2026, 11, 22),
                place="Tulle",
                participants=parse_participants(PEOPLE),
            )
            session.id = f"template-{template.name}"
            store.create(session)
            written.append(store.path_for(session.id))
        fiches = {"workshop-fiche1": "impact_mastery", "workshop-fiche2": "spread_founded"}
        for name, grid in fiches.items():
            template = next(t for t in templates if t.grid == grid)
            written.append(workshop(store, clock, template, name))
        written += products(store, clock, templates, Path(tmp))
        target.mkdir(parents=True, exist_ok=True)
        for path in written:
            kept = target / path.name
            if kept.exists():
                print(f"{kept} kept: corpus files are never regenerated", file=sys.stderr)
                continue
            shutil.copyfile(path, kept)
            print(kept)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
