"""Every figure of issues 7 and 17, each beside its baseline measured in the same run.

    python bench/run.py            # the human table
    python bench/run.py --json     # the table, then one JSON object on the last line
    python bench/run.py --quick    # a smoke run: 10 s drift, 5 Enters, 3 s idle, memory once,
                                   # 60 ideas typed
    python bench/run.py --idle-seconds 60 --enter-trials 100   # the issue's windows

The real-time timer run (60 s) goes on in its own process while the other
figures are measured. Issue 17's figures (Enter -> visible, start-up, idle
CPU) are read on a real pseudo-terminal (``bench/terminal.py``). A whole run
takes ~4 min on a machine at load 4-7 (~6.5 min at load ~11 before issue
17's speed work, when typing 500 ideas took 160 s of it; not yet timed on a
quiet one); ``--quick`` ~2.5 min loaded. Standard library plus the project
only. See ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import procs, terminal  # noqa: E402
from bench.domain import measure_domain  # noqa: E402
from bench.fixtures import build_session, make_store  # noqa: E402
from bench.report import machine, render_table  # noqa: E402
from bench.save import measure_saves  # noqa: E402
from bench.stats import median, ratio, rounded  # noqa: E402
from bench.undo import measure_undo  # noqa: E402

SIZES = (10, 100, 1000, 5000)
SAVE_SAMPLES = {10: 60, 100: 60, 1000: 200, 5000: 30}
TYPED_IDEAS = 500
QUICK_TYPED_IDEAS = 60
AHEAD_IDEAS = 60  # typed ahead: the keys of AHEAD ideas sent before the app took any
AHEAD = 10
DRIFT_SECONDS = 60.0
QUICK_DRIFT_SECONDS = 10.0
ENTER_SIZES = (20, 1000)
ENTER_TRIALS = 40  # Enters per size (p99 of 40 = the largest: it is the tail that is felt)
QUICK_ENTER_TRIALS = 5
IDLE_SECONDS = 10.0  # --idle-seconds 60 for the window
QUICK_IDLE_SECONDS = 3.0


def fresh_data(workdir: Path, name: str, ideas: int, timer: bool = False) -> tuple[Path, str]:
    """A data folder holding one session of ``ideas`` ideas; returns (folder, session id).

    ``timer``: the session's timer is running (started now, on the real clock).
    """
    folder = workdir / name
    session = build_session(ideas)
    if timer:
        from sessions.core.clock import SystemClock
        from sessions.timer import ops as timer_ops
        from sessions.timer.position import Stamp

        timer_ops.start(session, Stamp.of(SystemClock()))
    make_store(folder, session)
    return folder, session.id


def measure_terminal(args: argparse.Namespace, workdir: Path, log) -> dict[str, Any]:
    """The figures read on a pseudo-terminal: start-up, Enter -> visible, idle CPU."""
    title = "Banc"  # the fixtures' session title ("Banc d'essai"), before any typography
    found: dict[str, Any] = {}
    data, session_id = fresh_data(workdir, "term-1000", 1000)
    log("start-up to the first frame on a terminal, 1,000 ideas ...")
    found["startup_term"] = terminal.startup(data, session_id, title, runs=args.runs)
    for size in args.enter_sizes:
        log(f"Enter -> visible on a terminal, {size} ideas, {args.enter_trials} Enters ...")
        data, session_id = fresh_data(workdir, f"enter-{size}", size)
        found[f"enter_{size}"] = terminal.enter(data, session_id, title, size, args.enter_trials)
    log(f"idle CPU on F3, timer running, {args.idle_seconds:g} s ...")
    data, session_id = fresh_data(workdir, "idle", 1000, timer=True)
    found["idle"] = terminal.idle_cpu(data, session_id, title, args.idle_seconds)
    return found


def start_drift(workdir: Path, seconds: float) -> tuple[subprocess.Popen[str], float]:
    data, session_id = fresh_data(workdir, "drift", 1000)
    proc = subprocess.Popen(
        [sys.executable, str(procs.CHILD), "drift", str(data), session_id, str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=procs.child_env(),
        cwd=ROOT,
    )
    return proc, seconds


def finish_child(proc: subprocess.Popen[str], timeout: float) -> dict[str, Any]:
    out, err = proc.communicate(timeout=timeout)
    for line in out.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[6:])
    raise RuntimeError(f"the drift process gave no result:\n{err[-3000:]}")


def measure(args: argparse.Namespace, workdir: Path, log) -> dict[str, Any]:
    figures: dict[str, Any] = {"machine": machine(workdir)}
    drift_proc, drift_s = start_drift(workdir, args.drift_seconds)
    data, session_id = fresh_data(workdir, "main", 1000)

    log("start-up (process start to first frame) ...")
    figures["startup"] = procs.startup(data, session_id, runs=args.runs)
    log(f"peak memory, median of {args.memory_runs} ...")
    figures["memory"] = procs.peak_memory(data, session_id, runs=args.memory_runs)
    log("atelier status ...")
    figures["status"] = procs.status(data, session_id)
    log("saves ...")
    saves = {}
    for size in SIZES:
        saves[size] = measure_saves(size, SAVE_SAMPLES[size], workdir)
    figures["saves"] = saves
    log("domain (1,000 items x 60 participants) ...")
    figures["domain"] = measure_domain()
    log("undo: 200 recorded ideas at 1,000 ...")
    figures["undo"] = measure_undo()
    log(f"typing {args.typing} ideas ...")
    typing_data, typing_id = fresh_data(workdir, "typing", 1000)
    figures["typing"] = procs.run_child(
        "typing", str(typing_data), typing_id, str(args.typing), timeout=600
    )[1]
    log(f"typing ahead: {AHEAD_IDEAS} ideas, {AHEAD} a burst, atelier and a bare Input ...")
    ahead_data, ahead_id = fresh_data(workdir, "typing-ahead", 1000)
    figures["typing_ahead"] = procs.run_child(
        "typing", str(ahead_data), ahead_id, str(AHEAD_IDEAS), str(AHEAD), timeout=600
    )[1]
    figures["typing_ahead_bare"] = procs.run_child(
        "typing", "bare", str(AHEAD_IDEAS), str(AHEAD), timeout=600
    )[1]
    figures.update(measure_terminal(args, workdir, log))
    log(f"timer drift ({drift_s:g} s real time) ...")
    figures["drift"] = finish_child(drift_proc, timeout=drift_s + 120)
    return figures


def terminal_keys(f: dict[str, Any]) -> dict[str, Any]:
    """The ratios read on a pseudo-terminal (issue 17); null when a step was not run."""
    keys: dict[str, Any] = {}
    for name, fig in f.items():
        if name.startswith("enter_"):
            size = name.removeprefix("enter_")
            e = terminal.enter_summary(fig)
            keys[f"enter_ratio_p50_{size}"] = rounded(ratio(e["p50_ms"], e["bare_p50_ms"]))
            keys[f"enter_ratio_p99_{size}"] = rounded(ratio(e["p99_ms"], e["bare_p99_ms"]))
    start = f.get("startup_term")
    if start:
        app, bare = median(start["app_ms"]), median(start["bare_ms"])
        keys["startup_ratio_1000"] = rounded(ratio(app, bare))
    idle = f.get("idle")
    if idle:
        keys["idle_cpu_ratio"] = rounded(ratio(idle["app_cpu_s"], idle["bare_cpu_s"]))
    return keys


def terminal_details(f: dict[str, Any]) -> dict[str, Any]:
    details: dict[str, Any] = {}
    for name, fig in f.items():
        if name.startswith("enter_"):
            e = terminal.enter_summary(fig)
            details[f"{name}_ms"] = {k: rounded(v) for k, v in e.items()}
    start = f.get("startup_term")
    if start:
        details["startup_term_ms"] = rounded(median(start["app_ms"]))
        details["startup_term_bare_ms"] = rounded(median(start["bare_ms"]))
    idle = f.get("idle")
    if idle:
        wall = idle["seconds"]
        details["idle_cpu_percent"] = rounded(100 * idle["app_cpu_s"] / wall)
        details["idle_cpu_bare_percent"] = rounded(100 * idle["bare_cpu_s"] / wall)
        details["idle_seconds"] = rounded(wall, 1)
    return details


def summary(f: dict[str, Any]) -> dict[str, Any]:
    """The JSON object: the issue's keys first, then the details."""
    startup_app = median(f["startup"]["app_ms"])
    startup_bare = median(f["startup"]["bare_ms"])
    s1000 = f["saves"][1000]
    status_app = median(f["status"]["app_ms"])
    status_base = median(f["status"]["base_ms"])
    domain = f["domain"]
    parts = [domain["tally_rank_merge_ms"], domain["grid_ms"], domain["minutes_ms"]]
    domain_max = None if any(p is None for p in parts) else max(parts)
    by_size = {str(n): rounded(s.p50) for n, s in f["saves"].items()}
    small, big = f["saves"][100], f["saves"][5000]
    growth = ratio(big.p50 / small.p50, big.file_bytes / small.file_bytes)
    return {
        "startup_ratio": rounded(ratio(startup_app, startup_bare)),
        "save_p50_ms_1000": rounded(s1000.p50),
        "save_p99_ms_1000": rounded(s1000.p99),
        "save_ratio_1000": rounded(ratio(s1000.p50, s1000.raw_p50)),
        "save_ms_by_size": by_size,
        "domain_ms_max": rounded(domain_max) if domain_max is not None else None,
        "status_ratio": rounded(ratio(status_app, status_base)),
        "typing_dropped_keys": f["typing"]["dropped_keys"],
        "rss_ratio": rounded(ratio(f["memory"]["app_kb"], f["memory"]["bare_kb"])),
        "timer_drift_ms": rounded(f["drift"]["drift_max_ms"]),
        "grid_ms_5000": rounded(domain.get("grid_ms_5000")),
        "undo_kb_per_step_1000": rounded(f.get("undo", {}).get("undo_kb_per_step_1000")),
        **terminal_keys(f),
        "save_ratio_5000": rounded(ratio(big.p50, big.raw_p50)),
        "status_json_ratio": rounded(ratio(status_app, median(f["status"].get("json_ms", [])))),
        "memory_ratio_1000": rounded(ratio(f["memory"]["app_kb"], f["memory"]["bare_kb"])),
        # -- details ------------------------------------------------------
        "startup_ms": rounded(startup_app),
        "startup_bare_ms": rounded(startup_bare),
        "save_raw_ms_by_size": {str(n): rounded(s.raw_p50) for n, s in f["saves"].items()},
        "save_bytes_by_size": {str(n): s.file_bytes for n, s in f["saves"].items()},
        "save_growth_vs_file": rounded(growth),
        "domain_ms": {k: rounded(v) if v is not None else None for k, v in domain.items()},
        "undo": {k: rounded(v) for k, v in f.get("undo", {}).items()},
        "status_ms": rounded(status_app),
        "status_base_ms": rounded(status_base),
        "status_json_base_ms": rounded(median(f["status"].get("json_ms", []))),
        "rss_kb_runs": f["memory"].get("app_kb_runs"),
        "rss_bare_kb_runs": f["memory"].get("bare_kb_runs"),
        **terminal_details(f),
        "rss_kb": f["memory"]["app_kb"],
        "rss_bare_kb": f["memory"]["bare_kb"],
        "typing": {k: v for k, v in f["typing"].items() if k != "maxrss_kb"},
        "typing_ahead_dropped_keys": f["typing_ahead"]["dropped_keys"],
        "typing_ahead_bare_dropped_keys": f["typing_ahead_bare"]["dropped_keys"],
        "typing_ahead": {k: v for k, v in f["typing_ahead"].items() if k != "maxrss_kb"},
        "timer_drift_p50_ms": rounded(f["drift"]["drift_p50_ms"]),
        "timer_drift_seconds": f["drift"]["seconds"],
        "timer_drift_changes": f["drift"]["changes"],
        "machine": f["machine"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="end with one JSON object")
    parser.add_argument("--quick", action="store_true", help="a smoke run (short samples)")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (median, >= 5)")
    parser.add_argument("--typing", type=int, default=None, help="ideas typed (500; quick 60)")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (its disk is measured)")
    parser.add_argument("--enter-trials", type=int, default=None, help="Enters per size")
    parser.add_argument(
        "--enter-sizes",
        default=",".join(map(str, ENTER_SIZES)),
        help="ideas in the sessions typed into (e.g. 10,100,1000,5000 for cost against size)",
    )
    parser.add_argument(
        "--idle-seconds", type=float, default=None, help="idle CPU window (the issue's: 60)"
    )
    args = parser.parse_args(argv)
    args.drift_seconds = QUICK_DRIFT_SECONDS if args.quick else DRIFT_SECONDS
    if args.enter_trials is None:
        args.enter_trials = QUICK_ENTER_TRIALS if args.quick else ENTER_TRIALS
    if args.idle_seconds is None:
        args.idle_seconds = QUICK_IDLE_SECONDS if args.quick else IDLE_SECONDS
    args.enter_sizes = tuple(int(n) for n in args.enter_sizes.split(","))
    if args.typing is None:
        args.typing = QUICK_TYPED_IDEAS if args.quick else TYPED_IDEAS
    args.memory_runs = 1 if args.quick else 3
    workdir = Path(tempfile.mkdtemp(prefix="atelier-bench-", dir=args.dir))
    # The processes measured run from bytecode, as an installed app does (pip
    # compiles it at install; an editable checkout writes it on the first
    # run): compiled once into the work folder, never into the checkout.
    os.environ["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.monotonic()

    def log(text: str) -> None:
        print(f"[{time.monotonic() - began:5.1f} s] {text}", file=sys.stderr, flush=True)

    try:
        figures = measure(args, workdir, log)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = summary(figures)
    result["bench_seconds"] = round(time.monotonic() - began, 1)
    print(render_table(result))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
