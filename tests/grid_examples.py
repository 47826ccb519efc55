"""A full example session for the grid, minutes, export and synthesis tests (deterministic)."""

from __future__ import annotations

import datetime as dt

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.models import Idea, Participant, Session
from sessions.models.grid import GridPosition, Level
from sessions.models.vote import HandTally

AT = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)

PEOPLE = [
    ("p-1", "Alice Martin", "Mairie de Tulle"),
    ("p-2", "Bruno Petit", "CAF"),
    ("p-3", "Chloé Durand", "Médiathèque"),
    ("p-4", "David Leroy", "Centre social"),
    ("p-5", "Emma Nguyen", "Département"),
]

# number, text, author, round, points
IDEAS = [
    (1, "Fibre partout", "p-1", 1, 14),
    (2, "Fracture <b>numérique</b> & illectronisme", "p-2", 1, 12),
    (3, "Télétravail | tiers-lieux", "p-3", 1, 9),
    (4, "Données ouvertes `open data`", "p-4", 1, 9),
    (5, "# Cybersécurité des communes", "p-5", 1, 7),
    (6, "1. Inclusion des seniors", "p-1", 2, 6),
    (7, "- Mobilité & services", "p-2", 2, 5),
    (8, "> Santé connectée", "p-3", 2, 4),
    (9, "École *numérique*", "p-4", 2, 3),
    (10, "IA [générative](http://x)", "p-5", 2, 2),
    (11, "Tiers lieux", "p-1", 3, 2),
    (12, "Démarches en ligne", "p-2", 3, 2),
    (13, "Sobriété numérique", "p-3", 3, 0),
    (14, "Réseaux sociaux", "p-4", 3, 0),
    (15, "Fibre", "p-5", 3, 0),
    (16, "Erreur de saisie", "p-1", 3, 0),
]


def full_session(template: str = "territoire-numerique-10-ans", title: str = "Groupe A") -> Session:
    s = session_from_template(
        find_template(template),
        title=title,
        on=dt.date(2026, 11, 22),
        place="Tulle | salle <polyvalente>",
        theme="Le numérique dans 10 ans",
        participants=[Participant(id=i, name=n, organisation=o) for i, n, o in PEOPLE],
    )
    s.id = "exemple1"
    s.participants[4].present = False
    s.roles.animateur = "Jeanne Roy"
    s.roles.second_animateur = "Alice Martin"
    s.roles.rapporteur = "Marc Blanc"
    for number, text, author, rnd, points in IDEAS:
        s.ideas.append(Idea(number=number, text=text, author_id=author, round=rnd, created_at=AT))
        s.vote.tallies[number] = HandTally(total=points)
    s.idea(1).description = "Très haut débit | zones blanches"
    # 15 was a duplicate of 1, 11 merged into 3 by consensus, 16 deleted.
    s.idea(15).duplicate_of = 1
    s.idea(11).merged_into = 3
    s.idea(3).merged_from = [11]
    s.idea(16).deleted = True
    s.vote.counted = True
    for phase, seconds in zip(s.agenda, (720, 2580, 2400, 1500), strict=False):
        phase.actual_seconds = seconds
    s.grid.positions = {
        1: GridPosition(present=Level.LOW, future=Level.HIGH, reason="Plan THD | fin 2030"),
        2: GridPosition(present=Level.LOW, future=Level.MEDIUM, reason="Conseillers numériques"),
        3: GridPosition(present=Level.MEDIUM, future=Level.MEDIUM, reason=""),
        4: GridPosition(present=Level.HIGH, future=Level.LOW, reason="<script>alert(1)</script>"),
        5: GridPosition(present=Level.LOW, future=None, reason=""),
    }
    s.next_steps = (
        "Envoyer le compte-rendu aux participants\n"
        "# Réunion le 3/12 à 14 h\n\n"
        "- Restitution en plénière"
    )
    return s
