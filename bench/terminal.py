"""Figures read on a real pseudo-terminal (``bench/term.py``): Enter -> visible, start-up, idle CPU.

Each runs atelier (the installed command line, ``atelier --data-dir D open
ID``) and a bare Textual app (``bench/bare_apps.py``) the same way, in a
120x40 pseudo-terminal with ``TERM=xterm-256color``, and reads what they
write. Runs of the app and of its baseline alternate so both see the same
load of the machine. Anything unexpected (a text never drawn, a process
that exits) raises: a bench step never falls back quietly.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Any

from bench.procs import ROOT, atelier_command, child_env
from bench.stats import median, percentile
from bench.term import Term

BARE = ROOT / "bench" / "bare_apps.py"
FIRST_FRAME_TIMEOUT = 60.0
# A text typed in the Input is drawn there too ("▊  text" in its tall border):
# the idea is visible when the text is drawn anywhere else (the list).
INPUT_EDGE = "▊  "


def atelier(data: Path, session_id: str) -> Term:
    argv = [*atelier_command(), "--data-dir", str(data), "open", session_id]
    return Term(argv, child_env(), ROOT)


def bare(*args: str) -> Term:
    return Term([sys.executable, str(BARE), *args], child_env(), ROOT)


def atelier_ready(term: Term, title: str) -> float:
    """The instant the session's first frame was written: its title and its footer."""
    return term.wait_for([title, "^p palette"], timeout=FIRST_FRAME_TIMEOUT)


def bare_ready(term: Term) -> float:
    return term.wait_for(["^p palette"], timeout=FIRST_FRAME_TIMEOUT)


# -- start-up ---------------------------------------------------------------


def startup(data: Path, session_id: str, title: str, runs: int) -> dict[str, Any]:
    """Process start to the first complete frame on the terminal (ms), alternated with the bare app.

    Complete: the bytes written so far hold the session's title and the
    footer's last key (``^p palette``), the bottom line of the screen.
    """
    app_ms: list[float] = []
    bare_ms: list[float] = []
    for run in range(runs + 1):  # the first pair untimed: bytecode, page cache
        with atelier(data, session_id) as term:
            app = (atelier_ready(term, title) - term.started) * 1000
        with bare("frame") as term:
            base = (bare_ready(term) - term.started) * 1000
        if run:
            app_ms.append(app)
            bare_ms.append(base)
    return {"app_ms": app_ms, "bare_ms": bare_ms}


# -- Enter -> visible -------------------------------------------------------


def type_text(term: Term, text: str, gap: float = 0.004) -> None:
    """One key at a time, as a fast typist (a single write of many keys is not typing)."""
    for char in text:
        term.send(char)
        time.sleep(gap)


def one_enter(term: Term, text: str) -> float:
    """Type ``text``, wait until the Input shows it, press Enter: ms until it is drawn elsewhere."""
    mark = term.mark()
    type_text(term, text)
    term.wait_for([text], mark, timeout=30)
    term.settle(quiet=0.08, longest=1.0)
    mark = term.mark()
    at = term.key("enter")
    elsewhere = re.compile(f"(?<!{re.escape(INPUT_EDGE)}){re.escape(text)}")
    return (term.wait_for([elsewhere], mark, timeout=30) - at) * 1000


def open_capture(term: Term, title: str) -> None:
    atelier_ready(term, title)
    term.settle(0.2, 5)
    mark = term.mark()
    term.key("f4")
    term.wait_for(["F8"], mark, timeout=30)  # the capture screen's own hint
    term.settle(0.2, 5)


def enter(data: Path, session_id: str, title: str, ideas: int, trials: int) -> dict[str, Any]:
    """``trials`` Enters into F4 on a session of ``ideas`` ideas, alternated with the bare app."""
    app_ms: list[float] = []
    bare_ms: list[float] = []
    with atelier(data, session_id) as app, bare("enter", str(ideas)) as base:
        open_capture(app, title)
        bare_ready(base)
        base.settle(0.2, 5)
        for i in range(trials + 2):  # the first two untimed (first draw of a new row)
            text = f"zq{i:03d} essai {ideas}"
            a = one_enter(app, text)
            b = one_enter(base, text)
            if i >= 2:
                app_ms.append(a)
                bare_ms.append(b)
    return {"ideas": ideas, "app_ms": app_ms, "bare_ms": bare_ms}


def enter_summary(fig: dict[str, Any]) -> dict[str, float]:
    app, base = fig["app_ms"], fig["bare_ms"]
    return {
        "p50_ms": median(app),
        "p99_ms": percentile(app, 99),
        "bare_p50_ms": median(base),
        "bare_p99_ms": percentile(base, 99),
    }


# -- idle CPU ---------------------------------------------------------------


def idle_cpu(
    data: Path, session_id: str, title: str, seconds: float, settle: float = 2.0
) -> dict[str, Any]:
    """CPU used over ``seconds`` by atelier idle on F3 with the timer running, and the bare app.

    Both run at the same time (same load); the timer was started in the
    file before the app opened. CPU share = CPU seconds / wall seconds.
    """
    with atelier(data, session_id) as app, bare("idle") as base:
        atelier_ready(app, title)
        bare_ready(base)
        app.settle(0.2, 5)
        app.key("f3")
        time.sleep(settle)  # the section drawn, the first ticks done
        begin = time.monotonic()
        marks = app.mark(), base.mark()
        app0, base0 = app.cpu_seconds(), base.cpu_seconds()
        time.sleep(seconds)
        wall = time.monotonic() - begin
        app_cpu, base_cpu = app.cpu_seconds() - app0, base.cpu_seconds() - base0
        _check_running(app, "atelier")
        _check_running(base, "the bare app")
        # Both must be ticking: the timer's digits and the bare clock change every second.
        writes = app.mark() - marks[0], base.mark() - marks[1]
        if seconds >= 2 and min(writes) < seconds / 2:
            raise RuntimeError(f"not ticking during the idle window (writes {writes})")
    return {
        "seconds": wall,
        "app_cpu_s": app_cpu,
        "bare_cpu_s": base_cpu,
        "app_writes": writes[0],
        "bare_writes": writes[1],
    }


def _check_running(term: Term, name: str) -> None:
    if term.proc.poll() is not None:
        raise RuntimeError(f"{name} exited during the idle window: {term.text()[-1500:]!r}")
