"""Binding descriptions in the current language: ours are catalog keys, Textual's are English.

Our screens and widgets declare catalog keys (``key.quit``) and translate them
when built. Textual's widgets (Input, DataTable, VerticalScroll...) and the
Screen itself describe their keys in English ("Cursor up", "Scroll Down",
"Copy selected text"); ``LocalKeys`` gives a screen's active bindings with
those words from the catalog (``sessions/i18n/messages/textual.py``, whose
English texts are Textual's word for word), so the footer, the Keys panel of
the palette and F1 all read them in the interface's language.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.screen import Screen

from sessions.i18n import t

GROUP_TITLES = {"Input": "textual.group.input"}


@cache
def textual_words() -> dict[str, str]:
    """Textual's English description -> its catalog key."""
    from sessions.i18n.messages import textual

    return {text: key for key, text in textual.EN.items() if not key.startswith("textual.group.")}


def textual_key(description: str) -> str | None:
    """The catalog key of one of Textual's own descriptions, or None (unknown)."""
    return textual_words().get(description)


@cache
def _declared_by_textual(node_type: type) -> frozenset[str]:
    """Descriptions the Textual classes among ``node_type``'s bases declare."""
    found: set[str] = set()
    for cls in node_type.__mro__:
        if not cls.__module__.startswith("textual."):
            continue
        if cls.__name__ == "App":
            found.add("palette")  # the App adds ctrl+p's binding itself
        for b in cls.__dict__.get("BINDINGS", []):
            found.add(b.description if isinstance(b, Binding) else (b[2] if len(b) > 2 else ""))
    return frozenset(found)


def textual_binding_key(node: object, binding: Binding) -> str | None:
    """The catalog key of ``binding``'s description when Textual declared it on ``node``.

    Ours are translated already and may read like Textual's ("Undo" in
    English): only a description a Textual base class of ``node`` declares counts.
    """
    if binding.description not in _declared_by_textual(type(node)):
        return None
    return textual_key(binding.description)


def translate_bindings(node: DOMNode) -> None:
    """Replace each binding's description (a catalog key) by its translation."""
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [
            replace(
                b,
                description=t(b.description) if b.description else "",
                tooltip=t(b.tooltip) if b.tooltip else "",
                # a key named in words ("Suppr" / "Del") is a catalog key too
                key_display=t(b.key_display) if b.key_display else b.key_display,
            )
            for b in bindings
        ]


def local_binding(node: object, binding: Binding) -> Binding:
    """``binding`` with Textual's English description and tooltip in the current language."""
    description = textual_binding_key(node, binding)
    tooltip = textual_key(binding.tooltip) if description else None
    if description is None and tooltip is None:
        return binding
    return replace(
        binding,
        description=t(description) if description else binding.description,
        tooltip=t(tooltip) if tooltip else binding.tooltip,
    )


def raw_active_bindings(screen: Screen) -> dict[str, ActiveBinding]:
    """Textual's own ``active_bindings`` of ``screen``: descriptions as declared."""
    return Screen.active_bindings.fget(screen)  # type: ignore[attr-defined]


class LocalKeys(Screen):
    """A screen whose active bindings speak the interface's language, Textual's too."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        local: dict[str, ActiveBinding] = {}
        for key, active in raw_active_bindings(self).items():
            group = GROUP_TITLES.get(getattr(active.node, "BINDING_GROUP_TITLE", None) or "")
            if group is not None:  # the Keys panel's heading over an Input's keys
                active.node.BINDING_GROUP_TITLE = t(group)  # type: ignore[misc]
            binding = local_binding(active.node, active.binding)
            local[key] = (
                active
                if binding is active.binding
                else active._replace(binding=binding, tooltip=binding.tooltip)
            )
        return local
