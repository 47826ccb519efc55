"""Sections let go when the user leaves them, rebuilt from the session when shown again.

Every section keeps its state in the session, except what the screen alone
holds: the focus, a field half typed, a table's cursor, the scroll, and a few
attributes a section names (``Section.view``). A section that is not ``kept``
(``tui.sections``) is taken down when another mode is shown - after it has
handled its ``ScreenSuspend`` (F7 saves its next steps then) - with that view
written down; the next visit builds a new screen from the session and puts the
view back before the keys typed behind its F-key reach it. A section with a
dialog open on it (a form half filled) is kept as it is.

The heap: ``settle_heap`` freezes what is alive, so the collector no longer
sees it, and a frozen screen let go would never be freed. The heap is frozen
only while no section to release is alive (``settle_sections``); a screen that
was frozen anyway (a dialog kept it) is freed by one full collection when it
goes, after the next frame.
"""

from __future__ import annotations

import asyncio
import gc
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.widgets import DataTable, Input

from tui.sections import SECTIONS, section
from tui.ticking import settle_heap

if TYPE_CHECKING:
    from textual.app import AwaitMount
    from textual.widget import Widget

# The session list too: once a session is open it is built again when asked for (ctrl+x).
RELEASED = frozenset({"home", *(s.mode for s in SECTIONS if not s.kept)})
BETWEEN = "_between"  # a blank mode shown while a section left is let go


@dataclass
class View:
    """What a section's screen holds that the session does not."""

    focused: str | None = None
    widgets: dict[str, dict[str, Any]] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)


def _widget_view(widget: Widget) -> dict[str, Any]:
    from textual.widgets import TextArea  # not before atelier open's first frame: 10 ms

    view: dict[str, Any] = {}
    if isinstance(widget, Input):
        view["value"] = widget.value
        view["cursor"] = widget.cursor_position
    elif isinstance(widget, TextArea):
        view["text"] = widget.text
        view["selection"] = widget.selection
    elif isinstance(widget, DataTable):
        view["coordinate"] = widget.cursor_coordinate
    if widget.scroll_offset != (0, 0):
        view["scroll"] = (widget.scroll_x, widget.scroll_y)
    return view


def take_view(screen: Screen, attributes: tuple[str, ...] = ()) -> View:
    view = View(focused=screen.focused.id if screen.focused is not None else None)
    for widget in screen.query("*"):
        if widget.id is not None and (found := _widget_view(widget)):
            view.widgets[widget.id] = found
    view.attributes = {name: getattr(screen, name) for name in attributes if hasattr(screen, name)}
    return view


def put_view(screen: Screen, view: View) -> None:
    """Give ``screen`` (rebuilt and mounted) the view it had; at once, bar the scroll."""
    from textual.widgets import TextArea

    for name, value in view.attributes.items():
        setattr(screen, name, value)
    for widget_id, found in view.widgets.items():
        try:
            widget = screen.query_one(f"#{widget_id}")
        except Exception:  # no longer there (the session changed what is shown)
            continue
        if "value" in found and isinstance(widget, Input):
            widget.value = found["value"]
            widget.cursor_position = found["cursor"]
        if "text" in found and isinstance(widget, TextArea) and widget.text != found["text"]:
            widget.load_text(found["text"])
            widget.selection = found["selection"]
        if "coordinate" in found and isinstance(widget, DataTable) and widget.row_count:
            widget.move_cursor(
                row=found["coordinate"].row, column=found["coordinate"].column, animate=False
            )
        if "scroll" in found:  # once laid out: a widget not sized yet cannot scroll
            x, y = found["scroll"]
            widget.call_after_refresh(widget.scroll_to, x, y, animate=False, immediate=True)
    if view.focused is not None:
        try:
            target = screen.query_one(f"#{view.focused}")
        except Exception:
            return
        if target.focusable:
            screen.set_focus(target)  # now: a key already queued goes where the user left it
            # And after the focus its on_mount asked for, which Textual gives later.
            screen.app.call_later(screen.set_focus, target)


def _view_names(mode: str) -> tuple[str, ...]:
    return () if mode == "home" else section(mode).view


def forget_watchers(app: object) -> None:
    """Drop the app's watchers of screens taken down.

    ``SectionScreen.watch(app, "unsaved", ...)`` leaves the screen in the app's
    list until that reactive next changes (Textual prunes it then): a section
    let go stayed in memory until a save failed or a file turned read-only.
    """
    for watchers in getattr(app, "__watchers", {}).values():
        watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]


def forget_drawn(screen: Screen) -> None:
    """Drop the lines ``screen``'s widgets keep drawn; drawn again when it is shown.

    A section kept while hidden (F3, F4, F5, F7) held every line it had drawn:
    the idea list's and the vote's tables' rows and cells, ~1.6 MiB of peak
    memory through every section at 1,000 ideas. What a widget shows is not
    touched; only the caches Textual refills when it paints (the visible lines).
    """
    for widget in screen.walk_children(with_self=True):
        styles_cache = getattr(widget, "_styles_cache", None)
        if styles_cache is not None:
            styles_cache.clear()
        if isinstance(widget, DataTable):
            widget._clear_caches()
        for name in ("_line_cache", "_option_render_cache"):  # TextArea, OptionList
            cache = getattr(widget, name, None)
            if cache is not None and hasattr(cache, "clear"):
                cache.clear()
    screen.refresh()


