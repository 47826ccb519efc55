"""Lines drawn and styled once while they do not change, for widgets repainted on every Enter.

Textual styles each line of a widget marked dirty (background, tint, the
app's colour filter) into a new strip, and a Static draws its whole text
again whenever it is updated. On an Enter in F4 the ideas list scrolls one
row and the people pane changes two or three of its ~30 lines: every line
was drawn and styled again (~2 ms for the list, ~1 ms for the pane at 1,000
ideas on a quiet machine) though nearly all were on screen already.

``StyledOnce`` keeps each styled line under the drawn line it comes from
(the same ``Strip`` object while that line is unchanged) and what styling
depends on; only a new or changed line goes through Textual's styling.
``KeptLines`` is a Static that also keeps each line of its text drawn, so
an update draws only the lines that changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual._styles_cache import StylesCache
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual, VisualType, visualize
from textual.widget import Widget, _RenderCache
from textual.widgets import Static

KEPT = 512  # lines kept styled: a dozen screens of rows (LRU), a small part of the memory

# A mixin, not a Widget subclass: listed before a widget class, a Widget base
# would hide that class's component classes (DataTable's header, cursor...).
_Mixin = Widget if TYPE_CHECKING else object


class StyledOnce(_Mixin):
    """``_styled_lines(crop)``: ``render_lines`` for a widget without border or padding."""

    _styled: LRUCache[int, tuple[Strip, Strip]] | None = None
    _styling: tuple[object, ...] | None = None  # what the styled lines depend on

    def _plain_box(self) -> bool:
        """No border, padding, outline or hatch: each line of the widget is a drawn line."""
        styles = self.styles
        return (
            not any(styles.gutter)
            and self._border_title is None
            and self._border_subtitle is None
            and not styles.has_rule("outline")
            and not styles.has_rule("hatch")
        )

    def _forget_styled(self) -> None:
        if self._styled is not None:
            self._styled.clear()

    def _styled_lines(self, crop: Region) -> list[Strip]:
        styling = (
            self.size,
            crop.column_span,
            self.background_colors,
            self.styles.tint,
            self.opacity,
            self.get_pseudo_class_state(),
            self.hover_style,
            tuple(self.get_line_filters()),
            self.app.ansi_theme,
            self.app.native_ansi_color,
        )
        styled = self._styled
        if styled is None:
            styled = self._styled = LRUCache(KEPT)
        if styling != self._styling:
            styled.clear()
            self._styling = styling
        cache: StylesCache = self._styles_cache
        lines: list[Strip] = []
        for y in crop.line_range:
            drawn = self.render_line(y)
            known = styled.get(id(drawn))
            if known is not None and known[0] is drawn:
                lines.append(known[1])
                continue
            line = cache.render_widget(self, Region(crop.x, y, crop.width, 1))[0]
            styled[id(drawn)] = (drawn, line)
            lines.append(line)
        return lines


class KeptLines(StyledOnce, Static):
    """A Static of plain ``Text`` lines: an update draws and styles only the lines that changed.

    Each line of the text is drawn alone, as the Static draws it (a long line
    still wraps), and kept under its characters and styles. A Static text
    that is not a ``Text``, a selection or an alignment is drawn as usual.
    """

    _drawn_paragraphs: LRUCache[tuple[object, ...], list[Strip]] | None = None
    _drawn_for: tuple[object, ...] | None = None

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Static's, without making the whole text's visual until it is asked for.

        ``Static.update`` turns the whole text into a visual on every update
        (about as long as drawing it); a ``Text`` is drawn here line by line,
        and ``render()`` (or a layout) still makes the visual when it needs it.
        """
        if not isinstance(content, Text):
            super().update(content, layout=layout)
            return
        self._Static__content = content
        self._Static__visual = None
        self.refresh(layout=layout)

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._plain_box():
            return self._styled_lines(crop)
        return super().render_lines(crop)

    def notify_style_update(self) -> None:
        self._forget_styled()
        if self._drawn_paragraphs is not None:
            self._drawn_paragraphs.clear()
        super().notify_style_update()

    def _render_content(self) -> None:
        text = self.content
        if (
            not isinstance(text, Text)
            or self.text_selection is not None
            or self.styles.content_align != ("left", "top")
        ):
            super()._render_content()
            return
        width, height = self.size
        style = self.visual_style
        drawn_for = (width, style)
        paragraphs = self._drawn_paragraphs
        if paragraphs is None:
            paragraphs = self._drawn_paragraphs = LRUCache(KEPT)
        if drawn_for != self._drawn_for:
            paragraphs.clear()
            self._drawn_for = drawn_for
        strips: list[Strip] = []
        for line in text.split("\n", allow_blank=True):
            if len(strips) >= height:
                break
            key = (line.plain, str(line.style), tuple(line.spans), line.no_wrap, line.overflow)
            kept = paragraphs.get(key)
            if kept is None:
                visual = visualize(self, line, markup=False)
                kept = paragraphs[key] = Visual.to_strips(self, visual, width, None, style)
            strips.extend(kept)
        self._render_cache = _RenderCache(self.size, strips[:height])
        self._dirty_regions.clear()
