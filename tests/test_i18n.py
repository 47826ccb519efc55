"""The catalog is complete: FR and EN agree, and every key the code uses exists.

Scans the source with ``ast`` (no import of the screens needed): every
``Binding(...)`` description, every ``t("literal")`` key and every
``HELP_KEY = "..."`` in ``tui/`` and ``sessions/`` must be in the catalog, in
both languages.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

from sessions.i18n import keys, t
from sessions.i18n import messages as messages_pkg
from sessions.i18n.catalog import language_from_env, resolve_language
from sessions.i18n.formats import format_date, format_datetime, format_duration, format_time
from sessions.models.agenda import PhaseKind

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(info.name for info in pkgutil.iter_modules(messages_pkg.__path__))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("name", MODULES)
def test_each_message_module_has_the_same_keys_and_placeholders(name: str) -> None:
    module = importlib.import_module(f"{messages_pkg.__name__}.{name}")
    assert set(module.FR) == set(module.EN), (
        f"{name}: only in FR {sorted(set(module.FR) - set(module.EN))}, "
        f"only in EN {sorted(set(module.EN) - set(module.FR))}"
    )
    for key, fr in module.FR.items():
        en = module.EN[key]
        assert fr.strip() and en.strip(), f"{name}: {key} is empty"
        assert _placeholders(fr) == _placeholders(en), f"{name}: {key} placeholders differ"


def test_no_key_is_defined_by_two_modules() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for name in MODULES:
        module = importlib.import_module(f"{messages_pkg.__name__}.{name}")
        for key in module.FR:
            if key in owner:
                clashes.append(f"{key} ({owner[key]} and {name})")
            owner[key] = name
    assert not clashes, "keys defined twice: " + ", ".join(clashes)


def _sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _used_keys(paths: list[Path]) -> dict[str, set[str]]:
    """{kind: {"file:line key"}} for bindings, t() calls and HELP_KEY values."""
    found: dict[str, set[tuple[str, str]]] = {"binding": set(), "t": set(), "help": set()}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name == "Binding":
                    desc = node.args[2] if len(node.args) > 2 else None
                    for kw in node.keywords:
                        if kw.arg == "description":
                            desc = kw.value
                    value = _literal(desc)
                    if value:
                        found["binding"].add((f"{where}:{node.lineno}", value))
                elif name == "t" and node.args:
                    value = _literal(node.args[0])
                    if value is not None:
                        found["t"].add((f"{where}:{node.lineno}", value))
            elif isinstance(node, ast.Assign):
                targets = [getattr(target, "id", "") for target in node.targets]
                value = _literal(node.value)
                if "HELP_KEY" in targets and value:
                    found["help"].add((f"{where}:{node.lineno}", value))
    return found  # type: ignore[return-value]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_key_used_in_the_code_is_in_the_catalog(lang: str) -> None:
    known = keys(lang)
    used = _used_keys(_sources("tui", "sessions"))
    missing = sorted(
        f"{kind}: {where} {key}"
        for kind, pairs in used.items()
        for where, key in pairs
        if key not in known
    )
    assert not missing, f"missing in {lang}:\n" + "\n".join(missing)
    assert used["binding"], "the scan found no Binding at all"


def test_t_calls_pass_every_placeholder_of_their_message() -> None:
    """``t("k", a=1)`` for a message with ``{a}`` and ``{b}`` would raise KeyError."""
    from sessions.i18n.catalog import _load

    tables = _load()
    problems = []
    for path in _sources("tui", "sessions"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t"):
                continue
            key = _literal(node.args[0]) if node.args else None
            if key is None or any(kw.arg is None for kw in node.keywords):
                continue
            given = {kw.arg for kw in node.keywords}
            for lang in ("fr", "en"):
                text = tables[lang].get(key)
                if text is None:
                    continue
                needed = _placeholders(text)
                if given and not needed <= given:
                    problems.append(
                        f"{path.relative_to(ROOT)}:{node.lineno} {key} {needed - given}"
                    )
                if not given and needed:
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno} {key} shows {needed}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_scan_sees_bindings_of_every_screen_file() -> None:
    used = _used_keys(_sources("tui"))
    files = {where.split(":")[0] for where, _ in used["binding"]}
    assert "tui/screens/home.py" in files
    assert "tui/presentation.py" in files


def test_keys_built_at_run_time_exist() -> None:
    from tui.sections import SECTIONS

    for lang in ("fr", "en"):
        known = keys(lang)
        for section in SECTIONS:
            assert section.title_key in known
        for kind in PhaseKind:
            assert f"kind.{kind.value}" in known
        for role in ("animateur", "second_animateur", "rapporteur"):
            assert f"role.{role}" in known


def test_help_method_text_for_every_section() -> None:
    from sessions.models.grid import GridKind
    from tui.sections import SECTIONS

    for lang in ("fr", "en"):
        for section in SECTIONS:
            if section.mode == "grid":  # F6 speaks of the grid in use
                for kind in GridKind:
                    assert f"help.method.grid.{kind.value}" in keys(lang)
                    assert f"help.grid.{kind.value}" in keys(lang)
                continue
            assert f"help.method.{section.mode}" in keys(lang)


def test_t_formats_and_falls_back() -> None:
    assert t("key.quit", "en") == "Quit"
    assert t("key.quit", "fr") == "Quitter"
    assert t("no.such.key") == "no.such.key"
    assert "3" in t("strip.phase", "en", n=3, total=4, title="x", minutes="5")


def test_language_from_the_environment() -> None:
    assert language_from_env({}) == "fr"
    assert language_from_env({"LANG": "C.UTF-8"}) == "fr"
    assert language_from_env({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert language_from_env({"LANG": "en_GB.UTF-8"}) == "en"
    assert language_from_env({"LANG": "fr_FR.UTF-8", "LC_ALL": "de_DE.UTF-8"}) == "en"
    assert resolve_language("en", "fr", {}) == "en"
    assert resolve_language(None, "en", {"LANG": "fr_FR"}) == "en"


def test_dates_and_times_in_each_language() -> None:
    day = dt.date(2026, 11, 22)
    assert format_date(day, "fr") == "22 novembre 2026"
    assert format_date(day, "en") == "22 November 2026"
    assert format_date(dt.date(2026, 8, 1), "fr") == "1er août 2026"
    assert format_date(day, "fr", weekday=True) == "dimanche 22 novembre 2026"
    assert format_date(day, "en", weekday=True) == "Sunday, 22 November 2026"
    moment = dt.time(9, 5, 7)
    assert format_time(moment, "fr") == "9 h 05"
    assert format_time(moment, "en") == "09:05"
    assert format_time(moment, "en", seconds=True) == "09:05:07"
    naive = dt.datetime(2026, 11, 22, 14, 5)
    assert format_datetime(naive, "fr") == "22 novembre 2026 à 14 h 05"
    assert format_datetime(naive, "en") == "22 November 2026, 14:05"
    assert format_duration(45 * 60) == "45 min"
    assert format_duration(65 * 60) == "1 h 05 min"
    assert format_duration(30) == "30 s"
    assert format_duration(-120) == "-2 min"


def test_format_uses_the_current_language_by_default() -> None:
    from sessions.i18n import set_language

    set_language("en")
    assert format_date(dt.date(2026, 3, 2)) == "2 March 2026"
    set_language("fr")
    assert format_date(dt.date(2026, 3, 2)) == "2 mars 2026"
