"""The open session's saves: every change through ``apply``, retries, changes made elsewhere.

``SavingMixin`` gives ``AtelierApp`` the one change path: ``apply(op)``
saves before it returns; a save that fails keeps the change in memory, shows
the not-saved banner and is retried ``RETRY_SECONDS`` later (``retry_save``),
again and again while it fails. The retry is a one-shot timer armed by the
failure, not an interval: an app that saves does not wake for it.
``poll_file`` picks up a change another process (the command line) wrote; the
app's clock calls it (``tui/ticking.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from sessions.i18n import t
from sessions.storage.errors import (
    CorruptSessionError,
    LockedError,
    NewerSessionError,
    ReadOnlyError,
    SaveError,
)

if TYPE_CHECKING:
    from textual.timer import Timer

    from sessions.models import Session
    from sessions.storage.session_file import SessionHandle

T = TypeVar("T")

# A save that failed is tried again this long after (and again while it fails).
RETRY_SECONDS = 2.0


def _unreadable_now(exc: CorruptSessionError) -> str:
    """The open session's file no longer reads: damaged, or rewritten by a newer atelier."""
    if isinstance(exc, NewerSessionError):
        return t("app.file_changed_newer", version=exc.version, path=exc.path)
    return t("app.file_changed_corrupt", reason=exc)


class SavingMixin:
    """For ``AtelierApp``: what it holds is declared here, never stubbed."""

    handle: SessionHandle | None
    save_error: str
    unsaved: bool
    revision: int
    notify: Callable[..., Any]
    set_timer: Callable[..., Timer]
    _retry_timer: Timer | None = None  # the save's next try, armed while one fails

    def apply(self, op: Callable[[Session], T], notify_saved: bool = False) -> T | None:
        """Change the session through ``op``; it is on disk when this returns normally.

        A save that fails keeps the change in memory, shows the not-saved
        banner and is retried; an op that raises ``ValueError`` changes
        nothing and its message is shown.
        """
        if self.handle is None:
            return None
        try:
            result = self.handle.apply(op)
        except ReadOnlyError:
            self.notify(self.handle.read_only_reason or t("app.read_only"), severity="warning")
            return None
        except (SaveError, LockedError) as exc:
            self.unsaved = True
            self.save_error = str(exc)
            self.revision += 1
            self.notify(t("app.not_saved", reason=exc), severity="error", timeout=8)
            self._retry_later()
            return None
        except CorruptSessionError as exc:
            self.unsaved = True
            self.save_error = str(exc)
            self.notify(_unreadable_now(exc), severity="error", timeout=15)
            self._retry_later()
            return None
        if self.unsaved:  # this save also wrote what a failed one left pending
            self._saved_again()
        self.unsaved = False
        self.revision += 1
        if notify_saved:
            self.notify(t("app.saved"))
        return result

    def _saved_again(self) -> None:
        """Said once when the pending change is on disk, however it got there."""
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self.notify(t("app.saved_again"))

    def retry_save(self) -> None:
        """Save what is pending; tried again ``RETRY_SECONDS`` later while it fails."""
        if self.handle is None or not self.handle.unsaved:
            return
        try:
            self.handle.flush()
        except (SaveError, LockedError, CorruptSessionError) as exc:
            self.save_error = str(exc)
            self._retry_later()
            return
        self.unsaved = False
        self.revision += 1
        self._saved_again()

    def _retry_later(self) -> None:
        """Arm the save's next try, unless one is armed already or nothing is pending."""
        if self._retry_timer is None and self.handle is not None and self.handle.unsaved:
            self._retry_timer = self.set_timer(RETRY_SECONDS, self._retry_due, name="retry_save")

    def _retry_due(self) -> None:
        self._retry_timer = None
        self.retry_save()

    def poll_file(self) -> None:
        """Pick up a change another process (the command line) wrote."""
        if self.handle is None:
            return
        try:
            changed = self.handle.reload_if_changed()
        except CorruptSessionError as exc:
            self.save_error = str(exc)
            self.notify(_unreadable_now(exc), severity="error", timeout=15)
            self._retry_later()
            return
        except OSError:
            return
        if changed:
            pending_before = self.unsaved
            self.unsaved = self.handle.unsaved
            self.revision += 1
            if pending_before and not self.unsaved:  # the look wrote what a failed save left
                self._saved_again()
        self._retry_later()  # a merge (or a file deleted and written back) that could not be saved
