"""The Markdown renderer's code spans and the synthesis' refusal (issue 18 fifth pass).

A code run reads back, through a CommonMark parser, exactly as it was given,
inside the shortest fence that can hold it: one backtick more than the
longest run of backticks in it, a space inside the fence only where the text
starts or ends with a backtick or a space.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sessions.documents.render_markdown import block
from sessions.documents.synthesis import synthesis_document
from sessions.documents.tree import Paragraph, code, plain

_MD = MarkdownIt("commonmark")


def read_back(markdown: str) -> list[tuple[str, str]]:
    """The inline tokens a CommonMark reader finds: (type, content)."""
    return [(tok.type, tok.content) for tok in _MD.parseInline(markdown)[0].children or []]


def code_markdown(text: str) -> str:
    return block(Paragraph.of(plain("voir "), code(text)))[len("voir ") :]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" `abX*_\\<&[]#|", min_size=1, max_size=10))
@example(" ")  # spaces only: CommonMark keeps them all, no padding
@example(" X ")  # one letter between spaces: padded, or CommonMark strips them
@example("` `")
def test_a_code_run_reads_back_as_given(text: str) -> None:
    assert read_back("voir " + code_markdown(text))[-1] == ("code_inline", text)


@pytest.mark.parametrize(
    ("text", "fence"),
    [("x", 1), ("a`b", 2), ("a``b", 3), ("``", 3), ("a`b```c", 4)],
)
def test_a_code_fence_is_one_backtick_longer_than_any_run_inside(text: str, fence: int) -> None:
    out = code_markdown(text)
    ticks = len(out) - len(out.lstrip("`"))
    assert ticks == fence
    assert out.endswith("`" * fence) and not out.endswith("`" * (fence + 1))


@pytest.mark.parametrize(
    ("text", "padded"),
    [("x", False), ("a`b", False), ("`x", True), ("x`", True), (" x", True), ("x ", True)],
)
def test_a_code_span_is_padded_only_where_its_text_starts_or_ends_with_a_mark(
    text: str, padded: bool
) -> None:
    inner = code_markdown(text).strip("`")
    assert (inner == f" {text} ") is padded
    assert (inner == text) is not padded


@pytest.mark.parametrize("text", ["a\nb", "a\r\nb", "a\n\nb"])
def test_a_code_run_over_lines_reads_back_on_one_line_joined_by_spaces(text: str) -> None:
    joined = " ".join(text.splitlines())
    assert read_back("voir " + code_markdown(text))[-1] == ("code_inline", joined)


def test_a_synthesis_of_no_session_is_refused_saying_why() -> None:
    with pytest.raises(ValueError, match=r"^a synthesis needs at least one session$"):
        synthesis_document([])
