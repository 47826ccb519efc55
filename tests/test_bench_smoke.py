"""The benchmark script works (on tiny inputs) and the timer never drifts on a fake clock.

``bench/run.py`` itself is too slow for the suite (a minute of real time):
these tests run its parts on small sessions to prove they measure what they
say, and check the fast save path it led to. The timer figure's second half
is here: over a 2 h run on a fake clock the display is exactly the true
second at every tick (drift 0).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.widgets import Digits

from bench import domain, save, terminal
from bench.drift_child import true_change
from bench.fixtures import build_session, make_store
from bench.report import render_table
from bench.run import summary, terminal_details, terminal_keys
from bench.stats import percentile
from bench.term import Term, plain
from bench.typing_child import lost_keys, typed_text
from sessions.core.clock import FakeClock, SystemClock
from sessions.models import Phase, Session
from sessions.storage.errors import SaveError
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp, clock_text, shown_clock, view
from tui.app import make_app

TWO_HOURS = 2 * 3600

# -- the script's parts on tiny inputs ------------------------------------------


def test_fixture_sessions_have_the_asked_size(tmp_path: Path) -> None:
    session = build_session(25, people=6)
    assert [i.number for i in session.ideas] == list(range(1, 26))
    assert len(session.participants) == 6
    store = make_store(tmp_path, session)
    assert len(store.load(session.id).ideas) == 25


def test_save_measure_saves_every_idea_durably(tmp_path: Path) -> None:
    figures = save.measure_saves(10, samples=4, workdir=tmp_path)
    assert figures.samples == 4 and len(figures.save_ms) == 4 and len(figures.raw_ms) == 4
    assert all(ms > 0 for ms in figures.save_ms + figures.raw_ms)
    assert figures.file_bytes > 0
    assert list(tmp_path.iterdir()) == []  # it cleans up after itself


def test_the_save_op_is_the_capture_screens(tmp_path: Path) -> None:
    session = build_session(3, people=3)
    store = make_store(tmp_path, session)
    with store.open(session.id) as handle:
        handle.apply(save.confirm_idea_op("vélo partagé"))
    saved = store.load(session.id)
    assert saved.ideas[-1].text == "vélo partagé" and saved.ideas[-1].number == 4
    # F4's own op: the idea is the current participant's and the turn is recorded
    assert saved.ideas[-1].author_id is not None
    assert saved.capture.turns[-1].idea_number == 4


def test_raw_baseline_writes_the_bytes(tmp_path: Path) -> None:
    save.raw_write(tmp_path / "t", tmp_path / "f", b"abc")
    assert (tmp_path / "f").read_bytes() == b"abc" and not (tmp_path / "t").exists()


def test_domain_figures_on_a_small_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(domain, "ITEMS", 40)
    monkeypatch.setattr(domain, "PEOPLE", 8)
    monkeypatch.setattr(domain, "GRID_ITEMS", 60)
    figures = domain.measure_domain(repeat=1)
    for key in ("tally_rank_merge_ms", "plain_tally_ms", "grid_ms", "minutes_ms", "grid_ms_5000"):
        assert figures[key] is not None and figures[key] > 0, key


def test_tally_rank_merge_leaves_the_session_as_it_found_it() -> None:
    session = build_session(30, people=5)
    domain.add_hand_tallies(session)
    before = session.model_dump()
    domain.tally_rank_merge(session)
    after = session.model_dump()
    assert after["ideas"] == before["ideas"]  # the merge was undone


def test_lost_keys_counts_what_did_not_arrive() -> None:
    typed = [typed_text(i) for i in range(3)]
    assert lost_keys(typed, typed) == 0
    assert lost_keys(typed, [typed[0], typed[2]]) == len(typed[1]) + 1
    assert lost_keys(typed, [typed[0], typed[1][:-2], typed[2]]) == 2
    assert lost_keys(typed, []) == sum(len(t) + 1 for t in typed)


def test_percentile_is_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 99) == 99
    assert percentile(values, 50) == 50
    assert percentile([5.0], 99) == 5.0


def test_summary_has_exactly_the_issue_keys_first() -> None:
    class Fig:
        def __init__(self, p50: float, size: int) -> None:
            self.p50 = self.p99 = p50
            self.raw_p50 = p50 / 2
            self.file_bytes = size

    figures = {
        "machine": {"cpus": 2, "memory_gib": 1, "python": "3", "textual": "8", "disk": "x"}
        | {"load_at_start": 0},
        "startup": {"app_ms": [120.0, 130.0], "bare_ms": [100.0, 100.0]},
        "memory": {"app_kb": 150.0, "bare_kb": 100.0},
        "status": {"app_ms": [30.0], "base_ms": [20.0]},
        "saves": {n: Fig(n / 100 + 1, n * 300) for n in (10, 100, 1000, 5000)},
        "domain": {"tally_rank_merge_ms": 3.0, "plain_tally_ms": 0.1, "grid_ms": 4.0}
        | {"minutes_ms": 5.0},
        "typing": {"dropped_keys": 0, "ideas_typed": 2, "ideas_saved": 2, "keys": 10}
        | {"key_ms": 1.0, "screen": "CaptureScreen"},
        "typing_ahead": {"dropped_keys": 0, "ideas_typed": 20, "ideas_saved": 20, "keys": 90},
        "typing_ahead_bare": {"dropped_keys": 7, "ideas_typed": 20, "ideas_saved": 19},
        "drift": {"drift_max_ms": 12.0, "drift_p50_ms": 5.0, "seconds": 60.0, "changes": 59},
    }
    result = summary(figures)
    keys = list(result)[:10]
    assert keys == [
        "startup_ratio",
        "save_p50_ms_1000",
        "save_p99_ms_1000",
        "save_ratio_1000",
        "save_ms_by_size",
        "domain_ms_max",
        "status_ratio",
        "typing_dropped_keys",
        "rss_ratio",
        "timer_drift_ms",
    ]
    assert result["startup_ratio"] == 1.25 and result["rss_ratio"] == 1.5
    assert result["domain_ms_max"] == 5.0 and result["save_ratio_1000"] == 2.0
    assert result["typing_ahead_dropped_keys"] == 0
    assert result["typing_ahead_bare_dropped_keys"] == 7
    assert set(result["save_ms_by_size"]) == {"10", "100", "1000", "5000"}
    json.loads(json.dumps(result))  # one JSON object
    table = render_table(result)
    assert "startup_ratio" in table and "MISSED" in table  # the save ratio of 2


# -- the figures read on a pseudo-terminal (issue 17), on tiny sessions ------------


def test_plain_takes_the_escape_sequences_out() -> None:
    raw = b"\x1b[?2026h\x1b[1;31mzq\x1b[0m001\x1b[3;4H essai\x1b]0;t\x07\x1b(B"
    assert plain(raw) == "zq001 essai"


def test_a_text_never_drawn_fails_loudly(tmp_path: Path) -> None:
    import sys

    with Term([sys.executable, "-c", "print('bonjour')"], {}, tmp_path) as term:
        assert term.wait_for(["bonjour"], timeout=20) >= term.started
        with pytest.raises((TimeoutError, RuntimeError)):
            term.wait_for(["jamais"], timeout=1)


def test_enter_to_visible_types_into_f4_and_the_idea_is_saved(tmp_path: Path) -> None:
    session = build_session(3, people=4)
    store = make_store(tmp_path, session)
    fig = terminal.enter(tmp_path, session.id, "Banc", ideas=3, trials=1)
    assert len(fig["app_ms"]) == 1 and len(fig["bare_ms"]) == 1
    assert all(ms > 0 for ms in fig["app_ms"] + fig["bare_ms"])
    texts = [idea.text for idea in store.load(session.id).ideas]
    assert texts[3:] == [f"zq{i:03d} essai 3" for i in range(3)]  # two untimed, one timed


def test_startup_and_idle_cpu_on_a_terminal(tmp_path: Path) -> None:
    session = build_session(3, people=4)
    timer_ops.start(session, Stamp.of(SystemClock()))
    make_store(tmp_path, session)
    start = terminal.startup(tmp_path, session.id, "Banc", runs=1)
    assert len(start["app_ms"]) == 1 and start["app_ms"][0] > 0 and start["bare_ms"][0] > 0
    idle = terminal.idle_cpu(tmp_path, session.id, "Banc", seconds=2, settle=1)
    assert idle["app_cpu_s"] > 0 and idle["bare_cpu_s"] > 0
    assert idle["app_writes"] >= 1 and idle["bare_writes"] >= 1  # both were ticking


def test_summary_gives_the_terminal_ratios_beside_their_baselines() -> None:
    figures = {
        "enter_20": {"app_ms": [30.0, 60.0], "bare_ms": [20.0, 30.0]},
        "startup_term": {"app_ms": [300.0], "bare_ms": [200.0]},
        "idle": {"seconds": 10.0, "app_cpu_s": 0.3, "bare_cpu_s": 0.2},
    }
    keys = terminal_keys(figures)
    assert keys["enter_ratio_p50_20"] == 1.8  # 45 / 25
    assert keys["enter_ratio_p99_20"] == 2.0  # 60 / 30
    assert keys["startup_ratio_1000"] == 1.5 and keys["idle_cpu_ratio"] == 1.5
    details = terminal_details(figures)
    assert details["enter_20_ms"]["bare_p50_ms"] == 25.0 and details["idle_cpu_percent"] == 3.0


# -- the fast save path the benchmark led to ------------------------------------


def test_an_op_that_raises_is_undone_without_copying_the_session(tmp_path: Path) -> None:
    session = build_session(5, people=3)
    store = make_store(tmp_path, session)
    with store.open(session.id) as handle:
        handle.apply(save.confirm_idea_op("gardée"))

        def broken(s: Session) -> None:
            s.ideas[0].text = "abîmée"
            s.ideas.pop()
            raise ValueError("refused")

        with pytest.raises(ValueError):
            handle.apply(broken)
        assert handle.session.ideas[0].text == session.ideas[0].text
        assert handle.session.ideas[-1].text == "gardée"
        assert not handle.unsaved
    assert store.load(session.id).ideas[-1].text == "gardée"


def test_an_op_that_raises_keeps_the_pending_unsaved_change(tmp_path: Path, monkeypatch) -> None:
    session = build_session(2, people=2)
    store = make_store(tmp_path, session)
    handle = store.open(session.id)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise SaveError(handle.path, OSError(28, "No space left on device"))

    monkeypatch.setattr(handle.file, "write", fail)
    with pytest.raises(SaveError):
        handle.apply(save.confirm_idea_op("en attente"))
    assert handle.unsaved
    with pytest.raises(ZeroDivisionError):
        handle.apply(lambda s: 1 / 0)
    assert handle.session.ideas[-1].text == "en attente"  # rebuilt with the pending op
    monkeypatch.undo()
    handle.flush()
    handle.close()
    assert store.load(session.id).ideas[-1].text == "en attente"


def test_saved_bytes_are_one_tinydb_document(tmp_path: Path) -> None:
    session = build_session(3, people=2)
    store = make_store(tmp_path, session)
    with store.open(session.id) as handle:
        handle.apply(save.confirm_idea_op("idée"))
        raw = handle.path.read_bytes()
    doc = json.loads(raw)
    assert list(doc) == ["session"] and list(doc["session"]) == ["1"]
    assert doc["session"]["1"]["ideas"][-1]["text"] == "idée"
    assert store.load(session.id).revision == doc["session"]["1"]["revision"]


# -- timer drift on a fake clock: exactly 0 over two hours -----------------------


def two_hour_session() -> Session:
    return Session(title="2 h", date=dt.date(2026, 11, 22), agenda=[Phase(title="P", minutes=120)])


def test_timer_display_is_the_true_second_for_two_hours_on_a_fake_clock() -> None:
    session = two_hour_session()
    clock = FakeClock()
    timer_ops.start(session, Stamp.of(clock))
    start = clock.monotonic()
    changes: list[tuple[float, str]] = []
    quarter = 0
    while quarter <= TWO_HOURS * 4:  # a tick every 0.25 s, like the app's
        now = clock.monotonic()
        shown = shown_clock(view(session, Stamp.of(clock)).phase)
        assert shown == clock_text(TWO_HOURS - quarter / 4), quarter
        if not changes or changes[-1][1] != shown:
            changes.append((now, shown))
        clock.advance(0.25)
        quarter += 1
    assert changes[0][1] == "2:00:00" and changes[-1][1] == "00:00"
    assert len(changes) == TWO_HOURS + 1

    def text_at(mono: float) -> str:
        wall = clock.now() + dt.timedelta(seconds=mono - clock.monotonic())
        return shown_clock(view(session, Stamp(wall, mono, clock.boot_id())).phase)

    # The benchmark's own drift arithmetic gives 0 on this run (checked each 10 min).
    for at, value in changes[1::600]:
        assert at - true_change(text_at, value, at) == pytest.approx(0, abs=1e-4)
    assert start + TWO_HOURS == pytest.approx(changes[-1][0])


async def test_timer_screen_shows_the_true_second_over_two_hours(tmp_path: Path) -> None:
    from sessions.storage.store import SessionStore

    clock = FakeClock()
    store = SessionStore(tmp_path, clock)
    session = two_hour_session()
    store.create(session)
    app = make_app(store, clock, session_ref=session.id, start_mode="timer")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.apply(lambda s: timer_ops.start(s, Stamp.of(app.clock)))
        elapsed = 0.0
        for step in (0.25, 0.5, 59.25, 600.0, 0.999, 1799.001, 3600.0, 1139.25, 0.75):
            clock.advance(step)
            elapsed += step
            app.tick()
            await pilot.pause()
            shown = str(app.screen.query_one("#digits", Digits).value)
            assert shown == clock_text(TWO_HOURS - elapsed), elapsed
    assert elapsed == pytest.approx(TWO_HOURS)
