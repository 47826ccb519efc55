"""The kinds of agenda phase, kept free of pydantic.

``sessions.models`` re-exports ``PhaseKind``; it lives here so that what reads
a session file without the models (``atelier status``) checks the same values.
"""

from __future__ import annotations

from enum import StrEnum


class PhaseKind(StrEnum):
    PLENARY = "plenary"
    DIVERGENCE = "divergence"
    CONVERGENCE = "convergence"
    RESTITUTION = "restitution"
    BREAK = "break"