class SectionCacheMixin:
    """Releases and rebuilds the sections of ``AtelierApp`` (an ``App``)."""

    _views: dict[str, View]
    _releasing = 0  # sections being taken down
    _freeze_due = False  # a freeze waits for them

    def _section_views(self) -> dict[str, View]:
        if "_views" not in self.__dict__:
            self._views = {}
            self._frozen: weakref.WeakSet[Screen] = weakref.WeakSet()
        return self._views

    def forget_views(self) -> None:
        """Another session: the views written down were of the one before."""
        self._section_views().clear()

    def switch_mode(self, mode: str) -> AwaitMount:
        leaving = self.current_mode  # type: ignore[attr-defined]
        shown = super().switch_mode(mode)  # type: ignore[misc]
        if leaving != mode:
            self._leave(leaving)
            self._forget_drawn(leaving)
            if mode in self._section_views():
                # Another path than the F-keys (which put it back at once): after its mount.
                self.screen.call_later(self.put_back, mode)  # type: ignore[attr-defined]
        return shown

    def put_back(self, mode: str) -> None:
        """The view of released ``mode``, onto its new screen; once."""
        if self.current_mode != mode:  # type: ignore[attr-defined]
            return
        view = self._section_views().pop(mode, None)
        if view is not None:
            put_view(self.screen, view)  # type: ignore[attr-defined]

    async def show_section(self, mode: str) -> None:
        """Show ``mode``; a section left is let go before the next one is built.

        So the two are never in memory together: the section left first gets
        its ``ScreenSuspend`` behind a blank screen, then goes, then the next
        one is built and given back its view, before the keys typed after its
        F-key (the binding that awaits this holds them).
        """
        leaving = self.current_mode  # type: ignore[attr-defined]
        stacks = self._screen_stacks  # type: ignore[attr-defined]
        if mode != leaving and mode not in stacks and self._may_release(leaving):
            screen = stacks[leaving][0]
            if BETWEEN not in self._modes:  # type: ignore[attr-defined]
                self.add_mode(BETWEEN, Screen)  # type: ignore[attr-defined]
            await super().switch_mode(BETWEEN)  # type: ignore[misc]
            handled = asyncio.get_running_loop().create_future()
            screen.call_later(handled.set_result, None)  # after its ScreenSuspend
            await handled
            self._section_views()[leaving] = take_view(screen, _view_names(leaving))
            frozen = screen in self._frozen
            del screen
            factory = self._modes[leaving]  # type: ignore[attr-defined]
            await self.remove_mode(leaving)  # type: ignore[attr-defined]
            self.add_mode(leaving, factory)  # type: ignore[attr-defined]
            self._collect(frozen)
        await self.switch_mode(mode)
        self.put_back(mode)

    def _may_release(self, mode: str) -> bool:
        stack = self._screen_stacks.get(mode)  # type: ignore[attr-defined]
        # A dialog open on it (a form half filled): kept as it is.
        is_open = self.handle is not None  # type: ignore[attr-defined]
        return mode in RELEASED and is_open and stack is not None and len(stack) == 1

    def _forget_drawn(self, mode: str) -> None:
        stack = self._screen_stacks.get(mode)  # type: ignore[attr-defined]
        if mode not in RELEASED and stack and self.handle is not None:  # type: ignore[attr-defined]
            stack[0].call_later(forget_drawn, stack[0])  # in its queue, after its ScreenSuspend

    def _leave(self, mode: str) -> None:
        if not self._may_release(mode):
            return
        screen = self._screen_stacks[mode][0]  # type: ignore[attr-defined]
        self._releasing += 1
        # In the screen's own queue: after the ScreenSuspend switch_mode posted to it.
        screen.call_later(self._release, mode, screen)

    def _release(self, mode: str, screen: Screen) -> None:
        stacks = self._screen_stacks  # type: ignore[attr-defined]
        if self.current_mode == mode or stacks.get(mode) != [screen]:  # type: ignore[attr-defined]
            self._released(False)  # shown again meanwhile, or a dialog opened, or all rebuilt
            return
        views = self._section_views()
        views[mode] = take_view(screen, _view_names(mode))
        frozen = screen in self._frozen
        factory = self._modes[mode]  # type: ignore[attr-defined]
        self.remove_mode(mode)  # type: ignore[attr-defined]
        self.add_mode(mode, factory)  # type: ignore[attr-defined]
        # After the removal, which the app runs next.
        self.call_later(self._released, frozen)  # type: ignore[attr-defined]

    def _released(self, frozen: bool) -> None:
        self._releasing = max(0, self._releasing - 1)
        self._collect(frozen)

    def _collect(self, frozen: bool) -> None:
        """Free a section let go: its cycles, or the whole heap if it was frozen."""
        forget_watchers(self)
        if frozen:  # kept out of the collector's sight: one full collection frees it
            gc.unfreeze()
            self._freeze_due = True
        if self._releasing:
            return
        if self._freeze_due:
            self._freeze_due = False
            self.call_after_refresh(self.settle_sections)  # type: ignore[attr-defined]
        else:
            gc.collect()  # the screen's cycles; the frozen heap is not walked

    def settle_sections(self) -> None:
        """``settle_heap``, unless a section to release is alive: freezing it would keep it."""
        if self._releasing or self.current_mode in RELEASED:  # type: ignore[attr-defined]
            self._freeze_due = True  # when the section shown is let go
            if not self._releasing:
                gc.collect()  # the garbage of building it, as settle_heap would
            return
        self._section_views()
        stacks = self._screen_stacks  # type: ignore[attr-defined]
        for mode in RELEASED & set(stacks):  # kept by a dialog
            self._frozen.update(stacks[mode])
        settle_heap()
