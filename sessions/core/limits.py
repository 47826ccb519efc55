"""Bounds of the numbers a session file may hold (no pydantic here: ``atelier status`` reads them).

They are far beyond any real workshop and well inside what the timer's date
arithmetic can add (``datetime`` ends in year 9999): a value outside them is
a damaged or hand-made file, refused with the field's name instead of
crashing later or being saved as ``null``.
"""

from __future__ import annotations

MAX_MINUTES = 7 * 24 * 60  # a phase, a turn, a rotation, a slot: one week at most
MAX_SECONDS = 10_000_000_000.0  # measured or extended seconds (about 300 years)
MAX_COUNT = 1_000_000_000  # indexes, numbers of ideas, rounds, points, revisions
MAX_YEAR = 9999  # the last year ``datetime`` knows
MAX_REVISION = 2**53  # saves of one session (exact as a JSON number; never reached)
