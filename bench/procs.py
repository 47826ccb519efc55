"""Figures measured on whole processes: start-up, peak memory, ``atelier status``.

Each figure runs the app and its baseline alternately (app, baseline, app,
...) so that both see the same load of the machine, and keeps the median.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.stats import median

ROOT = Path(__file__).resolve().parents[1]
CHILD = ROOT / "bench" / "child.py"


def child_env() -> dict[str, str]:
    """The children's environment: no devtools, French, and bytecode kept out of the checkout.

    ``bench/run.py`` points ``PYTHONPYCACHEPREFIX`` at its work folder, so the
    measured processes run from bytecode like an installed app; without it
    (a child started alone) nothing is written.
    """
    env = dict(os.environ)
    env.pop("TEXTUAL", None)  # no devtools
    if "PYTHONPYCACHEPREFIX" not in env:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.setdefault("LANG", "fr_FR.UTF-8")
    return env


def run_child(*args: str, timeout: float = 60) -> tuple[float, dict[str, Any]]:
    """Start ``bench/child.py ARGS``; returns (monotonic start, its BENCH result)."""
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env(),
        cwd=ROOT,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH "):
            result = json.loads(line[6:])
            if "error" in result:
                raise RuntimeError(f"{args[0]}: {result['error']}\n{proc.stderr[-2000:]}")
            return start, result
    raise RuntimeError(f"{args[0]} gave no result (exit {proc.returncode}):\n{proc.stderr[-3000:]}")


def startup(data: Path, session_id: str, runs: int = 5) -> dict[str, Any]:
    """Process start to first frame, atelier on the session against the bare app (ms)."""
    app_ms: list[float] = []
    bare_ms: list[float] = []
    run_child("atelier-frame", str(data), session_id)  # untimed: compiles the bytecode
    run_child("bare-frame")
    for _ in range(runs):
        start, result = run_child("atelier-frame", str(data), session_id)
        app_ms.append((result["frame"] - start) * 1000)
        start, result = run_child("bare-frame")
        bare_ms.append((result["frame"] - start) * 1000)
    return {"app_ms": app_ms, "bare_ms": bare_ms}


def peak_memory(data: Path, session_id: str, runs: int = 3) -> dict[str, Any]:
    """Peak resident memory (KiB), median of ``runs``: atelier through every section, bare app."""
    app_kb: list[float] = []
    bare_kb: list[float] = []
    for _ in range(runs):
        app_kb.append(run_child("atelier-rss", str(data), session_id)[1]["maxrss_kb"])
        bare_kb.append(run_child("bare-rss")[1]["maxrss_kb"])
    return {
        "app_kb": median(app_kb),
        "bare_kb": median(bare_kb),
        "app_kb_runs": app_kb,
        "bare_kb_runs": bare_kb,
    }


def atelier_command() -> list[str]:
    """How a status bar runs atelier: the installed script, else ``python -m tui``."""
    script = Path(sys.executable).with_name("atelier")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def timed_run(argv: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=child_env(), cwd=ROOT)
    elapsed = (time.perf_counter() - start) * 1000
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return elapsed


def status(data: Path, session_id: str, runs: int = 7) -> dict[str, Any]:
    """``atelier status SESSION --json`` against ``python -c "import pydantic, tinydb"`` (ms).

    And against ``python -c "import json"`` (``json_ms``), issue 17's baseline.
    """
    app = [*atelier_command(), "--data-dir", str(data), "status", session_id, "--json"]
    base = [sys.executable, "-c", "import pydantic, tinydb"]
    plain = [sys.executable, "-c", "import json"]
    timed_run(app)  # once to warm the page cache and check that it works
    app_ms: list[float] = []
    base_ms: list[float] = []
    json_ms: list[float] = []
    for _ in range(runs):
        app_ms.append(timed_run(app))
        base_ms.append(timed_run(base))
        json_ms.append(timed_run(plain))
    return {"app_ms": app_ms, "base_ms": base_ms, "json_ms": json_ms}
