"""A footer that shows whole keys only, as many as fit, the screen's own first.

Textual's ``Footer`` lists the app's keys (F1, F2-F7, F10, F11, ctrl+q) before
the screen's and cuts the last one at the right edge: on a small laptop the
keys of the screen itself were never seen. Here F1 comes first (it lists every
key of the screen), then the keys of the screen, then the app's; whatever does
not fit is left out whole (it stays in F1 and in the palette), and the key of
the section already shown is not repeated.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 100  # columns: a narrower terminal gets the compact footer


class FittingFooter(Footer):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._composed_width = -1
        self._composed: tuple[object, ...] | None = None  # what the keys shown were made of

    async def recompose(self) -> None:
        """Made again only when the keys it would show changed.

        Every change of focus or of the screen's bindings asks the footer to
        recompose (Textual's ``bindings_updated_signal``); most change none of
        the keys shown, and each recompose restyled a dozen keys: three times
        before the first frame of ``atelier open``.
        """
        if not self.is_attached or self._pruning:  # taken down (a section let go): as Textual
            return
        if self._bindings_ready and self._composed == self._layout():
            return
        await super().recompose()

    def _layout(self) -> tuple[object, ...]:
        """Everything ``compose`` builds the keys from."""
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return (
            self._width(),
            tuple(
                (b.key, self.app.get_key_display(b), b.description, enabled, tooltip)
                for b, enabled, tooltip in self._entries()
            ),
            palette and (palette[1].key, palette[1].description, palette[2], palette[3]),
        )

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def _entries(self) -> list[tuple[Binding, bool, str]]:
        """The keys to show, in the order they matter, one per action."""
        current_section = f"section('{getattr(self.app, 'current_mode', '')}')"
        first: list[tuple[Binding, bool, str]] = []
        own: list[tuple[Binding, bool, str]] = []
        app_keys: list[tuple[Binding, bool, str]] = []
        seen: set[str] = set(getattr(self.app, "footer_hidden_actions", ()))
        for node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen or binding.action == current_section:
                continue
            seen.add(binding.action)
            if binding.action in ("help", "app.help"):
                first.append((binding, enabled, tooltip))
            elif node is self.app:
                app_keys.append((binding, enabled, tooltip))
            else:
                own.append((binding, enabled, tooltip))
        return first + own + app_keys

    def _cost(self, binding: Binding, compact: bool) -> int:
        key = self.app.get_key_display(binding)
        # key padding, description padding (and the compact margin): see FooterKey's CSS
        return len(key) + len(binding.description) + (2 if compact else 3)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._composed = self._layout()
        width = self._width()
        self._composed_width = width
        compact = width < COMPACT_BELOW
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")
        room = width
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                room -= self._cost(palette[1], compact) + 1  # its left border
        for binding, enabled, tooltip in self._entries():
            cost = self._cost(binding, compact)
            if cost > room:
                continue  # a shorter one further on may still fit
            room -= cost
            key = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
                classes="-compact" if compact else "",
            )
            # Born as the footer is: a key made compact (Textual's default) then
            # not was styled twice more as it mounted.
            key.set_reactive(FooterKey.compact, compact)
            yield key.data_bind(compact=Footer.compact)
        if palette is not None:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)
