"""F7, the minutes: a live preview, the next steps to type, and the export key.

The preview (``MinutesPreview``) shows the document tree the exports render
(``sessions.documents.minutes.minutes_document``), block by block.
The next steps (``session.next_steps``) are saved with ctrl+s, when the
field is left, and a moment after typing stops. ctrl+e writes the minutes
in each of ``SCREEN_FORMATS`` (Markdown and HTML), plus ODT and DOCX when the
``office`` extra is installed, through the exports' table
of formats into the store's exports folder, under a name made from the title
that never overwrites a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import events, on
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static, TextArea

from sessions.core.text import clean_text
from sessions.documents.anonymize import anonymize
from sessions.documents.export_names import write_new
from sessions.documents.exports import MissingExtra, export_bytes, export_format
from sessions.documents.minutes import minutes_document
from sessions.i18n import t
from sessions.models import Session
from tui.screens.base import SectionScreen
from tui.widgets.minutes_preview import MinutesPreview

SAVE_AFTER_TYPING_S = 1.0
SCREEN_FORMATS = ("md", "html")  # what ctrl+e always writes, names of the exports' table
OFFICE_FORMATS = ("odt", "docx")  # written too when the ``office`` extra is installed


def export_minutes(session: Session, folder: Path, anonymous: bool = False) -> list[Path]:
    """Write the minutes in ``SCREEN_FORMATS`` (and ``OFFICE_FORMATS`` when the ``office``
    extra is importable) in ``folder``; the new files' paths."""
    title = anonymize(session).title if anonymous else session.title
    paths = []
    for fmt in SCREEN_FORMATS + OFFICE_FORMATS:
        try:
            data = export_bytes(session, fmt, anonymous=anonymous)
        except MissingExtra:
            if fmt in OFFICE_FORMATS:
                continue  # md + html still written; the toast names the extra
            raise
        paths.append(write_new(folder, title, export_format(fmt).extension, data))
    return paths


class MinutesScreen(SectionScreen):
    AUTO_FOCUS = "#preview"  # focused as built: keys typed in the burst of its key reach it
    CSS_PATH = "minutes.tcss"
    HELP_KEY = "help.minutes"
    BINDINGS = [
        Binding("ctrl+e", "export", "minutes.key.export", id="minutes-export", priority=True),
        Binding("ctrl+s", "save", "minutes.key.save", id="minutes-save", priority=True),
        Binding(
            "ctrl+n", "anonymous", "minutes.key.anonymous", id="minutes-anonymous", priority=True
        ),
        Binding("n", "edit", "minutes.key.edit", id="minutes-edit"),
        Binding("escape", "preview", "minutes.key.preview", id="minutes-preview", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.anonymous = False
        self._save_timer: Timer | None = None

    def compose_body(self) -> Iterable[Widget]:
        with Vertical(id="minutes-body"):
            with VerticalScroll(id="preview"):
                yield MinutesPreview(id="minutes-md")
            yield Static(t("minutes.next_steps_label"), id="next-steps-label", markup=False)
            yield TextArea(id="next-steps", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#preview").focus()

    @property
    def editor(self) -> TextArea:
        return self.query_one("#next-steps", TextArea)

    def refresh_from_session(self) -> None:
        s = self.session
        self.query_one("#minutes-md", MinutesPreview).update(minutes_document(s))
        if not self.editor.has_focus and self.editor.text != s.next_steps:
            self.editor.load_text(s.next_steps)

    # -- next steps --------------------------------------------------------
    @on(TextArea.Changed, "#next-steps")
    def _typed(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        if self.editor.has_focus:
            self._save_timer = self.set_timer(SAVE_AFTER_TYPING_S, self.save_next_steps)

    @on(events.DescendantBlur)
    def _left(self, event: events.DescendantBlur) -> None:
        if event.widget is self.editor:
            self.save_next_steps()

    def on_screen_suspend(self) -> None:
        self.save_next_steps()

    def save_next_steps(self, notify: bool = False) -> bool:
        """Store the field's text if it changed; True when it is on disk."""
        if self.app.session is None:  # type: ignore[attr-defined]
            return False
        text = clean_text(self.editor.text, multiline=True)
        if text == self.session.next_steps:
            return True

        def op(s: Session) -> None:
            s.next_steps = text

        self.app.apply(op)  # type: ignore[attr-defined]
        saved = not self.app.unsaved  # type: ignore[attr-defined]
        if saved and notify:
            self.notify(t("minutes.next_steps_saved"))
        return saved

    def on_key(self, event: events.Key) -> None:
        """Text typed while the preview has the focus goes to the next steps, none lost:
        the rapporteur types them straight away (``n`` first still opens the field)."""
        if self.editor.has_focus or self.focused is not self.query_one("#preview"):
            return
        started = self.editor.text != self.session.next_steps  # typed ahead of the focus
        if event.key == "enter" and started:
            text = "\n"
        elif event.is_printable and event.character and (event.key != "n" or started):
            text = event.character
        else:
            return
        event.stop()
        event.prevent_default()
        if not started and self.editor.text.strip() and not self.editor.text.endswith("\n"):
            text = "\n" + text  # a step of its own, under those already written
        self.editor.move_cursor(self.editor.document.end)
        self.editor.insert(text)
        self.editor.focus()

    # -- actions -----------------------------------------------------------
    def action_save(self) -> None:
        self.save_next_steps(notify=True)

    def action_edit(self) -> None:
        self.editor.focus()
        self.editor.move_cursor(self.editor.document.end)

    def action_preview(self) -> None:
        self.query_one("#preview").focus()

    def action_anonymous(self) -> None:
        self.anonymous = not self.anonymous
        self.notify(t("minutes.anonymous_on" if self.anonymous else "minutes.anonymous_off"))

    def action_export(self) -> None:
        self.save_next_steps()
        store = self.app.store  # type: ignore[attr-defined]
        try:
            paths = export_minutes(self.session, store.exports_dir, self.anonymous)
        except OSError as exc:
            self.notify(t("minutes.export_failed", reason=exc), severity="error", timeout=10)
            return
        said = exported_names(paths)
        if any(p.suffix[1:] in OFFICE_FORMATS for p in paths):
            message = t("minutes.exported", paths=said)
        else:  # the public index's "atelier" is another project: name this one's source
            from tui.cli.commands.export import office_install_command

            message = t("minutes.exported_no_office", paths=said, command=office_install_command())
        self.notify(message, timeout=10, markup=False)


def exported_names(paths: list[Path]) -> str:
    """The files written, short enough for a toast at 80 columns.

    One name in several formats reads "/exports/Groupe-A (.md, .html, .odt, .docx)";
    other sets are listed whole.
    """
    if len(paths) > 1 and len({(p.parent, p.stem) for p in paths}) == 1:
        first = paths[0]
        return f"{first.parent / first.stem} ({', '.join(p.suffix for p in paths)})"
    return ", ".join(str(p) for p in paths)
