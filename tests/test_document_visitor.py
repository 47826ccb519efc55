"""The renderers (and the F7 preview) walk the document tree through one dispatch."""

from __future__ import annotations

import typing

import pytest

from sessions.documents import tree
from sessions.documents.minutes_html import HtmlBlocks
from sessions.documents.render_docx import DocxBlocks
from sessions.documents.render_markdown import MarkdownBlocks
from sessions.documents.render_odt import OdtBlocks, _XmlSafe
from tui.widgets.minutes_preview import PreviewBlocks

KINDS = ("heading", "paragraph", "bullets", "table", "preformatted", "note")


def test_every_kind_of_block_has_its_method() -> None:
    assert set(typing.get_args(tree.Block)) == set(tree._VISIT)
    assert sorted(tree._VISIT.values()) == sorted(KINDS)


RENDERERS = [MarkdownBlocks, HtmlBlocks, OdtBlocks, DocxBlocks, _XmlSafe, PreviewBlocks]


@pytest.mark.parametrize("renderer", RENDERERS)
def test_each_renderer_says_what_every_kind_becomes(renderer: type) -> None:
    for name in KINDS:
        assert getattr(renderer, name) is not getattr(tree.Visitor, name), (renderer, name)


def test_a_forgotten_kind_or_a_stranger_fails_loudly() -> None:
    class OnlyHeadings(tree.Visitor[str]):
        def heading(self, b: tree.Heading) -> str:
            return b.text

    walker = OnlyHeadings()
    assert walker.visit(tree.Heading(2, "Déroulé")) == "Déroulé"
    with pytest.raises(NotImplementedError):
        walker.visit(tree.Note("fin"))
    with pytest.raises(TypeError, match="not a block"):
        walker.visit("## not a block")  # type: ignore[arg-type]
