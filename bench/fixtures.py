"""Sessions of a given size for the benchmarks: N ideas from 60 participants.

Everything is deterministic (a seeded random generator), so two runs measure
the same data. ``make_store`` writes a session into a data folder the way the
app would find it.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sessions.agenda.catalog import find_template
from sessions.core.clock import Clock, SystemClock
from sessions.core.factory import session_from_template
from sessions.models import Participant, Session
from sessions.models.capture import TurnRecord
from sessions.models.ideas import Idea
from sessions.models.vote import HandTally
from sessions.storage.store import SessionStore

PARTICIPANTS = 60
TEMPLATE = "territoire-numerique-10-ans"
WORDS = (
    "mobilité rurale",
    "fibre optique",
    "tiers-lieux",
    "télétravail",
    "inclusion numérique",
    "e-santé",
    "données ouvertes",
    "cybersécurité",
    "médiation",
    "école connectée",
    "zones blanches",
    "démarches en ligne",
)
START = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def idea_text(n: int) -> str:
    """A short formulation (2-3 words), as the scribe types it."""
    return f"{WORDS[n % len(WORDS)]} {n}"


def participants(count: int = PARTICIPANTS) -> list[Participant]:
    return [
        Participant(id=f"p{i:03d}", name=f"Participant {i}", organisation=f"Organisation {i % 7}")
        for i in range(count)
    ]


def add_ideas(session: Session, count: int, first: int = 1) -> None:
    """Append ``count`` ideas (and their tour-de-table turns) round-robin over the people."""
    people = session.participants or participants()
    for n in range(first, first + count):
        author = people[(n - 1) % len(people)]
        round_ = (n - 1) // len(people) + 1
        at = START + dt.timedelta(seconds=n)
        session.ideas.append(
            Idea(number=n, text=idea_text(n), author_id=author.id, round=round_, created_at=at)
        )
        session.capture.turns.append(
            TurnRecord(participant_id=author.id, round=round_, idea_number=n, started_at=at)
        )


def build_session(ideas: int, people: int = PARTICIPANTS, title: str = "Banc d'essai") -> Session:
    """A session of the fiche-1 template with ``ideas`` ideas from ``people`` participants."""
    session = session_from_template(
        find_template(TEMPLATE),
        title=title,
        on=START.date(),
        place="Tulle",
        participants=participants(people),
    )
    session.created_at = START
    add_ideas(session, ideas)
    return session


def add_hand_tallies(session: Session, seed: int = 7) -> None:
    """Show-of-hands tallies for every idea: each present person raises 0 to 5 fingers."""
    rng = random.Random(seed)
    voters = len(session.participants)
    for idea in session.ideas:
        hands = [rng.choice((1, 2, 3, 5)) for _ in range(rng.randrange(0, voters // 4 + 1))]
        session.vote.tallies[idea.number] = HandTally(hands=hands)


def add_ballots(session: Session, seed: int = 11) -> None:
    """Per-participant ballots: each spends its envelope (items / 2) over random items."""
    rng = random.Random(seed)
    numbers = [idea.number for idea in session.ideas]
    budget = len(numbers) // 2
    for person in session.participants:
        row: dict[int, int] = {}
        left = budget
        while left > 0:
            number = rng.choice(numbers)
            give = min(left, rng.randint(1, 5), 5 - row.get(number, 0))
            if give <= 0:
                continue
            row[number] = row.get(number, 0) + give
            left -= give
        session.vote.ballots[person.id] = row


def make_store(root: Path, session: Session, clock: Clock | None = None) -> SessionStore:
    """A data folder at ``root`` holding ``session``."""
    store = SessionStore(Path(root), clock or SystemClock())
    store.create(session)
    return store


def add_grid_positions(session: Session, seed: int = 5) -> None:
    """Every idea on the grid with a present and a future position and a reason."""
    from sessions.models.grid import GridPosition, Level

    rng = random.Random(seed)
    levels = list(Level)
    session.grid.items = [idea.number for idea in session.ideas]
    for idea in session.ideas:
        session.grid.positions[idea.number] = GridPosition(
            present=rng.choice(levels), future=rng.choice(levels), reason=f"raison {idea.number}"
        )
