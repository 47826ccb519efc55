"""The machine a run measured, and the human table of the figures."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

GOALS = {
    "startup_ratio": ("<=", 1.3),
    "save_p99_ms_1000": ("<=", 30),
    "save_ratio_1000": ("<=", 1.5),
    "save_growth_vs_file": ("<=", 1.0),
    "domain_ms_max": ("<=", 50),
    "status_ratio": ("<=", 1.5),
    "typing_dropped_keys": ("==", 0),
    "typing_ahead_dropped_keys": ("==", 0),
    "rss_ratio": ("<=", 1.5),
    "timer_drift_ms": ("<=", 100),
    # issue 17, read on a pseudo-terminal
    "enter_ratio_p50_20": ("<=", 1.5),
    "enter_ratio_p99_20": ("<=", 2.0),
    "enter_ratio_p50_1000": ("<=", 1.5),
    "enter_ratio_p99_1000": ("<=", 2.0),
    "startup_ratio_1000": ("<=", 1.5),
    "memory_ratio_1000": ("<=", 1.5),
    "idle_cpu_ratio": ("<=", 1.5),
    "save_ratio_5000": ("<=", 1.5),
    "status_json_ratio": ("<=", 2.0),
}


def _row(label: str, app: str, base: str, key: str, r: dict[str, Any]) -> tuple[str, ...]:
    return (label, app, base, key, _fmt(r.get(key)), _verdict(key, r.get(key)))


def terminal_rows(r: dict[str, Any]) -> list[tuple[str, ...]]:
    """Issue 17's figures: what a terminal shows, each beside its baseline of the same run."""
    rows = []
    for size in ("20", "1000"):
        e = r.get(f"enter_{size}_ms")
        if not e:
            continue
        for p in ("p50", "p99"):
            rows.append(
                _row(
                    f"Enter -> visible on a terminal, {size} ideas, {p} (ms)",
                    _fmt(e[f"{p}_ms"]),
                    _fmt(e[f"bare_{p}_ms"]) + " bare Input + list",
                    f"enter_ratio_{p}_{size}",
                    r,
                )
            )
    if "startup_term_ms" in r:
        rows.append(
            _row(
                "start-up to first frame on a terminal, 1,000 ideas (ms)",
                _fmt(r["startup_term_ms"]),
                _fmt(r["startup_term_bare_ms"]) + " bare app",
                "startup_ratio_1000",
                r,
            )
        )
    if "idle_cpu_percent" in r:
        rows.append(
            _row(
                f"idle CPU on F3, timer running, {r['idle_seconds']:g} s (% of a core)",
                _fmt(r["idle_cpu_percent"]),
                _fmt(r["idle_cpu_bare_percent"]) + " bare app, 1 s interval",
                "idle_cpu_ratio",
                r,
            )
        )
    rows.append(
        _row(
            "peak memory through every section, median of runs (MiB)",
            _fmt(r["rss_kb"] / 1024),
            _fmt(r["rss_bare_kb"] / 1024) + " bare app",
            "memory_ratio_1000",
            r,
        )
    )
    by_size = r["save_ms_by_size"]
    rows.append(
        _row(
            "save one idea at 5,000, p50 (ms)",
            _fmt(by_size.get("5000")),
            _fmt(r["save_raw_ms_by_size"].get("5000")) + " write+fsync+replace",
            "save_ratio_5000",
            r,
        )
    )
    rows.append(
        _row(
            "atelier status --json (ms)",
            _fmt(r["status_ms"]),
            _fmt(r.get("status_json_base_ms")) + " python -c 'import json'",
            "status_json_ratio",
            r,
        )
    )
    return rows


def _mount_of(path: Path) -> tuple[str, str]:
    """(file system type, device) of the mount holding ``path``."""
    best = ("?", "?", "")
    try:
        lines = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ("?", "?")
    target = str(path.resolve())
    for line in lines:
        device, mount, kind, *_ = line.split()
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) > len(best[2]):
            best = (kind, device, mount)
    return best[0], best[1]


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        return None
    return None


def machine(workdir: Path) -> dict[str, Any]:
    kind, device = _mount_of(workdir)
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {
        "cpus": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "textual": metadata.version("textual"),
        "pydantic": metadata.version("pydantic"),
        "disk": f"{kind} on {device}",
        "load_at_start": round(load, 2) if load is not None else None,
        "executable": sys.executable,
    }


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}{unit}"
    return f"{value}{unit}"


def _verdict(key: str, value: Any) -> str:
    if key not in GOALS or value is None:
        return ""
    op, goal = GOALS[key]
    ok = value <= goal if op == "<=" else value == goal
    return f"{op} {goal:g}  {'ok' if ok else 'MISSED'}"


