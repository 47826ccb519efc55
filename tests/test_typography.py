"""A wrapped French line never starts with the punctuation its no-break space holds."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from textual.content import Content

from tui.typography import install

install()

NNBSP = "\u202f"


def _textual_lines(text: str, width: int) -> list[str]:
    return [line.plain for line in Content(text).wrap(width)]


def _rich_lines(text: str, width: int) -> list[str]:
    console = Console(width=width, record=True)
    return [line.plain for line in Text(text).wrap(console, width)]


def test_textual_keeps_the_semicolon_with_its_word() -> None:
    text = (
        f"F1 explique chaque écran et ses touches{NNBSP}; "
        f"ctrl+p ouvre la palette de commandes{NNBSP};"
    )
    lines = _textual_lines(text, 79)
    assert all(not line.lstrip().startswith(";") for line in lines), lines
    assert lines[-1].endswith(f"commandes{NNBSP};")


def test_rich_keeps_the_colon_with_its_word() -> None:
    text = f"Impossible d'enregistrer le fichier de la session{NNBSP}: disque plein"
    lines = _rich_lines(text, 50)
    assert all(not line.lstrip().startswith(":") for line in lines), lines
    assert f"session{NNBSP}:" in lines[0] + lines[1]


def test_an_ordinary_space_still_breaks() -> None:
    assert [line.strip() for line in _textual_lines("aaaa bbbb", 5)] == ["aaaa", "bbbb"]
    assert [line.strip() for line in _rich_lines("aaaa bbbb", 5)] == ["aaaa", "bbbb"]


words = st.text(alphabet="abcdéè;:?!«»", min_size=1, max_size=8)
joiners = st.sampled_from([" ", NNBSP, "\u00a0", " "])


@given(st.lists(st.tuples(words, joiners), min_size=1, max_size=20), st.integers(12, 40))
def test_lines_break_only_at_ordinary_spaces(parts: list[tuple[str, str]], width: int) -> None:
    text = "".join(word + joiner for word, joiner in parts).strip()
    groups = [group for group in text.split(" ") if group]  # what no-break spaces glue
    assume(max(len(group) for group in groups) <= width)  # else a fold must cut one
    for lines in (_textual_lines(text, width), _rich_lines(text, width)):
        tokens = [token for line in lines for token in line.split(" ") if token]
        assert tokens == groups, lines
