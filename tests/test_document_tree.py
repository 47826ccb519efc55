"""The document tree: built once, rendered to Markdown and HTML with every user character literal.

The minutes' Markdown is held byte-for-byte by ``tests/golden/`` (test_minutes.py);
here: any text with Markdown or HTML specials comes back literally from both
renderers (hypothesis), the HTML page is the markup a CommonMark parser gives for
the Markdown of the same tree (so the page did not change when it stopped
parsing Markdown back), a new section joins the minutes by one entry, and the
exports' table of formats drives ``atelier export``.
"""

from __future__ import annotations

import json
import string
from html.parser import HTMLParser
from pathlib import Path

import pytest
from grid_examples import full_session
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sessions.documents.exports import (
    EXPORT_FORMATS,
    EXTENSIONS,
    FORMATS,
    ExportFormat,
    export_bytes,
)
from sessions.documents.minutes import SECTIONS, MinutesOptions, minutes_document
from sessions.documents.minutes_html import render_body, render_html
from sessions.documents.render_markdown import render_markdown
from sessions.documents.synthesis import synthesis_document, synthesis_markdown
from sessions.documents.tree import (
    BREAK,
    BulletList,
    Document,
    Heading,
    Note,
    Paragraph,
    Preformatted,
    Table,
    block_text,
    code,
    emphasis,
    plain,
    strong,
)
from sessions.storage.store import SessionStore
from tui.cli.main import main

HOSTILE = [
    *"\\`*_[]<>&|~#-+=.!():;\"' \t",
    *["&amp;", "<b>", "<!--", "```", "1.", "- ", "> ", "    ", "&#60;", "<http://x>"],
    *["[a]: /u", "***", "===", "<script>", "**x**", "| a |", "\\|", "1)"],
]
texts = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=5),
        st.text(string.ascii_letters + string.digits, max_size=5),
    ),
    min_size=1,
    max_size=10,
).map("".join)
words = texts.filter(lambda v: v.strip() != "")


def gfm() -> MarkdownIt:
    # html=True on purpose: even a parser that allows raw HTML must see none.
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def norm(text: str) -> str:
    return " ".join(text.split())


def markdown_reading(text: str) -> tuple[list[str], set[str]]:
    """What a Markdown reader finds: the text of each block, and the token types."""
    found, kinds = [], set()
    for tok in gfm().parse(text):
        kinds.add(tok.type)
        if tok.type == "inline":
            parts = []
            for child in tok.children or []:
                kinds.add(child.type)
                parts.append("\n" if child.type in ("hardbreak", "softbreak") else child.content)
            found.append("".join(parts))
        elif tok.type == "fence":
            found.append(tok.content)
    return found, kinds


BLOCK_TAGS = {"title", "h1", "h2", "h3", "p", "li", "th", "td", "pre"}
SAFE_TAGS = BLOCK_TAGS | {"ul", "strong", "em", "code", "br", "hr", "table", "thead", "tbody"}
SAFE_TAGS |= {"tr", "html", "head", "meta", "style", "body"}


