"""No import cycle inside ``tui/`` or ``sessions/`` (issue 13).

A static walk of every ``import`` statement with ``ast`` - at module level or
inside a function, since a deferred import is still a cycle waiting for the
day someone hoists it - builds the graph of our modules; an import under
``if TYPE_CHECKING:`` runs for the type checker only and is left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("sessions", "tui")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST, typing_too: bool = False) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, except those in the body of ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []

    def walk(node: ast.AST) -> None:
        if not typing_too and isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                walk(child)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            walk(child)

    walk(tree)
    return found


def imported_modules(name: str, path: Path, known: set[str], typing_too: bool = False) -> set[str]:
    """Our modules that ``name`` imports at run time (and for the type checker: ``typing_too``)."""
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in _runtime_imports(tree, typing_too):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from a.b import c``: c is a module of ours or a name defined in a.b.
            candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for candidate in candidates:
            if candidate in known:
                targets.add(candidate)
    # A module's own packages are initialised before it runs; importing a name
    # from one of them (``from tui.cli import commands`` in ``tui.cli.main``) is
    # no cycle.
    parts = name.split(".")
    targets -= {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return targets


def import_graph(typing_too: bool = False) -> dict[str, set[str]]:
    modules = all_modules()
    known = set(modules)
    return {name: imported_modules(name, path, known, typing_too) for name, path in modules.items()}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return components


def test_the_walk_sees_a_cycle_when_there_is_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_type_checking_imports_are_not_edges(tmp_path: Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "import sessions.models\n"
        "if TYPE_CHECKING:\n"
        "    from tui.app import AtelierApp\n"
        "def later():\n"
        "    from tui.screens import timer\n"
    )
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    known = {"sessions.models", "tui.app", "tui.screens", "tui.screens.timer"}
    assert imported_modules("tui.x", path, known) == {
        "sessions.models",
        "tui.screens",
        "tui.screens.timer",
    }


def test_no_import_cycle_in_tui_or_sessions() -> None:
    graph = import_graph()
    assert len(graph) > 100  # the walk found the code
    assert "sessions.vote.ranking" in graph["sessions.vote.envelope"]
    cycles = find_cycles(graph)
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_the_two_named_cycles_are_gone_even_for_the_type_checker() -> None:
    """``app`` <-> ``signals`` was a TYPE_CHECKING import; ``signals`` now types a Protocol."""
    graph = import_graph(typing_too=True)
    assert "tui.app" not in graph["tui.signals"]
    assert "tui.screens.timer" not in graph["tui.screens.agenda_editor"]
    tangled = {m for cycle in find_cycles(graph) for m in cycle}
    assert not tangled & {
        "tui.app",
        "tui.signals",
        "tui.screens.agenda_editor",
        "tui.screens.timer",
    }


def test_the_parts_migration_gives_what_the_built_in_templates_declare() -> None:
    """The models migrate ``parts`` from a frozen table rather than importing the catalog.

    If a template changes its ``[parts]`` one day, the table stays as it is (a migration
    is frozen with its schema): leave that template out of this check, do not edit the table.
    """
    from sessions.agenda.catalog import builtin_parts, builtin_templates
    from sessions.models.format_parts import add_format_parts

    names = [template.name for template in builtin_templates()]
    assert len(names) >= 7
    # Since schema 9 these two give more sheet kinds (conclusion, sous_theme): left out.
    changed = {"divergence-convergence", "atelier-thematique"}
    for name in [*(n for n in names if n not in changed), "unknown", None]:
        doc = add_format_parts({"template": name})
        assert doc["parts"] == builtin_parts(name if isinstance(name, str) else ""), name
    kept = {"template": "offre-existante", "parts": {"top": 3}}
    assert add_format_parts(dict(kept))["parts"] == {"top": 3}
