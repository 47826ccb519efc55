"""What a change touched (sessions/storage/touched.py), issue 18 fifth pass.

A save trusts the slots a change says it touched and encodes only those; a
change that cannot say, or that failed, must leave "unknown" (None), so the
next save checks everything rather than trusting a list from an earlier run.
"""

from __future__ import annotations

import pytest

from sessions.storage.touched import Touching, touched_by


def test_a_change_that_fails_tells_no_slots_not_those_of_its_last_run() -> None:
    calls = []

    def run(session: list) -> None:
        calls.append(session)
        if len(calls) > 1:
            raise ValueError("refused")

    change = Touching(run, lambda: [("idea", 7)])
    change([])
    assert touched_by(change) == [("idea", 7)]
    with pytest.raises(ValueError):
        change([])  # run again (a rebuilt session) and refused this time
    assert touched_by(change) is None


def test_a_change_that_cannot_name_its_slots_is_unknown() -> None:
    change = Touching(lambda s: None, lambda: None)
    change(object())
    assert touched_by(change) is None
    assert touched_by(lambda s: None) is None  # a bare function says nothing