class Reader(HTMLParser):
    """The page as a browser reads it: the text of each block element, and the tags met."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.texts: list[str] = []
        self.style = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        self.style = tag == "style"
        if tag in BLOCK_TAGS:
            self.texts.append("")
        elif tag == "br":
            self.texts[-1] += "\n"

    def handle_endtag(self, tag: str) -> None:
        self.style = False

    def handle_data(self, data: str) -> None:
        if self.texts and not self.style:
            self.texts[-1] += data


@settings(max_examples=150, deadline=None)
@given(words, words, words, words, words)
def test_any_user_text_stays_literal_in_markdown_and_html(a, b, c, d, e) -> None:
    doc = Document(
        title=a,
        language="fr",
        blocks=(
            Heading(2, b),
            Paragraph.of(strong(c + " :"), " " + d, BREAK, e),
            BulletList(((strong(b), plain(" " + c)), (plain(d),))),
            Table.of(["n", "x"], [[a, b], [c, ""]], ["r", "l"]),
            Preformatted(e),
            Note(c),
        ),
    )
    blocks = [b, f"{c} : {d}\n{e}", f"{b} {c}", d, "n", "x", a, b, c, "", e, c]

    found, kinds = markdown_reading(render_markdown(doc))
    assert not {"html_block", "html_inline", "link", "image", "code_inline"} & kinds
    assert [norm(x) for x in found] == [norm(x) for x in [a, *blocks]]
    assert [x for x in found if "\n" in x.strip("\n")][:1] == [found[2]]  # the line break

    reader = Reader()
    reader.feed(render_html(doc))
    assert reader.tags <= SAFE_TAGS
    assert [norm(x) for x in reader.texts] == [norm(x) for x in [a, a, *blocks]]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("names", [True, False])
def test_the_html_body_is_what_a_markdown_reader_makes_of_the_same_tree(lang, names) -> None:
    session = full_session()
    session.language = lang
    session.next_steps = "Relancer *la* mairie\n  puis <b>écrire</b>\n\n\n# Réunion & bilan"
    doc = minutes_document(session, names=names)
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    assert render_body(doc) == parser.render(render_markdown(doc))


def test_the_synthesis_html_is_built_from_its_tree() -> None:
    a, b = full_session(title="Groupe A"), full_session(title="Groupe <B>")
    doc = synthesis_document([a, b])
    assert synthesis_markdown([a, b]) == render_markdown(doc)
    page = render_html(doc)
    assert "<title>Synthèse des groupes</title>" in page
    assert "<h2>Groupe &lt;B&gt;</h2>" in page and "<B>" not in page


def test_runs_render_with_their_style() -> None:
    doc = Document("T", "fr", (Paragraph.of(strong("a*"), " ", emphasis("b_"), " ", code("c`d")),))
    assert render_markdown(doc) == "# T\n\n**a\\*** *b\\_* ``c`d``\n"
    assert "<p><strong>a*</strong> <em>b_</em> <code>c`d</code></p>" in render_html(doc)
    assert block_text(doc.blocks[0]) == "a* b_ c`d"


def test_a_new_section_joins_the_minutes_by_one_entry() -> None:
    def extra(session, opts: MinutesOptions):
        return [Heading(2, "Enjeux"), Paragraph.of(f"{len(session.ideas)} idées, {opts.lang}")]

    session = full_session()
    before = minutes_document(session)
    sections = [*SECTIONS[:-2], extra, *SECTIONS[-2:]]
    after = minutes_document(session, sections=sections)
    i = before.blocks.index(Heading(2, "Prochaines étapes"))
    assert after.blocks[:i] == before.blocks[:i] and after.blocks[i + 2 :] == before.blocks[i:]
    text = render_markdown(after)
    assert f"## Enjeux\n\n{len(session.ideas)} idées, fr\n\n## Prochaines étapes" in text
    assert minutes_document(session) == before  # the list itself is untouched


def test_every_section_speaks_in_blocks() -> None:
    session = full_session()
    opts = MinutesOptions("en")
    kinds = set()
    for section in SECTIONS:
        for block in section(session, opts):
            kinds.add(type(block).__name__)
            assert block_text(block) or isinstance(block, Table)
    assert {"Heading", "Paragraph", "BulletList", "Table", "Preformatted", "Note"} <= kinds


# -- the table of formats ----------------------------------------------------------------------
def test_exports_are_bytes_named_by_one_table() -> None:
    session = full_session()
    assert FORMATS[:3] == ("md", "html", "json") and EXTENSIONS["html"] == ".html"
    for name, entry in EXPORT_FORMATS.items():
        if name in ("odt", "docx"):  # binary, the office extra: tests/test_office_*.py
            assert not entry.is_text
            continue
        data = export_bytes(session, name)
        assert isinstance(data, bytes) and entry.is_text
        data.decode("utf-8")
    assert export_bytes(session, "md") == render_markdown(minutes_document(session)).encode()
    assert json.loads(export_bytes(session, "json"))["id"] == session.id
    with pytest.raises(ValueError, match="pdf"):
        export_bytes(session, "pdf")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    store = SessionStore(tmp_path / "data")
    store.ensure()
    store.create(full_session())
    return tmp_path / "data"


def test_a_format_added_to_the_table_is_offered_by_atelier_export(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def zipped(session, lang, names):
        return b"PK\x03\x04" + session.title.encode() + lang.encode() + bytes([names])

    entry = ExportFormat("odt", ".odt", "application/vnd.oasis.opendocument.text", zipped)
    monkeypatch.setitem(EXPORT_FORMATS, "odt", entry)
    target = tmp_path / "cr.odt"
    args = ["--data-dir", str(data), "export", "exemple1", "--format", "odt"]
    assert main([*args, "-o", str(target), "--count-only"]) == 0
    assert target.read_bytes() == b"PK\x03\x04Groupe Afr\x00"
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data), "export", "exemple1", "--format", "pdf"])
    assert "odt" in capsys.readouterr().err  # argparse lists the table's names


@settings(max_examples=40, deadline=None)
@given(st.lists(words, min_size=3, max_size=6))
def test_every_idea_is_one_cell_of_the_html_minutes(values: list[str]) -> None:
    session = full_session()
    for idea, value in zip(session.ideas, values, strict=False):
        idea.text = value
    session.next_steps = values[-1]
    reader = Reader()
    reader.feed(render_html(minutes_document(session)))
    assert reader.tags <= SAFE_TAGS
    cells = {norm(x) for x in reader.texts}
    for idea in session.ideas[: len(values)]:
        if not idea.deleted:
            assert norm(idea.text) in cells
    assert norm(values[-1]) in cells  # the next steps, one paragraph


def test_a_binary_format_goes_to_standard_output_as_bytes(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary
) -> None:
    payload = b"PK\x03\x04\xff\x00binary"
    entry = ExportFormat(
        "odt", ".odt", "application/vnd.oasis.opendocument.text", lambda *a: payload
    )
    monkeypatch.setitem(EXPORT_FORMATS, "odt", entry)
    assert main(["--data-dir", str(data), "export", "exemple1", "--format", "odt"]) == 0
    assert capsysbinary.readouterr().out == payload