def render_table(r: dict[str, Any]) -> str:
    """One line per figure: measured, baseline, ratio and goal."""
    d = r["domain_ms"]
    t = r["typing"]
    rows = [
        ("figure", "atelier", "baseline", "key", "value", "goal"),
        (
            "start-up to first frame, 1,000 items (ms)",
            _fmt(r["startup_ms"]),
            _fmt(r["startup_bare_ms"]) + " bare app",
            "startup_ratio",
            _fmt(r["startup_ratio"]),
            _verdict("startup_ratio", r["startup_ratio"]),
        ),
        (
            "save one idea at 1,000, p50 (ms)",
            _fmt(r["save_p50_ms_1000"]),
            _fmt(r["save_raw_ms_by_size"]["1000"]) + " write+fsync+replace",
            "save_ratio_1000",
            _fmt(r["save_ratio_1000"]),
            _verdict("save_ratio_1000", r["save_ratio_1000"]),
        ),
        (
            "save one idea at 1,000, p99 (ms)",
            _fmt(r["save_p99_ms_1000"]),
            "",
            "save_p99_ms_1000",
            _fmt(r["save_p99_ms_1000"]),
            _verdict("save_p99_ms_1000", r["save_p99_ms_1000"]),
        ),
        (
            "save cost growth 100 -> 5,000 ideas",
            "",
            "file size growth = 1",
            "save_growth_vs_file",
            _fmt(r["save_growth_vs_file"]),
            _verdict("save_growth_vs_file", r["save_growth_vs_file"]),
        ),
        (
            "tally+ranking+merge / grid / minutes (ms)",
            " / ".join(_fmt(d[k]) for k in ("tally_rank_merge_ms", "grid_ms", "minutes_ms")),
            _fmt(d["plain_tally_ms"]) + " plain sum",
            "domain_ms_max",
            _fmt(r["domain_ms_max"]),
            _verdict("domain_ms_max", r["domain_ms_max"]),
        ),
        (
            "undo memory per step, 1,000 ideas (KB)",
            _fmt(r["undo_kb_per_step_1000"]),
            _fmt(r["undo"].get("undo_kb_per_step_1000_snapshots")) + " whole-parts snapshot",
            "undo_kb_per_step_1000",
            _fmt(r["undo_kb_per_step_1000"]),
            "",
        ),
        (
            "atelier status --json (ms)",
            _fmt(r["status_ms"]),
            _fmt(r["status_base_ms"]) + " import pydantic, tinydb",
            "status_ratio",
            _fmt(r["status_ratio"]),
            _verdict("status_ratio", r["status_ratio"]),
        ),
        (
            f"typing {t['ideas_typed']} ideas ({t['keys']} keys)",
            f"{t['ideas_saved']} saved, {_fmt(t['key_ms'])} ms/key",
            f"{t['keys']} keys typed",
            "typing_dropped_keys",
            _fmt(r["typing_dropped_keys"]),
            _verdict("typing_dropped_keys", r["typing_dropped_keys"]),
        ),
        (
            f"typing ahead: {r['typing_ahead']['ideas_typed']} ideas, 10 a burst",
            f"{r['typing_ahead']['ideas_saved']} saved",
            f"bare Input: {r['typing_ahead_bare_dropped_keys']} keys lost",
            "typing_ahead_dropped_keys",
            _fmt(r["typing_ahead_dropped_keys"]),
            _verdict("typing_ahead_dropped_keys", r["typing_ahead_dropped_keys"]),
        ),
        (
            "peak memory (MiB)",
            _fmt(r["rss_kb"] / 1024),
            _fmt(r["rss_bare_kb"] / 1024) + " bare app",
            "rss_ratio",
            _fmt(r["rss_ratio"]),
            _verdict("rss_ratio", r["rss_ratio"]),
        ),
        (
            f"timer display drift over {r['timer_drift_seconds']:g} s (ms)",
            f"max {_fmt(r['timer_drift_ms'])}, p50 {_fmt(r['timer_drift_p50_ms'])}",
            "the true second",
            "timer_drift_ms",
            _fmt(r["timer_drift_ms"]),
            _verdict("timer_drift_ms", r["timer_drift_ms"]),
        ),
    ]
    rows += terminal_rows(r)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    sizes = "  ".join(
        f"{n}: {r['save_ms_by_size'][n]} ms ({r['save_bytes_by_size'][n] // 1024} KiB, "
        f"raw {r['save_raw_ms_by_size'][n]} ms)"
        for n in r["save_ms_by_size"]
    )
    m = r["machine"]
    lines += [
        "",
        f"save p50 by session size: {sizes}",
        f"machine: {m['cpus']} CPUs, {m['memory_gib']} GiB, Python {m['python']}, "
        f"textual {m['textual']}, disk {m['disk']}, load {m['load_at_start']}",
        f"whole run: {r.get('bench_seconds', '?')} s",
    ]
    return "\n".join(lines)
