"""What an export writes: one table of formats, each turning a session into bytes.

``EXPORT_FORMATS`` maps a format's name to its file extension, media type and
renderer; ``atelier export`` (its ``--format`` choices) and the F7 export key
both go through ``export_bytes``, so the command line and the app write the
same bytes. Adding a format is one entry: a function
``(session, lang, names) -> bytes``, usually a renderer of the minutes'
document tree (``sessions.documents.minutes.minutes_document``) given with
``_tree``, which also serves the synthesis (``DOCUMENT_FORMATS``). ODT and DOCX
need the optional ``office`` extra: without it their renderer raises
``MissingExtra``.

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

from sessions.documents.extras import MissingExtra as MissingExtra  # callers catch it here

if TYPE_CHECKING:  # light at import: ``atelier export --help`` lists the formats from here
    from sessions.documents.tree import Document
    from sessions.models import Session


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str  # with its dot
    media_type: str
    render: Callable[[Session, str, bool], bytes]  # (session, lang, names) -> the file's bytes
    # (document tree) -> bytes, for the formats drawn from a ``Document`` (the synthesis uses it)
    document: Callable[[Document], bytes] | None = None

    @property
    def is_text(self) -> bool:
        """Whether the bytes are UTF-8 text (they can go to a terminal)."""
        return self.media_type.startswith("text/") or self.media_type == "application/json"


def _markdown_doc(doc: Document) -> bytes:
    from sessions.documents.render_markdown import render_markdown

    return render_markdown(doc).encode("utf-8")


def _html_doc(doc: Document) -> bytes:
    from sessions.documents.minutes_html import render_html

    return render_html(doc).encode("utf-8")


def _odt_doc(doc: Document) -> bytes:
    from sessions.documents.render_odt import render_odt

    return render_odt(doc)


def _docx_doc(doc: Document) -> bytes:
    from sessions.documents.render_docx import render_docx

    return render_docx(doc)


def _minutes(render: Callable[[Document], bytes]) -> Callable[[Session, str, bool], bytes]:
    """A format of the minutes from a renderer of the document tree."""

    def minutes(session: Session, lang: str, names: bool) -> bytes:
        from sessions.documents.minutes import minutes_document

        return render(minutes_document(session, lang, names))

    return minutes


def _tree(name: str, extension: str, media_type: str, render: Callable[[Document], bytes]):
    return ExportFormat(name, extension, media_type, _minutes(render), render)


_ODT = "application/vnd.oasis.opendocument.text"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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
        _tree("md", ".md", "text/markdown; charset=utf-8", _markdown_doc),
        _tree("html", ".html", "text/html; charset=utf-8", _html_doc),
        ExportFormat("json", ".json", "application/json", _json),
        _tree("odt", ".odt", _ODT, _odt_doc),  # needs the ``office`` extra
        _tree("docx", ".docx", _DOCX, _docx_doc),  # needs the ``office`` extra
    )
}
# The formats drawn from a document tree (``atelier synthesis --format``).
DOCUMENT_FORMATS = tuple(name for name, f in EXPORT_FORMATS.items() if f.document)
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
