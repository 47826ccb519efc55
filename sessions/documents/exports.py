"""What an export writes: one table of formats, each turning a session into bytes.

``EXPORT_FORMATS`` maps a format's name to its file extension, media type and
renderer; ``atelier export`` (its ``--format`` choices) and the F7 export key
both go through ``export_bytes``, so the command line and the app write the
same bytes. Adding a format (ODT, DOCX) is one entry: a function
``(session, lang, names) -> bytes``, usually a renderer of the minutes'
document tree (``sessions.documents.minutes.minutes_document``).

``anonymous``: every name replaced by a neutral label, in every text
(``sessions.documents.anonymize``). ``names=False`` (``--count-only``): no list of
names - the participants are only counted and the ideas have no author; in
JSON the participants' names and organisations are empty and the items'
``author`` is null (the keys stay). The texts themselves are left as typed:
combine with ``anonymous`` to replace the names written in them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # light at import: ``atelier export --help`` lists the formats from here
    from sessions.models import Session


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str  # with its dot
    media_type: str
    render: Callable[[Session, str, bool], bytes]  # (session, lang, names) -> the file's bytes

    @property
    def is_text(self) -> bool:
        """Whether the bytes are UTF-8 text (they can go to a terminal)."""
        return self.media_type.startswith("text/") or self.media_type == "application/json"


def _markdown(session: Session, lang: str, names: bool) -> bytes:
    from sessions.documents.minutes import minutes_document
    from sessions.documents.render_markdown import render_markdown

    return render_markdown(minutes_document(session, lang, names)).encode("utf-8")


def _html(session: Session, lang: str, names: bool) -> bytes:
    from sessions.documents.minutes import minutes_document
    from sessions.documents.minutes_html import render_html

    return render_html(minutes_document(session, lang, names)).encode("utf-8")


def _json(session: Session, lang: str, names: bool) -> bytes:
    from sessions.documents.export_json import session_to_json

    if not names:
        session = session.model_copy(deep=True)
        for person in session.participants:
            person.name = person.organisation = ""
    doc = session_to_json(session)
    if not names:
        for item in doc["items"]:
            item["author"] = None
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("md", ".md", "text/markdown; charset=utf-8", _markdown),
        ExportFormat("html", ".html", "text/html; charset=utf-8", _html),
        ExportFormat("json", ".json", "application/json", _json),
    )
}
FORMATS = tuple(EXPORT_FORMATS)
EXTENSIONS = {name: f.extension for name, f in EXPORT_FORMATS.items()}


def export_format(fmt: str) -> ExportFormat:
    try:
        return EXPORT_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None


def export_bytes(
    session: Session,
    fmt: str = "md",
    *,
    anonymous: bool = False,
    names: bool = True,
    lang: str | None = None,
) -> bytes:
    """The bytes of one export of ``session`` in ``fmt`` (a name of ``EXPORT_FORMATS``)."""
    from sessions.documents.anonymize import anonymize
    from sessions.documents.minutes_common import minutes_language

    entry = export_format(fmt)
    lang = minutes_language(session, lang)
    if anonymous:
        session = anonymize(session, lang)
    return entry.render(session, lang, names)


def render_export(
    session: Session,
    fmt: str = "md",
    *,
    anonymous: bool = False,
    names: bool = True,
    lang: str | None = None,
) -> str:
    """The text of one export in a text format (md, html, json): ``export_bytes`` decoded."""
    data = export_bytes(session, fmt, anonymous=anonymous, names=names, lang=lang)
    return data.decode("utf-8")
