"""Mutation testing for one module or package of ``sessions/`` (stdlib only).

    .venv/bin/python scripts/mutate.py sessions/timer/ops.py --sample 50 --seed 1
    .venv/bin/python scripts/mutate.py sessions/storage --sample 50
    .venv/bin/python scripts/mutate.py sessions/vote/envelope.py --list        # the mutants, no run

Each mutant is one small change to the source - a flipped comparison, a changed
constant, a deleted statement, a negated condition, ``and``/``or`` or ``+``/``-``
swapped, an integer off by one - made in a temporary copy of the repository (the
work tree is never touched). The tests that import the module (found by reading
the imports of ``tests/**/*.py``, or given with ``--tests``) run against it with
``-x``: a failing run kills the mutant, a passing one lets it survive, a run past
the timeout counts apart (detected too: the suite would hang). Survivors are
printed as ``#number file:line`` with their diff (``--only`` re-runs chosen ones):
each is a behaviour no test checks, or an equivalent mutant (no behaviour changed).

A line ending in ``# pragma: no mutate`` is left alone. Not part of the default
test run: it takes minutes per module. Results and how to read them:
docs/testing.md.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutants import Mutant, diff, find_mutants, sample

__all__ = [
    "Mutant",
    "covering_tests",
    "diff",
    "find_mutants",
    "main",
    "run_tests",
    "sample",
]

ROOT = Path(__file__).resolve().parent.parent
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
    "*.egg-info",
)


# -- which tests ---------------------------------------------------------------


def module_name(path: Path, root: Path) -> str:
    rel = path.resolve().relative_to(root.resolve()).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(test_file: Path) -> set[str]:
    try:
        tree = ast.parse(test_file.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError):
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def covering_tests(modules: list[str], root: Path) -> list[Path]:
    """The test files that import one of ``modules`` (helpers count for the tests beside them)."""
    wanted = set(modules)
    out = []
    for test in sorted((root / "tests").rglob("*.py")):
        if not imported_modules(test) & wanted:
            continue
        if test.name.startswith("test_"):
            out.append(test)
        else:  # a helper module: the tests of its folder use it
            out.extend(p for p in sorted(test.parent.glob("test_*.py")) if p not in out)
    return sorted(set(out))


# -- running ---------------------------------------------------------------------


def run_tests(work: Path, tests: list[str], timeout: float, extra: list[str]) -> tuple[str, float]:
    """``passed``, ``failed`` or ``timeout``, and the seconds it took."""
    env = dict(os.environ, PYTHONPATH=str(work), PYTHONDONTWRITEBYTECODE="1")
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        *extra,
        *tests,
    ]
    began = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=_nice,  # the tests run at low priority: the machine stays usable
    )
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return "timeout", time.monotonic() - began
    return ("passed" if code == 0 else "failed"), time.monotonic() - began


def _nice() -> None:
    if hasattr(os, "nice"):
        os.nice(10)


def _imports_from(work: Path, module: str) -> bool:
    """Whether ``module`` is imported from the copy (not from an installed work tree)."""
    code = f"import importlib, sys; print(importlib.import_module({module!r}).__file__)"
    env = dict(os.environ, PYTHONPATH=str(work), PYTHONDONTWRITEBYTECODE="1")
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=work, env=env, capture_output=True, text=True
    )
    return out.returncode == 0 and Path(out.stdout.strip()).resolve().is_relative_to(work)


def mutate_file(work, rel, source, picked, tests, timeout, extra) -> dict[str, list[Mutant]]:
    """Run ``tests`` in ``work`` against each mutant of ``rel``: mutants by outcome."""
    outcomes: dict[str, list[Mutant]] = {"killed": [], "survived": [], "timeout": []}
    copy = work / rel
    try:
        for i, m in enumerate(picked, 1):
            copy.write_text(m.apply(source), encoding="utf-8")
            status, _ = run_tests(work, tests, timeout, extra)
            outcome = {"passed": "survived", "failed": "killed"}.get(status, status)
            outcomes[outcome].append(m)
            print(
                f"   [{i}/{len(picked)}] #{m.number} {rel}:{m.line} {m.kind}: {outcome}",
                flush=True,
            )
    finally:
        copy.write_text(source, encoding="utf-8")
    return outcomes


def _report(rel: Path, source: str, outcomes: dict[str, list[Mutant]]) -> None:
    done = sum(len(v) for v in outcomes.values())
    killed, timeout = len(outcomes["killed"]), len(outcomes["timeout"])
    print(
        f"   {rel}: killed {killed}, timeout {timeout}, survived {len(outcomes['survived'])} "
        f"of {done}: {100.0 * (killed + timeout) / done:.0f}% detected"
    )
    for outcome in ("survived", "timeout"):
        for m in outcomes[outcome]:
            print(f"\n#{m.number} {rel}:{m.line} [{m.kind}] {outcome}")
            print(_indent(diff(source, m, str(rel))), end="")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", help="a module (sessions/vote/envelope.py) or a package")
    parser.add_argument("--sample", type=int, default=50, help="mutants per module (0: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tests", nargs="*", help="test files (default: those importing it)")
    parser.add_argument("--timeout", type=float, help="seconds per mutant (3x baseline + 10)")
    parser.add_argument("--only", help="run only these mutants of the sample: 12,40 (their #)")
    parser.add_argument("--list", action="store_true", help="print the mutants, run nothing")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--pytest-args", default="-n 0 -m 'not soak'", help="extra pytest options")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    target = (Path.cwd() / args.target).resolve()
    files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
    extra = shlex.split(args.pytest_args)

    plans = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        mutants = find_mutants(source)
        picked = sample(mutants, args.sample, args.seed)
        if args.only:
            numbers = {int(n) for n in re.findall(r"[0-9]+", args.only)}
            picked = [m for m in picked if m.number in numbers]
        plans.append((path, source, mutants, picked))
    if args.list:
        for path, source, everything, picked in plans:
            rel = path.relative_to(root)
            print(f"{rel}: {len(picked)} of {len(everything)} mutants")
            for m in picked:
                print(
                    f"  #{m.number} {rel}:{m.line} [{m.kind}]\n{_indent(diff(source, m, str(rel)))}"
                )
        return 0

    totals = {"killed": 0, "survived": 0, "timeout": 0}
    with tempfile.TemporaryDirectory(prefix="mutate-") as tmp:
        work = Path(tmp, "repo").resolve()
        shutil.copytree(root, work, ignore=COPY_IGNORE)
        for path, source, everything, picked in plans:
            rel = path.relative_to(root)
            modules = [module_name(path, root)]
            if path.name == "__init__.py":
                modules.append(module_name(path.parent, root))
            tests = args.tests or [str(p.relative_to(root)) for p in covering_tests(modules, root)]
            print(f"== {rel}: {len(picked)} of {len(everything)} mutants; tests: {' '.join(tests)}")
            if not tests or not picked:
                print("   nothing to run")
                continue
            if not _imports_from(work, modules[0]):
                print(f"   {modules[0]} is not imported from the copy {work}: stopped")
                return 2
            status, base = run_tests(work, tests, 3600, extra)
            if status != "passed":
                print(f"   the tests fail without any mutant ({status}): fix them first")
                return 2
            timeout = args.timeout or 3 * base + 10
            print(
                f"   baseline {base:.1f}s, timeout {timeout:.0f}s per mutant",
                flush=True,
            )
            outcomes = mutate_file(work, rel, source, picked, tests, timeout, extra)
            _report(rel, source, outcomes)
            for key in totals:
                totals[key] += len(outcomes[key])
    if len(plans) > 1:
        done = sum(totals.values())
        pct = 100.0 * (totals["killed"] + totals["timeout"]) / done if done else 0.0
        print(f"\nall: killed {totals['killed']}, timeout {totals['timeout']}, ", end="")
        print(f"survived {totals['survived']} of {done}: {pct:.0f}% detected")
    return 0


def _indent(text: str) -> str:
    return "".join(f"    {line}" for line in text.splitlines(keepends=True))


if __name__ == "__main__":
    sys.exit(main())
