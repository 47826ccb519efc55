"""Binding descriptions are catalog keys; this puts them in the current language."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from sessions.i18n import t


def translate_bindings(node: DOMNode) -> None:
    """Replace each binding's description (a catalog key) by its translation."""
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [
            replace(
                b,
                description=t(b.description) if b.description else "",
                tooltip=t(b.tooltip) if b.tooltip else "",
            )
            for b in bindings
        ]
