"""Labels of the command line's imports as ops (``import_ops``, ``maps.ops.ImportMaps``)."""

FR = {
    "import.undo.ideas": "import d'idées",
    "import.undo.votes": "import de bulletins",
    "import.undo.maps": "import de cartes",
}

EN = {
    "import.undo.ideas": "import of ideas",
    "import.undo.votes": "import of ballots",
    "import.undo.maps": "import of maps",
}
