"""Office documents (ODT, DOCX) and the formats' lists in the command line's help.

The install hint names this project's source folder (``install_command``): the
``atelier`` on the public index is another project.
"""

FR = {
    "office.missing": "le format {format} demande l'extra office de ce projet : {command}",
    "office.formats_help": "format : {choices} ; odt et docx demandent l'extra office (pip install '.[office]' dans le dossier du projet)",
    "cli.choices.default": "{name} (défaut)",
    "cli.choices.last": "{head} ou {last}",
}

EN = {
    "office.missing": "the {format} format needs this project's office extra: {command}",
    "office.formats_help": "format: {choices}; odt and docx need the office extra (pip install '.[office]' in the project's folder)",
    "cli.choices.default": "{name} (default)",
    "cli.choices.last": "{head} or {last}",
}
