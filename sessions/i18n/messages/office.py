"""Office documents (ODT, DOCX) and the formats' lists in the command line's help."""

FR = {
    "office.missing": "le format {format} demande l'extra « office » : pip install 'atelier[office]'",
    "office.formats_help": "format : {choices} ; odt et docx demandent pip install 'atelier[office]'",
    "cli.choices.default": "{name} (défaut)",
    "cli.choices.last": "{head} ou {last}",
}

EN = {
    "office.missing": "the {format} format needs the 'office' extra: pip install 'atelier[office]'",
    "office.formats_help": "format: {choices}; odt and docx need pip install 'atelier[office]'",
    "cli.choices.default": "{name} (default)",
    "cli.choices.last": "{head} or {last}",
}
