"""What an export writes: the minutes as Markdown, HTML or JSON, named or anonymous.

``render_export(session, fmt)`` is shared by ``atelier export`` and the F7
export key, so the command line and the app write the same bytes.

``anonymous``: every name replaced by a neutral label, in every text
(``sessions.documents.anonymize``). ``names=False`` (``--count-only``): no list of
names - the participants are only counted and the ideas have no author; in
JSON the participants' names and organisations are empty and the items'
``author`` is null (the keys stay). The texts themselves are left as typed:
combine with ``anonymous`` to replace the names written in them.
"""

from __future__ import annotations

import json

from sessions.documents.anonymize import anonymize
from sessions.documents.minutes import minutes_language, minutes_markdown
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
        from sessions.documents.export_json import session_to_json

        if not names:
            session = session.model_copy(deep=True)
            for person in session.participants:
                person.name = person.organisation = ""
        doc = session_to_json(session)
        if not names:
            for item in doc["items"]:
                item["author"] = None
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    text = minutes_markdown(session, lang, names=names)
    if fmt == "md":
        return text
    from sessions.documents.minutes_html import markdown_to_html
    from sessions.i18n import t

    return markdown_to_html(text, t("minutes.doc_title", lang, title=session.title), lang)
