"""Small statistics and timing helpers shared by the benchmarks."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else math.nan


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank, so p99 of 100 samples is the largest but one)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return float(ordered[rank - 1])


def time_ms(fn: Callable[[], object]) -> float:
    """Wall time of one call, in milliseconds."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The median of ``repeat`` timed calls, in milliseconds."""
    return median([time_ms(fn) for _ in range(repeat)])


def ratio(value: float, base: float) -> float:
    return value / base if base > 0 else math.nan


def rounded(value: float, digits: int = 3) -> float | None:
    """A float for JSON (NaN, meaning not measured, becomes null)."""
    return None if value is None or math.isnan(value) else round(value, digits)
