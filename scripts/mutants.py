"""The mutants of a module, made from its syntax tree (stdlib only; used by scripts/mutate.py).

Each ``Mutant`` replaces one span of the source with a small wrong variant:
a comparison flipped or negated, a condition negated, ``and``/``or``, ``+``/``-``,
``*``/``/`` swapped, ``not`` or a minus dropped, an integer off by one, a
constant changed, a statement deleted. Docstrings, imports, annotations,
f-strings, ``if TYPE_CHECKING:`` blocks and lines ending in
``# pragma: no mutate`` are left alone; every mutant compiles.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import random
import re
from dataclasses import dataclass

PRAGMA = "pragma: no mutate"

# One mutant per operator: the boundary moved, or the test negated.
COMPARE_SWAP = {
    ast.Lt: ("<", "<="),
    ast.LtE: ("<=", "<"),
    ast.Gt: (">", ">="),
    ast.GtE: (">=", ">"),
    ast.Eq: ("==", "!="),
    ast.NotEq: ("!=", "=="),
    ast.In: ("in", "not in"),
    ast.NotIn: ("not in", "in"),
    ast.Is: ("is", "is not"),
    ast.IsNot: ("is not", "is"),
}
BINOP_SWAP = {
    ast.Add: ("+", "-"),
    ast.Sub: ("-", "+"),
    ast.Mult: ("*", "/"),
    ast.Div: ("/", "*"),
    ast.FloorDiv: ("//", "/"),
    ast.Mod: ("%", "//"),
}


@dataclass(frozen=True)
class Mutant:
    """Replace ``source[start:end]`` (character offsets) with ``text``."""

    line: int
    kind: str
    start: int
    end: int
    text: str
    number: int = 0  # 1-based, in source order among all the module's mutants

    def apply(self, source: str) -> str:
        return source[: self.start] + self.text + source[self.end :]


class _Finder(ast.NodeVisitor):
    def __init__(self, source: str) -> None:
        self.source = source
        starts = [0]
        for line in source.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        self._line_starts = starts
        self._lines = source.splitlines()
        self.mutants: list[Mutant] = []

    # -- positions -----------------------------------------------------------

    def offset(self, line: int, col: int) -> int:
        """Character offset of an ast (line, utf-8 byte column) position."""
        text = self._lines[line - 1] if line - 1 < len(self._lines) else ""
        return self._line_starts[line - 1] + len(text.encode()[:col].decode(errors="replace"))

    def span(self, node: ast.AST) -> tuple[int, int]:
        return (
            self.offset(node.lineno, node.col_offset),
            self.offset(node.end_lineno, node.end_col_offset),
        )

    def add(self, node: ast.AST, kind: str, start: int, end: int, text: str) -> None:
        if PRAGMA in self._lines[node.lineno - 1]:
            return
        if self.source[start:end] == text:
            return
        self.mutants.append(Mutant(node.lineno, kind, start, end, text))

    def add_op(
        self,
        node: ast.AST,
        kind: str,
        left: ast.AST,
        right: ast.AST,
        old: str,
        new: str,
    ):
        """Swap the operator written between ``left`` and ``right``."""
        start, end = self.span(left)[1], self.span(right)[0]
        gap = self.source[start:end]
        pattern = r"\b" + re.escape(old) + r"\b" if old[0].isalpha() else re.escape(old)
        if old in ("<", ">"):
            pattern = re.escape(old) + r"(?![=<>])"
        if old == "/":
            pattern = r"(?<!/)/(?!/)"
        if old == "in":
            pattern = r"(?<!not )\bin\b"
        if old == "is":
            pattern = r"\bis\b(?! not)"
        if old == "-":
            pattern = r"-(?!=)"
        match = re.search(pattern, gap)
        if match:
            a, b = start + match.start(), start + match.end()
            self.add(node, kind, a, b, new)

    # -- what is skipped -----------------------------------------------------

    def visit_Import(self, node: ast.Import) -> None:
        return

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        return

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        return  # f-strings: messages and keys, positions unreliable inside

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:  # a bare annotation declares a field: left alone
            self._delete(node)
            self.visit(node.value)

    def visit_arguments(self, node: ast.arguments) -> None:
        for default in node.defaults + [d for d in node.kw_defaults if d is not None]:
            self.visit(default)

    def _body(self, body: list[ast.stmt]) -> None:
        for i, stmt in enumerate(body):
            if i == 0 and _is_docstring(stmt):
                continue
            self.visit(stmt)

    def visit_Module(self, node: ast.Module) -> None:
        self._body(node.body)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._body(node.body)
        for deco in node.decorator_list:
            self.visit(deco)
        self.visit(node.args)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._body(node.body)

    def visit_If(self, node: ast.If) -> None:
        if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return
        self._negate(node.test)
        self.generic_visit(node)

    # -- mutants -------------------------------------------------------------

    def _negate(self, test: ast.expr) -> None:
        start, end = self.span(test)
        self.add(test, "negate", start, end, f"not ({self.source[start:end]})")

    def _delete(self, stmt: ast.stmt) -> None:
        start, end = self.span(stmt)
        self.add(stmt, "delete", start, end, "pass")

    def visit_While(self, node: ast.While) -> None:
        self._negate(node.test)
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self._negate(node.test)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        for cond in node.ifs:
            self._negate(cond)
        self.generic_visit(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        return

    def visit_Expr(self, node: ast.Expr) -> None:
        if not isinstance(node.value, ast.Constant):
            self._delete(node)
        self.generic_visit(node)

    def _visit_deletable(self, node: ast.stmt) -> None:
        self._delete(node)
        self.generic_visit(node)

    visit_Assign = visit_AugAssign = visit_Raise = visit_Return = _visit_deletable
    visit_Delete = visit_Continue = visit_Break = _visit_deletable

    def visit_Compare(self, node: ast.Compare) -> None:
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            swap = COMPARE_SWAP.get(type(op))
            if swap:
                self.add_op(node, "compare", left, right, *swap)
            left = right
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        # Every operator of the chain at once: ``a or b or c`` -> ``a and b and c``.
        old, new = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
        start, end = self.span(node)
        pieces, at = [], start
        for left, right in zip(node.values, node.values[1:], strict=False):
            gap_start, gap_end = self.span(left)[1], self.span(right)[0]
            gap = self.source[gap_start:gap_end]
            pieces += [self.source[at:gap_start], re.sub(rf"\b{old}\b", new, gap)]
            at = gap_end
        pieces.append(self.source[at:end])
        self.add(node, "and/or", start, end, "".join(pieces))
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        swap = BINOP_SWAP.get(type(node.op))
        if swap and not _is_str_format(node):
            self.add_op(node, "arith", node.left, node.right, *swap)
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not | ast.USub):
            start, end = self.span(node)
            operand = self.span(node.operand)
            self.add(node, "unary", start, end, self.source[operand[0] : operand[1]])
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        value = node.value
        start, end = self.span(node)
        if isinstance(value, bool):
            self.add(node, "constant", start, end, str(not value))
        elif isinstance(value, int):
            self.add(node, "off-by-one", start, end, str(value + 1))
            if value != 0:
                self.add(node, "off-by-one", start, end, str(value - 1))
        elif isinstance(value, float):
            self.add(node, "constant", start, end, repr(value + 1.0))
        elif isinstance(value, str) and value:
            self.add(node, "constant", start, end, repr("XX" + value + "XX"))


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _is_str_format(node: ast.BinOp) -> bool:
    return isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant | ast.JoinedStr)


def find_mutants(source: str) -> list[Mutant]:
    """Every mutant of ``source`` that still compiles, in source order."""
    finder = _Finder(source)
    finder.visit(ast.parse(source))
    out = []
    seen = set()
    for m in finder.mutants:
        key = (m.start, m.end, m.text)
        if key in seen:
            continue
        seen.add(key)
        try:
            compile(m.apply(source), "<mutant>", "exec")
        except SyntaxError:
            continue
        out.append(m)
    out.sort(key=lambda m: (m.start, m.end, m.text))
    return [dataclasses.replace(m, number=i) for i, m in enumerate(out, 1)]


def sample(mutants: list[Mutant], n: int, seed: int) -> list[Mutant]:
    if n <= 0 or n >= len(mutants):
        return list(mutants)
    picked = random.Random(seed).sample(range(len(mutants)), n)
    return [mutants[i] for i in sorted(picked)]


def diff(source: str, mutant: Mutant, name: str) -> str:
    lines = difflib.unified_diff(
        source.splitlines(keepends=True),
        mutant.apply(source).splitlines(keepends=True),
        f"a/{name}",
        f"b/{name}",
        n=0,
    )
    return "".join(line for line in lines if not line.startswith(("---", "+++")))
