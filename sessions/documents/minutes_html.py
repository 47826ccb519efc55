"""The minutes as a standalone HTML page (markdown-it-py, raw HTML disabled).

``markdown_to_html(text, title, lang)`` renders Markdown made by
``sessions.documents.minutes`` (or the synthesis) into one self-contained page with a
small screen and print stylesheet: no script, no external resource. Raw HTML
is disabled in the parser, so nothing typed by a user becomes markup.
"""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #1b1b1b; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #000091; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; color: #000091; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #eef; }
pre { background: #f6f6f6; padding: .75rem; overflow-x: auto; line-height: 1.2; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; color: #000; }
  h1, h2 { color: #000; break-after: avoid; }
  table, pre { break-inside: avoid; }
  th { background: #eee; }
  pre { background: none; border: 1px solid #999; white-space: pre; font-size: 8.5pt; }
}
"""


def parser() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough, raw HTML off."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def markdown_to_html(text: str, title: str, lang: str = "fr") -> str:
    """A standalone HTML page for the Markdown ``text``."""
    body = parser().render(text)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )
