"""Labels of the command line's imports as undoable changes (``sessions.documents.import_ops``)."""

FR = {
    "import.undo.ideas": "import d'idées",
    "import.undo.votes": "import de bulletins",
}

EN = {
    "import.undo.ideas": "import of ideas",
    "import.undo.votes": "import of ballots",
}
