"""The undo figures of bench/run.py (``bench.undo``) measure what they say."""

from __future__ import annotations

from bench import undo


def test_a_keyed_step_holds_a_few_kb_where_a_snapshot_held_hundreds() -> None:
    figures = undo.undo_memory(steps=20)
    keyed, snapshots = figures["undo_kb_per_step_1000"], figures["undo_kb_per_step_1000_snapshots"]
    assert 0 < keyed < 5
    assert snapshots > 50 * keyed


def test_recording_an_enter_costs_less_than_the_snapshots_did() -> None:
    figures = undo.enter_record_ms(repeat=5)
    assert 0 < figures["enter_record_ms_1000"] < figures["enter_record_ms_1000_snapshots"]
