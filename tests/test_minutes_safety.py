"""Markdown safety: user text stays literal in tables, paragraphs and fences (hypothesis)."""

from __future__ import annotations

import string

from grid_examples import full_session
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sessions.documents import markdown_safe as md
from sessions.documents.minutes import minutes_document, minutes_markdown
from sessions.documents.minutes_html import render_html

HOSTILE = [
    *"\\`*_[]<>&|~#-+=.!():;\"' \t\n\r",
    *["&amp;", "<b>", "<!--", "```", "1.", "- ", "> ", "    ", "&#60;", "<http://x>"],
    *["[a]: /u", "***", "==="],
]
texts = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=5),
        st.text(string.ascii_letters + string.digits, max_size=5),
    ),
    max_size=12,
).map("".join)


def cells(tokens: list[Token]) -> list[str]:
    """The text of every table cell, as a reader sees it."""
    out = []
    in_cell = False
    for tok in tokens:
        if tok.type in ("td_open", "th_open"):
            in_cell = True
            out.append("")
        elif tok.type in ("td_close", "th_close"):
            in_cell = False
        elif tok.type == "inline" and in_cell:
            for child in tok.children or []:
                assert child.type == "text", (child.type, tok.content)
                out[-1] += child.content
    return out


def all_types(tokens: list[Token]) -> set[str]:
    found = set()
    for tok in tokens:
        found.add(tok.type)
        found |= all_types(tok.children or [])
    return found


def gfm() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_table_cells_come_back_exactly(values: list[str]) -> None:
    # html=True on purpose: even a parser that allows raw HTML sees none.
    tokens = gfm().parse(md.table(["a", "b"], [[v, "x"] for v in values]))
    got = cells(tokens)
    assert got[2::2] == [md.cell_value(v) for v in values]
    assert not {"html_block", "html_inline"} & all_types(tokens)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_paragraph_text_stays_literal(value: str) -> None:
    tokens = gfm().parse(md.paragraphs(value))
    kinds = all_types(tokens)
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "hardbreak"}
    lines = [line.strip(" \t") for line in md._NEWLINES.split(value) if line.strip()]
    text = "".join(
        c.content if c.type == "text" else "\n"
        for tok in tokens
        if tok.type == "inline"
        for c in tok.children or []
    )
    assert text.replace("\n", "") == "".join(line.strip() for line in lines)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_heading_and_list_markers_are_escaped(value: str) -> None:
    tokens = gfm().parse(md.escape_inline(value))
    assert all_types(tokens) <= {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}


@settings(max_examples=200, deadline=None)
@given(texts)
def test_fence_holds_any_content(value: str) -> None:
    tokens = gfm().parse(md.fence(value))
    fences = [t for t in tokens if t.type == "fence"]
    assert len(fences) == 1
    expected = value if value.endswith("\n") or not value else value + "\n"
    assert fences[0].content == expected.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=60, deadline=None)
@given(st.lists(texts.filter(lambda v: md.cell_value(v) != ""), min_size=3, max_size=8))
def test_every_idea_is_one_table_cell_of_the_minutes(values: list[str]) -> None:
    session = full_session()
    for idea, value in zip(session.ideas, values, strict=False):
        idea.text = value
    session.grid.positions[1].reason = values[0]
    session.next_steps = values[-1]
    tokens = gfm().parse(minutes_markdown(session))
    found = cells(tokens)
    for idea in session.ideas[: len(values)]:
        if not idea.deleted:
            assert md.cell_value(idea.text) in found
    assert not {"html_block", "html_inline"} & all_types(tokens)
    page = render_html(minutes_document(session))
    assert "<b>" not in page and "<script" not in page and "<!--" not in page


def test_fence_is_longer_than_any_backtick_run() -> None:
    block = md.fence("a ```` b\n`````")
    assert block.startswith("``````text\n") and block.endswith("\n``````")


def test_html_page_is_standalone_with_print_styles() -> None:
    session = full_session()
    session.title = "<Groupe A>"
    page = render_html(minutes_document(session))
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in page and "@media print" in page
    assert "<title>Compte-rendu - &lt;Groupe A&gt;</title>" in page
    assert "<table>" in page and "<pre><code" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert "http" not in page.split("<body>")[0]  # no external resource
