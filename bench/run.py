"""Every figure of issue 7, each beside its baseline measured in the same run.

    python bench/run.py            # the human table
    python bench/run.py --json     # the table, then one JSON object on the last line
    python bench/run.py --quick    # a 10 s timer-drift sample instead of 60 s

The real-time timer run (60 s) goes on in its own process while the other
figures are measured, so the whole run stays near a minute on two cores.
Standard library plus the project only. See ``docs/benchmarks.md``.
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

from bench import procs  # noqa: E402
from bench.domain import measure_domain  # noqa: E402
from bench.fixtures import build_session, make_store  # noqa: E402
from bench.report import machine, render_table  # noqa: E402
from bench.save import measure_saves  # noqa: E402
from bench.stats import median, ratio, rounded  # noqa: E402
from bench.undo import measure_undo  # noqa: E402

SIZES = (10, 100, 1000, 5000)
SAVE_SAMPLES = {10: 60, 100: 60, 1000: 200, 5000: 30}
TYPED_IDEAS = 500
AHEAD_IDEAS = 60  # typed ahead: the keys of AHEAD ideas sent before the app took any
AHEAD = 10
DRIFT_SECONDS = 60.0
QUICK_DRIFT_SECONDS = 10.0


def fresh_data(workdir: Path, name: str, ideas: int) -> tuple[Path, str]:
    """A data folder holding one session of ``ideas`` ideas; returns (folder, session id)."""
    folder = workdir / name
    session = build_session(ideas)
    make_store(folder, session)
    return folder, session.id


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
    log("peak memory ...")
    figures["memory"] = procs.peak_memory(data, session_id)
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
    log(f"timer drift ({drift_s:g} s real time) ...")
    figures["drift"] = finish_child(drift_proc, timeout=drift_s + 120)
    return figures


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
    parser.add_argument("--quick", action="store_true", help="a 10 s timer-drift sample")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (median, >= 5)")
    parser.add_argument("--typing", type=int, default=TYPED_IDEAS, help="ideas typed")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (its disk is measured)")
    args = parser.parse_args(argv)
    args.drift_seconds = QUICK_DRIFT_SECONDS if args.quick else DRIFT_SECONDS
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
