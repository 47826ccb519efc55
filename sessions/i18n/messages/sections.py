"""Messages of the section switcher (ctrl+space) and of the palette's "Aller à" entries."""

FR = {
    "key.sections": "Aller à",
    "switcher.title": "Aller à une partie de la session",
    "switcher.hint": "Son numéro, ou ↑↓ puis Entrée · Échap : fermer",
    "switcher.here": "(ici)",
    "switcher.key.number": "Aller à la partie de ce numéro",
    "palette.goto": "Aller à : {section}",
    "palette.goto_switcher": "Aller à cette partie de la session ({key} puis {n})",
}

EN = {
    "key.sections": "Go to",
    "switcher.title": "Go to a part of the session",
    "switcher.hint": "Its number, or ↑↓ then Enter · Esc: close",
    "switcher.here": "(here)",
    "switcher.key.number": "Go to the part of this number",
    "palette.goto": "Go to: {section}",
    "palette.goto_switcher": "Go to this part of the session ({key} then {n})",
}
