"""What an export writes: the minutes as Markdown, HTML or JSON, named or anonymous.

``render_export(session, fmt)`` is shared by ``atelier export`` and the F7
export key, so the command line and the app write the same bytes.
"""

from __future__ import annotations

import json

from sessions.anonymize import anonymize
from sessions.minutes import minutes_language, minutes_markdown
from sessions.models import Session

FORMATS = ("md", "html", "json")
EXTENSIONS = {"md": ".md", "html": ".html", "json": ".json"}


def render_export(
    session: Session,
    fmt: str = "md",
    *,
    anonymous: bool = False,
    names: bool = True,
    lang: str | None = None,
) -> str:
    """The text of one export of ``session`` in ``fmt`` (md, html or json)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    lang = minutes_language(session, lang)
    if anonymous:
        session = anonymize(session, lang)
    if fmt == "json":
        from sessions.export_json import session_to_json

        return json.dumps(session_to_json(session), ensure_ascii=False, indent=2) + "\n"
    text = minutes_markdown(session, lang, names=names)
    if fmt == "md":
        return text
    from sessions.i18n import t
    from sessions.minutes_html import markdown_to_html

    return markdown_to_html(text, t("minutes.doc_title", lang, title=session.title), lang)
