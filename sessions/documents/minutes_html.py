"""A document tree as a standalone HTML page: no parser, no script, no external resource.

``render_html(doc)`` writes the minutes (or the synthesis) straight from the
tree (``sessions.documents.tree``) into one self-contained page with a small
screen and print stylesheet. Every piece of text is HTML-escaped here, so
nothing typed by a user becomes markup. The body is the markup a CommonMark
renderer gives for the Markdown of the same tree (``tests/test_document_tree.py``
holds them equal), so the page reads as it did when it was parsed back.
"""

from __future__ import annotations

import html

from sessions.documents.tree import (
    BulletList,
    Document,
    Heading,
    Inline,
    Note,
    Paragraph,
    Preformatted,
    Table,
    Visitor,
)

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #1b1b1b; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #000091; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; color: #000091; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #eef; }
pre { background: #f6f6f6; padding: .75rem; overflow-x: auto; line-height: 1.2; }
td.cell-vert { background: #dff3df; } td.cell-orange { background: #ffe8cc; }
td.cell-rouge { background: #f9d6d5; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; color: #000; }
  h1, h2, h3 { color: #000; break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  pre { break-inside: avoid; page-break-inside: avoid; }
  th { background: #eee; }
  pre { background: none; border: 1px solid #999; white-space: pre; font-size: 8.5pt; }
}
"""

_TAGS = {"strong": "strong", "emphasis": "em", "code": "code"}
_ALIGN = {"r": ' style="text-align:right"', "c": ' style="text-align:center"', "l": ""}


def escape(text: str) -> str:
    """``text`` as HTML character data (``&``, ``<``, ``>`` and ``"``)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _one_line(text: str) -> str:
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def inline(runs: Inline) -> str:
    out = []
    for n, run in enumerate(runs):
        if run.kind == "break":
            out.append("<br />\n")
            continue
        text = _one_line(run.text)
        if n == 0 or runs[n - 1].kind == "break":
            text = text.lstrip(" \t")
        if n == len(runs) - 1 or runs[n + 1].kind == "break":
            text = text.rstrip(" \t")
        tag = _TAGS.get(run.kind)
        out.append(f"<{tag}>{escape(text)}</{tag}>" if tag else escape(text))
    return "".join(out)


def _cell(tag: str, text: str, align: str, style: str | None = None) -> str:
    # A cell's style word (a chantier's feasibility: vert, orange...) becomes its class.
    css = f' class="cell-{style}"' if style and style.isascii() and style.isalpha() else ""
    return f"<{tag}{css}{_ALIGN[align]}>{escape(_one_line(text).strip())}</{tag}>\n"


def table(b: Table) -> str:
    count = len(b.header)
    aligns = [b.alignment(i) for i in range(count)]
    head = "".join(_cell("th", h, a) for h, a in zip(b.header, aligns, strict=True))
    out = ["<table>\n<thead>\n<tr>\n", head, "</tr>\n</thead>\n"]
    if b.rows:
        out.append("<tbody>\n")
        for r, row in enumerate(b.rows):
            cells = [*row[:count], *[""] * (count - len(row))]
            out.append("<tr>\n")
            out.extend(
                _cell("td", c, a, b.style(r, i))
                for i, (c, a) in enumerate(zip(cells, aligns, strict=True))
            )
            out.append("</tr>\n")
        out.append("</tbody>\n")
    out.append("</table>\n")
    return "".join(out)


class HtmlBlocks(Visitor[str]):
    """Each block as HTML markup (ending with a newline; an empty paragraph gives nothing)."""

    def heading(self, b: Heading) -> str:
        return f"<h{b.level}>{escape(_one_line(b.text).strip())}</h{b.level}>\n"

    def paragraph(self, b: Paragraph) -> str:
        body = inline(b.runs)
        return f"<p>{body}</p>\n" if body else ""

    def bullets(self, b: BulletList) -> str:
        items = "".join(f"<li>{inline(item)}</li>\n" for item in b.items)
        return f"<ul>\n{items}</ul>\n"

    def table(self, b: Table) -> str:
        return table(b)

    def preformatted(self, b: Preformatted) -> str:
        text = b.text if b.text.endswith("\n") or not b.text else b.text + "\n"
        return f'<pre><code class="language-text">{escape(text)}</code></pre>\n'

    def note(self, b: Note) -> str:
        return f"<hr />\n<p><em>{escape(_one_line(b.text).strip())}</em></p>\n"


_BLOCKS = HtmlBlocks()
block = _BLOCKS.visit  # one block as HTML


def render_body(doc: Document) -> str:
    """The page's body: the title as ``<h1>``, then every block."""
    parts = [f"<h1>{escape(_one_line(doc.title).strip())}</h1>\n"]
    parts.extend(_BLOCKS.visit_all(doc))
    return "".join(parts)


def page(body: str, title: str, lang: str = "fr") -> str:
    """A standalone HTML page around ``body``."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


def render_html(doc: Document) -> str:
    """The document as a standalone HTML page."""
    return page(render_body(doc), doc.title, doc.language)
