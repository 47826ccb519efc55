"""scripts/mutate.py: the mutants it makes, and how it counts them (on a tiny project)."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("mutate", ROOT / "scripts" / "mutate.py")
mutate = importlib.util.module_from_spec(_spec)
sys.modules["mutate"] = mutate  # dataclasses look their module up
_spec.loader.exec_module(mutate)

TINY = textwrap.dedent(
    '''\
    """A tiny module."""

    LIMIT = 3


    def add(a, b):
        return a + b
    '''
)


def _texts(source: str) -> set[str]:
    return {m.apply(source) for m in mutate.find_mutants(source)}


def test_each_kind_of_mutant_is_made_and_compiles():
    source = textwrap.dedent(
        """\
        def f(a, b, items):
            if a < b and b in items:
                return a + 1
            x = [i for i in items if i]
            return -x[0] if x else a * b
        """
    )
    texts = _texts(source)
    for expected in (
        "if a <= b and b in items:",  # boundary moved
        "if a < b and b not in items:",  # membership negated
        "if a < b or b in items:",  # and/or swapped
        "if not (a < b and b in items):",  # condition negated
        "return a - 1",  # +/- swapped
        "return a + 2",  # off by one
        "return a + 0",
        "        pass\n    x = [",  # statement deleted
        "[i for i in items if not (i)]",
        "return x[0] if x",  # sign dropped
        "a / b",
    ):
        assert any(expected in text for text in texts), expected
    for text in texts:
        compile(text, "<mutant>", "exec")


def test_docstrings_imports_and_annotations_are_left_alone():
    source = 'import os\n\n\ndef f(n: int = 2) -> "str":\n    """Doc."""\n    return os.sep\n'
    texts = _texts(source)
    assert all("import os" in text and '"""Doc."""' in text for text in texts)
    assert all("n: int" in text and '-> "str"' in text for text in texts)
    assert any("n: int = 3" in text for text in texts)  # a default is a value


def test_a_pragma_line_is_not_mutated():
    assert _texts("x = 1  # pragma: no mutate\n") == set()


def test_the_sample_is_seeded_and_bounded():
    mutants = mutate.find_mutants(TINY)
    first = mutate.sample(mutants, 2, seed=1)
    assert first == mutate.sample(mutants, 2, seed=1)
    assert len(first) == 2
    assert mutate.sample(mutants, 50, seed=1) == mutants


def test_a_mutant_failing_a_test_is_killed_the_others_survive(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # a plain pytest starts faster
    (tmp_path / "tiny.py").write_text(TINY)
    tests = tmp_path / "tests"
    tests.mkdir()
    test_tiny = "from tiny import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n"
    (tests / "test_tiny.py").write_text(test_tiny)
    (tests / "test_other.py").write_text("def test_nothing():\n    assert True\n")
    assert mutate.covering_tests(["tiny"], tmp_path) == [tests / "test_tiny.py"]

    code = mutate.main(
        [str(tmp_path / "tiny.py"), "--root", str(tmp_path), "--sample", "0", "--pytest-args", ""]
    )

    out = capsys.readouterr().out
    assert code == 0
    # ``a - b`` and the deleted return fail test_add; LIMIT (no test reads it) survives 3 ways.
    assert "tiny.py: killed 2, timeout 0, survived 3 of 5: 40% detected" in out
    assert "tiny.py:3 [off-by-one] survived" in out
    assert "-LIMIT = 3\n    +LIMIT = 4" in out
    assert "tiny.py:7 [arith] survived" not in out
    assert (tmp_path / "tiny.py").read_text() == TINY  # the project itself is never touched


def test_a_test_run_past_the_timeout_counts_apart(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    slow = "import time\n\n\ndef test_slow():\n    time.sleep(30)\n"
    (tmp_path / "test_slow.py").write_text(slow)
    status, took = mutate.run_tests(tmp_path, ["test_slow.py"], timeout=1.0, extra=[])
    assert status == "timeout"
    assert took < 10
