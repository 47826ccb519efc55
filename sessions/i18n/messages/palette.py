"""Textual's own words in the command palette (ctrl+p), in the interface's language."""

FR = {
    "palette.sys.placeholder": "Rechercher une commande…",
    "palette.sys.themes_placeholder": "Rechercher un thème…",
    "palette.sys.no_matches": "Aucune commande ne correspond",
    "palette.sys.theme": "Thème",
    "palette.sys.theme.help": "Changer le thème de couleurs",
    "palette.sys.quit": "Quitter",
    "palette.sys.quit.help": "Quitter l'application tout de suite",
    "palette.sys.keys": "Touches",
    "palette.sys.keys.hide": "Masquer le panneau des touches et de l'aide du champ",
    "palette.sys.keys.show": "Afficher l'aide du champ actif et la liste des touches disponibles",
    "palette.sys.minimize": "Réduire",
    "palette.sys.minimize.help": "Ramener le panneau agrandi à sa taille normale",
    "palette.sys.maximize": "Agrandir",
    "palette.sys.maximize.help": "Agrandir le panneau actif",
    "palette.sys.screenshot": "Capture d'écran",
    "palette.sys.screenshot.help": "Enregistrer l'écran actuel en image SVG",
}

EN = {
    "palette.sys.placeholder": "Search for commands…",
    "palette.sys.themes_placeholder": "Search for themes…",
    "palette.sys.no_matches": "No matches found",
    "palette.sys.theme": "Theme",
    "palette.sys.theme.help": "Change the current theme",
    "palette.sys.quit": "Quit",
    "palette.sys.quit.help": "Quit the application as soon as possible",
    "palette.sys.keys": "Keys",
    "palette.sys.keys.hide": "Hide the keys and widget help panel",
    "palette.sys.keys.show": "Show help for the focused widget and a summary of available keys",
    "palette.sys.minimize": "Minimize",
    "palette.sys.minimize.help": "Minimize the widget and restore to normal size",
    "palette.sys.maximize": "Maximize",
    "palette.sys.maximize.help": "Maximize the focused widget",
    "palette.sys.screenshot": "Screenshot",
    "palette.sys.screenshot.help": "Save an SVG 'screenshot' of the current screen",
}
